"""The guide's content: every seed point kept, zh and en in step, nothing copied, nothing unconfirmed.

The checks themselves live in tests/content_checks.py (pure functions); each
is run here on the real pages and, once, on deliberately bad input.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.content_checks import (
    FORBIDDEN,
    RUN_LENGTH,
    Anchor,
    copied_runs,
    find_seed,
    forbidden_claims,
    missing_anchors,
    normalise_seed,
    parity_problems,
    seed_map_anchors,
    seed_map_problems,
)
from engine.yaml_data import load_yaml

DOCS = ROOT / "docs"
SEED_MAP = ROOT / "data" / "seed-map.yml"
ZH_PAGES = sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def seed_text() -> str:
    seed = find_seed(ROOT)
    if seed is None:
        pytest.fail("the seed article is missing: expected shared/seed/ beside or above the project")
    return seed.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_map() -> list:
    return load_yaml(SEED_MAP, "data/seed-map.yml")


# -----------------------------------------------------------------------------
# Every point of the seed has a home, in both languages
# -----------------------------------------------------------------------------

def test_the_seed_map_covers_every_section_once(seed_map: list) -> None:
    assert seed_map_problems(seed_map) == []


def test_every_seed_map_anchor_exists_in_both_languages(seed_map: list, site_dir: Path) -> None:
    assert missing_anchors(seed_map_anchors(seed_map), site_dir) == []


def test_a_seed_map_anchor_that_does_not_exist_is_named(seed_map: list, site_dir: Path) -> None:
    bad = [Anchor("4.2", "negotiate", "no-such-heading", 40), Anchor("6.1", "no-such-page", "regulation", 50)]
    problems = missing_anchors(bad, site_dir)
    assert any("seed-map.yml:40" in p and "negotiate#no-such-heading" in p and "zh" in p for p in problems)
    assert any("no-such-page" in p and "en" in p for p in problems)
    assert seed_map_problems([e for e in seed_map if e["seed"] != "3.1"]) == ["seed section '3.1' is not mapped to any page"]


# -----------------------------------------------------------------------------
# zh is the original; en has the same ids, links and admonitions
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("zh_page", ZH_PAGES, ids=_name)
def test_the_english_page_matches_its_original(zh_page: Path) -> None:
    en_page = zh_page.with_name(zh_page.name[: -len(".md")] + ".en.md")
    assert en_page.is_file(), f"{_name(zh_page)} has no English page"
    problems = parity_problems(zh_page.read_text(encoding="utf-8"), en_page.read_text(encoding="utf-8"))
    assert problems == [], f"{_name(en_page)} does not match {_name(zh_page)}"


def test_parity_catches_a_dropped_admonition_a_changed_link_and_an_id() -> None:
    zh = "# 标题 { #t }\n\n## 一 { #one }\n\n!!! warning \"小心\"\n    看 [这里](rights.md#civil-code)。<!-- channel: police -->\n"
    assert parity_problems(zh, zh.replace("小心", "Careful").replace("看", "See")) == []
    problems = parity_problems(zh, "# T { #t }\n\n## One { #uno }\n\nSee [here](rights.md)。<!-- channel: police -->\n")
    assert len(problems) == 3
    assert "#uno" not in problems[0] and "'uno'" in problems[0]
    assert "rights.md#civil-code" in problems[1] and "'rights.md'" in problems[1]
    assert "!!! warning" in problems[2]


# -----------------------------------------------------------------------------
# No run of RUN_LENGTH characters copied from the seed
# -----------------------------------------------------------------------------

def test_the_seed_normalises_to_simplified_without_pinyin(seed_text: str) -> None:
    text = normalise_seed(seed_text)
    assert "及贷催收又开始怎么办" in text and "小编导语" in text
    assert "導" not in text and "dǎo" not in text and "(" not in text


@pytest.mark.parametrize("zh_page", ZH_PAGES, ids=_name)
def test_no_zh_page_copies_a_run_from_the_seed(zh_page: Path, seed_text: str) -> None:
    runs = copied_runs(zh_page.read_text(encoding="utf-8"), seed_text)
    assert runs == [], f"{_name(zh_page)} copies {len(runs)} run(s) of {RUN_LENGTH}+ characters from the seed: {runs}"


def test_a_copied_sentence_is_caught_even_in_simplified_with_new_punctuation(seed_text: str) -> None:
    page = "平台简介：及贷主要通过大数据风控技术，对用户的信用状况进行评估！然后……"
    runs = copied_runs(page, seed_text)
    assert runs and "大数据风控技术对用户的信用状况进行评估" in runs[0]
    assert copied_runs("及贷用大数据给申请人打分，决定借不借。", seed_text) == []


# -----------------------------------------------------------------------------
# Nothing the fact sheet marks UNCONFIRMED
# -----------------------------------------------------------------------------

CHECKED_FILES = sorted(DOCS.rglob("*.md")) + sorted((ROOT / "data").glob("*.yml"))


@pytest.mark.parametrize("path", CHECKED_FILES, ids=_name)
def test_no_page_states_an_unconfirmed_claim(path: Path) -> None:
    found = forbidden_claims(path.read_text(encoding="utf-8"))
    assert found == [], "\n".join(f"{_name(path)}: {rule.name} ({rule.reason}): {text!r}" for rule, text in found)


@pytest.mark.parametrize("rule", FORBIDDEN, ids=lambda rule: rule.name)
def test_each_forbidden_pattern_catches_its_example(rule) -> None:
    assert rule in [found for found, _ in forbidden_claims(rule.example)]


@pytest.mark.parametrize(
    "allowed",
    [
        "约定利率超过合同成立时一年期 LPR 的4倍，超过部分不受保护。",
        "The limit is 4 times the one-year LPR at the date of the contract.",
        "打 12378 投诉不当催收。晚上22点到早上8点不应催收（GB/T 45251—2025）。",
        "及贷是一个网络借贷平台。",
        "12345 政务服务便民热线 24 小时受理。",
        "香港：年利率超过48%属于犯罪；超过36%推定为敲诈性。",
    ],
)
def test_the_facts_themselves_are_allowed(allowed: str) -> None:
    assert forbidden_claims(allowed) == []
