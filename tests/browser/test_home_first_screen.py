"""Action first on the home page (issue 15, item 7), on a 390 x 844 phone.

After the danger box, the first screen shows the start of the check (the
whole button, not just its top edge); the criminal-law detail is folded
away; the site's name in the header is not cut; and the menu lists the pages
a reader acts on before the background pages. Both languages, JavaScript on
and off.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

SCREEN = {"width": 390, "height": 844}

MEASURE = """() => {
  const box = s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect() : null; };
  const warning = document.querySelector("#in-danger-now ~ .admonition.warning");
  const start = document.querySelector("a.md-button--primary");
  const name = document.querySelector(".md-header__topic .md-ellipsis");
  const fold = document.querySelector("#not-a-crime ~ details");
  return {
    warningBottom: warning ? warning.getBoundingClientRect().bottom : null,
    startTop: start ? start.getBoundingClientRect().top : null,
    startBottom: start ? start.getBoundingClientRect().bottom : null,
    startAfterWarning: !!(warning && start && (warning.compareDocumentPosition(start) & Node.DOCUMENT_POSITION_FOLLOWING)),
    topTasksAfterStart: !!(start && document.querySelector("#top-tasks") && (start.compareDocumentPosition(document.querySelector("#top-tasks")) & Node.DOCUMENT_POSITION_FOLLOWING)),
    crimeDetailFolded: !!(fold && !fold.open && fold.textContent.includes("313")),
    nameCut: name ? name.scrollWidth > name.clientWidth + 1 : null,
  };
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("path", ["", "en/"], ids=["zh", "en"])
def test_the_start_of_the_check_is_in_the_first_screen(browser: Browser, served_site: str, path: str, javascript: bool) -> None:
    context = browser.new_context(viewport=SCREEN, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(served_site + "/" + path)
        seen = page.evaluate(MEASURE)
    finally:
        context.close()
    assert seen["startAfterWarning"], "the start button must come right after the danger box"
    assert seen["topTasksAfterStart"], "the top tasks follow the start of the check"
    assert seen["startBottom"] is not None and seen["startBottom"] <= SCREEN["height"], f"the start button ends at {seen['startBottom']} px, below the first screen"
    assert seen["crimeDetailFolded"], "the criminal-law detail should be folded (closed) under #not-a-crime"
    assert seen["nameCut"] is False, "the site's name in the header is cut off"


def test_the_menu_lists_action_pages_before_background_pages(site_dir) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    nav = html[html.find('class="md-nav md-nav--primary"'):]
    order = [page for page in ("stop-harassment/", "fake-legal-threats/", "family-contacts/", "help/", "legal-collection/", "rights/", "online-loans/", "outlook/") if page in nav]
    positions = [nav.find(f'href="{page}"') for page in order]
    assert all(p >= 0 for p in positions) and len(positions) == 8, positions
    assert max(positions[:4]) < min(positions[4:]), "the pages a reader acts on come first in the menu"
