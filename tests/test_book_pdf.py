"""The PDFs as books: cover, numbered contents, bookmarks, metadata, footer, one glossary.

The PDFs are read back as a reader's viewer would (pypdf, poppler); the cover's
QR code is decoded from a picture of the first sheet, as a phone camera would.
"""

from __future__ import annotations

import datetime
import itertools
import re
import subprocess
from pathlib import Path

import pytest
import yaml
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import NameObject

import book_pdf
from engine.print_book import book_cover, latest_review, move_last
from engine.print_pages import ChapterEntry, SectionEntry
from tests.conftest import DIST_SITE_URL, ROOT

PDFS = {"zh": "guide-zh.pdf", "en": "guide-en.pdf"}
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
TITLES = {"zh": re.search(r"^site_name: (.+)$", CONFIG, re.M).group(1), "en": re.search(r"^\s+site_name: (.+)$", CONFIG, re.M).group(1)}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _sheets(pdf: Path) -> list[str]:
    """The text of each sheet, as poppler extracts it (sheets end with a form feed)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def _latest_review(lang: str) -> datetime.date:
    """The latest `reviewed:` date of the language's pages (the print page aside)."""
    pattern = "*.en.md" if lang == "en" else "*.md"
    dates = [
        datetime.date.fromisoformat(match.group(1))
        for page in (ROOT / "docs").rglob(pattern)
        if page.stem not in ("print", "print.en") and (lang == "en") == page.name.endswith(".en.md")
        for match in [re.search(r"^reviewed: (\S+)", page.read_text(encoding="utf-8"), re.M)]
        if match
    ]
    return max(dates)


# -----------------------------------------------------------------------------
# Pure cores
# -----------------------------------------------------------------------------

def test_the_cover_takes_the_latest_review_date_and_shows_no_code_without_an_address() -> None:
    dates = [datetime.date(2026, 3, 1), None, datetime.date(2026, 11, 28), datetime.date(2025, 12, 31)]
    assert latest_review(dates) == "2026-11-28"
    cover = book_cover(title="Guide", subject="s", site_url="", reviewed_dates=dates)
    assert (cover.edition, cover.address, str(cover.qr)) == ("2026-11-28", "", "")
    with_address = book_cover(title="Guide", subject="s", site_url="https://example.org/g/", reviewed_dates=dates, edition="2nd")
    assert with_address.edition == "2nd" and str(with_address.qr).startswith("<svg")


def test_the_glossary_chapter_moves_last_out_of_its_section() -> None:
    def chapter(anchor: str) -> ChapterEntry:
        return ChapterEntry(anchor=anchor, title=anchor, html="", has_title=True)

    entries = [chapter("index"), SectionEntry("More", [chapter("glossary")]), chapter("about")]
    assert [entry.anchor for entry in move_last(entries, "glossary")] == ["index", "about", "glossary"]
    assert [getattr(entry, "anchor", None) for entry in move_last([chapter("a")], "glossary")] == ["a"]


def test_contents_numbers_are_printed_again_until_they_match_the_pages() -> None:
    """Filling the numbers in pushes a chapter one sheet on; the next print settles."""
    printed: list[dict[str, int]] = []

    def print_with(numbers):
        printed.append(dict(numbers))
        return b"pdf"

    def read(_pdf, anchors):  # the contents grow a sheet once real numbers are in
        return {"a": 3, "b": 9} if printed[-1]["a"] == 0 else {"a": 4, "b": 10}

    pdf, pages = book_pdf.number_pages(print_with, ["a", "b"], read=read)
    assert pages == {"a": 4, "b": 10} and printed[-1] == pages and len(printed) == 3

    moving = itertools.count(5)  # a layout that never settles: each print moves the chapter on
    with pytest.raises(RuntimeError, match="did not settle"):
        book_pdf.number_pages(lambda numbers: b"", ["a"], read=lambda _pdf, _anchors: {"a": next(moving)})


# -----------------------------------------------------------------------------
# The PDFs as built (the dist_dir fixture prints them with chromium, SITE_URL set)
# -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def books(dist_dir: Path, offline_dir: Path):
    """lang -> (PDF path, its reader, the book its print page describes)."""
    pages = {"zh": offline_dir / "print.html", "en": offline_dir / "en" / "print.html"}
    return {
        lang: (dist_dir / name, PdfReader(dist_dir / name), book_pdf.read_book(pages[lang].read_text(encoding="utf-8")))
        for lang, name in PDFS.items()
    }


def _starts(reader: PdfReader) -> dict[str, int]:
    return {str(name).removeprefix("/"): reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_cover_names_the_guide_its_date_address_and_what_it_is_not(books, lang: str) -> None:
    pdf, _, _ = books[lang]
    cover = _squeeze(_sheets(pdf)[0])
    latest = _latest_review(lang)
    date = LABELS["review_date"][lang].format(year=latest.year, month=latest.month, day=latest.day, iso=latest.isoformat())
    assert _squeeze(TITLES[lang]) in cover
    assert _squeeze(LABELS["reviewed"][lang]) in cover and _squeeze(date) in cover
    assert DIST_SITE_URL in cover
    assert _squeeze(LABELS["book_not_legal_advice"][lang]) in cover
    # Not the screen page's title or its advice to use the browser's menu.
    assert "打印全文" not in cover and "Printthewholeguide" not in cover
    whole = _squeeze("".join(_sheets(pdf)))
    assert "另存为PDF" not in whole and "SaveasPDF" not in whole


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_qr_code_on_the_cover_opens_the_site(books, tmp_path: Path, lang: str) -> None:
    pdf, _, _ = books[lang]
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "cover")], check=True)
    picture = Image.open(next(tmp_path.glob("cover*.png")))
    assert [found.text for found in zxingcpp.read_barcodes(picture)] == [DIST_SITE_URL]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_contents_give_the_page_each_chapter_starts_on(books, lang: str) -> None:
    pdf, reader, book = books[lang]
    starts = _starts(reader)
    # The contents sheets: those before the first chapter, after the cover.
    first = min(starts[anchor] for anchor, _ in book.chapters)
    lines = [line.strip() for sheet in _sheets(pdf)[1 : first - 1] for line in sheet.splitlines()]
    listed = {}
    for line in lines:
        match = re.match(r"^(.*\S)\s+(\d+)$", line)
        if match:
            listed[_squeeze(match.group(1))] = int(match.group(2))
    expected = {_squeeze(title): starts[anchor] for anchor, title in book.chapters}
    assert listed == expected
    assert list(expected.values()) == sorted(expected.values()) and min(expected.values()) > 2  # after the cover and contents


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_bookmark_per_chapter_at_its_first_page(books, lang: str) -> None:
    _, reader, book = books[lang]
    outline = reader.outline
    assert all(not isinstance(item, list) for item in outline), "chapters are the top level, nothing nested"
    starts = _starts(reader)
    assert [(item.title, reader.get_destination_page_number(item) + 1) for item in outline] == [
        (title, starts[anchor]) for anchor, title in book.chapters
    ]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_metadata_speak_the_guides_language(books, lang: str) -> None:
    _, reader, _ = books[lang]
    assert reader.metadata.title == TITLES[lang]
    assert reader.metadata.subject and reader.metadata.get("/Keywords") == LABELS["book_keywords"][lang]
    assert reader.trailer["/Root"][NameObject("/Lang")] == lang


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_sheet_says_where_the_guide_lives(books, lang: str) -> None:
    pdf, reader, _ = books[lang]
    sheets = _sheets(pdf)
    assert len(sheets) == len(reader.pages)
    unmarked = [number for number, sheet in enumerate(sheets, start=1) if f"{number}/{len(sheets)}·{DIST_SITE_URL}" not in _squeeze(sheet)]
    assert unmarked == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_book_has_one_glossary_at_the_end(books, lang: str) -> None:
    pdf, reader, book = books[lang]
    text = _squeeze("".join(_sheets(pdf)))
    assert _squeeze(LABELS["glossary_print_title"][lang]) not in text, "a chapter still ends with its own list of terms"
    glossary = [title for anchor, title in book.chapters if anchor == "glossary"]
    assert len(glossary) == 1 and book.chapters[-1][0] == "glossary"
    assert _starts(reader)["glossary"] == max(_starts(reader)[anchor] for anchor, _ in book.chapters)


@pytest.mark.browser
def test_a_chapter_takes_fewer_sheets_than_before_the_book(books) -> None:
    """Before the book, 19 chapters took 149 sheets in zh and 171 in en (7.8 and
    9.0 a chapter): a page-long list of terms ended many of them. The guide
    has grown since, so the measure is sheets per chapter: a sheet saved on each."""
    per_chapter = {lang: len(reader.pages) / len(book.chapters) for lang, (_, reader, book) in books.items()}
    assert per_chapter["zh"] < 6.5 and per_chapter["en"] < 7.5, per_chapter
