"""Speed and weight of the guide, with their budgets.

Rows for `make bench` (tools/bench.py):
- cold and warm build time (cold: a fresh process with an empty jieba cache;
  warm: the same again with the cache in place);
- each hook's share of the build time, timed around every hook event, in a
  fresh process, the median of five builds (budget: all hooks together at
  most 20%; nothing is kept from one build or process to the next);
- growth: a synthetic guide ten times the size (tools/make_big_guide.py:
  ~220 pages a language, ~500 terms, ~400 questions, 10 trees) built strictly
  in this same run, in at most 12x the real guide's time (CPU time of the
  build process, which a busy shared machine does not inflate; wall time is
  shown beside it);
- the search index size of each language (raw and gzip) (this module took
  over tools/bench_build.py);
- the preview images for shared links (hooks/share.py, only in builds with
  SITE_URL, as the Pages workflow makes them): the time to draw all of them,
  beside the warm build, and their size;
- the bytes the service worker stores on a phone for each language;
- each page's total transfer with all its assets, gzip as GitHub Pages
  serves it, loaded in chromium (budget: the home pages at most 100 KB);
- Lighthouse (mobile) for each home page and the two heaviest reading
  pages of each language, the median of three runs (budgets: performance >= 95, accessibility 100,
  best practices 100, SEO >= 95); the whole-guide print pages are scored
  too, without a budget: they hold all chapters at once, for paper.

A missed budget makes the row's note start with "OVER", and `make bench`
exit 1. Every page the build produces is measured: no fixed page list.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
Row = tuple[str, str, str]

HOOK_BUDGET = 0.20
GROWTH_BUDGET = 12.0
HOOK_RUNS = 5
HOME_BUDGET_KB = 100
LIGHTHOUSE_BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_RUNS = 3
# Lighthouse opens about:blank, then the page, in the same tab. Headless
# chromium then keeps drawing the old about:blank frames under the tab's old
# surface, and after four undrawn frames its compositor allows one frame a
# second (ThrottleUndrawnFrames in compositor_frame_sink_support.cc): the first
# paint lands at 0.2, 1.2 or 2.2 s depending on a race of a few ms, whatever
# the page does. A start page on another origin gives the page a fresh
# renderer and no such throttle, as a reader's browser has.
LIGHTHOUSE_CONFIG = {"extends": "lighthouse:default", "settings": {"blankPage": "data:text/html,<title>start</title>"}}
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def measure() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as scratch:
        scratch_dir = Path(scratch)
        site = scratch_dir / "site"
        rows = build_times(scratch_dir, site)
        if not (site / "index.html").is_file():
            return rows
        rows += hook_shares(scratch_dir / "site-hooks", scratch_dir / "tmp")  # jieba's dictionary cache only
        rows += growth(scratch_dir)
        rows += search_index_sizes(site)
        rows += preview_images(site, rows)
        rows += offline_storage(site)
        with serve(site) as (base, sent):
            rows += page_weights(site, base, sent)
            rows += lighthouse_scores(site, base)
        rows.append(("machine load (1 min average, 2 cores)", f"{os.getloadavg()[0]:.1f}", "timings and Lighthouse performance suffer above 2"))
        return rows


# -----------------------------------------------------------------------------
# Build time
# -----------------------------------------------------------------------------

def build_times(scratch: Path, site: Path) -> list[Row]:
    """Two strict builds in fresh processes; the first one with no jieba cache."""
    temp = scratch / "tmp"  # jieba keeps its dictionary cache in the temp folder
    temp.mkdir()
    rows = []
    for label in ("cold", "warm"):
        seconds, ok = _timed_build(site, {"TMPDIR": str(temp)})
        if not ok:
            return [(f"build time ({label})", "failed", "OVER: the strict build failed")]
        rows.append((f"build time, {label} (strict, both languages)", f"{seconds:.1f} s", ""))
    return rows


def _timed_build(site: Path, env: dict[str, str], config: Path = ROOT / "mkdocs.yml") -> tuple[float, bool]:
    seconds, _, ok = _build_clock(site, env, config)
    return seconds, ok


def _build_clock(site: Path, env: dict[str, str], config: Path) -> tuple[float, float, bool]:
    """(wall seconds, CPU seconds of the build process, success) of one strict build."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet", "-f", str(config), "--site-dir", str(site)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "false", **env})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.returncode == 0


# -----------------------------------------------------------------------------
# Growth: a guide ten times the size
# -----------------------------------------------------------------------------

def growth(scratch: Path) -> list[Row]:
    """The real guide and the synthetic 10x guide, built one after the other in this run."""
    from make_big_guide import make_big_guide

    env = {"TMPDIR": str(scratch / "tmp")}
    big_config = make_big_guide(scratch / "big-guide")
    pages = sum(1 for path in (scratch / "big-guide" / "docs").rglob("*.md") if path.name.count(".") == 1)
    real_wall, real_cpu, real_ok = _build_clock(scratch / "site-real", env, ROOT / "mkdocs.yml")
    big_wall, big_cpu, big_ok = _build_clock(scratch / "site-big", env, big_config)
    if not (real_ok and big_ok):
        return [("growth: 10x guide", "failed", "OVER: a strict build failed")]
    ratio = big_cpu / real_cpu
    note = f"budget ≤{GROWTH_BUDGET:.0f}x" if ratio <= GROWTH_BUDGET else f"OVER: budget ≤{GROWTH_BUDGET:.0f}x"
    return [
        ("growth: real guide (CPU / wall)", f"{real_cpu:.1f} s / {real_wall:.1f} s", ""),
        (f"growth: 10x guide, {pages} pages a language (CPU / wall)", f"{big_cpu:.1f} s / {big_wall:.1f} s", ""),
        ("growth: 10x guide / real guide (CPU)", f"{ratio:.1f}x", note),
    ]


# -----------------------------------------------------------------------------
# Each hook's share of the build
# -----------------------------------------------------------------------------

def hook_shares(site: Path, temp: Path) -> list[Row]:
    """Each hook's share of a build in a fresh process whose temp folder
    (jieba's dictionary cache) is `temp`: the run with the median share of
    HOOK_RUNS (one build varies by ±1 point on this 2-core machine)."""
    runs = []
    for _ in range(HOOK_RUNS):
        command = [sys.executable, str(Path(__file__).resolve()), "--hook-shares", str(site)]
        result = subprocess.run(command, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)}, capture_output=True, text=True)
        if result.returncode != 0:
            return [("hook share", "failed", f"OVER: {result.stderr.strip().splitlines()[-1:]}")]
        spent, total = json.loads(result.stdout.strip().splitlines()[-1])
        runs.append((sum(spent.values()) / total, spent, total))
    runs.sort(key=lambda run: run[0])
    together, spent, total = runs[len(runs) // 2]
    rows = [
        (f"hook share: {Path(name).stem}", f"{seconds * 1000:.0f} ms ({seconds / total:.1%})", "")
        for name, seconds in sorted(spent.items(), key=lambda item: -item[1])
    ]
    spread = f"{runs[0][0]:.1%}–{runs[-1][0]:.1%} over {len(runs)} builds"
    note = f"budget ≤{HOOK_BUDGET:.0%}" if together <= HOOK_BUDGET else f"OVER: budget ≤{HOOK_BUDGET:.0%}"
    rows.append(("hook share: all hooks together (median build)", f"{together:.1%} of {total:.1f} s ({spread})", note))
    return rows


def timed_build(site: Path) -> tuple[dict[str, float], float]:
    """Build in this process with a timer around every event of every hook:
    (seconds per hook, seconds for the whole build), in this process's CPU
    time, which other work on a busy shared machine does not inflate."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.chdir(ROOT)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    spent = time_hook_events(config.plugins, list(config["hooks"]))
    started = time.process_time()
    build(config)
    return spent, time.process_time() - started


def time_hook_events(plugins: Any, hook_names: list[str]) -> dict[str, float]:
    """Wrap every registered event method of the named hooks; returns the running totals."""
    spent = {name: 0.0 for name in hook_names}
    for event, methods in plugins.events.items():
        for position, method in enumerate(methods):
            origin = plugins._event_origins.get(method)
            if origin in spent:
                timed = _timed(method, origin, spent)
                methods[position] = timed
                plugins._event_origins[timed] = origin
    return spent


def _timed(method: Callable[..., Any], name: str, spent: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(method)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started

    return timed


# -----------------------------------------------------------------------------
# Search index and page weight
# -----------------------------------------------------------------------------

def search_index_sizes(site: Path) -> list[Row]:
    rows = []
    for index in sorted(site.rglob("search/search_index.json")):
        language = index.parent.parent.relative_to(site).as_posix()
        data = index.read_bytes()
        label = "zh" if language == "." else language
        rows.append((f"search index ({label})", f"{len(data) / 1024:.1f} KB, {len(gzip.compress(data)) / 1024:.1f} KB gzip", ""))
    return rows


def preview_images(site: Path, rows: list[Row]) -> list[Row]:
    """Draw every page's preview image as hooks/share.py does with SITE_URL set
    (one per page and language, the title and guide name from its og: tags):
    the time it adds to a build, and the bytes it adds to the site."""
    import html
    import re

    from engine import share_image

    fonts = share_image.find_font("Bold"), share_image.find_font("Regular")
    pages = [p for p in site.rglob("index.html") if "assets" not in p.relative_to(site).parts]
    seconds = 0.0
    sizes = []
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        title, name = (re.search(f'property="og:{key}" content="([^"]*)"', head) for key in ("title", "site_name"))
        if title and name:
            started = time.perf_counter()
            sizes.append(len(share_image.draw_preview(html.unescape(title.group(1)), html.unescape(name.group(1)), bold=fonts[0], regular=fonts[1])))
            seconds += time.perf_counter() - started
    warm = next((value for label, value, _ in rows if label.startswith("build time, warm")), "")
    site_bytes = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    return [
        ("preview images: drawing all (SITE_URL builds)", f"{seconds:.1f} s for {len(sizes)} images, {seconds / max(len(sizes), 1) * 1000:.0f} ms each",
         f"added to the build; warm build without them {warm}"),
        ("preview images: size", f"{sum(sizes) / 1024:.0f} KB ({sum(sizes) / max(len(sizes), 1) / 1024:.1f} KB each)",
         f"site without them {site_bytes / 1024:.0f} KB; fetched only by link previews, never by the reader"),
    ]


def offline_storage(site: Path) -> list[Row]:
    """What the service worker (sw.js, hooks/offline_app.py) stores on a phone for each language."""
    from engine.offline_app_model import stored_bytes  # hooks/ is on the path (tools/bench.py)

    worker = site / "sw.js"
    if not worker.is_file():
        return [("offline storage", "no sw.js", "OVER: the web build wrote no service worker")]
    precache = json.loads(worker.read_text(encoding="utf-8").splitlines()[0].removeprefix("self.PRECACHE = ").removesuffix(";"))
    rows = []
    for locale, size in stored_bytes(precache).items():
        files = len(precache["shared"]["urls"]) + len(precache["locales"][locale]["urls"])
        rows.append((f"offline storage on a phone ({locale})", f"{size} bytes ({size / 1024 / 1024:.2f} MB), {files} files", "both languages share the assets"))
    return rows


def home_pages(site: Path) -> list[str]:
    """The home page of each language: the root, and each folder with its own search index."""
    others = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("*/search/search_index.json"))
    return ["", *(p.removesuffix("search/") for p in others)]


def content_pages(site: Path) -> list[str]:
    """URL paths of every page the build produced (both languages), home pages first."""
    homes = home_pages(site)
    pages = sorted(
        p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site.rglob("index.html")
        if "assets" not in p.relative_to(site).parts
    )
    return homes + [page for page in pages if page not in homes]


def language_of(page: str, homes: list[str]) -> str:
    """The home page (language root) a page belongs to."""
    return max((home for home in homes if page.startswith(home)), key=len)


def page_weights(site: Path, base: str, sent: list[tuple[str, int]]) -> list[Row]:
    """Bytes on the wire (gzip, headers included) for each page with everything it loads.

    Each page opens in a fresh browser context (empty cache); the server
    counts what it sends, which includes the search worker. The search index
    waits until a reader opens search (search-on-demand.js): for each home
    page a second row says what opening search adds.
    """
    from playwright.sync_api import sync_playwright

    homes = set(home_pages(site))
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS.split()[1:], headless=True)
        for page_path in content_pages(site):
            sent.clear()
            _load_until_quiet(browser, base + page_path, sent)
            kilobytes = sum(size for _, size in sent) / 1024
            index = sum(size for path, size in sent if path.endswith("search_index.json")) / 1024
            note = f"search index {index:.0f} KB of it" if index else ""
            if page_path in homes:
                over = "OVER: " if kilobytes > HOME_BUDGET_KB else ""
                note = f"{over}budget ≤{HOME_BUDGET_KB} KB (home page)" + (f"; {note}" if note else "")
            rows.append((f"transfer gzip: /{page_path}", f"{kilobytes:.1f} KB in {len(sent)} requests", note))
            if page_path in homes:
                sent.clear()
                _load_until_quiet(browser, base + page_path, sent, open_search=True)
                added = sum(size for _, size in sent) / 1024 - kilobytes
                rows.append((f"transfer gzip: /{page_path} + open search", f"+{added:.1f} KB", "the index and the search language files"))
        browser.close()
    return rows


def _load_until_quiet(browser: Any, url: str, sent: list[tuple[str, int]], *, open_search: bool = False) -> None:
    """Load a page (and open search) and wait until the server has sent nothing for 1.5 seconds."""
    # Service workers blocked: what the offline app stores in the background
    # after the page has loaded is not the page's cost (see offline_storage).
    viewport = {"width": 1280, "height": 823} if open_search else {"width": 412, "height": 823}
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if open_search:
        page.locator(".md-search__input").click()
    seen = -1
    while seen != len(sent):
        seen = len(sent)
        page.wait_for_timeout(1500)
    context.close()


# -----------------------------------------------------------------------------
# Lighthouse
# -----------------------------------------------------------------------------

def lighthouse_pages(site: Path) -> list[str]:
    """Each home page, and the two heaviest reading pages of each language.

    The whole-guide pages (docs/print.md) are left out: they hold every
    chapter at once, for paper. `whole_guide_pages` lists them apart.
    """
    homes = home_pages(site)
    pages = [page for page in content_pages(site) if page not in whole_guide_pages(site)]
    chosen = list(homes)
    for home in homes:
        candidates = [page for page in pages if page not in homes and language_of(page, homes) == home]
        candidates.sort(key=lambda page: -(site / page / "index.html").stat().st_size)
        chosen += candidates[:2]
    return chosen


def whole_guide_pages(site: Path) -> list[str]:
    """The pages that print the whole guide (hooks/print_all.py fills them)."""
    return [page for page in content_pages(site) if 'class="print-chapter"' in (site / page / "index.html").read_text(encoding="utf-8")]


def lighthouse_scores(site: Path, base: str) -> list[Row]:
    if not LIGHTHOUSE.is_file():
        return [("lighthouse", "missing", "OVER: run `npm ci` (make does it)")]
    rows = []
    for page_path in lighthouse_pages(site):
        scores = median_lighthouse(base + page_path, LIGHTHOUSE_RUNS)
        rows.append((f"lighthouse (mobile): /{page_path}", _format_scores(scores), _lighthouse_note(scores)))
    for page_path in whole_guide_pages(site):
        scores = median_lighthouse(base + page_path, 1)
        rows.append((f"lighthouse (mobile): /{page_path}", _format_scores(scores), "no budget: every chapter on one page, made for paper"))
    return rows


def median_lighthouse(url: str, runs: int) -> dict[str, float | None]:
    """The run with the median performance score of `runs` (one run moves by
    several points on this machine); a run Lighthouse could not finish (it
    sometimes reports NO_NAVSTART) is tried once more."""
    results = []
    for _ in range(runs):
        scores = run_lighthouse(url)
        if scores["performance"] is None:
            scores = run_lighthouse(url)
        results.append(scores)
    scored = sorted((r for r in results if r["performance"] is not None), key=lambda r: r["performance"] or 0)
    return scored[len(scored) // 2] if scored else results[0]


def run_lighthouse(url: str) -> dict[str, float | None]:
    """Category scores 0-100 (None when Lighthouse could not score)."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as profile:
        config = Path(profile) / "config.json"
        config.write_text(json.dumps(LIGHTHOUSE_CONFIG), encoding="utf-8")
        command = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout", f"--config-path={config}",
            f"--only-categories={','.join(LIGHTHOUSE_BUDGETS)}", "--form-factor=mobile",
            f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        print(result.stderr[-2000:], file=sys.stderr)
        return {category: None for category in LIGHTHOUSE_BUDGETS}
    report = json.loads(result.stdout)
    scores: dict[str, float | None] = {
        category: None if report["categories"][category]["score"] is None else round(report["categories"][category]["score"] * 100)
        for category in LIGHTHOUSE_BUDGETS
    }
    # Lighthouse's own measure of this machine's speed: its simulated phone
    # runs 4x slower than the machine, so a busy machine scores lower.
    scores["machine index"] = round(report["environment"]["benchmarkIndex"])
    return scores


def _format_scores(scores: dict[str, float | None]) -> str:
    short = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo", "machine index": "machine index"}
    return " · ".join(f"{short[c]} {'?' if s is None else s}" for c, s in scores.items())


def _lighthouse_note(scores: dict[str, float | None]) -> str:
    missed = [
        f"{c} {s} < {LIGHTHOUSE_BUDGETS[c]}" for c, s in scores.items() if c in LIGHTHOUSE_BUDGETS and (s is None or s < LIGHTHOUSE_BUDGETS[c])
    ]
    return "OVER: " + ", ".join(missed) if missed else "budget perf ≥95 · a11y 100 · bp 100 · seo ≥95"


# -----------------------------------------------------------------------------
# A loopback server that compresses like GitHub Pages
# -----------------------------------------------------------------------------

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded for text types when the client accepts it.

    Each response's size in bytes (headers and body, as sent) is appended to
    the server's `sent` list as (path, bytes).
    """

    server: Any

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def finish(self) -> None:
        if getattr(self, "path", None):
            self.server.sent.append((self.path.split("?")[0], self.wfile.count))
        super().finish()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and wants_gzip and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


class _CountingWriter(io.BufferedIOBase):
    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data: Any) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def close(self) -> None:
        self.raw.close()


@contextmanager
def serve(site: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """The site on a loopback port; yields its base URL and the list of responses sent."""
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.sent = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server.sent  # type: ignore[attr-defined]
    finally:
        server.shutdown()


if __name__ == "__main__" and sys.argv[1:2] == ["--hook-shares"]:
    # The child process of hook_shares: one timed build, its figures as JSON.
    sys.path[:0] = [str(ROOT / "hooks")]
    print(json.dumps(timed_build(Path(sys.argv[2]))))
