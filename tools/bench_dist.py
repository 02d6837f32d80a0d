"""dist/: the offline zip's size, and each PDF's pages and size (tools/build_dist.py)."""

from __future__ import annotations

import re
import subprocess
import tempfile
import time
from pathlib import Path

from build_dist import PDFS, ZIP_NAME, build_dist

# Sheets before the PDFs became books (cover, numbered contents, one glossary
# at the end instead of a list of terms after most chapters; issue #18).
BEFORE_BOOK = {"guide-zh.pdf": 149, "guide-en.pdf": 171}


def measure() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "dist"
        started = time.perf_counter()
        if build_dist(target) != 0:
            return [("dist build", "failed", "OVER: the dist build failed")]
        rows = [
            ("dist build time (offline site, zip, PDFs)", f"{time.perf_counter() - started:.1f} s", ""),
            (f"offline zip size ({ZIP_NAME})", _size(target / ZIP_NAME), ""),
        ]
        for name in PDFS:
            pdf = target / name
            before = f"{BEFORE_BOOK[name]} before the book" if name in BEFORE_BOOK else ""
            rows.append((f"{name} pages", str(pdf_pages(pdf)), before))
            rows.append((f"{name} size", _size(pdf), ""))
        return rows


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024 / 1024:.2f} MiB" if size >= 1024 * 1024 else f"{size / 1024:.1f} KiB"
