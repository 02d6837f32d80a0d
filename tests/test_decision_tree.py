"""Decision trees: the checks an editor relies on, one broken tree per rule,
and the views a reader walks through (ids, back, change, start again)."""

from __future__ import annotations

import textwrap

import pytest

from engine.errors import GuideError
from engine.trees import render_tree_markers
from engine.tree_checks import check_graph, check_references
from engine.tree_model import parse_tree
from engine.tree_views import LinkTarget, all_views, node_numbers, split_text, tree_context, view_id
from tests.conftest import ROOT, template_env
from tests.content_checks import copied_runs, find_seed, forbidden_claims
from engine.yaml_data import parse_yaml

LANGUAGES = ("zh", "en")
SOURCE = "data/trees/test-tree.yml"
CONTACTS = {"police": "110", "court-line": "12368"}
PAGES = {("help", "zh"): {"emergency-lines"}, ("help", "en"): {"emergency-lines"}, ("rights", "zh"): {"civil-matter"}}

# A small valid tree: first -a-> second -c-> done, first -b-> done.
VALID = """\
start: first
intro:
  zh: 回答问题。
  en: Answer the questions.
nodes:
  first:
    question:
      zh: 第一个问题？
      en: First question?
    options:
      - id: a
        label:
          zh: 甲
          en: A
        next: second
      - id: b
        label:
          zh: 乙
          en: B
        next: done
  second:
    question:
      zh: 第二个问题？
      en: Second question?
    options:
      - id: c
        label:
          zh: 丙
          en: C
        next: done
  done:
    outcome:
      zh: 结果
      en: Result
    urgent: [police]
    steps:
      - zh: 打 {channel:police}。
        en: Call {channel:police}.
    channels: [court-line]
    links: [help#emergency-lines]
"""


def _tree(text: str = VALID):
    return parse_tree(parse_yaml(text, SOURCE), tree_id="test-tree", source=SOURCE, languages=LANGUAGES)


def _check(text: str) -> None:
    tree = _tree(text)
    check_graph(tree)
    check_references(tree, contacts=CONTACTS, anchors=lambda page, lang: PAGES.get((page, lang)), languages=LANGUAGES)


def _fails(text: str) -> GuideError:
    with pytest.raises(GuideError) as error:
        _check(text)
    assert str(error.value).startswith(SOURCE), "the error must name the tree file"
    return error.value


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_the_valid_tree_passes_every_check() -> None:
    _check(VALID)


# -----------------------------------------------------------------------------
# One broken tree per rule
# -----------------------------------------------------------------------------

def test_rule_every_target_exists() -> None:
    broken = VALID.replace("next: second", "next: nowhere")
    error = _fails(broken)
    assert "node 'first'" in error.problem and "'nowhere'" in error.problem
    assert error.line == _line_of(broken, "- id: a")


def test_rule_the_start_node_exists() -> None:
    error = _fails(VALID.replace("start: first", "start: begin"))
    assert "start node 'begin'" in error.problem and error.line == 1


def test_rule_every_node_is_reachable() -> None:
    broken = VALID + "  orphan:\n    outcome:\n      zh: 孤儿\n      en: Orphan\n    steps:\n      - zh: 无\n        en: None\n"
    error = _fails(broken)
    assert "node 'orphan'" in error.problem and "cannot be reached" in error.problem
    assert error.line == _line_of(broken, "  orphan:")


def test_rule_no_cycles() -> None:
    broken = VALID.replace("        next: done\n  done:", "        next: first\n  done:")
    error = _fails(broken)
    assert "node 'second'" in error.problem and "first -> second -> first" in error.problem


def test_rule_every_path_ends_at_an_outcome() -> None:
    broken = VALID.replace(
        "    options:\n      - id: c\n        label:\n          zh: 丙\n          en: C\n        next: done\n", "    options: []\n"
    )
    error = _fails(broken)
    assert "node 'second'" in error.problem and "without an outcome" in error.problem


def test_rule_depth_limit() -> None:
    chain = "".join(
        f"  q{n}:\n    question:\n      zh: 问{n}\n      en: Q{n}\n    options:\n"
        f"      - id: go\n        label:\n          zh: 是\n          en: Go on\n        next: {'q' + str(n + 1) if n < 3 else 'done'}\n"
        for n in range(1, 4)
    )
    broken = VALID.replace("        next: done\n  done:", "        next: q1\n" + chain + "  done:")
    error = _fails(broken)
    assert "node 'done' comes after 5 questions" in error.problem and "limit is 4" in error.problem


def test_rule_every_text_in_both_languages() -> None:
    broken = VALID.replace("          zh: 乙\n          en: B\n", "          zh: 乙\n")
    error = _fails(broken)
    assert "node 'first'" in error.problem and "option 'b'" in error.problem and "no en text" in error.problem
    assert error.line == _line_of(broken, "zh: 乙")


def test_rule_every_step_in_both_languages() -> None:
    error = _fails(VALID.replace("        en: Call {channel:police}.\n", ""))
    assert "node 'done'" in error.problem and "steps item 1" in error.problem and "no en text" in error.problem


# (rule, text to break, broken text, what the problem must say, what the fix must say)
REFERENCE_RULES = [
    ("channel id resolves", "channels: [court-line]", "channels: [court-lines]", ["node 'done'", "'court-lines'"], "court-line"),
    ("inline channel resolves", "en: Call {channel:police}.", "en: Call {channel:polce}.", ["node 'done'", "step 1 (en)", "'polce'"], "police"),
    ("link page exists", "[help#emergency-lines]", "[helpp#emergency-lines]", ["node 'done'", "helpp#emergency-lines", "does not exist"], "stop-harassment#call-log"),
    ("link page exists in each language", "[help#emergency-lines]", "[rights#civil-matter]", ["node 'done'", "does not exist in en"], ".md"),
    ("link section exists", "[help#emergency-lines]", "[help#emergency]", ["node 'done'", "names a section"], "emergency-lines"),
    ("no number typed by hand", "zh: 打 {channel:police}。", "zh: 打 110。", ["node 'done'", "'110'"], "{channel:police}"),
]


@pytest.mark.parametrize(("rule", "old", "new", "problem", "fix"), REFERENCE_RULES, ids=[r[0] for r in REFERENCE_RULES])
def test_rule_every_link_and_channel_resolves(rule: str, old: str, new: str, problem: list[str], fix: str) -> None:
    assert old in VALID, rule
    error = _fails(VALID.replace(old, new))
    assert all(fragment in error.problem for fragment in problem), error.problem
    assert fix in error.fix, error.fix


def test_an_unquoted_yes_as_option_id_says_to_quote_it() -> None:
    error = _fails(VALID.replace("- id: a", "- id: yes"))
    assert "True" in error.problem and 'id: "true"' in error.fix


def test_two_options_with_one_id_fail() -> None:
    error = _fails(VALID.replace("- id: b", "- id: a"))
    assert "two options have the id 'a'" in error.problem


def test_a_node_that_is_both_question_and_outcome_fails() -> None:
    error = _fails(VALID.replace("  done:\n    outcome:", "  done:\n    question:\n      zh: 问\n      en: Q\n    outcome:"))
    assert "node 'done'" in error.problem and "either a question or an outcome" in error.problem


def test_a_marker_naming_an_unknown_tree_names_the_page_and_line() -> None:
    with pytest.raises(GuideError) as error:
        render_tree_markers("# T\n\n<!-- decision-tree: no-such-tree -->\n", trees={}, render=str, source="docs/check/x.md", folder="data/trees", first_line=5)
    assert error.value.path == "docs/check/x.md" and error.value.line == 7 and "no-such-tree" in error.value.problem


# -----------------------------------------------------------------------------
# Views: a view is a path of answers
# -----------------------------------------------------------------------------

def _channels():
    from engine.channels import Channel

    texts = {lang: {"name": f"name-{lang}", "who": "w", "what": "w", "when": "w"} for lang in LANGUAGES}
    return {cid: Channel(id=cid, contact=contact, kind="phone", group="g", texts=texts) for cid, contact in CONTACTS.items()}


def _context(language: str = "en"):
    resolve = lambda link: LinkTarget(href=f"../{link.page}/#{link.anchor}", section="S", page="P")  # noqa: E731
    return tree_context(_tree(), language=language, channels=_channels(), resolve_link=resolve)


def test_every_path_is_a_view_and_ids_follow_the_answers() -> None:
    views = all_views(_tree())
    assert [(v.node, [o for _, o in v.answers]) for v in views] == [
        ("first", []), ("second", ["a"]), ("done", ["a", "c"]), ("done", ["b"]),
    ]
    assert view_id("test-tree", ["a", "c"]) == "t-test-tree--a--c"


def test_the_start_view_comes_last_for_the_sibling_rule() -> None:
    views = _context()["views"]
    assert views[-1]["start"] and views[-1]["id"] == "t-test-tree"
    assert not any(v["start"] for v in views[:-1])


def test_back_change_and_start_again_point_at_the_right_views() -> None:
    view = next(v for v in _context()["views"] if v["id"] == "t-test-tree--a--c")
    assert view["back"] == "#t-test-tree--a"
    assert view["restart"] == "#t-test-tree"
    assert [(a["question"], a["answer"], a["change"]) for a in view["answers"]] == [
        ("First question?", "A", "#t-test-tree"),
        ("Second question?", "C", "#t-test-tree--a"),
    ]
    start = next(v for v in _context()["views"] if v["start"])
    assert start["back"] is None and start["restart"] is None and start["answers"] == []
    assert [o["href"] for o in start["options"]] == ["#t-test-tree--a", "#t-test-tree--b"]


def test_nodes_are_numbered_breadth_first_for_print() -> None:
    assert node_numbers(_tree()) == {"first": 1, "second": 2, "done": 3}
    flow = _context()["flow"]
    assert [(b["id"], [o["number"] for o in b["options"]]) for b in flow] == [("first", [2, 3]), ("second", [3]), ("done", [])]


def test_inline_channels_become_parts_in_the_page_language() -> None:
    context = _context("zh")
    done = next(b for b in context["flow"] if b["id"] == "done")
    assert done["steps"][0][0] == {"text": "打 ", "channel": None}
    assert done["steps"][0][1]["channel"].contact == "110"
    assert [c.id for c in done["urgent"]] == ["police"]
    assert split_text("no channel here", {}) == [{"text": "no channel here", "channel": None}]


def test_the_overview_unfolds_every_path() -> None:
    tree_map = _context()["map"]
    assert tree_map["href"] == "#t-test-tree"
    assert [b["node"]["href"] for b in tree_map["branches"]] == ["#t-test-tree--a", "#t-test-tree--b"]
    assert tree_map["branches"][0]["node"]["branches"][0]["node"]["text"] == "Result"


def test_the_rendered_tree_escapes_text_and_puts_urgent_channels_first() -> None:
    from bs4 import BeautifulSoup

    from engine.trees import render_tree

    env = template_env("en")
    tree = _tree(VALID.replace("en: Result", "en: Result <b>&</b>"))
    html = render_tree(
        tree, language="en", channels=_channels(), help_href="../help/", env=env,
        resolve_link=lambda link: LinkTarget(href="../help/#emergency-lines", section="Emergency", page="Help"),
    )
    assert "\n\n" not in html, "blank lines would split the raw HTML block"
    soup = BeautifulSoup(html, "html.parser")
    outcome = soup.select_one("#t-test-tree--b")
    first = outcome.find(True)
    assert "tree-urgent" in first["class"] and first.a["href"] == "tel:110"
    assert outcome.select_one(".tree-title").get_text() == "Result <b>&</b>"
    assert outcome.select_one(".tree-channel__name")["href"] == "../help/#court-line"


def test_depth_counts_questions_only() -> None:
    # Exactly 4 questions before the outcome is allowed.
    chain = "".join(
        f"  q{n}:\n    question:\n      zh: 问{n}\n      en: Q{n}\n    options:\n"
        f"      - id: go\n        label:\n          zh: 是\n          en: Go on\n        next: {'q' + str(n + 1) if n < 2 else 'done'}\n"
        for n in range(1, 3)
    )
    _check(VALID.replace("        next: done\n  done:", "        next: q1\n" + chain + "  done:"))


def test_the_tree_format_is_documented_where_editors_look() -> None:
    from engine import tree_model as decision_tree_model

    doc = textwrap.dedent(decision_tree_model.__doc__ or "")
    for field in ("start:", "question:", "options:", "outcome:", "urgent:", "steps:", "evidence:", "channels:", "links:", "{channel:"):
        assert field in doc, field


# -----------------------------------------------------------------------------
# The shipped trees follow the content rules of the pages
# -----------------------------------------------------------------------------

TREE_FILES = sorted((ROOT / "data" / "trees").glob("*.yml"))


@pytest.mark.parametrize("path", TREE_FILES, ids=lambda path: path.name)
def test_a_tree_states_nothing_unconfirmed_and_copies_nothing_from_the_seed(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert forbidden_claims(text) == []
    seed = find_seed(ROOT)
    if seed is not None:
        assert copied_runs(text, seed.read_text(encoding="utf-8")) == []
