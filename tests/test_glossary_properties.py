"""Property tests: on any generated HTML, linking keeps the visible text and the
markup intact, links only where it may, and links exactly the terms a plain
reference search finds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.glossary_link import Matcher, apply_links, find_links

# Where a term is never linked (the list, written out here rather than
# taken from the hook, so that the test checks the hook's list too).
SKIP_TAGS = {"a", "abbr", "code", "pre", "kbd", "h1", "h2", "h3", "h4", "h5", "h6", "nav", "summary", "button", "label"}
RAW_TEXT_TAGS = {"script", "style"}
SKIP_CLASS = "no-glossary"

FORMS = {
    "collection": ["催收", "催债"],
    "violent": ["暴力催收"],
    "receipt": ["收款"],  # overlaps 催收 in 催收款
    "principal": ["本金"],
    "court": ["court", "courts"],
    "lpr": ["LPR"],
    "amp": ["amp"],  # an entity's name: must never be linked inside &amp;
}
NOT_IN = {"principal": ["资本金"], "court": ["supreme court"]}
MATCHER = Matcher(FORMS, NOT_IN)
TAGS = {term_id: (f'<a class="glossary-term" data-term="{term_id}" href="g/#{term_id}">', "</a>") for term_id in FORMS}


def _wrap(term_id: str, text: str) -> str:
    opening, closing = TAGS[term_id]
    return opening + text + closing

CHUNKS = ["催收", "暴力", "收款", "本金", "资本金", "催", "court", "Court", "courts", "courtesy", "Supreme Court",
          "LPR", "lpr", "LPRs", "amp", "&", "<", ">", '"', " ", "x", "年", "。"]
TEXT = st.lists(st.sampled_from(CHUNKS), max_size=6).map("".join)
RAW_TEXT = TEXT.map(lambda text: text.replace("<", "").replace("&", ""))
CONTAINERS = ["p", "div", "span", "b", "em", "li", "section", "a", "code", "pre", "kbd", "h1", "h2", "h6",
              "abbr", "summary", "button", "nav", "label"]


@dataclass
class Node:
    tag: str  # "" for text, "!" for a comment
    text: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)


def _element(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    attrs = st.dictionaries(st.sampled_from(["title", "class", "data-x"]), TEXT | st.just(f"x {SKIP_CLASS}"), max_size=2)
    return st.builds(Node, tag=st.sampled_from(CONTAINERS), attrs=attrs, children=st.lists(children, max_size=4))


LEAVES = st.one_of(
    TEXT.map(lambda text: Node("", text)),
    TEXT.map(lambda text: Node("!", text.replace("-", "") or "c")),
    st.builds(Node, tag=st.sampled_from(["br", "img"]), attrs=st.fixed_dictionaries({"alt": TEXT})),
    st.builds(Node, tag=st.sampled_from(sorted(RAW_TEXT_TAGS)), text=RAW_TEXT),
)
DOCUMENTS = st.lists(st.recursive(LEAVES, _element, max_leaves=25), max_size=5)


def serialize(nodes: list[Node]) -> str:
    out = []
    for node in nodes:
        attrs = "".join(f" {name}={quoteattr(value)}" for name, value in node.attrs.items())
        if node.tag == "":
            out.append(escape(node.text))
        elif node.tag == "!":
            out.append(f"<!--{node.text}-->")
        elif node.tag in ("br", "img"):
            out.append(f"<{node.tag}{attrs}/>")
        elif node.tag in RAW_TEXT_TAGS:
            out.append(f"<{node.tag}>{node.text}</{node.tag}>")
        else:
            out.append(f"<{node.tag}{attrs}>{serialize(node.children)}</{node.tag}>")
    return "".join(out)


def linkable_pieces(nodes: list[Node], skipped: bool = False) -> list[str]:
    """The text the hook may link, in page order, cut where the tokenizer cuts it
    (at tags, comments and the characters that are written as entities)."""
    pieces: list[str] = []
    after_text = False  # adjacent text nodes are one text in the HTML
    for node in nodes:
        if node.tag == "" and not skipped:
            split = re.split(r"[&<>]", node.text)
            if after_text:
                pieces[-1] += split.pop(0)
            pieces += split
            after_text = True
            continue
        after_text = False
        if node.tag not in ("", "!", "br", "img") and node.tag not in RAW_TEXT_TAGS:
            skips = skipped or node.tag in SKIP_TAGS or SKIP_CLASS in node.attrs.get("class", "").split()
            pieces += linkable_pieces(node.children, skips)
            pieces.append("")  # the end tag cuts the text
    return pieces


def reference_links(pieces: list[str]) -> list[tuple[str, str]]:
    """(term id, text) of the first occurrence of each term: leftmost-longest in each piece,
    English whole-word and case-insensitive, not_in respected. Plain and slow on purpose."""
    forms = [(form.lower(), term_id) for term_id, strings in FORMS.items() for form in strings]
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for piece in pieces:
        lowered, at = piece.lower(), 0
        while at < len(piece):
            valid = [(len(form), term_id) for form, term_id in forms if _valid(lowered, at, form, term_id)]
            if not valid:
                at += 1
                continue
            length, term_id = max(valid)
            if term_id not in seen:
                seen.add(term_id)
                found.append((term_id, piece[at : at + length]))
            at += length
    return found


def _valid(text: str, at: int, form: str, term_id: str) -> bool:
    if not text.startswith(form, at):
        return False
    word = re.compile(r"[A-Za-z0-9_]")
    if word.match(form[0]) and at > 0 and word.match(text[at - 1]):
        return False
    end = at + len(form)
    if word.match(form[-1]) and end < len(text) and word.match(text[end]):
        return False
    for blocker in NOT_IN.get(term_id, []):
        for offset in [m.start() for m in re.finditer(re.escape(form), blocker)]:
            if at >= offset and text.startswith(blocker, at - offset):
                return False
    return True


def _parse(html: str) -> ET.Element:
    return ET.fromstring(f"<root>{html}</root>")


def _elements_and_attributes(root: ET.Element) -> list[tuple[str, dict[str, str]]]:
    return [(el.tag, el.attrib) for el in root.iter() if "glossary-term" not in el.get("class", "").split()]


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_linking_keeps_text_and_markup_and_links_what_a_reference_finds(nodes: list[Node]) -> None:
    html = serialize(nodes)
    linked = apply_links(html, find_links(html, MATCHER), _wrap)
    before, after = _parse(html), _parse(linked)  # well formed, or this raises

    assert "".join(after.itertext()) == "".join(before.itertext())
    assert _elements_and_attributes(after) == _elements_and_attributes(before)
    assert re.findall(r"<!--.*?-->", linked, re.DOTALL) == re.findall(r"<!--.*?-->", html, re.DOTALL)

    links = [el for el in after.iter("a") if "glossary-term" in el.get("class", "").split()]
    parents = {child: parent for parent in after.iter() for child in parent}
    for link in links:
        assert len(link) == 0  # a link wraps text only
        ancestor = parents[link]
        while ancestor is not after:
            assert ancestor.tag not in SKIP_TAGS | RAW_TEXT_TAGS, ET.tostring(ancestor, encoding="unicode")
            assert SKIP_CLASS not in ancestor.get("class", "").split()
            ancestor = parents[ancestor]
    assert [(link.get("data-term"), link.text) for link in links] == reference_links(linkable_pieces(nodes))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(CHUNKS + ["<b>", "</b>", "<code>", "</code>", "<!--", "-->", "&amp;", "&#", "'"]), max_size=20))
def test_any_markup_soup_keeps_its_characters(chunks: list[str]) -> None:
    # Not well formed on purpose: whatever the input, the hook only inserts
    # whole links and never changes a character of it.
    html = "".join(chunks)
    links = find_links(html, MATCHER)
    linked = apply_links(html, links, _wrap)
    assert re.sub(r'<a class="glossary-term"[^>]*>|</a>', "", linked) == html
    for start, end, term_id in links:
        assert html[start:end].lower() in [form.lower() for form in FORMS[term_id]]
