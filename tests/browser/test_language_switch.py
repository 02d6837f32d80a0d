"""The language switcher lands on the same page in the other language, at the
same place: the same heading, the same question of a decision tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.tree_views import view_id
from tests.browser.reader import open_tab
from tests.conftest import ROOT, guide_trees, html_pages

pytestmark = pytest.mark.browser

TREES = guide_trees()


def _counterpart(relative: str) -> tuple[str, str]:
    """('en/about/index.html') -> ('about/index.html', 'zh'), and back."""
    if relative.startswith("en/"):
        return relative[len("en/") :], "zh"
    return "en/" + relative, "en"


def _switch(page, target_lang: str) -> None:
    # Open the menu as a reader does (hover), then click the language.
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{target_lang}"]').click()
    page.wait_for_load_state()


def test_switching_on_every_served_page_keeps_the_page(browser, site_dir: Path, served_site: str) -> None:
    with open_tab(browser) as (page, _):
        for path in html_pages(site_dir):
            relative = path.relative_to(site_dir).as_posix()
            target, lang = _counterpart(relative)
            page.goto(served_site + relative.removesuffix("index.html"))
            _switch(page, lang)
            assert page.url == served_site + target.removesuffix("index.html"), relative
            assert page.locator("html").get_attribute("lang") == lang


def test_switching_from_file_url_keeps_the_page(browser, offline_dir: Path) -> None:
    with open_tab(browser) as (page, _):
        for path in html_pages(offline_dir):
            relative = path.relative_to(offline_dir).as_posix()
            target, lang = _counterpart(relative)
            page.goto(path.as_uri())
            _switch(page, lang)
            assert page.url == (offline_dir / target).as_uri(), relative
            assert page.locator("html").get_attribute("lang") == lang


def test_switching_works_without_javascript(browser, site_dir: Path, served_site: str) -> None:
    with open_tab(browser, javascript=False) as (page, _):
        page.goto(served_site + "about/")
        _switch(page, "en")
        assert page.url == served_site + "en/about/"


# -----------------------------------------------------------------------------
# Keeping the reader's place (overrides/assets/javascripts/keep-place.js)
# -----------------------------------------------------------------------------

TREE = TREES["what-is-happening"]
# Two answers from the first question: "I am safe", then "about calls".
TWO_ANSWERS = [(TREE.start, "safe"), ("topic", "calls")]
TREE_URL = {"zh": "check/what-is-happening/", "en": "en/check/what-is-happening/"}
OFFLINE_TREE = {"zh": "check/what-is-happening.html", "en": "en/check/what-is-happening.html"}


def _target(page) -> dict:
    """The element the address's #hash targets (what :target shows), or None."""
    return page.evaluate(
        """() => { const t = document.querySelector(":target");
        if (!t) return null;
        const title = t.querySelector(".tree-title");
        return { id: t.id, node: t.dataset.node || null, title: title ? title.textContent.trim() : null,
                 heading: t.textContent.replace("\\u00b6", "").trim(), onScreen: t.checkVisibility() }; }"""
    )


def _answer_two_questions(page, lang: str) -> str:
    """Click two answers as a reader does; the id of the view they lead to."""
    for question, option in TWO_ANSWERS:
        label = next(o for o in TREE.nodes[question].options if o.id == option).label[lang]
        page.locator(".tree-view:visible").get_by_role("link", name=label, exact=True).click()
    view = view_id(TREE.id, [option for _, option in TWO_ANSWERS])
    assert _target(page)["id"] == view
    return view


@pytest.mark.parametrize(("start", "other"), [("zh", "en"), ("en", "zh")])
def test_switching_on_a_tree_keeps_the_question_the_reader_is_on(browser, served_site: str, start: str, other: str) -> None:
    with open_tab(browser) as (page, foreign):
        page.goto(served_site + TREE_URL[start])
        view = _answer_two_questions(page, start)
        node = TREE.nodes[_target(page)["node"]]
        _switch(page, other)
        assert page.url == f"{served_site}{TREE_URL[other]}#{view}"
        assert page.locator("html").get_attribute("lang") == other
        shown = _target(page)
        assert shown is not None and shown["id"] == view and shown["onScreen"]
        assert shown["title"] == node.text[other], "the same question, in the other language"
        assert page.locator(".tree-view:visible").count() == 1
    assert foreign == []


def test_switching_on_a_tree_keeps_the_place_from_file_url(browser, offline_dir: Path) -> None:
    with open_tab(browser) as (page, foreign):
        page.goto((offline_dir / OFFLINE_TREE["zh"]).as_uri())
        view = _answer_two_questions(page, "zh")
        node = TREE.nodes[_target(page)["node"]]
        _switch(page, "en")
        assert page.url == f"{(offline_dir / OFFLINE_TREE['en']).as_uri()}#{view}"
        shown = _target(page)
        assert shown["id"] == view and shown["onScreen"] and shown["title"] == node.text["en"]
    assert foreign == []


def test_switching_keeps_the_heading_the_reader_went_to(browser, served_site: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site + "rights/")
        # Follow the heading's own link (the ¶), as a reader copying its address does.
        page.locator("#civil-code .headerlink").click()
        assert page.url.endswith("rights/#civil-code")
        zh_heading = _target(page)["heading"]
        _switch(page, "en")
        assert page.url == served_site + "en/rights/#civil-code"
        shown = _target(page)
        assert shown["id"] == "civil-code" and shown["heading"] != zh_heading
        # The page scrolled to the heading: it is on screen, not left at the top.
        assert page.evaluate("() => { const b = document.getElementById('civil-code').getBoundingClientRect();"
                             " return b.top >= 0 && b.bottom <= window.innerHeight; }")
        # Back on the page's top (no #hash), the switch leads to the top again.
        page.goto(served_site + "en/rights/")
        _switch(page, "zh")
        assert page.url == served_site + "rights/"
