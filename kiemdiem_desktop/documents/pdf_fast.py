"""Cheaper reportlab pieces that lay out exactly as the Paragraphs they stand for (issue 15).

A table cell of plain text does not need a Paragraph (an HTML parse, a line breaker and a text
object per cell, thousands of them in a 500-member table): ``plain_cell`` breaks the text into
lines with reportlab's own rule for a one-font paragraph (greedy, 5 % space shrinkage, words split
on white space) and returns the lines joined by "\\n", which a Table draws line by line at the same
baselines as a Paragraph (reportlab's paraFontSizeHeightOffset: the first baseline one font size
below the top, ``leading`` apart). When the text holds anything that rule does not cover (a word
wider than the column, a line that fits only by shrinking its spaces, a non-breaking or zero-width space, a soft hyphen, a line break), it returns
None and the caller keeps the Paragraph."""
from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import getFont

# white space other than the plain space, the zero-width space and the soft hyphen: reportlab
# treats these specially (nbsp does not break, ZWSP and \xad are break points); keep a Paragraph
_SPECIAL = re.compile(r"[^\S ]|[\u200b\xad\u2028\u2029]")
_SHRINK = 0.05          # reportlab's rl_config.spaceShrinkage (ParagraphStyle default)

_widths: dict[tuple[str, float], dict[str, float]] = {}


def _word_widths(font: str, size: float) -> tuple[dict[str, float], object]:
    key = (font, size)
    cache = _widths.get(key)
    if cache is None:
        cache = _widths[key] = {}
    return cache, getFont(font)


def plain_cell(text: str, font: str, size: float, width: float) -> str | None:
    """The lines a one-font Paragraph of ``text`` would make in ``width`` points, joined by "\\n";
    None when only a Paragraph lays it out faithfully."""
    if _SPECIAL.search(text):
        return None
    words = text.split()
    if not words:
        return ""
    cache, face = _word_widths(font, size)
    space = cache.get(" ")
    if space is None:
        space = cache[" "] = face.stringWidth(" ", size)
    shrink = _SHRINK * space
    lines: list[str] = []
    line: list[str] = []
    current = -space
    for word in words:
        w = cache.get(word)
        if w is None:
            w = cache[word] = face.stringWidth(word, size)
        new = current + space + w
        if new > width + shrink * len(line):
            if w > width:
                return None          # reportlab splits a word wider than the column: its own way
            if line:
                if current > width + 1e-8 and len(line) > 1:
                    return None      # a line fitted by shrinking its spaces: drawn with word spacing
                lines.append(" ".join(line))
                line = [word]
                current = w
                continue
        line.append(word)
        current = new
    if line:
        if current > width + 1e-8 and len(line) > 1:
            return None
        lines.append(" ".join(line))
    return "\n".join(lines)
