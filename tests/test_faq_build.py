"""The FAQ in real strict builds: the guide, a copy fed with bad input, and a site of another topic."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from html import escape

from tests.conftest import ROOT, html_pages
from tests.test_build import _build
from tests.test_faq import FAQ

FIXTURE = ROOT / "tests" / "fixtures" / "faq-site"


class _Page(HTMLParser):
    """What a page offers: its JSON-LD blocks, question headings in summaries, ids."""

    def __init__(self) -> None:
        super().__init__()
        self.json_ld: list[str] = []
        self.questions: list[str] = []  # ids of headings inside <details><summary>
        self.ids: list[str] = []
        self._stack: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "script" and found.get("type") == "application/ld+json":
            self._in_json = True
            self.json_ld.append("")
        if re.fullmatch(r"h[2-6]", tag) and self._stack[-2:] == ["details", "summary"] and found.get("id"):
            self.questions.append(str(found["id"]))
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json = False
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json_ld[-1] += data


def _read(path: Path) -> tuple[str, _Page]:
    html = path.read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed(html)
    return html, parsed


def _faq_page(html: str) -> dict:
    head = html.split("</head>", 1)[0]
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert len(blocks) == 1, "expected exactly one JSON-LD block in the head"
    return json.loads(blocks[0])


# -----------------------------------------------------------------------------
# The guide
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_faq_page_lists_every_question_once_grouped_by_topic(site_dir: Path, language: str) -> None:
    page = site_dir / ("" if language == "zh" else "en") / "faq" / "index.html"
    html, parsed = _read(page)
    assert sorted(parsed.questions) == sorted(q.id for q in FAQ.questions)
    assert len(parsed.ids) == len(set(parsed.ids)), "an anchor is used twice on the FAQ page"
    for topic in FAQ.topics.values():
        assert f'<h2 id="{topic.id}">{topic.names[language]}' in html
    for question in FAQ.questions:
        assert escape(question.texts[language].question, quote=False) in html


def test_the_faq_page_sits_in_the_navigation_after_the_action_pages(site_dir: Path) -> None:
    # Issue 15: the pages a reader acts on (help among them) come first in the menu.
    html = (site_dir / "en" / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'<a href="([^"]+)" class="md-nav__link', html)
    assert "faq/" in nav and nav.index("help/") < nav.index("faq/"), nav


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_faq_page_has_faqpage_json_ld_with_plain_answers(site_dir: Path, language: str) -> None:
    page = site_dir / ("" if language == "zh" else "en") / "faq" / "index.html"
    data = _faq_page(page.read_text(encoding="utf-8"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage" and data["inLanguage"] == language
    names = [entry["name"] for entry in data["mainEntity"]]
    assert sorted(names) == sorted(q.texts[language].question for q in FAQ.questions)
    for entry in data["mainEntity"]:
        answer = entry["acceptedAnswer"]["text"]
        assert entry["@type"] == "Question" and entry["acceptedAnswer"]["@type"] == "Answer"
        assert answer and not re.search(r"<[a-z/!]|\]\(|\*\*|\{:", answer), answer
    prison = next(e for e in data["mainEntity"] if e["name"] == FAQ.questions[0].texts[language].question)
    assert "193" in prison["acceptedAnswer"]["text"]


def test_pages_without_questions_carry_no_faq_json_ld(site_dir: Path) -> None:
    for page in (site_dir / "about" / "index.html", site_dir / "en" / "help" / "index.html"):
        assert "application/ld+json" not in page.read_text(encoding="utf-8")


def test_channel_markers_in_answers_become_numbers_and_links(site_dir: Path) -> None:
    html = (site_dir / "faq" / "index.html").read_text(encoding="utf-8")
    assert "<!-- channel" not in html and "<!-- faq" not in html
    assert 'href="tel:12356"' in html and 'href="../help/#mental-health"' in html


def test_answer_links_resolve_to_the_guide_pages(site_dir: Path) -> None:
    html = (site_dir / "en" / "faq" / "index.html").read_text(encoding="utf-8")
    assert 'href="../rights/#civil-matter"' in html and 'href="#do-i-have-to-pay-upfront-fees"' in html
    assert ".md#" not in html


# -----------------------------------------------------------------------------
# A guide page with a marker (the content helpers place them), and bad input
# -----------------------------------------------------------------------------

def _append(page: Path, text: str) -> int:
    """Append text to a page; return the line number of its first line."""
    body = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    page.write_text(body + text, encoding="utf-8")
    return body.count("\n") + 1


def test_every_marker_the_guide_pages_carry_shows_its_questions(site_dir: Path) -> None:
    marked = 0
    for source in sorted((ROOT / "docs").glob("*.md")):
        topics = [t for found in re.findall(r"<!-- faq: ([\w\- ]+?) -->", source.read_text(encoding="utf-8")) for t in found.split()]
        if not topics or source.stem.startswith("faq"):
            continue
        marked += 1
        language = "en" if source.name.endswith(".en.md") else "zh"
        name = source.name.removesuffix(".md").removesuffix(".en")
        built = site_dir / ("en" if language == "en" else "") / ("" if name == "index" else name) / "index.html"
        html, parsed = _read(built)
        expected = [q.id for q in FAQ.questions if set(q.topics) & set(topics)]
        assert parsed.questions == expected, source.name
        assert [e["name"] for e in _faq_page(html)["mainEntity"]] == [
            q.texts[language].question for q in FAQ.questions if q.id in expected
        ]
        faq_link = ("" if name == "index" else "../") + f"faq/#{topics[0]}"
        assert f'id="faq-{topics[0]}' in html and f'href="{faq_link}"' in html, source.name
    assert marked, "no guide page carries an FAQ marker yet"


def test_a_marker_on_a_guide_page_injects_its_topic(project_copy: Path, tmp_path: Path) -> None:
    for name in ("family-contacts.md", "family-contacts.en.md"):
        page = project_copy / "docs" / name
        page.write_text(re.sub(r"<!-- faq: [^>]*-->", "", page.read_text(encoding="utf-8")), encoding="utf-8")
        _append(page, "<!-- faq: contacts -->\n")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode == 0, output.stderr[-3000:]
    expected = [q.id for q in FAQ.in_topic("contacts")]
    for language in ("", "en"):
        html, parsed = _read(tmp_path / "out" / language / "family-contacts" / "index.html")
        assert parsed.questions == expected
        assert [e["name"] for e in _faq_page(html)["mainEntity"]] == [
            q.texts[language or "zh"].question for q in FAQ.in_topic("contacts")
        ]
        assert 'href="../rights/#personal-information"' in html and 'href="tel:12377"' in html
        assert 'id="faq-contacts"' in html and 'href="../faq/#contacts"' in html


def test_an_unknown_topic_marker_fails_naming_page_and_line(project_copy: Path, tmp_path: Path) -> None:
    line = _append(project_copy / "docs" / "credit-report.en.md", "<!-- faq: credits -->\n")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert f"docs/credit-report.en.md:{line}" in output.stderr and "'credits'" in output.stderr
    assert not (tmp_path / "out").exists(), "a failed build must not write the site"


def test_a_duplicate_question_id_fails_naming_file_line_and_id(project_copy: Path, tmp_path: Path) -> None:
    data = project_copy / "data" / "faq.yml"
    text = data.read_text(encoding="utf-8").replace("- id: i-feel-ashamed", "- id: i-feel-desperate")
    data.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - id: i-feel-desperate", text.splitlines().index("  - id: i-feel-desperate") + 1) + 1
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert f"data/faq.yml:{line}" in output.stderr and "'i-feel-desperate'" in output.stderr


def test_a_missing_translation_fails_naming_the_question(project_copy: Path, tmp_path: Path) -> None:
    data = project_copy / "data" / "faq.yml"
    text = data.read_text(encoding="utf-8")
    text = text.replace("      q: What is Jidai (及贷)?\n", "      question: What is Jidai (及贷)?\n")
    data.write_text(text, encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert re.search(r"data/faq\.yml:\d+: question 'what-is-jidai' has no en 'q'", output.stderr), output.stderr[-2000:]


def test_a_broken_anchor_in_an_answer_fails_naming_file_line_and_id(project_copy: Path, tmp_path: Path) -> None:
    data = project_copy / "data" / "faq.yml"
    lines = data.read_text(encoding="utf-8").splitlines()
    start = lines.index("  - id: what-is-jidai")
    line = next(i for i in range(start, len(lines)) if "online-loans.md#how-platforms-work" in lines[i]) + 1
    lines[line - 1] = lines[line - 1].replace("#how-platforms-work", "#how-platforms-wrok")
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert f"data/faq.yml:{line}" in output.stderr and "'what-is-jidai'" in output.stderr and "how-platforms-wrok" in output.stderr


# -----------------------------------------------------------------------------
# A site of another topic, with its own FAQ file (extra.faq_file)
# -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("faq-fixture") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(FIXTURE / "mkdocs.yml"), "-d", str(target)]
    output = subprocess.run(command, capture_output=True, text=True, env=env)
    assert output.returncode == 0, output.stderr[-3000:]
    return target


def test_the_hook_serves_another_site_with_its_own_file(fixture_site: Path) -> None:
    html, parsed = _read(fixture_site / "care" / "watering" / "index.html")
    assert parsed.questions == ["how-often-to-water", "yellow-leaves"]
    # Links are written from the docs root and land relative to the page.
    assert 'href="./#soil-check"' in html and 'href="../../faq/#enough-sun"' in html
    _, english = _read(fixture_site / "en" / "faq" / "index.html")
    assert english.questions == ["how-often-to-water", "yellow-leaves", "enough-sun"]
    assert "application/ld+json" in html


def test_json_ld_keeps_a_script_tag_in_an_answer_harmless(fixture_site: Path) -> None:
    html = (fixture_site / "en" / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    block = head.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "\\u003c/script\\u003e" in block and "\\u0026" in block
    assert json.loads(block)["mainEntity"][-1]["acceptedAnswer"]["text"].endswith("quote </script> & stay safe.")


def test_every_page_of_the_other_site_builds_both_languages(fixture_site: Path) -> None:
    pages = {p.relative_to(fixture_site).as_posix() for p in html_pages(fixture_site)}
    assert {"index.html", "care/watering/index.html", "faq/index.html"} <= pages
    assert {"en/index.html", "en/care/watering/index.html", "en/faq/index.html"} <= pages


def test_a_fixture_copy_without_its_faq_file_names_the_setting(tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(FIXTURE, copy)
    (copy / "mkdocs.yml").write_text(
        (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8").replace("../../../", str(ROOT) + "/"), encoding="utf-8"
    )
    (copy / "questions" / "garden.yml").unlink()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    output = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(copy / "mkdocs.yml"), "-d", str(tmp_path / "out")],
        capture_output=True, text=True, env=env,
    )
    assert output.returncode != 0 and "questions/garden.yml" in output.stderr and "extra.faq_file" in output.stderr
