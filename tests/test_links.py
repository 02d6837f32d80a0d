"""Every internal link and anchor of the built site resolves; external links are listed.

MkDocs' own validation sees only Markdown links. These tests read the built
HTML (both languages, the served build and the file:// build), so links that
hooks and templates write are checked too. External links are not fetched:
they go to a report, .build/external-links.txt, for a person to review.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from check_links import PageLinks, check_pages, check_site, parse_page, write_report
from tests.conftest import ROOT, html_pages

REPORT = ROOT / ".build" / "external-links.txt"


@pytest.mark.parametrize("build", ["site_dir", "offline_dir"])
def test_every_internal_link_and_anchor_resolves(build: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(build)
    report = check_site(site)
    broken = [f"{link.page}: {link.url!r}: {problem}" for link, problem in report.broken]
    assert broken == [], "broken links:\n" + "\n".join(broken)
    # It really looked: every page, and a link per page at least.
    assert report.pages > len(html_pages(site)) and report.checked > report.pages


def test_external_links_are_listed_with_their_pages(site_dir: Path) -> None:
    report = check_site(site_dir)
    write_report(report, REPORT)
    lines = REPORT.read_text(encoding="utf-8").splitlines()[1:]
    assert sorted(line.split("\t")[0] for line in lines) == sorted(report.external)
    for line in lines:
        url, pages = line.split("\t")
        assert pages.split(), f"{url} is listed without the pages that use it"
        for page in pages.split():
            assert url in (site_dir / page).read_text(encoding="utf-8"), (url, page)


# -----------------------------------------------------------------------------
# The checker itself: it fails where a reader would hit a dead end
# -----------------------------------------------------------------------------

SITE_FILES = {"index.html", "about/index.html", "en/index.html", "assets/app.js"}


def _check(pages_html: dict[str, str]) -> list[tuple[str, str]]:
    pages = {name: parse_page(html) for name, html in pages_html.items()}
    for name in SITE_FILES - set(pages):
        if name.endswith(".html"):
            pages[name] = PageLinks(ids={"top"})
    report = check_pages(pages, SITE_FILES | set(pages))
    return [(link.url, problem) for link, problem in report.broken]


def test_a_link_to_a_missing_page_is_broken() -> None:
    assert _check({"index.html": '<a href="help/">help</a>'}) == [("help/", "no file at /help/")]


def test_a_link_to_a_missing_anchor_is_broken() -> None:
    broken = _check({"index.html": '<a href="about/#rights">x</a><a href="#here">y</a><p id="here">'})
    assert broken == [("about/#rights", "no id 'rights' on about/index.html")]


def test_folder_links_anchors_and_assets_resolve() -> None:
    html = '<a href="about/#top">a</a><a href="en/">b</a><a href="./#x">c</a><script src="assets/app.js"></script><i id="x">'
    assert _check({"index.html": html}) == []


def test_relative_links_resolve_from_the_page_folder() -> None:
    assert _check({"about/index.html": '<a href="../en/">en</a><a href="../../x/">out</a>'}) == [
        ("../../x/", "no file at /x/")
    ]


def test_external_links_are_listed_not_checked() -> None:
    pages = {"index.html": parse_page('<a href="tel:12378">call</a><a href="https://example.org/a">web</a>')}
    report = check_pages(pages, {"index.html"})
    assert report.broken == []
    assert set(report.external) == {"tel:12378", "https://example.org/a"}


def test_an_empty_link_is_broken() -> None:
    assert _check({"index.html": '<a href="">nothing</a>'}) == [("", "the link is empty")]
