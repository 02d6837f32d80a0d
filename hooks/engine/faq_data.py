"""Questions and answers from one data file: read it and check it.

The file (`extra.faq_file`, data/faq.yml for the guide) holds `topics` (id,
optional guide `page`, a name per language) and `questions` (id, topics, and
per language `q` and `a`). Answers are Markdown. Links to pages are written
from the docs root (`rights.md#civil-matter`); phone numbers appear only as
channel markers. Every problem names the file, the line and the id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .channels import MARKER as CHANNEL_MARKER, Channel
from .errors import GuideError
from .site import missing_language
from .yaml_data import load_yaml


@dataclass(frozen=True)
class Text:
    question: str
    answer: str
    answer_line: int  # line of the answer's first line in the data file


@dataclass(frozen=True)
class Question:
    id: str
    topics: tuple[str, ...]
    texts: dict[str, Text]  # language -> text
    line: int


@dataclass(frozen=True)
class Topic:
    id: str
    page: str | None
    names: dict[str, str]


@dataclass(frozen=True)
class Faq:
    source: str
    topics: dict[str, Topic]
    questions: list[Question]

    def in_topic(self, topic: str) -> list[Question]:
        return [q for q in self.questions if topic in q.topics]


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINK = re.compile(r"(\]\(\s*<?)([^)\s>]+)")


def load_faq(
    path: Path,
    *,
    shown: str,
    languages: tuple[str, ...] | list[str],
    docs_dir: Path,
    channels: dict[str, Channel] | None,
) -> Faq:
    """Read and check the FAQ file: every problem names the file, the line and the id."""
    data = load_yaml(path, shown, setting="faq_file")
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list) or not isinstance(data.get("questions"), list):
        raise GuideError(shown, "the file needs a 'topics:' list and a 'questions:' list", "see the comment at the top of data/faq.yml", 1)
    topics: dict[str, Topic] = {}
    for entry in data["topics"]:
        topic = _topic_from(entry, shown, languages, docs_dir)
        if topic.id in topics:
            raise GuideError(shown, f"the topic id '{topic.id}' is used twice", "give each topic its own id", entry.line)
        topics[topic.id] = topic
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for entry in data["questions"]:
        question = _question_from(entry, shown, languages, topics, docs_dir, channels)
        if question.id in seen:
            raise GuideError(shown, f"the question id '{question.id}' is used twice (first on line {seen[question.id]})", "give each question its own id", question.line)
        if question.id in topics:
            raise GuideError(shown, f"the question id '{question.id}' is also a topic id", "the FAQ page uses both as anchors: rename the question", question.line)
        seen[question.id] = question.line
        questions.append(question)
    empty = [t.id for t in topics.values() if not any(t.id in q.topics for q in questions)]
    if empty:
        raise GuideError(shown, f"the topic '{empty[0]}' has no questions", "add a question with that topic, or remove the topic", data["topics"][list(topics).index(empty[0])].line)
    return Faq(source=shown, topics=topics, questions=questions)


def links_in(markdown: str) -> list[tuple[int, str]]:
    """(line index within the text, target) of each inline Markdown link or image."""
    return [(markdown.count("\n", 0, m.start()), m.group(2)) for m in LINK.finditer(markdown)]


def is_site_link(target: str) -> bool:
    """A link to a file of the site (as opposed to a web address or an in-page anchor)."""
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target) and not target.startswith(("#", "/"))


def broken_anchors(faq: Faq, language: str, anchors_of: Any) -> list[tuple[str, int, str]]:
    """(question id, line, link) for each answer link whose page lacks the anchor.

    anchors_of(path) gives the anchor ids of a rendered page, or None when the
    page is not part of this build (that is checked when the data is loaded).
    """
    problems: list[tuple[str, int, str]] = []
    for question in faq.questions:
        text = question.texts[language]
        for offset, target in links_in(text.answer):
            if not is_site_link(target) or "#" not in target:
                continue
            path, anchor = target.split("#", 1)
            anchors = anchors_of(path)
            if anchors is not None and anchor not in anchors:
                problems.append((question.id, text.answer_line + offset, target))
    return problems


def _entry_id(entry: Any, shown: str, kind: str) -> str:
    """The id of a topic or question entry: present, and usable as an anchor."""
    if not isinstance(entry, dict) or "id" not in entry:
        raise GuideError(shown, f"a {kind} has no id", "add 'id: a-short-english-slug'", getattr(entry, "line", None))
    value = str(entry["id"])
    if not SLUG.match(value):
        raise GuideError(shown, f"the {kind} id '{value}' is not a usable anchor", "use lower-case letters, digits and hyphens", entry.line_of("id"))
    return value


def _topic_from(entry: Any, shown: str, languages: tuple[str, ...] | list[str], docs_dir: Path) -> Topic:
    line = getattr(entry, "line", None)
    tid = _entry_id(entry, shown, "topic")
    missing = missing_language(entry, languages)
    if missing:
        raise GuideError(shown, f"topic '{tid}' has no {missing[0]} name", f"add '{missing[0]}: its name'", line)
    page = entry.get("page")
    if page is not None and not (docs_dir / str(page)).is_file():
        raise GuideError(shown, f"topic '{tid}' names the page '{page}', which does not exist", "name a file under docs/, e.g. rights.md", entry.line_of("page"))
    return Topic(id=tid, page=str(page) if page else None, names={lang: str(entry[lang]).strip() for lang in languages})


def _question_from(
    entry: Any,
    shown: str,
    languages: tuple[str, ...] | list[str],
    topics: dict[str, Topic],
    docs_dir: Path,
    channels: dict[str, Channel] | None,
) -> Question:
    line = getattr(entry, "line", None)
    qid = _entry_id(entry, shown, "question")
    named = entry.get("topics")
    if not isinstance(named, list) or not named:
        raise GuideError(shown, f"question '{qid}' has no topics", "add 'topics: [a-topic-id]'", entry.line_of("topics"))
    unknown = [str(t) for t in named if str(t) not in topics]
    if unknown:
        raise GuideError(shown, f"question '{qid}' has the unknown topic '{unknown[0]}'", f"use one of: {', '.join(topics)}", entry.line_of("topics"))
    texts: dict[str, Text] = {}
    for language in languages:
        block = entry.get(language)
        if not isinstance(block, dict):
            raise GuideError(shown, f"question '{qid}' has no {language} version", f"add '{language}:' with 'q:' and 'a:'", line)
        missing = [f for f in ("q", "a") if not (isinstance(block.get(f), str) and block[f].strip())]
        if missing:
            raise GuideError(shown, f"question '{qid}' has no {language} '{missing[0]}'", f"add '{missing[0]}:' to its {language}: block", block.line_of(missing[0]))
        answer = str(block["a"])
        answer_line = block.line_of("a") + (1 if "\n" in answer.strip() or answer.endswith("\n") else 0)
        _check_answer(answer, qid=qid, language=language, line=answer_line, shown=shown, docs_dir=docs_dir, channels=channels)
        texts[language] = Text(question=" ".join(str(block["q"]).split()), answer=answer, answer_line=answer_line)
    return Question(id=qid, topics=tuple(str(t) for t in named), texts=texts, line=entry.line_of("id"))


def _check_answer(
    answer: str, *, qid: str, language: str, line: int, shown: str, docs_dir: Path, channels: dict[str, Channel] | None
) -> None:
    where = f"the {language} answer of '{qid}'"
    for offset, target in links_in(answer):
        at = line + offset
        if target.startswith("tel:"):
            raise GuideError(shown, f"{where} has a phone link '{target}'", "write the number as a channel marker: <!-- channel: id -->", at)
        if target.startswith(("#", "/")):
            raise GuideError(shown, f"{where} links to '{target}'", "link from the docs root, with the page: faq.md#an-id or rights.md#civil-matter", at)
        if is_site_link(target) and not (docs_dir / target.split("#", 1)[0]).is_file():
            raise GuideError(shown, f"{where} links to '{target}', which does not exist", "link to a page under docs/, from the docs root: rights.md#civil-matter", at)
    for match in CHANNEL_MARKER.finditer(answer):
        at = line + answer.count("\n", 0, match.start())
        if channels is None:
            raise GuideError(shown, f"{where} has a channel marker, but there is no channel file", "remove the marker", at)
        unknown = [c for c in match.group(2).split() if c not in channels]
        if unknown:
            raise GuideError(shown, f"{where} names the unknown channel '{unknown[0]}'", f"use a channel id: {', '.join(channels)}", at)
    words = CHANNEL_MARKER.sub("", answer)
    for channel in (channels or {}).values():
        if channel.contact not in words:
            continue  # the usual case, found without a regex
        typed = re.search(rf"(?<![0-9A-Za-z.]){re.escape(channel.contact)}(?![0-9A-Za-z])", words)
        if typed:
            at = line + words.count("\n", 0, typed.start())
            raise GuideError(shown, f"{where} types the contact '{channel.contact}'", f"write <!-- channel: {channel.id} --> instead, so the number lives in one place", at)


