"""MkDocs adapter: split the merged search index by language (engine/search_index.py).

overrides/main.html points each page's search at its language's root. Each
language's index also gets the words of `extra.search_terms_file` for that
language, when the site names one (engine/search_terms.py), and the words
inside its longer Chinese words (engine/search_parts.py); the glossary
page's terms become entries of their own (engine/search_glossary.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

import mkdocs_site
from engine.search_glossary import add_glossary_entries, glossary_entries
from engine.search_index import split_search_index, write_index
from engine.search_parts import add_word_parts
from engine.search_terms import add_search_terms, parse_search_terms
from engine.yaml_data import load_yaml
from glossary import GLOSSARY_FILE, glossary_page, site_terms


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
    # the merge: act only on the merged index, which has every language.
    split = split_search_index(merged, site.default, others)
    if not all(index["docs"] for index in split.values()):
        return
    inline = root.with_suffix(".js").is_file()
    entries, shown = [], ""
    if "search_terms_file" in site.settings:
        path, shown = site.data_file("search_terms_file", "")
        entries = parse_search_terms(load_yaml(path, shown, setting="search_terms_file"), shown, list(site.languages))
    glossary = site_terms(config) if site.data_file("glossary_file", GLOSSARY_FILE)[0].is_file() else []
    for locale, index in split.items():
        if glossary:
            # Each language's index has addresses from its own root: "glossary/".
            entries_of_terms = glossary_entries(glossary, locale, mkdocs_site.all_labels(config)[locale])
            index = add_glossary_entries(index, f"{glossary_page(config)}/", entries_of_terms, segment_chinese)
        index = add_search_terms(index, entries, locale, shown) if entries else index
        index = add_word_parts(index, split_word)
        write_index(Path(config.site_dir) / ("" if locale == site.default else locale) / "search", index, inline)


def split_word(word: str) -> list[str]:
    """The word as jieba cuts it when the word itself is not in its dictionary."""
    dag = jieba.dt.get_DAG(word)
    dag[0] = [end for end in dag[0] if end != len(word) - 1] or [0]
    route: dict[int, tuple[float, int]] = {}
    jieba.dt.calc(word, dag, route)
    pieces, start = [], 0
    while start < len(word):
        end = route[start][1] + 1
        pieces.append(word[start:end])
        start = end
    return pieces


# Material's indexer cuts Chinese this way (plugins/search/plugin.py,
# _segment_chinese). Its method is not reachable here: static-i18n swaps the
# search plugin for its own by post_build.
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def segment_chinese(text: str) -> str:
    """Chinese cut into jieba's words, joined and surrounded by U+200B, as Material's indexer cuts it."""
    return _HAN_RUN.sub(lambda run: "\u200b" + "\u200b".join(jieba.cut(run.group(0))) + "\u200b", text).strip("\u200b")
