"""A reader on a phone (390 px wide, touch), with and without JavaScript, in
both languages: the FAQ's ¶ link, glossary definitions in place, the folded
question map on tree pages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LANGUAGES = [("zh", ""), ("en", "en/")]


@contextmanager
def phone_tab(browser: Browser, *, javascript: bool) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, java_script_enabled=javascript)
    try:
        yield context.new_page()
    finally:
        context.close()


# -----------------------------------------------------------------------------
# FAQ: the page says "open a question, tap the ¶ beside it, copy the address"
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize(("language", "root"), LANGUAGES)
def test_an_open_question_shows_a_tappable_pilcrow_beside_it(browser, served_site: str, language: str, root: str, javascript: bool) -> None:
    with phone_tab(browser, javascript=javascript) as page:
        page.goto(served_site + root + "faq/")
        assert "¶" in page.inner_text("article p:has-text('¶')"), "the page no longer tells the reader about the ¶"
        item = page.locator("details.faq-item", has=page.locator("#will-i-go-to-prison"))
        pilcrow = item.locator(".faq-permalink a[href='#will-i-go-to-prison']")
        assert not pilcrow.is_visible(), "a closed question shows no ¶"
        item.locator("summary").tap(position={"x": 40, "y": 10})
        pilcrow.wait_for(state="visible")
        assert pilcrow.inner_text().startswith("¶")
        question = item.locator("summary").bounding_box()
        sign = pilcrow.bounding_box()
        assert question and sign
        # Beside the question: on its first line, inside the screen, big enough for a finger.
        middle = sign["y"] + sign["height"] / 2
        assert question["y"] <= middle <= question["y"] + min(question["height"], 48), (question, sign)
        assert sign["x"] + sign["width"] <= PHONE["width"]
        assert sign["width"] >= 24 and sign["height"] >= 24, sign
        label = pilcrow.text_content() or ""  # read out by screen readers
        assert label and (("问题" in label) if language == "zh" else ("question" in label)), label
        pilcrow.tap()
        page.wait_for_url("**/faq/#will-i-go-to-prison")


# -----------------------------------------------------------------------------
# Tree pages: the map of every question is folded under the views
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize(("language", "root"), LANGUAGES)
def test_the_question_map_is_folded_under_the_views_and_opens_with_a_tap(browser, served_site: str, language: str, root: str, javascript: bool) -> None:
    overview = "#t-what-is-happening-overview"
    with phone_tab(browser, javascript=javascript) as page:
        page.goto(f"{served_site}{root}check/what-is-happening/")
        tree_map = page.locator(".tree-map")
        heading = page.locator(overview)
        assert heading.is_visible() and not tree_map.is_visible(), "the map starts folded, its heading shown"
        view = page.locator(".tree-view:visible").bounding_box()
        fold = heading.bounding_box()
        assert view and fold and fold["y"] >= view["y"] + view["height"], "the fold sits under the views"
        # Folded, the page ends soon after the views: no 2,500 px wall of text.
        height = page.evaluate("() => document.querySelector('.md-content').getBoundingClientRect().height")
        assert height < 2000, height
        heading.tap()
        tree_map.wait_for(state="visible")
        assert page.locator(".tree-map a.tree-map__outcome").count() > 5
        heading.tap()
        tree_map.wait_for(state="hidden")
        # A link to the map (a search result, a bookmark) opens it.
        page.goto(f"{served_site}{root}check/is-this-paper-real/#t-is-this-paper-real-overview")
        page.locator(".tree-map").wait_for(state="visible")


@pytest.mark.parametrize(("language", "root"), LANGUAGES)
def test_paper_shows_the_folded_map_whole(browser, served_site: str, language: str, root: str) -> None:
    with phone_tab(browser, javascript=False) as page:
        page.goto(f"{served_site}{root}check/what-is-happening/")
        assert not page.locator(".tree-map").is_visible()
        page.emulate_media(media="print")
        assert page.locator(".tree-map").is_visible()
        assert page.locator(".tree-map__step").first.is_visible()
        assert page.locator(".tree-map a.tree-map__outcome").last.is_visible()
        marker = page.evaluate("""() => getComputedStyle(document.querySelector('.tree-overview__fold > summary'), '::after').display""")
        assert marker == "none", "no open/close arrow on paper"


# -----------------------------------------------------------------------------
# Glossary: a tap on a dotted term shows its definition where the reader is
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize(("language", "root"), LANGUAGES)
def test_a_tapped_term_shows_its_definition_in_place(browser, served_site: str, language: str, root: str, javascript: bool) -> None:
    from engine.glossary_data import load_glossary
    from tests.conftest import ROOT

    definitions = {t.id: t.texts[language].definition for t in load_glossary(ROOT / "data" / "glossary.yml", "data/glossary.yml", ["zh", "en"])}
    with phone_tab(browser, javascript=javascript) as page:
        url = f"{served_site}{root}faq/"
        page.goto(url)
        if not page.locator(".md-content button.glossary-term:visible").count():
            page.locator("details.faq-item > summary").first.tap(position={"x": 40, "y": 10})
        term = page.locator(".md-content button.glossary-term:visible").first
        term_id = term.get_attribute("data-glossary-term")
        assert term_id in definitions
        box = page.locator(".glossary-pop:visible")
        assert box.count() == 0, "no definition shows before a tap"
        term.tap()
        assert definitions[term_id] in box.inner_text()
        assert page.url == url, "the tap stayed on the page"
        place = box.bounding_box()
        assert place and place["x"] >= 0 and place["x"] + place["width"] <= PHONE["width"]
        assert place["y"] >= 0 and place["y"] + place["height"] <= PHONE["height"], place
        # A tap elsewhere closes it; the link inside leads to the entry.
        page.touchscreen.tap(200, 150)
        assert page.locator(".glossary-pop:visible").count() == 0
        term.tap()
        box.locator("a").tap()
        page.wait_for_url(f"**/{root}glossary/#{term_id}")
        assert definitions[term_id][:10] in page.inner_text(f"[id='{term_id}'] + dd")
