"""What a reader does in the browser: open a page, search, switch language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlparse, urlsplit, urlunsplit

from playwright.sync_api import Browser, Page


@contextmanager
def open_tab(
    browser: Browser, *, javascript: bool = True, service_workers: str = "allow"
) -> Iterator[tuple[Page, list[str]]]:
    """A fresh tab; the list collects every request that left the site's own host."""
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}, service_workers=service_workers
    )
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda request: _note_foreign(request.url, foreign))
    try:
        yield page, foreign
    finally:
        context.close()


def search(page: Page, query: str) -> list[str]:
    """Open search as a reader does (click the field), type, return the result links."""
    page.locator(".md-search__input").click()
    # Type as a keyboard or IME does: Material reacts to key events, so a
    # scripted .fill() or ticking the search toggle would never search.
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && /\\d|没有|No matching|无/.test(m.textContent) }",
        timeout=15000,
    )
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    # Drop Material's ?h= highlight parameter and the #anchor: pages, not places.
    return [urlunsplit(urlsplit(link)._replace(query="", fragment="")) for link in links]


def _note_foreign(url: str, foreign: list[str]) -> None:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about", "file"):
        return
    if parsed.hostname not in ("127.0.0.1", "localhost"):
        foreign.append(url)
