"""Filing a complaint, step by step, per channel: steps from data, numbers from the channel data.

One data file (`extra.filing_file`, data/filing.yml for the guide) holds the
steps for each channel that takes complaints, keyed by the channel's id in
`extra.channels_file`:

    nfra:
      ready:     [{zh: ..., en: ...}, ...]   what to have ready
      say:       [...]                        what to say or type, in order
      reference: [...]                        the reference number you get
      wait:      [...]                        optional: how long to wait; without
                                              it the label `filing_wait_unknown`
                                              says to ask and write it down
      next:      [...]                        where to go next

A text names its own channel as `{number}` (the contact, linked), `{name}`
and `{who}`; another channel as `{channel:id}` (its number, linked), and
that channel's section on the same page as `{see:id}`. So a changed number
or name in the channel file changes every step that shows it.

`<!-- filing: nfra -->` on a page becomes the steps for that channel
(overrides/partials/filing.html). An unknown channel id, in the file or in a
marker, a missing language or a misspelt marker fails the build naming the
file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .channels import Channel
from .errors import GuideError
from .site import line_at, missing_language, named_markers
from .yaml_data import load_yaml

TEMPLATE = "partials/filing.html"
PARTS = ("ready", "say", "reference", "wait", "next")
OPTIONAL = ("wait",)
OWN = ("number", "name", "who")
MARKER = re.compile(r"<!--\s*filing:\s*([\w-]+)\s*-->")
# Anything that looks like a filing marker: checked against MARKER.
_MARKER_LIKE = re.compile(r"<!--\s*(filings?\b[^>]*?)\s*-->", re.IGNORECASE)
_PLACE = re.compile(r"\{([^{}]*)\}")

Text = dict[str, str]  # language -> text


@dataclass(frozen=True)
class Filing:
    id: str  # the channel's id
    parts: dict[str, tuple[Text, ...]]  # part -> its items, in order
    sees: tuple[str, ...]  # channel ids whose sections the steps link to
    line: int


def load_filing(path: Path, shown: str, languages: tuple[str, ...], channels: dict[str, Channel]) -> dict[str, Filing]:
    """Read and check the filing file against the channels; every problem names the file and line."""
    data = load_yaml(path, shown, setting="filing_file")
    if not isinstance(data, dict) or not data:
        raise GuideError(shown, "the file must map channel ids to their steps", "start an entry with 'nfra:' (a channel id)", 1)
    known = ", ".join(channels)
    filings: dict[str, Filing] = {}
    for cid, entry in data.items():
        line = data.line_of(str(cid))
        if str(cid) not in channels:
            raise GuideError(shown, f"unknown channel id '{cid}'", f"use an id from the channel file: {known}", line)
        if not isinstance(entry, dict):
            raise GuideError(shown, f"the steps for '{cid}' are not a mapping", f"give it {', '.join(PARTS)}", line)
        for key in entry:
            if key not in PARTS:
                raise GuideError(shown, f"'{cid}' has a part '{key}' this hook does not know", f"use {', '.join(PARTS)}", entry.line_of(key))
        parts: dict[str, tuple[Text, ...]] = {}
        sees: list[str] = []
        for part in PARTS:
            items = entry.get(part)
            if items is None and part in OPTIONAL:
                continue
            if not isinstance(items, list) or not items:
                raise GuideError(shown, f"'{cid}' has no '{part}'", f"list at least one {{zh: ..., en: ...}} under '{part}:'", entry.line_of(part) if part in entry else line)
            parts[part] = tuple(_item(item, f"{cid}.{part}", shown, languages, channels, sees, entry.line_of(part)) for item in items)
        filings[str(cid)] = Filing(id=str(cid), parts=parts, sees=tuple(sees), line=line)
    return filings


def marker_ids(markdown: str, source: str, first_line: int = 1) -> list[tuple[str, int]]:
    """(channel id, line) of each filing marker in a page's Markdown; a misspelt one fails with its line."""
    return named_markers(markdown, source, _MARKER_LIKE, MARKER, "write exactly <!-- filing: a-channel-id --> on a line of its own", first_line)


def check_markers(markers: list[tuple[str, int]], filings: dict[str, Filing], channels: dict[str, Channel], source: str, shown: str) -> None:
    """Every marker names a channel with steps, once per page, and every {see:id} lands on the page."""
    on_page = {cid for cid, _ in markers}
    seen: set[str] = set()
    for cid, line in markers:
        if cid not in channels:
            raise GuideError(source, f"unknown channel id '{cid}' in a filing marker", f"use an id from the channel file: {', '.join(channels)}", line)
        if cid not in filings:
            raise GuideError(source, f"{shown} has no steps for channel '{cid}'", f"add '{cid}:' to {shown}, or use one of: {', '.join(filings)}", line)
        if cid in seen:
            raise GuideError(source, f"the steps for '{cid}' are on this page twice", "keep one <!-- filing: " + cid + " --> per page", line)
        seen.add(cid)
    for cid, line in markers:
        away = [other for other in filings[cid].sees if other not in on_page]
        if away:
            raise GuideError(source, f"the steps for '{cid}' link to the '{away[0]}' section, which is not on this page", f"add <!-- filing: {away[0]} --> to this page, or remove {{see:{away[0]}}} from {shown}", line)


def filing_view(filing: Filing, channels: dict[str, Channel], language: str) -> dict[str, Any]:
    """What the template shows, in one language: the channel, then each part as items of segments."""
    channel = channels[filing.id]
    return {
        "id": filing.id,
        "lang": language,
        "contact": channel.contact,
        "href": channel.href,
        "name": channel.texts[language]["name"],
        "parts": [{"key": part, "entries": [_segments(item[language], channel, channels, language) for item in items]} for part, items in filing.parts.items()],
        "wait_known": "wait" in filing.parts,
    }


def render_filing(env: Environment, view: dict[str, Any]) -> str:
    return env.get_template(TEMPLATE).render(filing=view)


def _item(item: Any, where: str, shown: str, languages: tuple[str, ...], channels: dict[str, Channel], sees: list[str], line: int) -> Text:
    line = getattr(item, "line", line)
    if not isinstance(item, dict):
        raise GuideError(shown, f"an item under '{where}' is not {{zh: ..., en: ...}}", "write '- zh: ...' then 'en: ...'", line)
    missing = missing_language(item, languages)
    if missing:
        raise GuideError(shown, f"an item under '{where}' has no {missing[0]} text", f"add '{missing[0]}: ...' to it", line)
    for language in languages:
        text = str(item[language])
        for match in _PLACE.finditer(text):
            kind, _, cid = match.group(1).partition(":")
            at = line_at(text, match.start(), item.line_of(language))
            if not cid and kind in OWN:
                continue
            if kind not in ("channel", "see") or not cid:
                raise GuideError(shown, f"'{match.group(0)}' is not a placeholder this file knows", "write {number}, {name}, {who}, {channel:id} or {see:id}", at)
            if cid not in channels:
                raise GuideError(shown, f"unknown channel id '{cid}' in '{match.group(0)}'", f"use an id from the channel file: {', '.join(channels)}", at)
            if kind == "see" and cid not in sees:
                sees.append(cid)
    return {language: str(item[language]) for language in languages}


def _segments(text: str, channel: Channel, channels: dict[str, Channel], language: str) -> list[dict[str, str]]:
    """'call {number} now' -> [{text: 'call '}, {text: '12378', href: 'tel:12378'}, {text: ' now'}]."""
    out: list[dict[str, str]] = []
    position = 0
    for match in _PLACE.finditer(text):
        if match.start() > position:
            out.append({"text": text[position : match.start()]})
        kind, _, cid = match.group(1).partition(":")
        if not cid:
            out.append({"text": channel.contact, "href": channel.href} if kind == "number" else {"text": channel.texts[language][kind]})
        elif kind == "channel":
            out.append({"text": channels[cid].contact, "href": channels[cid].href})
        else:
            out.append({"text": f"{channels[cid].contact} {channels[cid].texts[language]['name']}", "href": f"#{cid}"})
        position = match.end()
    if position < len(text):
        out.append({"text": text[position:]})
    return out
