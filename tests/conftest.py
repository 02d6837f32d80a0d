"""Shared fixtures: one strict build per test session, a local server, a browser."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "hooks"))

from build_site import build_into  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide built once, strict, into a temporary folder."""
    target = tmp_path_factory.mktemp("build") / "site"
    assert build_into(target) == 0, "the strict build failed: see the output above"
    return target


@pytest.fixture(scope="session")
def offline_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide built for file:// (offline plugin on)."""
    target = tmp_path_factory.mktemp("offline") / "site"
    assert build_into(target, offline=True) == 0, "the offline build failed: see the output above"
    return target


@pytest.fixture(scope="session")
def served_site(site_dir: Path) -> Iterator[str]:
    """The built site on a loopback HTTP server; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium through Playwright. Missing browser = failure, never a skip."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A throw-away copy of the project, for builds fed with bad input."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ["mkdocs.yml", "docs", "data", "hooks", "overrides"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy


def html_pages(site: Path) -> list[Path]:
    """Every content page of a built site (not assets, not the 404 page)."""
    return sorted(
        p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts and p.name != "404.html"
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass
