"""Open the guide once online, then read it with the network off; install it.

The site is served under a subpath (/guide/), as a GitHub Pages project site
is, so nothing may assume the site sits at "/".
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import chromium
from build_site import build_into
from tests.browser.reader import search
from tests.browser.test_decision_tree import TREES, outcome_paths, walk_every_outcome
from tests.conftest import ROOT, _QuietHandler

pytestmark = pytest.mark.browser

SUBPATH = "guide/"
CHANGED_PAGE = "about.md"
CHANGED_TEXT = "这一行只在第二次构建里出现。"


def precache_list(site: Path) -> dict:
    """The list the built sw.js stores (its first line is `self.PRECACHE = {...};`)."""
    first = (site / "sw.js").read_text(encoding="utf-8").splitlines()[0]
    return json.loads(first.removeprefix("self.PRECACHE = ").removesuffix(";"))


@pytest.fixture()
def subpath_server(site_dir: Path, tmp_path: Path) -> Iterator[tuple[str, Path, list[str]]]:
    """A copy of the built site at /guide/ on its own loopback server: (base URL, folder, paths asked for)."""
    root = tmp_path / "www"
    shutil.copytree(site_dir, root / SUBPATH)
    seen: list[str] = []

    class Recording(_QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - stdlib name
            seen.append(self.path)
            super().do_GET()

    handler = functools.partial(Recording, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}", root / SUBPATH, seen
    server.shutdown()


def new_context(browser, width: int = 1280, **options) -> BrowserContext:
    return browser.new_context(viewport={"width": width, "height": 900}, **options)


def wait_stored(page: Page) -> None:
    """The worker has stored this page's language (offline-app.js marks <html>)."""
    expect(page.locator("html")).to_have_attribute("data-offline", "stored", timeout=60000)


def cache_names(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")


def wait_for_caches(page: Page, done, seconds: float = 60) -> None:
    """Poll the page's cache names until done(names) holds."""
    deadline = time.monotonic() + seconds
    while not done(names := cache_names(page)):
        assert time.monotonic() < deadline, names
        page.wait_for_timeout(200)


def test_every_page_search_trees_and_the_switcher_work_offline(browser, subpath_server) -> None:
    base, folder, seen = subpath_server
    stored = precache_list(folder)
    context = new_context(browser)
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda request: foreign.append(request.url) if not request.url.startswith(base) else None)
    try:
        page.goto(base)
        wait_stored(page)
        # The reader opens one English page while online: English is stored too.
        page.goto(base + "en/")
        wait_stored(page)
        names = cache_names(page)
        version = stored["version"]
        assert sorted(n.split(" ")[-1] for n in names if version in n) == ["en", "shared", "zh"], names

        context.set_offline(True)
        for locale in ("zh", "en"):
            pages = [url for url in stored["locales"][locale]["urls"] if url.endswith("/")]
            assert len(pages) > 15, pages
            for url in pages:
                response = page.goto(base + url.removeprefix("./"))
                assert response is not None and response.ok, url
                expect(page.locator("article h1").first).to_be_visible()
        # Search, as a reader does.
        page.goto(base)
        assert base + "credit-report/" in search(page, "征信")
        page.goto(base + "en/")
        assert base + "en/fake-legal-threats/" in search(page, "summons")
        # A tree, clicked through to every outcome.
        tree = TREES["is-this-paper-real"]
        assert walk_every_outcome(page, base + "check/is-this-paper-real/", tree, "zh", thorough=False) == len(outcome_paths(tree))
        # The language switcher, offline.
        page.goto(base + "rights/")
        page.locator(".md-header__option .md-select").hover()
        page.locator('.md-select__link[hreflang="en"]').click()
        page.wait_for_load_state()
        assert page.url == base + "en/rights/"
        assert page.locator("html").get_attribute("lang") == "en"
    finally:
        context.close()
    assert foreign == []


def test_a_new_build_reaches_the_reader_after_one_reload_and_old_caches_go(browser, subpath_server, project_copy: Path, tmp_path: Path) -> None:
    base, folder, seen = subpath_server
    old = precache_list(folder)["version"]
    context = new_context(browser)
    page = context.new_page()
    try:
        page.goto(base + "about/")
        wait_stored(page)
        assert CHANGED_TEXT not in page.content()

        # The editor changes a page and publishes a new build.
        source = project_copy / "docs" / CHANGED_PAGE
        source.write_text(source.read_text(encoding="utf-8") + f"\n{CHANGED_TEXT}\n", encoding="utf-8")
        assert build_into(tmp_path / "second", root=project_copy) == 0
        shutil.rmtree(folder)
        shutil.copytree(tmp_path / "second", folder)
        second = precache_list(folder)
        new = second["version"]
        assert new != old
        seen.clear()
        assert CHANGED_TEXT in (folder / "about" / "index.html").read_text(encoding="utf-8")

        # The stated update step: open the guide while online (here, reload
        # the page); the worker stores the new copy in the background, drops
        # the old one and shows a notice.
        page.reload()
        wait_for_caches(page, lambda names: any(new in n for n in names) and not any(old in n for n in names))
        # Only the files that changed were downloaded again (the changed
        # page, the search index, the whole-guide page and a few more), not
        # all of them.
        downloaded = [path for path in seen if "offline=" + new in path]
        assert 0 < len(downloaded) < len(second["locales"]["zh"]["urls"]) // 2, downloaded
        assert "/guide/about/?offline=" + new in downloaded
        print(f"\nupdate downloaded {len(downloaded)} of {len(second['shared']['urls']) + len(second['locales']['zh']['urls'])} files")
        # The page says so, in its language; its link reloads: the new text,
        # from the new cache, even offline.
        notice = page.locator("#offline-updated")
        expect(notice).to_contain_text("本指南有新版本")
        page.set_viewport_size({"width": 390, "height": 844})
        shots = ROOT / ".build" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "offline-updated-zh.png"))
        context.set_offline(True)
        notice.get_by_role("link", name="刷新页面查看").click()
        page.wait_for_load_state()
        assert CHANGED_TEXT in page.content()
        expect(page.locator("#offline-updated")).to_have_count(0)
        assert not [n for n in cache_names(page) if old in n]
    finally:
        context.close()


@pytest.mark.parametrize(("locale", "prefix", "start"), [("zh", "", ""), ("en", "en/", "en/")])
def test_chromium_finds_each_language_installable(browser, subpath_server, tmp_path: Path, locale: str, prefix: str, start: str) -> None:
    base, _, _ = subpath_server
    # A profile on disk: chromium never installs apps from an incognito context.
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=str(chromium.CHROMIUM),
        args=chromium.CHROMIUM_FLAGS,
        headless=True,
        viewport={"width": 390, "height": 844},
    )
    page = context.new_page()
    try:
        page.goto(base + prefix + "help/")
        wait_stored(page)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["errors"] == [], manifest["errors"]
        assert manifest["url"] == base + prefix + "manifest.webmanifest"
        parsed = json.loads(manifest["data"])
        assert parsed["lang"] == locale
        installability = cdp.send("Page.getInstallabilityErrors")
        assert installability["installabilityErrors"] == [], installability
        app = cdp.send("Page.getAppId")
        # One app per language, inside the site's own folder.
        assert app["appId"] == base + start, app
    finally:
        context.close()


def test_with_service_workers_blocked_pages_and_search_still_work(browser, subpath_server) -> None:
    base, _, _ = subpath_server
    context = new_context(browser, service_workers="block")
    page = context.new_page()
    try:
        page.goto(base + "en/")
        assert base + "en/credit-report/" in search(page, "credit")
        assert page.evaluate("caches.keys()") == []
    finally:
        context.close()


def test_nothing_is_stored_with_javascript_off(browser, subpath_server) -> None:
    base, _, _ = subpath_server
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base)
        expect(page.locator("article h1").first).to_be_visible()
        page.goto(base + "en/help/")
        expect(page.locator("article h1").first).to_be_visible()
    finally:
        context.close()


def test_screenshot_of_the_help_page_section(browser, subpath_server) -> None:
    base, _, _ = subpath_server
    context = new_context(browser, width=390)
    page = context.new_page()
    try:
        for prefix in ("", "en/"):
            page.goto(base + prefix + "help/#offline")
            heading = page.locator("#offline")
            expect(heading).to_be_visible()
            heading.scroll_into_view_if_needed()
            shots = ROOT / ".build" / "screenshots"
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / f"help-offline-{prefix.strip('/') or 'zh'}.png"))
    finally:
        context.close()
