"""House style of the guide's text (issue 14), as checks that name file and line.

Pure functions: text in, (line, message) out, so the tests can feed them the
real pages and data and, once, deliberately bad lines.

zh text is where the Chinese rules apply: a zh page (page.md, not
page.en.md) outside its front matter, and in data files the values under a
`zh:` key (inline or nested). The typed-number rule applies everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

Breach = tuple[int, str]  # (line, what is wrong and how to write it)

LAWS = ("民法典", "刑法", "治安管理处罚法", "个人信息保护法", "民事诉讼法", "征信业管理条例")

ZH_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\d-])(?:19|20)\d\d-\d\d-\d\d(?![\d-])"), "a date as YYYY-MM-DD: write 2021年11月1日"),
    (re.compile(r"(?<!\d)\d{1,2}\s*[:：]\s*\d\d(?!\d)"), "a clock time like 22:00: write 晚上10点 / 早上8点"),
    (re.compile(r"(?<!\d)(?:1[3-9]|2[0-4])\s*点"), "a 24-hour time like 22点: write 晚上10点"),
    (re.compile(r"[\u4e00-\u9fff]:(?!//)"), "an ASCII colon after Chinese: use the full-width ："),
    (re.compile(r"[）》】」』〕] +(?=[^\s|])"), "a space after a closing full-width bracket: remove it"),
)

ANY_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"第\s*\d+\s*[-–~－]\s*\d+\s*条"), "an article range: write 第16—18条 (with an em dash)"),
    (
        re.compile(r"(?<![《\[])(?:" + "|".join(LAWS) + r")(?![》\]修])"),
        "a law's title without 《》: write 《民法典》",
    ),
)

# Glossary term lines and headings name a law as a word, not as a title.
_EXEMPT_FROM_TITLES = re.compile(r"^\s*(?:#|term:|variants:|not_in:|-\s*id:)|^\s*\|?\s*(?:条文|Article)\s*\|")


def zh_lines(text: str, *, markdown_zh: bool | None) -> Iterator[tuple[int, str]]:
    """(line, text) of the zh text in a file.

    markdown_zh: True for a zh page, False for an en page, None for a YAML
    data file (then only what sits under a `zh:` key counts).
    """
    lines = text.splitlines()
    if markdown_zh is not None:
        if not markdown_zh:
            return
        start = 0
        if lines and lines[0].strip() == "---":
            start = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0) + 1
        fenced = False
        for number, line in enumerate(lines[start:], start + 1):
            if line.lstrip().startswith("```"):
                fenced = not fenced
            elif not fenced:
                yield number, re.sub(r"<!--.*?-->", "", line)
        return
    zh_indent: int | None = None
    for number, line in enumerate(lines, 1):
        stripped = line.lstrip(" -")
        indent = len(line) - len(stripped)
        if zh_indent is not None and stripped and indent <= zh_indent:
            zh_indent = None
        if stripped.startswith("zh:"):
            rest = stripped[3:].strip()
            if rest and rest not in ("|", ">"):
                yield number, _values(rest)
            else:
                zh_indent = indent
        elif zh_indent is not None:
            yield number, _values(stripped)


def _values(text: str) -> str:
    """The text of YAML values on a line, without keys like `name:` or `a: |`."""
    return re.sub(r"(?:^|(?<=[{,]))\s*[a-z_]+:\s", " ", text)


def style_breaches(text: str, *, markdown_zh: bool | None) -> list[Breach]:
    """Every house-style breach in a file's text: (line, message)."""
    found: list[Breach] = []
    for number, line in zh_lines(text, markdown_zh=markdown_zh):
        for pattern, message in ZH_RULES:
            match = pattern.search(line)
            if match:
                found.append((number, f"{message}: {match.group(0)!r}"))
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, message in ANY_RULES:
            if pattern is ANY_RULES[1][0] and _EXEMPT_FROM_TITLES.search(line):
                continue
            match = pattern.search(re.sub(r"<!--.*?-->", "", line))
            if match:
                found.append((number, f"{message}: {match.group(0)!r}"))
    return found


def typed_numbers(text: str, numbers: Iterable[str], *, yaml: bool = False) -> list[Breach]:
    """A channel's number typed by hand instead of rendered from data/channels.yml."""
    pattern = re.compile(r"(?<![\d.#/-])(?:" + "|".join(sorted(map(re.escape, numbers), key=len, reverse=True)) + r")(?![\d.])")
    found: list[Breach] = []
    for number, line in enumerate(text.splitlines(), 1):
        if yaml and line.lstrip().startswith("#"):
            continue  # a YAML comment, not reader text
        bare = re.sub(r"<!--.*?-->|\{channel:[^}]*\}", "", line)
        match = pattern.search(bare)
        if match:
            found.append((number, f"the number {match.group(0)} is typed: use <!-- channel: id --> (or {{channel:id}} in data)"))
    return found
