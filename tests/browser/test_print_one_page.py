"""Print one page, get that page: read back as a reader's PDF viewer (poppler) sees it.

A tree with a view chosen prints that view (the outcome and the answers that
led to it) on at most two A4 sheets; with none chosen, its numbered flow.
Every printed page ends with its address and review date, and holds nothing
of the pages beside it.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from engine.tree_views import all_views, view_id
from tests.browser.reader import open_tab
from tests.conftest import ROOT, guide_trees
from tests.share_site import build_with_site_url

pytestmark = pytest.mark.browser

LANGUAGES = ("zh", "en")
TREES = guide_trees()
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
SITE_URL = "https://example.org/guide/"
# One outcome of each tree, reached after three and four answers.
OUTCOMES = {
    "what-is-happening": "t-what-is-happening--safe--calls--too-many",
    "is-this-paper-real": "t-is-this-paper-real--court--from-collector--no-pay--real",
}


def _prefix(lang: str) -> str:
    return "" if lang == "zh" else "en/"


def _squeeze(text: str) -> str:
    """Without white space: pdftotext breaks lines wherever the sheet does."""
    return re.sub(r"\s+", "", text)


def _print(browser, url: str, *, javascript: bool = True) -> tuple[int, list[str]]:
    """Print the page at url on A4 as the browser's print dialog does: the sheet count and each sheet's text."""
    with open_tab(browser, javascript=javascript) as (page, _):
        page.goto(url)
        pdf = page.pdf(format="A4")
    sheets = len(PdfReader(io.BytesIO(pdf)).pages)
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return sheets, [_squeeze(sheet) for sheet in text.decode("utf-8").split("\f")[:sheets]]


def _view(tree_id: str, fragment: str):
    tree = TREES[tree_id]
    return tree, next(v for v in all_views(tree) if view_id(tree.id, [o for _, o in v.answers]) == fragment)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tree_id", sorted(OUTCOMES))
def test_a_chosen_outcome_prints_alone_with_its_answers_on_two_sheets_at_most(
    browser, served_site: str, tree_id: str, lang: str, javascript: bool
) -> None:
    tree, view = _view(tree_id, OUTCOMES[tree_id])
    sheets, text = _print(browser, f"{served_site}{_prefix(lang)}check/{tree_id}/#{OUTCOMES[tree_id]}", javascript=javascript)
    printed = "".join(text)
    assert sheets <= 2, f"{sheets} A4 sheets for one outcome"
    assert _squeeze(tree.nodes[view.node].text[lang]) in printed
    # The answers that led there, each question with the answer given.
    for question, option in view.answers:
        label = next(o for o in tree.nodes[question].options if o.id == option).label[lang]
        assert _squeeze(tree.nodes[question].text[lang]) + _squeeze(label) in printed, label
    # Not the rest of the tree (intro, overview, numbered flow), nor "start again".
    for key in ("tree_overview", "tree_flow", "tree_restart"):
        assert _squeeze(LABELS[key][lang]) not in printed, key
    assert not tree.intro or _squeeze(tree.intro[lang]) not in printed
    # The paper leads back to this step, not to the tree's first question.
    here = f"/{_prefix(lang)}check/{tree_id}/#{OUTCOMES[tree_id]}"
    assert _squeeze(LABELS["tree_view_address"][lang]) + _squeeze(LABELS["reviewed_separator"][lang]) + here in text[-1], text[-1][-300:]
    assert _squeeze(LABELS["print_page_address"][lang]) not in printed, "the page's own address as well"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_with_no_view_chosen_a_tree_prints_its_numbered_flow(browser, served_site: str, lang: str) -> None:
    tree = TREES["what-is-happening"]
    sheets, text = _print(browser, f"{served_site}{_prefix(lang)}check/{tree.id}/")
    printed = "".join(text)
    assert _squeeze(LABELS["tree_flow"][lang]) in printed
    titles = [_squeeze(node.text[lang]) for node in tree.nodes.values()]
    assert [title for title in titles if title not in printed] == []
    assert sheets > 2


def _review_date(source: Path, lang: str) -> str:
    meta = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])
    iso = meta["reviewed"].isoformat()
    year, month, day = iso.split("-")
    return LABELS["review_date"][lang].format(year=year, month=int(month), day=int(day), iso=iso)


def _neighbours_openings(site: Path, lang: str, name: str) -> list[str]:
    """The first paragraph (15 characters or more) of the pages before and after this one (Material's footer links)."""
    page = BeautifulSoup((site / _prefix(lang) / name / "index.html").read_text(encoding="utf-8"), "html.parser")
    openings = []
    for link in page.select("a.md-footer__link--prev, a.md-footer__link--next"):
        neighbour = (site / _prefix(lang) / name / link["href"] / "index.html").resolve()
        paragraphs = BeautifulSoup(neighbour.read_text(encoding="utf-8"), "html.parser").select("article p")
        openings.append(next(text for p in paragraphs if len(text := _squeeze(p.get_text())) >= 15))
    assert len(openings) == 2
    return openings


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide as the Pages workflow builds it, with SITE_URL: every page has an address."""
    target = tmp_path_factory.mktemp("addressed") / "site"
    build_with_site_url(target, SITE_URL)
    return target


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_printed_page_ends_with_its_address_and_review_date_and_holds_only_itself(
    browser, addressed_site: Path, lang: str
) -> None:
    source = ROOT / "docs" / ("stop-harassment.md" if lang == "zh" else "stop-harassment.en.md")
    address = f"{SITE_URL}{_prefix(lang)}stop-harassment/"
    page = addressed_site / _prefix(lang) / "stop-harassment" / "index.html"
    sheets, text = _print(browser, page.as_uri())
    footer = _squeeze(LABELS["print_page_address"][lang]) + _squeeze(LABELS["reviewed_separator"][lang]) + address
    assert footer in text[-1], text[-1][-300:]
    assert _squeeze(LABELS["reviewed"][lang]) + _squeeze(LABELS["reviewed_separator"][lang]) + _review_date(source, lang) in text[-1]
    printed = "".join(text)
    assert printed.count(address) == 1
    assert [opening for opening in _neighbours_openings(addressed_site, lang, "stop-harassment") if opening in printed] == []


def test_without_a_site_address_the_footer_gives_the_page_path(browser, served_site: str) -> None:
    sheets, text = _print(browser, f"{served_site}en/stop-harassment/", javascript=False)
    footer = _squeeze(LABELS["print_page_address"]["en"]) + _squeeze(LABELS["reviewed_separator"]["en"]) + "/en/stop-harassment/"
    assert footer in text[-1], text[-1][-300:]
    assert _review_date(ROOT / "docs" / "stop-harassment.en.md", "en") in text[-1]
