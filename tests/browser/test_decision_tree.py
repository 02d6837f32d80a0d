"""A reader walks every tree by clicking, with JavaScript off: from the start
to every outcome, in both languages, using back, change and start again."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from engine.tree_model import Tree
from engine.tree_views import View, all_views, view_id
from tests.browser.reader import open_tab
from tests.conftest import ROOT, guide_trees

pytestmark = pytest.mark.browser

LANGUAGES = ("zh", "en")
TREES = guide_trees()
LINKS = {"zh": {"back": "返回上一步", "restart": "重新开始"}, "en": {"back": "Back", "restart": "Start again"}}


def outcome_paths(tree: Tree) -> list[View]:
    return [view for view in all_views(tree) if not tree.nodes[view.node].is_question]


def shown(page: Page) -> Locator:
    """The one view on screen (every other view is display: none)."""
    views = page.locator(".tree-view:visible")
    expect(views).to_have_count(1)
    return views.first


def expect_node(page: Page, tree: Tree, node_id: str, language: str) -> Locator:
    view = shown(page)
    expect(view).to_have_attribute("data-node", node_id)
    expect(view.locator(".tree-title")).to_have_text(tree.nodes[node_id].text[language])
    return view


def answer(page: Page, tree: Tree, question: str, option_id: str, language: str) -> None:
    label = next(o for o in tree.nodes[question].options if o.id == option_id).label[language]
    shown(page).get_by_role("link", name=label, exact=True).click()


def walk_every_outcome(page: Page, start_url: str, tree: Tree, language: str, *, thorough: bool = True) -> int:
    """Click from the start to each outcome, then start again.

    thorough: at each outcome also check "your answers so far", change the
    last answer (and give it again), and go back one step.
    """
    page.goto(start_url)
    walked = 0
    for path in outcome_paths(tree):
        expect_node(page, tree, tree.start, language)
        for question, option in path.answers:
            expect_node(page, tree, question, language)
            answer(page, tree, question, option, language)
        outcome = expect_node(page, tree, path.node, language)
        expect(page).to_have_url(start_url + "#" + view_id(tree.id, [o for _, o in path.answers]))
        if thorough:
            last_question, last_option = path.answers[-1]
            # Your answers so far: one row per answer, in order.
            rows = outcome.locator(".tree-answers__row")
            expect(rows).to_have_count(len(path.answers))
            for index, (question, option) in enumerate(path.answers):
                label = next(o for o in tree.nodes[question].options if o.id == option).label[language]
                expect(rows.nth(index).locator("dd").first).to_have_text(label)
            # Change the last answer: that question again, earlier answers kept.
            rows.last.locator(".tree-answers__change").click()
            changed = expect_node(page, tree, last_question, language)
            expect(changed.locator(".tree-answers__row")).to_have_count(len(path.answers) - 1)
            answer(page, tree, last_question, last_option, language)
            # Back: one step up, to the last question.
            expect_node(page, tree, path.node, language).get_by_role("link", name=LINKS[language]["back"]).click()
            expect_node(page, tree, last_question, language)
        # Start again: the first question, no answers kept. (The first
        # question itself has no "start again": back already led there.)
        if shown(page).get_attribute("data-node") != tree.start:
            shown(page).get_by_role("link", name=LINKS[language]["restart"]).click()
        start = expect_node(page, tree, tree.start, language)
        expect(start.locator(".tree-answers__row")).to_have_count(0)
        walked += 1
    return walked


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_every_outcome_is_reached_by_clicking_without_javascript(browser, served_site: str, tree_id: str, language: str) -> None:
    tree = TREES[tree_id]
    prefix = "" if language == "zh" else "en/"
    with open_tab(browser, javascript=False) as (page, foreign):
        walked = walk_every_outcome(page, f"{served_site}{prefix}check/{tree_id}/", tree, language)
    assert walked == len(outcome_paths(tree))
    assert foreign == []


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_every_outcome_is_reached_from_file_urls(browser, offline_dir: Path, tree_id: str) -> None:
    with open_tab(browser, javascript=False) as (page, foreign):
        walked = walk_every_outcome(page, (offline_dir / "check" / f"{tree_id}.html").as_uri(), TREES[tree_id], "zh", thorough=False)
    assert walked == len(outcome_paths(TREES[tree_id]))
    assert foreign == []


def test_the_tree_works_with_javascript_on_and_the_browser_back_button(browser, served_site: str) -> None:
    tree = TREES["what-is-happening"]
    with open_tab(browser) as (page, foreign):
        page.goto(f"{served_site}en/check/what-is-happening/")
        answer(page, tree, "danger", "safe", "en")
        answer(page, tree, "topic", "contacts", "en")
        expect_node(page, tree, "contacts", "en")
        page.go_back()
        expect_node(page, tree, "topic", "en")
        page.go_back()
        expect_node(page, tree, "danger", "en")
        page.go_forward()
        answer(page, tree, "topic", "calls", "en")
        answer(page, tree, "calls", "too-many", "en")
        expect_node(page, tree, "harassing-calls", "en")
    assert foreign == []


def test_a_bookmarked_view_opens_on_that_view(browser, served_site: str) -> None:
    tree = TREES["is-this-paper-real"]
    with open_tab(browser, javascript=False) as (page, _):
        page.goto(f"{served_site}check/is-this-paper-real/#" + view_id(tree.id, ["police", "no-pay"]))
        expect_node(page, tree, "police-check", "zh")


def test_on_a_phone_the_tree_fits_the_screen_and_options_are_large(browser, served_site: str) -> None:
    overflowing = """() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth)
        .map(e => e.tagName + '.' + e.className)"""
    with open_tab(browser, javascript=False) as (page, _):
        page.set_viewport_size({"width": 360, "height": 740})
        for hash_ in ("", "#t-what-is-happening--safe--contacts--called-people", "#t-what-is-happening-overview"):
            page.goto(f"{served_site}en/check/what-is-happening/{hash_}")
            assert page.evaluate(overflowing) == [], hash_
        page.goto(f"{served_site}check/what-is-happening/")
        tap = shown(page).locator(".tree-option").first.bounding_box()
        assert tap["height"] >= 44 and tap["width"] >= 300, "options are large tap targets"


def test_in_print_the_tree_is_a_numbered_flow(browser, served_site: str) -> None:
    tree = TREES["is-this-paper-real"]
    with open_tab(browser, javascript=False) as (page, _):
        page.goto(f"{served_site}en/check/is-this-paper-real/")
        page.emulate_media(media="print")
        expect(page.locator(".tree-view:visible")).to_have_count(0)
        flow = page.locator(".tree-flow")
        expect(flow).to_be_visible()
        expect(flow.locator(".tree-flow__step")).to_have_count(len(tree.nodes))
        expect(flow.locator(".tree-flow__step").first.locator(".tree-flow__goto").first).to_have_text("→ go to 2")
        expect(page.locator(".tree-map__step").first).to_be_visible()
        page.emulate_media(media="screen")
        expect(flow).to_be_hidden()


def test_the_whole_guide_print_page_shows_each_tree_as_its_numbered_flow(browser, served_site: str) -> None:
    """The print page leaves the on-screen views out: on screen too it shows
    what paper will, and each overview entry jumps to its numbered step."""
    tree = TREES["is-this-paper-real"]
    with open_tab(browser, javascript=False) as (page, _):
        page.goto(f"{served_site}en/print/")
        chapter = page.locator("section.print-chapter#check-is-this-paper-real")
        expect(chapter.locator(".tree-view")).to_have_count(0)
        flow = chapter.locator(".tree-flow")
        expect(flow).to_be_visible()
        expect(flow.locator(".tree-flow__step")).to_have_count(len(tree.nodes))
        entry = chapter.locator(".tree-map a.tree-map__question").first
        target = entry.get_attribute("href")
        assert target == "#check-is-this-paper-real--t-is-this-paper-real-step-1", target
        entry.click()
        expect(flow.locator(".tree-flow__step").first).to_be_in_viewport()
