"""One search index per language, so a page only finds pages in its own language.

mkdocs-static-i18n merges every language into search/search_index.json. This
splits it: the default language keeps the root index, every other language
gets <locale>/search/search_index.json (and .js for the offline build), with
locations relative to its own root.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any


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
