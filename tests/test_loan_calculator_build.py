"""The rate calculator in real strict builds: the guide, and copies fed with changed or bad input."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_build import _build

from engine.errors import GuideError
from engine.labels import load_labels
from engine.loan_calculator_data import example_views, load_calculator_data

PAGES = {"zh": "check-debt/index.html", "en": "en/check-debt/index.html"}


def _data(project: Path, labels: Path | None = None):
    languages = ("zh", "en")
    labels = load_labels(labels or project / "data" / "labels.yml", "data/labels.yml", languages)
    return load_calculator_data(project / "data" / "loan-examples.yml", "data/loan-examples.yml", languages, labels)


def _figures(html: str) -> list[tuple[str, str]]:
    return re.findall(r'data-example-out="(\w+)">([^<]*)<', html)


def _expected(project: Path, language: str) -> list[tuple[str, str]]:
    views = example_views(_data(project), language)
    return [
        (name, view[name]) for view in views for name in ("paid", "extra", "apr", "ear") if name != "ear" or view["show_ear"]
    ]


def test_the_worked_examples_show_the_figures_python_computes_from_the_data(site_dir: Path) -> None:
    for language, page in PAGES.items():
        html = (site_dir / page).read_text(encoding="utf-8")
        assert _figures(html) == _expected(ROOT, language)
        assert ("apr", "1,303.57%") in _figures(html)  # 3,000 repaid 7 days after 2,400 arrived
        # The form's own script file, relative, so it loads from file:// too; and no inline script in the calculator.
        calculator = html[html.index('class="loan-calc"') : html.index('id="loan-worksheet"')]
        scripts = re.findall(r"<script[^>]*>", calculator)
        assert len(scripts) == 1 and re.search(r'src="(\.\./)+assets/javascripts/loan-rate\.js"', scripts[0])
        assert not re.search(r"\son[a-z]+=", calculator), "no inline event handlers (the CSP forbids them)"
    assert (site_dir / "assets" / "javascripts" / "loan-rate.js").is_file()


def test_the_script_loads_only_where_the_calculator_is(site_dir: Path) -> None:
    with_script = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if "loan-rate.js" in p.read_text(encoding="utf-8")]
    assert sorted(with_script) == sorted(PAGES.values())


def test_the_whole_guide_print_page_has_the_worksheet_and_examples_but_no_form(site_dir: Path) -> None:
    for page in ("print/index.html", "en/print/index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        assert "loan-calc__worksheet" in html and 'data-example="instalments"' in html
        assert "<form" not in html[html.index('class="loan-calc"') :][:20000]
        assert "loan-rate.js" not in html


def test_changing_a_figure_in_the_data_changes_the_page(project_copy: Path, tmp_path: Path) -> None:
    data = project_copy / "data" / "loan-examples.yml"
    text = data.read_text(encoding="utf-8")
    assert "    received: 2400\n" in text
    data.write_text(text.replace("    received: 2400\n", "    received: 2000\n", 1), encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode == 0, output.stderr[-2000:]
    for language, page in PAGES.items():
        figures = _figures((tmp_path / "out" / page).read_text(encoding="utf-8"))
        assert figures == _expected(project_copy, language)
        assert ("apr", "2,607.14%") in figures  # (3,000 - 2,000) / 2,000 / 7 * 365
        assert ("extra", "1,000.00") in figures


def test_a_misspelt_marker_fails_naming_page_and_line(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "docs" / "check-debt.en.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    line = lines.index("<!-- loan-calculator -->") + 1
    lines[line - 1] = "<!-- loan-calculater -->"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _assert_fails(project_copy, tmp_path, f"docs/check-debt.en.md:{line}", "loan-calculater")


def test_an_example_that_cannot_be_worked_out_fails_naming_the_data_line(project_copy: Path, tmp_path: Path) -> None:
    data = project_copy / "data" / "loan-examples.yml"
    text = data.read_text(encoding="utf-8").replace("    received: 2400\n", "    received: 3400\n", 1)
    data.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - id: seven-day") + 1
    _assert_fails(project_copy, tmp_path, f"data/loan-examples.yml:{line}", "received-above-contract")


def _assert_fails(project: Path, tmp_path: Path, where: str, what: str) -> None:
    """The build stops, its message names the place and the problem, and no site is written."""
    output = _build(project, tmp_path / "out")
    assert (output.returncode, where in output.stderr, what in output.stderr) == (1, True, True), output.stderr[-1500:]
    assert not (tmp_path / "out").exists(), "a failed build must not write the site"


def test_no_lpr_figure_is_printed_the_reader_looks_it_up(site_dir: Path) -> None:
    """The fact sheet: never print a current LPR; say where to look it up."""
    for language, page in PAGES.items():
        html = (site_dir / page).read_text(encoding="utf-8")
        section = html[html.index('class="loan-calc"') :]
        section = section[: section.index('id="loan-examples"')]
        text = html_lib.unescape(re.sub(r"<[^>]+>", " ", section))
        assert not re.search(r"LPR[^。.\n]{0,40}?\d+(\.\d+)?\s*%", text), "an LPR figure is printed"
        assert ("中国人民银行网站" if language == "zh" else "People's Bank of China") in text


def test_a_label_the_script_needs_missing_fails_naming_the_labels_file(tmp_path: Path) -> None:
    text = (ROOT / "data" / "labels.yml").read_text(encoding="utf-8")
    start = text.index("loan_error_payment-before-loan:")
    end = text.index("\nloan_", start + 1)
    (tmp_path / "labels.yml").write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    with pytest.raises(GuideError) as failure:
        _data(ROOT, tmp_path / "labels.yml")
    assert failure.value.path == "data/labels.yml"
    assert "loan_error_payment-before-loan" in str(failure.value)


def test_a_label_the_template_asks_for_and_the_data_lacks_fails_by_name() -> None:
    labels = _data(ROOT).labels["en"]
    with pytest.raises(GuideError, match="no en label 'loan_no_such_label'"):
        labels["no_such_label"]
