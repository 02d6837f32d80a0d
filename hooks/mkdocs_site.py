"""What every adapter needs from MkDocs: the site's facts, the template environment, errors.

Not a hook itself: the adapters in hooks/ import it (MkDocs puts hooks/ on
sys.path while it loads them, which is also how they find the `engine`
package beside them). The engine itself never sees MkDocs' objects: it gets
an engine.site.Site, plain text and a Jinja environment.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from engine import per_build
from engine.errors import GuideError
from engine.labels import CurrentLabels, Labels, load_labels
from engine.site import Site
from engine.templates import prepare

F = TypeVar("F", bound=Callable[..., Any])

LABELS_FILE = "data/labels.yml"


def guide_event(event: F) -> F:
    """An event whose GuideError reaches the editor as MkDocs' own build error (no traceback)."""

    @functools.wraps(event)
    def reported(*args: Any, **kwargs: Any) -> Any:
        try:
            return event(*args, **kwargs)
        except GuideError as error:
            raise PluginError(str(error)) from error

    return reported  # type: ignore[return-value]


@guide_event
def start_build(config: MkDocsConfig) -> MkDocsConfig | None:
    """An on_config event that forgets the last build: an adapter that shares work
    within a build uses it as its own (`on_config = mkdocs_site.start_build`).

    static-i18n builds each further language nested inside the first
    language's build (its `building` flag is set meanwhile): those are the
    same build, so what the first language read (data files, checked trees)
    serves them too. Whatever depends on the language has it in its key.
    """
    i18n = config.plugins.get("i18n")
    if not getattr(i18n, "building", False):
        per_build.reset()
    return None


def site(config: MkDocsConfig) -> Site:
    """The site's languages, folders and settings: static-i18n's languages, or the theme's one."""
    return per_build.once(("site", id(config)), lambda: _read_site(config))


def _read_site(config: MkDocsConfig) -> Site:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        languages = tuple(language.locale for language in i18n.config.languages)
        default = next(language.locale for language in i18n.config.languages if language.default)
    else:
        default = str(config.theme.get("language") or "en")
        languages = (default,)
    return Site(root=Path(config.config_file_path).parent, docs_dir=Path(config.docs_dir), languages=languages, default=default, settings=config.extra)


def build_language(config: MkDocsConfig) -> str:
    """The language this build renders (static-i18n builds each language in turn)."""
    i18n = config.plugins.get("i18n")
    current = getattr(i18n, "current_language", None) if i18n is not None else None
    return str(current or config.theme.get("language") or site(config).default)


def page_language(page: Page, config: MkDocsConfig) -> str:
    return site(config).language_of(page.file.src_uri)


def source(page: Page) -> str:
    """How errors name a page: docs/<its file>."""
    return f"docs/{page.file.src_uri}"


def theme_env(config: MkDocsConfig) -> Environment:
    """The theme's template environment, made once per build and shared by every language.

    Every template the hooks render autoescapes (text from data files is
    escaped; Markdown and HTML the engine made arrive as Markup), and sees
    `labels`: the labels of the language being built (extra.labels_file).
    """
    # static-i18n builds each language in turn: one environment serves them all
    # (each template is compiled once per build), its labels those of the language being built.
    return per_build.once(("theme-env", id(config)), lambda: prepare(config.theme.get_env(), CurrentLabels(lambda: labels(config))))


def all_labels(config: MkDocsConfig) -> dict[str, Labels]:
    """Every language's labels from extra.labels_file, read once per build."""
    # Templates look a label up thousands of times a build: the key is cheap on purpose.
    return per_build.once(("labels", id(config)), lambda: _read_labels(site(config)))


def _read_labels(facts: Site) -> dict[str, Labels]:
    path, shown = facts.data_file("labels_file", LABELS_FILE)
    return load_labels(path, shown, facts.languages)


def labels(config: MkDocsConfig) -> Labels:
    """The labels of the language being built."""
    return all_labels(config)[build_language(config)]
