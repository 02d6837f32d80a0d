"""MkDocs adapter: serve Material's iframe-worker shim from the site itself (engine/offline.py).

The offline plugin needs the shim so that search runs from file://. Left alone
it loads the shim from a public CDN; we copy the pinned npm package instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

import mkdocs_site
from engine.errors import GuideError
from engine.offline import SHIM_SOURCE, SHIM_TARGET, with_local_shim


# Before the offline plugin's on_config, which adds the CDN copy when no
# iframe-worker polyfill is named yet.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if offline_enabled(config):
        config.extra["polyfills"] = with_local_shim(config.extra.get("polyfills", []), SHIM_TARGET)
    return config


@mkdocs_site.guide_event
def on_post_build(*, config: MkDocsConfig) -> None:
    if not offline_enabled(config):
        return
    source = Path(config.config_file_path).parent / SHIM_SOURCE
    if not source.is_file():
        raise GuideError(SHIM_SOURCE, "the iframe-worker shim is not installed", "run `npm ci` (make does it)")
    target = Path(config.site_dir) / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)
