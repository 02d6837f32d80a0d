"""The letters in the book PDFs (issue #17 item 8): each letter whole, with
blank lines to fill by hand and nothing of the form.

The expected text is built from the same data and labels the build uses
(data/letters, data/laws.yml, data/channels.yml, data/labels.yml), so a
changed letter changes what is looked for. The PDFs are read back with
poppler, as in tests/test_book_pdf.py; dist/ is built once per session
(the `dist_dir` fixture).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from engine.channels import load_channels
from engine.letters import letter_view, load_laws, load_letter
from tests.conftest import ROOT

LANGUAGES = ("zh", "en")
PDFS = {"zh": "guide-zh.pdf", "en": "guide-en.pdf"}
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
SHORT_BLANK = "＿" * 10  # partials/letter.html: room for a phone number by hand
LONG_BLANK = "＿" * 16 * 3  # partials/letter.html: three lines of 16
LETTERS = sorted(path.stem for path in (ROOT / "data" / "letters").glob("*.yml"))
# Words only the form shows (partials/letter.html): none may reach paper.
FORM_ONLY = ("letter_privacy", "letter_keep_note", "letter_share")


def letters_on_paper(language: str) -> dict[str, list[str]]:
    """Letter id -> its paragraphs as `language`'s PDF must print them, blanks unfilled.

    The Chinese letter, then (in another language) what it means.
    """
    cite, hint = LABELS["letter_cite"], LABELS["letter_hint"]
    laws = load_laws(ROOT / "data" / "laws.yml", "data/laws.yml", LANGUAGES)
    channels = {cid: c.contact for cid, c in load_channels(ROOT / "data" / "channels.yml", "data/channels.yml", LANGUAGES).items()}
    out: dict[str, list[str]] = {}
    for lid in LETTERS:
        letter = load_letter(ROOT / "data" / "letters" / f"{lid}.yml", f"data/letters/{lid}.yml", LANGUAGES, laws, channels)
        view = letter_view(letter, language, laws=laws, channels=channels, cite=cite)
        parts = [(view["letter"], view["language"])] + ([(view["meaning"], language)] if view["meaning"] else [])
        out[lid] = [_squeeze("".join(_segment(s, hint[lang]) for line in block for s in line)) for blocks, lang in parts for block in blocks]
    return out


def _segment(segment: dict, hint: str) -> str:
    if segment["kind"] != "field":
        return segment["text"]
    return (LONG_BLANK if segment["field_kind"] == "long" else SHORT_BLANK) + hint.replace("{label}", segment["label"])


def _squeeze(text: str) -> str:
    """Without whitespace and ASCII brackets: poppler reads "(《民法典》)" back as "《民法典》()"."""
    return re.sub(r"[\s()]+", "", text)


def _pdf_text(pdf: Path) -> str:
    """The PDF's text in reading order, sheet footers ("68 / 147 · address") taken out."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return _squeeze(re.sub(r"(?m)^\s*\d+ / \d+ · \S*\s*$", "", text))


@pytest.fixture(scope="module")
def pdf_texts(dist_dir: Path) -> dict[str, str]:
    return {lang: _pdf_text(dist_dir / name) for lang, name in PDFS.items()}


def test_the_expected_text_is_the_letter_with_its_blanks() -> None:
    """The pure core: a blank is a line and the field's name, laws and numbers come from data."""
    zh = letters_on_paper("zh")["stop-contacting-others"]
    assert zh[0] == SHORT_BLANK + "（平台或放贷机构的名称）：" and zh[-1] == SHORT_BLANK + "（你的姓名）" + SHORT_BLANK + "（写信日期）"
    assert any("《民法典》第1033条" in p for p in zh)
    en = letters_on_paper("en")["stop-contacting-others"]
    assert en[0] == zh[0] and "To" + SHORT_BLANK + "Nameoftheplatformorlender:" in en


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("letter", LETTERS)
def test_each_letter_is_printed_whole_with_blank_lines(pdf_texts: dict[str, str], language: str, letter: str) -> None:
    missing = [p for p in letters_on_paper(language)[letter] if p not in pdf_texts[language]]
    assert not missing, f"{PDFS[language]} lacks these paragraphs of {letter}: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_form_reaches_paper(dist_dir: Path, pdf_texts: dict[str, str], language: str) -> None:
    for key in FORM_ONLY:
        assert _squeeze(LABELS[key][language]) not in pdf_texts[language], f"{PDFS[language]} prints the form's '{key}'"
    reader = PdfReader(dist_dir / PDFS[language])
    assert not reader.get_fields(), f"{PDFS[language]} has fillable form fields"
    assert all("/Annots" not in page or not any(a.get_object().get("/Subtype") == "/Widget" for a in page["/Annots"]) for page in reader.pages)
