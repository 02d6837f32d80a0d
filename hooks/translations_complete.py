"""MkDocs adapter: fail the build when a page lacks one of the site's languages.

mkdocs-static-i18n would otherwise drop the page from one language, or fall
back to the other language, and the reader would not know.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

import mkdocs_site
from engine.errors import GuideError


@mkdocs_site.guide_event
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    site = mkdocs_site.site(config)
    pages = [p.relative_to(site.docs_dir).as_posix() for p in site.docs_dir.rglob("*.md")]
    problems = site.missing_translations(pages)
    if problems:
        page, wanted = problems[0]
        more = f" ({len(problems) - 1} more missing)" if len(problems) > 1 else ""
        raise GuideError(f"docs/{page}", f"this page has no '{wanted}' version{more}", f"write docs/{site.page_file(site.base_name(page), wanted)}")
    return None
