"""A reader meets a linked term: hover, keyboard, tap, no JavaScript, paper.

Runs on the tea fixture site (its terms are known and stable) and on the
guide's own help page.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_site import build_into
from tests.browser.reader import open_tab
from tests.conftest import ROOT, _QuietHandler

pytestmark = pytest.mark.browser

TEA_DEFINITION = "Leaves of the tea plant, dried, and the drink made from them."


@pytest.fixture(scope="module")
def tea_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("tea") / "site"
    assert build_into(site, root=ROOT / "tests" / "fixtures" / "glossary-site") == 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _shown_box(page) -> str:  # noqa: ANN001 - Playwright page
    """The text of the definition box on screen (partials/glossary-link.html), or '' if none shows."""
    boxes = page.locator(".glossary-pop:visible")
    return boxes.first.inner_text() if boxes.count() else ""


def test_clicking_a_term_shows_its_definition_in_place(browser, tea_url: str) -> None:
    with open_tab(browser) as (page, foreign):
        page.goto(tea_url)
        term = page.locator("button.glossary-term >> nth=0")
        assert _shown_box(page) == ""
        term.click()
        assert TEA_DEFINITION in _shown_box(page)
        assert page.url == tea_url, "the click stayed on the page"
        assert page.locator(".md-tooltip2, .md-tooltip").count() == 0
        page.mouse.click(5, 300)  # elsewhere on the page: the box closes
        assert _shown_box(page) == ""
    assert not foreign


def test_a_keyboard_reaches_the_term_its_definition_and_the_entry(browser, tea_url: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(tea_url)
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('glossary-term')"):
                break
        else:
            pytest.fail("Tab never reached a linked term")
        assert TEA_DEFINITION in _shown_box(page), "focus alone shows the definition"
        box = page.locator(".glossary-pop:visible").bounding_box()
        assert box is not None and 0 < box["y"] and box["y"] + box["height"] <= 900, "the box is off screen"
        page.keyboard.press("Enter")
        assert TEA_DEFINITION in _shown_box(page)
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.classList.contains('glossary-pop__more')")
        assert TEA_DEFINITION in _shown_box(page), "the box stays while its link has focus"
        page.keyboard.press("Enter")
        page.wait_for_url("**/words/#tea")
        assert TEA_DEFINITION in page.inner_text("#tea + dd")


def test_a_tap_shows_the_definition_and_its_link_opens_the_entry(browser, tea_url: str) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 700})
    try:
        page = context.new_page()
        page.goto(tea_url + "zh/")
        page.tap("button.glossary-term[data-glossary-term='oolong']")
        box = page.locator(".glossary-pop:visible")
        assert "半发酵的茶" in box.inner_text()
        place = box.bounding_box()
        assert place is not None and 0 <= place["y"] and place["y"] + place["height"] <= 700, "the definition is not in view after the tap"
        box.locator("a").tap()
        page.wait_for_url("**/zh/words/#oolong")
        entry = page.locator("#oolong + dd")
        assert "半发酵的茶" in entry.inner_text()
        box = entry.bounding_box()
        assert box is not None and 0 <= box["y"] < 700, "the entry is not in view after the tap"
    finally:
        context.close()


def test_without_javascript_the_definition_is_still_shown(browser, tea_url: str) -> None:
    with open_tab(browser, javascript=False) as (page, _):
        page.goto(tea_url)
        page.locator("button.glossary-term >> nth=0").click()
        assert TEA_DEFINITION in _shown_box(page)
        page.locator(".glossary-pop:visible a").click()
        page.wait_for_url("**/words/#tea")
        assert TEA_DEFINITION in page.inner_text("#tea + dd")


def test_where_popovers_are_unsupported_a_tap_opens_the_entry(browser, served_site: str) -> None:
    """glossary-fallback.js: an old browser ignores popovertarget; the term then links to its entry."""
    with open_tab(browser) as (page, _):
        page.add_init_script("delete HTMLElement.prototype.popover; delete HTMLElement.prototype.showPopover;")
        page.goto(served_site + "en/help/")
        page.locator("button.glossary-term[data-glossary-term='nfra']").click()
        page.wait_for_url("**/en/glossary/#nfra")


def test_print_ends_with_the_definitions_and_the_screen_does_not(browser, tea_url: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(tea_url)
        assert not page.is_visible(".glossary-print")
        page.emulate_media(media="print")
        assert page.is_visible(".glossary-print")
        printed = page.inner_text(".glossary-print")
        assert "Terms used on this page" in printed and TEA_DEFINITION in printed and "gaiwan" in printed


def test_the_guide_links_a_term_on_its_help_page(browser, served_site: str) -> None:
    with open_tab(browser) as (page, foreign):
        page.goto(served_site + "en/help/")
        term = page.locator("button.glossary-term[data-glossary-term='nfra']")
        term.focus()
        assert "national financial regulator" in _shown_box(page)
        page.keyboard.press("Tab")  # onto the box's link: the box stays
        page.keyboard.press("Tab")
        assert "national financial regulator" not in _shown_box(page), "the box stays after focus moves on"
        term.click()
        page.locator(".glossary-pop:visible a").click()
        page.wait_for_url("**/en/glossary/#nfra")
        assert "complaint" in page.inner_text("#nfra + dd")
    assert not foreign
