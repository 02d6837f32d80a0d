"""Unit tests of search: the words data (hooks/engine/search_terms.py), the words
inside longer Chinese words (hooks/engine/search_parts.py), the glossary's
entries (hooks/engine/search_glossary.py), the worker
change (hooks/engine/search_worker_patch.py) and the query segmenter
(overrides/assets/javascripts/search-worker.js, run in node)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from engine.errors import GuideError
from engine.search_glossary import GlossaryEntry, add_glossary_entries
from engine.search_parts import add_word_parts
from engine.search_terms import add_search_terms, matches, parse_search_terms
from engine.search_worker_patch import MARKER, WorkerChanged, patch_worker
from engine.yaml_data import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
OURS = ROOT / "overrides" / "assets" / "javascripts" / "search-worker.js"
MATERIAL_WORKERS = ROOT / ".venv" / "lib" / "python3.11" / "site-packages" / "material" / "templates" / "assets" / "javascripts" / "workers"

INDEX = {
    "config": {"lang": ["zh"], "fields": {"title": {"boost": 1000.0}}},
    "docs": [
        {"location": "", "title": "首页", "text": ""},
        {"location": "#will-i-go-to-prison", "title": "会坐牢吗", "text": ""},
        {"location": "faq/#will-i-go-to-prison", "title": "会坐牢吗", "text": ""},
        {"location": "faq/#credit", "title": "征信", "text": ""},
        {"location": "credit-report/", "title": "征信", "text": ""},
    ],
}


def terms(text: str) -> list:
    return parse_search_terms(parse_yaml(text, "data/search-terms.yml"), "data/search-terms.yml", ["zh", "en"])


def test_a_heading_id_names_that_heading_on_every_page_and_a_page_only_its_top() -> None:
    assert matches("#will-i-go-to-prison", "#will-i-go-to-prison")
    assert matches("#will-i-go-to-prison", "faq/#will-i-go-to-prison")
    assert not matches("#credit", "faq/#credit-report")
    assert matches("credit-report/", "credit-report/")
    assert not matches("credit-report/", "credit-report/#bluffs")


def test_the_offline_builds_addresses_name_the_same_places() -> None:
    assert matches("#not-a-crime", "index.html#not-a-crime")
    assert matches("credit-report/", "credit-report.html")
    assert matches("#will-i-go-to-prison", "faq.html#will-i-go-to-prison")
    assert matches("check/what-is-happening/", "check/what-is-happening.html")


def test_words_go_whole_into_each_named_place_and_the_field_is_searched() -> None:
    entries = terms("- where: '#will-i-go-to-prison'\n  zh: [蹲监狱, 判刑]\n  en: [jail]\n- where: credit-report/\n  zh: [黑户]\n  en: [blacklist]\n")
    index = add_search_terms(INDEX, entries, "zh", "data/search-terms.yml")
    by_place = {doc["location"]: doc.get("terms") for doc in index["docs"]}
    assert by_place == {
        "": None,
        "#will-i-go-to-prison": "蹲监狱\u200b判刑",
        "faq/#will-i-go-to-prison": "蹲监狱\u200b判刑",
        "faq/#credit": None,
        "credit-report/": "黑户",
    }
    assert index["config"]["fields"]["terms"]["boost"] > index["config"]["fields"].get("text", {"boost": 1})["boost"]
    assert "terms" not in INDEX["config"]["fields"], "the input index was changed"


def test_a_place_the_site_lacks_fails_with_its_line() -> None:
    entries = terms("- where: credit-report/\n  zh: [黑户]\n  en: [blacklist]\n- where: '#no-such-heading'\n  zh: [某]\n  en: [some]\n")
    with pytest.raises(GuideError) as error:
        add_search_terms(INDEX, entries, "zh", "data/search-terms.yml")
    assert error.value.line == 4 and "#no-such-heading" in str(error.value)


PARTS_INDEX = {
    "config": {"separator": "[\\s\u200b]+", "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
    "docs": [
        {"location": "faq/#can-i-record-their-calls", "title": "我\u200b可以\u200b给\u200b催收\u200b电话录音\u200b吗", "text": "录音\u200b是\u200b证据"},
        {"location": "rights/", "title": "你的\u200b权利", "text": "向\u200b最高人民检察院\u200b反映\u200b敲诈勒索\u200b和\u200b敲诈勒索"},
        {"location": "en/", "title": "Your rights", "text": "collection calls"},
    ],
}
SPLITS = {"电话录音": ["电话", "录音"], "最高人民检察院": ["最高", "人民检察院"], "人民检察院": ["人民", "检察院"], "检察院": ["检察", "院"], "敲诈勒索": ["敲诈", "勒索"]}


def test_words_inside_a_longer_word_are_searched_in_a_field_with_its_boost() -> None:
    index = add_word_parts(PARTS_INDEX, lambda word: SPLITS.get(word, [word]))
    record, rights, english = index["docs"]
    assert record["title_parts"] == "录音", "录音 must find the answer whose title says 电话录音"
    assert "text_parts" not in record and "title_parts" not in english and "text_parts" not in english
    # The first piece is left out (the query finds a word by its start); an
    # inner word's own parts are in (人民检察院 -> 检察院); each part once.
    assert rights["text_parts"].split("\u200b") == ["人民检察院", "检察院", "勒索"]
    assert record["title"] == PARTS_INDEX["docs"][0]["title"], "the shown title keeps its words"
    fields = index["config"]["fields"]
    assert fields["title_parts"]["boost"] == fields["title"]["boost"] and fields["text_parts"]["boost"] == fields["text"]["boost"]
    assert "title_parts" not in PARTS_INDEX["config"]["fields"], "the input index was changed"


def test_jieba_cuts_a_word_it_knows_whole_into_the_words_it_is_made_of() -> None:
    from search_per_language import split_word

    assert split_word("电话录音") == ["电话", "录音"]
    assert split_word("敲诈勒索") == ["敲诈", "勒索"]
    assert split_word("私人生活") == ["私人", "生活"], "no word across the join (人生)"


def test_each_glossary_term_becomes_an_entry_after_the_page_escaped_as_material_writes_text() -> None:
    index = {"config": {}, "docs": [{"location": "", "title": "首页", "text": ""}, {"location": "glossary.html", "title": "术语表", "text": "<p>本页</p>"}, {"location": "faq.html", "title": "问答", "text": ""}]}
    entries = [GlossaryEntry("usury", "高利贷", "利率 > 法定上限 & 违法"), GlossaryEntry("loan-714", "714高炮", "期限很短")]
    added = add_glossary_entries(index, "glossary/", entries, lambda text: text.replace("高利贷", "高利\u200b贷"))
    assert [doc["location"] for doc in added["docs"]] == ["", "glossary.html", "glossary.html#usury", "glossary.html#loan-714", "faq.html"]
    usury = added["docs"][2]
    assert usury["title"] == "高利\u200b贷", "segmented as the indexer does"
    assert usury["text"] == "<p>利率 &gt; 法定上限 &amp; 违法</p>", "data is text: escaped, never markup"
    assert 0 < usury["boost"] < 1, "a page that matches as well comes first"
    assert len(index["docs"]) == 3, "the input index was changed"
    assert add_glossary_entries(index, "words/", entries, str) is index, "a site whose index lacks the page"


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("- where: faq/\n  zh: [征信]\n", "no `en` words", 1),
        ("- where: faq/\n  zh: [征信]\n  en: []\n", "no `en` words", 1),
        ("- zh: [征信]\n  en: [credit]\n", "no `where`", 1),
        ("- where: faq/\n  zh: [征信]\n  en: [credit]\n  fr: [crédit]\n", "unknown key", 1),
        ("where: faq/\n", "must be a list", None),
    ],
)
def test_bad_entries_fail_naming_the_problem_and_line(text: str, problem: str, line: int | None) -> None:
    with pytest.raises(GuideError) as error:
        terms(text)
    assert problem in str(error.value)
    assert error.value.line == line


def test_the_installed_material_worker_takes_our_three_changes_once() -> None:
    [worker] = MATERIAL_WORKERS.glob("search.*.min.js")
    patched = patch_worker(worker.read_text(encoding="utf-8"), OURS.read_text(encoding="utf-8"))
    assert patched.startswith(MARKER)
    assert patched.count("guideSegment(") >= 2 and "data:guideSearch(" in patched and "terms:guideArticleTerms(" in patched
    assert "sourceMappingURL" not in patched
    assert patch_worker(patched, "") == patched, "patching twice changed the worker again"


def test_a_changed_material_worker_fails_instead_of_shipping_unpatched() -> None:
    with pytest.raises(WorkerChanged, match="segmenter call"):
        patch_worker("var x=class{search(e){return e}}", "")


SEGMENT = """
const fs = require("fs");
eval(fs.readFileSync(process.argv[1], "utf8") + ";globalThis.guideSegment = guideSegment;");
const index = Object.fromEntries(JSON.parse(process.argv[2]).map(word => [word, {}]));
const out = JSON.parse(process.argv[3]).map(run => guideSegment(run, index).map(piece => piece.trim()));
console.log(JSON.stringify(out));
"""


def segment(words: list[str], runs: list[str]) -> list[list[str]]:
    result = subprocess.run(
        ["node", "-e", SEGMENT, str(OURS), json.dumps(words), json.dumps(runs)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_a_query_is_cut_into_the_fewest_index_words_its_last_character_included() -> None:
    words = ["报", "报告", "报警", "起诉", "钱", "通讯录", "打电话", "催收"]
    assert segment(words, ["报警", "被起诉", "还钱", "通讯录", "催收打电话"]) == [
        ["报警"],  # Material's segmenter: 报
        ["被", "起诉"],
        ["还", "钱"],
        ["通讯录"],
        ["催收", "打电话"],
    ]


def test_the_start_of_an_index_word_is_kept_whole_for_the_wildcard() -> None:
    assert segment(["通讯录", "征信"], ["通讯", "征"]) == [["通讯"], ["征"]]


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ('- where: "#will-i-go-to-prison"\n', '- where: "#will-i-go-to-jail"\n', "#will-i-go-to-jail"),
        ("  en: [jail, jailed, locked up]\n", "", "no `en` words"),
    ],
    ids=["unknown-place", "missing-language"],
)
def test_bad_search_words_fail_the_build_naming_file_and_line(project_copy: Path, tmp_path: Path, old: str, new: str, named: str) -> None:
    from tests.test_build import _build

    data = project_copy / "data" / "search-terms.yml"
    text = data.read_text(encoding="utf-8")
    assert old in text
    data.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index('- where: "#will-i-go-to-prison"')].count("\n") + 1
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert f"data/search-terms.yml:{line}" in output.stderr, output.stderr[-800:]
    assert named in output.stderr, output.stderr[-800:]
