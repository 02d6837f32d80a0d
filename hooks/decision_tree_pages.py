"""What a tree may link to: each guide page's title and section ids, per language.

Not a hook itself: hooks/decision_tree.py imports it. The tree's outcome views
are HTML that MkDocs does not check, so the tree hook checks its links here,
against the pages' Markdown sources, before anything is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

# A heading with an explicit id: "## 通话记录 { #call-log }".
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*\{[^}\n]*#([\w-]+)[^}\n]*\}\s*$", re.MULTILINE)
# The help page's directory marker: each channel of the group becomes a section.
DIRECTORY = re.compile(r"<!--\s*channel-directory:\s*([\w-]+)\s*-->")

# (group, language) -> {channel id: channel name}
DirectoryLookup = Callable[[str, str], Mapping[str, str]]


@dataclass(frozen=True)
class PageInfo:
    title: str
    sections: dict[str, str]  # section id -> heading text


def page_file(page: str, language: str, default: str) -> str:
    """docs-relative file of a page in one language (suffix structure)."""
    return f"{page}.md" if language == default else f"{page}.{language}.md"


def read_page(docs_dir: Path, page: str, language: str, default: str, directory: DirectoryLookup) -> PageInfo | None:
    """The page's title and sections in that language, or None if it has no such file."""
    path = docs_dir / page_file(page, language, default)
    if not path.is_file():
        return None
    return page_info(path.read_text(encoding="utf-8"), language=language, directory=directory, fallback=page)


def page_info(markdown: str, *, language: str, directory: DirectoryLookup, fallback: str) -> PageInfo:
    """Title (front matter, else the level-1 heading) and the explicit section ids."""
    body, meta = get_data(markdown)
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
