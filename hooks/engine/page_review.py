"""Every page says when it was last reviewed and that it is not legal advice.

The review date comes from front matter (`reviewed: 2026-11-28`); a page
without one fails the build, naming the file.
"""

from __future__ import annotations

import datetime

from jinja2 import Environment

from .errors import GuideError
from .templates import render_markdown


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
    return render_markdown(env, "partials/page-review.md.html", reviewed=reviewed.isoformat(), lang=language, about_link=about_link)
