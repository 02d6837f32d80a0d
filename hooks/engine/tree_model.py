"""Decision trees as data: read a tree file and check it before anything renders.

Nothing here knows what
a tree is about; it knows questions, options and outcomes.

A tree file (data/trees/<tree-id>.yml) is a mapping:

    start: first-node-id
    intro: {zh: ..., en: ...}            # optional, shown above the first question
    nodes:
      first-node-id:                     # a question: one question, its options
        question: {zh: ..., en: ...}
        hint: {zh: ..., en: ...}         # optional
        options:
          - id: yes                      # answer id: becomes part of the view's URL
            label: {zh: ..., en: ...}
            next: another-node-id
      another-node-id:                   # an outcome: what to do now
        outcome: {zh: title, en: title}
        urgent: [channel-id]             # optional: shown first, above everything
        summary: {zh: ..., en: ...}      # optional
        steps: [{zh: ..., en: ...}]      # numbered "what to do now"
        evidence: [{zh: ..., en: ...}]   # optional
        channels: [channel-id]           # optional: cards from data/channels.yml
        links: [page#section-id, page]   # optional: guide pages (docs/<page>.md)

Reader-facing text may name a channel inline as {channel:court-line}; the
number is rendered from the channel data, never typed into the tree.

The checks, each failing with the file, the node's line and id and the fix:
a node or option target that does not exist; a node not reachable from the
start; a cycle; a path that ends anywhere but at an outcome; more than
MAX_QUESTIONS questions before an outcome; a text missing a language; a
channel id, link or page section that does not resolve; a number typed
where a channel reference belongs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GuideError
from .site import missing_language
from .yaml_data import load_yaml

MAX_QUESTIONS = 4
# Lower-case words joined by single hyphens: answer ids join into view ids
# with "--", so they may not contain "--" themselves.
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CHANNEL_REF = re.compile(r"\{channel:\s*([^}\s]*)\s*\}")

QUESTION_KEYS = {"question", "hint", "options"}
OUTCOME_KEYS = {"outcome", "urgent", "summary", "steps", "evidence", "channels", "links"}
OPTION_KEYS = {"id", "label", "next"}
TREE_KEYS = {"start", "intro", "nodes"}

Text = Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class Link:
    page: str  # docs path without ".md", e.g. "stop-harassment" or "check/x"
    anchor: str | None
    line: int


@dataclass(frozen=True)
class Option:
    id: str
    label: Text
    next: str
    line: int


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # "question" or "outcome"
    line: int
    text: Text  # the question, or the outcome's title
    hint: Text | None = None
    options: tuple[Option, ...] = ()
    urgent: tuple[str, ...] = ()
    summary: Text | None = None
    steps: tuple[Text, ...] = ()
    evidence: tuple[Text, ...] = ()
    channels: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    key_lines: Mapping[str, int] = field(default_factory=dict)

    @property
    def is_question(self) -> bool:
        return self.kind == "question"

    def texts(self) -> list[tuple[str, Text]]:
        """(what it is, text) for every reader-facing text of the node."""
        found: list[tuple[str, Text]] = [("the question" if self.is_question else "the title", self.text)]
        if self.hint:
            found.append(("the hint", self.hint))
        found += [(f"the label of option '{o.id}'", o.label) for o in self.options]
        if self.summary:
            found.append(("the summary", self.summary))
        found += [(f"step {n}", t) for n, t in enumerate(self.steps, start=1)]
        found += [(f"evidence item {n}", t) for n, t in enumerate(self.evidence, start=1)]
        return found


@dataclass(frozen=True)
class Tree:
    id: str
    source: str  # how errors name the file, e.g. data/trees/x.yml
    start: str
    nodes: dict[str, Node]
    intro: Text | None = None
    start_line: int = 1

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]


# -----------------------------------------------------------------------------
# Reading a tree file
# -----------------------------------------------------------------------------

def load_tree(path: Path, *, source: str, languages: tuple[str, ...]) -> Tree:
    """Read and parse one tree file (the graph is not checked yet)."""
    return parse_tree(load_yaml(path, source), tree_id=path.stem, source=source, languages=languages)


def parse_tree(data: Any, *, tree_id: str, source: str, languages: tuple[str, ...]) -> Tree:
    """Turn parsed YAML into a Tree; every text must exist in every language."""
    if not isinstance(data, dict):
        raise GuideError(source, "a tree file must be a mapping", "start it with 'start:' and 'nodes:'", 1)
    _no_unknown_keys(data, TREE_KEYS, source, "the tree")
    for key in ("start", "nodes"):
        if key not in data:
            raise GuideError(source, f"the tree has no '{key}'", f"add '{key}:' at the top level", 1)
    if not isinstance(data["nodes"], dict) or not data["nodes"]:
        raise GuideError(source, "'nodes' must be a mapping of node ids to nodes", "write 'nodes:' then one indented 'node-id:' per node", data.line_of("nodes"))
    nodes: dict[str, Node] = {}
    for node_id, entry in data["nodes"].items():
        if not isinstance(node_id, str):
            raise GuideError(source, f"the node id {node_id!r} is not text", f"quote it: \"{str(node_id).lower()}\":", data["nodes"].line_of(str(node_id)))
        nodes[str(node_id)] = _node(str(node_id), entry, data["nodes"].line_of(node_id), source, languages)
    intro = _text(data["intro"], languages, source, "the tree's intro", data.line_of("intro")) if "intro" in data else None
    return Tree(id=tree_id, source=source, start=str(data["start"]), nodes=nodes, intro=intro, start_line=data.line_of("start"))


def _node(node_id: str, entry: Any, line: int, source: str, languages: tuple[str, ...]) -> Node:
    where = f"node '{node_id}'"
    if not ID.match(node_id):
        raise GuideError(source, f"{where}: the id is not lower-case words joined by hyphens", "rename it, e.g. 'calls-at-night'", line)
    if not isinstance(entry, dict):
        raise GuideError(source, f"{where} is not a mapping", "give it 'question:' and 'options:', or 'outcome:' and 'steps:'", line)
    kinds = [k for k in ("question", "outcome") if k in entry]
    if len(kinds) != 1:
        raise GuideError(source, f"{where} must be either a question or an outcome", "give it exactly one of 'question:' or 'outcome:'", line)
    kind = kinds[0]
    _no_unknown_keys(entry, QUESTION_KEYS if kind == "question" else OUTCOME_KEYS, source, where)
    text = _text(entry[kind], languages, source, f"{where}: the {'question' if kind == 'question' else 'title'}", entry.line_of(kind))
    lines = dict(entry.key_lines)

    def optional_text(key: str) -> Text | None:
        return _text(entry[key], languages, source, f"{where}: the {key}", entry.line_of(key)) if key in entry else None

    def text_list(key: str, required: bool) -> tuple[Text, ...]:
        items = entry.get(key, [])
        if not isinstance(items, list) or (required and not items):
            raise GuideError(source, f"{where}: '{key}' must be a{' non-empty' if required else ''} list", f"write each item on its own '- ' line under '{key}:'", entry.line_of(key))
        return tuple(_text(item, languages, source, f"{where}: {key} item {n}", getattr(item, "line", entry.line_of(key))) for n, item in enumerate(items, start=1))

    def id_list(key: str) -> tuple[str, ...]:
        items = entry.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise GuideError(source, f"{where}: '{key}' must be a list of ids", f"write it as {key}: [id-one, id-two]", entry.line_of(key))
        return tuple(items)

    if kind == "question":
        options = entry.get("options")
        if not isinstance(options, list):
            raise GuideError(source, f"{where} has no list of options", "add 'options:' with one '- id: ... label: ... next: ...' per answer", entry.line_of("options") if "options" in entry else line)
        parsed = tuple(_option(o, where, source, languages, line) for o in options)
        seen: set[str] = set()
        for option in parsed:
            if option.id in seen:
                raise GuideError(source, f"{where}: two options have the id '{option.id}'", "give each option of a question its own id", option.line)
            seen.add(option.id)
        return Node(id=node_id, kind=kind, line=line, text=text, hint=optional_text("hint"), options=parsed, key_lines=lines)
    return Node(
        id=node_id, kind=kind, line=line, text=text,
        urgent=id_list("urgent"), summary=optional_text("summary"),
        steps=text_list("steps", required=True), evidence=text_list("evidence", required=False),
        channels=id_list("channels"), links=_links(entry, where, source), key_lines=lines,
    )


def _option(entry: Any, where: str, source: str, languages: tuple[str, ...], node_line: int) -> Option:
    line = getattr(entry, "line", node_line)
    if not isinstance(entry, dict):
        raise GuideError(source, f"{where}: an option is not a mapping", "write it as '- id: ...', 'label: ...', 'next: ...'", line)
    _no_unknown_keys(entry, OPTION_KEYS, source, f"{where}: an option")
    for key in ("id", "label", "next"):
        if key not in entry:
            raise GuideError(source, f"{where}: an option has no '{key}'", f"add '{key}:' to it", line)
    for key in ("id", "next"):
        if not isinstance(entry[key], str):
            raise GuideError(source, f"{where}: an option's '{key}' is {entry[key]!r}, not an id", f"quote it: {key}: \"{str(entry[key]).lower()}\" (YAML reads yes/no as true/false)", entry.line_of(key))
    option_id = entry["id"]
    if not ID.match(option_id):
        raise GuideError(source, f"{where}: option id '{option_id}' is not lower-case words joined by single hyphens", "use an id like 'yes' or 'at-night'", line)
    label = _text(entry["label"], languages, source, f"{where}: the label of option '{option_id}'", entry.line_of("label"))
    return Option(id=option_id, label=label, next=str(entry["next"]), line=line)


def _links(entry: Any, where: str, source: str) -> tuple[Link, ...]:
    items = entry.get("links", [])
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise GuideError(source, f"{where}: 'links' must be a list of page names", "write e.g. links: [stop-harassment#call-log, check/is-this-paper-real]", entry.line_of("links"))
    links = []
    for item in items:
        page, _, anchor = item.partition("#")
        links.append(Link(page=page.removesuffix(".md"), anchor=anchor or None, line=entry.line_of("links")))
    return tuple(links)


def _text(value: Any, languages: tuple[str, ...], source: str, what: str, line: int | None) -> Text:
    line = getattr(value, "line", None) or line
    if not isinstance(value, dict):
        raise GuideError(source, f"{what} is not written per language", f"write it as {{{', '.join(f'{lang}: ...' for lang in languages)}}}", line)
    missing = missing_language(value, languages)
    if missing:
        raise GuideError(source, f"{what} has no {missing[0]} text", f"add '{missing[0]}: ...' to it", line)
    extra = sorted(set(map(str, value)) - set(languages))
    if extra:
        raise GuideError(source, f"{what} has a text in an unknown language '{extra[0]}'", f"use only {', '.join(languages)}", line)
    return {language: value[language].strip() for language in languages}


def _no_unknown_keys(entry: dict, allowed: set[str], source: str, where: str) -> None:
    for key in entry:
        if key not in allowed:
            raise GuideError(source, f"{where} has an unknown field '{key}'", f"use only: {', '.join(sorted(allowed))}", entry.line_of(key))
