"""The PDFs of the whole guide, read back as a reader's PDF viewer (poppler) sees them."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import NameObject

from build_dist import MARGIN
from engine.channels import load_channels
from tests.conftest import ROOT

# The dist_dir fixture prints the PDFs with chromium.
pytestmark = pytest.mark.browser

PDFS = {"zh": ("guide-zh.pdf", "print.html"), "en": ("guide-en.pdf", "en/print.html")}
CHANNELS = load_channels(ROOT / "data" / "channels.yml", "data/channels.yml", ("zh", "en"))


def _poppler(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _squeeze(text: str) -> str:
    """Without white space: pdftotext breaks lines wherever the page does."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdf(dist_dir: Path):
    return lambda lang: dist_dir / PDFS[lang][0]


def _chapter_titles(offline_dir: Path, lang: str) -> list[str]:
    page = BeautifulSoup((offline_dir / PDFS[lang][1]).read_text(encoding="utf-8"), "html.parser")
    titles = [link.get_text(strip=True) for link in page.select(".print-contents a")]
    assert len(titles) >= 2
    return titles


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_text_holds_every_chapter_title(pdf, offline_dir: Path, lang: str) -> None:
    text = _squeeze(_poppler("pdftotext", str(pdf(lang)), "-"))
    missing = [title for title in _chapter_titles(offline_dir, lang) if _squeeze(title) not in text]
    assert missing == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_text_holds_the_phone_numbers_and_web_addresses(pdf, lang: str) -> None:
    text = _poppler("pdftotext", str(pdf(lang)), "-")
    squeezed = _squeeze(text)
    phones = [c.contact for c in CHANNELS.values() if c.kind == "phone"]
    assert phones and [number for number in phones if not re.search(rf"(?<!\d){number}(?!\d)", text)] == []
    # A link to another site has its address printed after it (print.css).
    addresses = [c.href for c in CHANNELS.values() if c.kind == "web"]
    assert [address for address in addresses if f"({address})" not in squeezed] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chinese_is_set_in_the_embedded_simplified_chinese_face(pdf, lang: str) -> None:
    rows = _poppler("pdffonts", str(pdf(lang))).splitlines()[2:]
    names = [row.split()[0] for row in rows]
    # zh: all of it; en: the Chinese names of laws and channels beside the English.
    assert any("NotoSansCJKsc" in name for name in names), names
    assert all(row.split()[-5] == "yes" for row in rows), f"not embedded: {rows}"
    assert not [name for name in names if re.search(r"CJK(jp|kr|tc|hk)", name, re.I)], names
    # A Type 3 font is a glyph drawn from a face chromium could not embed by
    # name: the system's CFF copy, Japanese or not, nobody can tell.
    assert not [row for row in rows if "Type 3" in row], rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bookmarks_list_the_chapters(pdf, offline_dir: Path, lang: str) -> None:
    document = ElementTree.fromstring(_poppler("pdftohtml", "-xml", "-i", "-stdout", str(pdf(lang))))
    outline = document.find("outline")
    assert outline is not None, "the PDF has no bookmarks"
    top_level = [_squeeze("".join(item.itertext())) for item in outline.findall("item")]
    assert [title for title in _chapter_titles(offline_dir, lang) if _squeeze(title) not in top_level] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_sheet_is_numbered_and_the_pdf_is_tagged_a4(pdf, lang: str) -> None:
    info = _poppler("pdfinfo", str(pdf(lang)))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+|^Page size:\s+595\.\d+ x 842\.\d+", info, re.M), info
    assert pages >= 3
    for number in (1, pages):
        sheet = _poppler("pdftotext", "-f", str(number), "-l", str(number), str(pdf(lang)), "-")
        assert f"{number} / {pages}" in sheet or f"{number}/{pages}" in _squeeze(sheet), sheet[-200:]


# -----------------------------------------------------------------------------
# Links that land, sheets that are used
# -----------------------------------------------------------------------------

def _named(value) -> str:
    """A destination's name as the PDF writes it: a name object (/x) or a string."""
    return value.removeprefix("/") if isinstance(value, NameObject) else str(value)


def _internal_links(reader: PdfReader) -> list[tuple[int, str]]:
    """(sheet number, destination name) of every link within the PDF."""
    links: list[tuple[int, str]] = []
    for number, sheet in enumerate(reader.pages, start=1):
        for annotation in sheet.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            destination = annotation.get("/Dest", action.get("/D") if action.get("/S") == "/GoTo" else None)
            if destination is not None:
                links.append((number, _named(destination)))
    return links


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_link_within_the_pdf_lands_on_something_printed(pdf, lang: str) -> None:
    """A viewer jumps to a named destination; chromium writes one only for
    what it printed. A link to a part that paper does not show (a decision
    tree's on-screen views) would go nowhere."""
    reader = PdfReader(pdf(lang))
    destinations = {_named(name) for name in reader.named_destinations}
    links = _internal_links(reader)
    assert len(links) > 100, "the contents, cross references and tree steps are links"
    dead = sorted({f"sheet {number}: #{name}" for number, name in links if name not in destinations})
    assert dead == [], f"{len(dead)} links to nothing printed:\n" + "\n".join(dead)


def _fill(pdf_path: Path, sheet: int) -> float:
    """How far down its text area the text of a sheet reaches, 0 to 1 (the page number below it left out)."""
    document = ElementTree.fromstring(_poppler("pdftotext", "-bbox", "-f", str(sheet), "-l", str(sheet), str(pdf_path), "-"))
    page = document.find(".//{*}page")
    top, bottom = _mm(MARGIN["top"]), float(page.get("height")) - _mm(MARGIN["bottom"])
    lowest = max((float(word.get("yMax")) for word in page.findall(".//{*}word") if float(word.get("yMin")) < bottom), default=top)
    return (lowest - top) / (bottom - top)


def _mm(length: str) -> float:
    return float(length.removesuffix("mm")) * 72 / 25.4


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_decision_trees_print_on_well_used_sheets(pdf, offline_dir: Path, lang: str) -> None:
    """Each tree chapter's printed flow runs on from sheet to sheet: no step
    pushed whole onto a fresh sheet, leaving most of the one before blank.
    Only a chapter's last sheet may end early (the next starts a new one)."""
    reader = PdfReader(pdf(lang))
    where = {_named(name): reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}
    page = BeautifulSoup((offline_dir / PDFS[lang][1]).read_text(encoding="utf-8"), "html.parser")
    chapters = [link["href"].removeprefix("#") for link in page.select(".print-contents a")]
    trees = [anchor for anchor in chapters if anchor.startswith("check-")]
    assert trees, "the trees are chapters of the PDF"
    half_empty = []
    starts = [where[anchor] for anchor in chapters] + [len(reader.pages) + 1]
    for anchor in trees:
        last = starts[chapters.index(anchor) + 1] - 1
        for sheet in range(where[anchor], last):
            fill = _fill(pdf(lang), sheet)
            if fill < 0.5:
                half_empty.append(f"sheet {sheet} ({anchor}): text ends {fill:.0%} of the way down")
    assert half_empty == [], "\n".join(half_empty)
