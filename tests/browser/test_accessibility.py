"""Every page works for readers who use a screen reader, a keyboard, or dark mode.

- axe-core (pinned npm package, injected into each page) finds no violation
  on any page the build produces, in both languages, in the light and the
  dark palette (the palette follows the reader's system setting, which we
  emulate; the test checks Material applied it), and with search open.
- Keyboard only: Tab reaches search, the language switcher, the palette
  toggle and every visible link of every page (guide links, channel links,
  decision-tree options), and Enter works on them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.reader import search
from tests.conftest import ROOT, html_pages

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}  # system setting -> Material's scheme

# axe results, reduced to what a person needs to find and fix the problem.
RUN_AXE = """async () => {
  // Let transitions end first (search results fade in): mid-fade colours are not what readers read.
  const running = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  await Promise.all(running.map(a => a.finished.catch(() => null)));
  // Parts far from the screen are drawn only when a reader scrolls near them
  // (content-visibility: auto on the whole-guide page): draw them all, or axe
  // cannot work out their colours.
  for (const el of document.querySelectorAll(".print-chapter")) el.style.contentVisibility = "visible";
  const results = await axe.run(document, { resultTypes: ["violations"] });
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}"""

# Remember every element that gets keyboard focus, in order.
RECORD_FOCUS = """() => {
  window.__focused = [];
  document.addEventListener("focusin", event => window.__focused.push(event.target), true);
}"""

# Links a keyboard user must be able to reach: every rendered link, plus
# the language menu (shown when it has focus). Optionally only inside one part.
UNREACHED = """(root) => [...(root ? document.getElementById(root) : document).querySelectorAll("a[href]")]
  .filter(a => a.tabIndex >= 0)
  .filter(a => a.closest(".md-select") || a.checkVisibility({ visibilityProperty: true }))
  .filter(a => !window.__focused.includes(a))
  .map(a => a.outerHTML.slice(0, 160))"""

# Parts of a page that in-page links reveal (decision-tree questions and
# outcomes shown with :target): ids of link targets hidden at first that a
# reader reaches by following links, from the links on screen on. A link that
# is never on screen (the printed flow's "go to 4") reveals nothing.
HIDDEN_TARGETS = """() => {
  const hidden = new Set();
  let links = [...document.querySelectorAll('a[href^="#"]')].filter(a => a.checkVisibility());
  while (links.length) {
    const next = [];
    for (const a of links) {
      const id = decodeURIComponent(a.hash.slice(1));
      const target = id && document.getElementById(id);
      if (target && !target.checkVisibility() && !hidden.has(target)) {
        hidden.add(target);
        next.push(...target.querySelectorAll('a[href^="#"]'));
      }
    }
    links = next;
  }
  return [...hidden].map(target => target.id);
}"""


def _served_pages(site: Path) -> list[str]:
    """URL paths of every page the build produced, both languages, plus the 404 pages."""
    pages = [p.relative_to(site).as_posix() for p in html_pages(site)]
    pages += [p.relative_to(site).as_posix() for p in site.rglob("404.html")]
    return [page.removesuffix("index.html") for page in pages]


@contextmanager
def _tab(browser: Browser, color_scheme: str = "light") -> Iterator[Page]:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (make does it)")
    context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900})
    context.add_init_script(path=str(AXE))
    context.set_default_timeout(20_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def _describe(where: str, violations: list[dict]) -> list[str]:
    return [f"{where}: {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['targets'])}" for v in violations]


# -----------------------------------------------------------------------------
# axe-core
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("system_setting", SCHEMES)
def test_no_axe_violations_on_any_page(browser, site_dir: Path, served_site: str, system_setting: str) -> None:
    problems: list[str] = []
    pages = _served_pages(site_dir)
    assert len(pages) >= 4, pages
    with _tab(browser, system_setting) as page:
        for path in pages:
            page.goto(served_site + path, wait_until="load")
            scheme = page.locator("body").get_attribute("data-md-color-scheme")
            assert scheme == SCHEMES[system_setting], f"/{path}: the {system_setting} palette did not apply"
            problems += _describe(f"/{path} ({scheme})", page.evaluate(RUN_AXE))
    assert problems == [], "accessibility violations:\n" + "\n".join(problems)


@pytest.mark.parametrize(("start", "query"), [("", "催收"), ("en/", "collection")])
def test_no_axe_violations_with_search_results_open(browser, served_site: str, start: str, query: str) -> None:
    with _tab(browser) as page:
        page.goto(served_site + start, wait_until="load")
        assert search(page, query), f"no results for {query}"
        violations = page.evaluate(RUN_AXE)
    assert _describe(f"/{start} search", violations) == []


# -----------------------------------------------------------------------------
# Keyboard only
# -----------------------------------------------------------------------------

def _tab_through(page: Page, limit: int, root: str | None = None) -> list[str]:
    """Press Tab until every reachable link (in root) had focus, or limit presses; the links never reached."""
    page.evaluate(RECORD_FOCUS)
    pressed = 0
    while pressed < limit:
        for _ in range(10):
            page.keyboard.press("Tab")
        pressed += 10
        unreached = page.evaluate(UNREACHED, root)
        if not unreached:
            break
    return unreached


def _type_search(page: Page, query: str) -> None:
    """Type into the focused search field until results show (the index may still be loading)."""
    page.keyboard.type(query)
    for _ in range(30):
        if page.locator(".md-search-result__item").count():
            return
        page.keyboard.press("End")  # a key event makes Material search again
        page.wait_for_timeout(500)
    pytest.fail(f"{page.url}: no search results for {query!r}")


def _tab_to(page: Page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{page.url}: Tab never reached {selector}")


def test_tab_reaches_every_link_on_every_page(browser, site_dir: Path, served_site: str) -> None:
    """Every link of every page, and of every part an in-page link reveals (tree options)."""
    unreached: list[str] = []
    with _tab(browser) as page:
        for path in _served_pages(site_dir):
            page.goto(served_site + path, wait_until="load")
            links = page.evaluate("() => document.querySelectorAll('a[href]').length")
            unreached += [f"/{path}: {html}" for html in _tab_through(page, limit=2 * links + 40)]
            for part in page.evaluate(HIDDEN_TARGETS):
                # Following the link moves the keyboard's starting point to the part.
                page.evaluate("() => document.activeElement && document.activeElement.blur()")
                page.goto(f"{served_site}{path}#{part}")
                assert page.evaluate("id => document.getElementById(id).checkVisibility()", part), f"/{path}#{part} stays hidden"
                in_part = page.evaluate("id => document.getElementById(id).querySelectorAll('a[href]').length", part)
                unreached += [f"/{path}#{part}: {html}" for html in _tab_through(page, limit=2 * in_part + 20, root=part)]
    assert unreached == [], "links a keyboard cannot reach:\n" + "\n".join(unreached)


@pytest.mark.parametrize(("start", "query"), [("", "投诉"), ("en/", "complaint")])
def test_keyboard_reaches_search_and_opens_a_result(browser, served_site: str, start: str, query: str) -> None:
    with _tab(browser) as page:
        page.goto(served_site + start, wait_until="load")
        _tab_to(page, ".md-search__input")
        _type_search(page, query)
        page.keyboard.press("ArrowDown")
        result = page.evaluate("() => document.activeElement.matches('.md-search-result__link') && document.activeElement.href")
        assert result, "ArrowDown did not move focus to the first result"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert _page_of(page.url) == _page_of(result)
        assert page.locator("html").get_attribute("lang") == ("en" if start else "zh")


def _page_of(url: str) -> str:
    return url.split("#")[0].split("?")[0]


@pytest.mark.parametrize(("start", "other", "lands_on"), [("about/", "en", "en/about/"), ("en/", "zh", "")])
def test_keyboard_switches_language(browser, served_site: str, start: str, other: str, lands_on: str) -> None:
    with _tab(browser) as page:
        page.goto(served_site + start, wait_until="load")
        _tab_to(page, f'.md-select__link[hreflang="{other}"]')
        assert page.locator(f'.md-select__link[hreflang="{other}"]').is_visible(), "the menu stays hidden on focus"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == served_site + lands_on
        assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize("start", ["", "en/"])
def test_keyboard_switches_the_palette(browser, served_site: str, start: str) -> None:
    with _tab(browser) as page:
        page.goto(served_site + start, wait_until="load")
        _tab_to(page, "input.md-option")
        for scheme in ("slate", "default"):  # Enter flips it, and back
            page.keyboard.press("Enter")
            page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme, timeout=5000)
