"""The "print the whole guide" page: every page of one language, in nav order.

The stub pages (docs/print.md, docs/print.en.md for the guide) hold the marker
`<!-- print-all -->`, replaced by a table of contents and one chapter per page
of the navigation, rendered by overrides/partials/print-all.html.

Each chapter's ids are prefixed with the chapter's anchor (`about--sources`),
so the same heading id in two pages cannot collide; links between pages of
the guide become links within the print page, and other relative links are
rewritten to resolve from the print page's address.

An element marked `data-print-omit` is left out of its chapter (the decision
trees' on-screen views: paper shows their numbered flow instead), and a link
to an id inside it goes to the id named by that element's `data-print-as`.
An element marked `data-book-omit` is left out of its chapter too, but stays
when its own page is printed (each page's list of the terms it uses: the
book ends with the whole glossary instead).

The HTML is cut into tags and text by engine/html_tokens.py and only the
attributes that change are written back: each chapter keeps the exact markup
of its page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from markupsafe import Markup

from .html_tokens import add_attribute, attribute, attribute_names, comment_text, is_start_tag, rewrite_attributes, tag_name, tokens
from .print_book import review_under_title
from .site import Site, prose_lines

MARKER = "print-all"
TEMPLATE = "partials/print-all.html"

_MARKER_LIKE = re.compile(r"^\s*<!--\s*(print[\w-]*\b.*?)\s*-->\s*$")
# Attributes that hold one id, or a space-separated list of ids.
_ID_REFERENCES = ("for", "popovertarget", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers")
_URL_ATTRIBUTES = ("href", "src")
_REWRITTEN = frozenset({"id", *_ID_REFERENCES, *_URL_ATTRIBUTES})
# A tag with one of those attributes holds its name then '=': tags without it
# (most of them: <p>, <span class="...">, an icon's <path d="...">) skip the
# attribute parser. A name follows a space, '/' or a value's closing quote;
# requiring one lets the regex engine skip ahead (4x faster than without).
_MAY_REWRITE = re.compile("[\\s/\"'](?:" + "|".join(sorted(_REWRITTEN, key=len, reverse=True)) + r")\s*=", re.IGNORECASE)

_BOOK_OMIT = "data-book-omit"
_OMIT = frozenset({"data-print-omit", _BOOK_OMIT})


@dataclass
class ChapterEntry:
    """One page of the guide, transformed for the print page."""

    anchor: str
    title: str
    html: str
    has_title: bool
    reviewed: object = None  # the page's `reviewed:` date, for the book's cover


@dataclass
class SectionEntry:
    """A nav section: a heading in the table of contents over its pages."""

    title: str
    children: list[ChapterEntry | SectionEntry] = field(default_factory=list)


def misspelt_markers(markdown: str) -> list[tuple[int, str]]:
    """(line, text) of each `<!-- print... -->` comment that is not exactly the marker."""
    found: list[tuple[int, str]] = []
    for number, line in prose_lines(markdown):
        match = _MARKER_LIKE.match(line)
        if match and match.group(1) != MARKER:
            found.append((number, match.group(0).strip()))
    return found


def has_marker(html: str) -> bool:
    return MARKER in html and _marker_at(tokens(html)) is not None


def replace_marker(html: str, body: str) -> str:
    """The page's HTML with the marker comment replaced by body."""
    parts = tokens(html)
    at = _marker_at(parts)
    if at is None:
        return html
    parts[at] = body
    return "".join(parts)


def chapter_anchor(src_uri: str, site: Site) -> str:
    """'check/start.en.md' -> 'check-start': the same anchor in every language."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", site.base_name(src_uri)).strip("-") or "home"


def nav_entries(items: list, print_page: Any, site: Site) -> list[ChapterEntry | SectionEntry]:
    """The navigation as print entries: its pages (not the print page) and sections, in order.

    items: MkDocs' navigation (sections have .is_section and .children, pages .is_page)."""
    chapters = {
        "/" + item.url: chapter_anchor(item.file.src_uri, site)
        for item in _pages(items)
        if item is not print_page
    }
    return _entries(items, print_page, chapters, {})


def walk(entries: list[ChapterEntry | SectionEntry]) -> Iterator[ChapterEntry | SectionEntry]:
    for entry in entries:
        yield entry
        if isinstance(entry, SectionEntry):
            yield from walk(entry.children)


def walk_chapters(entries: list[ChapterEntry | SectionEntry]) -> Iterator[ChapterEntry]:
    return (entry for entry in walk(entries) if isinstance(entry, ChapterEntry))


def print_chapter(
    html: str, *, anchor: str, source_url: str, print_url: str, chapters: dict[str, str], resolved: dict[tuple[str, str], str] | None = None
) -> str:
    """One page's HTML made fit for the print page.

    Ids get the chapter's prefix; links to pages of the print page become
    in-page links; other relative links resolve from the print page's
    address; collapsed <details> are opened. `chapters` maps each printed
    page's site path ('/about/') to its anchor. `resolved` remembers link
    targets already resolved, for the next chapter (pages link to the same
    few pages many times: the glossary, the help page...).
    """
    resolved = {} if resolved is None else resolved
    folder = source_url[: source_url.rfind("/") + 1]  # a relative link resolves against the page's folder
    parts = tokens(html)
    redirects = omit_for_print(parts) if "data-print-omit" in html or _BOOK_OMIT in html else {}

    def url(value: str) -> str:
        """rewrite_url(value), resolving each page it links to once."""
        target, _, fragment = value.partition("#")
        if not target:  # the same page: depends on this chapter's anchor only
            if fragment in redirects:
                value = "#" + redirects[fragment]
            return rewrite_url(value, anchor=anchor, source_url=source_url, print_url=print_url, chapters=chapters)
        if not fragment or target.startswith("?"):
            if (folder, value) not in resolved:
                resolved[folder, value] = rewrite_url(value, anchor=anchor, source_url=source_url, print_url=print_url, chapters=chapters)
            return resolved[folder, value]
        if (folder, target) not in resolved:
            resolved[folder, target] = rewrite_url(target, anchor=anchor, source_url=source_url, print_url=print_url, chapters=chapters)
        new = resolved[folder, target]  # '#chapter' for a printed page, else the URL as seen from the print page
        return f"{new}--{fragment}" if new.startswith("#") else f"{new}#{fragment}"

    def change(name: str, value: str) -> str:
        if name == "id":
            return f"{anchor}--{value}"
        if name in _URL_ATTRIBUTES:
            return url(value)
        return " ".join(f"{anchor}--{ref}" for ref in value.split())  # _ID_REFERENCES

    for index in range(1, len(parts), 2):
        tag = parts[index]
        if not tag or not is_start_tag(tag):  # '': left out by omit_for_print
            continue
        if "=" in tag and _MAY_REWRITE.search(tag):
            tag = rewrite_attributes(tag, _REWRITTEN, change)
        if tag[1] in "dD" and tag_name(tag) == "details" and "open" not in attribute_names(tag):
            tag = add_attribute(tag, "open")
        parts[index] = tag
    return "".join(parts)


def omit_for_print(parts: list[str]) -> dict[str, str]:
    """Blank each element marked data-print-omit in HTML cut by tokens(), with
    all it holds; return where links to the ids inside it go instead (id ->
    its element's data-print-as)."""
    redirects: dict[str, str] = {}
    index = 1
    while index < len(parts):
        tag = parts[index]
        if not (("data-print-omit" in tag or _BOOK_OMIT in tag) and is_start_tag(tag) and _OMIT & set(attribute_names(tag))):
            index += 2
            continue
        name, depth, end = tag_name(tag), 0, index
        opening, closing = f"<{name}", f"</{name}"
        for end in range(index, len(parts), 2):
            token = parts[end]
            if "data-print-as" in token and is_start_tag(token):
                element_id, instead = attribute(token, "id"), attribute(token, "data-print-as")
                if element_id and instead:
                    redirects[element_id] = instead
            start = token[: len(closing)].lower()
            if (start.startswith(opening) or start == closing) and tag_name(token) == name:
                depth += 1 if is_start_tag(token) else -1
                if depth == 0:
                    break
        parts[index : end + 1] = [""] * (end + 1 - index)
        index = end + 2
    return redirects


def rewrite_url(value: str, *, anchor: str, source_url: str, print_url: str, chapters: dict[str, str]) -> str:
    """A URL written on the page at source_url, made to work on the print page."""
    if value.startswith("#"):  # the same page (the commonest link: a fast path)
        return f"#{anchor}--{value[1:]}" if len(value) > 1 else value
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("/"):
        return value
    if not parts.path:
        return f"#{anchor}--{parts.fragment}" if parts.fragment else value
    base = "http://site.invalid/"
    target = urlsplit(urljoin(urljoin(base, source_url), value))
    path = target.path
    if path in chapters or _directory_index(path) in chapters:
        target_anchor = chapters.get(path) or chapters[_directory_index(path)]
        return f"#{target_anchor}--{target.fragment}" if target.fragment else f"#{target_anchor}"
    here = posixpath.dirname(urlsplit(urljoin(base, print_url)).path)
    relative = posixpath.relpath(path, here)
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return urlunsplit(("", "", relative, target.query, target.fragment))


def _directory_index(path: str) -> str:
    """'/about/index.html' -> '/about/' (and '/index.html' -> '/')."""
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def _marker_at(parts: list[str]) -> int | None:
    """Where the marker comment is among the page's tokens."""
    return next((index for index in range(1, len(parts), 2) if comment_text(parts[index]) == MARKER), None)


def _pages(items: list) -> Iterator[Any]:
    for item in items:
        if item.is_section:
            yield from _pages(item.children)
        elif item.is_page:
            yield item


def _entries(items: list, print_page: Any, chapters: dict[str, str], resolved: dict[tuple[str, str], str]) -> list[ChapterEntry | SectionEntry]:
    entries: list[ChapterEntry | SectionEntry] = []
    for item in items:
        if item.is_section:
            children = _entries(item.children, print_page, chapters, resolved)
            if children:
                entries.append(SectionEntry(title=item.title, children=children))
        elif item.is_page and item is not print_page and item.content:
            anchor = chapters["/" + item.url]
            html = print_chapter(item.content, anchor=anchor, source_url=item.url, print_url=print_page.url, chapters=chapters, resolved=resolved)
            html = review_under_title(html)
            # The test Material's content template makes before it adds a title.
            has_title = "<h1" in item.content
            entries.append(ChapterEntry(anchor=anchor, title=item.title or "", html=Markup(html), has_title=has_title, reviewed=item.meta.get("reviewed")))
    return entries
