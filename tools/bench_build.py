"""Build time and search index size per language."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from build_site import build_into


def measure() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "site"
        started = time.perf_counter()
        if build_into(target) != 0:
            return [("build", "failed", "OVER: the build failed")]
        seconds = time.perf_counter() - started
        rows = [("build time (strict, both languages)", f"{seconds:.1f} s", "")]
        for label, index in (("zh", target / "search"), ("en", target / "en" / "search")):
            size = (index / "search_index.json").stat().st_size
            rows.append((f"search index size ({label})", f"{size / 1024:.1f} KiB", ""))
        return rows
