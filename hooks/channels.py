"""Render phone lines and complaint channels from data/channels.yml.

A number lives in one place. Pages name channels by id with markers:

    <!-- channel: court-line -->          inline: the number (a tel: or web link)
                                          and the channel's name, linked to the
                                          help directory
    <!-- channels: police nfra -->        block: one card per channel
    <!-- channel-directory: GROUP -->     the help page: a heading (anchor = id)
                                          and full details per channel of GROUP

Other hooks use `load_channels` and `render_channel_markers` directly.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import build_cache
import content_safety
from build_errors import GuideError
from yaml_source import load_yaml

CHANNELS_FILE = "data/channels.yml"
HELP_PAGE = "help.md"
LANGUAGES = ("zh", "en")
KINDS = ("phone", "web")
TEXT_FIELDS = ("name", "who", "what", "when")


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    build_cache.reset()  # a new build: forget the last one's data (see build_cache.py)
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "<!-- channel" not in markdown:
        return None
    return render_channel_markers(
        markdown,
        channels=site_channels(config),
        language=page_language(page),
        help_link=posixpath.relpath(HELP_PAGE, posixpath.dirname(page.file.src_uri) or "."),
        env=build_cache.theme_env(config),
        source=f"docs/{page.file.src_uri}",
        line_offset=front_matter_lines(page.file.content_string, markdown),
        rendered=build_cache.once("channel-markup", dict),
    )


# -----------------------------------------------------------------------------
# Pure core
# -----------------------------------------------------------------------------

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


def site_channels(config: MkDocsConfig) -> dict[str, Channel]:
    """The site's channels, read once per build (every hook that needs them asks here)."""
    path = Path(config.config_file_path).parent / CHANNELS_FILE
    return build_cache.once(("channels", str(path)), lambda: load_channels(path))


def load_channels(path: Path) -> dict[str, Channel]:
    """Read and check the channel file; every problem names the file and line."""
    shown = CHANNELS_FILE
    entries = load_yaml(path, shown)
    if not isinstance(entries, list):
        raise GuideError(shown, "the file must be a list of channels", "start each entry with '- id: ...'", 1)
    channels: dict[str, Channel] = {}
    for entry in entries:
        channel = _channel_from(entry, shown)
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
    line_offset: int = 0,
    rendered: dict[tuple[str, tuple[str, ...], str, str], str] | None = None,
) -> str:
    """Replace every channel marker in a page's Markdown with rendered Markdown.

    rendered: markup already rendered, by marker, language and help link (the
    same markers recur on many pages); filled as it goes.
    """
    rendered = {} if rendered is None else rendered

    def replace(match: re.Match[str]) -> str:
        kind, argument = match.group(1), match.group(2).split()
        key = (kind, tuple(argument), language, help_link)
        if key not in rendered:
            rendered[key] = render(kind, argument, line=markdown.count("\n", 0, match.start()) + 1 + line_offset)
        return rendered[key]

    def render(kind: str, argument: list[str], line: int) -> str:
        if kind == "channel-directory":
            groups = {c.group for c in channels.values()}
            if argument[0] not in groups:
                raise GuideError(source, f"no channel group '{argument[0]}'", f"use one of: {', '.join(sorted(groups))}", line)
            selected = [c for c in channels.values() if c.group == argument[0]]
        else:
            unknown = [cid for cid in argument if cid not in channels]
            if unknown:
                raise GuideError(source, f"unknown channel id '{unknown[0]}'", f"use an id from {CHANNELS_FILE}: {', '.join(channels)}", line)
            selected = [channels[cid] for cid in argument]
        template = env.get_template(f"partials/{kind}.md.html")
        text = template.render(channels=selected, lang=language, help_link=help_link)
        return text.strip() if kind == "channel" else "\n" + text.strip() + "\n"

    return MARKER.sub(replace, markdown)


def page_language(page: Page) -> str:
    """The page's language: static-i18n sets file.locale; default to zh."""
    return getattr(page.file, "locale", None) or LANGUAGES[0]


def front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of the source file precede the Markdown body."""
    start = source.find(markdown[:200]) if markdown else -1
    return source.count("\n", 0, start) if start > 0 else 0


def _channel_from(entry: Any, shown: str) -> Channel:
    line = getattr(entry, "line", None)
    if not isinstance(entry, dict) or "id" not in entry:
        raise GuideError(shown, "a channel has no id", "add 'id: a-short-name'", line)
    cid = str(entry["id"])
    for field in ("contact", "kind", "group", *LANGUAGES):
        if field not in entry:
            raise GuideError(shown, f"channel '{cid}' has no '{field}'", f"add '{field}:' to it", line)
    if entry["kind"] not in KINDS:
        raise GuideError(shown, f"channel '{cid}' has kind '{entry['kind']}'", "use kind: phone or kind: web", entry.line_of("kind"))
    problem = content_safety.contact_problem(str(entry["kind"]), str(entry["contact"]))
    if problem:
        raise GuideError(shown, f"channel '{cid}': {problem}", "write the number or address as shown", entry.line_of("contact"))
    texts: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        block = entry[language]
        missing = [f for f in TEXT_FIELDS if not (isinstance(block, dict) and block.get(f))]
        if missing:
            raise GuideError(shown, f"channel '{cid}' has no {language} '{missing[0]}'", f"add {missing[0]} to its {language}: block", entry.line_of(language))
        texts[language] = {f: str(block[f]) for f in TEXT_FIELDS}
    return Channel(id=cid, contact=str(entry["contact"]), kind=str(entry["kind"]), group=str(entry["group"]), texts=texts)
