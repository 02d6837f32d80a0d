"""MkDocs adapter: link each page's glossary terms to the glossary page (engine/glossary_*.py).

The terms live in one YAML file (`extra.glossary_file`, default
data/glossary.yml); the glossary page (`extra.glossary_page`, default
glossary) is a stub Markdown page per language holding the marker
`<!-- glossary -->`, which this hook fills with the sorted entries.

On every other page the FIRST linkable occurrence of each term becomes a
button that shows its definition in place, a popover with the link to the
entry (partials/glossary-link.html says why). In print, the page ends with
the definitions of the terms it links (partials/glossary-print.html).

Linking runs in on_page_content at low priority, on the page's final content
HTML (FAQ answers and channel cards included), never on navigation.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import mkdocs_site
from engine import per_build
from engine.errors import GuideError
from engine.glossary_data import Term, check_see_pages, load_glossary, sorted_terms
from engine.glossary_render import MARKER, check_markers, link_page, matcher_for, render_glossary

GLOSSARY_FILE = "data/glossary.yml"
GLOSSARY_PAGE = "glossary"


@mkdocs_site.guide_event
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    mkdocs_site.start_build(config)
    site_terms(config)  # a broken glossary file fails before any page is read
    return None


@mkdocs_site.guide_event
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    docs, page = mkdocs_site.site(config).docs_dir, glossary_page(config)
    if not (docs / f"{page}.md").is_file():
        raise GuideError(f"docs/{page}.md", "the glossary page is missing", "create it (one file per language) holding <!-- glossary -->")
    check_see_pages(site_terms(config), _file(config)[1], lambda name: (docs / f"{name}.md").is_file())
    return None


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    check_markers(page.file.content_string, source=mkdocs_site.source(page), glossary_page=glossary_page(config), is_glossary=_is_glossary(page.file, config))
    return None


@event_priority(-50)  # after other hooks' content changes: link the final HTML
@mkdocs_site.guide_event
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if _is_glossary(page.file, config):
        return None
    language = mkdocs_site.page_language(page, config)
    terms = site_terms(config)
    glossary = files.get_file_from_path(f"{glossary_page(config)}.md")
    return link_page(
        html,
        matcher=per_build.once(("glossary-matcher", language), lambda: matcher_for(terms, language)),
        terms=terms,
        language=language,
        href=glossary.url_relative_to(page.file) if glossary else f"{glossary_page(config)}/",
        env=mkdocs_site.theme_env(config),
    )


@mkdocs_site.guide_event
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    # Every page has been read and converted by now: titles and anchors are known.
    glossary = files.get_file_from_path(f"{glossary_page(config)}.md")
    if glossary is None or glossary.page is None or glossary.page.content is None:
        return None
    language = mkdocs_site.page_language(glossary.page, config)
    terms = site_terms(config)
    see = {term.id: _see_link(term, config, glossary, files) for term in terms if term.see_page}
    listing = render_glossary(sorted_terms(terms, language), language, see, mkdocs_site.theme_env(config))
    glossary.page.content = MARKER.sub(lambda _: listing, glossary.page.content, count=1)
    return None


def _file(config: MkDocsConfig) -> tuple:
    return mkdocs_site.site(config).data_file("glossary_file", GLOSSARY_FILE)


def glossary_page(config: MkDocsConfig) -> str:
    return mkdocs_site.site(config).setting("glossary_page", GLOSSARY_PAGE)


def site_terms(config: MkDocsConfig) -> list[Term]:
    path, shown = _file(config)
    return per_build.once(("glossary", str(path)), lambda: load_glossary(path, shown, mkdocs_site.site(config).languages))


def _is_glossary(file: File, config: MkDocsConfig) -> bool:
    return mkdocs_site.site(config).base_name(file.src_uri) == glossary_page(config)


def _see_link(term: Term, config: MkDocsConfig, glossary: File, files: Files) -> tuple[str, str]:
    """(href relative to the glossary page, the target page's title); a missing section fails."""
    shown = _file(config)[1]
    target = files.get_file_from_path(f"{term.see_page}.md")
    if target is None or target.page is None:
        raise GuideError(shown, f"term '{term.id}': its see: page '{term.see_page}' is not built in this language", "translate that page or change see:", term.see_line)
    anchors = target.page.present_anchor_ids or set()
    if term.see_anchor and term.see_anchor not in anchors:
        raise GuideError(shown, f"term '{term.id}': the page '{term.see_page}' has no section '#{term.see_anchor}'", f"use one of its section ids: {', '.join(sorted(anchors)) or '(none)'}", term.see_line)
    href = target.url_relative_to(glossary) + (f"#{term.see_anchor}" if term.see_anchor else "")
    return href, target.page.title or term.see_page
