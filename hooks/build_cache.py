"""Work done once per build and shared by the hooks: parsed data, the template environment.

Not a hook itself: the hooks import it (MkDocs puts hooks/ on sys.path while
it loads them), so they all share this one module.

A cache must never outlive a build: static-i18n runs the whole build once per
language in one process, and `mkdocs serve` rebuilds in place after an edit.
So every hook that reads from here calls `reset()` in its on_config (the first
event of every build; several resets before the first page are harmless), and
anything that depends on the language has the language in its key.

    channels = build_cache.once(("channels", str(path)), lambda: load_channels(path))
    env = build_cache.theme_env(config)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

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


def theme_env(config: MkDocsConfig) -> Environment:
    """The theme's template environment, one per build and language.

    `config.theme.get_env()` builds a new environment on every call, and a new
    environment compiles every template it loads again. The key holds the
    theme's language: static-i18n switches it (and the translations the
    environment installs) for each language's build.
    """
    language = str(config.theme.get("language") or config.theme.get("locale") or "")
    return once(("theme-env", id(config.theme), language), config.theme.get_env)
