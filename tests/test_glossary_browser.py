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


def _focus_box(page) -> str:  # noqa: ANN001 - Playwright page
    """The definition shown under the focused term (glossary.css), or '' if none shows."""
    return page.evaluate(
        """() => { const style = getComputedStyle(document.activeElement, "::after");
        return style.display !== "none" && style.content.startsWith('"') ? JSON.parse(style.content) : ""; }"""
    )


def test_hovering_a_term_gives_the_browser_its_definition(browser, tea_url: str) -> None:
    # The browser draws its own title tooltip on hover: outside the page,
    # so the test checks what it shows, and that nothing else covers it.
    with open_tab(browser) as (page, foreign):
        page.goto(tea_url)
        term = page.locator("a.glossary-term >> nth=0")
        term.hover()
        page.wait_for_timeout(300)
        assert term.get_attribute("title") == TEA_DEFINITION
        assert page.locator(".md-tooltip2, .md-tooltip").count() == 0
    assert not foreign


def test_a_keyboard_reaches_the_term_and_its_definition(browser, tea_url: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(tea_url)
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('glossary-term')"):
                break
        else:
            pytest.fail("Tab never reached a linked term")
        assert _focus_box(page) == TEA_DEFINITION
        box = page.evaluate("() => document.activeElement.getBoundingClientRect().bottom")
        assert 0 < box < 900, "the focused term is off screen"
        page.keyboard.press("Enter")
        page.wait_for_url("**/words/#tea")
        assert TEA_DEFINITION in page.inner_text("#tea + dd")


def test_a_tap_opens_the_entry_with_its_definition(browser, tea_url: str) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 700})
    try:
        page = context.new_page()
        page.goto(tea_url + "zh/")
        page.tap("a.glossary-term[data-glossary-term='oolong']")
        page.wait_for_url("**/zh/words/#oolong")
        entry = page.locator("#oolong + dd")
        assert "半发酵的茶" in entry.inner_text()
        box = entry.bounding_box()
        assert box is not None and 0 <= box["y"] < 700, "the entry is not in view after the tap"
    finally:
        context.close()


def test_without_javascript_the_definition_is_still_reachable(browser, tea_url: str) -> None:
    with open_tab(browser, javascript=False) as (page, _):
        page.goto(tea_url)
        link = page.locator("a.glossary-term >> nth=0")
        assert link.get_attribute("title") == TEA_DEFINITION  # the browser's own tooltip
        link.click()
        page.wait_for_url("**/words/#tea")
        assert TEA_DEFINITION in page.inner_text("#tea + dd")


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
        link = page.locator("a.glossary-term[data-glossary-term='nfra']")
        assert "national regulator" in (link.get_attribute("title") or "")
        link.focus()
        assert "national regulator" in _focus_box(page)
        page.keyboard.press("Tab")
        assert "national regulator" not in _focus_box(page), "the box stays after focus moves on"
        link.click()
        page.wait_for_url("**/en/glossary/#nfra")
        assert "complaint" in page.inner_text("#nfra + dd")
    assert not foreign
