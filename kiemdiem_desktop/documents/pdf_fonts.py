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
