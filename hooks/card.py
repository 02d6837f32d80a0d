"""MkDocs adapter for the emergency card (engine/card.py, overrides/partials/card.html).

Setting: `extra.card_file` (data/card.yml for the guide); absent, the hook
does nothing. `<!-- emergency-card -->` on a page becomes the card, its
numbers from `extra.channels_file`; the site's address (`site_url`) and its
QR code are printed on it when the site has one.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import mkdocs_site
from channels import site_channels
from engine import per_build
from engine.card import PLACEHOLDER, CardData, card_view, load_card, marker_lines, render_card
from engine.site import body_first_line

on_config = mkdocs_site.start_build


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "card_file" not in config.extra or "emergency" not in markdown:
        return None
    if marker_lines(markdown, mkdocs_site.source(page), body_first_line(page.file.content_string, markdown)):
        _data(config)  # a broken card file fails here, naming its line
    return None


@event_priority(-60)  # after glossary.py (-50): no term links inside the card
@mkdocs_site.guide_event
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "card_file" not in config.extra or PLACEHOLDER not in html:
        return None
    view = card_view(_data(config), site_channels(config), mkdocs_site.page_language(page, config), config.site_url or "")
    return html.replace(PLACEHOLDER, render_card(mkdocs_site.theme_env(config), view), 1)


def _data(config: MkDocsConfig) -> CardData:
    site = mkdocs_site.site(config)
    path, shown = site.data_file("card_file", "data/card.yml")
    return per_build.once(("card", str(path)), lambda: load_card(path, shown, site.languages, site_channels(config)))
