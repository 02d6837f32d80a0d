"""MkDocs adapter: fail on a heading without an explicit id (engine/headings.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import mkdocs_site
from engine.errors import GuideError
from engine.headings import headings_without_id


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    # Check the source file, not `markdown`, so line numbers count front matter.
    missing = headings_without_id(page.file.content_string)
    if missing:
        line, text = missing[0]
        raise GuideError(mkdocs_site.source(page), f"the heading '{text}' has no explicit id", "end it with { #an-english-id }, the same id in every language", line)
    return None
