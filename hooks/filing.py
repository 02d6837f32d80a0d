"""MkDocs adapter for filing a complaint step by step (engine/filing.py).

`<!-- filing: nfra -->` on a page becomes the steps for that channel from
`extra.filing_file` (data/filing.yml for the guide), its numbers and names
from `extra.channels_file`. Markup: overrides/partials/filing.html. Without
filing_file this hook does nothing.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import mkdocs_site
from channels import site_channels
from engine import per_build
from engine.filing import MARKER, Filing, check_markers, filing_view, load_filing, marker_ids, render_filing
from engine.site import body_first_line

FILING_FILE = "data/filing.yml"

on_config = mkdocs_site.start_build


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not _enabled(config) or "<!--" not in markdown or "filing" not in markdown.lower():
        return None
    source = mkdocs_site.source(page)
    markers = marker_ids(markdown, source, body_first_line(page.file.content_string, markdown))
    if markers:
        check_markers(markers, _filings(config), site_channels(config), source, _file(config)[1])
    return None


@event_priority(-60)  # after glossary.py (-50): no term links inside the steps
@mkdocs_site.guide_event
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not _enabled(config) or "filing:" not in html:
        return None
    filings, channels = _filings(config), site_channels(config)
    language = mkdocs_site.page_language(page, config)
    env = mkdocs_site.theme_env(config)
    return MARKER.sub(lambda match: render_filing(env, filing_view(filings[match.group(1)], channels, language)), html)


def _enabled(config: MkDocsConfig) -> bool:
    return bool(mkdocs_site.site(config).settings.get("filing_file"))


def _file(config: MkDocsConfig) -> tuple:
    return mkdocs_site.site(config).data_file("filing_file", FILING_FILE)


def _filings(config: MkDocsConfig) -> dict[str, Filing]:
    """The steps of every channel, read and checked once per build."""
    path, shown = _file(config)
    languages = mkdocs_site.site(config).languages
    return per_build.once(("filing", str(path)), lambda: load_filing(path, shown, languages, site_channels(config)))
