"""The QR code on paper names the address it was given, as a phone camera reads it."""

from __future__ import annotations

import zxingcpp
from PIL import Image

from engine.qr_code import qr_matrix, qr_svg


def _picture(rows: list[list[bool]], scale: int = 6) -> Image.Image:
    image = Image.new("L", (len(rows[0]) * scale, len(rows) * scale), 255)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                image.paste(0, (x * scale, y * scale, (x + 1) * scale, (y + 1) * scale))
    return image


def test_matrix_decodes_to_the_address() -> None:
    address = "https://example.org/debt-guide/en/"
    assert [found.text for found in zxingcpp.read_barcodes(_picture(qr_matrix(address)))] == [address]


def test_svg_scales_with_css_and_has_a_title() -> None:
    svg = qr_svg("https://example.org/", title="QR")
    assert svg.startswith("<svg") and 'viewBox="0 0 ' in svg and "width=" not in svg.split(">")[0]
    assert "<title>QR</title>" in svg
