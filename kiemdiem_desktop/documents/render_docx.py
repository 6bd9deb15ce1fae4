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
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..store.atomic import write_atomically
from . import docx_fast
from .text import HeaderInfo, Marking, nfc, vietnamese_date_line
from .content import TITLE_RULE, DocumentBlocks, Gap, Heading, Para, Signatures, TableBlock, Title
from .content import BOX, CheckBoxes, Columns, FillLines, Line
from .content import Cell, Cue, Note, RichTable, SignOff
from .content import DOTS, TICK_BOX, CutSheet, FactTable, SignatureGrid, SignInTable, TickTable

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


def _grid_table(doc, n_rows: int, header: list[str], widths_mm: list[float], head_size: float):
    """A bordered, centred table of fixed column widths with narrow cell margins (the PDF's 3 pt
    paddings) and its header row filled and repeated on every page; returns (table, rows as
    (row, cells) taken once — python-docx rebuilds the row list at every table.rows[i])."""
    table = doc.add_table(rows=n_rows, cols=len(header))
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
    widths = [Mm(w) for w in widths_mm]
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w.twips)))
    rows = [(row, row.cells) for row in table.rows]
    for _, cells in rows:
        for cell, w in zip(cells, widths):
            cell.width = w
    for i, h in enumerate(header):
        par = rows[0][1][i].paragraphs[0]
        set_style(par, TABLE_HEAD)
        _font(par.add_run(nfc(h)), head_size, bold=True)
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    rows[0][0]._tr.get_or_add_trPr().append(repeat)
    return table, rows


def _table(doc, b: TableBlock) -> None:
    fast = docx_fast.FAST and all(len(row) == len(b.header) for row in b.rows)
    # The header row through python-docx; with docx_fast every other row is a copy of one prepared
    # row (python-docx's proxies cost seconds on a 500-row table).
    table, rows = _grid_table(doc, 1 if fast else 1 + len(b.rows), b.header, _widths(b), b.font_size - 0.5)
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
    _keep_head_rows(table)
    _para(doc, "", style=LIST, space_after=0)


def _keep_head_rows(table, body_rows: int = 2) -> None:
    """The header row and the first rows kept with what follows, as the PDF keeps a table's lead-in
    with room for its header and a few rows: no header alone at a page foot. (LibreOffice also loses
    every row after the first of a table with a repeated header and unsplittable rows when only one
    row fits on the page where it starts.)"""
    for tr in table._tbl.findall(qn("w:tr"))[:1 + body_rows]:      # python-docx's rows or docx_fast's alike
        for p in tr.iter(qn("w:p")):
            Paragraph(p, None).paragraph_format.keep_with_next = True


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
    fast = docx_fast.FAST and all(len(row) == len(b.header) for row in b.rows)
    # The header row through python-docx; with docx_fast each body row is built straight in XML from a
    # copy of the header row's cells (python-docx's paragraph and run proxies: most of a 500-row summary).
    table, rows = _grid_table(doc, 1 if fast else 1 + len(b.rows), b.header, b.widths_mm, b.font_size - 1)
    body = len(b.rows) - b.total_rows
    if fast:
        bare = docx_fast.bare_row(rows[0][0]._tr)
        text_style = style_id(doc, TABLE_TEXT)
        aligns = ["left" if c in b.left_columns else "center" for c in range(len(b.header))]
        for r, row in enumerate(b.rows, 1):
            cells = [[(nfc(text), r > body or "b" in style, "i" in style)
                      for text, style in ([(cell, "")] if isinstance(cell, str) else cell)] for cell in row]
            table._tbl.append(docx_fast.rich_row(bare, text_style, aligns, cells, b.font_size,
                                                 b.keep_together and r < len(b.rows)))
    for r, row in enumerate(() if fast else b.rows, 1):
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


CUE_INDENT = Mm(6)


def _cue(doc, b: Cue) -> None:
    if docx_fast.FAST:       # thousands in a 500-member chair's script
        p = docx_fast.body_paragraph(doc, style_id(doc, LIST if b.aside else BODY),
                                     indent_twips=(CUE_INDENT.twips, 0))
        if b.aside:
            for text, style in [("(", ""), *b.runs, (")", "")]:
                docx_fast.run(p, nfc(text), "b" in style, True, 13)
        else:
            for text, style in b.runs:
                docx_fast.run(p, nfc(text), "b" in style, "i" in style)
        return
    par = _para(doc, style=LIST if b.aside else BODY)
    par.paragraph_format.left_indent = CUE_INDENT
    par.paragraph_format.first_line_indent = Mm(0)
    if b.aside:
        _runs(par, [("(", ""), *b.runs, (")", "")], 13)
        for run in par.runs:
            run.italic = True
    else:
        _runs(par, b.runs, None)


# -- the ballots', counting record's, attendance sheet's and handover slip's blocks -----------------------
def _tick_table(doc, b: TickTable) -> None:
    """The squares as "□" in 16 pt, centred; the rest as a TableBlock of the same widths."""
    n = max(len(b.boxes), 1)
    box = round((TEXT_WIDTH_MM - sum(b.widths_mm)) / n, 1)
    _table(doc, TableBlock([*b.header, *b.boxes], [[*row, *([TICK_BOX] * len(b.boxes))] for row in b.rows],
                           [*b.widths_mm, *([box] * (n - 1))], left_columns=b.left_columns,
                           font_size=b.font_size))
    table = doc.tables[-1]
    boxes = range(len(b.header), len(b.header) + len(b.boxes))
    all_rows = table.rows
    for cell in all_rows[0].cells:              # "HTXSNV" on one line in a column of 18 mm
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(b.font_size - 1.5)
    for row in all_rows[1:]:
        cells = row.cells
        for c in boxes:
            for run in cells[c].paragraphs[0].runs:
                run.font.size = Pt(16)
        for c in b.small_columns:
            for run in cells[c].paragraphs[0].runs:
                run.font.size = Pt(b.font_size - 1.5)


def _sign_in_table(doc, b: SignInTable) -> None:
    """Rows at least 1 cm tall: room to sign."""
    _table(doc, b)
    height = Pt(b.font_size * 1.2 + 2 * b.row_padding_pt + 6)
    for row in doc.tables[-1].rows[1:]:
        row.height = height
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _signature_grid(doc, b: SignatureGrid) -> None:
    if doc.paragraphs:       # the last paragraph goes with the signatures, as in the PDF
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _para(doc, "", style=LIST).paragraph_format.keep_with_next = True
    per_row = b.per_row if len(b.signers) >= b.per_row else max(len(b.signers), 1)
    n_rows = -(-len(b.signers) // per_row)
    table = doc.add_table(rows=n_rows, cols=per_row)
    no_borders(table)
    rows = [row.cells for row in table.rows]
    for i, (title, name) in enumerate(b.signers):
        cell = rows[i // per_row][i % per_row]
        first = cell.paragraphs[0]
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        first.paragraph_format.keep_with_next = True
        _font(first.add_run(nfc(title)), 14, bold=True)
        _para(cell, b.hint, size=12, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
        for _ in range(4):
            _para(cell, "", align=WD_ALIGN_PARAGRAPH.CENTER)
        _para(cell, name or DOTS, bold=bool(name), align=WD_ALIGN_PARAGRAPH.CENTER)


def _fact_table(doc, b: FactTable) -> None:
    table = doc.add_table(rows=len(b.rows), cols=2)
    table.style = "Table Grid"
    table.autofit = False
    widths = [Mm(TEXT_WIDTH_MM * b.label_share), Mm(TEXT_WIDTH_MM * (1 - b.label_share))]
    for (label, value), row in zip(b.rows, table.rows):
        for cell, text, w, bold in zip(row.cells, (label, value), widths, (True, False)):
            cell.width = w
            par = cell.paragraphs[0]
            set_style(par, TABLE_TEXT)
            _font(par.add_run(nfc(text)), 12, bold=bold)
    _para(doc, "", style=LIST, space_after=0)


def _cut_sheet(doc, b: CutSheet) -> None:
    """One borderless one-column table, a row of a fixed height per paper (``per_page`` rows fill a
    page) and dashed lines between the rows where to cut: the Word copy of the sheet."""
    row_h = Mm(int(257 / b.per_page) - 1)        # the text height (A4 297 - 20 - 20) shared out
    table = doc.add_table(rows=len(b.papers), cols=1)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideV", "insideH"):
        el = OxmlElement(f"w:{edge}")
        if edge == "insideH":
            for attr, value in (("w:val", "dashed"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "737373")):
                el.set(qn(attr), value)
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)
    for paper, row in zip(b.papers, table.rows):
        row.height, row.height_rule = row_h, WD_ROW_HEIGHT_RULE.EXACTLY
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cell = row.cells[0]
        cell.width = Mm(TEXT_WIDTH_MM)
        head = cell.add_table(rows=1, cols=2)
        no_borders(head)
        left, right = head.rows[0].cells
        for c, lines in ((left, ((paper.higher_org.upper(), False, False), (paper.cell_name.upper(), True, False))),
                         (right, (("ĐẢNG CỘNG SẢN VIỆT NAM", True, True),))):
            for k, (text, bold, underline) in enumerate(lines):
                par = c.paragraphs[0] if k == 0 else c.add_paragraph()
                set_style(par, TABLE_TEXT)
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(par.add_run(nfc(text)), 11, bold=bold, underline=underline)
        first = cell.paragraphs[0]               # above the header: a little room under the cut line
        set_style(first, TABLE_TEXT)
        _font(first.add_run(" "), 6)
        # python-docx ends a cell with an empty paragraph after each table added: the title takes the
        # first, the note the second
        _cell_line(cell.paragraphs[-1], [(paper.title, "b")], 13.5, space_before=6)
        _cell_line(cell.add_paragraph(), list(paper.subject), 13, space_before=3)
        boxes = cell.add_table(rows=2, cols=max(len(paper.choices), 1))
        no_borders(boxes)
        top, labels = (r.cells for r in boxes.rows)
        for c, choice in enumerate(paper.choices):
            for target, text, size in ((top[c], TICK_BOX, 16), (labels[c], choice, 11)):
                par = target.paragraphs[0]
                set_style(par, TABLE_TEXT)
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(par.add_run(nfc(text)), size)
        _cell_line(cell.paragraphs[-1], [(paper.note, "i")], 10.5, space_before=3)


def _cell_line(par, runs, size: float, space_before: float = 0) -> None:
    set_style(par, TABLE_TEXT)
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.paragraph_format.space_before = Pt(space_before)
    for text, style in runs:
        _font(par.add_run(nfc(text)), size, "b" in style, "i" in style)


# One function per kind of block; a new kind of block adds its function here and in render_pdf.py.
RENDERERS = {HeaderInfo: _header, Title: _title, Heading: _heading, Para: _paragraph, TableBlock: _table,
             Signatures: _signatures, Gap: _gap}
RENDERERS.update({RichTable: _rich_table, Note: _note, SignOff: _sign_off, Cue: _cue})
RENDERERS.update({TickTable: _tick_table, SignInTable: _sign_in_table, SignatureGrid: _signature_grid,
                  FactTable: _fact_table, CutSheet: _cut_sheet})


def _document(blocks: DocumentBlocks, marking: Marking):
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
    return doc


def render_docx(blocks: DocumentBlocks, target: str | Path, marking: Marking) -> Path:
    doc = _document(blocks, marking)
    return write_atomically(target, lambda tmp: doc.save(str(tmp)))


def docx_bytes(blocks: DocumentBlocks, marking: Marking) -> bytes:
    """The .docx file's bytes (a template filled per member: documents/docx_fill.py)."""
    import io

    buf = io.BytesIO()
    _document(blocks, marking).save(buf)
    return buf.getvalue()


# -- the forms' blocks (content.Line, FillLines, CheckBoxes, Columns) -----------------------------------
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _layout(par, *, align: str = "left", spacing: float | None = None, space_after: float | None = 3,
            first_indent_mm: float = 0, left_indent_mm: float = 0) -> None:
    set_style(par, LIST)
    f = par.paragraph_format
    if align != "left":
        par.alignment = _ALIGN[align]
    if spacing is not None:
        f.line_spacing = spacing
    if space_after is not None and space_after != 3:
        f.space_after = Pt(space_after)
    if first_indent_mm:
        f.first_line_indent = Mm(first_indent_mm)
    if left_indent_mm:
        f.left_indent = Mm(left_indent_mm)


def _line_into(par, b: Line) -> None:
    _layout(par, align=b.align, spacing=b.spacing, space_after=b.space_after, first_indent_mm=b.first_indent_mm,
            left_indent_mm=b.left_indent_mm)
    for text, style in b.runs:
        if text:
            _font(par.add_run(nfc(text)), b.size, "b" in style, "i" in style, "u" in style)


def _line(doc, b: Line) -> None:
    _line_into(doc.add_paragraph(), b)


def _fill_lines(doc, b: FillLines) -> None:
    for _ in range(b.count):
        par = doc.add_paragraph()
        _layout(par, spacing=b.spacing, space_after=0)
        par.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        par.add_run("\t")


def _check_boxes(doc, b: CheckBoxes) -> None:
    for label in b.labels:
        par = doc.add_paragraph()
        _layout(par, spacing=b.spacing, space_after=b.space_after, left_indent_mm=b.indent_mm)
        par.add_run(nfc(f"{BOX} {label}"))


def _columns(doc, b: Columns) -> None:
    # the last line of text before the block (and an empty line between) goes to its page: a page
    # of signatures alone proves nothing
    previous = doc.element.body[-1] if len(doc.element.body) else None
    if previous is not None and previous.tag == qn("w:sectPr"):
        previous = previous.getprevious()
    for _ in range(2):
        if previous is None or previous.tag != qn("w:p"):
            break
        previous.get_or_add_pPr().keepNext_val = True
        if "".join(t.text or "" for t in previous.iter(qn("w:t"))).strip():
            break
        previous = previous.getprevious()
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(TEXT_WIDTH_MM * b.left_share), Mm(TEXT_WIDTH_MM * (1 - b.left_share)))
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w.twips)))
    row = table.rows[0]
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))   # never split across pages
    for cell, w, lines in zip(row.cells, widths, (b.left, b.right)):
        cell.width = w
        for i, line in enumerate(lines):
            _line_into(cell.paragraphs[0] if i == 0 else cell.add_paragraph(), line)


RENDERERS.update({Line: _line, FillLines: _fill_lines, CheckBoxes: _check_boxes, Columns: _columns})
