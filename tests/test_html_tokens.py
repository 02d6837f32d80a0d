"""The tokenizer the glossary and the print page share: exact to the byte."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from engine.html_tokens import add_attribute, attribute, attribute_names, comment_text, is_start_tag, rewrite_attributes, tag_name, tokens

MARKUP = st.text(alphabet=st.sampled_from(list("<>/!?-=\"' &;#axAX1\n中")), max_size=80)


@given(MARKUP)
def test_the_pieces_always_join_back_into_the_html(html: str) -> None:
    assert "".join(tokens(html)) == html


def test_tags_comments_and_references_are_tokens_and_the_rest_is_text() -> None:
    parts = tokens('<P CLASS="a>b">x &amp; y<!-- note --></P>')
    assert parts == ["", '<P CLASS="a>b">', "x ", "&amp;", " y", "<!-- note -->", "", "</P>", ""]
    assert [is_start_tag(t) for t in parts[1::2]] == [True, False, False, False]
    assert tag_name(parts[1]) == "p" and comment_text(parts[5]) == "note" and comment_text(parts[1]) is None


def test_raw_text_is_text_however_much_it_looks_like_markup() -> None:
    html = '<script>if (a < b) document.write("<a href=\'x\'>")</script><Style>p{}</Style><p>after</p>'
    parts = tokens(html)
    assert parts[1::2] == ["<script>", "</script>", "<Style>", "</Style>", "<p>", "</p>"]
    assert "".join(parts) == html


def test_only_changed_values_are_written_again() -> None:
    tag = """<a class=note HREF='../x/?a=1&amp;b=2' data-x="1" id=top hidden>"""
    seen: list[tuple[str, str]] = []

    def change(name: str, value: str) -> str:
        seen.append((name, value))
        return "#top" if name == "href" else value

    assert rewrite_attributes(tag, frozenset({"href", "id"}), change) == """<a class=note HREF="#top" data-x="1" id=top hidden>"""
    assert seen == [("href", "../x/?a=1&b=2"), ("id", "top")]  # references decoded, names lower-cased


def test_a_new_value_is_quoted_and_escaped() -> None:
    assert rewrite_attributes('<img src=a.png alt="">', frozenset({"src"}), lambda _, v: 'b".png?x&y') == '<img src="b&quot;.png?x&amp;y" alt="">'


def test_an_attribute_is_added_last_and_named_attributes_are_found() -> None:
    assert add_attribute('<details class="note">', "open") == '<details class="note" open="">'
    assert add_attribute("<input disabled/>", "data-x", "1") == '<input disabled data-x="1"/>'
    assert attribute_names('<details class="a" OPEN>') == {"class", "open"}


def test_an_attribute_value_is_read_decoded_in_any_quoting() -> None:
    tag = """<h3 class='faq-question' ID=will-i data-x="a &amp; b" hidden>"""
    assert attribute(tag, "id") == "will-i" and attribute(tag, "class") == "faq-question"
    assert attribute(tag, "data-x") == "a & b"
    assert attribute(tag, "hidden") is None and attribute(tag, "title") is None
    assert attribute('<a title="x>y" href="#z">', "href") == "#z"
