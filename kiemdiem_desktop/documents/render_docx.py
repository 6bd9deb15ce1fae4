"""The one Word renderer of DocumentBlocks (content.py): Times New Roman (the PDF's Liberation Serif has its
metrics), A4 with the Party margins, the header as a borderless table. The PDF stays the record.

Real paragraph styles (Title, Subtitle, Heading 1/2, Body Text, "Dòng liệt kê", "Chữ trong bảng"),
proofing language vi-VN in the document defaults and every style (Word underlines nothing),
line spacing 1.3 as the PDF's leading, page numbers as PAGE fields centred in the top margin from
page 2, the DỰ THẢO / revision line in the footer of every page, table columns as wide as the PDF's."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..store.atomic import write_atomically
from . import docx_fast
from .text import HeaderInfo, Marking, nfc, vietnamese_date_line
from .content import TITLE_RULE, DocumentBlocks, Gap, Heading, Para, Signatures, TableBlock, Title
from .content import Cell, Cue, Note, RichTable, SignOff

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
LINE_SPACING = 1.3          # the PDF's leading / font size
TEXT_WIDTH_MM = 165         # A4 210 - 30 - 15

BODY, LIST, TABLE_TEXT, TABLE_HEAD = "Body Text", "Dòng liệt kê", "Chữ trong bảng", "Tiêu đề cột"


def fonts_and_language(rpr) -> None:
    """Times New Roman for every script (no theme fonts) and the proofing language vi-VN."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANGUAGE)


def _font(run, size: float | None = None, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    """Only what differs from the paragraph's style: the font and the language vi-VN come from the
    document defaults and every style (vietnamese_defaults), not from each of thousands of runs."""
    if size is not None:
        run.font.size = Pt(size)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if underline:
        run.underline = True


def style_id(doc_or_par, name: str) -> str:
    """A paragraph style's id by name, looked up once per document: python-docx's own
    ``paragraph.style = name`` scans every style of the document each time (most of the time of a
    500-member minutes)."""
    part = doc_or_par.part
    ids = part.__dict__.setdefault("_kiemdiem_style_ids", {})
    if name not in ids:
        ids[name] = part.styles[name].style_id
    return ids[name]


def set_style(par, name: str) -> None:
    par._p.style = style_id(par, name)


def _para(cell_or_doc, text: str = "", *, size: float | None = None, bold=False, italic=False, underline=False,
          align=None, indent=False, space_after=None, style: str | None = None):
    par = cell_or_doc.add_paragraph()
    if style is not None:
        set_style(par, style)
    if align is not None:
        par.alignment = align
    if space_after is not None:
        par.paragraph_format.space_after = Pt(space_after)
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


def vietnamese_defaults(doc) -> None:
    """The document defaults and Normal: Times New Roman, proofing language vi-VN."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    fonts_and_language(rpr)
    for st in doc.styles:
        if st.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            fonts_and_language(st.element.get_or_add_rPr())
    doc.core_properties.language = LANGUAGE


def _styles(doc) -> None:
    """Document defaults and the styles every block uses."""
    vietnamese_defaults(doc)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    fonts_and_language(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    pf.line_spacing = LINE_SPACING
    pf.space_before, pf.space_after = Pt(0), Pt(3)

    def style(name: str, *, base: str = "Normal", size: float = 14, bold: bool = False, italic: bool = False,
              align=None, indent: bool = False, keep: bool = False, space_before: float = 0, space_after: float = 3,
              spacing: float = LINE_SPACING):
        try:
            st = doc.styles[name]
        except KeyError:
            st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = doc.styles[base] if base != name else None
        st.font.name, st.font.size, st.font.bold, st.font.italic = FONT, Pt(size), bold, italic
        st.font.color.rgb = RGBColor(0, 0, 0)
        fonts_and_language(st.element.get_or_add_rPr())
        f = st.paragraph_format
        if align is not None:
            f.alignment = align
        f.first_line_indent = Mm(10) if indent else Mm(0)
        f.keep_with_next = keep
        f.space_before, f.space_after = Pt(space_before), Pt(space_after)
        f.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        f.line_spacing = spacing
        st.quick_style = True
        return st

    style("Title", size=15, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, keep=True, space_after=0)
    style("Subtitle", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, keep=True, space_after=0)
    style("Heading 1", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, keep=True, space_before=6)
    style("Heading 2", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, keep=True, space_before=4)
    style(BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
    style(LIST, align=WD_ALIGN_PARAGRAPH.LEFT)
    style(TABLE_TEXT, size=11, space_after=0, spacing=1.0)
    style(TABLE_HEAD, size=10.5, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0, spacing=1.0)
    for name in ("Heading 1", "Heading 2", "Title", "Subtitle"):
        st = doc.styles[name]
        ppr = st.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):     # the default Title has a coloured rule under it
            ppr.remove(border)
        rpr = st.element.get_or_add_rPr()
        for tag in ("w:spacing", "w:kern", "w:color"):  # and spread letters: the Party's titles are plain
            for el in rpr.findall(qn(tag)):
                rpr.remove(el)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE) that Word and LibreOffice compute when the page is laid out."""
    def run_with(el):
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        fonts_and_language(rpr)
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "26")
        rpr.append(size)
        r.append(rpr)
        r.append(el)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run_with(text)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    shown = OxmlElement("w:t")
    shown.text = "2"
    run_with(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _page_furniture(section, marking: Marking) -> None:
    """Page numbers centred in the top margin, not on the first page; the marking at every foot."""
    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    section.footer_distance = Mm(8)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.paragraph_format.left_indent = Mm(-15)     # centred on the page, as the PDF (margins 30 / 15)
    _field(header, "PAGE")
    label = marking.text()
    for footer in (section.footer, section.first_page_footer):
        par = footer.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if label:
            _font(par.add_run(nfc(label)), 11, bold=marking.draft, italic=not marking.draft)


def _header(doc, h: HeaderInfo) -> None:
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    first = left.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    first.paragraph_format.space_after = Pt(0)
    _font(first.add_run(nfc(h.higher_org.upper())), 14)
    _para(left, h.cell_name.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    if h.number is not None:
        _para(left, f"Số {h.number}" if h.number else f"Số        -{h.number_suffix}",
              align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    top = right.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    top.paragraph_format.space_after = Pt(4)
    _font(top.add_run("ĐẢNG CỘNG SẢN VIỆT NAM"), 15, bold=True, underline=True)
    _para(right, vietnamese_date_line(h.place, h.day), italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "")


def _widths(b: TableBlock) -> list[float]:
    widths = list(b.widths_mm)[:len(b.header)]
    if len(widths) < len(b.header):
        widths.append(max(TEXT_WIDTH_MM - sum(widths), 12))
    return widths


def _table(doc, b: TableBlock) -> None:
    fast = docx_fast.FAST and all(len(row) == len(b.header) for row in b.rows)
    table = doc.add_table(rows=1 if fast else 1 + len(b.rows), cols=len(b.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    margins = OxmlElement("w:tblCellMar")          # narrow cell margins, as the PDF's 3 pt paddings
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "57")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)
    widths = [Mm(w) for w in _widths(b)]
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w.twips)))
    # The header row through python-docx; with docx_fast every other row is a copy of one prepared
    # row (python-docx's proxies cost seconds on a 500-row table; it also rebuilds the row list at
    # every table.rows[i], so the slow path takes the rows and cells once).
    rows = [(row, row.cells) for row in table.rows]
    for _, cells in rows:
        for cell, w in zip(cells, widths):
            cell.width = w
    for i, h in enumerate(b.header):
        par = rows[0][1][i].paragraphs[0]
        set_style(par, TABLE_HEAD)
        _font(par.add_run(nfc(h)), b.font_size - 0.5, bold=True)
    tr_pr = rows[0][0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    if fast:
        template = docx_fast.row_template(
            rows[0][0]._tr, style_id(doc, TABLE_TEXT),
            ["left" if c in b.left_columns else "center" for c in range(len(b.header))],
            [c in b.bold_columns for c in range(len(b.header))], b.font_size)
        for row in b.rows:
            table._tbl.append(docx_fast.fill_row(template, [nfc(text) for text in row]))
    for r, row in enumerate(() if fast else b.rows, 1):
        cant_split = OxmlElement("w:cantSplit")
        rows[r][0]._tr.get_or_add_trPr().append(cant_split)
        for c, text in enumerate(row):
            par = rows[r][1][c].paragraphs[0]
            set_style(par, TABLE_TEXT)
            par.alignment = WD_ALIGN_PARAGRAPH.LEFT if c in b.left_columns else WD_ALIGN_PARAGRAPH.CENTER
            _font(par.add_run(nfc(text)), b.font_size, bold=c in b.bold_columns)
    _para(doc, "", style=LIST, space_after=0)


def _title(doc, b: Title) -> None:
    _para(doc, b.text, style="Title")
    if b.subtitle:
        _para(doc, b.subtitle, style="Subtitle")
    _para(doc, TITLE_RULE, bold=True, style="Subtitle", space_after=8)


def _heading(doc, b: Heading) -> None:
    style = "Heading 1" if b.level == 1 else "Heading 2"
    if docx_fast.FAST:
        p = docx_fast.body_paragraph(doc, style_id(doc, style))
        if b.text:                                   # _para adds no run for no text
            docx_fast.run(p, nfc(b.text))
        return
    _para(doc, b.text, style=style)


def _paragraph(doc, b: Para) -> None:
    if docx_fast.FAST:
        p = docx_fast.body_paragraph(doc, style_id(doc, BODY if b.indent else LIST), b.keep_with_next)
        for text, style in b.runs:
            docx_fast.run(p, nfc(text), "b" in style, "i" in style)
        return
    par = _para(doc, style=BODY if b.indent else LIST)
    if b.keep_with_next:
        par.paragraph_format.keep_with_next = True
    for text, style in b.runs:
        _font(par.add_run(nfc(text)), None, "b" in style, "i" in style)


def _signatures(doc, b: Signatures) -> None:
    body = doc.element.body     # the last paragraph goes with the signatures, as in the PDF
    last = next(body.iterchildren(qn("w:p"), reversed=True), None)   # doc.paragraphs: a proxy for each
    if last is not None:
        Paragraph(last, doc._body).paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    for cell, title, name in ((table.rows[0].cells[0], b.left_title, b.left_name),
                              (table.rows[0].cells[1], b.right_title, b.right_name)):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(cell.paragraphs[0].add_run(nfc(title)), 14, bold=True)
        for _ in range(4):
            _para(cell, "", align=WD_ALIGN_PARAGRAPH.CENTER)
        _para(cell, name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def _gap(doc, b: Gap) -> None:
    _para(doc, "", style=LIST)


# -- the reports' blocks (summary, year summary, chair's script) -----------------------------------------
def _runs(par, cell: Cell, size: float | None, bold: bool = False) -> None:
    runs = [(cell, "")] if isinstance(cell, str) else cell
    for text, style in runs:
        _font(par.add_run(nfc(text)), size, bold or "b" in style, "i" in style)


def _rich_table(doc, b: RichTable) -> None:
    table = doc.add_table(rows=1 + len(b.rows), cols=len(b.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "57")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)
    widths = [Mm(w) for w in b.widths_mm]
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w.twips)))
    rows = [(row, row.cells) for row in table.rows]
    for _, cells in rows:
        for cell, w in zip(cells, widths):
            cell.width = w
    for i, h in enumerate(b.header):
        par = rows[0][1][i].paragraphs[0]
        set_style(par, TABLE_HEAD)
        _font(par.add_run(nfc(h)), b.font_size - 1, bold=True)
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    rows[0][0]._tr.get_or_add_trPr().append(repeat)
    body = len(b.rows) - b.total_rows
    for r, row in enumerate(b.rows, 1):
        rows[r][0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for c, cell in enumerate(row):
            par = rows[r][1][c].paragraphs[0]
            set_style(par, TABLE_TEXT)
            par.alignment = WD_ALIGN_PARAGRAPH.LEFT if c in b.left_columns else WD_ALIGN_PARAGRAPH.CENTER
            _runs(par, cell, b.font_size, bold=r > body)
            if b.keep_together and r < len(b.rows):      # Word keeps a table whole by keep-with-next
                par.paragraph_format.keep_with_next = True
    if b.keep_together:
        for cell in rows[0][1]:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    _para(doc, "", style=LIST, space_after=0)


def _note(doc, b: Note) -> None:
    par = _para(doc, style=LIST, align=WD_ALIGN_PARAGRAPH.CENTER if b.center else None)
    _runs(par, b.runs, 12)


def _sign_off(doc, b: SignOff) -> None:
    if doc.paragraphs:       # the last paragraph goes with the signature, as in the PDF
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _para(doc, "", style=LIST).paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    table.autofit = False
    width = TEXT_WIDTH_MM
    left, right = table.rows[0].cells
    left.width, right.width = Mm(width * 0.45), Mm(width * 0.55)
    first = left.paragraphs[0]
    set_style(first, LIST)
    _font(first.add_run("Nơi nhận:"), 12, bold=True, underline=True)
    for line in b.recipients:
        _para(left, line, size=12, style=LIST, space_after=0)
    lines = b.title.split("\n")
    top = right.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(top.add_run(nfc(lines[0])), 14, bold=True)
    for line in lines[1:]:
        _para(right, line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    for _ in range(4):
        _para(right, "", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(right, b.name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))   # one page, as the PDF


def _cue(doc, b: Cue) -> None:
    par = _para(doc, style=LIST if b.aside else BODY)
    par.paragraph_format.left_indent = Mm(6)
    par.paragraph_format.first_line_indent = Mm(0)
    if b.aside:
        _runs(par, [("(", ""), *b.runs, (")", "")], 13)
        for run in par.runs:
            run.italic = True
    else:
        _runs(par, b.runs, None)


# One function per kind of block; a new kind of block adds its function here and in render_pdf.py.
RENDERERS = {HeaderInfo: _header, Title: _title, Heading: _heading, Para: _paragraph, TableBlock: _table,
             Signatures: _signatures, Gap: _gap}
RENDERERS.update({RichTable: _rich_table, Note: _note, SignOff: _sign_off, Cue: _cue})


def render_docx(blocks: DocumentBlocks, target: str | Path, marking: Marking) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _styles(doc)
    doc.core_properties.title = nfc(blocks.title)
    doc.core_properties.author = "Kiểm điểm Desktop"
    doc.core_properties.language = LANGUAGE
    _page_furniture(section, marking)
    for b in blocks.blocks:
        RENDERERS[type(b)](doc, b)
    return write_atomically(target, lambda tmp: doc.save(str(tmp)))
