"""MkDocs adapter for the "print the whole guide" page (engine/print_pages.py).

Why not mkdocs-print-site-plugin: with mkdocs-static-i18n it writes only the
last built language, because it collects pages in plugin state while
static-i18n runs the next language's build nested inside the first one. This
hook keeps no state at all. MkDocs converts the Markdown of every page before
it renders any template, so when the print page reaches `on_page_context`,
`nav` is this language's navigation and each of its pages already holds its
final HTML. Each language's build fills its own print page from its own nav.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import mkdocs_site
from engine.errors import GuideError
from engine.print_book import book_cover, move_last
from engine.print_pages import MARKER, TEMPLATE, ChapterEntry, chapter_anchor, has_marker, misspelt_markers, nav_entries, replace_marker, walk, walk_chapters


on_config = mkdocs_site.start_build


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    problems = misspelt_markers(page.file.content_string)
    if problems:
        line, text = problems[0]
        raise GuideError(mkdocs_site.source(page), f"'{text}' is not a marker this hook knows", f"write exactly <!-- {MARKER} --> on a line of its own", line)
    return None


# Every page's HTML is final here for what hooks add in on_page_markdown and
# on_page_content (where the guide's hooks add content). Late, after
# static-i18n's on_page_context (50), which sets up the page's language.
@event_priority(-50)
@mkdocs_site.guide_event
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
    if not page.content or not has_marker(page.content):
        return None
    site = mkdocs_site.site(config)
    entries = nav_entries(nav.items, page, site)
    if not any(isinstance(entry, ChapterEntry) for entry in walk(entries)):
        raise GuideError(mkdocs_site.source(page), "the navigation has no other page to print", "list the guide's pages under nav: in mkdocs.yml")
    if "glossary_page" in site.settings:  # the book ends with the one glossary
        entries = move_last(entries, chapter_anchor(f"{site.settings['glossary_page']}.md", site))
    chapters = list(walk_chapters(entries))
    labels = mkdocs_site.labels(config)
    cover = book_cover(
        title=config.site_name, subject=config.site_description or "", site_url=config.site_url or "",
        reviewed_dates=[chapter.reviewed for chapter in chapters], edition=site.settings.get("book_edition"), qr_title=labels.book_qr_title,
    )
    template = mkdocs_site.theme_env(config).get_template(TEMPLATE)
    body = template.render(entries=entries, chapters=chapters, cover=cover, config=config)
    page.content = replace_marker(page.content, body)
    return context
