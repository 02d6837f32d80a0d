"""The shipped trees in the built site: one test per node, links, search, print."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from engine.tree_views import all_views, node_numbers
from tests.conftest import ROOT, guide_trees
from tests.test_build import _build

LANGUAGES = ("zh", "en")
TREES = guide_trees()
NODES = [(tree.id, node.id) for tree in TREES.values() for node in tree.nodes.values()]


def page_path(site: Path, tree_id: str, language: str) -> Path:
    prefix = "" if language == "zh" else "en/"
    return site / f"{prefix}check/{tree_id}/index.html"


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> dict[tuple[str, str], BeautifulSoup]:
    return {
        (tree_id, language): BeautifulSoup(page_path(site_dir, tree_id, language).read_text(encoding="utf-8"), "html.parser")
        for tree_id in TREES
        for language in LANGUAGES
    }


def test_the_guide_ships_the_two_trees_with_few_questions() -> None:
    assert set(TREES) == {"what-is-happening", "is-this-paper-real"}
    first = TREES["what-is-happening"]
    topics = {o.next for o in first.nodes["topic"].options}
    # The list of situations, each its own branch.
    assert topics == {"calls", "contacts", "threats", "papers", "amount", "cannot-pay", "credit", "distress"}
    assert [o.next for o in first.nodes[first.start].options][0] == "call-police"


@pytest.mark.parametrize(("tree_id", "node_id"), NODES, ids=[f"{t}:{n}" for t, n in NODES])
def test_every_option_of_the_node_reaches_its_target(pages, tree_id: str, node_id: str) -> None:
    tree = TREES[tree_id]
    node = tree.nodes[node_id]
    paths = [v for v in all_views(tree) if v.node == node_id]
    for language in LANGUAGES:
        soup = pages[(tree_id, language)]
        views = soup.select(f'.tree-view[data-node="{node_id}"]')
        assert len(views) == len(paths), f"{language}: one view per path to {node_id}"
        for view in views:
            assert view.select_one(".tree-title").get_text(strip=True) == node.text[language]
            options = view.select("a.tree-option")
            assert [a.get_text(strip=True) for a in options] == [o.label[language] for o in node.options]
            for link, option in zip(options, node.options):
                target = soup.find(id=link["href"].removeprefix("#"))
                assert target is not None and target["data-node"] == option.next, (language, option.id)
            if not node.is_question:
                assert len(view.select(".tree-steps > li")) == len(node.steps)
                assert [a["href"].rpartition("#")[2] for a in view.select(".tree-channel__name")] == list(node.channels)
        # The printed flow: this node once, numbered, each option naming its target's number.
        numbers = node_numbers(tree)
        step = soup.select_one(f'.tree-flow__step[data-node="{node_id}"]')
        assert step["value"] == str(numbers[node_id])
        gotos = [s.get_text(strip=True) for s in step.select(".tree-flow__goto")]
        assert gotos == [f"→ {('转到第 {} 步' if language == 'zh' else 'go to {}').format(numbers[o.next])}" for o in node.options]


def test_danger_puts_the_police_number_above_everything(pages) -> None:
    for language in LANGUAGES:
        view = pages[("what-is-happening", language)].select_one('.tree-view[data-node="call-police"]')
        first = view.find(True)
        assert "tree-urgent" in first["class"] and first.a["href"] == "tel:110"


def test_every_link_in_a_tree_resolves_in_the_built_site(site_dir: Path) -> None:
    for tree_id in TREES:
        for language in LANGUAGES:
            page = page_path(site_dir, tree_id, language)
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            for link in soup.select(".decision-tree a[href]"):
                href = link["href"]
                parts = urlsplit(href)
                if parts.scheme in ("tel", "https"):
                    continue
                if not parts.path:
                    assert soup.find(id=parts.fragment), f"{page}: {href}"
                    continue
                target = Path(posixpath.normpath(str(page.parent / parts.path))) / "index.html"
                assert target.is_file(), f"{page}: {href}"
                if parts.fragment:
                    assert f'id="{parts.fragment}"' in target.read_text(encoding="utf-8"), f"{page}: {href}"


def test_search_finds_the_overview_not_the_repeated_views(site_dir: Path) -> None:
    node = TREES["what-is-happening"].nodes["call-police"]
    for language, index in (("zh", site_dir / "search" / "search_index.json"), ("en", site_dir / "en" / "search" / "search_index.json")):
        docs = [d for d in json.loads(index.read_text(encoding="utf-8"))["docs"] if d["location"].startswith("check/what-is-happening/")]
        text = " ".join(d["title"] + " " + d["text"] for d in docs).replace("\u200b", "")
        assert node.text[language] in text, "the overview lists every outcome"
        assert node.steps[0][language] not in text, "step text only lives in the (excluded) views"
        assert all(d["title"] for d in docs), "no empty search entries"


def test_a_broken_tree_link_fails_the_build_naming_file_and_node(project_copy: Path, tmp_path: Path) -> None:
    tree = project_copy / "data" / "trees" / "is-this-paper-real.yml"
    tree.write_text(tree.read_text(encoding="utf-8").replace("fake-legal-threats#fake-police", "fake-legal-threats#police"), encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert "data/trees/is-this-paper-real.yml" in output.stderr and "node 'scam-signs'" in output.stderr
    assert "fake-legal-threats#police" in output.stderr
