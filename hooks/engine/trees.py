"""Decision trees: a few questions, one at a time, then what to do now.

Trees are data (one YAML file per tree in the folder `extra.trees_dir`,
data/trees for the guide; see engine/tree_model.py for the format); this
renders any of them and knows nothing about what they are about. A page
shows a tree with a marker:

    <!-- decision-tree: what-is-happening -->

How it works without JavaScript (design notes):

- Every view of the tree (a path of answers) is rendered into the tree's ONE
  page as a <section> with an id built from the path (tree_views.py). The
  stylesheet (overrides/assets/stylesheets/tree.css) shows only the :target
  section, and the first question when nothing is targeted. Options, "back",
  "start again" and "change" are in-page anchors: they work served, from
  file:// and inside the offline bundle, and the browser's own back button
  walks the history of answers.
- The views repeat questions, so they carry data-search-exclude; the
  overview (one entry per path, linking to its view) is what search finds.
- Print hides the views and shows a numbered flow instead: every node
  numbered, each option saying "go to N", each outcome in full once.
- The views are HTML MkDocs does not check, so every link and channel is
  checked here, when the files are gathered, before any page is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment

from .channels import Channel
from .errors import GuideError
from .site import Site, line_at
from .tree_checks import check_graph, check_references
from .tree_model import Tree, load_tree
from .tree_pages import DirectoryLookup, PageInfo, read_page
from .tree_views import LinkResolver, tree_context

TEMPLATE = "partials/tree.html"
MARKER = re.compile(r"<!--\s*decision-tree:\s*(\S*?)\s*-->")
# (page, language) -> the page's title and sections, None if it has no such file.
PageReader = Callable[[str, str], "PageInfo | None"]


def load_checked_trees(folder: Path, shown: str, site: Site, channels: dict[str, Channel], page_info: PageReader) -> dict[str, Tree]:
    """Every tree file in the folder (named `shown` in errors), parsed and fully checked."""
    if not folder.is_dir():
        raise GuideError(shown, "the folder of decision trees does not exist", "create it, or point extra.trees_dir in mkdocs.yml at the right folder")

    def anchors(page: str, language: str) -> set[str] | None:
        info = page_info(page, language)
        return None if info is None else set(info.sections)

    trees: dict[str, Tree] = {}
    for path in sorted(folder.glob("*.yml")):
        tree = load_tree(path, source=f"{shown}/{path.name}", languages=site.languages)
        check_graph(tree)
        check_references(tree, contacts={c.id: c.contact for c in channels.values()}, anchors=anchors, languages=site.languages)
        trees[tree.id] = tree
    return trees


def page_reader(site: Site, channels: dict[str, Channel]) -> PageReader:
    """read_page for the site's pages, each (page, language) read once by this reader
    (trees link to the same few pages many times); the help directory's
    sections come from the channels."""
    directory: DirectoryLookup = lambda group, language: {c.id: c.texts[language]["name"] for c in channels.values() if c.group == group}  # noqa: E731
    read: dict[tuple[str, str], PageInfo | None] = {}

    def page_info(page: str, language: str) -> PageInfo | None:
        if (page, language) not in read:
            read[page, language] = read_page(site, page, language, directory)
        return read[page, language]

    return page_info


def render_tree_markers(markdown: str, *, trees: dict[str, Tree], render: Callable[[Tree], str], source: str, folder: str, first_line: int = 1) -> str:
    """Replace each tree marker with the tree's HTML (one raw HTML block)."""

    def replace(match: re.Match[str]) -> str:
        tree_id = match.group(1)
        if tree_id not in trees:
            known = ", ".join(trees) or f"(none: add a file to {folder}/)"
            raise GuideError(source, f"no decision tree '{tree_id}'", f"use a tree id from {folder}/: {known}", line_at(markdown, match.start(), first_line))
        return "\n\n" + render(trees[tree_id]) + "\n\n"

    return MARKER.sub(replace, markdown)


def render_tree(
    tree: Tree, *, language: str, channels: dict[str, Channel], resolve_link: LinkResolver, help_href: str, env: Environment,
    page_address: str = "", site_name: str = "",
) -> str:
    """The tree's HTML in one language, as a single block Markdown leaves alone.

    `page_address` is where the tree's page lives: a printed view gives its
    own address (the page's plus the view's #id)."""
    context = tree_context(tree, language=language, channels=channels, resolve_link=resolve_link)
    html = env.get_template(TEMPLATE).render(**context, help_href=help_href, page_address=page_address, site_name=site_name)
    # No blank lines: Markdown must see one raw HTML block, not paragraphs.
    return "\n".join(line for line in html.splitlines() if line.strip())
