"""The action kit's pages (#17): both languages, same heading ids, facts only.

Source-level checks (no build): a reader switching language lands on the same
section, and no page prints what facts.md marks UNCONFIRMED.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / "docs" / "kit"
HEADING_ID = re.compile(r"^#+ .*\{ #([a-z0-9-]+) \}\s*$", re.M)
ZH_PAGES = sorted(p for p in KIT.glob("*.md") if not p.name.endswith(".en.md"))


def _ids(page: Path) -> list[str]:
    return HEADING_ID.findall(page.read_text(encoding="utf-8"))


def test_kit_has_pages() -> None:
    names = {p.stem for p in ZH_PAGES}
    for name in ("paid-debt-help", "evidence", "phone-scripts"):
        assert name in names, f"docs/kit/ holds {sorted(names)}"


@pytest.mark.parametrize("zh", ZH_PAGES, ids=lambda p: p.stem)
def test_both_languages_with_same_ids(zh: Path) -> None:
    en = zh.with_name(zh.stem + ".en.md")
    assert en.exists(), f"{zh.relative_to(ROOT)} has no English page {en.name}"
    assert _ids(zh), f"{zh.name}: no heading carries an explicit {{ #id }}"
    assert _ids(zh) == _ids(en), f"{zh.name} and {en.name} differ in heading ids: {_ids(zh)} vs {_ids(en)}"


@pytest.mark.parametrize("zh", ZH_PAGES, ids=lambda p: p.stem)
def test_same_links_in_both_languages(zh: Path) -> None:
    link = re.compile(r"\]\(([^)]+)\)")
    en = zh.with_name(zh.stem + ".en.md")
    assert link.findall(zh.read_text(encoding="utf-8")) == link.findall(en.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", sorted(KIT.glob("*.md")), ids=lambda p: p.name)
def test_no_unconfirmed_claims(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    # facts.md: who operates 及贷 is UNCONFIRMED; 12378's hours are UNCONFIRMED.
    for banned in ("UNCONFIRMED", "51信用卡", "51人品贷"):
        assert banned not in text, f"{page.name} states {banned!r}"
    assert not re.search(r"12378[^\n]{0,40}\d{1,2}[:：]\d{2}", text), f"{page.name} prints hours for 12378"


def test_paid_help_page_says_records_cannot_be_deleted() -> None:
    zh = (KIT / "paid-debt-help.md").read_text(encoding="utf-8")
    en = (KIT / "paid-debt-help.en.md").read_text(encoding="utf-8")
    assert "删不掉" in zh and "第 25 条" in zh
    assert "cannot delete" in en and "Article 25" in en
    for free_link in ("../negotiate.md", "../help.md#complaint-lines", "../credit-report.md#dispute"):
        assert free_link in zh, f"the zh page does not send the reader to {free_link}"


# --- Evidence log and phone scripts (#17 items 3, 4, 6) ----------------------

LOG_HEADERS = {
    "zh": ["日期和时间", "号码或账号", "说了什么、发了什么", "还联系了谁", "截图或录音在哪"],
    "en": ["Date and time", "Number or account", "What they said or sent", "Who else they contacted", "Where the screenshot or recording is"],
}
SCRIPT_ZH = re.compile(r"^(.+)\n\{: \.phone-script__zh lang=\"zh-Hans\" \}$", re.M)
SCRIPT_EN = re.compile(r"^(.+)\n\{: \.phone-script__en \}$", re.M)


def _kit(name: str, lang: str) -> str:
    return (KIT / (f"{name}.md" if lang == "zh" else f"{name}.en.md")).read_text(encoding="utf-8")


def _table_rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in text.splitlines() if line.startswith("|")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_evidence_log_has_its_five_columns_and_blank_rows_to_fill(lang: str) -> None:
    text = _kit("evidence", lang)
    rows = _table_rows(text)
    assert rows[0] == LOG_HEADERS[lang]
    blank = [row for row in rows[2:] if row == [""] * 5]
    assert len(blank) >= 12 and len(blank) == len(rows) - 2, "every body row is blank, at least 12 of them"
    # Inside the wrapper the print stylesheet rules and sizes for paper.
    assert '<div class="evidence-log" markdown>' in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_evidence_page_cites_the_evidence_rules_and_leaves_the_carrier_steps_out(lang: str) -> None:
    text = _kit("evidence", lang)
    assert "《关于民事诉讼证据的若干规定》" in text and ("第14—15条" in text or "Articles 14–15" in text)
    assert "../rights.md#evidence-rules" in text and "通话详单" in text
    # facts.md says nothing of how a carrier gives out the record: no fee, no period, no office.
    assert not re.search(r"营业厅|身份证|\d+\s*(个月|天|元)|\d+\s*(months?|days?|yuan)", text), "a carrier step facts.md does not support"


def test_the_english_scripts_carry_the_chinese_of_the_chinese_page_in_order() -> None:
    zh_lines = SCRIPT_ZH.findall(_kit("phone-scripts", "zh"))
    en = _kit("phone-scripts", "en")
    assert len(zh_lines) >= 12, zh_lines
    assert SCRIPT_ZH.findall(en) == zh_lines, "the English page says other Chinese than the Chinese page"
    assert len(SCRIPT_EN.findall(en)) == len(zh_lines), "an English script without its English line"
    # Each English line sits right above its Chinese line.
    assert len(re.findall(r"\{: \.phone-script__en \}\n\n.+\n\{: \.phone-script__zh", en)) == len(zh_lines)
    assert not SCRIPT_EN.findall(_kit("phone-scripts", "zh"))


def test_the_scripts_agree_with_the_emergency_card_and_the_family_page() -> None:
    zh = _kit("phone-scripts", "zh")
    # data/card.yml and docs/family-contacts.md say these; the scripts say them the same way.
    for line in ("这通电话我在录音。", "只能找我本人。不要联系我的家人、朋友和同事。", "我不是借款人"):
        assert line in zh, line
    for section in ("to-a-collector", "to-family", "to-employer"):
        assert f"{{ #{section} }}" in zh


def test_the_new_pages_sit_after_the_paid_help_page_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- kit/paid-debt-help.md\n      - kit/evidence.md\n      - kit/phone-scripts.md\n" in nav


@pytest.mark.parametrize("page", ["stop-harassment", "family-contacts"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pages_that_say_keep_evidence_link_the_log_and_the_scripts(page: str, lang: str) -> None:
    text = (ROOT / "docs" / (f"{page}.md" if lang == "zh" else f"{page}.en.md")).read_text(encoding="utf-8")
    assert "](kit/evidence.md)" in text and "](kit/phone-scripts.md" in text
