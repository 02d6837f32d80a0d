"""Letters (hooks/engine/letters.py): laws and numbers come from data, bad input names file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from engine.errors import GuideError
from engine.letters import letter_view, load_laws, load_letter, marker_ids

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh", "en")
CITE = {"zh": "{law}第{article}条", "en": "{law}, Article {article}"}
CHANNELS = {"nfra": "12378", "police": "110"}
LETTERS = sorted((ROOT / "data" / "letters").glob("*.yml"))


def _text(view: dict, part: str) -> str:
    return "".join(s.get("text", "＿") for block in view[part] for line in block for s in line)


def _load(data: Path, name: str):
    laws = load_laws(data / "laws.yml", "data/laws.yml", LANGUAGES)
    return load_letter(data / "letters" / name, f"data/letters/{name}", LANGUAGES, laws, CHANNELS), laws


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_every_letter_loads_and_has_its_page_in_both_languages(path: Path) -> None:
    letter, laws = _load(ROOT / "data", path.name)
    view = letter_view(letter, "en", laws=laws, channels=CHANNELS, cite=CITE)
    assert view["letter"] and view["meaning"]
    for suffix in (".md", ".en.md"):
        page = ROOT / "docs" / "letters" / f"{path.stem}{suffix}"
        assert f"<!-- letter: {path.stem} -->" in page.read_text(encoding="utf-8")


def test_a_changed_article_in_the_laws_file_changes_the_letter(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    laws_file = tmp_path / "data" / "laws.yml"
    laws_file.write_text(laws_file.read_text(encoding="utf-8").replace('article: "1033"', 'article: "9999"'), encoding="utf-8")
    letter, laws = _load(tmp_path / "data", "stop-contacting-others.yml")
    view = letter_view(letter, "en", laws=laws, channels=CHANNELS, cite=CITE)
    assert "《民法典》第9999条" in _text(view, "letter")
    assert "第1033条" not in _text(view, "letter")
    assert "Article 9999" in _text(view, "meaning")


def test_a_channel_number_comes_from_the_channels_data() -> None:
    letter, laws = _load(ROOT / "data", "stop-contacting-others.yml")
    view = letter_view(letter, "zh", laws=laws, channels={**CHANNELS, "nfra": "99999"}, cite=CITE)
    assert "99999" in _text(view, "letter") and "12378" not in _text(view, "letter")


def test_no_law_or_number_is_typed_in_a_letter() -> None:
    for path in LETTERS:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"第\d+条|Article \d+|12378|12363", text), path.name


def test_an_unknown_field_names_the_file_and_line(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "letters" / "police-report.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "请依法受理" in line)
    lines[number - 1] = lines[number - 1].replace("请依法受理", "{nmae}请依法受理")
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(GuideError) as error:
        _load(tmp_path / "data", "police-report.yml")
    assert error.value.path == "data/letters/police-report.yml" and error.value.line == number
    assert "nmae" in str(error.value)


def test_a_misspelt_marker_names_its_line() -> None:
    with pytest.raises(GuideError) as error:
        marker_ids("# T\n\n<!-- letters: stop -->\n", "docs/x.md")
    assert error.value.line == 3
    assert marker_ids("a\n<!-- letter: police-report -->\n", "docs/x.md") == [("police-report", 2)]


# Issue #17: what every letter page tells the reader, in this order.
SECTIONS = (
    "when-to-use",
    "what-to-fill-in",
    "the-letter",
    "what-to-attach",
    "send-and-keep-proof",
    "what-happens-next",
    "if-nothing-happens",
)


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
@pytest.mark.parametrize("suffix", [".md", ".en.md"])
def test_every_letter_page_has_each_section_in_order(path: Path, suffix: str) -> None:
    page = ROOT / "docs" / "letters" / f"{path.stem}{suffix}"
    ids = re.findall(r"^## .+\{ #([a-z0-9-]+) \}\s*$", page.read_text(encoding="utf-8"), re.M)
    missing = [section for section in SECTIONS if section not in ids]
    assert not missing, f"{page.relative_to(ROOT)} lacks the sections {missing}"
    assert [i for i in ids if i in SECTIONS] == list(SECTIONS), f"{page.relative_to(ROOT)}: sections out of order: {ids}"


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_a_day_count_on_a_letter_page_is_the_readers_own_request_or_the_credit_rule(path: Path) -> None:
    """facts.md gives one time limit for these letters: 20 days for a credit dispute.

    Any other number of days is what the letter itself asks for, and the page
    must say it is the reader's request, not the law's.
    """
    for suffix, own in ((".md", "不是法律规定的期限"), (".en.md", "not a time limit set by law")):
        text = (ROOT / "docs" / "letters" / f"{path.stem}{suffix}").read_text(encoding="utf-8")
        days = set(re.findall(r"(\d+) ?(?:天|日|days?)", text))
        if path.stem == "credit-report-dispute":
            days -= {"20"}
        if days:
            assert own in text, f"{path.stem}{suffix} names {sorted(days)} days without saying it is the reader's own request"


def test_the_index_names_the_buttons_as_the_form_shows_them() -> None:
    import yaml

    labels = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
    for suffix, lang, quote in ((".md", "zh", "“{}”"), (".en.md", "en", '"{}"')):
        text = (ROOT / "docs" / "letters" / f"index{suffix}").read_text(encoding="utf-8")
        for key in ("letter_copy", "letter_print", "letter_keep", "letter_erase"):
            assert quote.format(labels[key][lang]) in text, f"docs/letters/index{suffix} does not name the button {labels[key][lang]!r}"
