"""The glossary hook's pure cores: the data file, sorting, matching, rendering."""

from __future__ import annotations

import random
import textwrap

import pytest

from engine.errors import GuideError
from engine.glossary_render import link_page, matcher_for, render_glossary
from engine.glossary_data import Term, TermText, load_glossary, parse_glossary, sorted_terms
from engine.glossary_link import Matcher, apply_links, find_links
from tests.conftest import ROOT, template_env
from engine.yaml_data import parse_yaml

GLOSSARY = load_glossary(ROOT / "data" / "glossary.yml", "data/glossary.yml", ["zh", "en"])


def _parse(text: str, languages: tuple[str, ...] = ("zh", "en")) -> list[Term]:
    return parse_glossary(parse_yaml(textwrap.dedent(text), "data/g.yml"), "data/g.yml", list(languages))


def _linked(html: str, forms: dict[str, list[str]], not_in: dict[str, list[str]] | None = None) -> str:
    """The HTML with each found term wrapped as [id:text]."""
    links = find_links(html, Matcher(forms, not_in))
    return apply_links(html, links, lambda term_id, text: f"[{term_id}:{text}]")


# -----------------------------------------------------------------------------
# The guide's own glossary
# -----------------------------------------------------------------------------

def test_the_guide_has_at_least_40_terms_in_both_languages() -> None:
    assert len(GLOSSARY) >= 40
    for term in GLOSSARY:
        for language in ("zh", "en"):
            assert term.texts[language].term and term.texts[language].definition, term.id


def test_the_issue_s_terms_are_all_there() -> None:
    zh = {form for term in GLOSSARY for form in term.texts["zh"].forms}
    wanted = "催收 暴力催收 砍头息 征信 征信报告 信用报告 逾期 催收非法债务罪 寻衅滋事 软暴力 爆通讯录 呼死你 高利贷 LPR 714高炮 民间借贷 小额贷款公司 消费金融公司 网络借贷 本金 利息 罚息 违约金 服务费 诉讼时效 失信被执行人 限制高消费 律师函 传票 法院 支付令 电子证据 个人信息 隐私权 肖像权 名誉权 国家金融监督管理总局 中国人民银行征信中心 中国互联网金融协会 协商还款 个性化分期 债务重组 担保 第三方催收 委外催收 治安管理处罚法 民法典 个人信息保护法"
    assert not set(wanted.split()) - zh


def test_definitions_state_nothing_the_fact_sheet_marks_unconfirmed() -> None:
    text = " ".join(t.texts[lang].definition for t in GLOSSARY for lang in ("zh", "en"))
    # No rate at all (no current LPR figure, no "24% cap"), no word on who runs
    # 及贷, no complaint-line hours, no phone numbers (those live in channels.yml).
    for unconfirmed in ("%", "及贷", "小时", "hours", "12378", "12363"):
        assert unconfirmed not in text


def test_chinese_entries_follow_pinyin_and_english_entries_a_to_z() -> None:
    zh = [t.texts["zh"].term for t in sorted_terms(GLOSSARY, "zh")]
    assert zh.index("暴力催收") < zh.index("本金") < zh.index("传票") < zh.index("催收")
    assert zh.index("催收") < zh.index("催收非法债务罪")  # a prefix first
    assert zh.index("罚息") < zh.index("法院")  # fá before fǎ
    assert zh.index("征信") < zh.index("征信报告") < zh.index("支付令") < zh.index("中国人民银行")
    en = [t.texts["en"].term.casefold() for t in sorted_terms(GLOSSARY, "en")]
    assert en == sorted(en, key=lambda term: term.split())


# -----------------------------------------------------------------------------
# Bad data fails with the file, the line and the id
# -----------------------------------------------------------------------------

GOOD = """\
terms:
  - id: a
    zh: {term: 催收, definition: 甲。}
    en: {term: collection, definition: A.}
"""


def test_a_duplicate_id_names_its_line_and_the_first_one() -> None:
    with pytest.raises(GuideError) as error:
        _parse(GOOD + "  - id: a\n    zh: {term: 征信, definition: 乙。}\n    en: {term: credit, definition: B.}\n")
    assert error.value.path == "data/g.yml" and error.value.line == 5
    assert "'a'" in str(error.value) and "line 2" in str(error.value)


def test_a_word_claimed_by_two_terms_names_both() -> None:
    with pytest.raises(GuideError) as error:
        _parse(GOOD + "  - id: b\n    zh: {term: 催债, variants: [催收], definition: 乙。}\n    en: {term: dunning, definition: B.}\n")
    assert error.value.line == 6 and "'b'" in str(error.value) and "'a'" in str(error.value) and "催收" in str(error.value)


def test_english_words_clash_whatever_their_case() -> None:
    with pytest.raises(GuideError) as error:
        _parse(GOOD + "  - id: b\n    zh: {term: 催债, definition: 乙。}\n    en: {term: Collection, definition: B.}\n")
    assert error.value.line == 7 and "'b'" in str(error.value)


def test_a_missing_language_names_the_term() -> None:
    with pytest.raises(GuideError) as error:
        _parse(GOOD + "  - id: b\n    zh: {term: 征信, definition: 乙。}\n")
    assert error.value.line == 5 and "'b'" in str(error.value) and "'en'" in str(error.value)


def test_a_missing_definition_names_the_term_and_language() -> None:
    with pytest.raises(GuideError) as error:
        _parse(GOOD + "  - id: b\n    zh: {term: 征信}\n    en: {term: credit, definition: B.}\n")
    assert error.value.line == 6 and "'b'" in str(error.value) and "zh definition" in str(error.value)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("  - id: B c\n    zh: {term: 乙, definition: 乙。}\n    en: {term: b, definition: B.}\n", "lower-case"),
        ("  - id: b\n    zh: {term: 乙, definition: 乙。}\n    en: {term: b, definition: B.}\n    sea: rights\n", "unknown field 'sea'"),
        ("  - id: b\n    zh: {term: 乙, definition: 乙。, notin: [x]}\n    en: {term: b, definition: B.}\n", "unknown field 'notin'"),
        ("  - id: b\n    zh: {term: 乙, definition: 乙。, not_in: [甲丙]}\n    en: {term: b, definition: B.}\n", "does not contain the term"),
        ("  - id: b\n    zh: {term: '<b>', definition: 乙。}\n    en: {term: b, definition: B.}\n", "contains <, > or &"),
        ("  - id: b\n    zh: {term: 乙, definition: 乙。}\n    en: {term: b, definition: B.}\n    see: 'rights#a b'\n", "not a page name"),
    ],
)
def test_other_mistakes_are_named(entry: str, problem: str) -> None:
    with pytest.raises(GuideError) as error:
        _parse(GOOD + entry)
    assert problem in str(error.value) and error.value.line and error.value.line >= 5


def test_see_takes_a_page_and_an_optional_section() -> None:
    terms = _parse(GOOD.replace("  - id: a\n", "  - id: a\n    see: online-loans#714-loans\n"))
    assert (terms[0].see_page, terms[0].see_anchor, terms[0].see_line) == ("online-loans", "714-loans", 3)


# -----------------------------------------------------------------------------
# Matching: first occurrence, longest match, whole words, not_in, skipped places
# -----------------------------------------------------------------------------

def test_only_the_first_occurrence_is_linked() -> None:
    assert _linked("<p>催收，催收。</p><p>催收</p>", {"c": ["催收"]}) == "<p>[c:催收]，催收。</p><p>催收</p>"


def test_the_longest_match_wins() -> None:
    forms = {"c": ["催收"], "v": ["暴力催收"]}
    assert _linked("<p>暴力催收和催收</p>", forms) == "<p>[v:暴力催收]和[c:催收]</p>"
    # Once 暴力催收 is linked, its later occurrences are not split into 催收.
    assert _linked("<p>暴力催收，暴力催收。</p>", forms) == "<p>[v:暴力催收]，暴力催收。</p>"


def test_a_term_starting_earlier_wins_an_overlap() -> None:
    forms = {"report": ["征信报告"], "period": ["报告期"]}
    assert _linked("<p>征信报告期</p>", forms) == "<p>[report:征信报告]期</p>"


def test_matches_reached_only_through_a_failure_link_are_found() -> None:
    # pyahocorasick's iter_long returns nothing for "甲乙丙丁": it walks
    # 甲乙丙 towards 甲乙丙甲, fails on 丁 and drops the 丙 it passed.
    forms = {"a": ["乙丙乙"], "b": ["甲乙丙甲"], "c": ["丙"]}
    assert find_links("<p>甲乙丙丁</p>", Matcher(forms)) == [(5, 6, "c")]


def test_english_is_case_insensitive_and_whole_word() -> None:
    forms = {"court": ["court", "courts"], "lpr": ["LPR"]}
    assert _linked("<p>Courtesy, courtship. The COURT said.</p>", forms) == "<p>Courtesy, courtship. The [court:COURT] said.</p>"
    assert _linked("<p>LPRs, 一年期LPR的4倍</p>", forms) == "<p>LPRs, 一年期[lpr:LPR]的4倍</p>"


def test_not_in_strings_stop_chinese_false_hits() -> None:
    forms, not_in = {"p": ["本金"]}, {"p": ["资本金"]}
    assert _linked("<p>注册资本金和借款本金</p>", forms, not_in) == "<p>注册资本金和借款[p:本金]</p>"
    assert _linked("<p>最高人民法院和法院</p>", {"c": ["法院"]}, {"c": ["最高人民法院"]}) == "<p>最高人民法院和[c:法院]</p>"


def test_a_blocked_longer_term_leaves_room_for_a_shorter_one() -> None:
    forms, not_in = {"black": ["红茶"], "tea": ["茶"]}, {"black": ["红茶菌"]}
    assert _linked("<p>红茶菌</p>", forms, not_in) == "<p>红[tea:茶]菌</p>"


@pytest.mark.parametrize(
    "html",
    [
        "<pre>催收</pre>", "<code>催收</code>", "<kbd>催收</kbd>", "<a href='x'>催收</a>",
        "<h1>催收</h1>", "<h2 id='x'>催收<a class='headerlink' href='#x'>¶</a></h2>", "<h6>催收</h6>",
        "<abbr title='x'>催收</abbr>", "<script>var a = '<p>催收</p>';</script>", "<style>/* 催收 */</style>",
        "<nav><ul><li>催收</li></ul></nav>", "<p title='催收'>x</p>", "<img alt='催收' src='a.png'>",
        "<!-- 催收 -->", "<span class='note no-glossary'>催收<span>x</span>催收</span>", "<pre><code>a<b>催收</b></code></pre>",
        "<summary>催收</summary>", "<button>催收</button>", "<textarea><p>催收</p></textarea>",
        "<svg><text>催收</text></svg>", "<p data-x=\"a>催收\">x</p>", "<p title='a\"b>催收'>x</p>",
    ],
)
def test_terms_are_never_linked_where_they_must_not_be(html: str) -> None:
    assert find_links(html, Matcher({"c": ["催收"]})) == []


def test_text_after_a_skipped_element_is_linked_again() -> None:
    html = "<h2>催收</h2><pre><code>催收</code></pre><p>一<code>x</code>二催收</p>"
    assert _linked(html, {"c": ["催收"]}) == "<h2>催收</h2><pre><code>催收</code></pre><p>一<code>x</code>二[c:催收]</p>"


def test_tag_names_written_inside_attribute_values_are_not_elements() -> None:
    html = '<p title="<code> & <a>">催收</p><p>1 < 2 <code>本金</code></p>'
    assert _linked(html, {"c": ["催收"], "p": ["本金"]}) == '<p title="<code> & <a>">[c:催收]</p><p>1 < 2 <code>本金</code></p>'


def test_a_stray_quote_in_a_script_does_not_confuse_what_follows() -> None:
    html = """<script>var s = "<b title='";</script><p title="a>催收">本金</p><!-- <code> --><p>催收</p>"""
    assert _linked(html, {"c": ["催收"], "p": ["本金"]}) == html.replace(">本金<", ">[p:本金]<").replace("<p>催收", "<p>[c:催收]")


def test_upper_case_tags_and_nested_skipped_elements_are_handled() -> None:
    html = "<DIV CLASS='no-glossary'><div>催收</div>催收</DIV><P>催收</P>"
    assert _linked(html, {"c": ["催收"]}) == "<DIV CLASS='no-glossary'><div>催收</div>催收</DIV><P>[c:催收]</P>"


def test_a_link_never_cuts_through_an_entity() -> None:
    assert _linked("<p>&amp; amp &nbsp;</p>", {"amp": ["amp"], "nbsp": ["nbsp"]}) == "<p>&amp; [amp:amp] &nbsp;</p>"
    assert _linked("<p>court&rsquo;s</p>", {"court": ["court"]}) == "<p>[court:court]&rsquo;s</p>"


# -----------------------------------------------------------------------------
# Rendering: escaped, link and print list
# -----------------------------------------------------------------------------

EVIL = Term(
    "evil",
    1,
    {
        "zh": TermText("催收", (), (), '<script>alert("x")</script> & "quotes"'),
        "en": TermText("collection", ("<b>",), (), "<img src=x onerror=alert(1)>"),
    },
)


def test_definitions_are_escaped_in_the_definition_box_and_the_print_list() -> None:
    html = link_page("<p>催收</p>", matcher=Matcher({"evil": ["催收"]}), terms=[EVIL], language="zh", href="../glossary/", env=template_env("zh"))
    assert html is not None
    assert "<script" not in html and "&lt;script&gt;" in html
    assert 'popover data-search-exclude="">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quotes&#34; <a' in html
    assert '<button type="button" class="glossary-term" data-glossary-term="evil" popovertarget="glossary-evil">催收</button>' in html
    assert '<a class="glossary-pop__more" href="../glossary/#evil">' in html
    assert '<aside class="glossary-print" data-search-exclude data-book-omit>' in html


def test_definitions_are_escaped_on_the_glossary_page() -> None:
    html = render_glossary([EVIL], "en", {"evil": ('../x/?a="b"', "<i>Page</i>")}, template_env("en"))
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and 'href="../x/?a=&#34;b&#34;"' in html


def test_the_print_list_holds_the_linked_terms_in_page_order() -> None:
    terms = [t for t in GLOSSARY if t.id in ("principal", "interest", "court")]
    html = link_page("<p>利息和本金，本金。</p>", matcher=matcher_for(terms, "zh"), terms=terms, language="zh", href="g/", env=template_env("zh"))
    assert html is not None
    printed = html[html.index("<aside") :]
    assert printed.index("<dt>利息</dt>") < printed.index("<dt>本金</dt>") and "法院" not in printed


def test_a_page_without_terms_is_left_alone() -> None:
    assert link_page("<p>你好</p>", matcher=Matcher({"c": ["催收"]}), terms=[EVIL], language="zh", href="g/", env=template_env("zh")) is None


def test_every_guide_definition_renders_in_both_languages() -> None:
    for language in ("zh", "en"):
        html = render_glossary(sorted_terms(GLOSSARY, language), language, {}, template_env(language))
        assert html.count("<dt id=") == len(GLOSSARY)


def test_matching_agrees_with_a_naive_search_on_random_text() -> None:
    rng = random.Random(7)
    for _ in range(300):
        words = {f"t{i}": ["".join(rng.choices("甲乙丙", k=rng.randint(1, 4)))] for i in range(rng.randint(1, 5))}
        unique = {}
        for term_id, (form,) in words.items():
            unique.setdefault(form, term_id)
        forms = {term_id: [form] for form, term_id in unique.items()}
        text = "".join(rng.choices("甲乙丙", k=rng.randint(0, 14)))
        expected = _naive(text, forms)
        got = [(s - 3, e - 3, t) for s, e, t in find_links(f"<p>{text}</p>", Matcher(forms))]
        assert got == expected, (forms, text)


def _naive(text: str, forms: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    found, seen, at = [], set(), 0
    while at < len(text):
        best = max(
            ((len(f), t) for t, fs in forms.items() for f in fs if text.startswith(f, at)), default=None
        )
        if best is None:
            at += 1
            continue
        if best[1] not in seen:
            seen.add(best[1])
            found.append((at, at + best[0], best[1]))
        at += best[0]
    return found
