"""Phone lines and complaint channels from one data file, rendered where pages name them.

A number lives in one place (`extra.channels_file`, data/channels.yml for the
guide). Pages name channels by id with markers:

    <!-- channel: court-line -->          inline: the number (a tel: or web link)
                                          and the channel's name, linked to the
                                          help directory
    <!-- channels: police nfra -->        block: one card per channel
    <!-- channel-directory: GROUP -->     the help page: a heading (anchor = id)
                                          and full details per channel of GROUP
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .content_safety import contact_problem
from .errors import GuideError
from .site import line_at, missing_language
from .templates import render_markdown
from .yaml_data import load_yaml

KINDS = ("phone", "web")
TEXT_FIELDS = ("name", "who", "what", "when")


@dataclass(frozen=True)
class Channel:
    id: str
    contact: str
    kind: str
    group: str
    texts: dict[str, dict[str, str]]  # language -> field -> text

    @property
    def href(self) -> str:
        return f"tel:{self.contact}" if self.kind == "phone" else f"https://{self.contact}"


MARKER = re.compile(r"<!--\s*(channel|channels|channel-directory):\s*([\w\- ]+?)\s*-->")


def load_channels(path: Path, shown: str, languages: tuple[str, ...]) -> dict[str, Channel]:
    """Read and check the channel file; every problem names the file and line."""
    entries = load_yaml(path, shown, setting="channels_file")
    if not isinstance(entries, list):
        raise GuideError(shown, "the file must be a list of channels", "start each entry with '- id: ...'", 1)
    channels: dict[str, Channel] = {}
    for entry in entries:
        channel = _channel_from(entry, shown, languages)
        if channel.id in channels:
            raise GuideError(shown, f"the id '{channel.id}' is used twice", "give each channel its own id", entry.line)
        channels[channel.id] = channel
    return channels


def render_channel_markers(
    markdown: str,
    *,
    channels: dict[str, Channel],
    language: str,
    help_link: str,
    env: Environment,
    source: str,
    shown: str,
    first_line: int = 1,
) -> str:
    """Replace every channel marker in a page's Markdown with rendered Markdown.

    shown: how errors name the channel file.
    """

    def replace(match: re.Match[str]) -> str:
        kind, argument = match.group(1), match.group(2).split()
        line = line_at(markdown, match.start(), first_line)
        if kind == "channel-directory":
            groups = {c.group for c in channels.values()}
            if argument[0] not in groups:
                raise GuideError(source, f"no channel group '{argument[0]}'", f"use one of: {', '.join(sorted(groups))}", line)
            selected = [c for c in channels.values() if c.group == argument[0]]
        else:
            unknown = [cid for cid in argument if cid not in channels]
            if unknown:
                raise GuideError(source, f"unknown channel id '{unknown[0]}'", f"use an id from {shown}: {', '.join(channels)}", line)
            selected = [channels[cid] for cid in argument]
        text = render_markdown(env, f"partials/{kind}.md.html", channels=selected, lang=language, help_link=help_link)
        return text if kind == "channel" else "\n" + text + "\n"

    return MARKER.sub(replace, markdown)


def _channel_from(entry: Any, shown: str, languages: tuple[str, ...]) -> Channel:
    line = getattr(entry, "line", None)
    if not isinstance(entry, dict) or "id" not in entry:
        raise GuideError(shown, "a channel has no id", "add 'id: a-short-name'", line)
    cid = str(entry["id"])
    for key in ("contact", "kind", "group", *languages):
        if key not in entry:
            raise GuideError(shown, f"channel '{cid}' has no '{key}'", f"add '{key}:' to it", line)
    if entry["kind"] not in KINDS:
        raise GuideError(shown, f"channel '{cid}' has kind '{entry['kind']}'", "use kind: phone or kind: web", entry.line_of("kind"))
    problem = contact_problem(str(entry["kind"]), str(entry["contact"]))
    if problem:
        raise GuideError(shown, f"channel '{cid}': {problem}", "write the number or address as shown", entry.line_of("contact"))
    missing = missing_language(entry, languages, TEXT_FIELDS)
    if missing:
        language, name = missing
        raise GuideError(shown, f"channel '{cid}' has no {language} '{name}'", f"add {name} to its {language}: block", entry.line_of(language))
    texts = {language: {name: str(entry[language][name]) for name in TEXT_FIELDS} for language in languages}
    return Channel(id=cid, contact=str(entry["contact"]), kind=str(entry["kind"]), group=str(entry["group"]), texts=texts)
