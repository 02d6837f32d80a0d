/* The guide's service worker: read the guide with the network off.
 *
 * The build (hooks/offline_app.py) writes sw.js at the site root: the list
 * of files to store, self.PRECACHE, then this code. One worker covers the
 * whole site; it stores each language in its own cache:
 * - when a page first registers it, the files every page needs (stylesheet,
 *   scripts, icons) and every page of the reader's language, with that
 *   language's search index;
 * - when a page in another language opens, that language too.
 * It answers from those caches first, and from the network for anything
 * else. It never touches another host or a path outside its own folder, so
 * the site works under any subpath.
 * A new build is a new PRECACHE.version: the browser fetches the new sw.js,
 * which stores the new copy of each language the reader had, takes over and
 * deletes the old caches. The next page the reader opens is the new one.
 * Nothing the reader types is stored: only the site's own files.
 */
(function () {
  "use strict";

  var PRECACHE = self.PRECACHE;
  var SCOPE = self.registration.scope;
  var PREFIX = "guide-offline " + new URL(SCOPE).pathname + " ";
  var CURRENT = PREFIX + PRECACHE.version + " ";

  function absolute(url) {
    return new URL(url, SCOPE).href;
  }

  // The language of an address in scope: the longest matching language folder.
  function localeOf(url) {
    if (url.indexOf(SCOPE) !== 0) return null;
    var path = url.slice(SCOPE.length);
    var best = null;
    Object.keys(PRECACHE.locales).forEach(function (locale) {
      var prefix = PRECACHE.locales[locale].prefix;
      if (path.indexOf(prefix) === 0 && (best === null || prefix.length > PRECACHE.locales[best].prefix.length)) {
        best = locale;
      }
    });
    return best;
  }

  // Each stored response carries its file's digest, so that a new version
  // keeps what did not change instead of downloading it again.
  var DIGEST = "X-Guide-Offline-Digest";

  function olderCaches() {
    return caches.keys().then(function (names) {
      return Promise.all(
        names
          .filter(function (name) {
            return name.indexOf(PREFIX) === 0 && name.indexOf(CURRENT) !== 0;
          })
          .map(function (name) {
            return caches.open(name);
          })
      );
    });
  }

  function kept(olds, url, digest) {
    return olds.reduce(function (found, cache) {
      return found.then(function (response) {
        if (response) return response;
        return cache.match(absolute(url)).then(function (old) {
          return old && old.headers.get(DIGEST) === digest ? old : undefined;
        });
      });
    }, Promise.resolve(undefined));
  }

  // Past every HTTP cache (the browser's, a host's): a host may keep the old
  // version of a page for minutes after a new build. A static host ignores
  // the version in the query.
  function download(url, digest) {
    var fresh = new URL(url, SCOPE);
    fresh.search = "offline=" + PRECACHE.version;
    return fetch(fresh.href, { cache: "reload", credentials: "omit" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.blob().then(function (body) {
        var headers = new Headers(response.headers);
        headers.delete("Content-Encoding");
        headers.delete("Content-Length");
        headers.set(DIGEST, digest);
        return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
      });
    });
  }

  function store(part, section) {
    var urls = section.urls;
    return caches.open(CURRENT + part).then(function (cache) {
      return cache.keys().then(function (keys) {
        if (keys.length >= urls.length) return;
        return olderCaches()
          .then(function (olds) {
            return Promise.all(
              urls.map(function (url, index) {
                var digest = section.digests[index];
                return kept(olds, url, digest).then(function (old) {
                  return old || download(url, digest);
                });
              })
            );
          })
          .then(function (responses) {
            // Only once every file has arrived: a language is stored whole or not at all.
            return Promise.all(
              responses.map(function (response, index) {
                return cache.put(absolute(urls[index]), response);
              })
            );
          });
      });
    });
  }

  function storeLocale(locale) {
    var entry = PRECACHE.locales[locale];
    if (!entry) return Promise.resolve();
    return store("shared", PRECACHE.shared).then(function () {
      return store(locale, entry);
    });
  }

  // The languages to store: those of the open pages, and those an older
  // version of this worker had stored.
  function wantedLocales() {
    return Promise.all([
      self.clients.matchAll({ includeUncontrolled: true, type: "window" }),
      caches.keys(),
    ]).then(function (found) {
      var wanted = {};
      found[0].forEach(function (client) {
        var locale = localeOf(client.url);
        if (locale) wanted[locale] = true;
      });
      found[1].forEach(function (name) {
        if (name.indexOf(PREFIX) !== 0) return;
        var part = name.split(" ").pop();
        if (PRECACHE.locales[part]) wanted[part] = true;
      });
      return Object.keys(wanted);
    });
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(
      wantedLocales()
        .then(function (locales) {
          return Promise.all(locales.map(storeLocale));
        })
        .then(function () {
          return self.skipWaiting();
        })
    );
  });

  // Old versions go; pages open on an old version are told (offline-app.js
  // shows them a short "updated, reload" notice).
  self.addEventListener("activate", function (event) {
    var replaced = false;
    event.waitUntil(
      caches
        .keys()
        .then(function (names) {
          var old = names.filter(function (name) {
            return name.indexOf(PREFIX) === 0 && name.indexOf(CURRENT) !== 0;
          });
          replaced = old.length > 0;
          return Promise.all(old.map(function (name) {
            return caches.delete(name);
          }));
        })
        .then(function () {
          return self.clients.claim();
        })
        .then(function () {
          if (!replaced) return;
          return self.clients.matchAll({ type: "window" }).then(function (clients) {
            clients.forEach(function (client) {
              client.postMessage({ type: "updated", version: PRECACHE.version });
            });
          });
        })
    );
  });

  // A page asks for its language to be stored (assets/javascripts/offline-app.js).
  self.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "store" || !event.source) return;
    var source = event.source;
    var locale = localeOf(source.url);
    event.waitUntil(
      storeLocale(locale).then(
        function () {
          source.postMessage({ type: "stored", locale: locale, version: PRECACHE.version });
        },
        function () {
          source.postMessage({ type: "not-stored", locale: locale, version: PRECACHE.version });
        }
      )
    );
  });

  function fromCache(request) {
    var url = request.url.split("#")[0];
    var locale = localeOf(url);
    var names = [CURRENT + "shared"];
    if (locale) names.unshift(CURRENT + locale);
    return names.reduce(function (found, name) {
      return found.then(function (response) {
        if (response) return response;
        return caches.open(name).then(function (cache) {
          return cache.match(url, { ignoreSearch: true });
        });
      });
    }, Promise.resolve(undefined));
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
    event.respondWith(
      fromCache(request).then(function (response) {
        return response || fetch(request);
      })
    );
  });
})();
