/* Our part of Material's search worker (9.8.2).
 *
 * hooks/search_worker.py puts this file in front of Material's search worker
 * and makes the worker call the three functions below.
 *
 * guideSegment() cuts each run of Chinese characters in a query, in place of
 * Material's own segmenter, which never tries a run's last character nor the
 * whole run: 报警 became 报 (and matched 报告), and 还钱 stayed one unknown
 * word (no results).
 *
 * The index is segmented by jieba at build time. Here a query run is cut into
 * the fewest pieces that are words of that same index, or the start of one
 * (every query term gets a trailing wildcard); a character that starts no
 * index word is kept alone and costs more, so known words win. Runs the
 * stopword filter drops (还, 不, 被) then simply fall away, and what is left
 * is the words the pages use.
 */
var guideSegment = (function () {
  "use strict";
  var HAN = /^\p{sc=Han}/u;
  var prefixSets = new WeakMap();

  /* Every start of every Chinese word in the index (one set per index). */
  function prefixesOf(index) {
    var set = prefixSets.get(index);
    if (set) return set;
    set = new Set();
    for (var word in index) {
      if (!HAN.test(word)) continue;
      for (var end = 1; end <= word.length; end++) set.add(word.slice(0, end));
    }
    prefixSets.set(index, set);
    return set;
  }

  return function guideSegment(run, index) {
    var known = prefixesOf(index);
    var n = run.length;
    var cost = [0];
    var from = [0];
    for (var end = 1; end <= n; end++) {
      cost[end] = Infinity;
      for (var start = 0; start < end; start++) {
        var piece = run.slice(start, end);
        var step = known.has(piece) ? 1 : piece.length === 1 ? 2 : Infinity;
        if (cost[start] + step < cost[end]) {
          cost[end] = cost[start] + step;
          from[end] = start;
        }
      }
    }
    var pieces = [];
    for (var at = n; at > 0; at = from[at]) pieces.unshift(run.slice(from[at], at));
    // Apart from the letters and digits around the run (714高炮): the index
    // has them as words of their own.
    pieces[0] = " " + pieces[0];
    pieces[pieces.length - 1] += " ";
    return pieces;
  };
})();

/* A page's own result entry, added by Material when only its sections
 * matched, had no query terms: its link carried an empty ?h=, and the page
 * opened with nothing highlighted. It gets the terms its sections matched. */
function guideArticleTerms(items) {
  "use strict";
  var terms = {};
  items.forEach(function (item) {
    Object.keys(item.terms).forEach(function (term) {
      terms[term] = terms[term] || item.terms[term];
    });
  });
  return terms;
}

/* Stopwords leave the query first (see below). A misspelt word (sumons,
 * harrass) found nothing, or only by chance. Each
 * word of four or more letters that starts no word of the index is replaced
 * by the index word one edit away (a letter missing, added, changed or two
 * swapped) that the most places use; the results then mark that word. */
var RANK_REST = 0.1;
function guideSearch(search, query) {
  "use strict";
  var index = search.index.invertedIndex;
  var words = Object.keys(index).filter(function (word) {
    return /^[a-z]{3,}$/.test(word);
  });
  function places(word) {
    var entry = index[word];
    return Object.keys(entry).reduce(function (count, field) {
      return field === "_index" ? count : count + Object.keys(entry[field]).length;
    }, 0);
  }
  function startsSome(prefix) {
    return words.some(function (word) {
      return word.lastIndexOf(prefix, 0) === 0;
    });
  }
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length)
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  // Words the index leaves out (at, my, on) were searched by their start
  // and found other words: "at my door" listed every "What to attach".
  var typed = query.split(/\s+/).filter(Boolean);
  var kept = typed.filter(function (word) {
    return !/^[A-Za-z]+$/.test(word) || self.lunr.stopWordFilter(word.toLowerCase());
  });
  if (kept.length && kept.length < typed.length) query = kept.join(" ");
  var corrected = query.replace(/(^|\s)([A-Za-z]{4,})(?=\s|$)/g, function (all, space, word) {
    var lower = word.toLowerCase();
    // Stopwords (will, your) are in no index: they are not misspelt.
    if (!self.lunr.stopWordFilter(lower) || startsSome(lower)) return all;
    var best = null;
    words.forEach(function (candidate) {
      if (oneEdit(lower, candidate) && (!best || places(candidate) > places(best))) best = candidate;
    });
    return best ? space + best : all;
  });
  var result = search.search(corrected);
  // A page ranks by its best entry's score plus a tenth of its other
  // entries': of the pages showing the same FAQ answer (the same best
  // score), the one with more matching sections comes first.
  var weight = function (group) {
    var scores = group.map(function (item) { return item.score; });
    var best = Math.max.apply(null, scores);
    return best + RANK_REST * (scores.reduce(function (a, b) { return a + b; }, 0) - best);
  };
  result.items = result.items
    .map(function (group, at) { return { group: group, weight: weight(group), at: at }; })
    .sort(function (a, b) { return b.weight - a.weight || a.at - b.at; })
    .map(function (entry) { return entry.group; });
  return result;
}
