"""The glossary in real builds: the guide, a site of another topic, and bad input."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from build_site import build_into
from engine.glossary_data import load_glossary, sorted_terms
from tests.conftest import ROOT, html_pages
from tests.test_build import _build

GLOSSARY = load_glossary(ROOT / "data" / "glossary.yml", "data/glossary.yml", ["zh", "en"])
FIXTURE = ROOT / "tests" / "fixtures" / "glossary-site"
# A linked term: its button, then its definition box holding the link to the entry.
LINK = re.compile(
    r'<button type="button" class="glossary-term" data-glossary-term="(?P<id>[^"]+)" popovertarget="(?P<target>[^"]+)">(?P<text>[^<]*)</button>'
    r'<span class="glossary-pop" id="(?P<box>[^"]+)" popover data-search-exclude="">'
    r'(?P<definition>[^<]*) <a class="glossary-pop__more" href="(?P<href>[^"]*)">'
)


def _links(html: str) -> list[tuple[str, str, str, str]]:
    """(href, term id, definition, text) of each linked term; each button opens its own box."""
    found = list(LINK.finditer(html))
    assert all(m["target"] == m["box"] for m in found), [m.group(0) for m in found if m["target"] != m["box"]]
    assert html.count('class="glossary-term"') == len(found), "a linked term in another markup"
    return [(m["href"], m["id"], m["definition"], m["text"]) for m in found]


def _article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def _entry_ids(page: Path) -> list[str]:
    return re.findall(r'<dt id="([^"]+)"', page.read_text(encoding="utf-8"))


# -----------------------------------------------------------------------------
# The guide
# -----------------------------------------------------------------------------

def test_the_glossary_page_lists_every_term_in_reading_order(site_dir: Path) -> None:
    zh, en = site_dir / "glossary" / "index.html", site_dir / "en" / "glossary" / "index.html"
    assert _entry_ids(zh) == [t.id for t in sorted_terms(GLOSSARY, "zh")]
    assert _entry_ids(en) == [t.id for t in sorted_terms(GLOSSARY, "en")]
    assert set(_entry_ids(zh)) == set(_entry_ids(en)) == {t.id for t in GLOSSARY}
    text = zh.read_text(encoding="utf-8")
    assert "砍头息" in text and "《民法典》第670条" in text and "<!-- glossary" not in text


def test_glossary_entries_point_to_the_guide_page_that_explains_them(site_dir: Path) -> None:
    html = (site_dir / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    entry = html[html.index('<dt id="upfront-deduction"') :]
    entry = entry[: entry.index("</dd>")]
    assert 'href="../check-debt/#upfront-deductions"' in entry


def test_pages_link_their_terms_to_existing_glossary_entries(site_dir: Path) -> None:
    ids = set(_entry_ids(site_dir / "glossary" / "index.html"))
    linked_pages = 0
    for page in html_pages(site_dir):
        relative = page.relative_to(site_dir).as_posix()
        html = page.read_text(encoding="utf-8")
        if 'class="print-chapter"' in html:
            # The whole guide on one page: each chapter links its own terms, to the glossary's chapter.
            for chapter in html.split('class="print-chapter"')[1:]:
                links = _links(chapter)
                assert len({term_id for _, term_id, _, _ in links}) == len(links), f"{relative}: a term linked twice in one chapter"
                assert all(href == f"#glossary--{term_id}" and term_id in ids for href, term_id, _, _ in links), relative
            continue
        links = _links(html)
        if "glossary/" in relative:
            assert not links, f"{relative} links to itself"
            continue
        linked_pages += bool(links)
        assert len({term_id for _, term_id, _, _ in links}) == len(links), f"{relative}: a term linked twice"
        language_root = "en/glossary/index.html" if relative.startswith("en/") else "glossary/index.html"
        for href, term_id, title, _ in links:
            target, _, anchor = href.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(relative), target, "index.html"))
            assert resolved == language_root and anchor == term_id and anchor in ids, (relative, href)
            assert title, f"{relative}: {term_id} has no definition to show"
    assert linked_pages >= 2  # the help page's channel cards name 国家金融监督管理总局 in both languages


def test_links_stay_inside_the_page_content(site_dir: Path) -> None:
    for page in html_pages(site_dir):
        html = page.read_text(encoding="utf-8")
        outside = html.replace(_article(page), "")
        assert "glossary-term" not in outside, page


def test_a_linking_page_ends_with_a_print_list_of_its_terms(site_dir: Path) -> None:
    article = _article(site_dir / "help" / "index.html")
    linked = [term_id for _, term_id, _, _ in _links(article)]
    printed = article[article.index('<aside class="glossary-print" data-search-exclude data-book-omit>') :]
    by_id = {t.id: t for t in GLOSSARY}
    positions = [printed.index(f"<dt>{by_id[term_id].texts['zh'].term}</dt>") for term_id in linked]
    assert linked and positions == sorted(positions)


def test_print_lists_stay_out_of_search(site_dir: Path) -> None:
    definition = next(t for t in GLOSSARY if t.id == "nfra").texts["zh"].definition
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = {doc["location"].split("#")[0] for doc in index["docs"] if definition[:12] in doc["text"].replace("\u200b", "")}
    assert found == {"glossary/"}


def test_definition_boxes_stay_out_of_search(site_dir: Path) -> None:
    """A result's excerpt reads as the page does: no "See it in the glossary" after each linked term."""
    labels = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))["glossary_more"]
    for language, root in (("zh", site_dir), ("en", site_dir / "en")):
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        leaked = [doc["location"] for doc in index["docs"] if labels[language] in doc["text"].replace("\u200b", "")]
        assert leaked == [], f"{language}: {len(leaked)} entries, e.g. {leaked[:3]}"


def test_search_finds_each_term_at_its_own_entry_not_the_whole_list(site_dir: Path) -> None:
    """engine/search_glossary.py: a reader searching a term lands on its entry, with its definition as the excerpt."""
    for language, root in (("zh", site_dir), ("en", site_dir / "en")):
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        docs = {doc["location"]: doc for doc in index["docs"]}
        entries = [location.split("#")[1] for location in docs if location.startswith("glossary/#")]
        assert entries == [t.id for t in sorted_terms(GLOSSARY, language)], language
        for term in GLOSSARY:
            entry, text = docs[f"glossary/#{term.id}"], term.texts[language]
            assert text.term in entry["title"].replace("\u200b", ""), (language, term.id)
            assert text.definition[:12] in html.unescape(entry["text"].replace("\u200b", "")), (language, term.id)
        intro = docs["glossary/"]["text"].replace("\u200b", "")
        assert [t.id for t in GLOSSARY if t.texts[language].definition[:12] in intro] == [], "the page's own entry holds the list again"


def test_terms_in_content_injected_by_another_hook_are_linked(project_copy: Path, tmp_path: Path) -> None:
    # Stands in for the FAQ hook, which adds answers in on_page_markdown.
    (project_copy / "hooks" / "inject_answer.py").write_text(
        "def on_page_markdown(markdown, *, page, config, files):\n"
        "    if page.file.src_uri == 'about.md':\n"
        "        return markdown + '\\n\\n答：砍头息要从本金里扣除。\\n'\n",
        encoding="utf-8",
    )
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/inject_answer.py\n", 1), encoding="utf-8")
    assert build_into(tmp_path / "site", root=project_copy) == 0
    about = _article(tmp_path / "site" / "about" / "index.html")
    assert {"upfront-deduction", "principal"} <= {term_id for _, term_id, _, _ in _links(about)}


# -----------------------------------------------------------------------------
# A site of another topic, English first, with its own terms and page name
# -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tea_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("tea") / "site"
    assert build_into(target, root=FIXTURE) == 0, "the fixture site failed to build: see the output above"
    return target


def test_another_site_links_its_own_terms(tea_site: Path) -> None:
    links = _links(_article(tea_site / "index.html"))
    assert [(href, text) for href, _, _, text in links] == [
        ("words/#tea", "Tea"), ("words/#oolong", "Oolong tea"), ("words/#black-tea", "black tea"), ("words/#gaiwan", "gaiwan"),
    ]
    assert _entry_ids(tea_site / "words" / "index.html") == ["black-tea", "gaiwan", "oolong", "tea"]
    assert _entry_ids(tea_site / "zh" / "words" / "index.html") == ["tea", "gaiwan", "black-tea", "oolong"]  # chá gài hóng wū


def test_another_site_keeps_its_chinese_false_hits_unlinked(tea_site: Path) -> None:
    article = _article(tea_site / "zh" / "index.html")
    assert "<p>红茶菌不是" in article  # neither 红茶 nor 茶 inside 红茶菌
    assert "茶几上" in article and "<code>乌龙</code>" in article


def test_markup_in_definitions_is_shown_as_text(tea_site: Path) -> None:
    for page in html_pages(tea_site):
        html = page.read_text(encoding="utf-8")
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), page
        assert "<script>alert" not in html, page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in (tea_site / "words" / "index.html").read_text(encoding="utf-8")


# -----------------------------------------------------------------------------
# Bad input fails the build with the file, the line and the id
# -----------------------------------------------------------------------------

EXTORTION_EN = (
    "    en:\n      term: extortion\n      definition: Forcing someone to hand over money or property"
    " by threats or blackmail. It is a crime (Criminal Law, Article 274).\n"
)


@pytest.mark.parametrize(
    ("old", "new", "line_offset", "named"),
    [
        # a duplicate id: the second one's line
        ("  - id: usury\n", "  - id: overdue\n", 0, ["'overdue'", "used twice"]),
        # a word claimed by two terms: the line of the second claimant's zh block
        ("      variants: [高利放贷]\n", "      variants: [高利放贷, 砍头息]\n", -2, ["'usury'", "'upfront-deduction'", "砍头息"]),
        # a missing language: the term's line
        (EXTORTION_EN, "", -4, ["'extortion'", "'en'"]),
        # a see: page that does not exist, or a section that does not
        ("    see: negotiate#what-to-say\n", "    see: negotiation#what-to-say\n", 0, ["'debt-restructuring'", "negotiation"]),
        ("    see: negotiate#what-to-say\n", "    see: negotiate#what-to-sing\n", 0, ["'debt-restructuring'", "#what-to-sing"]),
    ],
    ids=["duplicate-id", "word-claimed-twice", "missing-language", "missing-see-page", "missing-see-section"],
)
def test_bad_glossary_data_fails_the_build_naming_file_line_and_id(
    project_copy: Path, tmp_path: Path, old: str, new: str, line_offset: int, named: list[str]
) -> None:
    data = project_copy / "data" / "glossary.yml"
    text = data.read_text(encoding="utf-8")
    assert old in text
    data.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1 + line_offset
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert re.search(rf"data/glossary.yml:{line}\b", output.stderr), output.stderr[-800:]
    for word in named:
        assert word in output.stderr, (word, output.stderr[-800:])
    assert not (tmp_path / "out").exists(), "a failed build must not write the site"


def test_a_glossary_marker_on_another_page_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "docs" / "about.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- glossary -->\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0 and f"docs/about.en.md:{line}" in output.stderr and "wrong page" in output.stderr
