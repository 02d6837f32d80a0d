"""Every page says when it was last reviewed and that it is not legal advice.

The review date comes from front matter (`reviewed: 2026-11-28`); a page
without one fails the build, naming the file.
"""

from __future__ import annotations

import datetime
import posixpath

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import build_cache
from build_errors import GuideError

ABOUT_PAGE = "about.md"


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    build_cache.reset()  # a new build: a new template environment (see build_cache.py)
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    source = f"docs/{page.file.src_uri}"
    reviewed = review_date(page.meta, source)
    return markdown + "\n\n" + review_notice(
        reviewed,
        language=getattr(page.file, "locale", None) or "zh",
        about_link=posixpath.relpath(ABOUT_PAGE, posixpath.dirname(page.file.src_uri) or "."),
        env=build_cache.theme_env(config),
    )


# -----------------------------------------------------------------------------
# Pure core
# -----------------------------------------------------------------------------

def review_date(meta: dict, source: str) -> datetime.date:
    """The page's review date; a missing or malformed one is a GuideError."""
    value = meta.get("reviewed")
    if value is None:
        raise GuideError(source, "the page has no review date", "add `reviewed: YYYY-MM-DD` to its front matter", 1)
    if not isinstance(value, datetime.date):
        raise GuideError(source, f"the review date '{value}' is not a date", "write it as `reviewed: YYYY-MM-DD`", 1)
    return value


def review_notice(reviewed: datetime.date, *, language: str, about_link: str, env: Environment) -> str:
    """The Markdown of the notice at the bottom of a page."""
    template = env.get_template("partials/page-review.md.html")
    return template.render(reviewed=reviewed.isoformat(), lang=language, about_link=about_link)
