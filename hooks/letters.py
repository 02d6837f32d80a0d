"""MkDocs adapter for the letters (engine/letters.py).

`<!-- letter: id -->` on a page becomes the letter data/letters/<id>.yml: a
form (overrides/assets/javascripts/letter-form.js fills the letter as the
reader types, in the browser only), the letter with blank lines to fill by
hand, its meaning in the page's language and the laws it cites. Markup:
overrides/partials/letter.html.

Settings: `extra.letters_dir` (the letter files) and `extra.laws_file` (the
laws they cite). Without letters_dir this hook does nothing.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import mkdocs_site
from channels import site_channels
from engine import per_build
from engine.errors import GuideError
from engine.letters import MARKER, Law, Letter, check_markers, letter_view, load_laws, load_letter, marker_ids, render_letter
from engine.site import body_first_line

TEMPLATE = "partials/letter.html"
SCRIPT = "assets/javascripts/letter-form.js"
LAWS_FILE = "data/laws.yml"

on_config = mkdocs_site.start_build


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not _enabled(config) or "<!--" not in markdown or "letter" not in markdown:
        return None
    source = mkdocs_site.source(page)
    markers = marker_ids(markdown, source, body_first_line(page.file.content_string, markdown))
    if markers:
        check_markers(markers, _letters(config), source, mkdocs_site.site(config).setting("letters_dir", ""))
    return None


@event_priority(-60)  # after glossary.py (-50): no term link lands inside the letter or its form
@mkdocs_site.guide_event
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not _enabled(config) or "<!--" not in html or "letter:" not in html:
        return None
    language = mkdocs_site.page_language(page, config)
    letters, laws, channels = _letters(config), _laws(config), _contacts(config)
    labels = mkdocs_site.all_labels(config)
    languages = mkdocs_site.site(config).languages
    cite = {lang: labels[lang].letter_cite for lang in languages}
    hints = {lang: labels[lang].letter_hint for lang in languages}
    here = (page.url.rstrip("/") if page.url.endswith("/") else posixpath.dirname(page.url)) or "."
    env = mkdocs_site.theme_env(config)

    def replace(match) -> str:  # type: ignore[no-untyped-def]
        view = letter_view(letters[match.group(1)], language, laws=laws, channels=channels, cite=cite)
        return render_letter(
            env, TEMPLATE, view, lang=language, hints=hints, script_url=posixpath.relpath(SCRIPT, here), words=labels[language].group("letter_")
        )

    return MARKER.sub(replace, html)


def _enabled(config: MkDocsConfig) -> bool:
    return bool(mkdocs_site.site(config).settings.get("letters_dir"))


def _contacts(config: MkDocsConfig) -> dict[str, str]:
    return {cid: channel.contact for cid, channel in site_channels(config).items()}


def _laws(config: MkDocsConfig) -> dict[str, Law]:
    site = mkdocs_site.site(config)
    path, shown = site.data_file("laws_file", LAWS_FILE)
    return per_build.once(("laws", str(path)), lambda: load_laws(path, shown, site.languages))


def _letters(config: MkDocsConfig) -> dict[str, Letter]:
    """Every letter in extra.letters_dir, read and checked once per build."""
    site = mkdocs_site.site(config)
    folder, shown = site.data_file("letters_dir", "")

    def read() -> dict[str, Letter]:
        if not folder.is_dir():
            raise GuideError(shown, "the letters folder does not exist", "create it, or point extra.letters_dir in mkdocs.yml at the right folder")
        laws, channels = _laws(config), _contacts(config)
        return {
            path.stem: load_letter(path, f"{shown.rstrip('/')}/{path.name}", site.languages, laws, channels)
            for path in sorted(folder.glob("*.yml"))
        }

    return per_build.once(("letters", str(folder)), read)
