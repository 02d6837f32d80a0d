"""The PDFs of the whole guide, read back as a reader's PDF viewer (poppler) sees them."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from channels import load_channels
from tests.conftest import ROOT

# The dist_dir fixture prints the PDFs with chromium.
pytestmark = pytest.mark.browser

PDFS = {"zh": ("guide-zh.pdf", "print.html"), "en": ("guide-en.pdf", "en/print.html")}
CHANNELS = load_channels(ROOT / "data" / "channels.yml")


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
