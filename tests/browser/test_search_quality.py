"""Search finds what readers type, in chromium, on the served site and the offline zip.

The query suite is tests/data/search-queries.yml (66 Chinese, 36 English
queries as readers type them). Every query must return results, and at least
95% must have an expected page or heading in the first three result groups;
a failure lists every miss with what came up instead.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, TimeoutError

from search_suite import GOAL, Query, describe_misses, is_hit, load_suite, location
from tests.browser.reader import open_tab

pytestmark = pytest.mark.browser

SUITE = load_suite()
LANGUAGES = sorted({query.language for query in SUITE})
RESULTS_SHOWN = "() => { const m = document.querySelector('.md-search-result__meta'); return m && /\\d|没有|No matching/.test(m.textContent) }"


def open_search(page: Page) -> None:
    """As a reader does: click the field (this also fetches the index)."""
    page.locator(".md-search__input").click()


def result_groups(page: Page, query: str) -> list[list[str]]:
    """Put the query in the field and return each result group's links, in order."""
    field = page.locator(".md-search__input")
    # Empty first, so that the results below are this query's, not the last one's.
    field.fill("")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    field.fill(query)
    page.wait_for_function(RESULTS_SHOWN, timeout=15000)
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => [...item.querySelectorAll('a.md-search-result__link')].map(a => a.href))",
    )


def run_suite(page: Page, root: str, language: str) -> tuple[list[Query], list[tuple[Query, list[list[str]]]], list[Query]]:
    queries = [query for query in SUITE if query.language == language]
    misses, empty = [], []
    page.goto(root + ("index.html" if root.startswith("file:") else ""))
    open_search(page)
    for query in queries:
        links = result_groups(page, query.query)
        groups = [[location(link, root) for link in group] for group in links]
        if not groups:
            empty.append(query)
        if not is_hit(query, groups):
            misses.append((query, groups))
    return queries, misses, empty


def check(queries: list[Query], misses: list[tuple[Query, list[list[str]]]], empty: list[Query]) -> None:
    assert not empty, f"no results at all for: {[query.query for query in empty]}\n{describe_misses(misses)}"
    score = 1 - len(misses) / len(queries)
    assert score >= GOAL, f"top-3 score {score:.0%} < {GOAL:.0%}\n{describe_misses(misses)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_suite_on_the_served_site(browser, served_site: str, language: str) -> None:
    root = served_site + ("" if language == "zh" else f"{language}/")
    with open_tab(browser) as (page, foreign):
        check(*run_suite(page, root, language))
    assert foreign == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_suite_on_the_offline_zip(browser, offline_dir: Path, language: str) -> None:
    folder = offline_dir if language == "zh" else offline_dir / language
    with open_tab(browser) as (page, foreign):
        check(*run_suite(page, folder.as_uri() + "/", language))
    assert foreign == []


@pytest.mark.parametrize(("start", "query"), [("", "还不起钱"), ("en/", "can't pay")])
def test_a_pasted_query_shows_results_without_a_key_press(browser, served_site: str, start: str, query: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site + start)
        open_search(page)
        # What a long-press paste or a phone keyboard's suggestion does: an
        # input event, no key events.
        page.keyboard.insert_text(query)
        page.wait_for_function(RESULTS_SHOWN, timeout=15000)
        assert page.locator(".md-search-result__item").count() > 0


@pytest.mark.parametrize(("start", "query", "page_path"), [("", "通讯录", "family-contacts/"), ("", "报警", None), ("en/", "contacts", "family-contacts/")])
def test_result_links_land_on_their_heading_with_the_query_marked(browser, served_site: str, start: str, query: str, page_path: str | None) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site + start)
        open_search(page)
        page.keyboard.type(query)
        page.wait_for_function(RESULTS_SHOWN, timeout=15000)
        links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
        highlights = {link: parse_qs(urlsplit(link).query).get("h", [""])[0] for link in links}
        assert all(highlights.values()), f"links with an empty ?h=: {[link for link, h in highlights.items() if not h]}"
        if page_path:
            first = page.eval_on_selector(".md-search-result__link", "a => a.pathname")
            assert first == "/" + start + page_path, f"first result {first}"

        # The first result that names a heading: it opens at that heading, the query marked.
        section = next(link for link in links if urlsplit(link).fragment)
        page.goto(section)
        page.wait_for_selector("mark", state="attached", timeout=15000)
        # In view (near the end of a page the heading cannot reach the top).
        at_top = "id => { const box = document.getElementById(id).getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight }"
        try:
            page.wait_for_function(at_top, arg=urlsplit(section).fragment, timeout=5000)
        except TimeoutError as error:
            top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", urlsplit(section).fragment)
            raise AssertionError(f"{section} did not open at its heading (its top is at {top:.0f} px)") from error
        marked = "".join(page.eval_on_selector_all("mark", "marks => marks.map(m => m.textContent)")).lower()
        assert any(word in marked for word in highlights[section].split()), (highlights[section], marked[:200])
