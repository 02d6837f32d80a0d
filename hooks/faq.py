"""Questions and answers from one bilingual file, shown where readers need them.

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
JSON-LD: the hook stores it in page.meta["faq_jsonld"] and
overrides/partials/faq-jsonld.html writes it into the head.

Settings: `extra.faq_file` (default data/faq.yml), `extra.faq_page`
(default faq.md). The data file holds `topics` (id,
optional guide `page`, a name per language) and `questions` (id, topics, and
per language `q` and `a`). Answers are Markdown. Links to pages are written
from the docs root (`rights.md#civil-matter`) and rewritten relative to the
page they land on. Phone numbers appear only as channel markers, which
hooks/channels.py renders: this hook runs before it (see mkdocs.yml).
"""

from __future__ import annotations

import functools
import html as html_lib
import json
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import build_cache
from build_errors import GuideError
from channels import CHANNELS_FILE, MARKER as CHANNEL_MARKER, Channel, front_matter_lines, page_language, site_channels
from html_tokens import attribute, is_start_tag, tag_name, tokens
from yaml_source import load_yaml

FAQ_FILE = "data/faq.yml"
ITEMS_TEMPLATE = "partials/faq-items.md.html"
INDEX_TEMPLATE = "partials/faq-index.md.html"
SECTION_TEMPLATE = "partials/faq-section.md.html"
FAQ_PAGE = "faq.md"


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    build_cache.reset()  # static-i18n and `mkdocs serve` rebuild in one process (see build_cache.py)
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not MARKER.search(markdown) and not INDEX_MARKER.search(markdown):
        return None
    faq = _faq(config)
    language = page_language(page)
    rendered = render_faq_markers(
        markdown,
        faq=faq,
        language=language,
        page_dir=posixpath.dirname(page.file.src_uri),
        env=build_cache.theme_env(config),
        source=f"docs/{page.file.src_uri}",
        line_offset=front_matter_lines(page.file.content_string, markdown),
        taken_ids=explicit_ids(page.file.content_string),
        faq_page=_faq_page(config, files),
        page_path=_default_path(page.file.src_uri, _languages(config)),
    )
    if rendered.shown:
        _shown(config)[page.file.src_uri] = rendered.shown
    return rendered.markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    # The answers' plain text for the JSON-LD is read from the page itself:
    # MkDocs has just converted them, so they are not converted a second time.
    shown = _shown(config).get(page.file.src_uri)
    if shown:
        language = page_language(page)
        answers = answer_texts(html, {q.id for q in shown})
        missing = [q.id for q in shown if q.id not in answers]
        if missing:
            raise GuideError(f"docs/{page.file.src_uri}", f"the answer to '{missing[0]}' is not on the rendered page", f"keep its <details> and heading id as {ITEMS_TEMPLATE} writes them")
        page.meta["faq_jsonld"] = faq_jsonld([(q.texts[language].question, answers[q.id]) for q in shown], language)
    return None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Every anchor an answer links to exists on the page in this build's language."""
    if not faq_path(config).is_file():
        return None
    faq = _faq(config)
    language = _build_language(config)

    def anchors_of(target: str) -> set[str] | None:
        file = files.get_file_from_path(target)
        return set(file.page.present_anchor_ids or ()) if file and file.page else None

    problems = broken_anchors(faq, language, anchors_of)
    if problems:
        question, line, link = problems[0]
        raise GuideError(
            faq.source,
            f"the {language} answer of '{question}' links to '{link}', and that anchor does not exist",
            "link to an id the page has (its headings' { #ids })",
            line,
        )
    return None


# -----------------------------------------------------------------------------
# Pure core: the data
# -----------------------------------------------------------------------------

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
    languages: list[str],
    docs_dir: Path,
    channels: dict[str, Channel] | None,
) -> Faq:
    """Read and check the FAQ file: every problem names the file, the line and the id."""
    data = load_yaml(path, shown)
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


# -----------------------------------------------------------------------------
# Pure core: rendering
# -----------------------------------------------------------------------------

MARKER = re.compile(r"<!--\s*faq:\s*(.*?)\s*-->")
INDEX_MARKER = re.compile(r"<!--\s*faq-index\s*-->")
_FENCED = re.compile(r"^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_EXPLICIT_ID = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}|\bid=[\"']([\w-]+)[\"']")
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
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
    page_dir: str,
    env: Environment,
    source: str,
    line_offset: int = 0,
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
        return markdown.count("\n", 0, match.start()) + 1 + line_offset

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
        more = relative_link(f"{faq_page}#{names[0]}", page_dir) if faq_page and faq_page != page_path else None
        body = _items(questions, env=env, language=language, page_dir=page_dir, level=3)
        return "\n" + env.get_template(SECTION_TEMPLATE).render(id=section, more=more, body=body, lang=language).strip() + "\n"

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
                "page": relative_link(topic.page, page_dir) if topic.page else None,
                "body": _items(own, env=env, language=language, page_dir=page_dir, level=3),
                "also": [{"id": q.id, "question": q.texts[language].question} for q in also],
            })
        return "\n" + env.get_template(INDEX_TEMPLATE).render(topics=sections, lang=language).strip() + "\n"

    pattern = re.compile(f"{MARKER.pattern}|{INDEX_MARKER.pattern}")
    result = pattern.sub(lambda m: topic_marker(m) if m.group(1) is not None else index_marker(m), markdown)
    return Rendered(markdown=result, shown=shown)


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) offsets of fenced code blocks and inline code, where markers are only examples."""
    spans = [m.span() for m in _FENCED.finditer(markdown)]
    spans += [m.span() for m in _INLINE_CODE.finditer(markdown)]
    return spans


@functools.lru_cache(maxsize=4096)  # pure: pages link to the same few targets (relpath asks the OS for the cwd)
def relative_link(target: str, page_dir: str) -> str:
    """A docs-root link ('rights.md#x') as seen from a page in page_dir."""
    path, hash_, anchor = target.partition("#")
    return posixpath.relpath(path, page_dir or ".") + hash_ + anchor


def relative_links(markdown: str, page_dir: str) -> str:
    """Rewrite every site link of an answer relative to the page it lands on."""
    return LINK.sub(lambda m: m.group(1) + (relative_link(m.group(2), page_dir) if is_site_link(m.group(2)) else m.group(2)), markdown)


def explicit_ids(source: str) -> set[str]:
    """Ids a page's source gives its headings and elements ({ #id } and id="...")."""
    return {a or b for a, b in _EXPLICIT_ID.findall(source)}


def faq_jsonld(items: list[tuple[str, str]], language: str) -> str:
    """schema.org FAQPage JSON for (question, plain-text answer) pairs, safe inside <script>."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language,
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in items
        ],
    }
    return script_safe_json(data)


def script_safe_json(data: Any) -> str:
    """JSON that cannot close or confuse the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def answer_texts(html: str, ids: Collection[str]) -> dict[str, str]:
    """The plain text of each FAQ answer on a rendered page, by question id.

    An answer is what a <details> holds after its <summary>, when a heading
    in that summary has one of the ids (the items template's shape).
    """
    first, last = html.find("<details"), html.rfind("</details>")
    if first == -1 or last == -1:
        return {}
    parts = tokens(html[first : last + len("</details>")])  # the rest of the page holds no item
    answers: dict[str, str] = {}
    open_details: list[list[Any]] = []  # per open <details>: [question id or None, where its answer starts]
    in_summary = False
    for index in range(1, len(parts), 2):
        token = parts[index]
        if token[0] != "<" or token[2 if token[1] == "/" else 1] not in "dDsShH":
            continue  # a cheap test first: only details, summary and headings matter here
        name = tag_name(token)
        if name == "details":
            if is_start_tag(token):
                open_details.append([None, None])
            elif open_details:
                question, start = open_details.pop()
                if question is not None and start is not None:
                    answers[question] = _words(parts[start:index])
        elif name == "summary":
            in_summary = is_start_tag(token)
            if not in_summary and open_details and open_details[-1][0] is not None:
                open_details[-1][1] = index + 1
        elif in_summary and open_details and name in _HEADINGS and is_start_tag(token):
            question = attribute(token, "id")
            if question in ids:
                open_details[-1][0] = question
    return answers


def plain_text(html: str) -> str:
    """The words of an HTML fragment, blocks separated by a space, no markup."""
    return _words(tokens(html))


def _words(parts: list[str]) -> str:
    """plain_text of HTML already cut by html_tokens.tokens (text, token, ..., text)."""
    words: list[str] = []
    skipping = False  # inside script or style: code, not words
    for index, part in enumerate(parts):
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


# -----------------------------------------------------------------------------
# Private helpers
# -----------------------------------------------------------------------------

def faq_path(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / config.extra.get("faq_file", FAQ_FILE)


def _faq(config: MkDocsConfig) -> Faq:
    path = faq_path(config)
    shown = str(config.extra.get("faq_file", FAQ_FILE))
    if not path.is_file():
        raise GuideError(shown, "the FAQ file does not exist, but a page has an FAQ marker", "create it, or set extra.faq_file in mkdocs.yml")
    languages, docs_dir = _languages(config), Path(config.docs_dir)
    key = ("faq", str(path), str(docs_dir), tuple(languages))
    # Loaded once for every build that reads the same inputs: the zh and en
    # builds, and `mkdocs serve` rebuilds that changed none of them.
    channels_file = Path(config.config_file_path).parent / CHANNELS_FILE
    return build_cache.once(key, lambda: build_cache.by_content(
        key,
        _input_text(path, channels_file, docs_dir),
        lambda: load_faq(path, shown=shown, languages=languages, docs_dir=docs_dir, channels=_channels(config)),
    ))


def _input_text(faq_file: Path, channels_file: Path, docs_dir: Path) -> str:
    """What load_faq reads: the FAQ and channel files in full, and which guide
    files exist (answers and topics may name any of them)."""
    texts = [path.read_text(encoding="utf-8") if path.is_file() else "" for path in (faq_file, channels_file)]
    return "\0".join([*texts, *sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file())])


def _faq_page(config: MkDocsConfig, files: Files) -> str | None:
    """The FAQ page (extra.faq_page, default faq.md), if the site has one."""
    name = str(config.extra.get("faq_page", FAQ_PAGE))
    return name if files.get_file_from_path(name) else None


def _default_path(src_uri: str, languages: list[str]) -> str:
    """'faq.en.md' -> 'faq.md': the name links use in every language."""
    for language in languages:
        if src_uri.endswith(f".{language}.md"):
            return src_uri[: -len(f".{language}.md")] + ".md"
    return src_uri


def _channels(config: MkDocsConfig) -> dict[str, Channel] | None:
    path = Path(config.config_file_path).parent / CHANNELS_FILE
    return site_channels(config) if path.is_file() else None


def _shown(config: MkDocsConfig) -> dict[str, list[Question]]:
    """Page source path -> the questions shown on it, in this build."""
    return build_cache.once(("faq-shown", _build_language(config)), dict)


def _languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        return [language.locale for language in i18n.config.languages]
    return [str(config.theme.get("language") or "en")]


def _build_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "current_language", None):
        return str(i18n.current_language)
    return _languages(config)[0]


def _items(questions: list[Question], *, env: Environment, language: str, page_dir: str, level: int) -> str:
    items = [
        {"id": q.id, "question": q.texts[language].question, "answer": relative_links(q.texts[language].answer, page_dir).strip()}
        for q in questions
    ]
    return env.get_template(ITEMS_TEMPLATE).render(items=items, level=level, lang=language).strip()


def _entry_id(entry: Any, shown: str, kind: str) -> str:
    """The id of a topic or question entry: present, and usable as an anchor."""
    if not isinstance(entry, dict) or "id" not in entry:
        raise GuideError(shown, f"a {kind} has no id", "add 'id: a-short-english-slug'", getattr(entry, "line", None))
    value = str(entry["id"])
    if not SLUG.match(value):
        raise GuideError(shown, f"the {kind} id '{value}' is not a usable anchor", "use lower-case letters, digits and hyphens", entry.line_of("id"))
    return value


def _topic_from(entry: Any, shown: str, languages: list[str], docs_dir: Path) -> Topic:
    line = getattr(entry, "line", None)
    tid = _entry_id(entry, shown, "topic")
    missing = [lang for lang in languages if not (isinstance(entry.get(lang), str) and entry[lang].strip())]
    if missing:
        raise GuideError(shown, f"topic '{tid}' has no {missing[0]} name", f"add '{missing[0]}: its name'", line)
    page = entry.get("page")
    if page is not None and not (docs_dir / str(page)).is_file():
        raise GuideError(shown, f"topic '{tid}' names the page '{page}', which does not exist", "name a file under docs/, e.g. rights.md", entry.line_of("page"))
    return Topic(id=tid, page=str(page) if page else None, names={lang: str(entry[lang]).strip() for lang in languages})


def _question_from(
    entry: Any,
    shown: str,
    languages: list[str],
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
            raise GuideError(shown, f"{where} has a channel marker, but there is no {CHANNELS_FILE}", "remove the marker", at)
        unknown = [c for c in match.group(2).split() if c not in channels]
        if unknown:
            raise GuideError(shown, f"{where} names the unknown channel '{unknown[0]}'", f"use an id from {CHANNELS_FILE}: {', '.join(channels)}", at)
    words = CHANNEL_MARKER.sub("", answer)
    for channel in (channels or {}).values():
        if channel.contact not in words:
            continue  # the usual case, found without a regex
        typed = re.search(rf"(?<![0-9A-Za-z.]){re.escape(channel.contact)}(?![0-9A-Za-z])", words)
        if typed:
            at = line + words.count("\n", 0, typed.start())
            raise GuideError(shown, f"{where} types the contact '{channel.contact}'", f"write <!-- channel: {channel.id} --> instead, so the number lives in one place", at)


