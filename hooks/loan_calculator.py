"""MkDocs adapter for the loan rate calculator (engine/loan_calculator_data.py, engine/loan_rate.py).

`<!-- loan-calculator -->` on a page becomes a form
(overrides/assets/javascripts/loan-rate.js works it in the reader's browser),
the law beside it, a worksheet to fill by hand and worked examples whose
figures are computed at build time from `extra.loan_examples_file` (default
data/loan-examples.yml). A misspelt marker fails the build with its file and
line. The markup is overrides/partials/loan-calculator.html; the marker is
replaced in the page's HTML after the glossary has linked its terms, so no
term link lands inside a form label.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import mkdocs_site
from engine import per_build
from engine.errors import GuideError
from engine.loan_calculator_data import DATA_FILE, MARKER, CalculatorData, example_views, load_calculator_data, marker_lines
from engine.site import body_first_line

TEMPLATE = "partials/loan-calculator.html"
SCRIPT = "assets/javascripts/loan-rate.js"
PLACEHOLDER = f"<!-- {MARKER} -->"

on_config = mkdocs_site.start_build


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "<!--" not in markdown or "loan" not in markdown:
        return None
    source = mkdocs_site.source(page)
    lines = marker_lines(markdown, source, body_first_line(page.file.content_string, markdown) - 1)
    if len(lines) > 1:
        raise GuideError(source, "the page has more than one <!-- loan-calculator --> marker", "keep one: the form's script expects one calculator per page", lines[1])
    if lines:
        _data(config)  # a broken data file fails here, naming its line
    return None


@event_priority(-60)  # after glossary.py (-50) has linked terms in the page's prose
@mkdocs_site.guide_event
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if PLACEHOLDER not in html:
        return None
    site, language = mkdocs_site.site(config), mkdocs_site.page_language(page, config)
    data = _data(config)
    # The page's folder (use_directory_urls: 'en/check-debt/' -> 'en/check-debt').
    here = (page.url.rstrip("/") if page.url.endswith("/") else posixpath.dirname(page.url)) or "."
    help_page = posixpath.join("" if language == site.default else language, site.base_name(site.setting("help_page", "help.md")))
    help_url = posixpath.relpath(help_page, here) + "/" if config.use_directory_urls else posixpath.relpath(help_page + ".html", here)
    rendered = mkdocs_site.theme_env(config).get_template(TEMPLATE).render(
        lang=language,
        labels=data.labels[language],
        law=[point[language] for point in data.law],
        examples=example_views(data, language),
        script_url=posixpath.relpath(SCRIPT, here),
        help_url=help_url,
    )
    return html.replace(PLACEHOLDER, rendered, 1)


def _data(config: MkDocsConfig) -> CalculatorData:
    site = mkdocs_site.site(config)
    path, shown = site.data_file("loan_examples_file", DATA_FILE)
    return per_build.once(("loan-calculator", str(path)), lambda: load_calculator_data(path, shown, site.languages, mkdocs_site.all_labels(config)))
