"""Who stands behind the guide, as a reader sees it in the built site (issue 14).

Every page's footer offers "report an error on this page" once a tracker is
configured (`extra.report_error_url`), prefilled with the page's address and
review date; the zh pages carry no English footer text; the browser title
names the site once; the about page says who maintains the guide, how it is
checked and how to report an error.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.conftest import ROOT, html_pages
from tests.test_build import _build

TRACKER = "https://example.org/guide/issues/new"


def _title(html: str) -> str:
    match = re.search(r"<title>([^<]*)</title>", html)
    assert match, "the page has no <title>"
    return match.group(1)


def _footer(html: str) -> str:
    start = html.find('<div class="md-copyright">')
    assert start != -1, "the page has no footer"
    return html[start:html.find("</div>", start)]


def test_no_browser_title_names_the_site_twice(site_dir: Path) -> None:
    for page in html_pages(site_dir):
        title = _title(page.read_text(encoding="utf-8"))
        parts = [part.strip() for part in title.split(" - ")]
        assert len(parts) == len(set(parts)), f"{page}: the title repeats itself: {title!r}"
    assert _title((site_dir / "index.html").read_text(encoding="utf-8")) == "网贷催收应对指南"


def test_the_english_home_says_it_is_about_online_loans(site_dir: Path) -> None:
    html = (site_dir / "en" / "index.html").read_text(encoding="utf-8")
    assert "online loan" in _title(html).lower()
    assert re.search(r"<h1[^>]*>[^<]*Online Loan", html)


def test_zh_pages_have_no_english_footer_and_every_footer_links_the_about_page(site_dir: Path) -> None:
    for page in html_pages(site_dir):
        html = page.read_text(encoding="utf-8")
        footer = _footer(html)
        assert "Made with" not in html and "Material for MkDocs" not in footer, page
        assert "#maintainers" in footer, f"{page}: the footer does not say who maintains the guide"
        english = page.relative_to(site_dir).parts[0] == "en"
        if not english:
            assert not re.search(r">[^<]*[A-Za-z]{3,}[^<]*<", footer), f"{page}: English text in the zh footer: {footer!r}"


def test_without_a_tracker_there_is_no_report_link(site_dir: Path) -> None:
    assert "md-copyright__report" not in (site_dir / "rights" / "index.html").read_text(encoding="utf-8")


def test_with_a_tracker_every_footer_offers_a_prefilled_report(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORT_ERROR_URL", TRACKER)
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode == 0, output.stderr[-2000:]
    site = tmp_path / "out"
    for page in html_pages(site):
        footer = _footer(page.read_text(encoding="utf-8"))
        link = re.search(r'<a class="md-copyright__report" href="([^"]+)"[^>]*>([^<]+)</a>', footer)
        assert link, f"{page}: no report link in the footer"
        english = page.relative_to(site).parts[0] == "en"
        assert link.group(2) == ("Report an error on this page" if english else "报告本页错误")
        url = urlsplit(link.group(1).replace("&amp;", "&"))
        assert f"{url.scheme}://{url.netloc}{url.path}" == TRACKER
        body = parse_qs(url.query)["body"][0]
        address = "/" + page.relative_to(site).parent.as_posix().removeprefix(".") + "/"
        assert address.replace("//", "/") in unquote(body), f"{page}: the report does not name the page: {body!r}"
        assert re.search(r"\d{4}-\d\d-\d\d", body), f"{page}: the report does not carry the review date"


def test_the_about_page_says_who_checks_and_how_to_report(site_dir: Path) -> None:
    for language, root in (("zh", site_dir), ("en", site_dir / "en")):
        html = (root / "about" / "index.html").read_text(encoding="utf-8")
        for anchor in ("maintainers", "how-checked", "report-an-error", "source-article"):
            assert f'id="{anchor}"' in html, f"{language} about page lacks #{anchor}"
    zh = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert "不链接原文" in zh, "say plainly why the source article is not linked"


def test_the_review_label_uses_a_full_width_colon_and_a_chinese_date(site_dir: Path) -> None:
    html = (site_dir / "rights" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"最后审核：<time datetime=\"\d{4}-\d\d-\d\d\">\d{4}年\d{1,2}月\d{1,2}日</time>", html)
