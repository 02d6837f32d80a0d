"""Questions and answers shown where readers need them: the FAQ markers.

    <!-- faq: contacts -->          a section "Questions" (anchor faq-contacts)
                                    with that topic's questions as collapsible
                                    items (several topics: space-separated),
                                    linking to the topic on the FAQ page
    <!-- faq-index -->              the FAQ page: one section per topic, each
                                    question once, under its first topic

An item is a <details> whose summary holds a heading: it opens without
JavaScript, its anchor is the question's id in every language (so
`faq/#will-i-go-to-prison` can be shared), and Material's search indexes it
as a section of its own. A page with questions carries schema.org FAQPage
JSON-LD (`faq_jsonld`: the data; overrides/partials/faq-jsonld.html writes
it with Jinja's `tojson`).
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from typing import Any

import markdown as markdown_lib
from jinja2 import Environment
from markupsafe import Markup

from .channels import MARKER as CHANNEL_MARKER, Channel
from .errors import GuideError
from .faq_data import LINK, Faq, Question, is_site_link
from .html_tokens import is_start_tag, tag_name, tokens
from .site import line_at, link_from
from .templates import render_markdown

ITEMS_TEMPLATE = "partials/faq-items.md.html"
INDEX_TEMPLATE = "partials/faq-index.md.html"
SECTION_TEMPLATE = "partials/faq-section.md.html"


MARKER = re.compile(r"<!--\s*faq:\s*(.*?)\s*-->")
INDEX_MARKER = re.compile(r"<!--\s*faq-index\s*-->")
_FENCED = re.compile(r"^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_SKIPPED = frozenset({"script", "style"})
_BLOCKS = frozenset({"p", "br", "li", "ul", "ol", "div", "table", "tr", "td", "th", "blockquote", "pre", "details", "summary",
                     "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd"})


@dataclass(frozen=True)
class Rendered:
    markdown: str
    shown: list[Question]


def render_faq_markers(
    markdown: str,
    *,
    faq: Faq,
    language: str,
    page_src_uri: str,
    env: Environment,
    source: str,
    first_line: int = 1,
    taken_ids: set[str] | frozenset[str] = frozenset(),
    faq_page: str | None = None,
    page_path: str = "",
) -> Rendered:
    """Replace the page's FAQ markers with collapsible questions (Markdown).

    A topic marker becomes a section "Questions" (anchor faq-TOPIC) that links
    to the topic on faq_page; the index marker lists every topic.
    """
    shown: list[Question] = []

    def line_of(match: re.Match[str]) -> int:
        return line_at(markdown, match.start(), first_line)

    def take(questions: list[Question], line: int) -> list[Question]:
        fresh = [q for q in questions if q not in shown]
        clash = [q.id for q in fresh if q.id in taken_ids]
        if clash:
            raise GuideError(source, f"the FAQ question '{clash[0]}' would reuse the anchor of a heading on this page", f"rename the heading id or the question id in {faq.source}", line)
        shown.extend(fresh)
        return fresh

    code = code_spans(markdown)

    def topic_marker(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in code):
            return match.group(0)  # a marker shown as an example, in code
        line = line_of(match)
        names = match.group(1).split()
        unknown = [name for name in names if name not in faq.topics]
        if not names or unknown:
            wrong = f"unknown FAQ topic '{unknown[0]}'" if unknown else "the FAQ marker names no topic"
            raise GuideError(source, wrong, f"use one of: {', '.join(faq.topics)}", line)
        questions = take([q for q in faq.questions if any(t in q.topics for t in names)], line)
        if not questions:
            return ""
        section = "faq-" + "-".join(names)
        if section in taken_ids:
            raise GuideError(source, f"the FAQ section '#{section}' would reuse the anchor of a heading on this page", "rename that heading's id", line)
        more = link_from(page_src_uri, f"{faq_page}#{names[0]}") if faq_page and faq_page != page_path else None
        body = _items(questions, env=env, language=language, page_src_uri=page_src_uri, level=3)
        return "\n" + render_markdown(env, SECTION_TEMPLATE, id=section, more=more, body=body, lang=language) + "\n"

    def index_marker(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in code):
            return match.group(0)
        line = line_of(match)
        sections = []
        for topic in faq.topics.values():
            own = take([q for q in faq.questions if q.topics[0] == topic.id], line)
            also = [q for q in faq.in_topic(topic.id) if q.topics[0] != topic.id]
            sections.append({
                "id": topic.id,
                "name": topic.names[language],
                "page": link_from(page_src_uri, topic.page) if topic.page else None,
                "body": _items(own, env=env, language=language, page_src_uri=page_src_uri, level=3),
                "also": [{"id": q.id, "question": q.texts[language].question} for q in also],
            })
        return "\n" + render_markdown(env, INDEX_TEMPLATE, topics=sections, lang=language) + "\n"

    pattern = re.compile(f"{MARKER.pattern}|{INDEX_MARKER.pattern}")
    result = pattern.sub(lambda m: topic_marker(m) if m.group(1) is not None else index_marker(m), markdown)
    return Rendered(markdown=result, shown=shown)


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) offsets of fenced code blocks and inline code, where markers are only examples."""
    spans = [m.span() for m in _FENCED.finditer(markdown)]
    spans += [m.span() for m in _INLINE_CODE.finditer(markdown)]
    return spans


def relative_links(markdown: str, page_src_uri: str) -> str:
    """Rewrite every site link of an answer relative to the page it lands on."""
    return LINK.sub(lambda m: m.group(1) + (link_from(page_src_uri, m.group(2)) if is_site_link(m.group(2)) else m.group(2)), markdown)


def faq_jsonld(questions: list[Question], language: str, answers: dict[str, str]) -> dict[str, Any]:
    """schema.org FAQPage data for the questions a page shows (the template writes it with `tojson`).

    answers: each question's plain-text answer in this language (answer_texts)."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language,
        "mainEntity": [
            {"@type": "Question", "name": q.texts[language].question, "acceptedAnswer": {"@type": "Answer", "text": answers[q.id]}}
            for q in questions
        ],
    }


def answer_texts(faq: Faq, language: str, channels: dict[str, Channel]) -> dict[str, str]:
    """Every question's plain-text answer in one language, by question id."""
    converter = markdown_lib.Markdown(extensions=["attr_list", "md_in_html"])
    return {q.id: answer_text(q.texts[language].answer, language, channels, converter) for q in faq.questions}


def answer_text(answer: str, language: str, channels: dict[str, Channel], converter: markdown_lib.Markdown | None = None) -> str:
    """An answer's plain text: its Markdown converted, channel markers as number and name."""

    def channel_words(match: re.Match[str]) -> str:
        named = [channels[cid] for cid in match.group(2).split() if cid in channels]
        return " ".join(f"{c.contact} {c.texts[language]['name']}" for c in named)

    converter = converter or markdown_lib.Markdown(extensions=["attr_list", "md_in_html"])
    return plain_text(converter.reset().convert(CHANNEL_MARKER.sub(channel_words, answer)))


def plain_text(html: str) -> str:
    """The words of an HTML fragment, blocks separated by a space, no markup."""
    words: list[str] = []
    skipping = False  # inside script or style: code, not words
    for index, part in enumerate(tokens(html)):
        if index % 2 == 0 or part[0] == "&":
            if not skipping:
                words.append(part if index % 2 == 0 else html_lib.unescape(part))
            continue
        name = tag_name(part)
        if name in _SKIPPED:
            skipping = is_start_tag(part)
        elif name in _BLOCKS:
            words.append(" ")
    return re.sub(r"\s+", " ", "".join(words)).strip()


def _items(questions: list[Question], *, env: Environment, language: str, page_src_uri: str, level: int) -> Markup:
    items = [
        {"id": q.id, "question": q.texts[language].question, "answer": Markup(relative_links(q.texts[language].answer, page_src_uri).strip())}
        for q in questions
    ]
    return Markup(render_markdown(env, ITEMS_TEMPLATE, items=items, level=level, lang=language))
