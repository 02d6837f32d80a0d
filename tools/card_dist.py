"""The emergency card to carry away, made from the built card page (docs/card.md).

tools/build_dist.py calls render_cards; for each language it writes into dist/:

    emergency-card-zh-a4.pdf     one A4 sheet, the card as large as fits
    emergency-card-zh-a6.pdf     one A6 sheet, a pocket card
    emergency-card-zh-phone.png  a phone screen, 1080x1920 (360x640 at 3x), for the photo album

(and the same with -en-). Both are made with the page's print styles, which
show the card alone (overrides/assets/stylesheets/card.css): what a reader
gets who prints the page is what the files hold. Each PDF is printed at the
largest scale that keeps the card on one sheet; its metadata carry the
card's title and language (book_pdf.describe).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter

import book_pdf
import chromium

# Language -> its card page in the offline build.
CARD_PAGES = {"zh": "card.html", "en": "en/card.html"}
CARD = "#emergency-card"
# Sheet -> (its CSS @page size, its margin on every side). ISO 216 sizes in mm:
# chromium knows no A6 keyword.
SHEETS = {"a4": ("210mm 297mm", "12mm"), "a6": ("105mm 148mm", "5mm")}
# A common phone screen in CSS pixels, and its pixel ratio: a 1080x1920 picture.
PHONE = {"width": 360, "height": 640}
PHONE_RATIO = 3
# Scales tried, largest first, 2.5% apart: at most 2 (as large as Playwright
# prints), at least 0.5.
SCALES = tuple(step / 40 for step in range(80, 19, -1))


def card_files(language: str) -> dict[str, str]:
    """What render_cards writes for a language: sheet or "phone" -> file name."""
    names = {sheet: f"emergency-card-{language}-{sheet}.pdf" for sheet in SHEETS}
    return {**names, "phone": f"emergency-card-{language}-phone.png"}


def all_card_files() -> list[str]:
    return [name for language in CARD_PAGES for name in card_files(language).values()]


def render_cards(site: Path, target: Path, prepare: Callable[[object], None]) -> list[Path]:
    """Print and picture each language's card page of site into target; the files written.

    prepare(page) readies a loaded page for printing (build_dist adds the PDF font)."""
    from playwright.sync_api import sync_playwright

    pages = {language: site / page for language, page in CARD_PAGES.items()}
    absent = [str(page.relative_to(site)) for page in pages.values() if not page.is_file()]
    if absent:
        raise FileNotFoundError(f"no card page at {', '.join(absent)} (docs/card.md, hooks/card.py)")
    written = []
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            for language, page_path in pages.items():
                context = browser.new_context(viewport=PHONE, device_scale_factor=PHONE_RATIO)
                page = context.new_page()
                page.goto(page_path.as_uri(), wait_until="load")
                if page.locator(CARD).count() != 1:
                    raise ValueError(f"{page_path.relative_to(site)} has no {CARD} (<!-- emergency-card -->)")
                prepare(page)
                page.emulate_media(media="print")
                names = card_files(language)
                title, lang, subject = page.evaluate(_DESCRIPTION, CARD)
                sheet_style = page.add_style_tag(content="/* the sheet size, set below */")
                for sheet, (paper, margin) in SHEETS.items():
                    # Chromium lays a page out at its CSS @page size (A4 in print.css) and
                    # only then fits it to the paper asked for: the sheet's own size here.
                    sheet_style.evaluate("(style, css) => { style.textContent = css; }", f"@page {{ size: {paper}; margin: {margin}; }}")

                    def print_at(scale: float) -> bytes:
                        return page.pdf(prefer_css_page_size=True, print_background=True, scale=scale, tagged=True)

                    pdf = described(largest_fitting(print_at, SCALES), title=title, language=lang, subject=subject)
                    written.append(_write(target / names[sheet], pdf))
                # The whole card on the screen; a card taller than the screen gets a taller picture.
                fits = page.evaluate(_BOTTOM, CARD) <= PHONE["height"]
                written.append(_write(target / names["phone"], page.screenshot(full_page=not fits)))
                context.close()
        finally:
            browser.close()
    return written


def largest_fitting(print_at: Callable[[float], bytes], scales: Sequence[float]) -> bytes:
    """The print at the largest of scales (largest first) that fills exactly one sheet.

    A larger scale never takes fewer sheets, so the scales are halved, not all tried."""
    low, high, best = 0, len(scales) - 1, None
    while low <= high:
        middle = (low + high) // 2
        pdf = print_at(scales[middle])
        if sheets(pdf) == 1:
            best, high = pdf, middle - 1
        else:
            low = middle + 1
    if best is None:
        raise RuntimeError(f"the card does not fit on one sheet even at scale {scales[-1]}")
    return best


def sheets(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def described(pdf: bytes, *, title: str, language: str, subject: str) -> bytes:
    """The PDF with its title, subject and language (book_pdf.describe)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    book_pdf.describe(writer, title=title, language=language, subject=subject)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    path.chmod(0o644)
    return path


# The card's own title, the page's language and its description (Playwright's evaluate).
_DESCRIPTION = """card => [document.querySelector(`${card} .guide-card__title`).textContent.trim(),
  document.documentElement.lang, document.querySelector('meta[name="description"]')?.content ?? ""]"""
# Where the card ends, in CSS pixels from the top of the page.
_BOTTOM = """card => document.querySelector(card).getBoundingClientRect().bottom + window.scrollY"""
