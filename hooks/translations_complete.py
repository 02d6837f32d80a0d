"""Fail the build when a page exists in one language only.

mkdocs-static-i18n would otherwise drop the page from one language, or fall
back to the other language, and the reader would not know.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from build_errors import GuideError


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    i18n = config.plugins["i18n"].config
    locales = [language.locale for language in i18n.languages]
    default = next(language.locale for language in i18n.languages if language.default)
    docs_dir = Path(config.docs_dir)
    pages = [p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")]
    problems = missing_translations(pages, locales, default)
    if problems:
        page, wanted = problems[0]
        more = f" ({len(problems) - 1} more missing)" if len(problems) > 1 else ""
        raise GuideError(
            f"docs/{page}",
            f"this page has no '{wanted}' version{more}",
            f"write docs/{page_name(base_name(page, locales), wanted, default)}",
        )
    return None


# -----------------------------------------------------------------------------
# Pure core
# -----------------------------------------------------------------------------

def base_name(path: str, locales: list[str]) -> str:
    """'guide/x.en.md' -> 'guide/x'; 'guide/x.md' -> 'guide/x'."""
    stem = path[: -len(".md")]
    for locale in locales:
        if stem.endswith(f".{locale}"):
            return stem[: -len(locale) - 1]
    return stem


def page_name(base: str, locale: str, default: str) -> str:
    """The suffix-structure file name of one page in one language."""
    return f"{base}.md" if locale == default else f"{base}.{locale}.md"


def missing_translations(pages: list[str], locales: list[str], default: str) -> list[tuple[str, str]]:
    """For each page lacking a language: (an existing file of that page, the missing locale)."""
    present = set(pages)
    problems: list[tuple[str, str]] = []
    for base in sorted({base_name(p, locales) for p in pages}):
        existing = [page_name(base, loc, default) for loc in locales if page_name(base, loc, default) in present]
        for locale in locales:
            if page_name(base, locale, default) not in present:
                problems.append((existing[0], locale))
    return problems
