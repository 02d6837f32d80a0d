"""MkDocs adapter: read the guide offline on a phone, and add it to the home screen.

After the build (and after search_per_language.py has split the search
index) this writes, for the web build only:
- assets/images/app-icon-192.png and -512.png, drawn in code;
- one manifest.webmanifest per language, in that language's root;
- sw.js at the site root: the service worker, with the list of files it
  stores (engine/offline_app_model.py) ahead of its code
  (overrides/assets/javascripts/offline-worker.js).
The offline build (file://, OFFLINE=true) gets none of these, and the page
head (overrides/partials/offline-app.html) links none of them. The app's
short name and the update notice are labels; the colour is
`extra.offline_app.theme_color`.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

import mkdocs_site
from engine.errors import GuideError
from engine.offline_app_model import MANIFEST_NAME, WORKER_SOURCE, BuiltFile, app_manifest, digest_of, icon_png, precache_manifest, worker_script
from offline_shim import offline_enabled

ICON_SIZES = (192, 512)
SETTINGS = "extra.offline_app"


@mkdocs_site.guide_event
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    # The page head reads this: link the manifest and register the worker
    # only in the web build.
    config.extra["offline_app_enabled"] = not offline_enabled(config)
    # static-i18n swaps in each language's site name while it builds that
    # language: keep the default language's own, as configured.
    config.extra.setdefault("offline_app_default_name", (config.site_name, config.site_description or ""))
    return config


# After search_per_language.py (-200) has written each language's index.
@event_priority(-300)
@mkdocs_site.guide_event
def on_post_build(*, config: MkDocsConfig) -> None:
    if offline_enabled(config):
        return
    site, facts = Path(config.site_dir), mkdocs_site.site(config)
    theme_color = (config.extra.get("offline_app") or {}).get("theme_color")
    if not theme_color:
        raise GuideError("mkdocs.yml", f"{SETTINGS}.theme_color is missing", "add theme_color: '#rrggbb' under extra.offline_app")

    icons = []
    for size in ICON_SIZES:
        target = site / "assets" / "images" / f"app-icon-{size}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.write_bytes(icon_png(size, theme_color))
        except ValueError as error:
            raise GuideError("mkdocs.yml", str(error), f"write {SETTINGS}.theme_color as #rrggbb") from error
        icons.append((f"assets/images/app-icon-{size}.png", size))

    default_name, default_description = config.extra["offline_app_default_name"]
    labels = mkdocs_site.all_labels(config)
    for language in config.plugins["i18n"].config.languages:
        default = language.locale == facts.default
        manifest = app_manifest(
            name=language.site_name or default_name,
            short_name=labels[language.locale].app_short_name,
            description=language.site_description or default_description,
            locale=language.locale,
            theme_color=theme_color,
            icons=[(("" if default else "../") + src, size) for src, size in icons],
        )
        folder = site if default else site / language.locale
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")

    source = site / WORKER_SOURCE
    if not source.is_file():
        raise GuideError(f"overrides/{WORKER_SOURCE}", "the service worker's source is missing", "restore it from git")
    files = [BuiltFile(path.relative_to(site).as_posix(), path.stat().st_size, digest_of(path.read_bytes())) for path in sorted(site.rglob("*")) if path.is_file()]
    others = [language for language in facts.languages if language != facts.default]
    (site / "sw.js").write_text(worker_script(precache_manifest(files, facts.default, others), source.read_text(encoding="utf-8")), encoding="utf-8")
