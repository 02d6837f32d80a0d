"""Our stylesheets reach the reader as one file (overrides/assets/stylesheets/extra.css)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from engine.errors import GuideError
from engine.stylesheets import check_stylesheets
from tests.conftest import ROOT, html_pages
from tests.test_build import _build

SOURCES = ROOT / "overrides" / "assets" / "stylesheets"


def _listed() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["extra"]["stylesheets"]


def test_the_joined_file_holds_every_listed_stylesheet_whole_and_in_order(site_dir: Path) -> None:
    joined = (site_dir / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    names = _listed()
    assert names[-1] == "print.css", "print.css must come last: paper overrides the screen styles"
    assert set(names) == {p.name for p in SOURCES.glob("*.css")} - {"extra.css"}, "a stylesheet is not listed"
    places = []
    for name in names:
        text = (SOURCES / name).read_text(encoding="utf-8")
        assert text.strip() in joined, f"{name} is not in extra.css as written (did Jinja read part of it?)"
        places.append(joined.index(text.strip()))
    assert places == sorted(places), "extra.css joins the stylesheets out of order"


def test_every_page_asks_for_one_stylesheet_of_ours(site_dir: Path) -> None:
    pages = html_pages(site_dir)
    assert len(pages) > 20
    for page in pages:
        ours = [
            href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.read_text(encoding="utf-8"))
            if "assets/stylesheets/" in href and not re.search(r"/(main|palette)\.[0-9a-f]+\.min\.css$", href)
        ]
        assert [Path(href).name for href in ours] == ["extra.css"], f"{page.relative_to(site_dir)}: {ours}"
        assert (page.parent / ours[0]).resolve() == (site_dir / "assets" / "stylesheets" / "extra.css").resolve()


def test_a_misspelt_stylesheet_names_the_line_in_mkdocs_yml() -> None:
    config = "extra:\n  stylesheets:\n    - guide.css\n    - trees.css\n"
    with pytest.raises(GuideError) as error:
        check_stylesheets(["guide.css", "trees.css"], {"guide.css", "tree.css"}, config_text=config, source="mkdocs.yml")
    assert error.value.line == 4 and "trees.css" in error.value.problem and "tree.css" in error.value.fix


def test_a_missing_stylesheet_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "overrides" / "assets" / "stylesheets" / "faq.css").unlink()
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0 and "mkdocs.yml:" in output.stderr and "'faq.css'" in output.stderr
