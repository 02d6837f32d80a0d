"""One search index per language, so a page only finds pages in its own language.

mkdocs-static-i18n merges every language into site/search/search_index.json.
We split it: the default language keeps the root index, every other language
gets <locale>/search/search_index.json (and .js for the offline build), with
locations relative to its own root. overrides/main.html points each page's
search at its language's root. Each language's index also gets the words of
data/search-terms.yml for that language (hooks/search_terms.py).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from search_terms import add_search_terms, parse_search_terms
from yaml_source import load_yaml


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

# After static-i18n (-100) has merged the languages and the offline plugin
# (-100) has inlined the merged index.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"].config
    default = next(language.locale for language in i18n.languages if language.default)
    others = [language.locale for language in i18n.languages if not language.default]
    root = Path(config.site_dir) / "search" / "search_index.json"
    if not root.is_file():
        return
    merged = json.loads(root.read_text(encoding="utf-8"))
    # This event also runs inside static-i18n's per-language builds, before
    # the merge: act only on the merged index, which has every language.
    split = split_search_index(merged, default, others)
    if not all(index["docs"] for index in split.values()):
        return
    inline = (root.with_suffix(".js")).is_file()
    terms_file = config.extra["search_terms_file"]
    terms_path = Path(config.config_file_path).parent / terms_file
    entries = parse_search_terms(load_yaml(terms_path, terms_file), terms_file, [default, *others])
    for locale, index in split.items():
        index = add_search_terms(index, entries, locale, terms_file)
        folder = Path(config.site_dir) / ("" if locale == default else locale) / "search"
        write_index(folder, index, inline)


# -----------------------------------------------------------------------------
# Pure core
# -----------------------------------------------------------------------------

def split_search_index(merged: dict[str, Any], default: str, others: list[str]) -> dict[str, dict[str, Any]]:
    """Split a merged Material search index into one index per locale."""
    split: dict[str, dict[str, Any]] = {}
    for locale in [default, *others]:
        index = copy.deepcopy({key: value for key, value in merged.items() if key != "docs"})
        index["config"]["lang"] = [locale]
        index["docs"] = []
        split[locale] = index
    for doc in merged["docs"]:
        locale = next((loc for loc in others if doc["location"].startswith(f"{loc}/")), default)
        if locale != default:
            doc = {**doc, "location": doc["location"][len(locale) + 1 :]}
        split[locale]["docs"].append(doc)
    return split


def write_index(folder: Path, index: dict[str, Any], inline: bool) -> None:
    """Write index.json, and the offline plugin's inlined .js form when wanted."""
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    if inline:
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
