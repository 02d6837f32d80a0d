"""The FAQ as a reader uses it: open a question, follow a shared link, search, print."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.reader import open_tab, search
from tests.test_faq import FAQ

pytestmark = pytest.mark.browser


def _answer(language: str, qid: str) -> str:
    """A phrase from the first paragraph of an answer, as the page shows it."""
    text = next(q for q in FAQ.questions if q.id == qid).texts[language].answer
    first = text.strip().split("\n")[0].replace("**", "")
    return first[:12] if language == "zh" else " ".join(first.split()[:6])


@pytest.mark.parametrize("javascript", [False, True])
def test_a_question_opens_and_closes_with_a_tap(browser, served_site: str, javascript: bool) -> None:
    with open_tab(browser, javascript=javascript) as (page, _):
        page.goto(served_site + "faq/")
        item = page.locator("details.faq-item", has=page.locator("#will-i-go-to-prison"))
        answer = item.get_by_text(_answer("zh", "will-i-go-to-prison"))
        assert not answer.is_visible()
        item.locator("summary").click(position={"x": 5, "y": 5})
        answer.wait_for(state="visible")
        item.locator("summary").click(position={"x": 5, "y": 5})
        answer.wait_for(state="hidden")


@pytest.mark.parametrize("javascript", [False, True])
def test_a_shared_link_lands_on_the_question(browser, served_site: str, javascript: bool) -> None:
    with open_tab(browser, javascript=javascript) as (page, _):
        page.goto(served_site + "en/faq/#is-this-court-summons-real")
        heading = page.locator("#is-this-court-summons-real")
        assert heading.evaluate("el => el.matches(':target')")
        top = heading.evaluate("el => el.getBoundingClientRect().top")
        assert 0 <= top < page.viewport_size["height"] / 2, top
        if javascript:  # Material opens the item a link points into
            page.locator("details.faq-item", has=heading).get_by_text(_answer("en", "is-this-court-summons-real")).wait_for(state="visible")


QUERIES = [
    ("", "坐牢", "will-i-go-to-prison"),
    ("", "律师函", "is-this-lawyers-letter-real"),
    ("", "砍头息", "do-i-have-to-pay-upfront-fees"),
    ("en/", "prison", "will-i-go-to-prison"),
    ("en/", "summons", "is-this-court-summons-real"),
    ("en/", "record calls", "can-i-record-their-calls"),
]


@pytest.mark.parametrize(("root", "query", "qid"), QUERIES)
def test_search_finds_a_question_and_leads_to_its_anchor(browser, served_site: str, root: str, query: str, qid: str) -> None:
    with open_tab(browser) as (page, _):
        page.goto(served_site + root + "faq/")
        search(page, query)
        links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
        places = [urlsplit(unquote(link))._replace(query="").geturl() for link in links]
        assert served_site + root + f"faq/#{qid}" in places, places
        target = next(link for link in links if urlsplit(link).path.endswith("/faq/") and urlsplit(link).fragment == qid)
        page.goto(target)
        assert page.locator(f"#{qid}").evaluate("el => el.matches(':target')")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_printed_faq_shows_every_answer_without_javascript(browser, served_site: str, tmp_path: Path, language: str) -> None:
    root = "" if language == "zh" else "en/"
    pdf = tmp_path / f"faq-{language}.pdf"
    with open_tab(browser, javascript=False) as (page, _):
        page.goto(served_site + root + "faq/")
        assert not page.locator("details.faq-item[open]").count(), "items should start closed"
        page.pdf(path=str(pdf))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squashed = "".join(text.split())
    for qid in ("will-i-go-to-prison", "i-feel-desperate", "rebuild-my-credit"):
        assert "".join(_answer(language, qid).split()) in squashed, qid
