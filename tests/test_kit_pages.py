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
    assert "paid-debt-help" in names, f"docs/kit/ holds {sorted(names)}"


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
