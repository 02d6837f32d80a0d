"""Channels render from one data file; every page shows its review date."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from engine.errors import GuideError
from engine.channels import load_channels, render_channel_markers
from engine.page_review import review_date
from tests.conftest import ROOT, html_pages, template_env
from tests.test_build import _build

CHANNELS = load_channels(ROOT / "data" / "channels.yml", "data/channels.yml", ("zh", "en"))


def test_inline_marker_renders_the_number_and_the_directory_link() -> None:
    text = render_channel_markers(
        "核实：<!-- channel: court-line -->。", channels=CHANNELS, language="zh",
        help_link="help.md", env=template_env("zh"), source="docs/x.md", shown="data/channels.yml",
    )
    assert "[**12368**](tel:12368)" in text and "(help.md#court-line)" in text and "法院诉讼服务热线" in text


def test_block_marker_renders_one_card_per_channel_in_the_page_language() -> None:
    text = render_channel_markers(
        "<!-- channels: police nfra -->", channels=CHANNELS, language="en",
        help_link="../help.md", env=template_env("en"), source="docs/x.en.md", shown="data/channels.yml",
    )
    assert text.count("tel:") == 2 and "When to use it" in text and "(../help.md#nfra)" in text


def test_an_unknown_channel_id_names_file_and_line() -> None:
    with pytest.raises(GuideError) as error:
        render_channel_markers(
            "a\nb\n<!-- channel: no-such-line -->", channels=CHANNELS, language="zh",
            help_link="help.md", env=template_env("zh"), source="docs/x.md", shown="data/channels.yml", first_line=5,
        )
    assert error.value.line == 7 and "no-such-line" in str(error.value)


def test_a_channel_without_english_fails_with_its_line(tmp_path: Path) -> None:
    data = tmp_path / "channels.yml"
    data.write_text('- id: x\n  contact: "1"\n  kind: phone\n  group: g\n  zh: {name: a, who: b, what: c, when: d}\n', encoding="utf-8")
    with pytest.raises(GuideError) as error:
        load_channels(data, "data/channels.yml", ("zh", "en"))
    assert "'en'" in str(error.value) and error.value.line == 1


def test_a_missing_review_date_is_an_error() -> None:
    with pytest.raises(GuideError):
        review_date({"title": "x"}, "docs/x.md")
    assert review_date({"reviewed": datetime.date(2026, 11, 28)}, "docs/x.md") == datetime.date(2026, 11, 28)


def test_every_built_page_shows_its_review_date_and_the_notice(site_dir: Path) -> None:
    for page in html_pages(site_dir):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">', html), page
        english = page.relative_to(site_dir).parts[0] == "en"
        assert ("not legal advice" if english else "不是法律意见") in html, page


def test_help_directory_lists_every_channel_in_both_languages(site_dir: Path) -> None:
    for help_page in (site_dir / "help" / "index.html", site_dir / "en" / "help" / "index.html"):
        html = help_page.read_text(encoding="utf-8")
        for channel in CHANNELS.values():
            assert f'id="{channel.id}"' in html and channel.contact in html


def test_a_page_without_review_date_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "docs" / "outlook.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("reviewed: 2026-11-28\n", ""), encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0 and "docs/outlook.en.md" in output.stderr and "review date" in output.stderr


def test_an_unknown_channel_in_a_page_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "docs" / "wellbeing.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- channel: hotline-typo -->\n", encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0 and "docs/wellbeing.md:" in output.stderr and "hotline-typo" in output.stderr


@pytest.mark.parametrize("marker", ["channel", "channels", "channel-directory"])
def test_channel_texts_are_escaped_in_every_marker(marker: str) -> None:
    from engine.channels import Channel

    hostile = '<img src=x onerror="alert(1)">'
    texts = {lang: {"name": hostile, "who": hostile, "what": hostile, "when": hostile} for lang in ("zh", "en")}
    channels = {"evil": Channel(id="evil", contact="110", kind="phone", group="evil", texts=texts)}
    text = render_channel_markers(
        f"<!-- {marker}: evil -->", channels=channels, language="en",
        help_link="help.md", env=template_env("en"), source="docs/x.md", shown="data/channels.yml",
    )
    assert "<img" not in text and "&lt;img src=x onerror=" in text
