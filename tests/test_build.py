"""The strict build: both languages, and bad input that fails safely."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from build_site import build_into
from tests.conftest import ROOT, html_pages


def test_both_languages_are_built_with_the_same_pages(site_dir: Path) -> None:
    zh = {p.relative_to(site_dir).as_posix() for p in html_pages(site_dir) if not p.relative_to(site_dir).parts[0] == "en"}
    en = {p.relative_to(site_dir / "en").as_posix() for p in html_pages(site_dir / "en")}
    assert "index.html" in zh and "about/index.html" in zh and "help/index.html" in zh
    assert zh == en


def test_each_page_declares_its_language(site_dir: Path) -> None:
    for page in html_pages(site_dir):
        html = page.read_text(encoding="utf-8")
        expected = "en" if page.relative_to(site_dir).parts[0] == "en" else "zh"
        assert f'<html lang="{expected}"' in html, page


def test_no_page_names_a_google_font_or_cdn(site_dir: Path) -> None:
    for page in html_pages(site_dir):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"fonts\.(googleapis|gstatic)|unpkg\.com|jsdelivr|cdnjs", html), page


def test_the_language_switcher_links_to_the_same_page(site_dir: Path) -> None:
    html = (site_dir / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./about/"[^>]*hreflang="zh"', html)


def test_a_missing_translation_fails_naming_the_page(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "docs" / "about.en.md").unlink()
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert "docs/about.md" in output.stderr and "'en'" in output.stderr and "about.en.md" in output.stderr


def test_a_heading_without_id_fails_naming_file_and_line(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## 没有编号的标题\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert f"docs/about.md:{line}" in output.stderr and "explicit id" in output.stderr


def test_malformed_mkdocs_yml_names_the_line(project_copy: Path, tmp_path: Path) -> None:
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: docs", "docs_dir: [docs"), encoding="utf-8")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert re.search(r"line \d+", output.stderr), output.stderr[-2000:]


def test_a_failed_build_keeps_the_last_good_site(project_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    assert build_into(target, root=project_copy) == 0
    good = (target / "about" / "index.html").read_text(encoding="utf-8")
    (project_copy / "docs" / "about.en.md").unlink()
    assert build_into(target, root=project_copy) != 0
    assert (target / "about" / "index.html").read_text(encoding="utf-8") == good
    assert (target / "en" / "about" / "index.html").is_file()
    assert not list(tmp_path.glob(".site-build-*")), "the half-built folder was left behind"


def _build(project: Path, target: Path) -> subprocess.CompletedProcess[str]:
    script = (
        "import sys; sys.path.insert(0, %r); from build_site import build_into; "
        "from pathlib import Path; sys.exit(build_into(Path(%r), root=Path(%r)))"
    ) % (str(ROOT / "tools"), str(target), str(project))
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
