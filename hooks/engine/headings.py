"""Every heading below the title needs an explicit id, the same in every language.

The default toc slug turns a Chinese heading into `_1`; explicit ids keep
links, anchors and the language switcher lined up across languages.
"""

from __future__ import annotations

import re

from .site import EXPLICIT_ID, HEADING, prose_lines

_ENDS_WITH_ID = re.compile(EXPLICIT_ID.pattern + r"\s*$")


def headings_without_id(markdown: str) -> list[tuple[int, str]]:
    """(line, heading text) for each level 2-6 ATX heading with no `{ #id }`.

    Lines count from the top of the file, front matter included.
    """
    missing: list[tuple[int, str]] = []
    for number, line in prose_lines(markdown):
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) >= 2 and not _ENDS_WITH_ID.search(heading.group(2)):
            missing.append((number, heading.group(2)))
    return missing
