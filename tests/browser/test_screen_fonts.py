"""On screen, which installed face draws the guide's text (Debian's fonts, as in CI).

Chinese pages: one Simplified Chinese face draws each paragraph, the digits
and Latin letters in it included, so no line is set in two faces. English
pages: English text in the system's Latin face, and the Chinese on them
(the language link) in the Simplified Chinese face, never a Japanese one.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.browser.reader import open_tab

pytestmark = pytest.mark.browser

SC_FACE = "Noto Sans CJK SC"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def _faces(page: Page, selector: str) -> list[tuple[str, set[str]]]:
    """Each matching element on show: its text, and the installed faces chromium drew it with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
    # Text in a closed <details> is not laid out, so no face draws it.
    shown = page.eval_on_selector_all(selector, "nodes => nodes.map(n => n.checkVisibility() ? n.textContent : null)")
    assert len(shown) == len(nodes), selector
    return [
        (text, {font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]})
        for text, node in zip(shown, nodes, strict=True)
        if text is not None
    ]


@pytest.mark.parametrize("path", ["", "faq/", "check-debt/"])
def test_chinese_paragraphs_are_drawn_in_one_simplified_chinese_face(browser, served_site: str, path: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site + path)
        mixed = [(text, faces) for text, faces in _faces(page, "article p") if CHINESE.search(text) and LATIN_OR_DIGIT.search(text)]
        assert mixed, "no paragraph mixing Chinese with digits or Latin letters to check"
        wrong = [(text[:40], sorted(faces)) for text, faces in mixed if faces != {SC_FACE}]
        assert wrong == []


@pytest.mark.parametrize("path", ["en/", "en/faq/"])
def test_english_text_keeps_a_latin_face_and_chinese_the_simplified_face(browser, served_site: str, path: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site + path)
        english = [(text, faces) for text, faces in _faces(page, "article p") if text.strip() and not CHINESE.search(text)]
        assert english
        assert [(text[:40], sorted(faces)) for text, faces in english if SC_FACE in faces or not faces] == []
        language_link = _faces(page, '.md-select__link[hreflang="zh"]')
        assert [faces for _, faces in language_link] == [{SC_FACE}]
