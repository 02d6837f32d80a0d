"""MkDocs adapter: the review notice at the bottom of every page (engine/page_review.py).

Setting: `extra.about_page` (default about.md), whose #disclaimer the notice links to.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import mkdocs_site
from engine.page_review import review_date, review_notice
from engine.site import link_from

ABOUT_PAGE = "about.md"


on_config = mkdocs_site.start_build


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    reviewed = review_date(page.meta, mkdocs_site.source(page))
    about = mkdocs_site.site(config).setting("about_page", ABOUT_PAGE)
    return markdown + "\n\n" + review_notice(
        reviewed,
        language=mkdocs_site.page_language(page, config),
        about_link=link_from(page.file.src_uri, about),
        env=mkdocs_site.theme_env(config),
    )
