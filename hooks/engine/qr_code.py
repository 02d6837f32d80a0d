"""QR codes for paper: the guide's address, drawn at build time (segno, no network).

One function per output the guide needs: an SVG fragment for HTML pages
(cover of the printed book, the emergency card) and a PNG-ready module
matrix for images (the card's phone-screen picture).
"""

from __future__ import annotations

import io

import segno

# Medium error correction: survives a crease or a smudge on a printed card
# and still fits a long address in a small symbol.
_ERROR = "m"


def qr_svg(text: str, *, title: str = "") -> str:
    """An inline <svg> of text's QR code, black on white, scaled by CSS (viewBox only)."""
    buffer = io.BytesIO()
    segno.make(text, error=_ERROR, micro=False).save(
        buffer, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True, border=2, dark="#000", light="#fff", title=title or None
    )
    return buffer.getvalue().decode("utf-8")


def qr_matrix(text: str) -> list[list[bool]]:
    """Rows of dark (True) and light modules, with a 2-module quiet zone."""
    code = segno.make(text, error=_ERROR, micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=2)]
