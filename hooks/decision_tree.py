"""MkDocs adapter for the decision trees (engine/trees.py and engine/tree_*.py).

Settings: `extra.trees_dir` (default data/trees), `extra.help_page` (default help.md).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import mkdocs_site
from channels import help_page, site_channels
from engine import per_build
from engine.errors import GuideError
from engine.site import body_first_line
from engine.tree_model import Link, Tree
from engine.tree_views import LinkTarget
from engine.trees import PageReader, load_checked_trees, page_reader, render_tree, render_tree_markers

TREES_DIR = "data/trees"


on_config = mkdocs_site.start_build


@mkdocs_site.guide_event
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    # Check every tree file before any page is rendered: a broken tree fails
    # the build early, naming the file, the node and what to fix.
    _checked(config)
    return None


@mkdocs_site.guide_event
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "decision-tree:" not in markdown:
        return None
    language = mkdocs_site.page_language(page, config)
    trees, page_info = _checked(config)

    def url_of(page_name: str) -> str:
        target = files.get_file_from_path(page_name)
        if target is None:
            raise GuideError(mkdocs_site.source(page), f"a tree links to '{page_name}', which is not part of the site", "check the page is not excluded from the build")
        return target.url_relative_to(page.file)

    def resolve(link: Link) -> LinkTarget:
        info = page_info(link.page, language)
        assert info is not None, "checked in load_checked_trees"
        href = url_of(f"{link.page}.md") + (f"#{link.anchor}" if link.anchor else "")
        return LinkTarget(href=href, section=info.sections[link.anchor] if link.anchor else None, page=info.title)

    def render(tree: Tree) -> str:
        help_href = url_of(help_page(config))
        return render_tree(
            tree, language=language, channels=site_channels(config), resolve_link=resolve, help_href=help_href, env=mkdocs_site.theme_env(config),
            page_address=page.canonical_url or f"/{page.url}", site_name=config.site_name,
        )

    return render_tree_markers(
        markdown, trees=trees, render=render, source=mkdocs_site.source(page),
        folder=_folder(config)[1], first_line=body_first_line(page.file.content_string, markdown),
    )


def _folder(config: MkDocsConfig) -> tuple:
    return mkdocs_site.site(config).data_file("trees_dir", TREES_DIR)


def _checked(config: MkDocsConfig) -> tuple[dict[str, Tree], PageReader]:
    """The site's trees, loaded and checked once per build, and the page reader they were checked with."""

    def make() -> tuple[dict[str, Tree], PageReader]:
        site, channels = mkdocs_site.site(config), site_channels(config)
        reader = page_reader(site, channels)
        return load_checked_trees(*_folder(config), site, channels, reader), reader

    return per_build.once(("trees", str(_folder(config)[0])), make)
