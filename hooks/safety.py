"""MkDocs adapter: keep code out of pages and data, and give every page a Content-Security-Policy.

engine/content_safety.py says what docs/ and the data files may not carry,
engine/csp.py makes the policy. Before each build, every file under docs/ and
the folders of the data files (`extra:` settings; data/ for the guide) is
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

import mkdocs_site
from engine import content_safety, csp, per_build
from engine.errors import GuideError
from engine.offline import SHIM_SOURCE
from offline_shim import offline_enabled

META_TEMPLATE = "partials/csp-meta.html"


# The command this process runs (mkdocs serve or build), set once at startup:
# not build data, so nothing from one build reaches the next through it.
_command = "build"


def on_startup(*, command: str, dirty: bool) -> None:
    global _command  # noqa: PLW0603 - the process's command, see above
    _command = command


@mkdocs_site.guide_event
def on_pre_build(*, config: MkDocsConfig) -> None:
    site = mkdocs_site.site(config)
    root = site.root.resolve()
    folders = {site.docs_dir.resolve().relative_to(root).as_posix(), *data_folders(site.settings, root)}
    # static-i18n runs on_pre_build once per language; the files are the same for each.
    findings = per_build.once(("safety-scan", id(config)), lambda: content_safety.scan_files(site.root, sorted(folders)))
    if findings:
        first = findings[0]
        more = f" ({len(findings) - 1} more after this one)" if len(findings) > 1 else ""
        raise GuideError(first.path, first.problem + more, first.fix, first.line)


# Last of all on_post_page handlers: the hashes must be of the final HTML.
@event_priority(-100)
@mkdocs_site.guide_event
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output, config, page.file.src_uri)


@mkdocs_site.guide_event
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
    meta = mkdocs_site.theme_env(config).get_template(META_TEMPLATE).render(policy=csp.policy(scripts, live_reload=_command == "serve"))
    return html[:position] + meta + html[position:]


def data_folders(settings: dict, root: Path) -> set[str]:
    """data/, and the top folder of every data file or folder named in `extra:` (*_file, *_dir)."""
    named = [str(value) for key, value in settings.items() if key.endswith(("_file", "_dir")) and isinstance(value, str)]
    tops = {Path(name).parts[0] for name in named if len(Path(name).parts) > 1 or (root / name).is_dir()}
    return {top for top in {"data", *tops} if (root / top).is_dir()}


def _shim_source(config: MkDocsConfig) -> str:
    path = Path(config.config_file_path).parent / SHIM_SOURCE
    if not path.is_file():
        raise GuideError(SHIM_SOURCE, "the iframe-worker shim is not installed", "run `npm ci` (make does it)")
    return path.read_text(encoding="utf-8")
