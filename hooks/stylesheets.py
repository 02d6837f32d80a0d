"""MkDocs adapter: check `extra.stylesheets` before Jinja joins them (engine/stylesheets.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

import mkdocs_site
from engine.stylesheets import STYLESHEETS_FOLDER, check_stylesheets


@mkdocs_site.guide_event
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    config_file = Path(config.config_file_path)
    folder = Path(config.theme.custom_dir or config_file.parent / "overrides") / STYLESHEETS_FOLDER
    names = config.extra.get("stylesheets") or []
    present = {path.name for path in folder.glob("*.css")}
    check_stylesheets(names, present, config_text=config_file.read_text(encoding="utf-8"), source=config_file.name)
    return None
