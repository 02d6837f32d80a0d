"""Shared fixtures: one strict build per test session, a local server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Environment

ROOT = Path(__file__).resolve().parent.parent
# The address dist/ is built for, as the Pages workflow sets SITE_URL: the
# PDFs print it on the cover (text and QR code) and in every footer.
DIST_SITE_URL = "https://example.org/guide/"
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "hooks"))

import chromium  # noqa: E402
from engine.labels import load_labels  # noqa: E402
from engine.templates import prepare  # noqa: E402
from build_dist import ZIP_FOLDER, ZIP_NAME  # noqa: E402
from build_site import build_into  # noqa: E402


@functools.cache
def template_env(language: str = "zh") -> Environment:
    """The guide's template environment as the hooks render with it (autoescaping, `labels`)."""
    from mkdocs.config import load_config

    labels = load_labels(ROOT / "data" / "labels.yml", "data/labels.yml", ("zh", "en"))
    return prepare(load_config(str(ROOT / "mkdocs.yml")).theme.get_env(), labels[language])


@functools.cache
def guide_trees() -> dict:
    """The guide's decision trees, loaded and checked as the build does."""
    from engine.channels import load_channels
    from engine.site import Site
    from engine.trees import load_checked_trees, page_reader

    site = Site(root=ROOT, docs_dir=ROOT / "docs", languages=("zh", "en"), default="zh")
    channels = load_channels(ROOT / "data" / "channels.yml", "data/channels.yml", site.languages)
    return load_checked_trees(ROOT / "data" / "trees", "data/trees", site, channels, page_reader(site, channels))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide built once, strict, into a temporary folder."""
    target = tmp_path_factory.mktemp("build") / "site"
    assert build_into(target) == 0, "the strict build failed: see the output above"
    return target


@pytest.fixture(scope="session")
def dist_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make build` puts in dist/ (offline zip, both PDFs), built once.

    In its own process: Playwright allows one sync session per thread, and the
    browser fixture may already hold it.
    """
    target = tmp_path_factory.mktemp("dist") / "dist"
    env = {**os.environ, "SITE_URL": DIST_SITE_URL}
    built = subprocess.run([sys.executable, str(ROOT / "tools" / "build_dist.py"), "--dist-dir", str(target)], env=env)
    assert built.returncode == 0, "the dist build failed: see the output above"
    return target


@pytest.fixture(scope="session")
def offline_dir(dist_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide for file:// as a reader gets it: dist/guide-offline.zip, unzipped."""
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(dist_dir / ZIP_NAME) as bundle:
        bundle.extractall(target)
    return target / ZIP_FOLDER


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
    if not chromium.CHROMIUM.is_file():
        pytest.fail(f"{chromium.CHROMIUM} is missing: run `make system-deps` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


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
