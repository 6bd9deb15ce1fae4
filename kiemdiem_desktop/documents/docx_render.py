"""Word rendering of DocumentBlocks: Times New Roman (the PDF's Liberation Serif has its
metrics), A4 with the Party margins, the header as a borderless table. The PDF stays the record."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..store.atomic import write_atomically
from .base import Marking, nfc, vietnamese_date_line
from .blocks import DocumentBlocks, Gap, Heading, HeaderInfo, Para, Signatures, TableBlock, Title

FONT = "Times New Roman"


def _font(run, size: float = 14, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _para(cell_or_doc, text: str = "", *, size: float = 14, bold=False, italic=False, underline=False,
          align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, space_after=3):
    par = cell_or_doc.add_paragraph()
    par.alignment = align
    par.paragraph_format.space_after = Pt(space_after)
    par.paragraph_format.space_before = Pt(0)
    if indent:
        par.paragraph_format.first_line_indent = Mm(10)
    if text:
        _font(par.add_run(nfc(text)), size, bold, italic, underline)
    return par


def no_borders(table) -> None:
    """A table with no visible borders (the Party header, signature blocks)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _header(doc, h: HeaderInfo) -> None:
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(left.paragraphs[0].add_run(nfc(h.higher_org.upper())), 14)
    _para(left, h.cell_name.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    if h.number is not None:
        _para(left, f"Số {h.number}" if h.number else f"Số        -{h.number_suffix}",
              align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM"), 15, bold=True, underline=True)
    _para(right, vietnamese_date_line(h.place, h.day), italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "")


def render_docx(blocks: DocumentBlocks, target: str | Path, marking: Marking) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    doc.core_properties.title = nfc(blocks.title)
    doc.core_properties.author = "Kiểm điểm Desktop"
    if marking.text():
        _para(section.header, marking.text(), size=11, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for b in blocks.blocks:
        if isinstance(b, HeaderInfo):
            _header(doc, b)
        elif isinstance(b, Title):
            _para(doc, b.text, size=15, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
            if b.subtitle:
                _para(doc, b.subtitle, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=10)
        elif isinstance(b, Heading):
            par = _para(doc, b.text, bold=True)
            par.paragraph_format.keep_with_next = True
        elif isinstance(b, Para):
            par = _para(doc, align=WD_ALIGN_PARAGRAPH.JUSTIFY if b.indent else WD_ALIGN_PARAGRAPH.LEFT,
                        indent=b.indent)
            for text, style in b.runs:
                _font(par.add_run(nfc(text)), 14, "b" in style, "i" in style)
        elif isinstance(b, TableBlock):
            table = doc.add_table(rows=1 + len(b.rows), cols=len(b.header))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for i, h in enumerate(b.header):
                cell = table.rows[0].cells[i]
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(cell.paragraphs[0].add_run(nfc(h)), b.font_size - 0.5, bold=True)
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            tr_pr.append(repeat)
            for r, row in enumerate(b.rows, 1):
                for c, text in enumerate(row):
                    cell = table.rows[r].cells[c]
                    cell.paragraphs[0].alignment = (WD_ALIGN_PARAGRAPH.LEFT if c in b.left_columns
                                                    else WD_ALIGN_PARAGRAPH.CENTER)
                    _font(cell.paragraphs[0].add_run(nfc(text)), b.font_size, bold=c in b.bold_columns)
            _para(doc, "")
        elif isinstance(b, Signatures):
            table = doc.add_table(rows=1, cols=2)
            no_borders(table)
            for cell, title, name in ((table.rows[0].cells[0], b.left_title, b.left_name),
                                      (table.rows[0].cells[1], b.right_title, b.right_name)):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(cell.paragraphs[0].add_run(nfc(title)), 14, bold=True)
                for _ in range(4):
                    _para(cell, "", align=WD_ALIGN_PARAGRAPH.CENTER)
                _para(cell, name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif isinstance(b, Gap):
            _para(doc, "")
    return write_atomically(target, lambda tmp: doc.save(str(tmp)))
