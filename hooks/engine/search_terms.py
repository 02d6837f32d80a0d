"""Search words a page lacks, from data/search-terms.yml (pure core).

Readers type 黑户, 呼死你, "jail" where the pages say 征信 不良记录, 频繁打电话,
"prison". Each entry names a place (a page, a heading, or a heading id on every
page that shows it) and the words of each language; the words go into that
place's search index entry as a `terms` field, searched like its text but
never shown. Used by hooks/search_per_language.py on each language's index.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import GuideError

FIELD = "terms"
# Between a heading's title (1000) and its text (1): a word a reader types for
# this place counts for more than a word somewhere in its text.
BOOST = 100.0


@dataclass(frozen=True)
class SearchTerms:
    where: str
    words: Mapping[str, tuple[str, ...]]
    line: int


def parse_search_terms(data: Any, path: str, languages: list[str]) -> list[SearchTerms]:
    """Validate the parsed YAML: a list of {where, <each language>: [words]}."""
    if not isinstance(data, list):
        raise GuideError(path, "the file must be a list of entries", "start each entry with `- where:`")
    entries = []
    for entry in data:
        line = getattr(entry, "line", None)
        if not isinstance(entry, dict) or not isinstance(entry.get("where"), str) or not entry["where"]:
            raise GuideError(path, "an entry has no `where`", 'give the page or heading, e.g. `where: "#will-i-go-to-prison"`', line)
        unknown = set(entry) - {"where", *languages}
        if unknown:
            raise GuideError(path, f"unknown key(s) {sorted(unknown)}", f"use `where` and the languages {languages}", line)
        words = {}
        for language in languages:
            value = entry.get(language)
            if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
                raise GuideError(path, f"`{entry['where']}` has no `{language}` words", f"add `{language}: [word, ...]`", line)
            words[language] = tuple(w.strip() for w in value)
        entries.append(SearchTerms(entry["where"], words, line or 0))
    return entries


def matches(where: str, location: str) -> bool:
    """Whether an index location (e.g. "faq/#credit", "#in-danger-now") is the place named."""
    location = place_of(location)
    if where.startswith("#"):
        return location == where or location.endswith("/" + where)
    return location == where


def place_of(location: str) -> str:
    """A location as the site serves it; the offline build's "faq.html#credit" is "faq/#credit"."""
    path, hash_, anchor = location.partition("#")
    if path == "index.html" or path.endswith("/index.html"):
        path = path.removesuffix("index.html")
    elif path.endswith(".html"):
        path = path.removesuffix(".html") + "/"
    return path + hash_ + anchor


def add_search_terms(index: dict[str, Any], entries: list[SearchTerms], language: str, path: str) -> dict[str, Any]:
    """The index with each place's words in its `terms` field; fails on a place it lacks.

    Each word stays whole, one index word (呼死你, not 呼/死/你): the query side
    (overrides/assets/javascripts/search-worker.js) finds it whole or by its start.
    """
    docs = index["docs"]
    found: dict[str, list[str]] = {}
    for entry in entries:
        places = [doc["location"] for doc in docs if matches(entry.where, doc["location"])]
        if not places:
            raise GuideError(path, f"no {language} page or heading is `{entry.where}`", "name a page (`rights/`) or heading (`rights/#civil-code`, `#civil-code`) the site has", entry.line)
        for place in places:
            found.setdefault(place, []).extend(entry.words[language])
    index = {**index, "config": {**index["config"], "fields": {**index["config"]["fields"], FIELD: {"boost": BOOST}}}}
    index["docs"] = [{**doc, FIELD: "\u200b".join(found[doc["location"]])} if doc["location"] in found else doc for doc in docs]
    return index
