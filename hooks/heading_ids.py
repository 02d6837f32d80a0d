"""Every heading below the title needs an explicit id, the same in both languages.

The default toc slug turns a Chinese heading into `_1`; explicit ids keep
links, anchors and the language switcher lined up across languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_errors import GuideError


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    # Check the source file, not `markdown`, so line numbers count front matter.
    missing = headings_without_id(page.file.content_string)
    if missing:
        line, text = missing[0]
        raise GuideError(
            f"docs/{page.file.src_uri}",
            f"the heading '{text}' has no explicit id",
            "end it with { #an-english-id }, the same id in both languages",
            line,
        )
    return None


# -----------------------------------------------------------------------------
# Pure core
# -----------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*#*\s*$")
_EXPLICIT_ID = re.compile(r"\{[^}]*#[\w-]+[^}]*\}\s*$")


def headings_without_id(markdown: str) -> list[tuple[int, str]]:
    """(line, heading text) for each level 2-6 ATX heading with no `{ #id }`.

    Lines count from the top of the file, front matter included.
    """
    missing: list[tuple[int, str]] = []
    for number, line in prose_lines(markdown):
        heading = _HEADING.match(line)
        if heading and not _EXPLICIT_ID.search(heading.group(2)):
            missing.append((number, heading.group(2)))
    return missing


def prose_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a page's Markdown outside front matter and fenced code.

    Lines count from the top of the file, front matter included.
    """
    fence: str | None = None
    lines = markdown.splitlines()
    start = _front_matter_end(lines)
    for number, line in enumerate(lines[start:], start=start + 1):
        opened = _FENCE.match(line)
        if opened:
            fence = None if fence == opened.group(1) else (fence or opened.group(1))
            continue
        if not fence:
            yield number, line


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first line after a leading `---` front matter block (0 if none)."""
    if lines and lines[0].strip() == "---":
        for index, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return index + 1
    return 0
