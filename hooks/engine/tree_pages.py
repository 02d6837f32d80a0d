"""What a tree may link to: each guide page's title and section ids, per language.

The tree's outcome views
are HTML that MkDocs does not check, so the tree hook checks its links here,
against the pages' Markdown sources, before anything is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import yaml

from .site import EXPLICIT_ID, Site

# A heading with an explicit id: "## 通话记录 { #call-log }".
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*" + EXPLICIT_ID.pattern + r"\s*$", re.MULTILINE)
# A leading YAML front matter block, as MkDocs reads it.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# The help page's directory marker: each channel of the group becomes a section.
DIRECTORY = re.compile(r"<!--\s*channel-directory:\s*([\w-]+)\s*-->")

# (group, language) -> {channel id: channel name}
DirectoryLookup = Callable[[str, str], Mapping[str, str]]


@dataclass(frozen=True)
class PageInfo:
    title: str
    sections: dict[str, str]  # section id -> heading text


def read_page(site: Site, page: str, language: str, directory: DirectoryLookup) -> PageInfo | None:
    """The page's title and sections in that language, or None if it has no such file."""
    path = site.docs_dir / site.page_file(page, language)
    if not path.is_file():
        return None
    return page_info(path.read_text(encoding="utf-8"), language=language, directory=directory, fallback=page)


def page_info(markdown: str, *, language: str, directory: DirectoryLookup, fallback: str) -> PageInfo:
    """Title (front matter, else the level-1 heading) and the explicit section ids."""
    body, meta = split_front_matter(markdown)
    sections: dict[str, str] = {}
    title = str(meta["title"]) if meta.get("title") else None
    for match in HEADING.finditer(body):
        text = _plain(match.group(2))
        if len(match.group(1)) == 1:
            title = title or text
        sections[match.group(3)] = text
    for group in DIRECTORY.findall(body):
        sections.update(directory(group, language))
    return PageInfo(title=title or fallback, sections=sections)


def _plain(heading: str) -> str:
    """Heading Markdown as plain text: no closing hashes, emphasis or code marks."""
    return re.sub(r"\*\*|`", "", heading.rstrip("#").strip())


def split_front_matter(markdown: str) -> tuple[str, dict]:
    """(the Markdown after its front matter, the front matter's mapping)."""
    found = FRONT_MATTER.match(markdown)
    if not found:
        return markdown, {}
    meta = yaml.safe_load(found.group(1))
    return markdown[found.end():], meta if isinstance(meta, dict) else {}
