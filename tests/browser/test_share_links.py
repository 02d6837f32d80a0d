"""The share tags are for link previews and search engines: the reader's
browser fetches none of the addresses they name."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests.browser.reader import open_tab
from tests.share_site import build_with_site_url

pytestmark = pytest.mark.browser


class _LoggingHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        self.server.requested.append(self.path)  # type: ignore[attr-defined]


def test_no_request_is_made_for_the_alternates_or_the_preview(browser, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_LoggingHandler, directory=str(site)))
    server.requested = []  # type: ignore[attr-defined]
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    # SITE_URL is this very server: a fetch of an alternate or an image would show in its log.
    build_with_site_url(site, base)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        # The offline app's worker stores every page in the background; this test
        # counts what the page itself asks for.
        with open_tab(browser, service_workers="block") as (page, foreign):
            for path in ("rights/", "en/rights/", "check/what-is-happening/"):
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                alternates = page.eval_on_selector_all('link[rel~="alternate"][hreflang]', "links => links.map(l => l.href)")
                assert len(alternates) == 3, alternates
    finally:
        server.shutdown()
    requested = server.requested  # type: ignore[attr-defined]
    # Each page once (no prefetch of its translation), and never an image or a sitemap.
    pages = [path for path in requested if path.endswith("/")]
    assert pages == ["/rights/", "/en/rights/", "/check/what-is-happening/"], requested
    assert not [path for path in requested if "preview.png" in path or "sitemap" in path], requested
    assert foreign == []
