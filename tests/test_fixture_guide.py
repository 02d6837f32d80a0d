"""A second guide on another topic, in three languages, with its own data file
and page names (tests/fixtures/bike-guide): every feature of the engine works
with the project's hooks/ and overrides/ as they are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_build import _build

FIXTURE = ROOT / "tests" / "fixtures" / "bike-guide"
LANGUAGES = {"en": "", "fr": "fr/", "zh": "zh/"}  # language -> its folder in the site


@pytest.fixture(scope="module")
def bike_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("bike") / "site"
    result = _build(FIXTURE, target)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return target


def _page(site: Path, language: str, page: str) -> str:
    return (site / f"{LANGUAGES[language]}{page}" / "index.html").read_text(encoding="utf-8")


def test_the_fixture_uses_the_projects_own_hooks_and_templates() -> None:
    config = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.findall(r"^\s*-\s*(\S+\.py)\s*$", config, re.M)
    project = re.findall(r"^\s*-\s*(hooks/\S+\.py)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert hooks and all(hook.startswith("../../../hooks/") and hook[len("../../../"):] in project for hook in hooks), "hooks come from the project's hooks/"
    features = {"channels", "decision_tree", "faq", "glossary", "print_all", "page_review", "search_per_language", "translations_complete"}
    assert features <= {Path(hook).stem for hook in hooks}, "the fixture uses every feature of the engine"
    assert "custom_dir: ../../../overrides" in config
    assert not (FIXTURE / "hooks").exists() and not (FIXTURE / "overrides").exists()


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["Last checked", "Riders ask", "Take the quiet streets", "Words on this page"]),
        ("fr", ["Dernière relecture", "Questions des cyclistes", "Prenez les rues calmes", "Mots de cette page"]),
        ("zh", ["最后检查", "骑手常问", "走安静的小路", "本页的词"]),
    ],
)
def test_each_language_shows_its_own_labels_and_data(bike_site: Path, language: str, labels: list[str]) -> None:
    html = _page(bike_site, language, "choose-route")
    for label in labels:
        assert label in html, f"{language}: '{label}' missing"
    assert f'<html lang="{language}"' in html


def test_every_feature_renders_in_the_third_language(bike_site: Path) -> None:
    route, repairs = _page(bike_site, "fr", "choose-route"), _page(bike_site, "fr", "repairs")
    assert 'class="decision-tree" data-tree="which-route"' in route
    assert 'id="t-which-route--new"' in route and 'href="tel:112"' in route
    assert re.search(r'<h3 [^>]*id="rain"', route) and "Puis-je rouler sous la pluie" in route
    assert 'data-glossary-term="puncture"' in repairs and ">crevaison</button>" in repairs
    assert 'href="https://bike-club.example.org"' in repairs and "../contacts/#bike-club" in repairs
    contacts = _page(bike_site, "fr", "contacts")
    assert 'id="emergency"' in contacts and "Géré par" in contacts
    words = _page(bike_site, "fr", "words")
    assert '<dt id="puncture">crevaison' in words and 'lang="zh"' in words
    questions = _page(bike_site, "fr", "questions")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', questions, re.S).group(1))
    assert data["inLanguage"] == "fr" and len(data["mainEntity"]) == 3


def test_the_print_page_and_search_hold_each_language_apart(bike_site: Path) -> None:
    for language, folder in LANGUAGES.items():
        printed = _page(bike_site, language, "print")
        assert printed.count('class="print-chapter"') == 7, language
        index = json.loads((bike_site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [language]
        assert all(not doc["location"].startswith(("fr/", "zh/")) for doc in index["docs"])


def test_a_missing_data_file_fails_naming_it_and_its_setting(tmp_path: Path) -> None:
    import shutil

    project = tmp_path / "bike-guide"
    shutil.copytree(FIXTURE, project)
    for name in ("mkdocs.yml",):
        text = (project / name).read_text(encoding="utf-8").replace("../../../", f"{ROOT}/")
        (project / name).write_text(text, encoding="utf-8")
    (project / "texts" / "contacts.yml").unlink()
    result = _build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "texts/contacts.yml: this data file does not exist" in result.stderr and "extra.channels_file" in result.stderr
    assert "Traceback" not in result.stderr
