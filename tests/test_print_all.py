"""The "print the whole guide" page: each language gets all of its own pages, in nav order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from engine.site import Site
from engine.print_book import review_under_title
from engine.print_pages import chapter_anchor, misspelt_markers, print_chapter, replace_marker, rewrite_url
from tests.conftest import ROOT

PRINT_PAGES = {"zh": "print/index.html", "en": "en/print/index.html"}


# -----------------------------------------------------------------------------
# Pure core
# -----------------------------------------------------------------------------

CHAPTERS = {"/": "index", "/rights/": "rights", "/check/start/": "check-start"}


def _printed(html: str, *, anchor: str, source_url: str) -> BeautifulSoup:
    """A page's content as the whole-guide print page holds it, parsed."""
    return BeautifulSoup(print_chapter(html, anchor=anchor, source_url=source_url, print_url="print/", chapters={}), "html.parser")


@pytest.mark.parametrize(("link", "source", "expected"), [
    ("../rights/", "about/", "#rights"),  # another printed page: a jump within the print page
    ("../rights/#civil-code", "about/", "#rights--civil-code"),
    ("../../", "check/start/", "#index"),
    ("#sources", "about/", "#about--sources"),  # same page
    ("../assets/images/card.png", "about/", "../assets/images/card.png"),
    ("../../assets/images/card.png", "check/start/", "../assets/images/card.png"),
    ("../sitemap.xml", "check/", "../sitemap.xml"),
    ("https://jubao.nifa.org.cn", "help/", "https://jubao.nifa.org.cn"),
    ("tel:12378", "help/", "tel:12378"),
])
def test_links_resolve_from_the_print_page(link: str, source: str, expected: str) -> None:
    assert rewrite_url(link, anchor="about", source_url=source, print_url="print/", chapters=CHAPTERS) == expected


def test_elements_marked_omit_are_left_out_and_links_into_them_go_elsewhere() -> None:
    html = (
        '<p><a href="#t-x">start</a> <a href="#t-x--yes">after yes</a> <a href="#other">other</a></p>'
        '<div class="tree-views" data-print-omit><div><section id="t-x--yes" data-print-as="t-x-step-2">'
        "<h2>Yes</h2></section></div><section id=\"t-x\" data-print-as='t-x-step-1'>Start</section></div>"
        '<ol><li id="t-x-step-1">One</li><li id="t-x-step-2">Two</li></ol>'
    )
    soup = _printed(html, anchor="check", source_url="check/x/")
    assert soup.select_one(".tree-views") is None and "Start" not in soup.get_text() and "Yes" not in soup.get_text()
    assert [a["href"] for a in soup.select("p a")] == ["#check--t-x-step-1", "#check--t-x-step-2", "#check--other"]
    assert [li["id"] for li in soup.select("li")] == ["check--t-x-step-1", "check--t-x-step-2"]


def test_links_resolve_in_the_offline_build_too() -> None:
    chapters = {"/en/index.html": "index", "/en/rights.html": "rights"}
    assert rewrite_url("rights.html#x", anchor="a", source_url="en/about.html", print_url="en/print.html", chapters=chapters) == "#rights--x"
    assert rewrite_url("../assets/a.css", anchor="a", source_url="en/about.html", print_url="en/print.html", chapters=chapters) == "../assets/a.css"


def test_ids_get_the_chapter_prefix_so_pages_cannot_collide() -> None:
    html = (
        '<h2 id="evidence">Evidence</h2>'
        '<div class="tabbed-set"><input id="__tabbed_1_1" name="__tabbed_1" type="radio">'
        '<label for="__tabbed_1_1">A</label></div>'
        '<p aria-describedby="fn1 fn2"><a href="#evidence">up</a></p>'
    )
    soup = _printed(html, anchor="rights", source_url="rights/")
    assert soup.h2["id"] == "rights--evidence"
    assert soup.input["id"] == "rights--__tabbed_1_1" and soup.label["for"] == "rights--__tabbed_1_1"
    assert soup.p["aria-describedby"] == "rights--fn1 rights--fn2"
    assert soup.a["href"] == "#rights--evidence"


def test_collapsed_details_are_opened() -> None:
    html = '<details class="note"><summary>More</summary><p>Text</p></details>'
    soup = _printed(html, anchor="a", source_url="a/")
    assert soup.details.has_attr("open")


def test_a_chapter_keeps_its_markup_byte_for_byte_apart_from_what_changes() -> None:
    html = (
        "<p class=note>One<br>two &amp; <a HREF=../rights/#civil-code title='a > b'>rights</a></p>\n"
        '<details class="tip"><summary>More</summary></details>'
        "<script>var link = \"<a href='#x'>\";</script>"
    )
    printed = print_chapter(html, anchor="about", source_url="about/", print_url="print/", chapters={"/rights/": "rights"})
    assert printed == (
        "<p class=note>One<br>two &amp; <a HREF=\"#rights--civil-code\" title='a > b'>rights</a></p>\n"
        '<details class="tip" open=""><summary>More</summary></details>'
        "<script>var link = \"<a href='#x'>\";</script>"
    )


def test_anchors_are_the_same_in_both_languages() -> None:
    site = Site(root=ROOT, docs_dir=ROOT / "docs", languages=("zh", "en"), default="zh")
    assert chapter_anchor("check/start.md", site) == chapter_anchor("check/start.en.md", site) == "check-start"
    assert chapter_anchor("index.md", site) == "index"


def test_the_marker_is_replaced_where_it_stands() -> None:
    html = "<h1>Print</h1>\n<p>Intro</p>\n<!-- print-all -->\n<p>After</p>"
    assert replace_marker(html, "<section>ALL</section>") == "<h1>Print</h1>\n<p>Intro</p>\n<section>ALL</section>\n<p>After</p>"


def test_a_misspelt_marker_is_found_with_its_line() -> None:
    source = "---\ntitle: x\n---\n\n<!-- print-all -->\n\n```\n<!-- print-al -->\n```\n<!-- print-alll -->\n"
    assert misspelt_markers(source) == [(10, "<!-- print-alll -->")]


# -----------------------------------------------------------------------------
# The built pages
# -----------------------------------------------------------------------------

def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _nav_pages(page: BeautifulSoup) -> list[tuple[str, str]]:
    """(title, href) of each page in the site's navigation as the reader sees it, in order."""
    primary = page.select_one("nav.md-nav--primary")
    return [
        (link.get_text(" ", strip=True), link["href"])
        for link in primary.select("a.md-nav__link[href]")
        if "#" not in link["href"]
    ]


def _book_order(pages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The nav's pages as the book prints them: without the print page ("./"), the glossary last."""
    pages = [(title, href) for title, href in pages if href != "./"]
    return [page for page in pages if "glossary" not in page[1]] + [page for page in pages if "glossary" in page[1]]


def _text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).replace("¶", "").split())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_contents_list_every_other_page_of_the_nav_in_order(site_dir: Path, lang: str) -> None:
    page = _soup(site_dir / PRINT_PAGES[lang])
    nav = [title for title, href in _book_order(_nav_pages(page))]
    contents = [link.get_text(strip=True) for link in page.select(".print-contents a")]
    assert len(nav) >= 2
    assert contents == nav


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_chapter_is_that_page_in_full(site_dir: Path, lang: str) -> None:
    print_page = site_dir / PRINT_PAGES[lang]
    page = _soup(print_page)
    nav = [href for _, href in _book_order(_nav_pages(page))]
    sections = page.select("section.print-chapter")
    assert len(sections) == len(nav)
    for href, section in zip(nav, sections):
        original = _soup((print_page.parent / href / "index.html").resolve()).select_one("article")
        # A tree's screen views (paper has its flow); the page's own list of
        # its terms (the book ends with the whole glossary).
        for omitted in original.select("[data-print-omit], [data-book-omit]"):
            omitted.decompose()
        # The review line moves from the page's end to under the chapter's title.
        moved, review = section.select_one(".page-review"), original.select_one(".page-review")
        assert _text(moved) == _text(review), href
        assert moved.find_previous_sibling() is section.find("h1"), f"{href}: the review line is not under the title"
        moved.decompose()
        review.decompose()
        assert _text(section) == _text(original), href


@pytest.mark.parametrize(("lang", "other"), [("zh", "关于本指南"), ("en", "About this guide")])
def test_each_language_prints_only_its_own_pages(site_dir: Path, lang: str, other: str) -> None:
    text = _soup(site_dir / PRINT_PAGES["en" if lang == "zh" else "zh"]).select_one("article").get_text()
    assert other not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ids_are_unique_and_every_jump_lands(site_dir: Path, lang: str) -> None:
    article = _soup(site_dir / PRINT_PAGES[lang]).select_one("article")
    ids = [tag["id"] for tag in article.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    jumps = {a["href"][1:] for a in article.select('a[href^="#"]') if len(a["href"]) > 1}
    assert jumps - set(ids) == set()
    assert any("--" in jump for jump in jumps), "no link between pages became a jump within the page"


def test_the_print_page_stays_out_of_search(site_dir: Path) -> None:
    for index in (site_dir / "search" / "search_index.json", site_dir / "en" / "search" / "search_index.json"):
        locations = [doc["location"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]]
        assert not [loc for loc in locations if loc.startswith("print/")], index


def test_a_misspelt_marker_fails_the_build_naming_file_and_line(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "docs" / "print.en.md"
    text = page.read_text(encoding="utf-8").replace("<!-- print-all -->", "<!-- print-al -->")
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index("<!-- print-al -->") + 1
    script = (
        "import sys; sys.path.insert(0, %r); from build_site import build_into; "
        "from pathlib import Path; sys.exit(build_into(Path(%r), root=Path(%r)))"
    ) % (str(ROOT / "tools"), str(tmp_path / "out"), str(project_copy))
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert output.returncode != 0
    assert f"docs/print.en.md:{line}" in output.stderr and "<!-- print-all -->" in output.stderr


def test_a_chapters_review_line_moves_under_its_title() -> None:
    review = '<div class="page-review">\n<p>Reviewed <time>1 May</time></p>\n</div>'
    assert review_under_title(f"<h1>T</h1><p>Body</p>{review}") == f"<h1>T</h1>{review}<p>Body</p>"
    # No title of its own (the book writes one before the chapter): first.
    assert review_under_title(f"<p>Body</p>{review}") == f"{review}<p>Body</p>"
    assert review_under_title("<h1>T</h1><p>Body</p>") == "<h1>T</h1><p>Body</p>"
