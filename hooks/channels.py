"""MkDocs adapter for the channel markers (engine/channels.py).

Settings: `extra.channels_file` (default data/channels.yml), `extra.help_page`
(default help.md, where <!-- channel-directory: ... --> lists them).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import mkdocs_site
from engine import per_build
from engine.channels import Channel, load_channels, render_channel_markers
from engine.site import body_first_line, link_from

CHANNELS_FILE = "data/channels.yml"
HELP_PAGE = "help.md"


on_config = mkdocs_site.start_build


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "<!-- channel" not in markdown:
        return None
    return render_channel_markers(
        markdown,
        channels=site_channels(config),
        language=mkdocs_site.page_language(page, config),
        help_link=link_from(page.file.src_uri, help_page(config)),
        env=mkdocs_site.theme_env(config),
        source=mkdocs_site.source(page),
        shown=channels_file(config)[1],
        first_line=body_first_line(page.file.content_string, markdown),
    )


def channels_file(config: MkDocsConfig) -> tuple:
    return mkdocs_site.site(config).data_file("channels_file", CHANNELS_FILE)


def help_page(config: MkDocsConfig) -> str:
    return mkdocs_site.site(config).setting("help_page", HELP_PAGE)


def site_channels(config: MkDocsConfig) -> dict[str, Channel]:
    """The site's channels, read once per build (every adapter that needs them asks here)."""
    path, shown = channels_file(config)
    return per_build.once(("channels", str(path)), lambda: load_channels(path, shown, mkdocs_site.site(config).languages))
