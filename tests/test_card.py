"""The emergency card's core (engine/card.py): every number comes from the channel data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, template_env
from engine.card import card_view, load_card, marker_lines, render_card
from engine.channels import load_channels
from engine.errors import GuideError

LANGUAGES = ("zh", "en")


def _card(data: Path, site_url: str = "") -> dict[str, str]:
    channels = load_channels(data / "channels.yml", "data/channels.yml", LANGUAGES)
    card = load_card(data / "card.yml", "data/card.yml", LANGUAGES, channels)
    return {lang: render_card(template_env(lang), card_view(card, channels, lang, site_url)) for lang in LANGUAGES}


@pytest.mark.parametrize("number", ["110", "120", "12356", "12378", "12321"])
def test_each_number_is_on_the_card_in_both_languages(number: str) -> None:
    for html in _card(ROOT / "data").values():
        assert f'href="tel:{number}"' in html


def test_a_changed_number_changes_the_card(tmp_path: Path) -> None:
    shutil.copy(ROOT / "data" / "card.yml", tmp_path / "card.yml")
    text = (ROOT / "data" / "channels.yml").read_text(encoding="utf-8")
    (tmp_path / "channels.yml").write_text(text.replace('contact: "12378"', 'contact: "12399"'), encoding="utf-8")
    for html in _card(tmp_path).values():
        assert "12399" in html and "12378" not in html


def test_no_address_no_qr_code() -> None:
    for html in _card(ROOT / "data").values():
        assert "<svg" not in html and "guide-card__site" not in html
    for html in _card(ROOT / "data", "https://example.org/guide/").values():
        assert "<svg" in html and "https://example.org/guide/" in html


def test_an_unknown_channel_id_names_file_and_line(tmp_path: Path) -> None:
    shutil.copy(ROOT / "data" / "channels.yml", tmp_path / "channels.yml")
    text = (ROOT / "data" / "card.yml").read_text(encoding="utf-8").replace("channel: spam-report", "channel: spam-reprot")
    (tmp_path / "card.yml").write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - channel: spam-reprot") + 1
    with pytest.raises(GuideError) as error:
        _card(tmp_path)
    assert error.value.path == "data/card.yml" and error.value.line == line and "spam-reprot" in str(error.value)


def test_a_misspelt_marker_names_its_line() -> None:
    with pytest.raises(GuideError) as error:
        marker_lines("# x\n\n<!-- emergency card -->\n", "docs/card.md")
    assert error.value.line == 3
    assert marker_lines("# x\n<!-- emergency-card -->\n", "docs/card.md") == [2]
