"""Search: how well it finds what readers type, and what opening it costs a phone.

Rows for `make bench` (tools/bench.py):
- the query suite's score (tests/data/search-queries.yml): the share of
  queries with an expected place in the first three result groups, per
  language, run through the site's own built search worker in node
  (tools/search_suite.js); budget at least 95%, every query with results.
  The browser test tests/browser/test_search_quality.py checks the same in
  chromium, on the served site and the offline zip;
- what opening search downloads, per language, gzip: the language's index,
  the worker and the worker's language files. Budget 100 KB: about 2 s on a
  slow mobile link (400 kbit/s), paid only by readers who open search
  (assets/javascripts/search-on-demand.js). tools/bench_quality.py reports
  the index alone.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from build_site import build_into
from search_suite import GOAL, describe_misses, is_hit, load_suite

ROOT = Path(__file__).resolve().parent.parent
Row = tuple[str, str, str]
OPEN_BUDGET_KB = 100
# What the worker loads for a language besides the index (Material's worker,
# setupSearchLanguages): nothing for English.
LANGUAGE_FILES = {"en": [], "zh": ["lunr.stemmer.support.min.js", "lunr.zh.min.js"]}


def measure() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-search-") as scratch:
        site = Path(scratch) / "site"
        if build_into(site) != 0:
            return [("search suite", "failed", "OVER: the strict build failed")]
        return suite_scores(site) + open_search_sizes(site)


def suite_scores(site: Path) -> list[Row]:
    queries = load_suite()
    suite = {}
    for query in queries:
        suite.setdefault(query.language, []).append({"query": query.query})
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
        json.dump(suite, file, ensure_ascii=False)
        file.flush()
        out = subprocess.run(
            ["node", str(ROOT / "tools" / "search_suite.js"), str(site), file.name], capture_output=True, text=True, check=True
        ).stdout
    answers = {(r["language"], r["query"]): r for r in map(json.loads, out.splitlines())}
    rows = []
    for language in suite:
        ours = [q for q in queries if q.language == language]
        misses = [(q, answers[(language, q.query)]["groups"]) for q in ours if not is_hit(q, answers[(language, q.query)]["groups"])]
        empty = [q.query for q in ours if not answers[(language, q.query)]["total"]]
        score = 1 - len(misses) / len(ours)
        note = f"budget >= {GOAL:.0%}, every query with results"
        if score < GOAL or empty:
            note = f"OVER: {note}; no results for {empty}" if empty else f"OVER: {note}"
        if misses:
            print(describe_misses(misses), file=sys.stderr)
        rows.append((f"search suite top-3 ({language}, {len(ours)} queries)", f"{len(ours) - len(misses)}/{len(ours)} ({score:.0%})", note))
    return rows


def open_search_sizes(site: Path) -> list[Row]:
    scripts = site / "assets" / "javascripts"
    [worker] = (scripts / "workers").glob("search.*.min.js")
    rows = []
    for language, files in LANGUAGE_FILES.items():
        index = site / ("" if language == "zh" else language) / "search" / "search_index.json"
        parts = {"index": _gzip_kb(index), "worker": _gzip_kb(worker)}
        parts["language files"] = sum(_gzip_kb(scripts / "lunr" / "min" / name) for name in files)
        total = sum(parts.values())
        detail = ", ".join(f"{name} {size:.1f}" for name, size in parts.items())
        note = f"budget {OPEN_BUDGET_KB} KB ({detail})"
        rows.append((f"opening search downloads ({language}, gzip)", f"{total:.1f} KB", note if total <= OPEN_BUDGET_KB else "OVER: " + note))
    return rows


def _gzip_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes())) / 1024
