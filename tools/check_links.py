"""Check every internal link and anchor of a built site; list the external ones.

MkDocs validates the links it sees in Markdown, but not the ones hooks and
templates write into the HTML (channel cards, glossary links, the language
switcher, decision-tree options). This reads the built HTML itself:

- every internal link (a, link, img, script, source, iframe) must point at a
  file of the site, and its #anchor at an id (or a[name]) on that page;
- every search result (the `location` of each search_index.json entry, which
  hooks/search_per_language.py rewrites per language) must resolve the same way;
- external links (http, https, mailto, tel, sms) are not fetched (CI has no
  network): they are written to a report, with the pages that use them.

    python tools/check_links.py [--site site] [--report .build/external-links.txt]

Exit 1 when a link is broken, naming the page, the link and the problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent

# Attributes that load or link to another resource, by element.
LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "iframe": "src",
}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "sms"}
IGNORED_SCHEMES = {"data", "javascript", "blob", "about"}
# A dummy origin to resolve page-relative links against.
ORIGIN = "http://site.invalid"


@dataclass(frozen=True)
class Link:
    page: str  # the page's path inside the site, e.g. "en/about/index.html"
    url: str  # the attribute value as written


@dataclass
class PageLinks:
    """What one HTML file offers (ids) and points at (links)."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


@dataclass
class Report:
    broken: list[tuple[Link, str]] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    pages: int = 0
    checked: int = 0


# -----------------------------------------------------------------------------
# Pure core
# -----------------------------------------------------------------------------

class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.result.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.result.ids.add(values["name"] or "")
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and values.get(wanted) is not None:
            self.result.links.append((values[wanted] or "").strip())

    handle_startendtag = handle_starttag


def parse_page(html: str) -> PageLinks:
    """The ids and the link targets of one HTML document."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.result


def check_pages(pages: dict[str, PageLinks], files: set[str]) -> Report:
    """Check the links of parsed pages against the site's files.

    pages: site path of each HTML file -> its ids and links.
    files: every file path in the site (HTML or not), POSIX, relative.
    """
    report = Report(pages=len(pages))
    for page, parsed in sorted(pages.items()):
        for url in parsed.links:
            report.checked += 1
            problem, external = classify(page, url, pages, files)
            if external:
                report.external[url].add(page)
            elif problem:
                report.broken.append((Link(page, url), problem))
    return report


def classify(page: str, url: str, pages: dict[str, PageLinks], files: set[str]) -> tuple[str | None, bool]:
    """(problem or None, is_external) for one link written on one page."""
    if not url:
        return "the link is empty", False
    scheme = urlsplit(url).scheme.lower()
    if scheme in EXTERNAL_SCHEMES or url.startswith("//"):
        return None, True
    if scheme in IGNORED_SCHEMES:
        return None, False
    if scheme:
        return f"unknown link scheme '{scheme}:'", False
    resolved = urlsplit(urljoin(f"{ORIGIN}/{page}", url))
    if f"{resolved.scheme}://{resolved.netloc}" != ORIGIN:
        return "the link leaves the site", False
    target = resolve_file(unquote(resolved.path), files)
    if target is None:
        return f"no file at {unquote(resolved.path)}", False
    fragment = unquote(resolved.fragment)
    if fragment and target.endswith(".html") and fragment not in pages[target].ids:
        return f"no id '{fragment}' on {target}", False
    return None, False


def resolve_file(path: str, files: set[str]) -> str | None:
    """The site file a URL path serves, as a web server does (dir/ -> dir/index.html)."""
    parts = PurePosixPath(path).parts[1:]  # drop the leading "/"
    if ".." in parts:
        return None
    relative = "/".join(parts)
    candidates = [relative] if relative and not path.endswith("/") else []
    candidates.append(f"{relative}/index.html".lstrip("/"))
    return next((candidate for candidate in candidates if candidate in files), None)


# -----------------------------------------------------------------------------
# Files and the command line
# -----------------------------------------------------------------------------

def check_site(site: Path) -> Report:
    """Parse every HTML file under site and check its links and search results."""
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    pages = {
        name: parse_page((site / name).read_text(encoding="utf-8"))
        for name in sorted(files)
        if name.endswith(".html")
    }
    for index in sorted(name for name in files if name.endswith("search/search_index.json")):
        pages[index] = PageLinks(links=search_locations(json.loads((site / index).read_text(encoding="utf-8"))))
    return check_pages(pages, files)


def search_locations(index: dict) -> list[str]:
    """The search index's result links, relative to the index's folder (search/)."""
    return ["../" + doc["location"] for doc in index.get("docs", [])]


def write_report(report: Report, path: Path) -> None:
    """The external links, one a line: the URL, then the pages that use it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# External links found in the built site (not fetched). url<TAB>pages"]
    lines += [f"{url}\t{' '.join(sorted(pages))}" for url, pages in sorted(report.external.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def describe(report: Report) -> str:
    lines = [f"{link.page}: {link.url!r}: {problem}" for link, problem in report.broken]
    lines.append(
        f"{report.pages} pages and search indexes, {report.checked} links, {len(report.broken)} broken, "
        f"{len(report.external)} external (listed, not fetched)"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=ROOT / "site", type=Path)
    parser.add_argument("--report", default=ROOT / ".build" / "external-links.txt", type=Path)
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        print(f"{args.site}/index.html is missing: build the site first (make build)", file=sys.stderr)
        return 2
    report = check_site(args.site)
    write_report(report, args.report)
    print(describe(report))
    print(f"external links: {args.report}")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
