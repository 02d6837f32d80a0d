"""Build what readers carry away: the offline zip, the two PDFs and the emergency card, into dist/.

    python tools/build_dist.py [--dist-dir dist]

    dist/guide-offline.zip  the site built for file:// (both languages,
                            search, language switcher): unzip, double-click
                            guide-offline/index.html
    dist/guide-zh.pdf       the "print the whole guide" page of each language
    dist/guide-en.pdf       (docs/print.md, hooks/print_all.py) as a book: a
                            cover, numbered contents, bookmarks, metadata
                            (tools/book_pdf.py)
    dist/emergency-card-*   the emergency card of each language (docs/card.md):
                            one-sheet A4 and A6 PDFs and a phone picture
                            (tools/card_dist.py); the zip holds them too, in
                            guide-offline/emergency-card/

Everything is made in a temporary folder beside dist/ and swapped in with
renames at the end, so a failed build leaves the last good dist/ (or none),
never a half-written one.

Why headless chromium and not WeasyPrint for the PDFs:
- one browser: the tests already need Debian's chromium (through Playwright),
  so the PDFs add no second rendering engine to install, pin and keep fonts for;
- the readers' engine: most readers print from a Chromium-based browser, so
  the PDF is what they get when they print the page themselves, and one
  print stylesheet serves both;
- CSS fidelity: chromium runs Material's stylesheet as written (custom
  properties, flexbox ordering of content tabs, ::details-content), which
  WeasyPrint supports only in part; it writes a tagged PDF with a bookmark
  outline from the headings and embeds the fonts it used, subsetted.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

import book_pdf
import card_dist
import chromium
import pdf_font
from build_site import ROOT, build_into, make_world_readable, swap_in

ZIP_NAME = "guide-offline.zip"
# Only a web server shows 404.html, and with a site address its links are
# absolute (/guide/...): from file:// nobody reaches it and none would work.
SERVER_ONLY = {Path("404.html")}
# The folder the zip unpacks into, so it never scatters files.
ZIP_FOLDER = "guide-offline"
# The card's files in the zip, beside index.html.
ZIP_CARD_FOLDER = "emergency-card"
# PDF name -> its language's print page in the offline build.
PDFS = {"guide-zh.pdf": "print.html", "guide-en.pdf": "en/print.html"}
# The same margins as @page in overrides/assets/stylesheets/print.css; the
# bottom one holds the page numbers.
MARGIN = {"top": "18mm", "right": "16mm", "bottom": "20mm", "left": "16mm"}
FOOTER_TEMPLATE = "partials/print-pdf-footer.html"
FONTS_TEMPLATE = "partials/print-pdf-fonts.css"


def build_dist(target: Path, root: Path = ROOT) -> int:
    """Build the offline site, zip it and print its PDFs into target; 0 on success."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    try:
        site = scratch / "site"
        if build_into(site, offline=True, root=root) != 0:
            return _failed(target, "the offline build failed")
        fresh = scratch / target.name
        fresh.mkdir()
        pages = {fresh / name: site / page for name, page in PDFS.items()}
        absent = [str(page.relative_to(site)) for page in pages.values() if not page.is_file()]
        if absent:
            return _failed(target, f"no print page at {', '.join(absent)} (docs/print.md, hooks/print_all.py)")
        cards = [site / page for page in card_dist.CARD_PAGES.values() if (site / page).is_file()]
        text = "".join(printed_text(page.read_text(encoding="utf-8")) for page in [*pages.values(), *cards])
        fonts, missing = pdf_fonts(text, scratch / "fonts")
        if missing:
            listed = " ".join(f"{char} (U+{ord(char):04X})" for char in sorted(missing))
            return _failed(target, f"{pdf_font.FAMILY} has no glyph for {listed}: reword or use another character")
        env = templates(root)
        fonts_css = env.get_template(FONTS_TEMPLATE).render(**fonts)
        render_pdfs(pages, env.get_template(FOOTER_TEMPLATE), fonts_css)
        card_paths = card_dist.render_cards(site, fresh, lambda page: use_pdf_font(page, fonts_css))
        write_zip(site, fresh / ZIP_NAME, ZIP_FOLDER, {f"{ZIP_CARD_FOLDER}/{path.name}": path for path in card_paths})
        make_world_readable(fresh)
        swap_in(fresh, target)
        return 0
    except Exception as error:  # noqa: BLE001 - any failure must keep the last good dist/
        return _failed(target, f"{type(error).__name__}: {error}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def write_zip(site: Path, archive: Path, folder: str, extra: dict[str, Path] | None = None) -> None:
    """Zip every file of site under folder/ (but the server's 404 page), in a stable order, then extra (name in folder -> file)."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in site.rglob("*") if p.is_file() and p.relative_to(site) not in SERVER_ONLY):
            bundle.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
        for name, path in sorted((extra or {}).items()):
            bundle.write(path, f"{folder}/{name}")


def templates(root: Path = ROOT) -> Environment:
    """The PDF run's own markup and CSS live in overrides/partials."""
    return Environment(loader=FileSystemLoader(root / "overrides"), autoescape=select_autoescape(["html"]))


def printed_text(html: str) -> str:
    """The text of a page's article: what the PDF will draw (plus what CSS adds, see pdf_font.ALWAYS)."""
    article = BeautifulSoup(html, "html.parser").find("article")
    return article.get_text() if article else ""


def pdf_fonts(text: str, folder: Path) -> tuple[dict, set[str]]:
    """TrueType subsets of the SC face for text, and the characters it has no glyph for."""
    folder.mkdir(parents=True, exist_ok=True)
    faces, missing = [], set()
    for weight, collection in pdf_font.FACES.items():
        path = folder / f"noto-sans-cjk-sc-{weight}.ttf"
        missing |= pdf_font.truetype_subset(collection, text, path)
        faces.append({"weight": weight, "url": path.as_uri()})
    return {"family": pdf_font.FAMILY, "faces": faces}, missing


# Resolves once both weights of the PDF font have loaded and every font is ready.
_FONTS_LOADED = """family => Promise.all([400, 700].map(w => document.fonts.load(`${w} 16px "${family}"`, "中")))
  .then(() => document.fonts.ready).then(() => document.fonts.check(`16px "${family}"`, "中"))"""


def render_pdfs(jobs: dict[Path, Path], footer: Template, fonts_css: str) -> None:
    """Print each page to its PDF with Debian's chromium: A4, tagged, the contents
    numbered, a footer with the page number and the site's address (book_pdf.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            for pdf, page_path in jobs.items():
                book = book_pdf.read_book(page_path.read_text(encoding="utf-8"))
                context = browser.new_context()
                page = context.new_page()
                page.goto(page_path.as_uri(), wait_until="load")
                use_pdf_font(page, fonts_css)
                footer_html = footer.render(address=book.address)

                def print_with(numbers: dict[str, int], page=page, footer_html=footer_html) -> bytes:
                    page.evaluate(book_pdf.FILL_NUMBERS, dict(numbers))
                    return page.pdf(
                        format="A4",
                        margin=MARGIN,
                        print_background=True,
                        display_header_footer=True,
                        header_template="<span></span>",
                        footer_template=footer_html,
                        tagged=True,
                    )

                printed, starts = book_pdf.number_pages(print_with, [anchor for anchor, _ in book.chapters])
                pdf.write_bytes(book_pdf.finish(printed, book, starts))
                context.close()
        finally:
            browser.close()


def use_pdf_font(page, fonts_css: str) -> None:  # page: playwright.sync_api.Page
    """Give a loaded page the PDF font (pdf_font.py) and wait until it has loaded."""
    page.add_style_tag(content=fonts_css)
    if not page.evaluate(_FONTS_LOADED, pdf_font.FAMILY):
        raise RuntimeError(f"the PDF font did not load in {page.url.rsplit('/', 1)[-1]}")


def _failed(target: Path, why: str) -> int:
    kept = "kept the last good one" if target.exists() else "nothing was written"
    print(f"dist build failed ({why}): {target.name}/ {kept}", file=sys.stderr)
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist-dir", default="dist", type=Path)
    args = parser.parse_args()
    return build_dist(ROOT / args.dist_dir)


if __name__ == "__main__":
    sys.exit(main())
