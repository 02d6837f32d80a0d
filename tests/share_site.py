"""A strict build of the guide as the Pages workflow makes it: SITE_URL set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_with_site_url(target: Path, site_url: str) -> None:
    """Build into `target` with SITE_URL set; fails the test when the build fails."""
    env = {**os.environ, "SITE_URL": site_url, "OFFLINE": "false", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet", "--site-dir", str(target)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"the build with SITE_URL={site_url} failed:\n{result.stderr[-3000:]}"
