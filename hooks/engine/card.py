"""The emergency card: the danger numbers, three things to say, where to complain, the site's address.

One data file (`extra.card_file`, data/card.yml for the guide) lists what the
card shows by channel id; every number comes from the channel data
(engine/channels.py), so a changed number changes the card, on the page, in
its PDFs and in its phone image. A sentence names a channel as `{id}`:

    danger:   [{channel: police}, ...]     the numbers to call first
    say:      [{zh: ..., en: ...}, ...]     what to say to a collector
    complain: [{channel: nfra}, ...]       where to complain

`<!-- emergency-card -->` on a page becomes the card
(overrides/partials/card.html). The site's address, when the site has one,
is printed under the card with its QR code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from .channels import Channel
from .errors import GuideError
from .qr_code import qr_svg
from .site import line_at, missing_language
from .yaml_data import load_yaml

MARKER = "emergency-card"
PLACEHOLDER = f"<!-- {MARKER} -->"
TEMPLATE = "partials/card.html"
SECTIONS = ("danger", "say", "complain")
# Anything that looks like an attempt at the marker: "emergency card", "emergency-cards: x".
_NEAR_MARKER = re.compile(r"<!--\s*emergency[\s_-]*card[^>]*?-->", re.IGNORECASE)
_PLACE = re.compile(r"\{([\w-]+)\}")


@dataclass(frozen=True)
class CardData:
    danger: tuple[str, ...]  # channel ids
    say: tuple[dict[str, str], ...]  # language -> sentence, channels as {id}
    complain: tuple[str, ...]  # channel ids


def load_card(path: Path, shown: str, languages: tuple[str, ...], channels: dict[str, Channel]) -> CardData:
    """Read and check the card file; an unknown channel id or a missing language names the line."""
    data = load_yaml(path, shown, setting="card_file")
    if not isinstance(data, dict):
        raise GuideError(shown, "the file must have the keys danger, say and complain", "start it with 'danger:'", 1)
    for section in SECTIONS:
        if not isinstance(data.get(section), list) or not data[section]:
            raise GuideError(shown, f"'{section}' is missing or empty", f"list at least one entry under '{section}:'", data.line_of(section))
    known = ", ".join(channels)
    danger, complain = (_channel_ids(data[section], section, shown, channels, known) for section in ("danger", "complain"))
    say = []
    for entry in data["say"]:
        line = getattr(entry, "line", data.line_of("say"))
        if not isinstance(entry, dict) or missing_language(entry, languages):
            language = missing_language(entry, languages)[0] if isinstance(entry, dict) else languages[0]
            raise GuideError(shown, f"a sentence under 'say' has no {language} text", f"add '{language}: ...' to it", line)
        for language in languages:
            for cid in _PLACE.findall(str(entry[language])):
                if cid not in channels:
                    raise GuideError(shown, f"unknown channel id '{{{cid}}}' in a sentence", f"use an id from the channel file: {known}", entry.line_of(language))
        say.append({language: str(entry[language]) for language in languages})
    return CardData(danger=danger, say=tuple(say), complain=complain)


def marker_lines(markdown: str, source: str, first_line: int = 1) -> list[int]:
    """Lines of the card markers in a page's Markdown; a misspelt one fails with its line."""
    lines = []
    for match in _NEAR_MARKER.finditer(markdown):
        line = line_at(markdown, match.start(), first_line)
        if match.group(0) != PLACEHOLDER:
            raise GuideError(source, f"'{match.group(0)}' is not a marker this hook knows", f"write exactly {PLACEHOLDER} on a line of its own", line)
        lines.append(line)
    return lines


def card_view(data: CardData, channels: dict[str, Channel], language: str, site_url: str) -> dict[str, Any]:
    """What the template shows, in one language: numbers, sentences split around their numbers, the address."""
    return {
        "lang": language,
        "danger": [_number(channels[cid], language) for cid in data.danger],
        "say": [_sentence(text[language], channels) for text in data.say],
        "complain": [_number(channels[cid], language) for cid in data.complain],
        "site_url": site_url,
        "qr": Markup(qr_svg(site_url, title=site_url)) if site_url else None,
    }


def render_card(env: Environment, view: dict[str, Any]) -> str:
    return env.get_template(TEMPLATE).render(**view)


def _channel_ids(entries: list, section: str, shown: str, channels: dict[str, Channel], known: str) -> tuple[str, ...]:
    ids = []
    for entry in entries:
        if not isinstance(entry, dict) or "channel" not in entry:
            raise GuideError(shown, f"an entry under '{section}' names no channel", "write '- channel: an-id'", getattr(entry, "line", None))
        cid = str(entry["channel"])
        if cid not in channels:
            raise GuideError(shown, f"unknown channel id '{cid}' under '{section}'", f"use an id from the channel file: {known}", entry.line_of("channel"))
        ids.append(cid)
    return tuple(ids)


def _number(channel: Channel, language: str) -> dict[str, str]:
    return {"contact": channel.contact, "href": channel.href, "name": channel.texts[language]["name"]}


def _sentence(text: str, channels: dict[str, Channel]) -> list[dict[str, str]]:
    """'call {police} now' -> [{text: 'call '}, {contact: '110', href: 'tel:110'}, {text: ' now'}]."""
    parts: list[dict[str, str]] = []
    for number, piece in enumerate(_PLACE.split(text)):
        if number % 2:
            parts.append({"contact": channels[piece].contact, "href": channels[piece].href})
        elif piece:
            parts.append({"text": piece})
    return parts
