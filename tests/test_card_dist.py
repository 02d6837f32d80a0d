"""The emergency card as readers carry it away (tools/card_dist.py): one-sheet
A4 and A6 PDFs and a phone picture per language, read back as a viewer or a
phone camera would (pypdf, poppler, zxing)."""

from __future__ import annotations

import io
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml
import zxingcpp
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

import card_dist
from build_dist import ZIP_CARD_FOLDER, ZIP_FOLDER, ZIP_NAME
from tests.conftest import DIST_SITE_URL, ROOT

LANGUAGES = ("zh", "en")
NUMBERS = ("110", "120", "12356", "12378", "12321")
# ISO 216 in points (1 mm = 72 / 25.4 pt).
PAPER = {"a4": (595.28, 841.89), "a6": (297.64, 419.53)}
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))


def _blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=100, height=100)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -----------------------------------------------------------------------------
# Pure cores
# -----------------------------------------------------------------------------

def test_the_largest_scale_that_keeps_one_sheet_is_chosen_without_trying_them_all() -> None:
    tried: list[float] = []

    def print_at(scale: float) -> bytes:  # the card spills onto a second sheet above 1.3
        tried.append(scale)
        return _blank_pdf(2 if scale > 1.3 else 1)

    chosen = card_dist.largest_fitting(print_at, card_dist.SCALES)
    assert card_dist.sheets(chosen) == 1 and 1.3 in tried
    assert max(scale for scale in tried if scale <= 1.3) == 1.3
    assert len(tried) <= 6 < len(card_dist.SCALES)
    with pytest.raises(RuntimeError, match="does not fit on one sheet"):
        card_dist.largest_fitting(lambda scale: _blank_pdf(2), card_dist.SCALES)


def test_each_language_has_two_sheets_and_a_phone_picture() -> None:
    assert card_dist.card_files("zh") == {
        "a4": "emergency-card-zh-a4.pdf", "a6": "emergency-card-zh-a6.pdf", "phone": "emergency-card-zh-phone.png",
    }
    assert len(card_dist.all_card_files()) == 3 * len(LANGUAGES)


# -----------------------------------------------------------------------------
# The files as built (the dist_dir fixture prints them with chromium, SITE_URL set)
# -----------------------------------------------------------------------------

def _pdfs() -> list[tuple[str, str]]:
    return [(lang, sheet) for lang in LANGUAGES for sheet in card_dist.SHEETS]


def _pdf(dist_dir: Path, lang: str, sheet: str) -> Path:
    return dist_dir / card_dist.card_files(lang)[sheet]


def _text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(text.split())


def _codes(picture: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(picture)]


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "sheet"), _pdfs())
def test_each_pdf_is_one_sheet_of_its_paper_size(dist_dir: Path, lang: str, sheet: str) -> None:
    reader = PdfReader(_pdf(dist_dir, lang, sheet))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width, height = PAPER[sheet]
    assert abs(float(box.width) - width) <= 1 and abs(float(box.height) - height) <= 1, (box.width, box.height)


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "sheet"), _pdfs())
def test_each_pdf_holds_every_number_and_the_address(dist_dir: Path, lang: str, sheet: str) -> None:
    text = _text(_pdf(dist_dir, lang, sheet))
    for number in NUMBERS:
        assert number in text, number
    assert DIST_SITE_URL in text
    assert "".join(LABELS["card_say"][lang].split()) in text


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "sheet"), _pdfs())
def test_each_pdf_is_titled_in_its_language(dist_dir: Path, lang: str, sheet: str) -> None:
    reader = PdfReader(_pdf(dist_dir, lang, sheet))
    assert reader.metadata.title == LABELS["card_title"][lang]
    assert reader.trailer["/Root"][NameObject("/Lang")] == lang


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "sheet"), _pdfs())
def test_the_qr_code_on_paper_opens_the_site(dist_dir: Path, tmp_path: Path, lang: str, sheet: str) -> None:
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(_pdf(dist_dir, lang, sheet)), str(tmp_path / "sheet")], check=True)
    assert _codes(Image.open(next(tmp_path.glob("sheet*.png")))) == [DIST_SITE_URL]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_phone_picture_is_a_phone_screen_whose_code_opens_the_site(dist_dir: Path, lang: str) -> None:
    picture = Image.open(dist_dir / card_dist.card_files(lang)["phone"])
    width, height = picture.size
    # 360x640 at 3x; a card taller than the screen would make it taller, never cut.
    assert width == 1080 and 1920 <= height <= 1920 * 1.1, picture.size
    assert _codes(picture) == [DIST_SITE_URL]


@pytest.mark.browser
def test_the_zip_carries_the_card_files(dist_dir: Path) -> None:
    with zipfile.ZipFile(dist_dir / ZIP_NAME) as bundle:
        names = set(bundle.namelist())
        for name in card_dist.all_card_files():
            entry = f"{ZIP_FOLDER}/{ZIP_CARD_FOLDER}/{name}"
            assert entry in names
            assert bundle.read(entry) == (dist_dir / name).read_bytes()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reader_printing_the_card_page_gets_the_card_alone_on_one_sheet(browser, offline_dir: Path, lang: str) -> None:
    # The site's own print styles, no card_dist.py: A4 and US Letter, as a browser's print menu would.
    page = browser.new_page()
    try:
        page.goto((offline_dir / card_dist.CARD_PAGES[lang]).as_uri())
        for paper in ("A4", "Letter"):
            reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
            # NFKC: without the PDF font, the system's CJK face reads back some
            # characters as Kangxi radicals (⽹ for 网), see tools/pdf_font.py.
            text = unicodedata.normalize("NFKC", "".join(reader.pages[0].extract_text().split()))
            assert len(reader.pages) == 1, paper
            assert "".join(LABELS["card_title"][lang].split()) in text and "12378" in text
        assert page.evaluate("document.getElementById('why') !== null")  # on screen the explanation stays
    finally:
        page.close()
