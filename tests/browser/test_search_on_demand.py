"""Search (its index and its worker) downloads only when a reader opens it.

Together they are over a third of what a page costs a phone; most readers
never search.
Every way a reader opens search must still fetch it, and search must work.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.reader import open_tab, search

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"
WORKER = "assets/javascripts/workers/search."


def index_requests(page: Page) -> list[str]:
    """The search index requests the tab makes; a search worker start adds "worker"."""
    requested: list[str] = []

    def note(request) -> None:  # type: ignore[no-untyped-def]
        if INDEX in request.url:
            requested.append(request.url)
        elif WORKER in request.url:
            requested.append("worker")

    page.on("request", note)
    return requested


@pytest.mark.parametrize("path", ["", "en/", "rights/", "en/check/what-is-happening/"])
def test_reading_a_page_does_not_download_the_index(browser, served_site: str, path: str) -> None:
    with open_tab(browser) as (page, _):
        requested = index_requests(page)
        page.goto(served_site + path, wait_until="networkidle")
        page.mouse.wheel(0, 800)  # reading: scroll, wait
        page.wait_for_timeout(500)
    assert requested == []


def test_clicking_the_field_fetches_the_index_and_finds(browser, served_site: str) -> None:
    with open_tab(browser) as (page, _):
        requested = index_requests(page)
        page.goto(served_site, wait_until="networkidle")
        links = search(page, "征信")
    assert sorted(requested) == sorted([served_site + INDEX, "worker"])
    assert served_site + "credit-report/" in links


def test_the_s_key_fetches_the_english_index_and_finds(browser, served_site: str) -> None:
    with open_tab(browser) as (page, _):
        requested = index_requests(page)
        page.goto(served_site + "en/", wait_until="networkidle")
        page.keyboard.press("s")
        page.keyboard.type("summons")
        page.wait_for_selector(".md-search-result__link", timeout=15000)
        links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.pathname)")
    assert sorted(requested) == sorted([served_site + "en/" + INDEX, "worker"])
    assert "/en/fake-legal-threats/" in links


def test_the_phone_search_icon_fetches_the_index(browser, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        requested = index_requests(page)
        page.goto(served_site, wait_until="networkidle")
        assert requested == []
        page.locator("label.md-header__button[for='__search']").tap()
        page.keyboard.type("传票")
        page.wait_for_selector(".md-search-result__link", timeout=15000)
    finally:
        context.close()
    assert sorted(requested) == sorted([served_site + INDEX, "worker"])


def test_a_highlight_link_from_the_results_still_highlights(browser, served_site: str) -> None:
    # Material marks the query on the page a result leads to (?h=), which
    # needs the index's settings: such a page fetches it at once.
    with open_tab(browser) as (page, _):
        requested = index_requests(page)
        page.goto(served_site + "en/fake-legal-threats/?h=summons")
        page.wait_for_selector("mark", timeout=15000)
    assert sorted(requested) == sorted([served_site + "en/" + INDEX, "worker"])
