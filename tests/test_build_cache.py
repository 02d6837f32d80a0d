"""What the hooks keep for one build (hooks/build_cache.py) never reaches the next.

static-i18n builds every language in one process, and `mkdocs serve` rebuilds
in the same process after each edit: an editor's change must show in the very
next build, and each language must get markup rendered for that language.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CHANNEL = ("全国统一心理援助热线", "National psychological assistance hotline")
CHANNEL_EDITED = ("心理援助热线改名了", "Renamed psychological hotline")
REVIEW_LABEL = ('"Last reviewed"', '"Checked on"')
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
    _edit(project_copy / "overrides" / "partials" / "page-review.md.html", *REVIEW_LABEL)
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
    assert "<p>Checked on: <time" in en_page and "Last reviewed" not in en_page, "the edited template was not compiled again"


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


def test_a_data_file_is_parsed_again_whenever_its_text_changes(tmp_path: Path) -> None:
    """Parsed YAML is kept across builds, keyed by the file's exact text: an edit is always seen.

    The edits keep the size and restore the modification time, so a cache keyed
    by (mtime, size) would miss them; a broken edit fails, and so does the
    same broken text again (a failure is never kept).
    """
    import os

    from build_errors import GuideError
    from yaml_source import load_yaml

    path = tmp_path / "channels.yml"
    path.write_text("name: 热线一\n", encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    assert load_yaml(path, "data/channels.yml") == {"name": "热线一"}
    assert load_yaml(path, "data/channels.yml") == {"name": "热线一"}
    for text, expected in (("name: 热线二\n", {"name": "热线二"}), ("name: 热线一\n", {"name": "热线一"})):
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(stamp, stamp))
        assert load_yaml(path, "data/channels.yml") == expected, "an edited data file was not read again"
    path.write_text("name: [热线一\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(GuideError) as error:
            load_yaml(path, "data/channels.yml")
        assert error.value.args and "data/channels.yml" in str(error.value)


# -----------------------------------------------------------------------------
# Parsed data kept on disk for the next process (build_cache.on_disk)
# -----------------------------------------------------------------------------

@pytest.fixture()
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_a_kept_result_is_used_until_its_content_or_code_changes(private_temp: Path) -> None:
    import build_cache

    made: list[str] = []

    def make(value: str) -> dict[str, str]:
        made.append(value)
        return {"parsed": value}

    assert build_cache.on_disk("yaml", "data/x.yml", "a: 1", "v1", lambda: make("first")) == {"parsed": "first"}
    assert build_cache.on_disk("yaml", "data/x.yml", "a: 1", "v1", lambda: make("again")) == {"parsed": "first"}
    assert build_cache.on_disk("yaml", "data/x.yml", "a: 2", "v1", lambda: make("edited")) == {"parsed": "edited"}
    assert build_cache.on_disk("yaml", "data/x.yml", "a: 2", "v2", lambda: make("new code")) == {"parsed": "new code"}
    assert made == ["first", "edited", "new code"]
    entries = list(private_temp.glob("debt-guide-cache-*/yaml-*.pickle"))
    assert len(entries) == 1, "one entry per file, replaced when it changes"


def test_a_damaged_entry_is_made_again(private_temp: Path) -> None:
    import build_cache

    build_cache.on_disk("yaml", "data/x.yml", "a: 1", "v1", lambda: "good")
    (entry,) = private_temp.glob("debt-guide-cache-*/yaml-*.pickle")
    entry.write_bytes(b"\x80not a pickle")
    assert build_cache.on_disk("yaml", "data/x.yml", "a: 1", "v1", lambda: "made again") == "made again"


def test_a_folder_that_is_not_privately_ours_is_not_used(private_temp: Path) -> None:
    import os

    import build_cache

    folder = private_temp / f"debt-guide-cache-{os.getuid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    assert build_cache.on_disk("yaml", "data/x.yml", "a: 1", "v1", lambda: "made") == "made"
    assert not list(folder.iterdir()), "nothing written where others could change it"


def test_lines_survive_the_disk(private_temp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import build_cache
    import yaml_source
    from yaml_source import load_yaml

    data = tmp_path / "terms.yml"
    data.write_text("terms:\n  - id: a\n    zh: 甲\n", encoding="utf-8")
    load_yaml(data, "data/terms.yml")
    build_cache._BY_CONTENT.clear()  # as a new process starts: only the disk remembers
    monkeypatch.setattr(yaml_source, "parse_yaml", lambda *_: pytest.fail("parsed again"))
    again = load_yaml(data, "data/terms.yml")
    assert again["terms"][0].line == 2 and again["terms"][0].line_of("zh") == 3
