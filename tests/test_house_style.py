"""House style (issue 14), checked on every page and data file, file and line.

zh dates as 2021年11月1日, article ranges as 第16—18条, times as 晚上10点,
law titles in 《》, full-width colons after Chinese, no space after a
closing full-width bracket, and no channel number typed by hand in a page
or data file (it renders from data/channels.yml).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.house_style import style_breaches, typed_numbers
from engine.yaml_data import load_yaml

FILES = sorted((ROOT / "docs").rglob("*.md")) + [
    path for path in sorted((ROOT / "data").rglob("*.yml")) if path.name not in ("channels.yml", "seed-map.yml")
]
NUMBERS = [str(entry["contact"]) for entry in load_yaml(ROOT / "data" / "channels.yml", "data/channels.yml") if entry["kind"] == "phone"]


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _language(path: Path) -> bool | None:
    return None if path.suffix == ".yml" else not path.name.endswith(".en.md")


@pytest.mark.parametrize("path", FILES, ids=_name)
def test_the_house_style_holds(path: Path) -> None:
    found = style_breaches(path.read_text(encoding="utf-8"), markdown_zh=_language(path))
    assert found == [], "\n".join(f"{_name(path)}:{line}: {message}" for line, message in found)


@pytest.mark.parametrize("path", FILES, ids=_name)
def test_no_number_is_typed_by_hand(path: Path) -> None:
    found = typed_numbers(path.read_text(encoding="utf-8"), NUMBERS, yaml=path.suffix == ".yml")
    assert found == [], "\n".join(f"{_name(path)}:{line}: {message}" for line, message in found)


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("2021-11-01 起施行", "YYYY-MM-DD"),
        ("晚上 22:00 到早上 08:00", "clock time"),
        ("晚上22点以后", "24-hour"),
        ("最后审核: 今天", "ASCII colon"),
        ("（见上文） 然后", "space after a closing"),
        ("自律公约第16-18条", "article range"),
        ("违反民法典第1033条", "without 《》"),
    ],
)
def test_each_rule_names_the_line_of_a_breach(line: str, needle: str) -> None:
    page = "---\ntitle: x\nreviewed: 2026-11-28\n---\n\n正文。\n" + line + "\n"
    found = style_breaches(page, markdown_zh=True)
    assert any(number == 7 and needle in message for number, message in found), found


def test_zh_rules_read_only_the_zh_values_of_a_data_file() -> None:
    data = "q:\n  zh:\n    a: 2021-11-01 起施行\n  en:\n    a: in force since 2021-11-01\n"
    assert [number for number, _ in style_breaches(data, markdown_zh=None)] == [3]
    assert style_breaches("- 2021年11月1日起施行，第16—18条，晚上10点，《民法典》：见下文（附表）。\n", markdown_zh=True) == []


def test_a_typed_number_is_caught_and_a_marker_is_not() -> None:
    assert typed_numbers("打 110 报警。", ["110"]) == [(1, typed_numbers("打 110 报警。", ["110"])[0][1])]
    assert typed_numbers("打 <!-- channel: police --> 报警。第110条不算号码？", ["110"]) != []
    assert typed_numbers("打 <!-- channel: police --> 报警。", ["110"]) == []
    assert typed_numbers("# 110 in a YAML comment", ["110"], yaml=True) == []
