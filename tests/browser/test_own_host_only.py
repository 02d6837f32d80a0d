"""Nothing on the site contacts any host but its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.reader import open_tab, search
from tests.conftest import html_pages

pytestmark = pytest.mark.browser


def test_every_served_page_requests_only_its_own_host(browser, site_dir: Path, served_site: str) -> None:
    with open_tab(browser) as (page, foreign):
        for path in html_pages(site_dir):
            page.goto(served_site + path.relative_to(site_dir).as_posix())
            page.wait_for_load_state("networkidle")
        search(page, "collection")
    assert foreign == []


def test_every_offline_page_stays_on_file_urls(browser, offline_dir: Path) -> None:
    errors: list[str] = []
    with open_tab(browser) as (page, foreign):
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        for path in html_pages(offline_dir):
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
    assert foreign == []
    assert errors == []


@pytest.mark.parametrize(("start", "query", "expected", "other_language"), [
    ("index.html", "传票", "fake-legal-threats.html", "/en/"),
    ("en/index.html", "summons", "en/fake-legal-threats.html", None),
])
def test_search_works_from_file_urls(browser, offline_dir: Path, start, query, expected, other_language) -> None:
    with open_tab(browser) as (page, foreign):
        page.goto((offline_dir / start).as_uri())
        links = search(page, query)
    assert (offline_dir / expected).as_uri() in links, links
    if other_language:
        assert not [link for link in links if other_language in link], links
    else:
        assert all("/en/" in link for link in links), links
    assert foreign == []
