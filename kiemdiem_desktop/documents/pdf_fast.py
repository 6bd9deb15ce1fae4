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
from reportlab.platypus import Paragraph

# white space other than the plain space, the zero-width space and the soft hyphen: reportlab
# treats these specially (nbsp does not break, ZWSP and \xad are break points); keep a Paragraph
_SPECIAL = re.compile(r"[^\S ]|[\u200b\xad\u2028\u2029]")
FAST = True            # False: every cell and paragraph through the Paragraph parser (tests compare)
# The fast paths whose PDF is byte for byte reportlab's own (the line breaker for several runs, the
# frame copy, the canvas that remembers its text pieces): False turns them off (tests compare).
EXACT = True
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
    None when only a Paragraph lays it out faithfully. A line break in ``text`` (a <br/> in the cell's
    Paragraph, base.x) starts a new line: each part is laid out on its own."""
    if not FAST:
        return None
    if "\n" in text:
        parts = [plain_cell(part, font, size, width) for part in text.split("\n")]
        return None if None in parts else "\n".join(parts)
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


# -- paragraphs without the HTML parser --------------------------------------------------------------
# markup() sends "<b>…</b>" strings through reportlab's ParaParser (html.parser underneath), which
# costs more than laying the paragraph out. The fragments it makes for our runs are simple: one per
# stretch of text between tags, one per escaped character (&, <, >), white space collapsed over the
# whole text and stripped at its ends. fast_paragraph builds the same fragments from a template the
# parser made once per style; tests/documents/test_pdf_fast.py holds it to the parser's output.
_TEMPLATES: dict[tuple[int, str], tuple[object, object]] = {}
_ENTITY = re.compile(r"([&<>])")
_SPACES = re.compile(r" {2,}")


def _template(style, kind: str):
    key = (id(style), kind)
    found = _TEMPLATES.get(key)
    if found is None or found[0] is not style:
        text = "X"
        if "b" in kind:
            text = f"<b>{text}</b>"
        if "i" in kind:
            text = f"<i>{text}</i>"
        found = _TEMPLATES[key] = (style, Paragraph(text, style).frags[0])     # base.markup of it
    return found[1]


def fast_frags(runs, style) -> list | None:
    """The fragments reportlab's parser makes of ``runs`` [(text, "" | "b" | "i" | "bi")] in
    ``style``; None when the text holds what only the parser handles alike (a line break, special
    white space, an empty styled run)."""
    from .text import nfc

    if not FAST:
        return None
    pieces: list[list] = []
    for text, kind in runs:
        if not text:
            if kind:
                return None
            continue
        if _SPECIAL.search(text):
            return None
        if not kind and pieces and not pieces[-1][1]:
            pieces[-1][0] += text            # plain runs are one stretch of text between tags
        else:
            pieces.append([text, kind])
    if pieces and not pieces[0][1]:
        pieces[0][0] = pieces[0][0].lstrip(" ")
    if pieces and not pieces[-1][1]:
        pieces[-1][0] = pieces[-1][0].rstrip(" ")
    frags: list = []
    underlines: list = []
    links: list = []
    for text, kind in pieces:
        text = _SPACES.sub(" ", nfc(text))
        if _SPECIAL.search(text):        # NFC never makes white space, but be sure
            return None
        template = _template(style, kind)
        for chunk in (_ENTITY.split(text) if ("&" in text or "<" in text or ">" in text) else (text,)):
            if chunk:
                frags.append(template.clone(text=chunk, us_lines=underlines, link=links))
    return frags


class _Paragraph(Paragraph):
    """A Paragraph that remembers its last wrap (platypus wraps a paragraph kept with the next one
    twice at the same width: once inside the KeepTogether, once in the frame), and breaks a
    one-font paragraph into lines with word widths looked up once per document rather than
    measured for every word of every wrap (_simple_lines: reportlab's own rule for that case)."""

    _wrapped = None

    def wrap(self, availWidth, availHeight):
        w = self._wrapped
        if w is not None and w[0] == availWidth and getattr(self, "blPara", None) is w[1]:
            self.width, self.height, self._wrapWidths = availWidth, w[2], w[3]
            return availWidth, w[2]
        out = Paragraph.wrap(self, availWidth, availHeight)
        self._wrapped = (availWidth, self.blPara, self.height, self._wrapWidths)
        return out

    def drawPara(self, debug=0):
        if debug or not EXACT or not _plain_drawing(self):
            return Paragraph.drawPara(self, debug)
        _draw_plain(self)

    def breakLines(self, width):
        found = None
        if FAST and len(self.frags) == 1:
            found = _simple_lines(self, width)
        elif EXACT:
            found = _mixed_lines(self, width)
        return found if found is not None else Paragraph.breakLines(self, width)


def _simple_lines(para, width):
    """reportlab's Paragraph.breakLines for one fragment of plain text in a plain style (kind 0):
    greedy, spaces shrinking by 5 % at most; None for anything else (bullets, hyphenation, right to
    left, shaping, soft hyphens, non-breaking spaces, a word wider than the line) — the caller then
    runs reportlab's own."""
    frags = para.frags
    style = para.style
    if (len(frags) != 1 or para.bulletText or style.endDots or style.wordWrap or style.shaping
            or getattr(style, "hyphenationLang", "") or style.uriWasteReduce or style.embeddedHyphenation
            or not style.splitLongWords):
        return None
    f = frags[0]
    if not hasattr(f, "text") or hasattr(f, "cbDefn") or hasattr(f, "backColor"):
        return None
    text = f.text
    if _SPECIAL.search(text):
        return None
    widths = list(width) if isinstance(width, (tuple, list)) else [width]
    font_name, size = f.fontName, f.fontSize
    from reportlab.pdfbase.pdfmetrics import getAscentDescent

    ascent, descent = getAscentDescent(font_name, size)
    words = text.split()
    if not words:
        return f.clone(kind=0, lines=[], ascent=ascent, descent=descent, fontSize=size)
    cache, face = _word_widths(font_name, size)
    space = cache.get(" ")
    if space is None:
        space = cache[" "] = face.stringWidth(" ", size)
    shrink = style.spaceShrinkage * space
    last = len(widths) - 1
    lineno = 0
    max_width = widths[0]
    lines: list = []
    line: list = []
    current = -space
    width_max = 0
    for word in words:
        w = cache.get(word)
        if w is None:
            w = cache[word] = face.stringWidth(word, size)
        new = current + space + w
        if new > max_width + shrink * len(line):
            if w > widths[min(lineno, last)]:
                return None                 # reportlab splits a long word its own way
            if line:
                if current > width_max:
                    width_max = current
                lines.append((max_width - current, line))
                line = [word]
                current = w
                lineno += 1
                max_width = widths[min(last, lineno)]
                continue
        line.append(word)
        current = new
    if current > width_max:
        width_max = current
    lines.append((max_width - current, line))
    para._width_max = width_max
    para._splitLongWordCount = para._hyphenations = 0
    return f.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)


def fast_paragraph(runs, style):
    """A Paragraph of ``runs`` laid out exactly as markup() of the same runs, without the parse."""
    frags = fast_frags(runs, style)
    if frags is None:
        return None
    return _Paragraph("".join(f.text for f in frags), style, frags=frags)


# -- paragraphs of several runs (bold names, italic times) -------------------------------------------
# reportlab's breakLines for more than one fragment (kind 1) spends most of its time asking
# sameFrag (a C function that raises and swallows AttributeError for each attribute a fragment
# lacks) and measuring the space of every fragment of the line again for each word. For the
# fragments fast_frags makes (text only, one size, colour and rise, the same underline and link
# lists) two fragments are the "same" exactly when their fonts are; space widths and ascents are
# looked up once. Everything else is reportlab 5.1's loop (paragraph.py, Paragraph.breakLines,
# the `else` branch for nFrags > 1) with the branches that cannot occur here left out: no line
# break fragments, images, soft hyphens, hyphenation or split words (a word wider than its line
# returns None: reportlab splits it its own way). tests/documents/test_pdf_fast.py compares the
# result, attribute by attribute, with reportlab's own.
_SAME_KEYS = ("fontSize", "textColor", "rise", "us_lines", "link")
_NOT_PLAIN = ("cbDefn", "lineBreak", "backColor", "nobr", "_fkind")


def _mixed_lines(para, width):
    from reportlab.pdfbase.pdfmetrics import getAscentDescent
    from reportlab.platypus.paragraph import FragLine, ParaLines, _HSFrag

    frags = para.frags
    style = para.style
    if (len(frags) < 2 or para.bulletText or style.endDots or style.wordWrap or style.shaping
            or getattr(style, "hyphenationLang", "") or style.uriWasteReduce or style.embeddedHyphenation
            or not style.splitLongWords or getattr(para, "autoLeading", getattr(style, "autoLeading", ""))
            not in ("", "off")):
        return None
    f0 = frags[0]
    if isinstance(f0, list):
        return None                           # already broken once (a split): reportlab's own
    first = [getattr(f0, k, None) for k in _SAME_KEYS]
    for f in frags:
        d = f.__dict__
        if not d.get("text") or any(k in d for k in _NOT_PLAIN) or [d.get(k) for k in _SAME_KEYS] != first:
            return None
        if _SPECIAL.search(f.text):
            return None
    maxWidths = list(width) if isinstance(width, (tuple, list)) else [width]
    maxlineno = len(maxWidths) - 1
    maxWidth = maxWidths[0]
    _words = _frag_words(frags)
    # One size for every fragment (checked above): reportlab's maxSize is that size, and its
    # stringWidth(" ", font, size) and getAscentDescent(font, size) depend on the font alone. Every
    # fragment of a line is text (no empty, image or line-break fragment: checked above), so its
    # tests of _fkind always hold and the last text fragment of a line is the line's last fragment.
    size = f0.fontSize
    space = {}
    bound = {}
    for f in frags:
        name = f.fontName
        if name not in space:
            space[name] = getFont(name).stringWidth(" ", size)
            bound[name] = getAscentDescent(name, size)
    spaceShrinkage = style.spaceShrinkage
    lines: list = []
    FW: list = []
    words: list = []
    lineno = 0
    width_max = 0
    sFW = 0
    n = spaceWidth = currentWidth = 0
    maxAscent = minDescent = 0
    g = None
    for w in _words:
        FW.append(w)
        fontName = w[-1][0].fontName
        if not words:
            n = spaceWidth = currentWidth = 0
            maxAscent, minDescent = bound[fontName]
        wordWidth = w[0]
        f = w[1][0]
        newWidth = currentWidth + spaceWidth + wordWidth if wordWidth > 0 else currentWidth
        limWidth = maxWidth
        if spaceShrinkage:
            spaceShrink = spaceWidth
            for wi in words:
                ns = wi.text.count(" ")
                if ns:
                    spaceShrink += ns * space[wi.fontName]
            spaceShrink *= spaceShrinkage
            limWidth += spaceShrink
        if newWidth > limWidth:
            nmw = min(lineno, maxlineno)
            if wordWidth > max(maxWidths[nmw:nmw + 1]):
                return None                   # reportlab splits a long word its own way
        if not (newWidth > limWidth and n > 0):
            nText = w[1][1]
            if nText:
                n += 1
            ascent, descent = bound[f.fontName]
            if ascent > maxAscent:
                maxAscent = ascent
            if descent < minDescent:
                minDescent = descent
            if not words:
                g = f.clone()
                words = [g]
                g.text = nText
            elif g.fontName != f.fontName:    # sameFrag for these fragments
                if spaceWidth:
                    wi = words[-1]
                    if not wi.text.endswith(" "):
                        wi.text += " "
                g = f.clone()
                words.append(g)
                g.text = nText
            elif spaceWidth:
                if not g.text.endswith(" "):
                    g.text += " " + nText
                else:
                    g.text += nText
            else:
                g.text += nText
            spaceWidth = space[fontName] if isinstance(w, _HSFrag) else 0
            ni = 0
            for i in w[2:]:
                g = i[0].clone()
                g.text = i[1]
                if g.text:
                    ni = 1
                words.append(g)
                ascent, descent = bound[g.fontName]
                if ascent > maxAscent:
                    maxAscent = ascent
                if descent < minDescent:
                    minDescent = descent
            if not nText and ni:
                n += 1
            currentWidth = newWidth
        else:
            if currentWidth > width_max:
                width_max = currentWidth
            lines.append(FragLine(extraSpace=maxWidth - currentWidth, wordCount=n, lineBreak=False, words=words,
                                  fontSize=size, ascent=maxAscent, descent=minDescent, maxWidth=maxWidth,
                                  sFW=sFW))
            sFW = len(FW) - 1
            lineno += 1
            maxWidth = maxWidths[min(maxlineno, lineno)]
            spaceWidth = space[fontName] if isinstance(w, _HSFrag) else 0
            currentWidth = wordWidth
            n = 1
            g = f.clone()
            maxAscent, minDescent = bound[g.fontName]
            words = [g]
            g.text = w[1][1]
            for i in w[2:]:
                g = i[0].clone()
                g.text = i[1]
                words.append(g)
                ascent, descent = bound[g.fontName]
                if ascent > maxAscent:
                    maxAscent = ascent
                if descent < minDescent:
                    minDescent = descent
    if words:
        if currentWidth > width_max:
            width_max = currentWidth
        lines.append(FragLine(extraSpace=(maxWidth - currentWidth), wordCount=n, lineBreak=False, words=words,
                              fontSize=size, ascent=maxAscent, descent=minDescent, maxWidth=maxWidth, sFW=sFW))
    para.height = 0
    para._width_max = width_max
    para._splitLongWordCount = para._hyphenations = 0
    para.frags = FW
    return ParaLines(kind=1, lines=lines)


def _frag_words(frags) -> list:
    """reportlab 5.1's _getFragWords (paragraph.py) for fragments of text whose only white space is
    the plain space (what _mixed_lines lets through: no soft hyphen, no special space, none empty):
    the words as [width, (fragment, text), ...], a word followed by a space as an _HSFrag; widths
    summed piece by piece in the same order. tests/documents/test_pdf_fast.py compares it with
    reportlab's own."""
    from reportlab.platypus.paragraph import _FK_TEXT, _HSFrag

    R: list = []
    W: list = []
    n = 0
    hangingSpace = False
    hangingStrip = True
    widths: dict = {}
    for f in frags:
        text = f.text
        if text == "":
            continue
        f._fkind = _FK_TEXT
        if hangingStrip:
            text = text.lstrip(" ")
            if not text:
                continue
            hangingStrip = False
        measure = widths.get(f.fontName)
        if measure is None:
            measure = widths[f.fontName] = getFont(f.fontName).stringWidth
        size = f.fontSize
        S = text.split()
        if text[0] == " " or not S:
            if W:
                W.insert(0, n)
                R.append(W)
                whs = hangingSpace
                W = []
                hangingSpace = False
                n = 0
            else:
                whs = R and isinstance(R[-1], _HSFrag)
            if not whs:
                S.insert(0, "")
            elif not S:
                continue
        for w in S[:-1]:
            W.append((f, w))
            n += measure(w, size)
            W.insert(0, n)
            R.append(_HSFrag(W))
            W = []
            n = 0
        hangingSpace = False
        w = S[-1]
        W.append((f, w))
        n += measure(w, size)
        if text[-1] == " ":
            W.insert(0, n)
            R.append(_HSFrag(W))
            W = []
            n = 0
    if W:
        W.insert(0, n)
        R.append(W)
    if not R and frags:
        f = frags[0]
        f._fkind = _FK_TEXT
        R = [[0, (f, "")]]
    return R


# -- drawing without the general machinery ------------------------------------------------------------
# Paragraph.drawPara draws each line through a function per alignment and, for several runs,
# _putFragLine, which tracks underlines, links, background colours, rises, images and dots. For our
# paragraphs (left or justified, no bullet, border, background, underline, link, rise or image) what
# reaches the PDF is: the fill colour (one run) or each run's font and colour when they change, the
# word spacing of a justified line, the text, the first line's indent as a cursor move. _draw_plain
# writes exactly that, with the same text-object calls and strings as reportlab 5.1 (paragraph.py:
# drawPara, _leftDrawParaLine, _justifyDrawParaLine, their "X" versions, _putFragLine); anything else
# goes to drawPara. The minutes are byte for byte the same (tests/documents/test_pdf_fast.py).
def _plain_drawing(para) -> bool:
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT

    style = para.style
    if (para.bulletText or style.backColor
            or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
            or style.alignment not in (TA_LEFT, TA_JUSTIFY) or style.wordWrap or style.justifyLastLine
            or style.endDots or getattr(para, "_JustifyLast", False) or hasattr(para, "_offsets")
            or getattr(para, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off")):
        return False
    bl = getattr(para, "blPara", None)
    if bl is None or not getattr(para.canv, "fast_text", False):
        return False            # drawn on another canvas than FastCanvas: reportlab's own drawPara
    if bl.kind == 0:
        return not (getattr(bl, "us_lines", None) or getattr(bl, "link", None))
    for line in bl.lines:
        if getattr(line, "lineBreak", False) or not line.words:
            return False
        for w in line.words:
            d = w.__dict__
            if ("cbDefn" in d or d.get("backColor") or d.get("us_lines") or d.get("link") or d.get("rise")
                    or d.get("_fkind") != 0 or "text" not in d):
                return False
    return True


def _draw_plain(para) -> None:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.rl_accel import fp_str
    from reportlab.platypus import paragraph as rl

    style = para.style
    bl = para.blPara
    lines = bl.lines
    n_lines = len(lines)
    if n_lines <= 0:
        return
    canvas = para.canv
    leading = style.leading
    justify = style.alignment == TA_JUSTIFY
    canvas.saveState()
    offset = style.firstLineIndent + 0
    lim = n_lines - 1
    first = bl if bl.kind == 0 else lines[0]
    cur_y = (para.height - first.fontSize if rl.paraFontSizeHeightOffset
             else para.height - getattr(first, "ascent", first.fontSize))
    if bl.kind == 0:
        canvas.setFillColor(bl.textColor)
        tx = para.beginText(style.leftIndent, cur_y)
        tx.preformatted = False
        tx.direction = None
        tx.setFont(bl.fontName, bl.fontSize, leading)
        code = tx._code
        fmt = tx.code_of
        for i in range(n_lines):
            extraspace, words = lines[i]
            last = i == lim
            off = offset if i == 0 else 0
            moved = off > 1e-6 or off < -1e-6
            if moved:
                tx.setXPos(off)
            text = " ".join(words)
            simple = ((-1e-8 < extraspace <= 1e-8) or (last and extraspace > -1e-8)) if justify else extraspace > -1e-8
            if not simple:
                n_spaces = len(words) + text.count("\xa0") - 1
                simple = n_spaces <= 0
            if simple:
                code.append(fmt(text) + " T*")
            else:
                ws = extraspace / float(n_spaces)
                tx._wordSpace = ws
                code.append("%s Tw" % fp_str(ws))
                code.append(fmt(text) + " T*")
                tx._wordSpace = 0
                code.append("0 Tw")
            if moved:
                tx.setXPos(-off)
    else:
        tx = para.beginText(style.leftIndent, cur_y)
        tx.preformatted = False
        rl._setTXLineProps(tx, canvas, style)
        tx.direction = None
        tx._leading = None
        tx._olb = None
        tx._fontname, tx._fontsize = None, None
        colour = None
        code = tx._code
        fmt = tx.code_of
        for i in range(n_lines):
            line = lines[i]
            last = i == lim
            off = offset if i == 0 else 0
            tx._x_offset = off
            moved = off > 1e-6 or off < -1e-6
            if moved:
                tx.setXPos(off)
            extra = line.extraSpace
            simple = ((-1e-8 < extra <= 1e-8) or (last and extra > -1e-8)) if justify else extra > -1e-8
            words = line.words
            if not simple:
                n_spaces = line.wordCount + sum(w.text.count("\xa0") for w in words) - 1
                simple = n_spaces <= 0
            if not simple:
                ws = extra / float(n_spaces)
                tx._wordSpace = ws
                code.append("%s Tw" % fp_str(ws))
            if tx._leading != leading:
                tx.setLeading(leading)
            end = words[-1]
            for w in words:
                if (tx._fontname, tx._fontsize) != (w.fontName, w.fontSize):
                    tx._setFont(w.fontName, w.fontSize)
                if colour != w.textColor:
                    colour = w.textColor
                    tx.setFillColor(colour)
                code.append(fmt(w.text) + (" T*" if w is end else ""))
            if not simple:
                tx._wordSpace = 0
                code.append("0 Tw")
            if moved:
                tx.setXPos(-off)
    canvas.drawText(tx)
    canvas.restoreState()
