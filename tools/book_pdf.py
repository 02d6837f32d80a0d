"""The whole-guide PDF as a book: contents with page numbers, bookmarks, metadata.

Chromium cannot number the contents itself (no CSS target-counter), so
tools/build_dist.py prints each language's print page twice or more:

1. fill every contents entry with a placeholder number and print;
2. read the page each chapter starts on from the PDF (chromium writes a named
   destination for each chapter's id, the target of its contents link);
3. fill those numbers in and print again, until the numbers read back are
   the numbers printed (at most MAX_PRINTS prints: filling in a number can
   only move a chapter when a title wraps differently).

Then `finish` writes what chromium cannot: metadata in the guide's language
(title, subject, keywords, /Lang in the catalog) and bookmarks with exactly
one top-level entry per chapter, at the page it starts on.

Everything here is pure (HTML or PDF bytes in, data or bytes out), apart from
the callback number_pages is given to print with.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bs4 import BeautifulSoup
from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

MAX_PRINTS = 4  # the first print and at most three corrections
# Run in the print page by build_dist.py (Playwright's evaluate, not a page script):
# writes each chapter's page number into its contents entry.
FILL_NUMBERS = """numbers => { for (const entry of document.querySelectorAll("[data-book-page]")) {
  entry.textContent = String(numbers[entry.dataset.bookPage] ?? ""); } }"""


@dataclass(frozen=True)
class Book:
    """What the print page says of its book (partials/print-all.html)."""

    title: str
    language: str
    subject: str
    keywords: str
    address: str  # the site's address, "" when it has none
    chapters: tuple[tuple[str, str], ...]  # (anchor, title), in the order of the contents


def read_book(html: str) -> Book:
    """The book a print page holds: its cover's data-book-* attributes and its contents."""
    page = BeautifulSoup(html, "html.parser")
    cover = page.select_one("[data-book-title]")
    if cover is None:
        raise ValueError("the print page has no cover (data-book-title): is partials/print-all.html in use?")
    chapters = tuple(
        (entry["data-book-page"], link.get_text(" ", strip=True))
        for entry in page.select("[data-book-page]")
        if (link := entry.find_previous_sibling("a")) is not None
    )
    if not chapters:
        raise ValueError("the print page's contents list no chapter (data-book-page)")
    return Book(
        title=cover["data-book-title"],
        language=(page.html.get("lang") if page.html else "") or "",
        subject=cover.get("data-book-subject", ""),
        keywords=cover.get("data-book-keywords", ""),
        address=cover.get("data-book-address", ""),
        chapters=chapters,
    )


def chapter_pages(pdf: bytes, anchors: list[str] | tuple[str, ...]) -> dict[str, int]:
    """The sheet (1 = first) each chapter starts on, from the PDF's named destinations."""
    reader = PdfReader(io.BytesIO(pdf))
    where = {str(name).removeprefix("/"): reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}
    missing = [anchor for anchor in anchors if anchor not in where]
    if missing:
        raise ValueError(f"the PDF has no destination for the chapters {', '.join(missing)}")
    return {anchor: where[anchor] for anchor in anchors}


def number_pages(
    print_with: Callable[[Mapping[str, int]], bytes],
    anchors: list[str] | tuple[str, ...],
    read: Callable[[bytes, list[str] | tuple[str, ...]], dict[str, int]] = chapter_pages,
) -> tuple[bytes, dict[str, int]]:
    """The PDF whose contents show the page each chapter starts on, and those pages.

    print_with(numbers) fills numbers into the contents and prints; it is
    called until the pages read back (read) match the numbers it was given."""
    numbers = {anchor: 0 for anchor in anchors}  # a placeholder as wide as a short number
    for _ in range(MAX_PRINTS):
        pdf = print_with(numbers)
        found = read(pdf, anchors)
        if found == numbers:
            return pdf, found
        numbers = found
    raise RuntimeError(f"the contents' page numbers did not settle after {MAX_PRINTS} prints")


def finish(pdf: bytes, book: Book, pages: Mapping[str, int]) -> bytes:
    """The PDF with the book's metadata, /Lang and one bookmark per chapter."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    describe(writer, title=book.title, language=book.language, subject=book.subject, keywords=book.keywords)
    root = writer._root_object
    if "/Outlines" in root:
        del root["/Outlines"]
    for anchor, title in book.chapters:
        writer.add_outline_item(title, pages[anchor] - 1)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def describe(writer: PdfWriter, *, title: str, language: str, subject: str = "", keywords: str = "") -> None:
    """Metadata in the document's language, /Lang, and the title in the viewer's title bar."""
    writer.add_metadata({"/Title": title, "/Subject": subject, "/Keywords": keywords})
    root = writer._root_object  # the catalog: pypdf has no setter for /Lang
    if language:
        root[NameObject("/Lang")] = TextStringObject(language)
    # A viewer's title bar shows the title, not the file name (PDF/UA asks for it).
    root[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
