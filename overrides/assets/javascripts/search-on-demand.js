/* Download search only when the reader opens it.
 *
 * Material starts its search worker and requests search/search_index.json
 * as soon as any page loads (over http; from file:// the index waits).
 * Together they are over a third of a page's download, and most readers
 * never search. This script runs before Material's bundle and holds back
 * that one request until the search field is opened or focused, or the
 * address asks for search results (?q=) or highlighting (?h=). The worker
 * starts when it gets its first message, which is the index. Every other
 * request is untouched.
 */
(function () {
  var INDEX = /\/search\/search_index\.json(\?|#|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = /[?&][qh]=/.test(location.search);

  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.isSearchIndex && !wanted) {
      held.push({ request: this, args: arguments });
      return;
    }
    return send.apply(this, arguments);
  };

  function release() {
    wanted = true;
    held.splice(0).forEach(function (call) {
      send.apply(call.request, call.args);
    });
  }

  // Material opens search by ticking the #__search toggle (a click on the
  // search icon, the "s" or "/" key, a focus on the field). Capture on the
  // document sees these events before Material's own handlers do.
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) release();
  }, true);
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target.getAttribute && target.getAttribute("data-md-component") === "search-query") release();
  }, true);

  // The search worker: a stand-in that Material can listen to and post to,
  // and that starts the real worker (or, from file://, the offline shim's
  // stand-in, loaded before this script) on the first message.
  var RealWorker = window.Worker;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/;

  function OnDemandWorker(url, options) {
    if (!SEARCH_WORKER.test(String(url))) return new RealWorker(url, options);
    this.start = function () {
      return new RealWorker(url, options);
    };
    this.worker = null;
    this.listeners = [];
  }
  OnDemandWorker.prototype.addEventListener = function (type, listener, options) {
    if (this.worker) return this.worker.addEventListener(type, listener, options);
    this.listeners.push([type, listener, options]);
  };
  OnDemandWorker.prototype.removeEventListener = function (type, listener, options) {
    if (this.worker) return this.worker.removeEventListener(type, listener, options);
    this.listeners = this.listeners.filter(function (entry) {
      return entry[0] !== type || entry[1] !== listener;
    });
  };
  OnDemandWorker.prototype.postMessage = function (message, transfer) {
    if (!this.worker) {
      var worker = (this.worker = this.start());
      this.listeners.splice(0).forEach(function (entry) {
        worker.addEventListener(entry[0], entry[1], entry[2]);
      });
    }
    this.worker.postMessage(message, transfer);
  };
  OnDemandWorker.prototype.terminate = function () {
    if (this.worker) this.worker.terminate();
  };
  if (RealWorker) window.Worker = OnDemandWorker;
})();
