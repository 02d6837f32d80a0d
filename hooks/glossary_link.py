"""Find the first occurrence of each glossary term in a page's HTML and wrap it.

Not a hook itself: hooks/glossary.py calls it. Pure functions, no MkDocs:

    matcher = Matcher({"debt-collection": ["催收"], "violent-collection": ["暴力催收"]})
    found = find_links(html, matcher)                  # [(start, end, term_id)]
    html = apply_links(html, found, {"debt-collection": ('<a href="../glossary/#debt-collection">', "</a>")})

How it stays correct:
- A tokenizer splits the HTML into text and tokens: tags (attribute values
  included, quoted '>' allowed), comments, declarations and character
  references. Only text is searched, so a link never cuts through a tag or an
  entity, never lands in an attribute value, and the visible text is unchanged.
- Text inside code, pre, kbd, links, headings, abbr, script, style, form
  controls, svg and anything with `class="no-glossary"` is skipped (elements
  found by name, their end by counting nested elements of the same name) and
  hidden from the tokenizer.
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
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import accumulate
from operator import sub

import ahocorasick

# Elements whose text is never linked: code, existing links, headings,
# abbreviations, non-text content, controls a tap must reach unchanged.
SKIP_TAGS = frozenset(
    {
        "a", "abbr", "code", "pre", "kbd", "samp", "var", "h1", "h2", "h3", "h4", "h5", "h6",
        "nav", "button", "label", "summary", "select", "option", "svg", "math", "object",
    }
)
# Raw-text elements: their content is not markup, and ends at the first end tag.
RAW_TEXT_TAGS = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template"})
SKIP_CLASS = "no-glossary"

Link = tuple[int, int, str]  # start, end (exclusive), term id

# English terms match whole words: a term edge that is a letter or digit must
# not touch another ASCII letter or digit. Chinese needs no boundary (there
# are no spaces); `not_in` strings handle its false hits instead.
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_SEPARATOR = "\x00"  # between text pieces; never in a term (glossary_data forbids control characters)
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
    lowered = fold(html)
    skip_starts, skip_ends = skipped_spans(lowered)
    if skip_starts:  # hide skipped elements from the tokenizer: each becomes one inert token
        lowered = _masked(lowered, skip_starts, skip_ends)
    text, joined_starts, source_starts = _text_pieces(lowered)
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


def apply_links(html: str, links: Iterable[Link], tags: Mapping[str, tuple[str, str]]) -> str:
    """Wrap each found stretch in its term's (opening, closing) markup."""
    pieces: list[str] = []
    add_piece = pieces.append  # (measured: several appends beat one += of a tuple)
    done = 0
    for start, end, term_id in links:
        opening, closing = tags[term_id]
        add_piece(html[done:start])
        add_piece(opening)
        add_piece(html[start:end])
        add_piece(closing)
        done = end
    add_piece(html[done:])
    return "".join(pieces)


def skipped_spans(lowered: str) -> tuple[list[int], list[int]]:
    """Where the elements whose text is never linked start and end (outermost only;
    an element's span runs from its start tag to the start of its end tag).

    lowered: the page HTML, lower-cased (tag names are case-insensitive).
    """
    starts: list[int] = []
    ends: list[int] = []
    comments = [(c.start(), c.end()) for c in _COMMENT.finditer(lowered)] if "<!--" in lowered else []
    covered = 0
    for opening in _SKIP_OPENING.finditer(lowered):
        at = opening.start()
        if at < covered or any(start < at < end for start, end in comments):
            continue
        name = opening.group(1) or opening.group(2)
        if name in RAW_TEXT_TAGS:  # not markup inside: it ends at the first end tag
            close = lowered.find(f"</{name}", opening.end())
        else:
            close = _matching_end(lowered, name, opening.end())
        covered = len(lowered) if close < 0 else close
        starts.append(at)
        ends.append(covered)
    return starts, ends


# -----------------------------------------------------------------------------
# Private helpers
# -----------------------------------------------------------------------------

# One token (captured whole, so re.split keeps it): a start or end tag with
# its attributes (quoted values may hold '>'), a comment, a declaration or
# processing instruction, or a character reference. A '<' that starts none of
# these is text, as in HTML.
_TOKEN = re.compile(
    r"""(<(?:/?[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>|!--.*?(?:-->|\Z)|[!?][^>]*(?:>|\Z))"""
    r"""|&(?:#[0-9]+;?|#x[0-9a-f]+;?|[a-z][a-z0-9]*;?))""",
    re.DOTALL,
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_SKIP_OPENING = re.compile(
    r"<(" + "|".join(sorted(SKIP_TAGS | RAW_TEXT_TAGS, key=len, reverse=True)) + r")(?=[\s/>])"
    r"|<([a-z][a-z0-9-]*)(?=\s[^>]*?\bclass\s*=\s*(?:\"[^\"]*|'[^']*|)\b" + SKIP_CLASS + r"\b)"
)


def _text_pieces(lowered: str) -> tuple[str, list[int], list[int]]:
    """The page's text (everything between tokens) joined by separators, with
    each piece's start in the joined text and in the source."""
    parts = _TOKEN.split(lowered)  # text, token, text, token, ..., text
    pieces = parts[0::2]
    source_starts = list(accumulate(map(len, parts), initial=0))[0::2]
    # A piece moves left by the tokens before it, and right by one separator per piece before it.
    token_lengths = list(accumulate(map(len, parts[1::2]), initial=0))
    joined_starts = list(map(sub, map(sub, source_starts, token_lengths), range(0, -len(pieces), -1)))
    return _SEPARATOR.join(pieces), joined_starts, source_starts


def _masked(lowered: str, starts: list[int], ends: list[int]) -> str:
    """The HTML with each span replaced by an inert declaration token of the same
    length ("<!" NULs ">"): its text is not searched, and nothing in it (a stray
    quote in a script, say) can confuse the tokenizer. Offsets stay the same."""
    pieces: list[str] = []
    done = 0
    for start, end in zip(starts, ends):
        pieces += (lowered[done:start], "<!", _SEPARATOR * (end - start - 3), ">")
        done = end
    pieces.append(lowered[done:])
    return "".join(pieces)


def _matching_end(lowered: str, name: str, after: int) -> int:
    """Where the element opened just before `after` ends (its end tag), counting nested same-name elements."""
    depth = 1
    for tag in _same_name_tags(name).finditer(lowered, after):
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
