"""Every page's Content-Security-Policy lets the guide run and blocks nothing of ours.

A reader loads every page (served and from the offline zip), opens search by
clicking the field and typing, and walks a decision tree; any CSP violation
report or console error fails the test. A script injected into a page, which
the policy does not list, is blocked (so the policy is really in force).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.reader import open_tab, search
from tests.browser.test_decision_tree import TREES, walk_every_outcome
from tests.conftest import html_pages

pytestmark = pytest.mark.browser

# Reports violations from every frame, the search shim's iframe included.
_LISTEN = """document.addEventListener("securitypolicyviolation", e =>
  window.__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}:${e.lineNumber}`));"""


@contextmanager
def watched_tab(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A tab whose CSP violations and console errors (any frame) land in one list."""
    with open_tab(browser) as (page, foreign):
        problems: list[str] = []
        page.context.expose_function("__reportViolation", lambda text: problems.append(f"{page.url}: {text}"))
        page.context.add_init_script(_LISTEN)
        page.on("console", lambda message: message.type == "error" and problems.append(f"{page.url}: console: {message.text}"))
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
        yield page, problems
        assert foreign == []


def test_served_pages_search_and_a_tree_run_without_a_csp_violation(browser, site_dir: Path, served_site: str) -> None:
    with watched_tab(browser) as (page, problems):
        for path in html_pages(site_dir):
            page.goto(served_site + path.relative_to(site_dir).as_posix())
            page.wait_for_load_state("load")
        page.goto(served_site)
        assert search(page, "催收")
        page.goto(served_site + "en/")
        assert search(page, "collection")
        tree_id = sorted(TREES)[0]
        assert walk_every_outcome(page, f"{served_site}check/{tree_id}/", TREES[tree_id], "zh", thorough=False)
    assert problems == []


def test_offline_pages_search_and_a_tree_run_without_a_csp_violation(browser, offline_dir: Path) -> None:
    with watched_tab(browser) as (page, problems):
        for path in html_pages(offline_dir):
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
        page.goto((offline_dir / "index.html").as_uri())
        assert search(page, "传票")
        page.goto((offline_dir / "en" / "check" / "what-is-happening.html").as_uri())
        assert search(page, "summons")
        tree_id = sorted(TREES)[0]
        assert walk_every_outcome(page, (offline_dir / "check" / f"{tree_id}.html").as_uri(), TREES[tree_id], "zh", thorough=False)
    assert problems == []


@pytest.mark.parametrize("where", ["served", "offline"])
def test_an_injected_inline_script_is_blocked(browser, where: str, served_site: str, offline_dir: Path) -> None:
    url = served_site + "en/" if where == "served" else (offline_dir / "en" / "index.html").as_uri()
    with open_tab(browser) as (page, _):
        reports: list[str] = []
        page.expose_function("__reportViolation", lambda text: reports.append(text))
        page.add_init_script(_LISTEN)
        page.goto(url)
        page.evaluate("""() => { const s = document.createElement("script");
          s.textContent = "window.__ran = true"; document.body.append(s); }""")
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.__ran === undefined")
    assert reports and "script-src" in reports[0]
