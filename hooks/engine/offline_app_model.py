"""Pure core of the installable, offline-capable site (hooks/offline_app.py is its adapter).

From the list of built files it decides what the service worker stores:
files shared by every language (stylesheets, scripts, icons) and, per
language, its pages, its search index and its web app manifest. The cache
version is a hash of every stored file, so any change to the site gives a
new worker and new caches. It also draws the app icons as PNG bytes.

No mkdocs import: data in, data out.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Files never stored on the reader's phone: source maps, the sitemap, the
# worker itself (the browser keeps it), partials only the PDF build uses.
SKIPPED_SUFFIXES = (".map", ".gz")
SKIPPED_NAMES = ("sitemap.xml", "sw.js", "404.html")
SKIPPED_FOLDERS = ("partials/",)
# The worker's source, copied into the site by the theme; sw.js is the real one.
WORKER_SOURCE = "assets/javascripts/offline-worker.js"
LUNR = "assets/javascripts/lunr/"
MANIFEST_NAME = "manifest.webmanifest"


@dataclass(frozen=True)
class BuiltFile:
    """One file of the built site: its path relative to the site root, its size and content hash."""

    path: str
    size: int
    digest: str


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def lunr_files(locales: Iterable[str]) -> set[str]:
    """The search worker's language files for these languages (Material's search worker picks the same)."""
    wanted = {f"{LUNR}min/lunr.stemmer.support.min.js", f"{LUNR}min/lunr.multi.min.js"}
    for locale in locales:
        if locale in ("ja",):
            wanted.add(f"{LUNR}tinyseg.js")
        if locale in ("hi", "th"):
            wanted.add(f"{LUNR}wordcut.js")
        if locale != "en":
            wanted.add(f"{LUNR}min/lunr.{locale}.min.js")
    return wanted


def locale_of(path: str, default: str, others: Iterable[str]) -> str:
    """The language a site path belongs to: a non-default language's folder, else the default."""
    return next((locale for locale in others if path.startswith(f"{locale}/")), default)


def url_of(path: str) -> str:
    """The address a reader's browser asks for, relative to the site root: folders, not index.html."""
    if path == "index.html":
        return "./"
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def precache_manifest(files: Iterable[BuiltFile], default: str, others: list[str]) -> dict[str, Any]:
    """What the worker stores: {version, shared: {urls, digests, bytes}, locales: {locale: {prefix, urls, digests, bytes}}}.

    Each file's digest lets a new worker keep the copy a reader already has
    when the file did not change, instead of downloading it again.

    Addresses are relative to the site root (the worker's scope), so the site
    works under any subpath.
    """
    locales = [default, *others]
    lunr = lunr_files(locales)
    shared: list[BuiltFile] = []
    per_locale: dict[str, list[BuiltFile]] = {locale: [] for locale in locales}
    for file in sorted(files, key=lambda f: f.path):
        path = file.path
        name = path.rsplit("/", 1)[-1]
        if path.endswith(SKIPPED_SUFFIXES) or name in SKIPPED_NAMES or path.startswith(SKIPPED_FOLDERS):
            continue
        if path == WORKER_SOURCE or (path.startswith(LUNR) and path not in lunr):
            continue
        if path.startswith("assets/"):
            shared.append(file)
        else:
            per_locale[locale_of(path, default, others)].append(file)
    version = hashlib.sha256(
        "\n".join(f"{f.path} {f.digest}" for f in [*shared, *(f for fs in per_locale.values() for f in fs)]).encode()
    ).hexdigest()[:16]
    return {
        "version": version,
        "shared": {
            "urls": [url_of(f.path) for f in shared],
            "digests": [f.digest[:16] for f in shared],
            "bytes": sum(f.size for f in shared),
        },
        "locales": {
            locale: {
                "prefix": "" if locale == default else f"{locale}/",
                "urls": [url_of(f.path) for f in per_locale[locale]],
                "digests": [f.digest[:16] for f in per_locale[locale]],
                "bytes": sum(f.size for f in per_locale[locale]),
            }
            for locale in locales
        },
    }


def stored_bytes(manifest: Mapping[str, Any]) -> dict[str, int]:
    """Bytes stored on a phone for each language on its own (shared files counted in each)."""
    shared = int(manifest["shared"]["bytes"])
    return {locale: shared + int(entry["bytes"]) for locale, entry in manifest["locales"].items()}


def worker_script(manifest: Mapping[str, Any], worker_source: str) -> str:
    """sw.js: the precache list as JSON data, then the worker's code (overrides/assets/javascripts/offline-worker.js)."""
    data = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"self.PRECACHE = {data};\n{worker_source}"


def app_manifest(
    *, name: str, short_name: str, description: str, locale: str, theme_color: str, icons: list[tuple[str, int]]
) -> dict[str, Any]:
    """A web app manifest for one language; it sits in that language's root, so "./" is its home.

    No "id": it would resolve against the site's origin, not its folder, and
    make both languages (and any other site on the same host) one app. The
    default id is the start address, one per language.
    """
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": locale,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": "#ffffff",
        "icons": [{"src": src, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"} for src, size in icons],
    }


# -----------------------------------------------------------------------------
# Icons: a white page with three lines on the theme colour, drawn in code
# -----------------------------------------------------------------------------

def hex_rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"theme colour {colour!r} is not #rrggbb")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def icon_png(size: int, colour: str) -> bytes:
    """A square PNG: the theme colour with a white sheet of paper and three text lines on it."""
    background = bytes(hex_rgb(colour))
    white = b"\xff\xff\xff"
    left, right = round(size * 0.28), round(size * 0.72)
    top, bottom = round(size * 0.2), round(size * 0.8)
    lines = [(round(size * f), round(size * (f + 0.05))) for f in (0.34, 0.47, 0.6)]
    line_left, line_right = round(size * 0.36), round(size * 0.64)
    rows = []
    for y in range(size):
        if top <= y < bottom:
            on_line = any(a <= y < b for a, b in lines)
            if on_line:
                row = background * left + white * (line_left - left) + background * (line_right - line_left)
                row += white * (right - line_right) + background * (size - right)
            else:
                row = background * left + white * (right - left) + background * (size - right)
        else:
            row = background * size
        rows.append(b"\x00" + row)
    raw = b"".join(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
