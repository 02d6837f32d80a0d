"""Read the guide offline on a phone, and add it to the home screen.

After the build (and after search_per_language.py has split the search
index) this writes, for the web build only:
- assets/images/app-icon-192.png and -512.png, drawn in code;
- one manifest.webmanifest per language, in that language's root;
- sw.js at the site root: the service worker, with the list of files it
  stores (hooks/offline_app_model.py) ahead of its code
  (overrides/assets/javascripts/offline-worker.js).
The offline build (file://, OFFLINE=true) gets none of these, and the page
head (overrides/partials/offline-app.html) links none of them.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from build_errors import GuideError
from offline_app_model import (
    MANIFEST_NAME,
    WORKER_SOURCE,
    BuiltFile,
    app_manifest,
    digest_of,
    icon_png,
    precache_manifest,
    worker_script,
)

ICON_SIZES = (192, 512)
SETTINGS = "extra.offline_app"
# The update notice's words, one set per language (extra.offline_app.labels).
LABELS = ("updated", "reload")


# -----------------------------------------------------------------------------
# MkDocs events
# -----------------------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    # The page head reads this: link the manifest and register the worker
    # only in the web build.
    config.extra["offline_app_enabled"] = not offline_build(config)
    # static-i18n swaps in each language's site name while it builds that
    # language: keep the default language's own, as configured.
    config.extra.setdefault("offline_app_default_name", (config.site_name, config.site_description or ""))
    if not offline_build(config):
        labels = (config.extra.get("offline_app") or {}).get("labels") or {}
        for language in config.plugins["i18n"].config.languages:
            missing = [key for key in LABELS if not (labels.get(language.locale) or {}).get(key)]
            if missing:
                raise GuideError(
                    "mkdocs.yml", f"{SETTINGS}.labels.{language.locale} lacks {', '.join(missing)}", f"add the {language.locale} wording for each"
                )
    return config


# After search_per_language.py (-200) has written each language's index.
@event_priority(-300)
def on_post_build(*, config: MkDocsConfig) -> None:
    if offline_build(config):
        return
    site = Path(config.site_dir)
    settings = config.extra.get("offline_app") or {}
    theme_color = settings.get("theme_color")
    short_names = settings.get("short_name") or {}
    i18n = config.plugins["i18n"].config
    languages = list(i18n.languages)
    default = next(language.locale for language in languages if language.default)
    others = [language.locale for language in languages if not language.default]
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
    for language in languages:
        locale = language.locale
        if locale not in short_names:
            raise GuideError("mkdocs.yml", f"{SETTINGS}.short_name has no entry for '{locale}'", f"add {locale}: <a name of 12 characters or fewer>")
        folder = site if language.default else site / locale
        up = "" if language.default else "../"
        manifest = app_manifest(
            name=language.site_name or default_name,
            short_name=short_names[locale],
            description=language.site_description or default_description,
            locale=locale,
            theme_color=theme_color,
            icons=[(up + src, size) for src, size in icons],
        )
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")

    source = site / WORKER_SOURCE
    if not source.is_file():
        raise GuideError(f"overrides/{WORKER_SOURCE}", "the service worker's source is missing", "restore it from git")
    worker = source.read_text(encoding="utf-8")
    files = [
        BuiltFile(path.relative_to(site).as_posix(), path.stat().st_size, digest_of(path.read_bytes()))
        for path in sorted(site.rglob("*"))
        if path.is_file()
    ]
    (site / "sw.js").write_text(worker_script(precache_manifest(files, default, others), worker), encoding="utf-8")


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def offline_build(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)
