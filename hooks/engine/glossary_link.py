"""Find the first occurrence of each glossary term in a page's HTML and wrap it.

Pure functions, no MkDocs:

    matcher = Matcher({"debt-collection": ["催收"], "violent-collection": ["暴力催收"]})
    found = find_links(html, matcher)                  # [(start, end, term_id)]
    html = apply_links(html, found, {"debt-collection": ('<a href="../glossary/#debt-collection">', "</a>")})

How it stays correct:
- engine/html_tokens.py splits the HTML into text and tokens: tags (attribute
  values included, quoted '>' allowed), comments, declarations and character
  references. Only text is searched, so a link never cuts through a tag or an
  entity, never lands in an attribute value, and the visible text is unchanged.
- Text inside code, pre, kbd, links, headings, abbr, script, style, form
  controls, svg and anything with `class="no-glossary"` is skipped: such an
  element counts only where a token starts (not inside a comment or an
  attribute value), and ends where its nested same-name elements close.
  The content of script, style and the like is blanked before tokenizing, so
  a stray quote in it cannot confuse what follows.
- Overlaps are settled leftmost-longest: 暴力催收 beats 催收, and a term that
  starts earlier beats one that would start inside it.

How it stays fast (the budget: within 2x a bare automaton scan of the page):
one Aho-Corasick pass (pyahocorasick) over the page's text, and the
tokenizing done by the regex engine (re.split) rather than a Python loop per
tag. pyahocorasick's own `iter_long` misses some matches (one reached only
through a failure link is dropped), so the leftmost-longest choice is made
here from `iter`'s complete output.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from itertools import accumulate
from operator import add

import ahocorasick

from .html_tokens import BLANK, RAW_TEXT_TAGS, split

# Elements whose text is never linked: code, existing links, headings,
# abbreviations, non-text content, controls a tap must reach unchanged.
SKIP_TAGS = frozenset(
    {
        "a", "abbr", "code", "pre", "kbd", "samp", "var", "h1", "h2", "h3", "h4", "h5", "h6",
        "nav", "button", "label", "summary", "select", "option", "svg", "math", "object",
    }
)
SKIP_CLASS = "no-glossary"

Link = tuple[int, int, str]  # start, end (exclusive), term id

# English terms match whole words: a term edge that is a letter or digit must
# not touch another ASCII letter or digit. Chinese needs no boundary (there
# are no spaces); `not_in` strings handle its false hits instead.
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_SEPARATOR = BLANK  # between text pieces; never in a term (glossary_data forbids control characters)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# A match's payload in the automaton: (term id, length, checks). checks is
# None for most Chinese forms, else (check start edge, check end edge,
# blockers); a blocker is (offset of the form inside a not_in string, that
# string folded).
_Blockers = tuple[tuple[int, str], ...]
_Payload = tuple[str, int, "tuple[bool, bool, _Blockers] | None"]


# -----------------------------------------------------------------------------
# The matcher: every form of every term, one automaton
# -----------------------------------------------------------------------------

class Matcher:
    """All forms of all terms of one language, compiled once per build and language.

    forms: term id -> the strings that stand for it (term and variants).
    not_in: term id -> longer strings in which its forms must not be linked.
    """

    def __init__(self, forms: Mapping[str, Iterable[str]], not_in: Mapping[str, Iterable[str]] | None = None) -> None:
        self.automaton = ahocorasick.Automaton()
        self.term_count = 0
        for term_id, strings in forms.items():
            self.term_count += 1
            blockers_of = [fold(b) for b in (not_in or {}).get(term_id, ())]
            for form in strings:
                key = fold(form)
                blockers = tuple((offset, blocker) for blocker in blockers_of for offset in _offsets(blocker, key))
                edges = (key[0] in _WORD_CHARS, key[-1] in _WORD_CHARS)
                checks = (*edges, blockers) if any(edges) or blockers else None
                payload: _Payload = (term_id, len(key), checks)
                self.automaton.add_word(key, payload)
        if self.term_count:
            self.automaton.make_automaton()


def fold(text: str) -> str:
    """Case-fold for matching without changing the length (so offsets still fit the source)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


# -----------------------------------------------------------------------------
# Finding and applying links
# -----------------------------------------------------------------------------

def find_links(html: str, matcher: Matcher) -> list[Link]:
    """The first linkable occurrence of each term: (start, end, term id), in page order."""
    if not matcher.term_count:
        return []
    text, joined_starts, source_starts = linkable_text(fold(html))
    # (start, -length, term id) of every match; a comprehension, as this runs per match.
    candidates = [
        (last - length + 1, -length, term_id)
        for last, (term_id, length, checks) in matcher.automaton.iter(text)
        if checks is None or _passes(text, last - length + 1, last, checks)
    ]
    # Leftmost-longest: earliest start first, then the longest at that start.
    candidates.sort()
    links: list[Link] = []
    linked: set[str] = set()
    cut = 0
    for start, negative_length, term_id in candidates:
        if start < cut:
            continue
        cut = start - negative_length
        if term_id not in linked:
            linked.add(term_id)
            # From the joined text back to the source (no match spans two pieces).
            piece = bisect_right(joined_starts, start) - 1
            shift = source_starts[piece] - joined_starts[piece]
            links.append((start + shift, cut + shift, term_id))
    return links


def apply_links(html: str, links: Iterable[Link], wrap: Callable[[str, str], str]) -> str:
    """Each found stretch replaced by wrap(term id, the stretch's HTML)."""
    pieces: list[str] = []
    done = 0
    for start, end, term_id in links:
        pieces += [html[done:start], wrap(term_id, html[start:end])]
        done = end
    pieces.append(html[done:])
    return "".join(pieces)


def linkable_text(lowered: str) -> tuple[str, list[int], list[int]]:
    """The text that may be linked, its pieces joined by a separator, with each
    piece's start in the joined text and in the source.

    lowered: the page HTML, lower-cased (tag names are case-insensitive).
    """
    lowered, parts, token_starts = split(lowered)  # script, style...: their content blanked
    pieces = parts[0::2]
    source_starts = list(accumulate(map(len, parts), initial=0))[0::2]
    covered = 0
    # The class test looks through every tag's attributes: only where the class occurs at all.
    skip_opening = _SKIP_OPENING if SKIP_CLASS in lowered else _SKIP_TAG_OPENING
    for opening in skip_opening.finditer(lowered):
        at = opening.start()
        if at < covered or at not in token_starts:  # inside a skipped element, a comment or an attribute value
            continue
        name = opening.group(1) or opening.group(2)
        close = _matching_end(lowered, name, opening.end(), token_starts)
        covered = len(lowered) if close < 0 else close
        first, last = bisect_left(source_starts, at), bisect_left(source_starts, covered)
        pieces[first:last] = [""] * (last - first)
    joined_ends = list(accumulate(map(len, pieces), initial=0))
    joined_starts = list(map(add, joined_ends[:-1], range(len(pieces))))  # plus one separator per piece before
    return _SEPARATOR.join(pieces), joined_starts, source_starts


# -----------------------------------------------------------------------------
# Private helpers
# -----------------------------------------------------------------------------

_SKIP_TAG_OPENING = re.compile(r"<(" + "|".join(sorted(SKIP_TAGS | RAW_TEXT_TAGS, key=len, reverse=True)) + r")(?=[\s/>])")
_SKIP_OPENING = re.compile(
    _SKIP_TAG_OPENING.pattern
    + r"|<([a-z][a-z0-9-]*)(?=\s[^>]*?\bclass\s*=\s*(?:\"[^\"]*|'[^']*|)\b" + SKIP_CLASS + r"\b)"
)


def _matching_end(lowered: str, name: str, after: int, token_starts: set[int]) -> int:
    """Where the element opened just before `after` ends (its end tag), counting
    nested same-name elements; tags are counted only where a token starts."""
    if name in RAW_TEXT_TAGS:  # its content was blanked: the first end tag closes it
        return lowered.find(f"</{name}", after)
    depth = 1
    for tag in _same_name_tags(name).finditer(lowered, after):
        if tag.start() in token_starts:
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                return tag.start()
    return -1


@lru_cache(maxsize=None)
def _same_name_tags(name: str) -> re.Pattern[str]:
    return re.compile(f"<(/?){re.escape(name)}(?=[\\s/>])")


def _offsets(blocker: str, key: str) -> list[int]:
    found, at = [], blocker.find(key)
    while at >= 0:
        found.append(at)
        at = blocker.find(key, at + 1)
    return found


def _passes(text: str, start: int, last: int, checks: tuple[bool, bool, _Blockers]) -> bool:
    """Whether a match keeps to whole words where it must, and is not inside a not_in string."""
    check_start, check_end, blockers = checks
    if check_start and start and text[start - 1] in _WORD_CHARS:
        return False
    if check_end and last + 1 < len(text) and text[last + 1] in _WORD_CHARS:
        return False
    return not any(start >= offset and text.startswith(blocker, start - offset) for offset, blocker in blockers)
