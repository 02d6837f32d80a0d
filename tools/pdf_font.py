"""Noto Sans CJK SC as a TrueType subset, so chromium embeds it in the PDFs by name.

Debian's fonts-noto-cjk ships the faces with CFF (PostScript) outlines in
.ttc collections. Chromium's PDF writer (Skia) cannot embed CFF outlines: it
draws such glyphs as nameless Type 3 fonts, so a reader's PDF tool (and
pdffonts) cannot tell which face, Simplified Chinese or Japanese, was used,
and copied text can suffer. We take the SC face out of Debian's collection,
keep only the characters the print pages use, convert the outlines to
TrueType, and give chromium that file under the same family name
("Noto Sans CJK SC") for the PDF run only. The result is embedded as
NotoSansCJKsc-Regular / -Bold, subsetted.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FAMILY = "Noto Sans CJK SC"
# weight -> Debian's collection holding that weight.
FACES = {400: FONT_DIR / "NotoSansCJK-Regular.ttc", 700: FONT_DIR / "NotoSansCJK-Bold.ttc"}
# Always kept: the spaces, and text the stylesheet adds (link addresses,
# list numbers). A character missing from the subset would be drawn from
# the system's CFF face, as a nameless Type 3 font.
ALWAYS = "".join(chr(code) for code in range(0x20, 0x7F)) + "\u00a0\u3000"


def sc_face(collection: Path) -> TTFont:
    """The Simplified Chinese face of a Noto CJK collection (never JP, KR, TC, HK)."""
    for number, font in enumerate(TTCollection(collection).fonts):
        if font["name"].getDebugName(1) == FAMILY:
            return TTFont(collection, fontNumber=number)
    raise LookupError(f"{collection} has no '{FAMILY}' face: install Debian's fonts-noto-cjk")


def truetype_subset(collection: Path, text: str, target: Path) -> set[str]:
    """Write the SC face, cut down to text, with TrueType outlines; return the characters it lacks."""
    font = sc_face(collection)
    wanted = {char for char in text + ALWAYS if char not in "\n\r\t"}
    missing = {char for char in wanted if ord(char) not in font.getBestCmap()}
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(wanted - missing)))
    subsetter.subset(font)
    to_truetype(font)
    font.save(target)
    return missing


def to_truetype(font: TTFont, max_error: float = 1.0) -> None:
    """Replace a font's CFF outlines by quadratic TrueType ones (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\000\001\000\000"
