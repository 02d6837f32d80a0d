"""Sharing a page: its own description, Open Graph and Twitter card tags,
hreflang alternates and a preview image (thin adapter; the work is in
engine/share_meta.py and engine/share_image.py, the markup in overrides/partials/share-meta.html).

A page without a `description:` in its front matter fails the build, naming
the file. The tags that need an absolute address (og:url, og:image,
hreflang, canonical) and the preview images exist only when `site_url` is
set (SITE_URL, as the Pages workflow sets it): the offline zip has neither.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import mkdocs_site
from engine import per_build, share_image, share_meta
from engine.errors import GuideError

on_config = mkdocs_site.start_build  # a new build: images drawn for the last one are redrawn


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    problem = share_meta.description_problem(page.meta)
    if problem:
        raise GuideError(mkdocs_site.source(page), problem[0], problem[1], 1)
    return None


@mkdocs_site.guide_event
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    site = mkdocs_site.site(config)
    alternates = getattr(page.file, "alternates", None) or {}
    share = share_meta.share(
        title=page.title or config.site_name,
        description=str(page.meta["description"]),
        site_name=config.site_name,
        language=mkdocs_site.page_language(page, config),
        languages=list(site.languages),
        default_language=site.default,
        site_url=config.site_url or "",
        page_url=page.url,
        alternate_urls={lang: alt.url for lang, alt in alternates.items()},
    )
    if share.image:
        png = image_for(share.title, share.site_name)
        Path(page.file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        (Path(page.file.abs_dest_path).parent / share_meta.IMAGE_NAME).write_bytes(png)
    context["share"] = share
    return context


def image_for(title: str, site_name: str) -> bytes:
    """The preview PNG: drawn once per title and guide name in a build, reused
    for any other page that shows the same; forgotten when the build ends."""
    return per_build.once(("share-image", title, site_name), lambda: _draw(title, site_name))


def _draw(title: str, site_name: str) -> bytes:
    try:
        fonts = per_build.once("share-fonts", lambda: (share_image.find_font("Bold"), share_image.find_font("Regular")))
    except share_image.FontMissing as missing:
        raise GuideError("hooks/engine/share_image.py", str(missing), "install the font, then build again") from None
    return share_image.draw_preview(title, site_name, bold=fonts[0], regular=fonts[1])
