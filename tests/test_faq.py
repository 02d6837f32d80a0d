"""The FAQ data and the pure core of hooks/faq.py: what an editor and a reader would notice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from engine.errors import GuideError
from engine.channels import load_channels
from engine.faq_data import broken_anchors, load_faq
from engine.faq_render import answer_text, answer_texts, faq_jsonld, plain_text, relative_links, render_faq_markers
from engine.site import explicit_ids
from tests.conftest import ROOT, template_env

CHANNELS = load_channels(ROOT / "data" / "channels.yml", "data/channels.yml", ("zh", "en"))
DOCS = ROOT / "docs"
LANGUAGES = ["zh", "en"]

# The topics content pages may use in <!-- faq: TOPIC --> markers (the contract).
CONTRACT_TOPICS = {
    "platforms": "online-loans.md",
    "collection-rules": "legal-collection.md",
    "crime-and-debt": "rights.md",
    "complaints": "stop-harassment.md",
    "debt-amount": "check-debt.md",
    "repayment": "negotiate.md",
    "legal-threats": "fake-legal-threats.md",
    "credit": "credit-report.md",
    "contacts": "family-contacts.md",
    "wellbeing": "wellbeing.md",
    "borrowing": "borrow-safely.md",
}

# Questions a frightened reader asks first, by the id a shared link uses.
MUST_ANSWER = [
    "will-i-go-to-prison",
    "can-they-call-my-family",
    "is-this-lawyers-letter-real",
    "is-this-court-summons-real",
    "can-they-come-to-my-home",
    "how-often-can-they-call",
    "do-i-have-to-pay-upfront-fees",
    "will-it-ruin-my-credit-forever",
    "should-i-borrow-to-repay",
    "can-i-record-their-calls",
    "where-do-i-complain",
    "they-posted-my-photo",
    "how-to-tell-my-family",
    "i-feel-desperate",
    "what-is-jidai",
    "will-collection-get-better",
]




def _faq():
    return load_faq(ROOT / "data" / "faq.yml", shown="data/faq.yml", languages=LANGUAGES, docs_dir=DOCS, channels=CHANNELS)


FAQ = _faq()


def _load_text(tmp_path: Path, text: str, channels=CHANNELS):
    path = tmp_path / "faq.yml"
    path.write_text(text, encoding="utf-8")
    return load_faq(path, shown="data/faq.yml", languages=LANGUAGES, docs_dir=DOCS, channels=channels)


MINIMAL = """\
topics:
  - id: t
    zh: 主题
    en: Topic
questions:
  - id: first
    topics: [t]
    zh:
      q: 问题？
      a: 回答。
    en:
      q: Question?
      a: Answer.
"""


# -----------------------------------------------------------------------------
# The real data
# -----------------------------------------------------------------------------

def test_the_faq_answers_at_least_25_questions_in_both_languages() -> None:
    assert len(FAQ.questions) >= 25
    for question in FAQ.questions:
        assert set(question.texts) == {"zh", "en"}, question.id


def test_every_contracted_topic_has_questions_and_its_guide_page() -> None:
    assert set(FAQ.topics) == set(CONTRACT_TOPICS)
    for topic, page in CONTRACT_TOPICS.items():
        assert FAQ.in_topic(topic), f"no question for the topic '{topic}'"
        assert FAQ.topics[topic].page == page


def test_the_questions_readers_ask_first_are_answered() -> None:
    ids = {q.id for q in FAQ.questions}
    assert not [qid for qid in MUST_ANSWER if qid not in ids]


def test_chinese_questions_are_chinese_and_english_ones_english() -> None:
    for question in FAQ.questions:
        assert re.search(r"[\u4e00-\u9fff]", question.texts["zh"].question), question.id
        assert not re.search(r"[\u4e00-\u9fff]{4,}", question.texts["en"].question), question.id


def test_both_languages_link_the_same_pages_and_name_the_same_channels() -> None:
    for question in FAQ.questions:
        zh, en = question.texts["zh"].answer, question.texts["en"].answer
        assert re.findall(r"\]\(([^)]+)\)", zh) == re.findall(r"\]\(([^)]+)\)", en), question.id
        assert re.findall(r"<!-- channels?: ([^>]+?) -->", zh) == re.findall(r"<!-- channels?: ([^>]+?) -->", en), question.id


def test_answers_never_name_the_operator_of_jidai() -> None:
    answer = next(q for q in FAQ.questions if q.id == "what-is-jidai")
    assert "网络借贷平台" in answer.texts["zh"].answer and "online lending platform" in answer.texts["en"].answer
    assert not re.search(r"公司|Company|Ltd|operated by|运营", answer.texts["zh"].answer + answer.texts["en"].answer)


def test_the_prison_answer_names_the_two_real_crimes() -> None:
    answer = next(q for q in FAQ.questions if q.id == "will-i-go-to-prison")
    for text in (answer.texts["zh"].answer, answer.texts["en"].answer):
        assert "193" in text and "313" in text


def test_the_fees_answer_sends_readers_to_look_up_the_lpr_and_prints_no_rate() -> None:
    answer = next(q for q in FAQ.questions if q.id == "do-i-have-to-pay-upfront-fees")
    for text in (answer.texts["zh"].answer, answer.texts["en"].answer):
        assert "670" in text and "LPR" in text and "中国人民银行" in text or "People's Bank of China" in text
        assert not re.search(r"\d+(\.\d+)?\s*%", text), "no current rate may be printed"


# -----------------------------------------------------------------------------
# Bad data fails with the file, the line and the id
# -----------------------------------------------------------------------------

def test_a_duplicate_id_names_the_second_line(tmp_path: Path) -> None:
    text = MINIMAL + MINIMAL.split("questions:\n", 1)[1]
    with pytest.raises(GuideError) as error:
        _load_text(tmp_path, text)
    assert error.value.line == 14 and "'first'" in str(error.value) and "data/faq.yml:14" in str(error.value)


def test_a_missing_language_names_the_question_and_line(tmp_path: Path) -> None:
    text = MINIMAL.split("    en:\n      q: Question?")[0]
    with pytest.raises(GuideError) as error:
        _load_text(tmp_path, text)
    assert "'first'" in str(error.value) and "en" in error.value.problem and error.value.line == 6


def test_an_empty_answer_is_a_missing_language(tmp_path: Path) -> None:
    with pytest.raises(GuideError) as error:
        _load_text(tmp_path, MINIMAL.replace("a: Answer.", "a: ''"))
    assert "no en 'a'" in error.value.problem and error.value.line == 13


def test_an_unknown_topic_in_a_question_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(GuideError) as error:
        _load_text(tmp_path, MINIMAL.replace("topics: [t]", "topics: [t, nope]"))
    assert "'nope'" in str(error.value) and error.value.line == 7


def test_a_topic_without_questions_is_an_error(tmp_path: Path) -> None:
    text = MINIMAL.replace("questions:", "  - id: lonely\n    zh: 孤单\n    en: Lonely\nquestions:")
    with pytest.raises(GuideError) as error:
        _load_text(tmp_path, text)
    assert "'lonely'" in str(error.value) and error.value.line == 5


def test_a_link_to_a_missing_page_names_the_answer_line(tmp_path: Path) -> None:
    text = MINIMAL.replace("a: Answer.", "a: |\n        First line.\n        See [this](no-such-page.md#x).")
    with pytest.raises(GuideError) as error:
        _load_text(tmp_path, text)
    assert "no-such-page.md" in str(error.value) and "'first'" in str(error.value) and error.value.line == 15


def test_a_typed_phone_number_must_be_a_channel_marker(tmp_path: Path) -> None:
    with pytest.raises(GuideError) as error:
        _load_text(tmp_path, MINIMAL.replace("a: 回答。", "a: 请打12378投诉。"))
    assert "channel: nfra" in error.value.fix and error.value.line == 10


def test_a_tel_link_and_an_unknown_channel_are_errors(tmp_path: Path) -> None:
    with pytest.raises(GuideError, match="phone link"):
        _load_text(tmp_path, MINIMAL.replace("a: Answer.", "a: '[call](tel:123)'"))
    with pytest.raises(GuideError, match="unknown channel 'hotline'"):
        _load_text(tmp_path, MINIMAL.replace("a: Answer.", "a: 'Call <!-- channel: hotline -->.'"))


def test_a_site_without_channels_may_not_use_channel_markers(tmp_path: Path) -> None:
    assert _load_text(tmp_path, MINIMAL, channels=None).questions
    with pytest.raises(GuideError, match="channel marker"):
        _load_text(tmp_path, MINIMAL.replace("a: Answer.", "a: 'Call <!-- channel: police -->.'"), channels=None)


def test_a_question_id_that_is_no_anchor_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GuideError, match="not a usable anchor"):
        _load_text(tmp_path, MINIMAL.replace("id: first", "id: Will I go?"))


def test_broken_anchors_are_reported_per_question_and_line() -> None:
    rights = {"civil-matter", "criminal-law", "evidence-rules", "personal-information"}
    assert broken_anchors(FAQ, "zh", lambda path: rights if path == "rights.md" else None) == []
    problems = broken_anchors(FAQ, "en", lambda path: rights - {"civil-matter"} if path == "rights.md" else None)
    line = _line_of("rights.md#civil-matter", "will-i-go-to-prison", "en")
    assert problems == [("will-i-go-to-prison", line, "rights.md#civil-matter")]


def _line_of(link: str, qid: str, language: str) -> int:
    lines = (ROOT / "data" / "faq.yml").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {qid}")
    in_language = next(i for i in range(start, len(lines)) if lines[i].strip() == f"{language}:")
    return next(i for i in range(in_language, len(lines)) if link in lines[i]) + 1


# -----------------------------------------------------------------------------
# Markers on a page
# -----------------------------------------------------------------------------

def _render(markdown: str, *, language: str = "zh", page: str = "family-contacts.md", taken=frozenset()):
    return render_faq_markers(
        markdown, faq=FAQ, language=language, page_src_uri=page, env=template_env(language),
        source="docs/family-contacts.md", first_line=5, taken_ids=taken,
    )


def test_a_marker_becomes_collapsible_questions_anchored_by_id() -> None:
    rendered = _render("# 标题\n\n<!-- faq: contacts -->\n")
    ids = [q.id for q in rendered.shown]
    assert ids == [q.id for q in FAQ.in_topic("contacts")]
    for qid in ids:
        assert re.search(rf'<details class="faq-item[^"]*" markdown>\s*<summary><h3 id="{qid}"', rendered.markdown)
    assert "<!-- faq" not in rendered.markdown


def test_a_marker_makes_a_section_that_links_to_the_topic_on_the_faq_page() -> None:
    rendered = render_faq_markers(
        "# 标题\n\n<!-- faq: contacts -->\n", faq=FAQ, language="en", page_src_uri="check/x.en.md", env=template_env("en"),
        source="docs/check/x.en.md", faq_page="faq.md", page_path="check/x.md",
    )
    assert re.search(r"^## Questions people ask \{ #faq-contacts \}$", rendered.markdown, re.M)
    assert "](../faq.md#contacts)" in rendered.markdown
    on_faq_page = render_faq_markers(
        "<!-- faq: contacts -->", faq=FAQ, language="zh", page_src_uri="faq.md", env=template_env("zh"),
        source="docs/faq.md", faq_page="faq.md", page_path="faq.md",
    )
    assert "faq.md#contacts" not in on_faq_page.markdown


def test_an_unknown_topic_in_a_marker_names_the_page_and_line() -> None:
    with pytest.raises(GuideError) as error:
        _render("# 标题\n\n正文\n\n<!-- faq: contact -->\n")
    assert error.value.path == "docs/family-contacts.md" and error.value.line == 9
    assert "'contact'" in error.value.problem and "contacts" in error.value.fix


def test_overlapping_markers_show_each_question_once() -> None:
    rendered = _render("<!-- faq: contacts -->\n\n<!-- faq: wellbeing contacts -->\n")
    ids = [q.id for q in rendered.shown]
    assert len(ids) == len(set(ids))
    assert sum(rendered.markdown.count(f'id="{qid}"') for qid in ids) == len(ids)


def test_a_question_may_not_take_a_headings_anchor() -> None:
    with pytest.raises(GuideError, match="reuse the anchor"):
        _render("<!-- faq: contacts -->", taken={"how-to-tell-my-family"})


def test_a_marker_in_code_is_left_as_an_example() -> None:
    text = "Write `<!-- faq: nope -->` on a page.\n\n```\n<!-- faq: nope -->\n```\n"
    assert _render(text).markdown == text


def test_links_in_answers_follow_the_page_they_land_on() -> None:
    assert relative_links("[a](rights.md#civil-matter) [b](https://x.org/a.md) [c](faq.md)", "check/x.md") == (
        "[a](../rights.md#civil-matter) [b](https://x.org/a.md) [c](../faq.md)"
    )
    rendered = _render("<!-- faq: crime-and-debt -->", page="check/x.md")
    assert "(../rights.md#civil-matter)" in rendered.markdown and "](rights.md" not in rendered.markdown


def test_the_index_lists_every_question_once_under_its_first_topic() -> None:
    rendered = _render("<!-- faq-index -->", language="en")
    assert [q.id for q in rendered.shown] == [q.id for topic in FAQ.topics for q in FAQ.questions if q.topics[0] == topic]
    assert len(rendered.shown) == len(FAQ.questions)
    headings = re.findall(r"^## .+ \{ #([\w-]+) \}$", rendered.markdown, re.M)
    assert headings == list(FAQ.topics)


def test_explicit_ids_are_read_from_headings_and_attributes() -> None:
    assert explicit_ids('## A { #a }\n<div id="b"></div>\n## C {: .x #c }') == {"a", "b", "c"}


# -----------------------------------------------------------------------------
# Structured data
# -----------------------------------------------------------------------------

def test_json_ld_holds_each_questions_plain_text_answer() -> None:
    question = next(q for q in FAQ.questions if "<!-- channel" in q.texts["en"].answer)
    data = faq_jsonld([question], "en", answer_texts(FAQ, "en", CHANNELS))
    assert data["@type"] == "FAQPage" and data["inLanguage"] == "en"
    entry = data["mainEntity"][0]
    assert entry["name"] == question.texts["en"].question
    assert "<" not in entry["acceptedAnswer"]["text"] and "channel:" not in entry["acceptedAnswer"]["text"]


def test_json_ld_cannot_be_broken_out_of() -> None:
    """The template writes it with tojson: nothing in an answer can close the <script>."""
    from jinja2 import Environment

    hostile = 'Type </script><script>alert(1)</script> & "quotes" <!-- or this'
    template = (ROOT / "overrides" / "partials" / "faq-jsonld.html").read_text(encoding="utf-8")
    page = {"meta": {"faq_jsonld": {"@type": "FAQPage", "mainEntity": [{"name": "Q <b>?", "text": hostile}]}}}
    html = Environment().from_string(template).render(page=page)
    text = html.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["mainEntity"][0] == {"name": "Q <b>?", "text": hostile}


def test_answers_become_plain_text() -> None:
    html = "<p>Call <strong>now</strong>.</p><ul><li>one</li><li>two</li></ul><script>x()</script>"
    assert plain_text(html) == "Call now. one two"
    assert answer_text("Call <!-- channel: court-line --> **now**.", "en", CHANNELS) == "Call 12368 " + CHANNELS["court-line"].texts["en"]["name"] + " now."
