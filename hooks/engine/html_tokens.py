"""HTML cut into text and tokens by the regex engine: fast, and exact to the byte.

Not a hook itself: hooks/glossary_link.py searches the text between the
tokens, hooks/print_all.py rewrites attributes in the start tags. Pure
functions, no MkDocs:

    parts = tokens(html)          # [text, token, text, ..., token, text]
    "".join(parts) == html        # always
    rewrite_attributes('<a href="#x" id="y">', {"id"}, lambda name, value: "z")
                                  # '<a href="#x" id="z">'

A token is a start or end tag with its attributes (quoted values may hold
'>'), a comment, a declaration or processing instruction, or a character
reference. A '<' that starts none of these is text, as in HTML. The content
of a raw-text element (script, style, ...) is text however much it looks like
markup. What a caller does not change keeps its bytes: no parse tree is
written back out, so nothing is re-quoted, re-escaped or re-nested.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Container
from itertools import accumulate
from typing import NamedTuple

# Raw-text elements: their content is not markup, and ends at the first end tag.
RAW_TEXT_TAGS = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template"})
BLANK = "\x00"  # what raw text is blanked to in `split`: no markup, no glossary term


class Split(NamedTuple):
    """HTML with its raw-text content blanked, cut into text and tokens."""

    text: str  # the blanked HTML (the same length as the source; the source itself if nothing was blanked)
    parts: list[str]  # text, token, text, ..., token, text (of `text`)
    token_starts: set[int]  # where each token starts


# -----------------------------------------------------------------------------
# Cutting
# -----------------------------------------------------------------------------

def split(html: str) -> Split:
    """Cut HTML into text and tokens (tag names in any case).

    The content of script, style and the like is blanked to NULs first, so
    that a stray quote or '<' in it cannot confuse what follows.
    """
    parts, token_starts = _tokens(html)
    done = 0
    while True:  # blank the first raw-text element not yet blanked, and cut again
        raw = next((o for o in _RAW_OPENING.finditer(html, done) if o.start() in token_starts), None)
        if raw is None:
            return Split(html, parts, token_starts)
        html, done = _blank_raw_text(html, raw.start(), raw.group(1))
        parts, token_starts = _tokens(html)


def tokens(html: str) -> list[str]:
    """The HTML itself (raw text not blanked) cut where `split` cuts it."""
    if not _RAW_OPENING.search(html):  # no script, style...: one cut is all
        return _TOKEN.split(html)
    blanked, parts, _ = split(html)
    if blanked is html:
        return parts
    ends = list(accumulate(map(len, parts)))
    return [html[start:end] for start, end in zip([0, *ends], ends)]


# -----------------------------------------------------------------------------
# Tokens
# -----------------------------------------------------------------------------

def is_start_tag(token: str) -> bool:
    """Whether a token (never any other text) is a start tag: '<' then a letter,
    where other tags have '/', '!' or '?'."""
    return token[0] == "<" and token[1] not in "/!?"


def tag_name(tag: str) -> str:
    """'<DIV class="x">' -> 'div'."""
    match = _TAG_NAME.match(tag)
    return match.group(1).lower() if match else ""


def comment_text(token: str) -> str | None:
    """What a comment token says, stripped ('<!-- x -->' -> 'x'); None for any other token."""
    if not token.startswith("<!--"):
        return None
    return token[4:].removesuffix("-->").strip()


def attribute_names(tag: str) -> set[str]:
    """The lower-cased names of a start tag's attributes."""
    return {match.group(1).lower() for match in _ATTRIBUTE.finditer(tag, _name_end(tag), len(tag) - 1)}


def attribute(tag: str, name: str) -> str | None:
    """The value of a start tag's attribute (character references decoded), None if absent or valueless."""
    for match in _ATTRIBUTE.finditer(tag, _name_end(tag), len(tag) - 1):
        if match.group(1).lower() == name and match.group(2) is not None:
            written = match.group(2)
            raw = written[1:-1] if written[:1] in ("'", '"') else written
            return html_lib.unescape(raw) if "&" in raw else raw
    return None


def rewrite_attributes(tag: str, names: Container[str], change: Callable[[str, str], str]) -> str:
    """A start tag with the values of the named attributes changed: change(name,
    value) gets the attribute's lower-cased name and its value (character
    references decoded) and returns the new value.

    A changed value is written back double-quoted and escaped; everything
    else in the tag keeps its bytes.
    """
    pieces: list[str] = []
    done = 0
    for match in _ATTRIBUTE.finditer(tag, _name_end(tag), len(tag) - 1):
        written = match.group(2)
        name = match.group(1).lower()
        if written is None or name not in names:
            continue  # not asked for, or no value (a boolean attribute)
        raw = written[1:-1] if written[:1] in ("'", '"') else written
        value = html_lib.unescape(raw) if "&" in raw else raw
        new = change(name, value)
        if new == value:
            continue
        pieces += [tag[done:match.start(2)], '"', new.replace("&", "&amp;").replace('"', "&quot;"), '"']
        done = match.end(2)
    if not pieces:
        return tag
    pieces.append(tag[done:])
    return "".join(pieces)


def add_attribute(tag: str, name: str, value: str = "") -> str:
    """A start tag with one more attribute, written last: `<details open="">`."""
    end = len(tag) - 2 if tag.endswith("/>") else len(tag) - 1
    return f'{tag[:end]} {name}="{html_lib.escape(value)}"{tag[end:]}'


# -----------------------------------------------------------------------------
# Private helpers
# -----------------------------------------------------------------------------

# One token (captured whole, so re.split keeps it). ASCII letters in any case
# (HTML's names are ASCII-case-insensitive); no slower than lower-case only.
_TOKEN = re.compile(
    r"""(<(?:/?[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>|!--.*?(?:-->|\Z)|[!?][^>]*(?:>|\Z))"""
    r"""|&(?:#[0-9]+;?|#x[0-9a-f]+;?|[a-z][a-z0-9]*;?))""",
    re.DOTALL | re.IGNORECASE | re.ASCII,
)
_RAW_OPENING = re.compile(r"<(" + "|".join(sorted(RAW_TEXT_TAGS, key=len, reverse=True)) + r")(?=[\s/>])", re.IGNORECASE | re.ASCII)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
# One attribute of a start tag (HTML's tokenizing rules): its name, then
# optionally '=' and a double-quoted, single-quoted or unquoted value.
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s/>"'=][^\s/>"'=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")


def _tokens(html: str) -> tuple[list[str], set[int]]:
    """re.split by tokens (text, token, text, ..., text) and where each token starts."""
    parts = _TOKEN.split(html)
    return parts, set(list(accumulate(map(len, parts), initial=0))[1::2])


def _blank_raw_text(html: str, at: int, name: str) -> tuple[str, int]:
    """The HTML with the content of the raw-text element opened at `at` turned into
    NULs (the same length, nothing that looks like markup), and where it ends."""
    content = html.find(">", at) + 1
    end_tag = re.compile(f"</{re.escape(name)}", re.IGNORECASE | re.ASCII).search(html, content)
    close = end_tag.start() if end_tag else len(html)
    return html[:content] + BLANK * (close - content) + html[close:], close


def _name_end(tag: str) -> int:
    match = _TAG_NAME.match(tag)
    return match.end() if match else len(tag)
