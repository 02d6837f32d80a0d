// Run the site's own search worker (Material's, as built) over the query suite.
//
//   node tools/search_suite.js SITE_DIR SUITE.json
//
// SUITE.json: {"zh": [{query, expect: [...]}, ...], "en": [...]}, as in
// tests/data/search-queries.yml. Prints one JSON line per query:
// {language, query, groups: [[page, section, ...], ...] (first 3)}.
// The browser test (tests/browser/test_search_quality.py) checks the same
// suite in chromium; this is the quick way for `make bench` and for editors.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, suitePath] = process.argv.slice(2);
const workers = path.join(site, "assets", "javascripts", "workers");
const workerFile = fs.readdirSync(workers).find(name => /^search\..*\.js$/.test(name));
const lunrDir = path.join(site, "assets", "javascripts", "lunr");

function startWorker() {
  const listeners = [];
  let reply = null;
  const context = {
    console, setTimeout, Promise,
    addEventListener: (type, fn) => listeners.push(fn),
    postMessage: message => reply(message),
    importScripts: (...urls) => {
      for (const url of urls)
        vm.runInContext(fs.readFileSync(path.join(lunrDir, url.replace(/^\.\.\/lunr\//, "")), "utf8"), context);
    },
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(workers, workerFile), "utf8"), context);
  return data => new Promise(resolve => {
    reply = resolve;
    listeners.forEach(fn => fn({ data }));
  });
}

(async () => {
  const suite = JSON.parse(fs.readFileSync(suitePath, "utf8"));
  for (const [language, queries] of Object.entries(suite)) {
    const root = language === "zh" ? site : path.join(site, language);
    const index = JSON.parse(fs.readFileSync(path.join(root, "search", "search_index.json"), "utf8"));
    const send = startWorker();
    await send({ type: 0, data: { config: index.config, docs: index.docs, options: {} } });
    for (const { query } of queries) {
      const result = await send({ type: 2, data: query });
      const groups = result.data.items.slice(0, 3).map(group => group.map(item => item.location));
      process.stdout.write(JSON.stringify({ language, query, groups, total: result.data.items.length }) + "\n");
    }
  }
})();
