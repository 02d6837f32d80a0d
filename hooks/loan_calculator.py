"""The loan rate calculator: `<!-- loan-calculator -->` on a page becomes a form
(overrides/assets/javascripts/loan-rate.js works it in the reader's browser),
the law beside it, a worksheet to fill by hand and worked examples whose
figures hooks/loan_rate.py computes at build time from data/loan-examples.yml.

A misspelt marker (`<!-- loan-calculater -->`) fails the build with its file
and line. The markup is overrides/partials/loan-calculator.html; the marker
is replaced in the page's HTML after the glossary has linked its terms, so
no term link lands inside a form label.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import build_cache
from build_errors import GuideError
from channels import front_matter_lines, page_language
from loan_calculator_data import DATA_FILE, LANGUAGES, MARKER, example_views, load_calculator_data, marker_lines

TEMPLATE = "partials/loan-calculator.html"
SCRIPT = "assets/javascripts/loan-rate.js"
HELP_NAME = "help"  # the help page, in each language's folder
PLACEHOLDER = f"<!-- {MARKER} -->"


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    build_cache.reset()  # a new build: read the data again (see build_cache.py)
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "<!--" not in markdown or "loan" not in markdown:
        return None
    source = f"docs/{page.file.src_uri}"
    lines = marker_lines(markdown, source, front_matter_lines(page.file.content_string, markdown))
    if len(lines) > 1:
        raise GuideError(source, "the page has more than one <!-- loan-calculator --> marker", "keep one: the form's script expects one calculator per page", lines[1])
    if lines:
        _data(config)  # a broken data file fails here, naming its line
    return None


@event_priority(-60)  # after glossary.py (-50) has linked terms in the page's prose
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if PLACEHOLDER not in html:
        return None
    language = page_language(page)
    data = _data(config)
    # The page's folder (use_directory_urls: 'en/check-debt/' -> 'en/check-debt').
    here = (page.url.rstrip("/") if page.url.endswith("/") else posixpath.dirname(page.url)) or "."
    root = "" if language == LANGUAGES[0] else language
    template = build_cache.theme_env(config).get_template(TEMPLATE)
    rendered = template.render(
        lang=language,
        labels=data.labels[language],
        law=[point[language] for point in data.law],
        examples=example_views(data, language),
        script_url=posixpath.relpath(SCRIPT, here),
        help_url=_help_url(root, here, directory_urls=bool(config.use_directory_urls)),
    )
    return html.replace(PLACEHOLDER, rendered, 1)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def _help_url(root: str, here: str, *, directory_urls: bool) -> str:
    """The help page seen from the page's folder: '../help/' on the site, 'help.html' offline."""
    if directory_urls:
        return posixpath.relpath(posixpath.join(root, HELP_NAME), here) + "/"
    return posixpath.relpath(posixpath.join(root, HELP_NAME + ".html"), here)


def _data(config: MkDocsConfig):
    path = Path(config.config_file_path).parent / DATA_FILE
    return build_cache.once(("loan-calculator", str(path)), lambda: load_calculator_data(path))

