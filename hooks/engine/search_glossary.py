"""The glossary page in search: one entry per term (pure core).

Material's search cuts a page into entries at its headings. The glossary's
terms are a definition list, so the whole glossary was one entry: a word
only the glossary explains (敲诈勒索, under 寻衅滋事) put 术语表 first in the
results with its opening lines as the excerpt, and the term itself out of
sight. The listing is left out of Material's index (data-search-exclude,
partials/glossary-page.html); here each term becomes an entry at its anchor,
in the page's order: the term and its names in the other languages as the
title, its definition and other names as the text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from .glossary_data import Term, sorted_terms
from .labels import Labels
from .search_terms import place_of

# A definition explains a word; the pages say what to do about it. Where a
# page matches as well as a term does, the page comes first.
BOOST = 0.5


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    title: str
    text: str


def add_glossary_entries(
    index: dict[str, Any], page_location: str, entries: Sequence[GlossaryEntry], segment: Callable[[str], str]
) -> dict[str, Any]:
    """The index with an entry per term after the glossary page's own.

    `page_location` is the page as the index names it ("glossary/": each
    language's index names places from that language's root). `segment`
    cuts Chinese into words as Material's indexer does (jieba, words joined
    by U+200B). An index without the page is returned unchanged.
    """
    docs = index["docs"]
    at = next((n for n, doc in enumerate(docs) if place_of(doc["location"]) == page_location), None)
    if at is None:
        return index
    page = docs[at]["location"].partition("#")[0]  # as this index writes it: "glossary/" or "glossary.html"
    # Escaped and in a paragraph, as Material writes a section's title and text.
    added = [
        {
            "location": f"{page}#{entry.id}",
            "title": segment(escape(entry.title, quote=False)),
            "text": segment(f"<p>{escape(entry.text, quote=False)}</p>"),
            "boost": BOOST,
        }
        for entry in entries
    ]
    return {**index, "docs": [*docs[: at + 1], *added, *docs[at + 1 :]]}


def glossary_entries(terms: Sequence[Term], language: str, labels: Labels) -> list[GlossaryEntry]:
    """Each term's entry in one language, in the glossary page's order, worded as the page shows it."""
    entries = []
    for term in sorted_terms(terms, language):
        text = term.texts[language]
        others = "".join(f"{labels.paren_open}{other.term}{labels.paren_close}" for name, other in term.texts.items() if name != language)
        variants = f" {labels.glossary_variants}{labels.glossary_separator.join(text.variants)}" if text.variants else ""
        entries.append(GlossaryEntry(term.id, text.term + others, text.definition + variants))
    return entries
