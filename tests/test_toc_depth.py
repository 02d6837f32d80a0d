"""A page's `toc_depth` shortens its table of contents (hooks/toc_depth.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.structure.toc import get_toc

from engine.errors import GuideError
from tests.test_build import _build
from engine.toc import stop_at, toc_depth

TOKENS = [
    {"level": 1, "id": "faq", "name": "FAQ", "html": "FAQ", "data-toc-label": "", "children": [
        {"level": 2, "id": "topic", "name": "Topic", "html": "Topic", "data-toc-label": "", "children": [
            {"level": 3, "id": "question", "name": "Question?", "html": "Question?", "data-toc-label": "", "children": []},
        ]},
    ]},
]


def _ids(items) -> list[str]:
    return [id for item in items for id in [item.id, *_ids(item.children)]]


@pytest.mark.parametrize(("depth", "kept"), [(1, ["faq"]), (2, ["faq", "topic"]), (3, ["faq", "topic", "question"])])
def test_the_table_stops_at_the_depth_asked_for(depth: int, kept: list[str]) -> None:
    toc = get_toc(TOKENS)
    stop_at(toc, depth)
    assert _ids(toc) == kept


@pytest.mark.parametrize("value", [0, 7, "two", True, 2.5])
def test_a_depth_that_is_no_heading_level_names_the_file(value: object) -> None:
    with pytest.raises(GuideError) as error:
        toc_depth({"toc_depth": value}, "docs/faq.md")
    assert error.value.path == "docs/faq.md" and "toc_depth" in str(error.value) and "1 to 6" in error.value.fix


def _toc_links(html: str) -> list[str]:
    toc = html[html.index('<nav class="md-nav md-nav--secondary"'):]
    toc = toc[: toc.index("</nav>")]
    return re.findall(r'href="#([^"]+)"', toc)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_faq_table_lists_topics_and_the_questions_keep_their_anchors(site_dir: Path, language: str) -> None:
    html = (site_dir / ("" if language == "zh" else "en") / "faq" / "index.html").read_text(encoding="utf-8")
    links = _toc_links(html)
    assert "crime-and-debt" in links and len(links) >= 10, links
    assert "will-i-go-to-prison" not in links, "the FAQ's table of contents lists questions again"
    assert 'id="will-i-go-to-prison"' in html


def test_other_pages_keep_their_full_table(site_dir: Path) -> None:
    # A page with a questions section lists its questions (### headings) in its table.
    html = (site_dir / "borrow-safely" / "index.html").read_text(encoding="utf-8")
    questions = re.findall(r'class="faq-question" id="([^"]+)"', html)
    assert questions, "borrow-safely has no questions section to check with"
    assert set(questions) <= set(_toc_links(html))


def test_a_bad_toc_depth_fails_the_build_naming_the_page(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "docs" / "faq.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("toc_depth: 2", "toc_depth: two"), encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0 and "docs/faq.en.md" in output.stderr and "toc_depth" in output.stderr
