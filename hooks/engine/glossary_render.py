"""The glossary's markup: linked terms in a page, the print list, the glossary page.

Markup lives in overrides/partials/glossary-*.html; this module gathers what
they show. On every page but the glossary itself the FIRST linkable
occurrence of each term becomes a link to its entry, with the definition as
its title (it works with no JavaScript: a tap follows the link to the entry).
In print, the page ends with the definitions of the terms it links.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from markupsafe import Markup

from .errors import GuideError
from .glossary_data import Term
from .glossary_link import Matcher, apply_links, find_links
from .site import line_at

# Where the glossary page's entries go: exactly `<!-- glossary -->`, on that page only.
MARKER = re.compile(r"<!--\s*glossary\b(.*?)-->", re.DOTALL)


def check_markers(page_source: str, *, source: str, glossary_page: str, is_glossary: bool) -> None:
    """A misspelt marker, a marker on another page, or the glossary page without exactly one, fails."""
    markers = list(MARKER.finditer(page_source))
    for marker in markers:
        line = line_at(page_source, marker.start())
        if marker.group(1).strip():
            raise GuideError(source, f"unknown glossary marker '{marker.group(0)}'", "write exactly <!-- glossary -->", line)
        if not is_glossary:
            raise GuideError(source, "the glossary marker is on the wrong page", f"keep <!-- glossary --> on docs/{glossary_page}.md only", line)
    if is_glossary and len(markers) != 1:
        raise GuideError(source, "the glossary page needs exactly one <!-- glossary --> marker", "put it on its own line where the entries go")


def matcher_for(terms: list[Term], language: str) -> Matcher:
    """Every form of every term in one language, ready to search pages."""
    return Matcher({t.id: t.texts[language].forms for t in terms}, {t.id: t.texts[language].not_in for t in terms})


def link_page(html: str, *, matcher: Matcher, terms: list[Term], language: str, href: str, env: Environment) -> str | None:
    """A page's content HTML with its terms linked and the print list appended; None if no term occurs.

    href: the glossary page's URL relative to this page."""
    links = find_links(html, matcher)
    if not links:
        return None
    by_id = {term.id: term.texts[language] for term in terms}
    link = env.get_template("partials/glossary-link.html")

    def wrap(term_id: str, text: str) -> str:
        definition = by_id[term_id].definition
        return link.render(href=f"{href}#{term_id}", term_id=term_id, definition=definition, text=Markup(text), lang=language).strip()

    printed = env.get_template("partials/glossary-print.html").render(entries=[by_id[term_id] for _, _, term_id in links], lang=language)
    return apply_links(html, links, wrap) + "\n" + printed.strip()


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
