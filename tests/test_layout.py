"""The layout shows the architecture: the guide engine (hooks/engine/, no MkDocs)
and how MkDocs calls it (hooks/*.py, thin adapters)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from engine.errors import GuideError
from engine.labels import load_labels
from tests.conftest import ROOT

HOOKS = ROOT / "hooks"
ENGINE = HOOKS / "engine"
TEMPLATES = sorted((ROOT / "overrides").rglob("*.html"))
MKDOCS_PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n")


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_the_engine_imports_nothing_from_mkdocs(path: Path) -> None:
    found = [name for name in _imported(path) if name.split(".")[0] in MKDOCS_PACKAGES]
    assert not found, f"hooks/engine/{path.name} imports {found}: keep MkDocs in the adapters in hooks/"


def test_every_engine_module_imports_with_mkdocs_unavailable() -> None:
    """As another engine would run it: MkDocs cannot be imported at all."""
    modules = [f"engine.{path.stem}" for path in sorted(ENGINE.glob("*.py")) if path.stem != "__init__"]
    code = (
        "import sys, importlib\n"
        + "".join(f"sys.modules[{name!r}] = None\n" for name in MKDOCS_PACKAGES)
        + f"sys.path.insert(0, {str(HOOKS)!r})\n"
        + f"for name in {modules!r}: importlib.import_module(name)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", sorted(HOOKS.rglob("*.py")), ids=lambda p: p.relative_to(HOOKS).as_posix())
def test_every_file_under_hooks_stays_short(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    limit = 300 if path.parent == ENGINE else 120  # adapters: a few dozen lines each
    assert lines < limit, f"{path.relative_to(ROOT)} has {lines} lines (limit {limit}): split it by concern"


def test_every_adapter_is_listed_in_mkdocs_yml_or_shared_by_them() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\s*-\s*hooks/(\w+\.py)\s*$", config, re.M))
    present = {path.name for path in HOOKS.glob("*.py")}
    assert present - listed == {"mkdocs_site.py"}, "hooks/ holds adapters listed in mkdocs.yml, and their one shared helper"


# -----------------------------------------------------------------------------
# Labels: one data file, every language, no dictionaries in templates
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(ROOT / "overrides").as_posix())
def test_no_template_keeps_its_own_language_dictionary(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"""["']zh["']\s*:|["']en["']\s*:""", text), f"{path.name}: put its words in data/labels.yml"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(ROOT / "overrides").as_posix())
def test_no_template_opts_out_of_escaping(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\|\s*safe\b|autoescape\s+false", text), f"{path.name}: Markup comes from the engine, not from the template"


def test_every_label_a_template_uses_has_every_language() -> None:
    labels = load_labels(ROOT / "data" / "labels.yml", "data/labels.yml", ("zh", "en"))
    used = {(path.name, key) for path in TEMPLATES for key in re.findall(r"\blabels\.(\w+)", path.read_text(encoding="utf-8"))}
    assert used, "no template reads labels"
    for language, texts in labels.items():
        missing = [(name, key) for name, key in used if key not in vars(texts)]
        assert not missing, f"data/labels.yml has no {language} text for {missing}"


def test_a_label_without_a_language_fails_naming_file_key_and_language(tmp_path: Path) -> None:
    path = tmp_path / "labels.yml"
    path.write_text("faq_heading:\n  zh: 常见问题\n  en: Questions\nfaq_more:\n  zh: 全部\n", encoding="utf-8")
    with pytest.raises(GuideError) as error:
        load_labels(path, "data/labels.yml", ("zh", "en"))
    assert error.value.path == "data/labels.yml" and error.value.line == 4
    assert "'faq_more'" in error.value.problem and "en" in error.value.problem


def test_a_label_a_template_asks_for_and_the_file_lacks_fails_naming_it() -> None:
    labels = load_labels(ROOT / "data" / "labels.yml", "data/labels.yml", ("zh", "en"))["en"]
    with pytest.raises(GuideError) as error:
        labels.no_such_label  # noqa: B018 - as a template reads it
    assert "'no_such_label'" in error.value.problem and "en" in error.value.problem and error.value.path == "data/labels.yml"


def _rendered_by_the_hooks() -> set[str]:
    """Templates the hooks render (their environment autoescapes), and what those include."""
    sources = "".join(path.read_text(encoding="utf-8") for path in HOOKS.rglob("*.py"))
    names = set(re.findall(r"partials/[\w.-]+\.html", sources))
    names |= {f"partials/{kind}.md.html" for kind in ("channel", "channels", "channel-directory")}  # by marker kind
    for name in list(names):
        text = (ROOT / "overrides" / name).read_text(encoding="utf-8")
        names |= set(re.findall(r"partials/[\w.-]+\.html", text))
    return names


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(ROOT / "overrides").as_posix())
def test_every_project_template_autoescapes(path: Path) -> None:
    name = path.relative_to(ROOT / "overrides").as_posix()
    text = path.read_text(encoding="utf-8")
    if "{{" not in text or name in _rendered_by_the_hooks():
        return
    assert "autoescape true" in text, f"{name} is rendered by MkDocs' own environment: wrap what it writes in {{% autoescape true %}}"
