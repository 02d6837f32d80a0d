"""The site menu on a phone: a drawer whose contents are skipped until opened (guide.css).

Closed, its links are not drawn (nor reachable by Tab or a screen reader);
the menu button opens it at once, with JavaScript on or off, and its links
work. Closing keeps them on show while the drawer slides away. On a wide
screen the menu is a sidebar, always drawn.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

MENU_LINK = '.md-sidebar--primary a.md-nav__link[href$="faq/"]'
VISIBLE = "selector => { const e = document.querySelector(selector); return !!e && e.checkVisibility() }"


@contextmanager
def _screen(browser: Browser, width: int, *, javascript: bool = True) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 740}, java_script_enabled=javascript)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("start", ["", "en/"])
def test_the_drawer_opens_with_working_links_and_is_skipped_while_closed(
    browser: Browser, served_site: str, start: str, javascript: bool
) -> None:
    with _screen(browser, 360, javascript=javascript) as page:
        page.goto(served_site + start, wait_until="load")
        assert page.locator(MENU_LINK).count() == 1, "the menu has no link to the FAQ page"
        assert not page.evaluate(VISIBLE, MENU_LINK), "the closed drawer's contents are drawn"

        page.locator('.md-header label[for="__drawer"]').click()
        assert page.evaluate(VISIBLE, MENU_LINK), "the drawer opened without its contents"
        page.wait_for_timeout(300)  # the drawer has slid in
        page.locator(MENU_LINK).click()
        page.wait_for_url(f"{served_site}{start}faq/")


def test_closing_keeps_the_contents_while_the_drawer_slides_away(browser: Browser, served_site: str) -> None:
    with _screen(browser, 360) as page:
        page.goto(served_site, wait_until="load")
        page.locator('.md-header label[for="__drawer"]').click()
        page.wait_for_timeout(300)
        page.evaluate("document.getElementById('__drawer').click()")
        assert page.evaluate(VISIBLE, MENU_LINK), "the drawer went blank as it started to close"
        page.wait_for_function(f"() => !({VISIBLE})({MENU_LINK!r})", timeout=2000)


def test_on_a_wide_screen_the_menu_is_always_drawn(browser: Browser, served_site: str) -> None:
    with _screen(browser, 1280) as page:
        page.goto(served_site, wait_until="load")
        assert page.evaluate(VISIBLE, MENU_LINK)
