"""The light and dark palettes, as a reader meets them (partials/javascripts/palette.html).

- Without a choice of their own, a reader sees their system's palette, and
  it follows the system when that changes while the page is open.
- A reader's click on the toggle wins, on this page and on the next.
- Loading a page changes no palette attribute once the header is parsed:
  Material's palette component did, and each change restyled the whole page
  (most of a phone's blocking time on the long pages, see `make bench`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}

# Records each change to a palette attribute on <body>, or to the
# color-scheme meta, from DOMContentLoaded on: by then the header script has
# run, so the page's own loading should change nothing.
WATCH_PALETTE = """
document.addEventListener("DOMContentLoaded", () => {
  window.paletteChanges = [];
  new MutationObserver(records => {
    for (const r of records) window.paletteChanges.push(r.attributeName);
  }).observe(document.body, { attributes: true, attributeFilter:
    ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent",
     "data-md-color-media", "data-md-color-switching"] });
});
"""


@contextmanager
def _tab(browser: Browser, system: str) -> Iterator[Page]:
    context = browser.new_context(color_scheme=system, viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_PALETTE)
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def _scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def _toggle(page: Page) -> None:
    """Click the visible palette button, as a reader does."""
    page.locator("[data-guide-palette] label:not([hidden])").click()


@pytest.mark.parametrize("system", SCHEMES)
@pytest.mark.parametrize("start", ["", "en/faq/"])
def test_the_system_palette_shows_and_loading_changes_nothing(browser, served_site: str, system: str, start: str) -> None:
    with _tab(browser, system) as page:
        page.goto(served_site + start, wait_until="load")
        page.wait_for_timeout(300)  # Material's bundle has started and settled
        assert _scheme(page) == SCHEMES[system]
        expected_scheme = "dark" if system == "dark" else "light"
        assert page.locator('meta[name="color-scheme"]').get_attribute("content") == expected_scheme
        assert page.evaluate("window.paletteChanges") == [], "the palette was set again after the page loaded"
        # One button shows: the one that switches to the other palette.
        assert page.locator("[data-guide-palette] label:not([hidden])").count() == 1
        # Just looking stores nothing, so the site keeps following the system.
        assert page.evaluate("Object.keys(localStorage).filter(k => k.endsWith('__palette'))") == []


def test_without_a_choice_the_palette_follows_the_system_live(browser, served_site: str) -> None:
    with _tab(browser, "light") as page:
        page.goto(served_site, wait_until="load")
        assert _scheme(page) == "default"
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        page.emulate_media(color_scheme="light")
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")


@pytest.mark.parametrize("start", ["", "en/"])
def test_a_readers_choice_wins_here_and_on_the_next_page(browser, served_site: str, start: str) -> None:
    with _tab(browser, "light") as page:
        page.goto(served_site + start, wait_until="load")
        _toggle(page)
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        assert page.locator('meta[name="color-scheme"]').get_attribute("content") == "dark"
        # The switch happens without colour transitions, then they come back.
        page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")

        page.goto(served_site + start + "faq/", wait_until="load")
        assert _scheme(page) == "slate", "the reader's choice was lost on the next page"
        page.emulate_media(color_scheme="light")
        page.wait_for_timeout(200)
        assert _scheme(page) == "slate", "the system setting overrode the reader's choice"

        _toggle(page)
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
        page.goto(served_site + start, wait_until="load")
        assert _scheme(page) == "default"
