"""A shorter table of contents where a page asks for one: `toc_depth: 2`.

The FAQ page is itself the index of its 41 questions, each a heading. Listed
again in the table of contents, they made a quarter of the page's elements:
Material draws the table twice (the sidebar, and the menu on phones), and
its bundle measures every heading in it to follow the reader's scrolling.
With `toc_depth: 2` in its front matter, a page's table stops at its `##`
sections, as the Markdown toc extension's own `toc_depth` does for a whole
site. Headings keep their ids, so links and search results still land on
them.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from build_errors import GuideError

# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
    if "toc_depth" not in page.meta:
        return None
    depth = toc_depth(page.meta, f"docs/{page.file.src_uri}")
    stop_at(page.toc, depth)
    return None


# -----------------------------------------------------------------------------
# Pure core
# -----------------------------------------------------------------------------


def toc_depth(meta: dict, source: str) -> int:
    """The front matter's toc_depth; anything but a heading level 1 to 6 is a GuideError."""
    value = meta["toc_depth"]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise GuideError(source, f"toc_depth is '{value}', not a heading level", "write `toc_depth: 2` (a number from 1 to 6)", 1)
    return value


def stop_at(items: Iterable[AnchorLink], depth: int) -> None:
    """Drop from the table every heading deeper than `depth` (2: keep # and ##)."""
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            stop_at(item.children, depth)
