"""The offline app's pure core (hooks/engine/offline_app_model.py) and what the builds write."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

from build_site import build_into
from engine.offline_app_model import BuiltFile, app_manifest, icon_png, precache_manifest, stored_bytes, url_of

FILES = [
    BuiltFile("index.html", 100, "a"),
    BuiltFile("about/index.html", 50, "b"),
    BuiltFile("check/what-is-happening/index.html", 70, "c"),
    BuiltFile("en/index.html", 110, "d"),
    BuiltFile("en/about/index.html", 60, "e"),
    BuiltFile("search/search_index.json", 300, "f"),
    BuiltFile("en/search/search_index.json", 200, "g"),
    BuiltFile("manifest.webmanifest", 5, "h"),
    BuiltFile("en/manifest.webmanifest", 5, "i"),
    BuiltFile("assets/stylesheets/extra.css", 20, "j"),
    BuiltFile("assets/javascripts/bundle.1234.min.js", 40, "k"),
    BuiltFile("assets/javascripts/bundle.1234.min.js.map", 999, "l"),
    BuiltFile("assets/javascripts/lunr/min/lunr.zh.min.js", 3, "m"),
    BuiltFile("assets/javascripts/lunr/min/lunr.fr.min.js", 3, "n"),
    BuiltFile("assets/javascripts/lunr/wordcut.js", 600, "o"),
    BuiltFile("assets/javascripts/offline-worker.js", 9, "p"),
    BuiltFile("sitemap.xml", 9, "q"),
    BuiltFile("sitemap.xml.gz", 9, "r"),
    BuiltFile("sw.js", 9, "s"),
    BuiltFile("404.html", 9, "t"),
    BuiltFile("partials/print-pdf-fonts.css", 9, "u"),
]


def test_each_language_gets_its_own_pages_index_and_manifest() -> None:
    manifest = precache_manifest(FILES, "zh", ["en"])
    assert manifest["locales"]["zh"]["urls"] == ["about/", "check/what-is-happening/", "./", "manifest.webmanifest", "search/search_index.json"]
    assert manifest["locales"]["en"]["urls"] == ["en/about/", "en/", "en/manifest.webmanifest", "en/search/search_index.json"]
    assert manifest["locales"]["en"]["prefix"] == "en/" and manifest["locales"]["zh"]["prefix"] == ""
    # One digest per address, so a new version keeps the files that did not change.
    assert manifest["locales"]["en"]["digests"] == ["e", "d", "i", "g"]


def test_shared_files_leave_out_maps_other_languages_search_files_and_the_worker() -> None:
    shared = precache_manifest(FILES, "zh", ["en"])["shared"]["urls"]
    assert shared == ["assets/javascripts/bundle.1234.min.js", "assets/javascripts/lunr/min/lunr.zh.min.js", "assets/stylesheets/extra.css"]


def test_bytes_per_language_count_the_shared_files_once_each() -> None:
    assert stored_bytes(precache_manifest(FILES, "zh", ["en"])) == {"zh": 63 + 525, "en": 63 + 375}


def test_any_changed_file_changes_the_version_and_nothing_else_does() -> None:
    first = precache_manifest(FILES, "zh", ["en"])["version"]
    assert precache_manifest(list(reversed(FILES)), "zh", ["en"])["version"] == first
    changed = [BuiltFile(f.path, f.size, "changed" if f.path == "about/index.html" else f.digest) for f in FILES]
    assert precache_manifest(changed, "zh", ["en"])["version"] != first
    map_changed = [BuiltFile(f.path, f.size, "changed" if f.path.endswith(".map") else f.digest) for f in FILES]
    assert precache_manifest(map_changed, "zh", ["en"])["version"] == first


def test_addresses_are_folders_relative_to_the_site_root() -> None:
    assert url_of("index.html") == "./"
    assert url_of("en/faq/index.html") == "en/faq/"
    assert url_of("assets/x.css") == "assets/x.css"


def test_the_manifest_has_no_id_so_each_language_is_its_own_app() -> None:
    manifest = app_manifest(name="N", short_name="S", description="D", locale="en", theme_color="#007a6c", icons=[("../i.png", 192)])
    assert "id" not in manifest
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert manifest["icons"] == [{"src": "../i.png", "sizes": "192x192", "type": "image/png", "purpose": "any"}]


def test_icons_are_real_pngs_of_the_asked_size_in_the_theme_colour() -> None:
    data = icon_png(48, "#007a6c")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (48, 48)
    idat = data.index(b"IDAT")
    length = struct.unpack(">I", data[idat - 4 : idat])[0]
    raw = zlib.decompress(data[idat + 4 : idat + 4 + length])
    stride = 1 + 48 * 3

    def pixel(x: int, y: int) -> bytes:
        return raw[y * stride + 1 + x * 3 : y * stride + 1 + x * 3 + 3]

    assert pixel(0, 0) == bytes([0x00, 0x7A, 0x6C])  # the corner: theme colour
    assert pixel(24, 12) == b"\xff\xff\xff"  # the sheet of paper
    assert pixel(24, 24) == bytes([0x00, 0x7A, 0x6C])  # a line of text on it


def test_the_web_build_writes_worker_and_manifests(site_dir: Path) -> None:
    worker = (site_dir / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(worker.splitlines()[0].removeprefix("self.PRECACHE = ").removesuffix(";"))
    assert "en/help/" in precache["locales"]["en"]["urls"] and "help/" in precache["locales"]["zh"]["urls"]
    for folder, locale in ((site_dir, "zh"), (site_dir / "en", "en")):
        manifest = json.loads((folder / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["lang"] == locale
        for icon in manifest["icons"]:
            assert (folder / icon["src"]).resolve().is_file(), icon
    names = {json.loads((f / "manifest.webmanifest").read_text(encoding="utf-8"))["name"] for f in (site_dir, site_dir / "en")}
    assert names == {"网贷催收应对指南", "Online Loan Collection Guide"}
    assert 'rel="manifest" href="../manifest.webmanifest"' in (site_dir / "en" / "help" / "index.html").read_text(encoding="utf-8")


def test_the_offline_build_has_no_worker_and_links_none(tmp_path: Path) -> None:
    target = tmp_path / "offline"
    assert build_into(target, offline=True) == 0
    assert not (target / "sw.js").exists()
    assert not (target / "manifest.webmanifest").exists()
    for page in (target / "index.html", target / "en" / "help.html"):
        html = page.read_text(encoding="utf-8")
        assert 'rel="manifest"' not in html and "offline-app.js" not in html
