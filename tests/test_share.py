"""Sharing a page: each page's description, Open Graph and Twitter card tags,
hreflang pairs, canonical address and preview image (hooks/share.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageChops, ImageStat

from build_site import build_into
from engine.share_image import find_font, wrap
from engine.share_meta import MAX_DESCRIPTION, description_problem
from tests.conftest import html_pages
from tests.share_site import build_with_site_url

SITE_URL = "https://guide.example.org/sub/"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("shared") / "site"
    build_with_site_url(target, SITE_URL)
    return target


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as the offline zip holds it (tools/build_dist.py builds it this way)."""
    target = tmp_path_factory.mktemp("offline") / "site"
    assert build_into(target, offline=True) == 0
    return target


def _head(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def _url_of(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix().removesuffix("index.html")
    return SITE_URL + relative


def test_every_page_has_its_own_description_in_its_language(shared_site: Path) -> None:
    pages = html_pages(shared_site)
    assert len(pages) >= 40
    seen: dict[str, Path] = {}
    for page in pages:
        description = _meta(_head(page), "description")
        assert description, f"{page} has no description"
        assert len(description) <= MAX_DESCRIPTION, page
        is_english = "/en/" in "/" + page.relative_to(shared_site).as_posix()
        has_chinese = any("\u4e00" <= char <= "\u9fff" for char in description)
        assert has_chinese != is_english, f"{page}: the description is not in the page's language: {description}"
        assert description not in seen, f"{page} repeats the description of {seen.get(description)}"
        seen[description] = page


def test_open_graph_and_twitter_tags_match_the_page(shared_site: Path) -> None:
    for page in html_pages(shared_site):
        soup = _head(page)
        english = page.relative_to(shared_site).parts[0] == "en"
        h1 = soup.find("h1").get_text(" ", strip=True).rstrip("¶").strip()
        url = _url_of(shared_site, page)
        assert _meta(soup, "og:title") == _meta(soup, "twitter:title"), page
        assert _meta(soup, "og:title") in soup.title.get_text(), page
        assert _meta(soup, "og:title") == h1, f"{page}: og:title is not the page's heading {h1!r}"
        assert _meta(soup, "og:description") == _meta(soup, "description") == _meta(soup, "twitter:description"), page
        assert _meta(soup, "og:url") == url, page
        assert soup.find("link", rel="canonical")["href"] == url, page
        assert _meta(soup, "og:site_name") == ("Online Loan Collection Guide" if english else "网贷催收应对指南"), page
        assert _meta(soup, "og:locale") == ("en_US" if english else "zh_CN"), page
        assert _meta(soup, "og:locale:alternate") == ("zh_CN" if english else "en_US"), page
        assert _meta(soup, "og:image") == url + "preview.png" == _meta(soup, "twitter:image"), page
        assert _meta(soup, "twitter:card") == "summary_large_image", page


def test_each_page_has_its_preview_image_showing_its_title(shared_site: Path) -> None:
    images = {}
    for page in html_pages(shared_site):
        image_path = page.parent / "preview.png"
        assert image_path.is_file(), f"{page} has no preview image"
        with Image.open(image_path) as image:
            assert image.format == "PNG" and image.size == (1200, 630), image_path
            images[image_path] = image.convert("RGB")
    zh = images[shared_site / "rights" / "preview.png"]
    en = images[shared_site / "en" / "rights" / "preview.png"]
    other = images[shared_site / "negotiate" / "preview.png"]
    for image in (zh, en, other):
        # The title's area holds white type on the teal ground: not blank.
        title_area = image.crop((80, 200, 1120, 560))
        assert ImageStat.Stat(title_area).stddev[0] > 20
        assert max(title_area.getcolors(1200 * 630), key=lambda c: c[0])[1] == (0, 0x7A, 0x6C)
        assert (255, 255, 255) in {color for _, color in title_area.getcolors(1200 * 630)}
    for a, b in ((zh, en), (zh, other)):
        assert ImageChops.difference(a.crop((80, 200, 1120, 560)), b.crop((80, 200, 1120, 560))).getbbox(), "two pages show the same title"


def test_hreflang_pairs_point_at_each_other(shared_site: Path) -> None:
    for page in html_pages(shared_site):
        links = {link["hreflang"]: link["href"] for link in _head(page).find_all("link", rel="alternate", hreflang=True)}
        assert set(links) == {"zh-Hans", "en", "x-default"}, page
        url = _url_of(shared_site, page)
        assert url in (links["zh-Hans"], links["en"]), page
        assert links["x-default"] == links["zh-Hans"]
        for language in ("zh-Hans", "en"):
            other = shared_site / links[language].removeprefix(SITE_URL) / "index.html"
            assert other.is_file(), f"{page}: {language} alternate {links[language]} does not exist"
            back = {link["hreflang"]: link["href"] for link in _head(other).find_all("link", rel="alternate", hreflang=True)}
            assert back == links, f"{other} does not point back at {page}"


def test_the_sitemap_lists_both_languages_with_the_pages_hreflang(shared_site: Path) -> None:
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(shared_site / "sitemap.xml").getroot()
    listed = {}
    for entry in sitemap.findall("s:url", names):
        links = entry.findall("x:link", names)
        listed[entry.findtext("s:loc", namespaces=names)] = {link.get("hreflang"): link.get("href") for link in links}
    for page in html_pages(shared_site):
        url = _url_of(shared_site, page)
        assert url in listed, f"the sitemap does not list {url}"
        in_page = {link["hreflang"]: link["href"] for link in _head(page).find_all("link", rel="alternate", hreflang=True)}
        assert listed[url] == in_page, url


def test_the_offline_build_has_no_address_tags_and_no_images(offline_site: Path) -> None:
    pages = html_pages(offline_site)
    assert pages
    for page in pages:
        soup = _head(page)
        assert _meta(soup, "og:title"), page  # the tags that need no address stay
        for key in ("og:url", "og:image", "twitter:image"):
            assert _meta(soup, key) is None, f"{page} has {key} without site_url"
        assert soup.find("link", rel="canonical") is None, page
        assert soup.find("link", rel="alternate", hreflang=True) is None, page
        absolute = [str(tag) for tag in soup.head.find_all(["meta", "link"]) if "://" in (tag.get("content", "") + tag.get("href", ""))]
        assert absolute == [], page
    assert not list(offline_site.rglob("preview.png"))


def test_a_page_without_a_description_fails_naming_it(project_copy: Path, tmp_path: Path) -> None:
    from tests.test_build import _build

    page = project_copy / "docs" / "help.en.md"
    page.write_text("\n".join(line for line in page.read_text(encoding="utf-8").splitlines() if not line.startswith("description:")), encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert "docs/help.en.md:1" in output.stderr and "no description" in output.stderr


def test_description_rules() -> None:
    assert description_problem({}) is not None
    assert description_problem({"description": "  "}) is not None
    assert description_problem({"description": "x" * (MAX_DESCRIPTION + 1)})[0] == f"the description has {MAX_DESCRIPTION + 1} characters"
    assert description_problem({"description": "先别付钱。"}) is None


def test_titles_wrap_at_words_in_english_and_anywhere_in_chinese() -> None:
    measure = len  # one unit per character
    assert wrap("Fake summonses and lawyer's letters", 20, measure) == ["Fake summonses and", "lawyer's letters"]
    assert wrap("假传票和假律师函", 5, measure) == ["假传票和假", "律师函"]


def test_the_font_is_found_on_this_machine_and_its_absence_is_named() -> None:
    import subprocess

    path, index = find_font("Bold")
    assert path.is_file() and index >= 0

    def no_font(*args, **kwargs):
        return subprocess.CompletedProcess(args, 0, "/usr/share/fonts/x/DejaVuSans.ttf\n0\nDejaVu Sans", "")

    from engine import share_image

    saved = share_image.DEBIAN_FONTS
    share_image.DEBIAN_FONTS = {}
    try:
        with pytest.raises(share_image.FontMissing, match="fonts-noto-cjk"):
            find_font("Bold", run=no_font)
    finally:
        share_image.DEBIAN_FONTS = saved


def test_an_image_is_drawn_once_per_build_and_afresh_in_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    import share
    from engine import share_image

    drawn: list[str] = []
    real = share_image.draw_preview
    monkeypatch.setattr(share_image, "draw_preview", lambda title, *a, **k: drawn.append(title) or real(title, *a, **k))
    a_build = SimpleNamespace(plugins={})  # what on_config reads of the config: no static-i18n
    share.on_config(a_build)
    first = share.image_for("你的权利", "网贷催收应对指南")
    assert share.image_for("你的权利", "网贷催收应对指南") == first
    share.image_for("Your rights", "Debt Collection Guide")
    assert drawn == ["你的权利", "Your rights"]
    share.on_config(a_build)  # the next build
    assert share.image_for("你的权利", "网贷催收应对指南") == first
    assert drawn == ["你的权利", "Your rights", "你的权利"]
