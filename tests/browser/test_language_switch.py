"""The language switcher lands on the same page in the other language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.reader import open_tab
from tests.conftest import html_pages

pytestmark = pytest.mark.browser


def _counterpart(relative: str) -> tuple[str, str]:
    """('en/about/index.html') -> ('about/index.html', 'zh'), and back."""
    if relative.startswith("en/"):
        return relative[len("en/") :], "zh"
    return "en/" + relative, "en"


def _switch(page, target_lang: str) -> None:
    # Open the menu as a reader does (hover), then click the language.
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{target_lang}"]').click()
    page.wait_for_load_state()


def test_switching_on_every_served_page_keeps_the_page(browser, site_dir: Path, served_site: str) -> None:
    with open_tab(browser) as (page, _):
        for path in html_pages(site_dir):
            relative = path.relative_to(site_dir).as_posix()
            target, lang = _counterpart(relative)
            page.goto(served_site + relative.removesuffix("index.html"))
            _switch(page, lang)
            assert page.url == served_site + target.removesuffix("index.html"), relative
            assert page.locator("html").get_attribute("lang") == lang


def test_switching_from_file_url_keeps_the_page(browser, offline_dir: Path) -> None:
    with open_tab(browser) as (page, _):
        for path in html_pages(offline_dir):
            relative = path.relative_to(offline_dir).as_posix()
            target, lang = _counterpart(relative)
            page.goto(path.as_uri())
            _switch(page, lang)
            assert page.url == (offline_dir / target).as_uri(), relative
            assert page.locator("html").get_attribute("lang") == lang


def test_switching_works_without_javascript(browser, site_dir: Path, served_site: str) -> None:
    with open_tab(browser, javascript=False) as (page, _):
        page.goto(served_site + "about/")
        _switch(page, "en")
        assert page.url == served_site + "en/about/"
