"""Unit tests of the foundation hooks' pure cores."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.errors import GuideError
from engine.headings import headings_without_id
from engine.offline import with_local_shim
from engine.search_index import split_search_index
from engine.site import Site
from engine.yaml_data import parse_yaml


def missing_translations(pages: list[str], languages: list[str], default: str) -> list[tuple[str, str]]:
    return Site(root=Path("."), docs_dir=Path("docs"), languages=tuple(languages), default=default).missing_translations(pages)


def test_a_page_missing_in_english_is_reported_with_the_existing_file() -> None:
    pages = ["index.md", "index.en.md", "rights.md", "help/lines.en.md", "help/lines.md"]
    assert missing_translations(pages, ["zh", "en"], "zh") == [("rights.md", "en")]


def test_a_page_missing_in_chinese_is_reported_too() -> None:
    assert missing_translations(["faq.en.md"], ["zh", "en"], "zh") == [("faq.en.md", "zh")]


def test_complete_pairs_pass() -> None:
    assert missing_translations(["a.md", "a.en.md"], ["zh", "en"], "zh") == []


def test_headings_without_id_are_found_with_their_file_line() -> None:
    source = "---\ntitle: x\n---\n\n# Title\n\n## 你的权利\n\n## Evidence { #evidence }\n"
    assert headings_without_id(source) == [(7, "你的权利")]


def test_headings_inside_code_fences_are_ignored() -> None:
    assert headings_without_id("```\n## not a heading\n```\n## Real { #real }\n") == []


def test_search_index_splits_by_language_with_local_locations() -> None:
    merged = {
        "config": {"lang": ["zh", "en"], "separator": "x", "pipeline": []},
        "docs": [
            {"location": "rights/", "title": "权利", "text": "12378"},
            {"location": "en/rights/", "title": "Rights", "text": "12378"},
        ],
    }
    split = split_search_index(merged, "zh", ["en"])
    assert [d["location"] for d in split["zh"]["docs"]] == ["rights/"]
    assert [d["location"] for d in split["en"]["docs"]] == ["rights/"]
    assert split["en"]["docs"][0]["title"] == "Rights"
    assert split["zh"]["config"]["lang"] == ["zh"] and split["en"]["config"]["lang"] == ["en"]
    assert merged["config"]["lang"] == ["zh", "en"], "the merged index must not be mutated"


def test_offline_shim_never_comes_from_a_cdn() -> None:
    polyfills = with_local_shim(["https://cdn.example/iframe-worker/shim"], "assets/shim.js")
    assert polyfills == ["assets/shim.js"]


def test_broken_yaml_names_file_and_line() -> None:
    with pytest.raises(GuideError) as error:
        parse_yaml("a: 1\nb: [unclosed\nc: 3\n", "data/x.yml")
    assert error.value.path == "data/x.yml"
    assert error.value.line in (2, 3)
    assert "data/x.yml:" in str(error.value)


def test_duplicate_yaml_keys_are_an_error() -> None:
    with pytest.raises(GuideError) as error:
        parse_yaml("id: a\nid: b\n", "data/x.yml")
    assert error.value.line == 2


def test_yaml_mappings_remember_their_lines() -> None:
    data = parse_yaml("first:\n  zh: 一\n  en: one\n", "data/x.yml")
    assert data.line_of("first") == 1
    assert data["first"].line_of("en") == 3
