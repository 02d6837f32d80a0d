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
    OUTDATED,
    REQUIRED,
    RUN_LENGTH,
    Anchor,
    copied_runs,
    find_seed,
    forbidden_claims,
    missing_anchors,
    missing_statements,
    normalise_seed,
    outdated_claims,
    parity_problems,
    seed_map_anchors,
    seed_map_problems,
    unmarked_reports,
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

CHECKED_FILES = sorted(DOCS.rglob("*.md")) + sorted((ROOT / "data").rglob("*.yml"))


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


# -----------------------------------------------------------------------------
# Legal accuracy (issue 14): old wording stays out, what a reader acts on stays in
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", CHECKED_FILES, ids=_name)
def test_no_file_keeps_wording_that_misled_readers(path: Path) -> None:
    found = outdated_claims(path.read_text(encoding="utf-8"))
    assert found == [], "\n".join(f"{_name(path)}:{line}: {rule.name}: {text!r}. Fix: {rule.fix}" for rule, line, text in found)


@pytest.mark.parametrize("rule", OUTDATED, ids=lambda rule: rule.name)
def test_each_outdated_pattern_catches_the_old_wording(rule) -> None:
    assert rule in [found for found, _, _ in outdated_claims(rule.example)]


@pytest.mark.parametrize("path", CHECKED_FILES, ids=_name)
def test_every_file_says_what_a_reader_holding_the_paper_needs(path: Path) -> None:
    missing = missing_statements(path.read_text(encoding="utf-8"), _name(path))
    assert missing == [], "\n".join(f"{_name(path)}: {rule.name}. Fix: {rule.fix}" for rule in missing)


@pytest.mark.parametrize(
    ("text", "rule_name"),
    [
        ("收到支付令，先核实。", "payment-order objection window"),
        ("判决书要认真对待。", "judgment appeal window"),
        ("诉讼时效一般是3年（《民法典》第188条）。", "limitation restarts"),
        ("可能构成贷款诈骗罪（《刑法》第193条）。", "crime list names credit-card overdraft"),
    ],
)
def test_a_missing_statement_is_named(text: str, rule_name: str) -> None:
    assert rule_name in [rule.name for rule in missing_statements(text, "docs/fake-legal-threats.md")]


def test_the_statements_themselves_satisfy_the_rules() -> None:
    text = (
        "收到支付令，15日内还钱或者书面提出异议。判决书：送达之日起15日内可以上诉。"
        "诉讼时效一般是3年，催收会让它重新计算（第195条）。第193条、第196条。传票：不到庭可以缺席判决。"
    )
    assert missing_statements(text, "docs/fake-legal-threats.md") == []


@pytest.mark.parametrize("path", CHECKED_FILES, ids=_name)
def test_second_hand_facts_say_reportedly(path: Path) -> None:
    found = unmarked_reports(path.read_text(encoding="utf-8"))
    assert found == [], "\n".join(
        f"{_name(path)}:{line}: a MEDIUM fact without 据报道/'Reportedly' at the start of the sentence: {text!r}" for line, text in found
    )


def test_an_unmarked_report_is_caught_and_a_marked_one_passes() -> None:
    assert unmarked_reports("2019年3月15日，央视3·15晚会曝光了这类贷款。") != []
    assert unmarked_reports("据报道，2019年3月15日，央视3·15晚会曝光了这类贷款。") == []
    assert unmarked_reports("Reportedly, the revised law moves this to Article 50.") == []


# --- The trees and the glossary, where a reader holding a paper looks --------

TREE = ROOT / "data" / "trees" / "is-this-paper-real.yml"


def _tree_text(node: dict) -> str:
    return "\n".join(str(value) for value in _walk(node))


def _walk(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)
    else:
        yield value


def test_the_paper_tree_has_a_path_for_arbitration_and_notary_papers() -> None:
    nodes = load_yaml(TREE, "data/trees/is-this-paper-real.yml")["nodes"]
    first = nodes["what-paper"]["options"]
    option = next((o for o in first if "仲裁" in o["label"]["zh"] and "公证" in o["label"]["zh"]), None)
    assert option is not None, "what-paper needs an option for a paper from an arbitration commission or a notary"
    seen, todo, outcomes = set(), [option["next"]], []
    while todo:
        node_id = todo.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        node = nodes[node_id]
        if "outcome" in node:
            outcomes.append(node)
        todo += [o["next"] for o in node.get("options", [])]
    assert any("仲裁裁决" in _tree_text(n) and "公证债权文书" in _tree_text(n) and "enforced" in _tree_text(n) for n in outcomes)


def test_the_real_case_outcome_gives_every_court_deadline() -> None:
    text = _tree_text(load_yaml(TREE, "data/trees/is-this-paper-real.yml")["nodes"]["real-case"])
    for needed in ("缺席判决", "15日内可以上诉", "10日", "支付令", "15 days", "10 days", "in your absence"):
        assert needed in text, f"real-case lacks {needed!r}"


def test_no_such_case_is_not_the_last_word() -> None:
    node = load_yaml(TREE, "data/trees/is-this-paper-real.yml")["nodes"]["fake-paper"]
    text = _tree_text(node)
    assert "再核实一次" in text and "check again" in text
    assert "不理" in text


def test_the_glossary_gives_the_deadline_of_each_court_paper() -> None:
    terms = {t["zh"]["term"]: t for t in load_yaml(ROOT / "data" / "glossary.yml", "data/glossary.yml")["terms"]}
    needed = {"判决书": "15日内", "裁定书": "10日内", "支付令": "15日内", "传票": "缺席判决"}
    for term, phrase in needed.items():
        assert term in terms, f"the glossary has no entry for {term}"
        assert phrase in terms[term]["zh"]["definition"], f"{term}: the definition must say {phrase}"
    assert "合同成立时" in terms["LPR"]["zh"]["definition"] and "date of the contract" in terms["LPR"]["en"]["definition"]
