"""Keep code out of pages and data, and give every page a Content-Security-Policy.

MkDocs adapter for content_safety.py (what docs/ and data/ may not carry) and
csp.py (the policy). Before each build, every file under docs/ and data/ is
scanned: a raw <script> or <iframe>, an on…= attribute or a javascript:
address fails the build with its file and line. After each page is written,
its <meta http-equiv="Content-Security-Policy"> goes first in <head>, with
the hashes of that page's inline scripts (and, in the offline build, of the
iframe-worker shim's one inline script for that page).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

import content_safety
import csp
from build_errors import GuideError
from offline_shim import SHIM_SOURCE, offline_enabled

DATA_FOLDER = "data"
META_TEMPLATE = "partials/csp-meta.html"


# The command this process runs (mkdocs serve or build), set once at startup:
# not build data, so nothing from one build reaches the next through it.
_command = "build"


def on_startup(*, command: str, dirty: bool) -> None:
    global _command  # noqa: PLW0603 - the process's command, see above
    _command = command


def on_pre_build(*, config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    findings = content_safety.scan_files(root, [docs, DATA_FOLDER])
    if findings:
        first = findings[0]
        more = f" ({len(findings) - 1} more after this one)" if len(findings) > 1 else ""
        raise GuideError(first.path, first.problem + more, first.fix, first.line)


# Last of all on_post_page handlers: the hashes must be of the final HTML.
@event_priority(-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output, config, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content, config, template_name)


def with_policy(html: str, config: MkDocsConfig, shown: str) -> str:
    position = csp.meta_position(html)
    if position is None:
        raise GuideError(shown, "the page has no <head> for its Content-Security-Policy", "check overrides/main.html")
    scripts = csp.inline_scripts(html)
    worker = csp.search_worker_url(html)
    if worker and offline_enabled(config):
        scripts.append(csp.shim_iframe_script(_shim_source(config), worker))
    meta = config.theme.get_env().get_template(META_TEMPLATE).render(policy=csp.policy(scripts, live_reload=_command == "serve"))
    return html[:position] + meta + html[position:]


def _shim_source(config: MkDocsConfig) -> str:
    path = Path(config.config_file_path).parent / SHIM_SOURCE
    if not path.is_file():
        raise GuideError(str(SHIM_SOURCE), "the iframe-worker shim is not installed", "run `npm ci` (make does it)")
    return path.read_text(encoding="utf-8")
