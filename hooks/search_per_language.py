"""MkDocs adapter: split the merged search index by language (engine/search_index.py).

overrides/main.html points each page's search at its language's root.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

import mkdocs_site
from engine.search_index import is_merged, split_search_index, write_index


# After static-i18n (-100) has merged the languages and the offline plugin
# (-100) has inlined the merged index.
@event_priority(-200)
@mkdocs_site.guide_event
def on_post_build(*, config: MkDocsConfig) -> None:
    site = mkdocs_site.site(config)
    others = [language for language in site.languages if language != site.default]
    root = Path(config.site_dir) / "search" / "search_index.json"
    if not root.is_file():
        return
    merged = json.loads(root.read_text(encoding="utf-8"))
    # This event also runs inside static-i18n's per-language builds, before
    # the merge: act only on the merged index.
    if not is_merged(merged, others):
        return
    inline = root.with_suffix(".js").is_file()
    for locale, index in split_search_index(merged, site.default, others).items():
        write_index(Path(config.site_dir) / ("" if locale == site.default else locale) / "search", index, inline)
