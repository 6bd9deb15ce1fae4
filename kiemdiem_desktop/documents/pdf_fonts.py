"""The bundled fonts as reportlab fonts that remember what they measured and split (issue 15)."""
from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont


class RememberingTTFont(TTFont):
    """A TrueType font that remembers, per PDF being written, how each text it has already drawn
    splits into subset codes (the same text always splits the same way once its characters have
    codes: the first call assigns them), and the width of each text at each size. A 500-member
    minutes draws the same names, words and figures thousands of times."""

    _WIDTHS_KEPT = 200_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._widths: dict[tuple[str, float], float] = {}

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


# -- text drawn with fewer steps -----------------------------------------------------------------
# Every line of a paragraph and every table cell goes through PDFTextObject._formatText, which for a
# TrueType font splits the text into subset codes, escapes each piece and names the subset's PDF
# font when it changes. For one canvas (one PDF) the same text in the same font always gives the
# same pieces once its characters have codes, so a canvas keeps them: ``_formatText`` below is
# reportlab 5.1's TrueType branch (pdfgen/textobject.py) with the split and the escaping looked up
# instead of redone. Anything else (a Type 1 font, shaped text) goes to reportlab's own.
from reportlab.lib.rl_accel import fp_str  # noqa: E402
from reportlab.pdfbase.pdfmetrics import getFont  # noqa: E402
from reportlab.pdfbase.ttfonts import ShapedStr  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.pdfgen.textobject import PDFTextObject  # noqa: E402


class _TextObject(PDFTextObject):
    def _formatText(self, text):
        canv = self._canvas
        fontname = self._fontname
        pieces = canv._kd_pieces.get((fontname, text))
        if pieces is None:
            font = getFont(fontname)
            if not font._dynamicFont or isinstance(text, ShapedStr):
                return PDFTextObject._formatText(self, text)
            escape = canv._escape
            pieces = canv._kd_pieces[(fontname, text)] = tuple(
                (subset, f"({escape(t)}) Tj") for subset, t in font.splitString(text, canv._doc))
        out = []
        tmpl = None
        names = canv._kd_names
        for subset, piece in pieces:
            if subset != self._curSubset:
                if not tmpl:
                    tmpl = f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
                name = names.get((fontname, subset))
                if name is None:
                    name = names[(fontname, subset)] = getFont(fontname).getSubsetInternalName(subset, canv._doc)
                out.append(f"{name} {tmpl}")
                self._curSubset = subset
            out.append(piece)
        return " ".join(out)


class FastCanvas(Canvas):
    """A canvas whose text objects reuse what they worked out for a text already drawn."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._kd_pieces: dict = {}
        self._kd_names: dict = {}

    def beginText(self, x=0, y=0, direction=None):
        return _TextObject(self, x, y, direction=direction)
