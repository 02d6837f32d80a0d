"""Filing a complaint step by step (hooks/engine/filing.py, data/filing.yml, docs/kit/complaints.md).

Every number and name comes from the channel data; every section is in both
languages with the same id; bad input names the file and line; pages that
show 12378 link to its filing section.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, html_pages, template_env
from tests.test_build import _build
from engine.channels import load_channels
from engine.errors import GuideError
from engine.filing import PARTS, check_markers, filing_view, load_filing, marker_ids, render_filing
from engine.yaml_data import load_yaml

LANGUAGES = ("zh", "en")
PAGE = ROOT / "docs" / "kit" / "complaints"
FILING_IDS = list(load_yaml(ROOT / "data" / "filing.yml", "data/filing.yml"))
# The channels that take complaints, as the fact sheet lists them (facts.md §3).
COMPLAINT_CHANNELS = {"nfra", "pboc", "spam-report", "online-content", "nifa", "police"}


def _load(data: Path) -> tuple[dict, dict]:
    channels = load_channels(data / "channels.yml", "data/channels.yml", LANGUAGES)
    return load_filing(data / "filing.yml", "data/filing.yml", LANGUAGES, channels), channels


def _html(data: Path, cid: str) -> dict[str, str]:
    filings, channels = _load(data)
    return {lang: render_filing(template_env(lang), filing_view(filings[cid], channels, lang)) for lang in LANGUAGES}


def _page(language: str) -> str:
    return PAGE.with_name("complaints.md" if language == "zh" else "complaints.en.md").read_text(encoding="utf-8")


# -----------------------------------------------------------------------------
# Every channel that takes complaints has its section, the same in zh and en
# -----------------------------------------------------------------------------

def test_the_file_covers_the_complaint_channels_and_no_other() -> None:
    assert set(FILING_IDS) == COMPLAINT_CHANNELS


@pytest.mark.parametrize("cid", FILING_IDS)
def test_every_filing_section_exists_in_zh_and_en_with_the_same_id(cid: str) -> None:
    for language in LANGUAGES:
        text = _page(language)
        heading = re.search(r"^## .*\{ #" + re.escape(cid) + r" \}\n\n[^\n]*\n\n<!-- filing: " + re.escape(cid) + r" -->$", text, re.M)
        assert heading, f"the {language} page has no '## ... {{ #{cid} }}' section holding <!-- filing: {cid} -->"
    ids = [re.findall(r"\{ #([\w-]+) \}", _page(language)) for language in LANGUAGES]
    assert ids[0] == ids[1]


@pytest.mark.parametrize("cid", FILING_IDS)
def test_every_section_is_built_in_both_languages_with_every_part(cid: str, site_dir: Path) -> None:
    for root in (site_dir, site_dir / "en"):
        html = (root / "kit" / "complaints" / "index.html").read_text(encoding="utf-8")
        assert f'id="{cid}"' in html and f'data-filing="{cid}"' in html
        for part in PARTS:
            assert f'id="{cid}-{part}"' in html, f"{root.name}: no '{part}' part for {cid}"
        assert "filing:" not in html, "a marker was left unrendered"


def test_the_steps_show_the_numbers_as_links_and_every_text_escaped() -> None:
    html = _html(ROOT / "data", "nfra")
    for text in html.values():
        assert '<a class="guide-filing__number" href="tel:12378">12378</a>' in text
        assert 'href="#nifa"' in text and 'href="#police"' in text
        assert "{" not in text and "}" not in text
    assert "金融消费者投诉热线" in html["zh"] and "Financial consumer complaint line" in html["en"]
    assert "&#39;" in html["en"]  # "lender's", escaped by the template


def test_a_time_is_printed_only_where_the_fact_sheet_gives_one() -> None:
    filings, _ = _load(ROOT / "data")
    assert [cid for cid, filing in filings.items() if "wait" in filing.parts] == ["pboc"]
    assert "20日内" in filings["pboc"].parts["wait"][0]["zh"] and "第25条" in filings["pboc"].parts["wait"][0]["zh"]
    for text in _html(ROOT / "data", "nfra").values():
        assert 'id="nfra-wait"' in text
    assert "问清楚多久答复" in _html(ROOT / "data", "nfra")["zh"]


# -----------------------------------------------------------------------------
# A changed channel changes every step that shows it
# -----------------------------------------------------------------------------

def test_a_changed_number_changes_the_steps(tmp_path: Path) -> None:
    shutil.copy(ROOT / "data" / "filing.yml", tmp_path / "filing.yml")
    text = (ROOT / "data" / "channels.yml").read_text(encoding="utf-8")
    (tmp_path / "channels.yml").write_text(text.replace('contact: "12378"', 'contact: "12399"'), encoding="utf-8")
    for cid in ("nfra", "nifa", "police"):  # its own steps, and the steps that send the reader to it
        for html in _html(tmp_path, cid).values():
            assert "12399" in html and "12378" not in html, cid


def test_a_changed_number_changes_the_built_page(project_copy: Path, tmp_path: Path) -> None:
    channels = project_copy / "data" / "channels.yml"
    channels.write_text(channels.read_text(encoding="utf-8").replace('contact: "12363"', 'contact: "12399"'), encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode == 0, output.stderr[-3000:]
    for root in (tmp_path / "out", tmp_path / "out" / "en"):
        html = (root / "kit" / "complaints" / "index.html").read_text(encoding="utf-8")
        steps = html[html.index('data-filing="pboc"') :]
        steps = steps[: steps.index("</div>")]
        assert 'href="tel:12399">12399</a>' in steps and "12363" not in steps


# -----------------------------------------------------------------------------
# Bad input fails with the file, the line and the fix
# -----------------------------------------------------------------------------

def _broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    shutil.copy(ROOT / "data" / "channels.yml", tmp_path / "channels.yml")
    text = (ROOT / "data" / "filing.yml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    (tmp_path / "filing.yml").write_text(text, encoding="utf-8")
    return tmp_path, text[: text.index(new)].count("\n") + 1


def test_an_unknown_channel_id_in_the_file_names_file_and_line(tmp_path: Path) -> None:
    data, line = _broken(tmp_path, "\nspam-report:\n", "\nspam-reprot:\n")
    with pytest.raises(GuideError) as error:
        _load(data)
    assert error.value.path == "data/filing.yml" and error.value.line == line + 1
    assert "spam-reprot" in error.value.problem and "spam-report" in error.value.fix


def test_an_unknown_channel_id_in_a_placeholder_names_its_line(tmp_path: Path) -> None:
    data, line = _broken(tmp_path, "{see:online-content}。", "{see:onlien-content}。")
    with pytest.raises(GuideError) as error:
        _load(data)
    assert error.value.path == "data/filing.yml" and error.value.line == line and "onlien-content" in str(error.value)


def test_a_missing_language_names_file_and_line(tmp_path: Path) -> None:
    data, line = _broken(tmp_path, '    - zh: 骚扰你的每一个号码。\n      en: "Every number that harasses you."\n', "    - zh: 骚扰你的每一个号码。\n")
    with pytest.raises(GuideError) as error:
        _load(data)
    assert error.value.path == "data/filing.yml" and error.value.line == line
    assert "no en text" in error.value.problem and "en:" in error.value.fix


def test_a_missing_part_names_the_channel(tmp_path: Path) -> None:
    data, _ = _broken(tmp_path, "  reference:\n    - zh: 提交以后，截图保存。", "  referense:\n    - zh: 提交以后，截图保存。")
    with pytest.raises(GuideError) as error:
        _load(data)
    assert "referense" in error.value.problem and "online-content" in error.value.problem


def test_an_unknown_marker_id_fails_with_file_and_line() -> None:
    filings, channels = _load(ROOT / "data")
    page = "# 投诉 { #complaints }\n\n## 一 { #nfra }\n\n<!-- filing: nfra -->\n\n<!-- filing: nfrb -->\n"
    markers = marker_ids(page, "docs/kit/complaints.md")
    assert markers == [("nfra", 5), ("nfrb", 7)]
    with pytest.raises(GuideError) as error:
        check_markers(markers, filings, channels, "docs/kit/complaints.md", "data/filing.yml")
    assert str(error.value).startswith("docs/kit/complaints.md:7: unknown channel id 'nfrb'")
    with pytest.raises(GuideError) as error:
        marker_ids("a\n\n<!-- filings: nfra -->\n", "docs/x.md")
    assert error.value.line == 3


def test_a_marker_for_a_channel_without_steps_or_a_missing_target_fails() -> None:
    filings, channels = _load(ROOT / "data")
    with pytest.raises(GuideError) as error:
        check_markers([("court-line", 4)], filings, channels, "docs/x.md", "data/filing.yml")
    assert error.value.line == 4 and "no steps for channel 'court-line'" in error.value.problem
    with pytest.raises(GuideError) as error:  # the nifa steps link to the nfra and police sections
        check_markers([("nifa", 9)], filings, channels, "docs/x.md", "data/filing.yml")
    assert error.value.line == 9 and "not on this page" in error.value.problem


def test_an_unknown_marker_id_fails_the_build_naming_page_and_line(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "docs" / "kit" / "complaints.en.md"
    text = page.read_text(encoding="utf-8").replace("<!-- filing: spam-report -->", "<!-- filing: spam -->")
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index("<!-- filing: spam -->") + 1
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert f"docs/kit/complaints.en.md:{line}: unknown channel id 'spam'" in output.stderr, output.stderr[-2000:]


# -----------------------------------------------------------------------------
# Pages that send the reader to 12378 link to its filing section
# -----------------------------------------------------------------------------

def test_pages_that_show_12378_link_to_its_filing_section(site_dir: Path) -> None:
    """The print pages are left out: their links point inside the print page itself."""
    lacking = []
    for page in html_pages(site_dir):
        if page.parent.name == "print":
            continue
        html = page.read_text(encoding="utf-8")
        if 'href="tel:12378"' in html and not re.search(r'href="(?:[^"]*/kit/complaints/)?#nfra"', html):
            lacking.append(page.relative_to(site_dir).as_posix())
    assert lacking == []


def test_the_complaint_links_are_the_same_in_zh_and_en() -> None:
    link = re.compile(r"\]\(([^)]*complaints\.md[^)]*)\)")
    for zh in sorted((ROOT / "docs").rglob("*.md")):
        if zh.name.endswith(".en.md"):
            continue
        en = zh.with_name(zh.name[: -len(".md")] + ".en.md")
        assert link.findall(zh.read_text(encoding="utf-8")) == link.findall(en.read_text(encoding="utf-8")), zh.name


def test_tree_outcomes_that_name_a_complaint_channel_link_to_its_section() -> None:
    for path in sorted((ROOT / "data" / "trees").glob("*.yml")):
        for nid, node in load_yaml(path, path.name)["nodes"].items():
            steps = " ".join(str(step["zh"]) for step in node.get("steps", []))
            named = {"nfra" if cid == "nifa" else cid for cid in re.findall(r"\{channel:([\w-]+)\}", steps)} & (COMPLAINT_CHANNELS - {"police"})
            missing = [cid for cid in sorted(named) if f"kit/complaints#{cid}" not in node.get("links", [])]
            assert missing == [], f"{path.name}: outcome '{nid}' names {missing} but does not link to kit/complaints#<id>"
