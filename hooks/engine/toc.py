"""A shorter table of contents where a page asks for one: `toc_depth: 2`.

The FAQ page is itself the index of its questions, each a heading. Listed
again in the table of contents, they made a quarter of the page's elements.
With `toc_depth: 2` in its front matter, a page's table stops at its `##`
sections. Headings keep their ids, so links and search results still land
on them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import GuideError


def toc_depth(meta: dict, source: str) -> int:
    """The front matter's toc_depth; anything but a heading level 1 to 6 is a GuideError."""
    value = meta["toc_depth"]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise GuideError(source, f"toc_depth is '{value}', not a heading level", "write `toc_depth: 2` (a number from 1 to 6)", 1)
    return value


def stop_at(items: Iterable[Any], depth: int) -> None:
    """Drop from the table (items with .level and .children) every heading deeper than `depth`."""
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            stop_at(item.children, depth)
