"""The search query suite (tests/data/search-queries.yml): load it, score results.

Used by the browser test (tests/browser/test_search_quality.py, chromium on the
served site and the offline zip) and by `make bench` (tools/bench_search.py,
the built worker in node). A query hits when one of its expected places is in
the first three result groups (a page and the sections shown under it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

SUITE = Path(__file__).resolve().parent.parent / "tests" / "data" / "search-queries.yml"
TOP = 3
GOAL = 0.95


@dataclass(frozen=True)
class Query:
    language: str
    query: str
    expect: tuple[str, ...]


def load_suite(path: Path = SUITE) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for language, entries in data.items():
        for entry in entries:
            if not isinstance(entry.get("query"), str) or not entry.get("expect"):
                raise ValueError(f"{path}: {language} entry {entry!r} needs a quoted `query` and an `expect` list")
            queries.append(Query(language, entry["query"], tuple(entry["expect"])))
    return queries


def location(link: str, root: str) -> str:
    """A result link as a place relative to its language's root: "faq/#credit", "#not-a-crime"."""
    parts = urlsplit(link)
    path = unquote(parts.path)
    root_path = unquote(urlsplit(root).path)
    if not path.startswith(root_path):
        return link
    place = path[len(root_path) :]
    # The offline zip's addresses: index.html, credit-report.html.
    if place.endswith("index.html"):
        place = place.removesuffix("index.html")
    elif place.endswith(".html"):
        place = place.removesuffix(".html") + "/"
    return place + (f"#{parts.fragment}" if parts.fragment else "")


def is_hit(query: Query, groups: list[list[str]]) -> bool:
    """Whether an expected place is among the first TOP groups' places."""
    return any(place in query.expect for group in groups[:TOP] for place in group)


def describe_misses(misses: list[tuple[Query, list[list[str]]]]) -> str:
    lines = [f"{len(misses)} queries without an expected place in the top {TOP}:"]
    for query, groups in misses:
        shown = " | ".join(", ".join(group[:3]) for group in groups[:TOP]) or "no results"
        lines.append(f"  [{query.language}] {query.query!r}: expected one of {list(query.expect)}; got {shown}")
    return "\n".join(lines)
