"""The preview image a messaging app shows beside a shared link (pure: no MkDocs).

A 1200x630 PNG: the page's title in large type and the guide's name above
it, in the page's language, white on the guide's teal with a deep-orange
band at the bottom. The type is Noto Sans CJK SC from the system fonts
(Debian's fonts-noto-cjk, see tools/install_system_deps.sh): it covers both
Chinese and Latin, and nothing is downloaded.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
# The guide's colours (overrides/assets/stylesheets/guide.css): the header's
# teal, white text on it (5.4:1), the light palette's deep-orange accent.
BACKGROUND = "#007a6c"
TEXT = "#ffffff"
SOFT_TEXT = "#d9f2ee"
BAND = "#bf360c"
BAND_HEIGHT = 24
MARGIN = 80
TITLE_SIZES = (80, 68, 58, 50)  # the largest size at which the title fits in MAX_LINES
MAX_LINES = 3
NAME_SIZE = 40
LINE_GAP = 1.25

FAMILY = "Noto Sans CJK SC"
# Debian's fonts-noto-cjk puts the faces here; the collection's index of SC.
DEBIAN_FONTS = {
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
}

# Latin words (with their apostrophes and hyphens) stay whole; every other
# character (Chinese, punctuation) may end a line.
_TOKEN = re.compile(r"[A-Za-z0-9'’\-]+|\s+|.")


class FontMissing(RuntimeError):
    """Noto Sans CJK SC is not installed."""


def find_font(style: str = "Bold", *, run: Callable[..., subprocess.CompletedProcess[str]] = subprocess.run) -> tuple[Path, int]:
    """The font file and collection index of Noto Sans CJK SC in `style`.

    Asks fontconfig (fc-match) first, then tries Debian's fixed path. Raises
    FontMissing, saying how to install it, when neither has the face.
    """
    if shutil.which("fc-match"):
        found = run(["fc-match", "--format=%{file}\n%{index}\n%{family}", f"{FAMILY}:style={style}"], capture_output=True, text=True, check=False)
        parts = found.stdout.split("\n")
        if found.returncode == 0 and len(parts) >= 3 and FAMILY in parts[2] and Path(parts[0]).is_file():
            return Path(parts[0]), int(parts[1] or 0)
    path = DEBIAN_FONTS.get(style)
    if path and path.is_file():
        for index in range(10):
            try:
                font = ImageFont.truetype(str(path), 20, index=index)
            except OSError:
                break
            if font.getname()[0] == FAMILY:
                return path, index
    raise FontMissing(f"the font {FAMILY} ({style}) is not installed: run tools/install_system_deps.sh (Debian package fonts-noto-cjk)")


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy line breaking: Latin words stay whole, Chinese breaks anywhere."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text.strip()):
        candidate = line + token
        if line and not token.isspace() and measure(candidate.rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = candidate if (line or not token.isspace()) else line
    if line.strip():
        lines.append(line.rstrip())
    return lines


def draw_preview(title: str, guide_name: str, *, bold: tuple[Path, int], regular: tuple[Path, int]) -> bytes:
    """The PNG bytes of one page's preview image."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN

    name_font = ImageFont.truetype(str(regular[0]), NAME_SIZE, index=regular[1])
    pen.text((MARGIN, MARGIN - 10), guide_name, font=name_font, fill=SOFT_TEXT)
    pen.rectangle((MARGIN, MARGIN + NAME_SIZE + 18, MARGIN + 96, MARGIN + NAME_SIZE + 24), fill=TEXT)

    for size in TITLE_SIZES:
        title_font = ImageFont.truetype(str(bold[0]), size, index=bold[1])
        lines = wrap(title, text_width, title_font.getlength)
        if len(lines) <= MAX_LINES:
            break
    lines = lines[:MAX_LINES]
    step = round(size * LINE_GAP)
    top_of_title = MARGIN + NAME_SIZE + 60
    bottom_of_title = HEIGHT - BAND_HEIGHT - MARGIN
    y = top_of_title + max(0, (bottom_of_title - top_of_title - step * len(lines)) // 2)
    for line in lines:
        pen.text((MARGIN, y), line, font=title_font, fill=TEXT)
        y += step

    pen.rectangle((0, HEIGHT - BAND_HEIGHT, WIDTH, HEIGHT), fill=BAND)
    out = io.BytesIO()
    image.save(out, format="PNG")  # optimize=True saves 5% for 5x the time
    return out.getvalue()
