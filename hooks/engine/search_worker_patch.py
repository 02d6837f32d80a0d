"""Put our search functions into Material's search worker (pure core).

Material 9.8.2's worker segments a Chinese query with its own greedy
segmenter, which never tries a run's last character: 报警 is searched as 报.
We keep Material's worker, put overrides/assets/javascripts/search-worker.js
in front of it and change three expressions in it: the segmenter call
(guideSegment), the terms of a page entry added for its sections
(guideArticleTerms: no empty ?h=) and the answer to a query (guideSearch:
misspellings, ties). Each must be found exactly once, or the build fails: a
Material upgrade must be checked against our file before it ships.
"""

from __future__ import annotations

import re
from collections.abc import Callable

MARKER = "/* guide search worker */"

# [...fe(s,this.index.invertedIndex)]: Material's segmenter on one Chinese run.
SEGMENT_CALL = re.compile(r"\[\.\.\.\w+\((\w+),this\.index\.invertedIndex\)\]")
# o.push(B(_({},a),{score:0,terms:{}})): a page entry added without terms.
ARTICLE_PUSH = re.compile(r"(\w+)\.push\((\w+\(\w+\(\{\},\w+\),)\{score:0,terms:\{\}\}\)\)")
# data:de.search(e)}: the worker answering a query.
QUERY_CALL = re.compile(r"data:(\w+)\.search\((\w+)\)\}")
SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")


class WorkerChanged(ValueError):
    """Material's worker no longer has an expression we replace."""


def patch_worker(worker: str, ours: str) -> str:
    """Material's worker with our functions in front and three expressions replaced."""
    if worker.startswith(MARKER):
        return worker
    worker = _replace_once(SEGMENT_CALL, lambda m: f"guideSegment({m.group(1)},this.index.invertedIndex)", worker, "segmenter call")
    worker = _replace_once(
        ARTICLE_PUSH, lambda m: f"{m.group(1)}.push({m.group(2)}{{score:0,terms:guideArticleTerms({m.group(1)})}}))", worker, "page entry"
    )
    worker = _replace_once(QUERY_CALL, lambda m: f"data:guideSearch({m.group(1)},{m.group(2)})}}", worker, "query answer")
    # Our lines in front would shift Material's source map: leave it out.
    worker = SOURCE_MAP.sub("\n", worker)
    return f"{MARKER}\n{ours}\n{worker}"


def _replace_once(pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str], text: str, what: str) -> str:
    found = len(pattern.findall(text))
    if found != 1:
        raise WorkerChanged(f"Material's search worker has {found} matches for its {what} (expected 1)")
    return pattern.sub(replacement, text)
