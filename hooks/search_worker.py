"""MkDocs adapter: Material's search worker, with our Chinese query segmentation in it.

See hooks/engine/search_worker_patch.py (why, and what changes) and
overrides/assets/javascripts/search-worker.js (the functions it calls).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

import mkdocs_site
from engine.errors import GuideError
from engine.search_worker_patch import WorkerChanged, patch_worker

OURS = "assets/javascripts/search-worker.js"
WORKERS = "assets/javascripts/workers"


@mkdocs_site.guide_event
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    ours = Path(config.theme.custom_dir) / OURS
    workers = sorted((site / WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise GuideError(str(site / WORKERS), f"expected one Material search worker, found {len(workers)}", "check the installed mkdocs-material")
    try:
        patched = patch_worker(workers[0].read_text(encoding="utf-8"), ours.read_text(encoding="utf-8"))
    except WorkerChanged as error:
        raise GuideError(
            "hooks/engine/search_worker_patch.py",
            str(error),
            "pin mkdocs-material back, or update the patterns and overrides/assets/javascripts/search-worker.js to the new worker",
        ) from error
    workers[0].write_text(patched, encoding="utf-8")
