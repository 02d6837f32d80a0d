"""Site facts every part of the engine shares: languages, page file names, ids and lines.

One place for what used to be worked out in each hook: which languages the
site has and which is the default, a page's language from its file name
(suffix structure: `rights.md` is the default language, `rights.en.md`
English), a page's file in another language, where a data file named by a
setting lives, the explicit-id pattern, line numbers of markers, and whether
a text is present in every language.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GuideError

# An attribute list that gives an id: "{ #call-log }", "{ #id .class }".
EXPLICIT_ID = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}")
# An id written as an HTML attribute in a page's source.
_ID_ATTRIBUTE = re.compile(r"\bid=[\"']([\w-]+)[\"']")
# An ATX heading of any level: (hashes, text with its attribute list).
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Site:
    """What the engine knows of the site it builds."""

    root: Path  # the folder of mkdocs.yml: data file settings are relative to it
    docs_dir: Path
    languages: tuple[str, ...]  # every language, as configured
    default: str  # the language of `page.md`
    settings: Mapping[str, Any] = field(default_factory=dict)  # mkdocs.yml's `extra:`

    def language_of(self, src_uri: str) -> str:
        """'rights.en.md' -> 'en'; 'rights.md' -> the default language."""
        stem = src_uri.removesuffix(".md")
        return next((language for language in self.languages if language != self.default and stem.endswith(f".{language}")), self.default)

    def base_name(self, src_uri: str) -> str:
        """'guide/x.en.md' -> 'guide/x'; 'guide/x.md' -> 'guide/x'."""
        stem = src_uri.removesuffix(".md")
        language = self.language_of(src_uri)
        return stem if language == self.default else stem[: -len(language) - 1]

    def page_file(self, base: str, language: str) -> str:
        """The suffix-structure file of one page in one language: ('x', 'en') -> 'x.en.md'."""
        return f"{base}.md" if language == self.default else f"{base}.{language}.md"

    def default_file(self, src_uri: str) -> str:
        """'faq.en.md' -> 'faq.md': the name links use in every language."""
        return self.page_file(self.base_name(src_uri), self.default)

    def setting(self, key: str, default: str) -> str:
        """A file or page named in `extra:` (mkdocs.yml), or its default."""
        return str(self.settings.get(key) or default)

    def data_file(self, key: str, default: str) -> tuple[Path, str]:
        """(path, how errors name it) of the data file the setting `key` names."""
        shown = self.setting(key, default)
        return self.root / shown, shown

    def missing_translations(self, pages: list[str]) -> list[tuple[str, str]]:
        """For each page lacking a language: (an existing file of that page, the missing language)."""
        present = set(pages)
        problems: list[tuple[str, str]] = []
        for base in sorted({self.base_name(page) for page in pages}):
            files = {language: self.page_file(base, language) for language in self.languages}
            existing = [name for name in files.values() if name in present]
            problems += [(existing[0], language) for language, name in files.items() if name not in present]
        return problems


def link_from(page_src_uri: str, target: str) -> str:
    """A docs-root link ('rights.md#x') as written on the page page_src_uri."""
    path, hash_, anchor = target.partition("#")
    return posixpath.relpath(path, posixpath.dirname(page_src_uri) or ".") + hash_ + anchor


def named_markers(markdown: str, source: str, like: re.Pattern[str], exact: re.Pattern[str], fix: str, first_line: int = 1) -> list[tuple[str, int]]:
    """(name, line) of each marker `exact` matches among those `like` finds; a misspelt one fails with its line."""
    found = []
    for match in like.finditer(markdown):
        line = line_at(markdown, match.start(), first_line)
        named = exact.fullmatch(match.group(0))
        if not named:
            raise GuideError(source, f"unknown marker '{match.group(0)}'", fix, line)
        found.append((named.group(1), line))
    return found


def line_at(text: str, offset: int, first_line: int = 1) -> int:
    """The line number of text[offset], the text's first line being first_line."""
    return text.count("\n", 0, offset) + first_line


def body_first_line(source: str, markdown: str) -> int:
    """The line of the source file where the Markdown body (after front matter) starts."""
    start = source.find(markdown[:200]) if markdown else -1
    return source.count("\n", 0, start) + 1 if start > 0 else 1


def prose_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a page's Markdown outside front matter and fenced code.

    Lines count from the top of the file, front matter included.
    """
    fence: str | None = None
    lines = markdown.splitlines()
    start = _front_matter_end(lines)
    for number, line in enumerate(lines[start:], start=start + 1):
        opened = _FENCE.match(line)
        if opened:
            fence = None if fence == opened.group(1) else (fence or opened.group(1))
            continue
        if not fence:
            yield number, line


def explicit_ids(source: str) -> set[str]:
    """Ids a page's source gives its headings and elements ({ #id } and id="...")."""
    return set(EXPLICIT_ID.findall(source)) | set(_ID_ATTRIBUTE.findall(source))


def missing_language(texts: Any, languages: tuple[str, ...] | list[str], fields: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """The first (language, field) whose text is absent or blank; None when every language has it.

    texts maps language -> text, or language -> {field: text} when fields are given.
    """
    for language in languages:
        value = texts.get(language) if isinstance(texts, Mapping) else None
        if not fields:
            if not (isinstance(value, str) and value.strip()):
                return language, ""
            continue
        for name in fields:
            text = value.get(name) if isinstance(value, Mapping) else None
            if not (isinstance(text, str) and text.strip()):
                return language, name
    return None


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first line after a leading `---` front matter block (0 if none)."""
    if lines and lines[0].strip() == "---":
        for index, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return index + 1
    return 0
