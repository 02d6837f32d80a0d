/* Keep the guide on the phone for reading offline (see offline-worker.js).
 *
 * Registers the service worker at the site root (found from this script's
 * own address, so any subpath works) once the page has loaded, then asks it
 * to store this page's language. Only over http(s): never from file://.
 * When service workers are blocked or missing, nothing happens and the
 * page works as before.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || (location.protocol !== "https:" && location.protocol !== "http:")) return;
  var container;
  try {
    container = navigator.serviceWorker;
  } catch (error) {
    return;
  }
  if (!container) return;
  var root = new URL("../../", script.src);

  function start() {
    container
      .register(new URL("sw.js", root).href, { scope: root.href })
      .then(function () {
        return container.ready;
      })
      .then(function (registration) {
        if (registration.active) registration.active.postMessage({ type: "store" });
      })
      .catch(function () {});
  }

  // A new version of the guide is stored: say so at the top of the page,
  // with a link that reloads it. The words come from the page's language
  // (data-updated, data-reload on this script's tag).
  function announceUpdate() {
    if (document.getElementById("offline-updated")) return;
    var notice = document.createElement("aside");
    notice.id = "offline-updated";
    notice.className = "md-banner";
    notice.setAttribute("role", "status");
    var inner = document.createElement("div");
    inner.className = "md-banner__inner md-grid md-typeset";
    var link = document.createElement("a");
    link.href = location.href;
    link.textContent = script.getAttribute("data-reload");
    inner.appendChild(document.createTextNode(script.getAttribute("data-updated") + " "));
    inner.appendChild(link);
    notice.appendChild(inner);
    document.body.insertBefore(notice, document.body.firstChild);
  }

  container.addEventListener("message", function (event) {
    var type = event.data && event.data.type;
    if (type === "stored" || type === "not-stored") document.documentElement.setAttribute("data-offline", type);
    if (type === "updated") announceUpdate();
  });

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
