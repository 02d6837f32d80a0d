"""The whole-guide print page as a book: its cover and the order of its chapters.

The cover names the guide, its edition and the date its pages were last
reviewed, the site's address as text and as a QR code (when the site has an
address: `site_url`, SITE_URL), and what the guide is not (legal advice).
tools/book_pdf.py reads the cover's data-book-* attributes back for the
PDF's metadata and its footer.

Paper carries one glossary, at the end: the glossary page's chapter moves
last, and each page's own list of the terms it uses (partials/glossary-print.html,
marked data-book-omit) is left out of its chapter (engine/print_pages.py).

Each chapter's review line moves under its title: at the end it could be
pushed alone onto a sheet of its own (two such sheets in zh, one in en).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from .qr_code import qr_svg


@dataclass(frozen=True)
class Cover:
    """What the cover of one language's book shows (partials/print-all.html)."""

    title: str
    edition: str  # a setting (extra.book_edition), else the latest review date (ISO)
    reviewed: str  # the latest review date of the printed pages (ISO), "" if none has one
    address: str  # the site's address, "" when the site has none (the cover then shows no QR)
    qr: Markup  # the address as an inline <svg> QR code, "" without an address
    subject: str  # the guide's description: the PDF's subject


def latest_review(dates: Iterable[object]) -> str:
    """The latest of the pages' review dates (ISO), ignoring pages without one."""
    found = [date for date in dates if isinstance(date, datetime.date)]
    return max(found).isoformat() if found else ""


def book_cover(*, title: str, subject: str, site_url: str, reviewed_dates: Iterable[object], edition: object = None, qr_title: str = "") -> Cover:
    """The cover of a book whose pages were reviewed on reviewed_dates."""
    reviewed = latest_review(reviewed_dates)
    address = site_url.strip()
    return Cover(
        title=title,
        edition=str(edition).strip() if edition else reviewed,
        reviewed=reviewed,
        address=address,
        qr=Markup(qr_svg(address, title=qr_title)) if address else Markup(""),
        subject=subject,
    )


def move_last(entries: list, anchor: str, *, anchor_of=lambda entry: getattr(entry, "anchor", None)) -> list:
    """entries with the chapter named anchor taken out of wherever it is and put last, at the top level.

    Sections left empty by the move disappear; entries without that chapter come back unchanged."""
    found: list = []

    def without(items: list) -> list:
        kept = []
        for item in items:
            if anchor_of(item) == anchor:
                found.append(item)
                continue
            children = getattr(item, "children", None)
            if children is not None:
                item.children = without(children)
                if not item.children:
                    continue
            kept.append(item)
        return kept

    rest = without(list(entries))
    return rest + found[:1] if found else list(entries)


REVIEW_START = '<div class="page-review">'


def review_under_title(html: str) -> str:
    """A chapter's HTML with its review notice (partials/page-review.md.html,
    a div holding no div) moved from the end to just after its first <h1>,
    or to the start when the chapter has none (the book adds the title)."""
    start = html.find(REVIEW_START)
    if start < 0:
        return html
    end = html.index("</div>", start) + len("</div>")
    notice, rest = html[start:end], html[:start] + html[end:]
    title_end = rest.find("</h1>")
    at = title_end + len("</h1>") if title_end >= 0 else 0
    return rest[:at] + notice + rest[at:]
