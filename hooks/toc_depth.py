"""MkDocs adapter: a page's `toc_depth:` shortens its table of contents (engine/toc.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import mkdocs_site
from engine.toc import stop_at, toc_depth


@mkdocs_site.guide_event
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
    if "toc_depth" in page.meta:
        stop_at(page.toc, toc_depth(page.meta, mkdocs_site.source(page)))
    return None
