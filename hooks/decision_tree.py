"""Decision trees: a few questions, one at a time, then what to do now.

Trees are data (data/trees/<tree-id>.yml, see hooks/decision_tree_model.py
for the format); this engine renders any of them and knows nothing about
what they are about. A page shows a tree with a marker:

    <!-- decision-tree: what-is-happening -->

How it works without JavaScript (design notes):

- Every view of the tree (a path of answers: the first question, the second
  question after "no", ...) is rendered into the tree's ONE page as a
  <section> with an id built from the path (decision_tree_views.py). The
  stylesheet (overrides/assets/stylesheets/tree.css) shows only the :target
  section, and the first question when nothing is targeted. Options, "back",
  "start again" and "change" are in-page anchors: they work served, from
  file:// and inside the offline bundle, and the browser's own back button
  walks the history of answers. No extra generated pages, so nothing trips
  static-i18n's trouble with files added in on_files.
- The views repeat questions, so they carry data-search-exclude; the
  overview (one entry per path, linking to its view) is what search finds.
- The overview is a nested list generated here, readable on a phone and on
  paper. Print hides the views and shows a numbered flow instead: every node
  numbered, each option saying "go to N", each outcome in full once.
- The views are HTML MkDocs does not check, so every link and channel is
  checked here, when the files are gathered, before any page is written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import build_cache
from build_errors import GuideError
from channels import CHANNELS_FILE, HELP_PAGE, Channel, front_matter_lines, load_channels, page_language, site_channels
from decision_tree_model import Link, Tree, check_graph, check_references, load_tree
from decision_tree_pages import DirectoryLookup, PageInfo, read_page
from decision_tree_views import LinkResolver, LinkTarget, tree_context

TREES_DIR = "data/trees"
TEMPLATE = "partials/tree.html"
MARKER = re.compile(r"<!--\s*decision-tree:\s*(\S*?)\s*-->")
# (page, language) -> the page's title and sections, None if it has no such file.
PageReader = Callable[[str, str], "PageInfo | None"]


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    build_cache.reset()  # a new build: forget the last one's trees and pages (see build_cache.py)
    return None


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    # Check every tree file before any page is rendered: a broken tree fails
    # the build early, naming the file, the node and what to fix.
    _checked_trees(config)
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "decision-tree:" not in markdown:
        return None
    language = page_language(page)
    channels = site_channels(config)
    trees = _checked_trees(config)
    page_info = _page_reader(config)

    @functools.cache  # outcomes link to the same few pages, and the lookup is slow
    def url_of(page_name: str) -> str:
        target = files.get_file_from_path(page_name)
        if target is None:
            raise GuideError(f"docs/{page.file.src_uri}", f"a tree links to '{page_name}', which is not part of the site", "check the page is not excluded from the build")
        return target.url_relative_to(page.file)

    def resolve(link: Link) -> LinkTarget:
        info = page_info(link.page, language)
        assert info is not None, "checked in load_checked_trees"
        href = url_of(f"{link.page}.md") + (f"#{link.anchor}" if link.anchor else "")
        return LinkTarget(href=href, section=info.sections[link.anchor] if link.anchor else None, page=info.title)

    return render_tree_markers(
        markdown,
        trees=trees,
        render=lambda tree: render_tree(
            tree, language=language, channels=channels, resolve_link=resolve,
            help_href=url_of(HELP_PAGE), env=build_cache.theme_env(config),
        ),
        source=f"docs/{page.file.src_uri}",
        line_offset=front_matter_lines(page.file.content_string, markdown),
    )


# -----------------------------------------------------------------------------
# Pure core
# -----------------------------------------------------------------------------

def load_checked_trees(
    root: Path,
    docs_dir: Path,
    languages: tuple[str, ...],
    default: str,
    channels: dict[str, Channel] | None = None,
    page_info: PageReader | None = None,
) -> dict[str, Tree]:
    """Every tree file under data/trees, parsed and fully checked.

    page_info(page, language) reads a guide page's title and sections; by
    default each page is read once per call.
    """
    channels = channels if channels is not None else load_channels(root / CHANNELS_FILE)
    page_info = page_info or page_reader(docs_dir, default, channels)

    def anchors(page: str, language: str) -> set[str] | None:
        info = page_info(page, language)
        return None if info is None else set(info.sections)

    trees: dict[str, Tree] = {}
    for path in sorted((root / TREES_DIR).glob("*.yml")):
        tree = load_tree(path, source=f"{TREES_DIR}/{path.name}", languages=languages)
        check_graph(tree)
        check_references(tree, contacts={c.id: c.contact for c in channels.values()}, anchors=anchors, languages=languages)
        trees[tree.id] = tree
    return trees


def render_tree_markers(
    markdown: str, *, trees: dict[str, Tree], render: Callable[[Tree], str], source: str, line_offset: int = 0
) -> str:
    """Replace each tree marker with the tree's HTML (one raw HTML block)."""

    def replace(match: re.Match[str]) -> str:
        tree_id = match.group(1)
        if tree_id not in trees:
            line = markdown.count("\n", 0, match.start()) + 1 + line_offset
            known = ", ".join(trees) or f"(none: add a file to {TREES_DIR}/)"
            raise GuideError(source, f"no decision tree '{tree_id}'", f"use a tree id from {TREES_DIR}/: {known}", line)
        return "\n\n" + render(trees[tree_id]) + "\n\n"

    return MARKER.sub(replace, markdown)


def render_tree(
    tree: Tree,
    *,
    language: str,
    channels: dict[str, Channel],
    resolve_link: LinkResolver,
    help_href: str,
    env: Environment,
) -> str:
    """The tree's HTML in one language, as a single block Markdown leaves alone."""
    context = tree_context(tree, language=language, channels=channels, resolve_link=resolve_link)
    html = env.get_template(TEMPLATE).render(**context, help_href=help_href)
    # No blank lines: Markdown must see one raw HTML block, not paragraphs.
    return "\n".join(line for line in html.splitlines() if line.strip())


def page_reader(docs_dir: Path, default: str, channels: dict[str, Channel]) -> PageReader:
    """read_page for these docs, each (page, language) read from disk once."""
    directory = _directory(channels)

    @functools.cache
    def page_info(page: str, language: str) -> PageInfo | None:
        return read_page(docs_dir, page, language, default, directory)

    return page_info


def site_languages(config: MkDocsConfig) -> tuple[tuple[str, ...], str]:
    """(every locale, the default locale) from static-i18n's configuration."""
    i18n = config.plugins["i18n"].config
    languages = tuple(language.locale for language in i18n.languages)
    default = next(language.locale for language in i18n.languages if language.default)
    return languages, default


def _directory(channels: dict[str, Channel]) -> DirectoryLookup:
    """(group, language) -> the help page's channel sections of that group."""
    return lambda group, language: {c.id: c.texts[language]["name"] for c in channels.values() if c.group == group}


def _page_reader(config: MkDocsConfig) -> PageReader:
    """The page reader the trees were checked with: each guide page is read once."""
    return _checked(config)[1]


def _checked_trees(config: MkDocsConfig) -> dict[str, Tree]:
    """The site's trees, loaded and checked."""
    return _checked(config)[0]


def _checked(config: MkDocsConfig) -> tuple[dict[str, Tree], PageReader]:
    """The checked trees and their page reader, made once for all the builds
    that see the same input files (the zh and en builds, and `mkdocs serve`
    rebuilds that changed none of them: see build_cache.by_content)."""
    languages, default = site_languages(config)
    root, docs_dir = _root(config), Path(config.docs_dir)

    def make() -> tuple[dict[str, Tree], PageReader]:
        channels = site_channels(config)
        reader = page_reader(docs_dir, default, channels)
        return load_checked_trees(root, docs_dir, languages, default, channels, reader), reader

    key = ("trees", str(root), str(docs_dir), languages, default)
    return build_cache.once(key, lambda: build_cache.by_content(key, _input_text(root, docs_dir), make))


def _input_text(root: Path, docs_dir: Path) -> str:
    """Every file the trees' checks and links read, named and in full: the
    tree files, the channels and the guide pages."""
    paths = [*sorted((root / TREES_DIR).glob("*.yml")), root / CHANNELS_FILE, *sorted(docs_dir.rglob("*.md"))]
    return "\0".join(f"{path}\0{path.read_text(encoding='utf-8')}" for path in paths if path.is_file())


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent

