"""MkDocs adapter for the questions and answers (engine/faq_data.py, engine/faq_render.py).

Settings: `extra.faq_file` (default data/faq.yml), `extra.faq_page` (default
faq.md). Phone numbers in answers are channel markers, which hooks/channels.py
renders: this hook runs before it (see mkdocs.yml).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import mkdocs_site
from channels import channels_file, site_channels
from engine import per_build
from engine.errors import GuideError
from engine.faq_data import Faq, broken_anchors, load_faq
from engine.faq_render import INDEX_MARKER, MARKER, answer_texts, faq_jsonld, render_faq_markers
from engine.site import body_first_line, explicit_ids

FAQ_FILE = "data/faq.yml"
FAQ_PAGE = "faq.md"


on_config = mkdocs_site.start_build


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not MARKER.search(markdown) and not INDEX_MARKER.search(markdown):
        return None
    site, language = mkdocs_site.site(config), mkdocs_site.page_language(page, config)
    faq_page = site.setting("faq_page", FAQ_PAGE)
    rendered = render_faq_markers(
        markdown,
        faq=_faq(config),
        language=language,
        page_src_uri=page.file.src_uri,
        env=mkdocs_site.theme_env(config),
        source=mkdocs_site.source(page),
        first_line=body_first_line(page.file.content_string, markdown),
        taken_ids=explicit_ids(page.file.content_string),
        faq_page=faq_page if files.get_file_from_path(faq_page) else None,
        page_path=site.default_file(page.file.src_uri),
    )
    if rendered.shown:
        answers = per_build.once(("faq-answer-texts", language), lambda: answer_texts(_faq(config), language, _channels(config) or {}))
        page.meta["faq_jsonld"] = faq_jsonld(rendered.shown, language, answers)
    return rendered.markdown


@mkdocs_site.guide_event
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Every anchor an answer links to exists on the page in this build's language."""
    if not _faq_file(config)[0].is_file():
        return None
    faq = _faq(config)
    language = mkdocs_site.build_language(config)

    def anchors_of(target: str) -> set[str] | None:
        file = files.get_file_from_path(target)
        return set(file.page.present_anchor_ids or ()) if file and file.page else None

    problems = broken_anchors(faq, language, anchors_of)
    if problems:
        question, line, link = problems[0]
        raise GuideError(faq.source, f"the {language} answer of '{question}' links to '{link}', and that anchor does not exist", "link to an id the page has (its headings' { #ids })", line)
    return None


def _faq_file(config: MkDocsConfig) -> tuple:
    return mkdocs_site.site(config).data_file("faq_file", FAQ_FILE)


def _faq(config: MkDocsConfig) -> Faq:
    path, shown = _faq_file(config)
    site = mkdocs_site.site(config)
    return per_build.once(("faq", str(path)), lambda: load_faq(path, shown=shown, languages=site.languages, docs_dir=site.docs_dir, channels=_channels(config)))


def _channels(config: MkDocsConfig) -> dict | None:
    """The site's channels, or None for a site without a channel file."""
    return site_channels(config) if channels_file(config)[0].is_file() else None
