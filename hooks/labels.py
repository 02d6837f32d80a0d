"""MkDocs adapter: the labels (engine/labels.py) reach MkDocs' own templates too.

The hooks' templates get `labels` from hooks/mkdocs_site.py; the templates
MkDocs renders itself (the footer, partials/copyright.html) get the same
labels, in the language being built, through this hook; and `hreflang`, each
language's code for search engines (the sitemap).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

import mkdocs_site
from engine.share_meta import hreflang


@mkdocs_site.guide_event
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    env.globals["labels"] = mkdocs_site.labels(config)
    env.globals["hreflang"] = {language: hreflang(language) for language in mkdocs_site.site(config).languages}
    return env
