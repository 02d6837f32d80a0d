"""dist/: the offline zip's size, each PDF's pages and size, the card's files (tools/build_dist.py)."""

from __future__ import annotations

import contextlib
import re
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

import card_dist
from build_dist import PDFS, ZIP_NAME, build_dist

# Sheets and chapters before the PDFs became books (cover, numbered contents,
# one glossary at the end instead of a list of terms after most chapters;
# issue #18). The guide has grown since, so sheets per chapter compare.
BEFORE_BOOK = {"guide-zh.pdf": 149, "guide-en.pdf": 171}
CHAPTERS_BEFORE_BOOK = 19


def measure() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "dist"
        started = time.perf_counter()
        with _timing(card_dist, "render_cards") as cards:
            built = build_dist(target)
        if built != 0:
            return [("dist build", "failed", "OVER: the dist build failed")]
        rows = [
            ("dist build time (offline site, zip, PDFs)", f"{time.perf_counter() - started:.1f} s", ""),
            ("  of which the emergency card's files", f"{cards['seconds']:.1f} s", ""),
            (f"offline zip size ({ZIP_NAME})", _size(target / ZIP_NAME), ""),
        ]
        for name in PDFS:
            pdf = target / name
            before = f"{BEFORE_BOOK[name]} before the book" if name in BEFORE_BOOK else ""
            pages = pdf_pages(pdf)
            rows.append((f"{name} pages", str(pages), before))
            if name in BEFORE_BOOK:
                chapters = len([entry for entry in PdfReader(pdf).outline if not isinstance(entry, list)])
                was = BEFORE_BOOK[name] / CHAPTERS_BEFORE_BOOK
                rows.append((f"{name} sheets per chapter", f"{pages / chapters:.1f} ({chapters} chapters)", f"{was:.1f} before the book ({CHAPTERS_BEFORE_BOOK} chapters)"))
            rows.append((f"{name} size", _size(pdf), ""))
        rows.extend(_card_rows(target))
        return rows


def _card_rows(target: Path) -> list[tuple[str, str, str]]:
    """Each card PDF's sheets (one is the promise) and size; the phone picture's pixels and size."""
    rows = []
    for language in card_dist.CARD_PAGES:
        for kind, name in card_dist.card_files(language).items():
            path = target / name
            if kind == "phone":
                with Image.open(path) as picture:
                    width, height = picture.size
                note = "" if (width, height) == (1080, 1920) else "taller than a phone screen: the card does not fit 360x640"
                rows.append((f"{name} pixels", f"{width}x{height}", note))
            else:
                pages = pdf_pages(path)
                rows.append((f"{name} pages", str(pages), "" if pages == 1 else "OVER: the card must fit one sheet"))
            rows.append((f"{name} size", _size(path), ""))
    return rows


@contextlib.contextmanager
def _timing(module, name: str) -> Iterator[dict[str, float]]:
    """The seconds spent in module.name while the block runs (build_dist calls it through its module)."""
    original, spent = getattr(module, name), {"seconds": 0.0}

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent["seconds"] += time.perf_counter() - started

    setattr(module, name, timed)
    try:
        yield spent
    finally:
        setattr(module, name, original)


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024 / 1024:.2f} MiB" if size >= 1024 * 1024 else f"{size / 1024:.1f} KiB"
