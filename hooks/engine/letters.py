"""Letters a reader fills in and sends: text from data, laws and numbers from data.

A page names a letter with `<!-- letter: stop-contacting-others -->`. The
letter lives in its own file (`extra.letters_dir`, data/letters/<id>.yml for
the guide):

    fields:                      what the reader fills in, in order
      - id: name
        kind: text               text | date | amount | long (several lines)
        zh: 你的姓名              the field's label, in every language
        en: Your name
    letter:
      zh: |                      the letter, in the one language it is sent in;
        {platform}：              {field} a blank, {law:id} a law from the laws
        ...                      file, {channel:id} a number from channels_file
    meaning:
      en: |                      what it says, for every other language
        ...

Laws come from one file (`extra.laws_file`, data/laws.yml): id, article, and
per language the law's name and a short gist. How a citation reads is the
label `letter_cite` ("{law}第{article}条"), so a changed article in the laws
file changes every letter that cites it.

The core gives the template plain views (paragraphs of lines of segments);
overrides/partials/letter.html writes the markup and escapes every text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .errors import GuideError
from .site import line_at, missing_language, named_markers
from .yaml_data import load_yaml

KINDS = ("text", "date", "amount", "long")
MARKER = re.compile(r"<!--\s*letter:\s*([\w-]+)\s*-->")
# Anything that looks like a letter marker: checked against MARKER.
MARKER_LIKE = re.compile(r"<!--\s*(letters?\b[^>]*?)\s*-->")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Law:
    id: str
    article: str
    texts: dict[str, dict[str, str]]  # language -> {law, gist}


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    labels: dict[str, str]  # language -> label


@dataclass(frozen=True)
class Letter:
    id: str
    language: str  # the language the letter is sent in
    fields: tuple[Field, ...]
    texts: dict[str, str]  # language -> the letter (its own language) or its meaning
    laws: tuple[str, ...]  # law ids, in the order the letter cites them
    channels: tuple[str, ...]
    source: str
    lines: dict[str, int]  # language -> line of its text in the source


def load_laws(path: Path, shown: str, languages: tuple[str, ...]) -> dict[str, Law]:
    """The laws file, checked: every law has an article and, in every language, a name and a gist."""
    entries = load_yaml(path, shown, setting="laws_file")
    if not isinstance(entries, list):
        raise GuideError(shown, "the file must be a list of laws", "start each entry with '- id: ...'", 1)
    laws: dict[str, Law] = {}
    for entry in entries:
        line = getattr(entry, "line", None)
        if not isinstance(entry, dict) or not ID.match(str(entry.get("id", ""))):
            raise GuideError(shown, "a law has no id (lower-case letters, digits, '-')", "add 'id: civil-code-1033'", line)
        lid = str(entry["id"])
        if lid in laws:
            raise GuideError(shown, f"the law id '{lid}' is used twice", "give each law its own id", line)
        if not str(entry.get("article", "")).strip():
            raise GuideError(shown, f"law '{lid}' has no article", "add 'article: \"1033\"'", line)
        missing = missing_language(entry, languages, ("law", "gist"))
        if missing:
            raise GuideError(shown, f"law '{lid}' has no {missing[0]} '{missing[1]}'", f"add {missing[1]} to its {missing[0]}: block", line)
        laws[lid] = Law(id=lid, article=str(entry["article"]), texts={lang: {k: str(entry[lang][k]) for k in ("law", "gist")} for lang in languages})
    return laws


def load_letter(path: Path, shown: str, languages: tuple[str, ...], laws: dict[str, Law], channels: dict[str, str]) -> Letter:
    """One letter file, checked against the laws and channels (channels: id -> contact)."""
    data = load_yaml(path, shown, setting="letters_dir")
    if not isinstance(data, dict):
        raise GuideError(shown, "a letter file must be a mapping", "give it 'fields:', 'letter:' and 'meaning:'", 1)
    for key in ("fields", "letter"):
        if key not in data:
            raise GuideError(shown, f"the letter has no '{key}'", f"add '{key}:'", 1)
    fields = tuple(_field(entry, shown, languages) for entry in data["fields"] or [])
    letter = data["letter"]
    if not isinstance(letter, dict) or len(letter) != 1 or next(iter(letter)) not in languages:
        raise GuideError(shown, "'letter' must hold the letter in exactly one language", f"write 'letter:' then one of {', '.join(languages)}: |", data.line_of("letter"))
    language = next(iter(letter))
    meaning = data.get("meaning") or {}
    texts = {language: str(letter[language])}
    lines = {language: letter.line_of(language) + 1}
    for other in languages:
        if other == language:
            continue
        if not str(meaning.get(other, "")).strip():
            raise GuideError(shown, f"the letter has no {other} meaning", f"add 'meaning:' with '{other}: |' saying what the letter says", data.line_of("meaning"))
        texts[other], lines[other] = str(meaning[other]), meaning.line_of(other) + 1
    known = {f.id for f in fields}
    cited: list[str] = []
    called: list[str] = []
    used: set[str] = set()
    for lang, text in texts.items():
        for match in PLACEHOLDER.finditer(text):
            kind, _, name = match.group(1).partition(":")
            where = line_at(text, match.start(), lines[lang])
            if not name:
                kind, name = "field", kind
            if kind == "field" and name in known:
                used.add(name)
            elif kind == "law" and name in laws:
                cited += [name] if name not in cited else []
            elif kind == "channel" and name in channels:
                called += [name] if name not in called else []
            else:
                what = {"field": ("field", sorted(known)), "law": ("law", sorted(laws)), "channel": ("channel", sorted(channels))}.get(kind)
                if what is None:
                    raise GuideError(shown, f"'{match.group(0)}' is not a field, law or channel", "write {field}, {law:id} or {channel:id}", where)
                raise GuideError(shown, f"unknown {what[0]} '{name}' in '{match.group(0)}'", f"use one of: {', '.join(what[1])}", where)
    unused = [f.id for f in fields if f.id not in used]
    if unused:
        raise GuideError(shown, f"the field '{unused[0]}' is never used in the letter", "put {" + unused[0] + "} in the letter or remove the field", data.line_of("fields"))
    return Letter(id=path.stem, language=language, fields=fields, texts=texts, laws=tuple(cited), channels=tuple(called), source=shown, lines=lines)


def marker_ids(markdown: str, source: str, first_line: int = 1) -> list[tuple[str, int]]:
    """(letter id, line) of each letter marker; a misspelt one fails with its line."""
    return named_markers(markdown, source, MARKER_LIKE, MARKER, "write exactly <!-- letter: an-id --> (an id from the letters folder)", first_line)


def check_markers(markers: list[tuple[str, int]], letters: dict[str, Any], source: str, shown_dir: str) -> None:
    """Every marker names a letter that exists."""
    for lid, line in markers:
        if lid not in letters:
            raise GuideError(source, f"no letter '{lid}' in {shown_dir}", f"use one of: {', '.join(sorted(letters)) or '(none yet)'}", line)


def letter_view(letter: Letter, language: str, *, laws: dict[str, Law], channels: dict[str, str], cite: dict[str, str]) -> dict[str, Any]:
    """What the template needs to show a letter on a page in `language`.

    cite: the label `letter_cite` in every language ("{law}第{article}条").
    """

    def paragraphs(text_language: str) -> list[list[list[dict[str, str]]]]:
        text = letter.texts[text_language].strip("\n")
        return [[_segments(line, text_language) for line in block.split("\n")] for block in re.split(r"\n\s*\n", text)]

    def _segments(line: str, text_language: str) -> list[dict[str, str]]:
        out: list[dict[str, str]] = []
        position = 0
        for match in PLACEHOLDER.finditer(line):
            if match.start() > position:
                out.append({"kind": "text", "text": line[position : match.start()]})
            kind, _, name = match.group(1).partition(":")
            if not name:
                kind, name = "field", kind
            if kind == "field":
                field = next(f for f in letter.fields if f.id == name)
                out.append({"kind": "field", "id": field.id, "field_kind": field.kind, "label": _short(field.labels[text_language])})
            elif kind == "law":
                law = laws[name]
                out.append({"kind": "text", "text": cite[text_language].format(law=law.texts[text_language]["law"], article=law.article)})
            else:
                out.append({"kind": "text", "text": channels[name]})
            position = match.end()
        if position < len(line):
            out.append({"kind": "text", "text": line[position:]})
        return out

    return {
        "id": letter.id,
        "language": letter.language,
        "fields": [{"id": f.id, "kind": f.kind, "label": f.labels[language]} for f in letter.fields],
        "letter": paragraphs(letter.language),
        "meaning": paragraphs(language) if language != letter.language else None,
        "laws": [
            {"cite": cite[language].format(law=laws[lid].texts[language]["law"], article=laws[lid].article), "gist": laws[lid].texts[language]["gist"]}
            for lid in letter.laws
        ],
    }


def render_letter(env: Environment, template: str, view: dict[str, Any], **context: Any) -> str:
    """The letter's HTML from the (autoescaping) template."""
    return env.get_template(template).render(letter=view, **context)


def _short(label: str) -> str:
    """A field's label without its example in brackets: the name shown under a blank."""
    return re.split(r"\s*[（(]", label, maxsplit=1)[0]


def _field(entry: Any, shown: str, languages: tuple[str, ...]) -> Field:
    line = getattr(entry, "line", None)
    if not isinstance(entry, dict) or not ID.match(str(entry.get("id", ""))):
        raise GuideError(shown, "a field has no id (lower-case letters, digits, '-')", "add 'id: name'", line)
    fid = str(entry["id"])
    kind = str(entry.get("kind", "text"))
    if kind not in KINDS:
        raise GuideError(shown, f"field '{fid}' has kind '{kind}'", f"use one of: {', '.join(KINDS)}", entry.line_of("kind"))
    missing = missing_language(entry, languages)
    if missing:
        raise GuideError(shown, f"field '{fid}' has no {missing[0]} label", f"add '{missing[0]}: ...' to it", line)
    return Field(id=fid, kind=kind, labels={lang: str(entry[lang]) for lang in languages})
