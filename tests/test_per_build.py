"""What the hooks share within one build (hooks/engine/per_build.py) never reaches the next.

static-i18n builds every language in one process, and `mkdocs serve` rebuilds
in the same process after each edit: an editor's change must show in the very
next build, and each language must get markup rendered for that language.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CHANNEL = ("全国统一心理援助热线", "National psychological assistance hotline")
CHANNEL_EDITED = ("心理援助热线改名了", "Renamed psychological hotline")
REVIEW_LABEL = ("en: Last reviewed", "en: Checked on")
TREE_INTRO = ("回答几个简单的问题，看看你现在该做什么。", "改过的开场白：回答几个问题。")
# A heading a tree outcome links to ("read more" shows the heading's words).
FAQ_QUESTION = ("q: Will I go to prison if I can't pay?", "q: Can owing money put me in prison?")
LINKED_HEADING = ("## In an emergency { #emergency }", "## When it cannot wait { #emergency }")


def _build_in_process(project: Path, site: Path) -> None:
    """A strict build of the project in this process, as `mkdocs serve` rebuilds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _page(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


@pytest.fixture()
def two_builds(project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The project built twice in this process, with edits to data and a template in between."""
    monkeypatch.chdir(project_copy)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    first, second = tmp_path / "first", tmp_path / "second"
    _build_in_process(project_copy, first)
    for old, new in zip(CHANNEL, CHANNEL_EDITED):
        _edit(project_copy / "data" / "channels.yml", f"name: {old}", f"name: {new}")
    _edit(project_copy / "data" / "labels.yml", *REVIEW_LABEL)
    _edit(project_copy / "data" / "trees" / "what-is-happening.yml", *TREE_INTRO)
    _edit(project_copy / "docs" / "wellbeing.en.md", *LINKED_HEADING)
    _edit(project_copy / "data" / "faq.yml", *FAQ_QUESTION)
    _build_in_process(project_copy, second)
    return first, second


def test_the_next_build_in_the_same_process_shows_every_edit(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    assert CHANNEL[0] in _page(first, "wellbeing") and CHANNEL[1] in _page(first, "en/wellbeing")
    for page, (old, new) in (("wellbeing", (CHANNEL[0], CHANNEL_EDITED[0])), ("en/wellbeing", (CHANNEL[1], CHANNEL_EDITED[1]))):
        html = _page(second, page)
        assert new in html and old not in html, f"{page}: the channel's old name survived the rebuild"
    assert TREE_INTRO[1] in _page(second, "check/what-is-happening"), "the tree was not read again"
    assert "When it cannot wait" in _page(second, "en/check/what-is-happening"), "the tree's link kept the page's old heading"
    assert "Can owing money put me in prison?" in _page(second, "en/faq"), "the FAQ was not read again"
    en_page = _page(second, "en/wellbeing")
    assert "<p>Checked on: <time" in en_page and "Last reviewed" not in en_page, "the edited label was not read again"


def test_each_language_gets_markup_rendered_in_that_language(two_builds: tuple[Path, Path]) -> None:
    _, second = two_builds
    zh, en = _page(second, "wellbeing"), _page(second, "en/wellbeing")
    assert CHANNEL_EDITED[0] in zh and CHANNEL_EDITED[1] not in zh
    assert CHANNEL_EDITED[1] in en and CHANNEL_EDITED[0] not in en
    assert "<p>最后审核：<time" in zh and "Checked on" not in zh
    zh_tree, en_tree = _page(second, "check/what-is-happening"), _page(second, "en/check/what-is-happening")
    assert "重新开始" in zh_tree and "Start again" not in zh_tree
    assert "Start again" in en_tree and "重新开始" not in en_tree


def test_the_built_site_keeps_each_language_to_itself(site_dir: Path) -> None:
    """The same check on the normal build (zh, then en nested in it, in one process)."""
    zh, en = _page(site_dir, "wellbeing"), _page(site_dir, "en/wellbeing")
    assert CHANNEL[0] in zh and CHANNEL[1] not in zh
    assert CHANNEL[1] in en and CHANNEL[0] not in en
    assert "Last reviewed" in en and "最后审核" not in en


def test_a_build_keeps_nothing_on_disk(tmp_path: Path) -> None:
    """No pickles, no compiled templates: the temp folder holds jieba's dictionary cache at most."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp_path / "site")]
    assert subprocess.run(command, cwd=ROOT, env=env).returncode == 0
    assert {path.name for path in temp.iterdir()} <= {"jieba.cache"}
