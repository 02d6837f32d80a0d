"""Link each page's glossary terms to a bilingual glossary page.

The terms live in one YAML file (data/glossary.yml; another site can point
`extra.glossary_file` elsewhere, and `extra.glossary_page` at another page).
The glossary page is a stub Markdown page per language holding the marker
`<!-- glossary -->`; this hook renders the sorted entries into it.

On every other page the FIRST linkable occurrence of each term becomes a
button that shows its definition in place (partials/glossary-link.html):

    <button popovertarget="glossary-violent-collection" class="glossary-term">暴力催收</button>
    <span id="glossary-violent-collection" popover>definition <a href="../glossary/#violent-collection">…</a></span>

Why a popover: a tap or Enter shows the definition where the reader is, with
no JavaScript (a link with a title made a phone load the long glossary page,
and a title cannot be seen on touch); the link to the entry is inside it.
Where popovers are unsupported, a small script follows that link instead.
A <details> cannot sit inside a sentence. The box is hidden until opened, so
it is not in the page's visible text, and data-search-exclude keeps it out
of the search index. Not Material's `content.tooltips`: it sets up every
term's tooltip as a page loads, too much work for a phone on the long pages.
Each term is linked once per page, so its definition is on a page once more
(besides the print list). In print, the page ends with the definitions of the
terms it links (partials/glossary-print.html, shown only by the print
stylesheet).

Linking runs in on_page_content at low priority, on the page's final content
HTML (FAQ answers and channel cards included), never on navigation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import build_cache
from build_errors import GuideError
from glossary_data import Term, check_see_pages, load_glossary, sorted_terms
from glossary_link import Matcher, apply_links, find_links

DEFAULT_FILE = "data/glossary.yml"
DEFAULT_PAGE = "glossary"
MARKER = re.compile(r"<!--\s*glossary\b(.*?)-->", re.DOTALL)
HREF_SLOT, TEXT_SLOT = "\ue000", "\ue001"


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    # Runs at the start of every build (once per language under static-i18n):
    # the previous build's state is dropped here.
    global _build
    build_cache.reset()
    shown = str(config.extra.get("glossary_file", DEFAULT_FILE))
    languages, default = site_languages(config)
    path = Path(config.config_file_path).parent / shown
    page = str(config.extra.get("glossary_page", DEFAULT_PAGE))
    _build = _Build(load_glossary(path, shown, languages), shown, page, languages, default)
    return None


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    build = _current()
    docs = Path(config.docs_dir)
    if not (docs / f"{build.page}.md").is_file():
        raise GuideError(f"docs/{build.page}.md", "the glossary page is missing", "create it (one file per language) holding <!-- glossary -->")
    check_see_pages(build.terms, build.source, lambda name: (docs / f"{name}.md").is_file())
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    build = _current()
    source = page.file.content_string
    is_glossary = page_name(page.file) == build.page
    markers = list(MARKER.finditer(source))
    for marker in markers:
        line = source.count("\n", 0, marker.start()) + 1
        if marker.group(1).strip():
            raise GuideError(f"docs/{page.file.src_uri}", f"unknown glossary marker '{marker.group(0)}'", "write exactly <!-- glossary -->", line)
        if not is_glossary:
            raise GuideError(f"docs/{page.file.src_uri}", "the glossary marker is on the wrong page", f"keep <!-- glossary --> on docs/{build.page}.md only", line)
    if is_glossary and len(markers) != 1:
        raise GuideError(f"docs/{page.file.src_uri}", "the glossary page needs exactly one <!-- glossary --> marker", "put it on its own line where the entries go")
    return None


@event_priority(-50)  # after other hooks' content changes: link the final HTML
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    build = _current()
    if page_name(page.file) == build.page:
        return None
    language = page_language(page, build)
    glossary = files.get_file_from_path(f"{build.page}.md")
    env = build_cache.theme_env(config)
    return link_page(
        html,
        matcher=build.matcher(language),
        parts=build.parts(language, env),
        href=glossary.url_relative_to(page.file) if glossary else f"{build.page}/",
    )


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    # Every page has been read and converted by now: titles and anchors are known.
    build = _current()
    glossary = files.get_file_from_path(f"{build.page}.md")
    if glossary is None or glossary.page is None or glossary.page.content is None:
        return None
    language = page_language(glossary.page, build)
    see = {term.id: _see_link(term, build, glossary, files) for term in build.terms if term.see_page}
    listing = render_glossary(sorted_terms(build.terms, language), language, see, build_cache.theme_env(config))
    glossary.page.content = MARKER.sub(lambda _: listing, glossary.page.content, count=1)
    return None


# -----------------------------------------------------------------------------
# Pure core (markup lives in overrides/partials/glossary-*.html)
# -----------------------------------------------------------------------------

def link_page(html: str, *, matcher: Matcher, parts: Parts, href: str) -> str | None:
    """A page's content HTML with its terms linked and the print list appended; None if no term occurs.

    href: the glossary page's URL relative to this page."""
    links = find_links(html, matcher)
    if not links:
        return None
    definitions = "".join([parts.print_entries[term_id] for _, _, term_id in links])
    return apply_links(html, links, parts.tags(href)) + parts.print_open + definitions + parts.print_close


@dataclass(frozen=True)
class Parts:
    """One language's rendered markup, split around what changes per page.

    links: term id -> (markup before the term's text, markup after it), the
    glossary href left as a placeholder in either;
    print_open + the print entries of the linked terms + print_close: the print list.
    """

    links: dict[str, tuple[str, str]]
    print_entries: dict[str, str]
    print_open: str
    print_close: str
    _tags: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def tags(self, href: str) -> dict[str, tuple[str, str]]:
        """term id -> (opening, closing) for pages whose glossary href is `href`
        (pages at the same depth share it)."""
        if href not in self._tags:
            self._tags[href] = {
                term_id: (opening.replace(HREF_SLOT, href), closing.replace(HREF_SLOT, href))
                for term_id, (opening, closing) in self.links.items()
            }
        return self._tags[href]


def render_parts(terms: list[Term], language: str, env: Environment) -> Parts:
    """Render every term's link and print entry once (per build and language)."""
    link = env.get_template("partials/glossary-link.html")
    printed = env.get_template("partials/glossary-print.html").make_module({"lang": language, "entries": Markup(TEXT_SLOT)})
    links = {}
    for term in terms:
        rendered = link.render(
            href=f"{HREF_SLOT}#{term.id}",
            term_id=term.id,
            definition=term.texts[language].definition,
            text=Markup(TEXT_SLOT),
            lang=language,
        )
        opening, _, closing = rendered.strip().partition(TEXT_SLOT)
        links[term.id] = (opening, closing)
    print_entries = {t.id: str(printed.entry(t.texts[language].term, t.texts[language].definition)) for t in terms}
    print_open, _, print_close = str(printed).strip().partition(TEXT_SLOT)
    return Parts(links, print_entries, "\n" + print_open, print_close)


def render_glossary(terms: list[Term], language: str, see: dict[str, tuple[str, str]], env: Environment) -> str:
    """The glossary entries in the given order; see maps term id -> (href, title)."""
    entries = [
        {
            "id": term.id,
            "term": term.texts[language].term,
            "variants": term.texts[language].variants,
            "definition": term.texts[language].definition,
            "others": [(other, text.term) for other, text in term.texts.items() if other != language],
            "see": see.get(term.id),
        }
        for term in terms
    ]
    return env.get_template("partials/glossary-page.html").render(entries=entries, lang=language)


def page_name(file: File) -> str:
    """'glossary.en.md' or 'glossary.md' -> 'glossary' (the suffix structure's page name)."""
    stem = file.src_uri[: -len(".md")] if file.src_uri.endswith(".md") else file.src_uri
    locale = getattr(file, "locale", None)
    return stem[: -len(locale) - 1] if locale and stem.endswith(f".{locale}") else stem


def site_languages(config: MkDocsConfig) -> tuple[list[str], str]:
    """The site's languages and its default one: static-i18n's, or the theme's only language."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        languages = [language.locale for language in i18n.config.languages]
        default = next(language.locale for language in i18n.config.languages if language.default)
        return languages, default
    language = str(config.theme.get("language") or "en")
    return [language], language


def page_language(page: Page, build: _Build) -> str:
    locale = getattr(page.file, "locale", None)
    return locale if locale in build.languages else build.default


# -----------------------------------------------------------------------------
# Private helpers and per-build state
# -----------------------------------------------------------------------------

@dataclass
class _Build:
    """All one build knows about the glossary; replaced in every on_config."""

    terms: list[Term]
    source: str
    page: str
    languages: list[str]
    default: str
    _matchers: dict[str, Matcher] = field(default_factory=dict)
    _parts: dict[str, Parts] = field(default_factory=dict)

    def matcher(self, language: str) -> Matcher:
        if language not in self._matchers:
            self._matchers[language] = Matcher(
                {t.id: t.texts[language].forms for t in self.terms},
                {t.id: t.texts[language].not_in for t in self.terms},
            )
        return self._matchers[language]

    def parts(self, language: str, env: Environment) -> Parts:
        if language not in self._parts:
            self._parts[language] = render_parts(self.terms, language, env)
        return self._parts[language]


_build: _Build | None = None


def _current() -> _Build:
    if _build is None:
        raise GuideError("mkdocs.yml", "the glossary hook ran before on_config", "list hooks/glossary.py under hooks:")
    return _build


def _see_link(term: Term, build: _Build, glossary: File, files: Files) -> tuple[str, str]:
    """(href relative to the glossary page, the target page's title); a missing section fails."""
    target = files.get_file_from_path(f"{term.see_page}.md")
    if target is None or target.page is None:
        raise GuideError(build.source, f"term '{term.id}': its see: page '{term.see_page}' is not built in this language", "translate that page or change see:", term.see_line)
    anchors = target.page.present_anchor_ids or set()
    if term.see_anchor and term.see_anchor not in anchors:
        raise GuideError(
            build.source,
            f"term '{term.id}': the page '{term.see_page}' has no section '#{term.see_anchor}'",
            f"use one of its section ids: {', '.join(sorted(anchors)) or '(none)'}",
            term.see_line,
        )
    href = target.url_relative_to(glossary) + (f"#{term.see_anchor}" if term.see_anchor else "")
    return href, target.page.title or term.see_page
