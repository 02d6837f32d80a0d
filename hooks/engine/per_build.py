"""Work shared by the hooks within one build, and nothing beyond it.

`mkdocs serve` rebuilds in place after an edit: everything kept here is
dropped by `reset()`, which the adapters call in on_config, the first event
of every build (hooks/mkdocs_site.py: static-i18n's nested builds of the
further languages are part of the same build). Nothing is kept on disk.

    channels = per_build.once(("channels", path), lambda: load_channels(...))
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

_ENTRIES: dict[Hashable, Any] = {}


def reset() -> None:
    """Forget everything: call it from on_config."""
    _ENTRIES.clear()


def once(key: Hashable, make: Callable[[], T]) -> T:
    """make()'s result, computed on the first call with this key in this build.

    A failure (a GuideError for a bad data file) is not remembered: the next
    call tries again and fails the same way.
    """
    if key not in _ENTRIES:
        _ENTRIES[key] = make()
    return _ENTRIES[key]
