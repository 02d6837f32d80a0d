"""On a small phone (320 and 360 px wide) no page scrolls sideways, and the
header keeps its language switcher and search.

Every page the build produced, both languages, with JavaScript on and off
(without it Material draws no search or palette button, so the language
button is the last one in the header), before and after the reader opens
the language menu.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import html_pages

pytestmark = pytest.mark.browser

WIDTHS = (320, 360)

# What a reader of a narrow screen would notice, measured in one go: how far
# the page reaches past the screen's right edge (and the element reaching
# furthest, for the failure message), and which of the given header controls
# or menu entries are not wholly on screen.
MEASURE = """(selectors) => {
  const width = window.innerWidth;
  const onScreen = e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.left >= 0 && b.right <= width; };
  let widest = null, right = width;
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > right) { right = box.right; widest = element; }
  }
  const off = [];
  for (const selector of selectors) {
    const found = [...document.querySelectorAll(selector)];
    if (!found.length) off.push(selector);
    for (const e of found) if (!e.checkVisibility() || !onScreen(e)) off.push(selector + " " + e.textContent.trim());
  }
  return {
    overflow: document.documentElement.scrollWidth - width,
    culprit: widest ? widest.tagName.toLowerCase() + "." + [...widest.classList].join(".") : null,
    off,
  };
}"""
SWITCHER = ".md-header__option .md-select > .md-header__button"
SEARCH = 'label.md-header__button[for="__search"]'
MENU_ENTRIES = ".md-header .md-select__link"


def _problems(page: Page, where: str, selectors: list[str]) -> list[str]:
    found = page.evaluate(MEASURE, selectors)
    problems = [f"{where}: not wholly on screen: {what}" for what in found["off"]]
    if found["overflow"] > 0:
        problems.append(f"{where}: {found['overflow']} px wider than the screen (widest: {found['culprit']})")
    return problems


def _check_pages(browser: Browser, site: Path, served_site: str, width: int, javascript: bool) -> list[str]:
    problems: list[str] = []
    context = browser.new_context(viewport={"width": width, "height": 740}, java_script_enabled=javascript)
    # Material draws the search button only with JavaScript.
    header = [SWITCHER, SEARCH] if javascript else [SWITCHER]
    try:
        page = context.new_page()
        for path in html_pages(site):
            url = path.relative_to(site).as_posix().removesuffix("index.html")
            where = f"/{url} at {width} px"
            page.goto(served_site + url, wait_until="load")
            problems += _problems(page, where, header)
            # Open the menu as a reader does (a tap on a phone is a hover).
            page.locator(".md-header__option .md-select").hover()
            expect(page.locator(MENU_ENTRIES).last).to_be_visible()
            problems += _problems(page, f"{where}, language menu open", header + [MENU_ENTRIES])
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_on_a_small_phone(browser, site_dir: Path, served_site: str, width: int) -> None:
    assert len(html_pages(site_dir)) >= 4
    problems = _check_pages(browser, site_dir, served_site, width, javascript=True)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_on_a_small_phone_without_javascript(browser, site_dir: Path, served_site: str, width: int) -> None:
    problems = _check_pages(browser, site_dir, served_site, width, javascript=False)
    assert problems == [], "\n".join(problems)
