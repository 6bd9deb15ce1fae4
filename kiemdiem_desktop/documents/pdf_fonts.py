"""The bundled fonts as reportlab fonts that remember what they measured and split, read from the
facts reportlab's parser found in them (issue 15)."""
from __future__ import annotations

import marshal
import zlib
from pathlib import Path

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import ShapedStr, TTFNameBytes, TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject


class RememberingTTFont(TTFont):
    """A TrueType font that remembers, per PDF being written, how each text it has already drawn
    splits into subset codes (the same text always splits the same way once its characters have
    codes: the first call assigns them), and the width of each text at each size. A 500-member
    minutes draws the same names, words and figures thousands of times."""

    _WIDTHS_KEPT = 200_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._widths: dict[tuple[str, float], float] = {}

    def _init_from_face(self, name: str, face: TTFontFace) -> None:
        """TTFont.__init__ of reportlab 5.1 with the face already parsed."""
        from fnmatch import fnmatch
        from weakref import WeakKeyDictionary

        from reportlab import rl_config
        from reportlab.pdfbase.ttfonts import TTEncoding, unShapedFontGlob

        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, g) for g in unShapedFontGlob)
        self._widths = {}

    def stringWidth(self, text, size, encoding="utf8"):
        key = (text, size)
        found = self._widths.get(key)
        if found is None:
            if len(self._widths) > self._WIDTHS_KEPT:
                self._widths.clear()
            found = self._widths[key] = TTFont.stringWidth(self, text, size, encoding)
        return found

    def splitString(self, text, doc, encoding="utf-8"):
        state = self.state.get(doc)
        split = getattr(state, "_kiemdiem_split", None) if state is not None else None
        if split is not None:
            found = split.get(text)
            if found is not None:
                return found
        out = TTFont.splitString(self, text, doc, encoding)
        state = self.state[doc]
        if split is None:
            split = state._kiemdiem_split = {}
        split[text] = out
        return out


# -- the parsed font, kept beside it -------------------------------------------------------------
# reportlab parses a TrueType file in Python when a font is registered: the character map, the
# widths and the glyph positions of all ~2,600 glyphs, 13 ms of processor time for the four
# Liberation Serif faces (5.5 ms from the kept facts), paid by every process that writes a PDF. What it finds is a function of
# the file alone, so `make fonts` keeps it beside each font (LiberationSerif-*.ttf.facts, marshal)
# with the file's length and CRC-32; a font whose facts are missing or belong to other bytes is
# parsed as before. tests/documents/test_pdf_fonts.py holds the facts to a fresh parse and fails
# when a kept file is out of date.
FACTS_SUFFIX = ".facts"
_FACTS_VERSION = 1
_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")     # TTFNameBytes
_TRANSIENT = ("_ttf_data", "_pdfScale", "filename", "_pos")


def face_facts(face: TTFontFace) -> dict:
    """What reportlab 5.1's parser set on ``face``, as plain values (names as their bytes)."""
    out = {}
    for key, value in face.__dict__.items():
        if key in _TRANSIENT:
            continue
        out[key] = bytes(value) if key in _NAMES else value
    return out


def facts_bytes(ttf: Path) -> bytes:
    data = Path(ttf).read_bytes()
    face = TTFontFace(str(ttf))
    return marshal.dumps((_FACTS_VERSION, len(data), zlib.crc32(data), face_facts(face)), 4)


def write_facts(ttf: Path) -> Path:
    target = Path(str(ttf) + FACTS_SUFFIX)
    target.write_bytes(facts_bytes(ttf))
    return target


def _face_from_facts(ttf: Path) -> TTFontFace | None:
    """The face reportlab would parse from ``ttf``, from its kept facts; None when they are missing,
    unreadable or not those of these bytes."""
    try:
        kept = Path(str(ttf) + FACTS_SUFFIX).read_bytes()
        version, length, crc, facts = marshal.loads(kept)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    data = Path(ttf).read_bytes()
    if version != _FACTS_VERSION or length != len(data) or crc != zlib.crc32(data):
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(facts)
    for key in _NAMES:
        if key in facts:
            setattr(face, key, TTFNameBytes(facts[key]))
    face._ttf_data = data
    face.filename = str(ttf)
    face._pos = 0
    units = face.unitsPerEm
    if units == 1000:
        face._pdfScale = lambda x: x
    else:
        mult = 1000 / units
        face._pdfScale = lambda x: x * mult
    return face


def load_font(name: str, ttf: Path) -> "RememberingTTFont":
    """The font ``name`` from the file ``ttf``: from its kept facts when they are the file's."""
    face = _face_from_facts(ttf)
    if face is None:
        return RememberingTTFont(name, str(ttf))
    font = RememberingTTFont.__new__(RememberingTTFont)
    font._init_from_face(name, face)
    return font


# -- text drawn with fewer steps -----------------------------------------------------------------
# Every line of a paragraph and every table cell goes through PDFTextObject._formatText, which for a
# TrueType font splits the text into subset codes, escapes each piece and names the subset's PDF
# font when it changes. For one canvas (one PDF) the same text in the same font always gives the
# same pieces once its characters have codes, so a canvas keeps them (FastCanvas.text_pieces): the
# text object's ``_formatText`` below is
# reportlab 5.1's TrueType branch (pdfgen/textobject.py) with the split and the escaping looked up
# instead of redone. Anything else (a Type 1 font, shaped text) goes to reportlab's own.


class _TextObject(PDFTextObject):
    def _formatText(self, text):
        canv = self._canvas
        fontname = self._fontname
        pieces = canv.text_pieces(fontname, text)
        if pieces is None:
            return PDFTextObject._formatText(self, text)
        out = []
        tmpl = None
        for subset, piece in pieces:
            if subset != self._curSubset:
                if not tmpl:
                    tmpl = f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
                out.append(f"{canv.subset_name(fontname, subset)} {tmpl}")
                self._curSubset = subset
            out.append(piece)
        return " ".join(out)

    def code_of(self, text: str) -> str:
        """The PDF code that draws ``text`` here (what _textOut writes before its line feed)."""
        return self._formatText(text)


class FastCanvas(Canvas):
    """A canvas whose text objects reuse what they worked out for a text already drawn, and whose
    one-line strings (a table's cells: thousands in a 500-member minutes) are written in one step."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._kd_pieces: dict = {}
        self._kd_names: dict = {}
        self._kd_lines: dict = {}

    fast_text = True        # its text objects have code_of (pdf_fast draws paragraphs with it)

    def beginText(self, x=0, y=0, direction=None):
        return _TextObject(self, x, y, direction=direction)

    def text_pieces(self, fontname: str, text: str) -> tuple | None:
        """``text`` in the TrueType font ``fontname`` as (subset, "(escaped) Tj") pieces, worked out
        once per PDF; None for what reportlab's own _formatText must handle (a Type 1 font, shaped
        text)."""
        pieces = self._kd_pieces.get((fontname, text))
        if pieces is None:
            font = getFont(fontname)
            if not font._dynamicFont or isinstance(text, ShapedStr):
                return None
            pieces = self._kd_pieces[(fontname, text)] = tuple(
                (subset, f"({self._escape(t)}) Tj") for subset, t in font.splitString(text, self._doc))
        return pieces

    def subset_name(self, fontname: str, subset: int) -> str:
        """The PDF name of a subset of a TrueType font (named on first use, as reportlab names it)."""
        name = self._kd_names.get((fontname, subset))
        if name is None:
            name = self._kd_names[(fontname, subset)] = getFont(fontname).getSubsetInternalName(subset, self._doc)
        return name

    # reportlab 5.1's drawString / drawCentredString / drawRightString with no render mode, character or
    # word spacing, direction or shaping (without rlbidi, bidiShapedText returns the text as it is
    # and its width): a text object at (x, y) - the share of the width, one textLine, drawn. Its code
    # is "BT 1 0 0 1 x y Tm <text> T* ET", where <text> is _formatText from a fresh text object
    # (no subset chosen yet): the same for the same font, size, leading and text in one PDF.
    def _one_line(self, x, y, text, share, plain) -> bool:
        if not plain or not self.bottomup or type(text) is not str:
            return False
        key = (self._fontname, self._fontsize, self._leading, text)
        found = self._kd_lines.get(key)
        if found is None:
            if not getFont(self._fontname)._dynamicFont:
                return False
            found = self._kd_lines[key] = (_TextObject(self, 0, 0)._formatText(text),
                                           self.stringWidth(text, self._fontname, self._fontsize) if share else 0)
        code, width = found
        if share == 1:
            x = x - width
        elif share:
            x = x - 0.5 * width
        self._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {code} T* ET")
        return True

    def drawString(self, x, y, text, mode=None, charSpace=0, direction=None, wordSpace=None, shaping=False):
        plain = mode is None and not charSpace and direction is None and not wordSpace and not shaping
        if not self._one_line(x, y, text, 0, plain):
            super().drawString(x, y, text, mode, charSpace, direction, wordSpace, shaping)

    def drawCentredString(self, x, y, text, mode=None, charSpace=0, direction=None, wordSpace=None, shaping=False):
        plain = mode is None and not charSpace and direction is None and not wordSpace and not shaping
        if not self._one_line(x, y, text, 0.5, plain):
            super().drawCentredString(x, y, text, mode, charSpace, direction, wordSpace, shaping)

    def drawRightString(self, x, y, text, mode=None, charSpace=0, direction=None, wordSpace=None, shaping=False):
        plain = mode is None and not charSpace and direction is None and not wordSpace and not shaping
        if not self._one_line(x, y, text, 1, plain):
            super().drawRightString(x, y, text, mode, charSpace, direction, wordSpace, shaping)


if __name__ == "__main__":      # `make fonts`: keep the parsed facts beside each bundled font
    from .. import paths

    for ttf in sorted(paths.resource("fonts").glob("*.ttf")):
        print(write_facts(ttf))
