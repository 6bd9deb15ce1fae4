"""What every document shares: the bundled Liberation Serif (Times metrics) embedded in
the PDF, the Party document layout of HD 36-HD/VPTW (A4, margins 20/20/30/15 mm, page
numbers centred in the top margin from page 2), the header block, styles built once, NFC
text, "DỰ THẢO" before the adoption vote and the revision number after the lock.
Documents are Vietnamese and never translated.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from .. import paths
from . import pdf_fast
from .pdf_fonts import FastCanvas, load_font
from ..store.atomic import write_atomically
from .text import (  # noqa: F401 (the renderer-free facts, importable from here as before)
    HeaderInfo, Marking, date_vn, date_words, nfc, time_words, vietnamese_date_line,
)

FONT = "LiberationSerif"
PAGE_W, PAGE_H = A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
BODY_SIZE = 14
TEXT_WIDTH = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT


@lru_cache(maxsize=1)
def register_fonts() -> str:
    folder = paths.resource("fonts")
    for suffix, name in (("Regular", FONT), ("Bold", FONT + "-Bold"), ("Italic", FONT + "-Italic"),
                         ("BoldItalic", FONT + "-BoldItalic")):
        pdfmetrics.registerFont(load_font(name, folder / f"LiberationSerif-{suffix}.ttf"))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT + "-Bold", italic=FONT + "-Italic",
                                  boldItalic=FONT + "-BoldItalic")
    return FONT


def escape(text: str) -> str:
    """&, < and > as XML entities (xml.sax.saxutils.escape, which imports urllib.request)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def x(text: str) -> str:
    """Text for a Paragraph: NFC (reportlab does no shaping) and XML-escaped, lines kept."""
    return escape(nfc(text)).replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_left: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_bold: ParagraphStyle
    header_left: ParagraphStyle
    header_right: ParagraphStyle
    signature: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.3,
                          alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=3)
    return Styles(
        body=base,
        body_left=ParagraphStyle("body_left", parent=base, alignment=TA_LEFT, firstLineIndent=0),
        small=ParagraphStyle("small", parent=base, fontSize=12, leading=15, firstLineIndent=0, alignment=TA_LEFT),
        title=ParagraphStyle("title", parent=base, fontName=FONT + "-Bold", fontSize=15, leading=19,
                             alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0),
        subtitle=ParagraphStyle("subtitle", parent=base, fontName=FONT + "-Bold", fontSize=14, leading=18,
                                alignment=TA_CENTER, firstLineIndent=0, spaceAfter=10),
        heading=ParagraphStyle("heading", parent=base, fontName=FONT + "-Bold", alignment=TA_LEFT,
                               firstLineIndent=0, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        cell=ParagraphStyle("cell", parent=base, fontSize=12, leading=14.5, alignment=TA_LEFT, firstLineIndent=0,
                            spaceAfter=0),
        cell_center=ParagraphStyle("cell_center", parent=base, fontSize=12, leading=14.5, alignment=TA_CENTER,
                                   firstLineIndent=0, spaceAfter=0),
        cell_bold=ParagraphStyle("cell_bold", parent=base, fontName=FONT + "-Bold", fontSize=12, leading=14.5,
                                 alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0),
        header_left=ParagraphStyle("header_left", parent=base, fontSize=14, leading=17, alignment=TA_CENTER,
                                   firstLineIndent=0, spaceAfter=0),
        header_right=ParagraphStyle("header_right", parent=base, fontSize=14, leading=17, alignment=TA_CENTER,
                                    firstLineIndent=0, spaceAfter=0),
        signature=ParagraphStyle("signature", parent=base, fontName=FONT + "-Bold", alignment=TA_CENTER,
                                 firstLineIndent=0),
    )


def p(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(x(text), style or styles().body)


def markup(html: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph whose caller already escaped the text (for <b>, <i>, <u>)."""
    return Paragraph(nfc(html), style or styles().body)


def header_block(h: HeaderInfo) -> Table:
    """The Party header: left the organisation, right the Party's name and the place and date."""
    s = styles()
    number = f"Số {h.number}" if h.number else f"Số&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;-{h.number_suffix}"
    left = [markup(x(h.higher_org.upper()), s.header_left),
            markup(f"<b>{x(h.cell_name.upper())}</b>", s.header_left),
            markup("*", s.header_left)]
    if h.number is not None:
        left.append(markup(x(number) if h.number else number, s.header_left))
    right = [markup("<b><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></b>", ParagraphStyle("party", parent=s.header_right,
                                                                       fontSize=15, leading=18)),
             Spacer(1, 4),
             markup(f"<i>{x(vietnamese_date_line(h.place, h.day))}</i>", s.header_right)]
    t = Table([[left, right]], colWidths=[TEXT_WIDTH * 0.42, TEXT_WIDTH * 0.58])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return t


CELL_PADDING = 3     # left and right, points


def grid(rows: list[list], widths: list[float], header_rows: int = 1, align_center: Iterable[int] = (),
         extra: Iterable[tuple] = ()) -> Table:
    """A bordered table whose header repeats on every page and whose rows never split oddly;
    ``extra``: more TableStyle commands (fonts and alignment of plain-string cells)."""
    t = Table(rows, colWidths=widths, repeatRows=header_rows, splitByRow=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for col in align_center:
        style.append(("ALIGN", (col, 0), (col, -1), "CENTER"))
    style.extend(extra)
    t.setStyle(TableStyle(style))
    return t


def signature_block(left_title: str, left_name: str, right_title: str, right_name: str) -> Table:
    s = styles()
    row = [[markup(f"<b>{x(left_title)}</b>", s.signature), Spacer(1, 22 * mm), markup(f"<b>{x(left_name)}</b>",
                                                                                      s.signature)],
           [markup(f"<b>{x(right_title)}</b>", s.signature), Spacer(1, 22 * mm),
            markup(f"<b>{x(right_name)}</b>", s.signature)]]
    t = Table([row], colWidths=[TEXT_WIDTH / 2, TEXT_WIDTH / 2])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


_ATOMIC = frozenset((int, float, str, bool, type(None)))


class _Frame(Frame):
    """A Frame whose deep copy is made without copy.deepcopy's walk when it holds only numbers,
    strings, None and lists of those (deepcopy returns such values as they are and copies such
    lists item for item): platypus deep-copies the frame each time it measures a group of flowables
    kept together (a heading and its first paragraph: about a thousand in a 500-member minutes)."""

    def __deepcopy__(self, memo):
        import copy

        new = self.__class__.__new__(self.__class__)
        memo[id(self)] = new
        state = {}
        for key, value in self.__dict__.items():
            if type(value) in _ATOMIC:
                state[key] = value
            elif type(value) is list and all(type(v) in _ATOMIC for v in value):
                state[key] = list(value)
            else:
                state = copy.deepcopy(self.__dict__, memo)
                break
        new.__dict__.update(state)
        return new


def build_pdf(target: str | Path, story: list, *, title: str, marking: Marking = Marking(),
              author: str = "Kiểm điểm Desktop", page_numbers: bool = True) -> Path:
    """Lay out the story on A4 with the Party margins and write the PDF atomically (without page
    numbers when ``page_numbers`` is False: sheets cut apart)."""
    register_fonts()

    def decorate(canvas, doc, first: bool) -> None:
        canvas.saveState()
        if not first and page_numbers:
            canvas.setFont(FONT, 13)
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN_TOP / 2 - 2, str(doc.page))
        label = nfc(marking.text())
        if label:   # at the foot, never above the Party header
            canvas.setFont(FONT + ("-Bold" if marking.draft else "-Italic"), 11)
            canvas.drawCentredString(MARGIN_LEFT + TEXT_WIDTH / 2, MARGIN_BOTTOM / 2 - 2, label)
        canvas.restoreState()

    def produce(tmp: Path) -> None:
        doc = BaseDocTemplate(str(tmp), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                              topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=nfc(title),
                              author=author, creator="Kiểm điểm Desktop", lang="vi-VN")
        frame = (_Frame if pdf_fast.EXACT else Frame)(
            MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        doc.addPageTemplates([
            PageTemplate("first", [frame], onPage=lambda c, d: decorate(c, d, True), autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=lambda c, d: decorate(c, d, False)),
        ])
        doc.build(story, canvasmaker=FastCanvas if pdf_fast.EXACT else Canvas)

    return write_atomically(target, produce)
