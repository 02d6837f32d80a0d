"""On paper: no chrome, everything unfolded, link addresses shown, no stranded headings."""

from __future__ import annotations

import markdown
import pytest

from tests.browser.reader import open_tab

pytestmark = pytest.mark.browser

# Content as the guide's Markdown extensions render it: a collapsed note,
# two tabs, a link to another site, a link within the guide.
SAMPLE = """
## Sample heading { #sample-heading }

??? note "Collapsed note"

    Hidden until opened.

=== "First tab"

    First panel.

=== "Second tab"

    Second panel.

Complain on [the NIFA site](https://jubao.nifa.org.cn) or read [the help page](../help/).
"""
EXTENSIONS = ["attr_list", "admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"]
CHROME = {
    "header": ".md-header",
    "search": ".md-search",
    "language switcher": ".md-select",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "footer": ".md-footer",
}


def _sample_html() -> str:
    html = markdown.markdown(SAMPLE, extensions=EXTENSIONS, extension_configs={"pymdownx.tabbed": {"alternate_style": True}})
    return f'<div id="print-sample">{html}</div>'



def _open_with_sample(page, url: str) -> None:
    page.goto(url)
    page.eval_on_selector("article.md-content__inner", "(article, html) => article.insertAdjacentHTML('beforeend', html)", _sample_html())


@pytest.mark.parametrize("path", ["about/", "en/about/", "print/", "en/print/"])
def test_print_hides_header_navigation_search_and_footer(browser, served_site: str, path: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site + path)
        assert [name for name, selector in CHROME.items() if page.locator(selector).first.is_visible()], "chrome on screen"
        page.emulate_media(media="print")
        shown = [name for name, selector in CHROME.items() if page.locator(selector).first.is_visible()]
        assert shown == []
        # The whole-guide page's own title is for the screen; its chapters' titles print.
        assert page.locator("article h1:not(.print-screen-only)").first.is_visible()


def test_collapsed_content_is_printed_open(browser, served_site: str) -> None:
    with open_tab(browser) as (page, _):
        _open_with_sample(page, served_site + "about/")
        hidden = page.get_by_text("Hidden until opened.")
        assert not hidden.is_visible(), "the sample note should start collapsed"
        page.emulate_media(media="print")
        assert hidden.is_visible()


def test_tabs_are_printed_one_after_another_under_their_labels(browser, served_site: str) -> None:
    with open_tab(browser) as (page, _):
        _open_with_sample(page, served_site + "about/")
        assert not page.get_by_text("Second panel.").is_visible()
        page.emulate_media(media="print")
        sample = page.locator("#print-sample")
        order = ["First tab", "First panel.", "Second tab", "Second panel."]
        tops = [sample.get_by_text(text, exact=True).bounding_box()["y"] for text in order]
        assert all(sample.get_by_text(text, exact=True).is_visible() for text in order)
        assert tops == sorted(tops) and len(set(tops)) == len(tops), dict(zip(order, tops))


def test_links_to_other_sites_show_their_address_on_paper(browser, served_site: str) -> None:
    after = "link => getComputedStyle(link, '::after').content"
    with open_tab(browser) as (page, _):
        _open_with_sample(page, served_site + "about/")
        external = page.locator('#print-sample a[href="https://jubao.nifa.org.cn"]')
        internal = page.locator('#print-sample a[href="../help/"]')
        assert "jubao" not in external.evaluate(after)
        page.emulate_media(media="print")
        assert "(https://jubao.nifa.org.cn)" in external.evaluate(after)
        assert internal.evaluate(after) in ("none", "normal", "")


def test_no_heading_is_left_alone_at_the_bottom_of_a_sheet(browser, served_site: str) -> None:
    with open_tab(browser) as (page, _):
        _open_with_sample(page, served_site + "print/")
        page.emulate_media(media="print")
        for selector in ["article h1", "article h2", "#sample-heading"]:
            style = page.locator(selector).first.evaluate("h => getComputedStyle(h).breakAfter")
            assert style == "avoid", selector
        chapter = page.locator("section.print-chapter").first
        assert chapter.evaluate("s => getComputedStyle(s).breakBefore") == "page"


@pytest.mark.parametrize(("path", "first_face"), [("about/", '"Noto Sans CJK SC"'), ("en/about/", None)])
def test_chinese_is_printed_in_the_simplified_chinese_face(browser, served_site: str, path: str, first_face) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site + path)
        page.emulate_media(media="print")
        family = page.locator("article").evaluate("a => getComputedStyle(a).fontFamily")
        faces = [face.strip() for face in family.split(",")]
        if first_face:
            assert faces[0] == first_face, family
        # Named before any generic family, and never a Japanese face.
        assert '"Noto Sans CJK SC"' in faces and faces.index('"Noto Sans CJK SC"') < faces.index("sans-serif")
        assert not [face for face in faces if "JP" in face]


@pytest.mark.parametrize("path", ["print/", "en/print/"])
def test_whole_guide_contents_jump_to_each_chapter_on_screen(browser, served_site: str, path: str) -> None:
    # Chapters far from the screen are laid out only when they come near
    # (content-visibility): a jump must still land on the chapter's title.
    with open_tab(browser) as (page, _):
        page.set_viewport_size({"width": 412, "height": 823})
        page.goto(served_site + path)
        anchors = page.eval_on_selector_all(".print-contents a", "links => links.map(a => a.getAttribute('href'))")
        assert len(anchors) > 10
        for anchor in [anchors[-1], anchors[len(anchors) // 2], anchors[1]]:
            page.click(f".print-contents a[href='{anchor}']")
            page.wait_for_timeout(300)
            top = page.eval_on_selector(f"{anchor} h1", "h => h.getBoundingClientRect().top")
            assert 0 <= top < 300, f"{anchor}: its title is {top:.0f} px from the top of the screen"

