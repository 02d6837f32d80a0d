"""Search finds each language's own pages, and only those, in a real browser."""

from __future__ import annotations

import pytest

from tests.browser.reader import open_tab, search

pytestmark = pytest.mark.browser

# (query, a page that must be found). Real words a reader types, including the
# English words the stemmer used to lose ("collection", "online", "illegal").
CHINESE_QUERIES = [
    ("传票", "fake-legal-threats/"),
    ("征信", "credit-report/"),
    ("心理援助", "wellbeing/"),
    ("爆通讯录", "family-contacts/"),
    ("12378", "help/"),  # numbers are on both languages' pages
]
ENGLISH_QUERIES = [
    ("summons", "en/fake-legal-threats/"),
    ("collection", "en/outlook/"),
    ("online", "en/family-contacts/"),
    ("illegal", "en/family-contacts/"),
    ("credit", "en/credit-report/"),
    ("12378", "en/help/"),
]


@pytest.mark.parametrize(("query", "expected"), CHINESE_QUERIES)
def test_chinese_query_finds_chinese_pages_only(browser, served_site: str, query: str, expected: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site)
        links = search(page, query)
    assert served_site + expected in links, links
    assert not [link for link in links if "/en/" in link], f"English results on a Chinese page: {links}"


@pytest.mark.parametrize(("query", "expected"), ENGLISH_QUERIES)
def test_english_query_finds_english_pages_only(browser, served_site: str, query: str, expected: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site + "en/")
        links = search(page, query)
    assert served_site + expected in links, links
    assert all("/en/" in link for link in links), f"Chinese results on an English page: {links}"
