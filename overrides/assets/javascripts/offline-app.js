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

  container.addEventListener("message", function (event) {
    if (event.data && event.data.type) document.documentElement.setAttribute("data-offline", event.data.type);
  });

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
