"""Read and check a glossary file; sort its terms for each language.

The file (data/glossary.yml for
the guide) looks like this; every problem names the file, the line and the id:

    terms:
      - id: violent-collection          # the anchor, the same in every language
        zh:
          term: 暴力催收
          variants: [暴力讨债]           # optional: other spellings, same entry
          not_in: []                    # optional: longer strings where a form is NOT this term
          definition: 一两句平实的话。    # plain text, no markup (it is escaped)
        en:
          term: abusive collection
          definition: One or two plain sentences.
        see: legal-collection#what-collectors-may-not-do   # optional: page[#section]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypinyin import Style, lazy_pinyin

from .errors import GuideError
from .yaml_data import load_yaml

ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
SEE_PATTERN = re.compile(r"^([A-Za-z0-9_\-/]+?)(?:\.md)?(?:#([\w-]+))?$")
ENTRY_KEYS = frozenset({"id", "see"})
TEXT_KEYS = frozenset({"term", "variants", "not_in", "definition"})
FORBIDDEN = re.compile(r"[<>&\x00-\x1f]")


@dataclass(frozen=True)
class TermText:
    """One language's side of a term."""

    term: str
    variants: tuple[str, ...]
    not_in: tuple[str, ...]
    definition: str
    line: int = 0  # where its block starts in the file

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass(frozen=True)
class Term:
    id: str
    line: int
    texts: dict[str, TermText]  # language -> its side
    see_page: str | None = None
    see_anchor: str | None = None
    see_line: int = 0


# -----------------------------------------------------------------------------
# Loading and checking
# -----------------------------------------------------------------------------

def load_glossary(path: Path, shown: str, languages: Sequence[str]) -> list[Term]:
    """Read the glossary file at path (named `shown` in errors) and check it."""
    return parse_glossary(load_yaml(path, shown, setting="glossary_file"), shown, languages)


def parse_glossary(data: Any, shown: str, languages: Sequence[str]) -> list[Term]:
    """Check parsed YAML and turn it into terms; the first problem raises GuideError."""
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise GuideError(shown, "the file must hold a list under 'terms:'", "start it with 'terms:' and one '- id: ...' per term", 1)
    terms: list[Term] = []
    first_line: dict[str, int] = {}
    for entry in data["terms"]:
        term = _term_from(entry, shown, languages)
        if term.id in first_line:
            raise GuideError(
                shown,
                f"the id '{term.id}' is used twice (first on line {first_line[term.id]})",
                "give each term its own id",
                term.line,
            )
        first_line[term.id] = term.line
        terms.append(term)
    _check_forms_are_unique(terms, shown, languages)
    return terms


def check_see_pages(terms: Sequence[Term], shown: str, page_exists: Callable[[str], bool]) -> None:
    """Every `see:` must name a page of the site (its default-language file)."""
    for term in terms:
        if term.see_page and not page_exists(term.see_page):
            raise GuideError(
                shown,
                f"term '{term.id}': its see: page '{term.see_page}' does not exist",
                f"use a page name from docs/ (docs/{term.see_page}.md is missing)",
                term.see_line,
            )


# -----------------------------------------------------------------------------
# Sorting
# -----------------------------------------------------------------------------

def sorted_terms(terms: Sequence[Term], language: str) -> list[Term]:
    """Terms in reading order: Chinese by pinyin (tone 1-4 within a syllable), others A to Z."""
    return sorted(terms, key=lambda t: sort_key(t.texts[language].term, language))


def sort_key(text: str, language: str) -> tuple[tuple[str, ...], str]:
    """Syllable by syllable (so 催收 comes before 催收非法债务罪), then the text itself."""
    if language.startswith("zh"):
        # Tone numbers after each syllable (fa2 before fa3); pypinyin keeps
        # non-Chinese runs (LPR, 714) as they are, lower-cased here.
        return tuple(s.lower() for s in lazy_pinyin(text, style=Style.TONE3)), text
    return tuple(text.casefold().split()), text


# -----------------------------------------------------------------------------
# Private helpers
# -----------------------------------------------------------------------------

def _term_from(entry: Any, shown: str, languages: Sequence[str]) -> Term:
    line = getattr(entry, "line", None)
    if not isinstance(entry, dict) or not entry.get("id"):
        raise GuideError(shown, "a term has no id", "add 'id: a-short-english-name' to it", line)
    term_id = str(entry["id"])
    if not ID_PATTERN.match(term_id):
        raise GuideError(shown, f"the id '{term_id}' is not a lower-case English name", "use letters, digits and hyphens, starting with a letter", entry.line_of("id"))
    unknown = sorted(set(map(str, entry)) - ENTRY_KEYS - set(languages))
    if unknown:
        raise GuideError(shown, f"term '{term_id}' has an unknown field '{unknown[0]}'", f"use id, see and one block per language ({', '.join(languages)})", entry.line_of(unknown[0]))
    texts = {}
    for language in languages:
        if language not in entry:
            raise GuideError(shown, f"term '{term_id}' has no '{language}' block", f"add '{language}:' with term and definition", entry.line)
        texts[language] = _text_from(entry[language], shown, term_id, language, entry.line_of(language))
    see_page = see_anchor = None
    if entry.get("see") is not None:
        match = SEE_PATTERN.match(str(entry["see"]))
        if not match:
            raise GuideError(shown, f"term '{term_id}': see: '{entry['see']}' is not a page name", "write it as page or page#section-id, e.g. rights#civil-code", entry.line_of("see"))
        see_page, see_anchor = match.group(1), match.group(2)
    return Term(term_id, entry.line, texts, see_page, see_anchor, entry.line_of("see"))


def _text_from(block: Any, shown: str, term_id: str, language: str, line: int) -> TermText:
    if not isinstance(block, dict):
        raise GuideError(shown, f"term '{term_id}': its '{language}' block is not a mapping", "give it 'term:' and 'definition:' lines, indented", line)
    unknown = sorted(set(map(str, block)) - TEXT_KEYS)
    if unknown:
        raise GuideError(shown, f"term '{term_id}' ({language}) has an unknown field '{unknown[0]}'", f"use {', '.join(sorted(TEXT_KEYS))}", block.line_of(unknown[0]))
    for key in ("term", "definition"):
        if not isinstance(block.get(key), str) or not block[key].strip():
            raise GuideError(shown, f"term '{term_id}' has no {language} {key}", f"add '{key}:' to its '{language}:' block", block.line_of(key))
    lists = {}
    for key in ("variants", "not_in"):
        value = block.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise GuideError(shown, f"term '{term_id}' ({language}): {key} must be a list of words", f"write it as {key}: [word, another]", block.line_of(key))
        lists[key] = tuple(v.strip() for v in value)
    text = TermText(block["term"].strip(), lists["variants"], lists["not_in"], " ".join(block["definition"].split()), line)
    for form in text.forms:
        if FORBIDDEN.search(form):
            raise GuideError(shown, f"term '{term_id}' ({language}): '{form}' contains <, > or &", "write the word without them", block.line_of("term"))
    for blocker in text.not_in:
        if not any(form.casefold() in blocker.casefold() for form in text.forms):
            raise GuideError(shown, f"term '{term_id}' ({language}): not_in '{blocker}' does not contain the term", "list only longer strings that contain the term or a variant", block.line_of("not_in"))
    return text


def _check_forms_are_unique(terms: Sequence[Term], shown: str, languages: Sequence[str]) -> None:
    """A word may stand for one term only (English compared case-insensitively)."""
    for language in languages:
        owner: dict[str, Term] = {}
        for term in terms:
            for form in dict.fromkeys(f.casefold() for f in term.texts[language].forms):
                first = owner.setdefault(form, term)
                if first is not term:
                    raise GuideError(
                        shown,
                        f"term '{term.id}': the {language} word '{form}' is already claimed by '{first.id}' (line {first.line})",
                        "keep the word in one term only",
                        term.texts[language].line,
                    )
