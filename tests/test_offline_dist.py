"""dist/: the offline zip as a reader receives it, and a dist build that never half-writes.

Opening every page of the unzipped bundle in a browser (no request leaves
file://, no console error, search and the language switcher work) is done by
tests/browser/test_own_host_only.py and test_language_switch.py: their
`offline_dir` fixture is this zip, unzipped.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import build_dist as dist_tool
import pdf_font
from build_dist import PDFS, ZIP_FOLDER, ZIP_NAME, build_dist
from card_dist import all_card_files
from tests.conftest import html_pages


# The dist_dir fixture prints the PDFs with chromium.
@pytest.mark.browser
def test_dist_holds_the_zip_one_pdf_per_language_and_the_card_files(dist_dir: Path) -> None:
    assert sorted(p.name for p in dist_dir.iterdir()) == sorted([ZIP_NAME, *PDFS, *all_card_files()])


@pytest.mark.browser
def test_the_zip_unpacks_into_one_folder_with_index_html_on_top(dist_dir: Path) -> None:
    with zipfile.ZipFile(dist_dir / ZIP_NAME) as bundle:
        names = bundle.namelist()
        assert bundle.testzip() is None
    assert {name.split("/")[0] for name in names} == {ZIP_FOLDER}
    assert not [name for name in names if name.startswith("/") or ".." in name.split("/")]
    assert f"{ZIP_FOLDER}/index.html" in names


@pytest.mark.browser
def test_the_bundle_has_both_languages_their_search_and_the_local_shim(offline_dir: Path) -> None:
    for page in ["index.html", "about.html", "print.html", "en/index.html", "en/about.html", "en/print.html"]:
        assert (offline_dir / page).is_file(), page
    # The offline plugin's inlined indexes: fetch() cannot read files from file://.
    for index in ["search/search_index.js", "en/search/search_index.js"]:
        assert (offline_dir / index).read_text(encoding="utf-8").startswith("var __index = ")
    assert (offline_dir / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()


@pytest.mark.browser
def test_every_link_in_the_bundle_names_a_file(offline_dir: Path) -> None:
    # From file:// a link to a folder shows a directory listing, not the page.
    from bs4 import BeautifulSoup

    for page in html_pages(offline_dir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a[href]"):
            href = link["href"].split("#")[0].split("?")[0]
            if not href or ":" in href:
                continue
            assert (page.parent / href).is_file(), f"{page.relative_to(offline_dir)} links to {link['href']}"


def test_a_failed_site_build_keeps_the_last_good_dist(project_copy: Path, tmp_path: Path) -> None:
    dist = _last_good_dist(tmp_path)
    (project_copy / "docs" / "about.en.md").unlink()
    assert build_dist(dist, root=project_copy) != 0
    _assert_untouched(dist, tmp_path)


def test_a_failure_while_printing_keeps_the_last_good_dist(tmp_path: Path, monkeypatch) -> None:
    # The zip is written and the PDFs are started, then chromium fails.
    def fake_site(target: Path, offline: bool = False, root: Path = dist_tool.ROOT) -> int:
        for page in PDFS.values():
            (target / page).parent.mkdir(parents=True, exist_ok=True)
            (target / page).write_text("<article><h1>指南 Guide</h1></article>", encoding="utf-8")
        return 0

    def crashing_chromium(jobs: dict[Path, Path], footer: str, fonts_css: str) -> None:
        next(iter(jobs)).write_bytes(b"%PDF-1.4 half")
        raise RuntimeError("chromium crashed")

    monkeypatch.setattr(dist_tool, "build_into", fake_site)
    monkeypatch.setattr(dist_tool, "pdf_fonts", lambda text, folder: ({"family": "F", "faces": []}, set()))
    monkeypatch.setattr(dist_tool, "render_pdfs", crashing_chromium)
    dist = _last_good_dist(tmp_path)
    assert build_dist(dist) != 0
    _assert_untouched(dist, tmp_path, ("dist",))


def test_the_pdf_font_reports_characters_it_has_no_glyph_for(tmp_path: Path) -> None:
    # build_dist fails on these, naming them, rather than print a blank box.
    missing = pdf_font.truetype_subset(pdf_font.FACES[400], "放心 Relax 🙂", tmp_path / "sc.ttf")
    assert missing == {"🙂"}


def _last_good_dist(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / ZIP_NAME).write_bytes(b"last good zip")
    return dist


def _assert_untouched(dist: Path, tmp_path: Path, expected: tuple[str, ...] = ("dist", "project")) -> None:
    assert [p.name for p in dist.iterdir()] == [ZIP_NAME]
    assert (dist / ZIP_NAME).read_bytes() == b"last good zip"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(expected), "a scratch folder was left behind"
