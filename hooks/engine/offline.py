"""The offline build serves Material's iframe-worker shim from the site itself, never from a CDN."""

from __future__ import annotations

SHIM_SOURCE = "node_modules/iframe-worker/shim/index.js"
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"


def with_local_shim(polyfills: list[str], local: str) -> list[str]:
    """Polyfills with any iframe-worker entry replaced by the local copy."""
    return [p for p in polyfills if "iframe-worker" not in p] + [local]
