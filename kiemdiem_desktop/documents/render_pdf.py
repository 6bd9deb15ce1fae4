"""The one PDF renderer: DocumentBlocks (content.py) laid out with reportlab in the Party layout
of base.py. The PDF is the record; render_docx.py renders the same blocks to Word."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from .base import (
    CELL_PADDING, FONT, PAGE_H, PAGE_W, TEXT_WIDTH, HeaderInfo, Marking, build_pdf, grid, header_block, markup, nfc,
    signature_block, styles, x,
)
from .pdf_fast import fast_paragraph, plain_cell

from .content import TITLE_RULE, DocumentBlocks, Gap, Heading, Para, Run, Signatures, TableBlock, Title
from .content import BOX, CheckBoxes, Columns, FillLines, Line
from .content import Cell, Cue, Note, RichTable, SignOff
from .content import BallotPaper, CutSheet, DOTS, FactTable, SignatureGrid, SignInTable, TickTable


# -- PDF ----------------------------------------------------------------------------------------------
def _runs_markup(runs: list[Run]) -> str:
    out = []
    for text, style in runs:
        piece = x(text)
        if "b" in style:
            piece = f"<b>{piece}</b>"
        if "i" in style:
            piece = f"<i>{piece}</i>"
        out.append(piece)
    return "".join(out)


def _header(b: HeaderInfo, story: list, st, following) -> None:
    story += [header_block(b), Spacer(1, 8 * mm)]


def _title(b: Title, story: list, st, following) -> None:
    story.append(markup(x(b.text), st.title))
    if b.subtitle:
        story.append(markup(x(b.subtitle), ParagraphStyle("sub", parent=st.subtitle, spaceAfter=0)))
    story.append(markup(TITLE_RULE, ParagraphStyle("rule", parent=st.subtitle, fontName=st.title.fontName,
                                                   spaceAfter=8, leading=14)))


def _heading(b: Heading, story: list, st, following) -> None:
    # keep-with-next chains headings to what follows; a page-break test between two headings
    # would cut the chain and leave the first alone at the foot of a page
    if not (story and getattr(getattr(story[-1], "style", None), "keepWithNext", 0)):
        story.append(CondPageBreak(30 * mm))
    story.append(fast_paragraph([(b.text, "")], st.heading) or markup(x(b.text), st.heading))


def _para(b: Para, story: list, st, following) -> None:
    style = st.body if b.indent else st.body_left
    if b.keep_with_next and isinstance(following, TableBlock):
        # a lead-in before a table: room for it, the table's header and a few rows, or a new page;
        # the table itself may then split (its header repeats) instead of leaving a page half empty
        story.append(CondPageBreak(40 * mm))
    elif b.keep_with_next:
        style = _keep_style(style)
    story.append(fast_paragraph(b.runs, style) or markup(_runs_markup(b.runs), style))


_KEEP: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}


def _keep_style(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` kept with the next flowable: one ParagraphStyle per style, not one per paragraph."""
    found = _KEEP.get(id(style))
    if found is None or found[0] is not style:
        found = _KEEP[id(style)] = (style, ParagraphStyle(style.name + "_keep", parent=style, keepWithNext=1))
    return found[1]


def _table(b: TableBlock, story: list, st, following) -> None:
    widths = [w * mm for w in b.widths_mm]
    widths.append(TEXT_WIDTH - sum(widths))
    # Plain cells as strings the Table draws itself, broken into lines as their Paragraphs would be
    # (pdf_fast.plain_cell); a cell it cannot lay out alike stays a Paragraph.
    bold, regular = FONT + "-Bold", FONT
    head_size, size = b.font_size - 0.5, b.font_size
    inner = [w - 2 * CELL_PADDING for w in widths]
    head_style = center = left = None
    rows = [[]]
    for i, h in enumerate(b.header):
        text = plain_cell(nfc(h), bold, head_size, inner[i])
        if text is None:
            head_style = head_style or ParagraphStyle("tb_head", parent=st.cell_bold, fontSize=head_size,
                                                      leading=head_size * 1.2)
            text = markup(f"<b>{x(h)}</b>", head_style)
        rows[0].append(text)
    for row in b.rows:
        out = []
        for i, c in enumerate(row):
            text = plain_cell(nfc(c), bold if i in b.bold_columns else regular, size, inner[i])
            if text is None:
                if i in b.left_columns:
                    left = left or ParagraphStyle("tb_l", parent=st.cell, fontSize=size, leading=size * 1.2)
                else:
                    center = center or ParagraphStyle("tb_c", parent=st.cell_center, fontSize=size,
                                                      leading=size * 1.2)
                text = markup((f"<b>{x(c)}</b>" if i in b.bold_columns else x(c)),
                              left if i in b.left_columns else center)
            out.append(text)
        rows.append(out)
    commands = [("FONTNAME", (0, 0), (-1, 0), bold), ("FONTSIZE", (0, 0), (-1, 0), head_size),
                ("LEADING", (0, 0), (-1, 0), head_size * 1.2), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("FONTNAME", (0, 1), (-1, -1), regular), ("FONTSIZE", (0, 1), (-1, -1), size),
                ("LEADING", (0, 1), (-1, -1), size * 1.2)]
    for i in range(len(widths)):
        if i in b.bold_columns:
            commands.append(("FONTNAME", (i, 1), (i, -1), bold))
        if i not in b.left_columns:
            commands.append(("ALIGN", (i, 1), (i, -1), "CENTER"))
    story.append(grid(rows, widths, extra=commands))


def _signatures(b: Signatures, story: list, st, following) -> None:
    # The last paragraph goes to the signatures' page: a page of signatures alone proves nothing.
    last = [story.pop()] if story and isinstance(story[-1], Paragraph) else []
    story.append(KeepTogether(last + [Spacer(1, 6 * mm), signature_block(
        b.left_title, b.left_name, b.right_title, b.right_name)]))


def _gap(b: Gap, story: list, st, following) -> None:
    story.append(Spacer(1, b.mm * mm))


# -- the reports' blocks (summary, year summary, chair's script) -----------------------------------------
def _cell_markup(cell: Cell, bold: bool = False) -> str:
    text = x(cell) if isinstance(cell, str) else _runs_markup(cell)
    return f"<b>{text}</b>" if bold else text


def _rich_cell(cell: Cell, bold: bool, style: ParagraphStyle):
    """A RichTable cell's Paragraph, made without the parser when it can be (pdf_fast)."""
    runs = [(cell, "")] if isinstance(cell, str) else cell
    if bold:
        runs = [(text, "b" + kind.replace("b", "")) for text, kind in runs]
    return fast_paragraph(runs, style) or markup(_cell_markup(cell, bold), style)


def _rich_table(b: RichTable, story: list, st, following) -> None:
    size = b.font_size
    head = ParagraphStyle("rt_head", parent=st.cell_bold, fontSize=size - 1, leading=(size - 1) * 1.2)
    center = ParagraphStyle("rt_c", parent=st.cell_center, fontSize=size, leading=size * 1.2)
    left = ParagraphStyle("rt_l", parent=st.cell, fontSize=size, leading=size * 1.2)
    rows = [[fast_paragraph([(h, "b")], head) or markup(f"<b>{x(h)}</b>", head) for h in b.header]]
    body = len(b.rows) - b.total_rows
    for r, row in enumerate(b.rows):
        rows.append([_rich_cell(c, r >= body, left if i in b.left_columns else center) for i, c in enumerate(row)])
    table = grid(rows, [w * mm for w in b.widths_mm])
    if not b.keep_together:
        story.append(table)
        return
    lead = []            # the heading kept with it goes inside (keepWithNext does not reach into a KeepTogether)
    while story and isinstance(story[-1], Paragraph) and getattr(story[-1].style, "keepWithNext", 0):
        lead.insert(0, story.pop())
    story.append(KeepTogether(lead + [table]))


def _note(b: Note, story: list, st, following) -> None:
    style = ParagraphStyle("note_c", parent=st.small, alignment=TA_CENTER) if b.center else st.small
    story.append(markup(_runs_markup(b.runs), style))


def _sign_off(b: SignOff, story: list, st, following) -> None:
    left = [markup("<b><u>Nơi nhận:</u></b>", st.small)] + [markup(x(r), st.small) for r in b.recipients]
    right = [markup(f"<b>{x(line)}</b>", st.signature) for line in b.title.split("\n")]
    right += [Spacer(1, 20 * mm), markup(f"<b>{x(b.name)}</b>", st.signature)]
    t = Table([[left, right]], colWidths=[TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    # the last paragraph goes with it: a page of signatures alone proves nothing
    last = [story.pop()] if story and isinstance(story[-1], Paragraph) else []
    story.append(KeepTogether(last + [Spacer(1, 6 * mm), t]))


@lru_cache(maxsize=2)
def _cue_styles(st) -> tuple[ParagraphStyle, ParagraphStyle]:
    """(words, aside): made once, a script has hundreds of lines."""
    return (ParagraphStyle("cue", parent=st.body, leftIndent=6 * mm, firstLineIndent=0),
            ParagraphStyle("cue_aside", parent=st.body, fontName=FONT + "-Italic", leftIndent=6 * mm,
                           firstLineIndent=0, fontSize=13, leading=16.5))


def _cue(b: Cue, story: list, st, following) -> None:
    words, aside = _cue_styles(st)
    if b.aside:
        runs = [("(", ""), *b.runs, (")", "")]
        story.append(fast_paragraph(runs, aside) or markup("(" + _runs_markup(b.runs) + ")", aside))
    else:
        story.append(fast_paragraph(b.runs, words) or markup(_runs_markup(b.runs), words))


# -- the ballots', counting record's, attendance sheet's and handover slip's blocks -----------------------
class _TickBox(Flowable):
    """An empty square to tick, centred in its cell."""

    def __init__(self, size: float = 5 * mm):
        super().__init__()
        self.size = size

    def wrap(self, avail_w, avail_h):
        self._w = avail_w
        return avail_w, self.size

    def draw(self):
        self.canv.setLineWidth(0.8)
        self.canv.rect((self._w - self.size) / 2, 0, self.size, self.size)


def _cell_style(parent: ParagraphStyle, name: str, size: float, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, parent=parent, fontSize=size, leading=size + 2, **kw)


def _tick_table(b: TickTable, story: list, st, following) -> None:
    head = _cell_style(st.cell_bold, "tt_head", b.font_size - 1)
    left, center = _cell_style(st.cell, "tt_l", b.font_size), _cell_style(st.cell_center, "tt_c", b.font_size)
    small = _cell_style(st.cell, "tt_s", b.font_size - 1.5)
    rows = [[markup(f"<b>{x(h)}</b>", head) for h in [*b.header, *b.boxes]]]
    for row in b.rows:
        rows.append([markup(x(c), small if i in b.small_columns else left if i in b.left_columns else center)
                     for i, c in enumerate(row)] + [_TickBox() for _ in b.boxes])
    widths = [w * mm for w in b.widths_mm]
    box_w = (TEXT_WIDTH - sum(widths)) / max(len(b.boxes), 1)
    t = grid(rows, widths + [box_w] * len(b.boxes), align_center=(0,))
    t.setStyle([("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 4)])
    story.append(t)


def _sign_in_table(b: SignInTable, story: list, st, following) -> None:
    _table(b, story, st, following)
    story[-1].setStyle([("TOPPADDING", (0, 1), (-1, -1), b.row_padding_pt),
                        ("BOTTOMPADDING", (0, 1), (-1, -1), b.row_padding_pt)])


def _signature_grid(b: SignatureGrid, story: list, st, following) -> None:
    hint = ParagraphStyle("sig_hint", parent=st.small, alignment=TA_CENTER, fontName=FONT + "-Italic")
    blocks = [[markup(f"<b>{x(title)}</b>", st.signature), markup(x(b.hint), hint), Spacer(1, 20 * mm),
               markup(f"<b>{x(name)}</b>" if name else x(DOTS), st.signature)] for title, name in b.signers]
    per_row = b.per_row if len(blocks) >= b.per_row else max(len(blocks), 1)
    rows = [blocks[i:i + per_row] for i in range(0, len(blocks), per_row)]
    for r in rows:
        r += [""] * (per_row - len(r))
    t = Table(rows, colWidths=[TEXT_WIDTH / per_row] * per_row)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    # as _signatures: the last paragraph goes to the signatures' page (never a page of signatures alone)
    last = [story.pop()] if story and isinstance(story[-1], Paragraph) else []
    story.append(KeepTogether(last + [Spacer(1, 6 * mm), t]))


def _fact_table(b: FactTable, story: list, st, following) -> None:
    t = Table([[markup(f"<b>{x(k)}</b>", st.cell), markup(x(v), st.cell)] for k, v in b.rows],
              colWidths=[TEXT_WIDTH * b.label_share, TEXT_WIDTH * (1 - b.label_share)])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    story.append(t)


# A cut sheet draws on the whole page (its papers reach past the Party margins). What every paper
# of a meeting shares — the header, the title, the squares with their labels, the note — is drawn
# once into two PDF form XObjects and placed on each paper; only the subject line is drawn per paper
# (as plain text when it fits on one line, which it nearly always does: no paragraph to lay out).
PAPER_SIDE = 15 * mm                 # left and right of a paper
PAPER_TOP = 7 * mm                   # from the paper's top edge (a cut line) to its header
PAPER_ROOM = 10 * mm                 # at least this much left under a paper's note
SUBJECT_SIZE, SUBJECT_LEADING, SUBJECT_PAD = 13, 16, 2


class _PaperForms:
    """The shared part of one kind of paper, drawn once: the top (header, title) and the bottom
    (the squares, their labels, the note) as form XObjects, with their heights."""

    def __init__(self, canv, key: str, paper: BallotPaper, width: float, st):
        small_c = ParagraphStyle("slip_small", parent=st.small, fontSize=11, leading=13, alignment=TA_CENTER)
        title = ParagraphStyle("slip_title", parent=st.title, fontSize=13.5, leading=16)
        label = ParagraphStyle("slip_label", parent=st.cell_center, fontSize=11, leading=12.5)
        note = ParagraphStyle("slip_note", parent=small_c, fontName=FONT + "-Italic", fontSize=10.5, leading=12.5)
        header = Table([[[markup(x(paper.higher_org.upper()), small_c),
                          markup(f"<b>{x(paper.cell_name.upper())}</b>", small_c)],
                         markup("<b><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></b>", small_c)]],
                       colWidths=[width * 0.45, width * 0.55])
        header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        n = max(len(paper.choices), 1)
        boxes = Table([[_TickBox(5.5 * mm) for _ in paper.choices],
                       [markup(x(c), label) for c in paper.choices]], colWidths=[width / n] * n)
        boxes.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        pads = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        top = Table([[header], [markup(x(paper.title), title)]], colWidths=[width])
        top.setStyle(TableStyle(pads + [("TOPPADDING", (0, 1), (0, 1), 6)]))
        bottom = Table([[boxes], [markup(x(paper.note), note)]], colWidths=[width])
        bottom.setStyle(TableStyle(pads + [("TOPPADDING", (0, 0), (0, 0), 5)]))
        self.top_name, self.bottom_name = f"{key}top", f"{key}bottom"
        _w, self.top_h = top.wrap(width, PAGE_H)
        _w, self.bottom_h = bottom.wrap(width, PAGE_H)
        for name, table, h in ((self.top_name, top, self.top_h), (self.bottom_name, bottom, self.bottom_h)):
            canv.beginForm(name, 0, 0, width, h)
            table.drawOn(canv, 0, 0)
            canv.endForm()


class _CutPage(Flowable):
    """One page of a cut sheet: its papers and the cut lines between them, in page coordinates."""

    def __init__(self, sheet: CutSheet, papers: list[BallotPaper], st, forms: dict):
        super().__init__()
        self.sheet, self.papers, self.st, self.forms = sheet, papers, st, forms

    def wrap(self, avail_w, avail_h):
        return avail_w, 0

    def drawOn(self, canv, x_, y_, _sW=0):          # the whole page, whatever the frame
        width = PAGE_W - 2 * PAPER_SIDE
        slot_h = PAGE_H / self.sheet.per_page
        for slot, paper in enumerate(self.papers):
            key = paper.same_form()
            if key not in self.forms:
                self.forms[key] = _PaperForms(canv, f"paper{len(self.forms)}", paper, width, self.st)
            f = self.forms[key]
            top = PAGE_H - slot * slot_h - PAPER_TOP
            canv.saveState()
            canv.translate(PAPER_SIDE, top - f.top_h)
            canv.doForm(f.top_name)
            canv.restoreState()
            y = top - f.top_h - self._subject(canv, paper, top - f.top_h, width)
            if top - (y - f.bottom_h) > slot_h - PAPER_ROOM:
                raise ValueError(f"one-member paper too tall: {(top - y + f.bottom_h) / mm:.1f} mm")
            canv.saveState()
            canv.translate(PAPER_SIDE, y - f.bottom_h)
            canv.doForm(f.bottom_name)
            canv.restoreState()
        canv.saveState()
        canv.setDash(4, 3)
        canv.setLineWidth(0.4)
        canv.setStrokeGray(0.45)
        for k in range(1, self.sheet.per_page):
            canv.line(5 * mm, k * slot_h, PAGE_W - 5 * mm, k * slot_h)
        canv.restoreState()

    def _subject(self, canv, paper: BallotPaper, top: float, width: float) -> float:
        """Draw the subject line centred under ``top``; return its height."""
        runs = [(nfc(t), FONT + ("-Bold" if "b" in s else "")) for t, s in paper.subject]
        total = sum(stringWidth(t, font, SUBJECT_SIZE) for t, font in runs)
        if total <= width:
            text = canv.beginText(PAPER_SIDE + (width - total) / 2, top - SUBJECT_PAD - SUBJECT_SIZE)
            for t, font in runs:
                text.setFont(font, SUBJECT_SIZE)
                text.textOut(t)
            canv.drawText(text)
            return SUBJECT_LEADING + 2 * SUBJECT_PAD
        style = ParagraphStyle("slip_body", parent=self.st.body_left, fontSize=SUBJECT_SIZE, leading=SUBJECT_LEADING,
                               spaceAfter=0, alignment=TA_CENTER)
        para = markup(_runs_markup(list(paper.subject)), style)
        _w, h = para.wrap(width, PAGE_H)
        para.drawOn(canv, PAPER_SIDE, top - SUBJECT_PAD - h)
        return h + 2 * SUBJECT_PAD


def _cut_sheet(b: CutSheet, story: list, st, following) -> None:
    forms: dict = {}        # one set of forms per document (a canvas), shared by its pages
    for i, start in enumerate(range(0, len(b.papers), b.per_page)):
        if i or story:
            story.append(PageBreak())
        story.append(_CutPage(b, b.papers[start:start + b.per_page], st, forms))


# One function per kind of block; a new kind of block adds its function here and in render_docx.py.
RENDERERS = {HeaderInfo: _header, Title: _title, Heading: _heading, Para: _para, TableBlock: _table,
             Signatures: _signatures, Gap: _gap}
RENDERERS.update({RichTable: _rich_table, Note: _note, SignOff: _sign_off, Cue: _cue})
RENDERERS.update({TickTable: _tick_table, SignInTable: _sign_in_table, SignatureGrid: _signature_grid,
                  FactTable: _fact_table, CutSheet: _cut_sheet})


def to_flowables(doc: DocumentBlocks) -> list:
    st = styles()
    story: list = []
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        RENDERERS[type(b)](b, story, st, following)
    return story


def render_pdf(doc: DocumentBlocks, target: str | Path, marking: Marking) -> Path:
    # a cut sheet's pages are cut apart: no page numbers on them
    numbered = not any(isinstance(b, CutSheet) for b in doc.blocks)
    return build_pdf(target, to_flowables(doc), title=doc.title, marking=marking, page_numbers=numbered)


# -- the forms' blocks (content.Line, FillLines, CheckBoxes, Columns) -----------------------------------
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_line_styles: dict[tuple, ParagraphStyle] = {}


def _line_leading(size: float, spacing: float | None) -> float:
    # Word's single line of Times New Roman is 1.15 em: a spacing of 1.15 is 1.32 em, as the body's 1.3
    return size * 1.3 if spacing is None else size * 1.15 * spacing


def _line_style(st, align: str, size: float | None, spacing: float | None, space_after: float,
                first_indent_mm: float, left_indent_mm: float) -> ParagraphStyle:
    key = (align, size, spacing, space_after, first_indent_mm, left_indent_mm)
    style = _line_styles.get(key)
    if style is None:
        size = size or st.body.fontSize
        style = _line_styles[key] = ParagraphStyle(
            f"line{len(_line_styles)}", parent=st.body, alignment=_ALIGN[align], fontSize=size,
            leading=_line_leading(size, spacing), spaceAfter=space_after, firstLineIndent=first_indent_mm * mm,
            leftIndent=left_indent_mm * mm)
    return style


def _line_flowable(b: Line, st) -> Paragraph:
    style = _line_style(st, b.align, b.size, b.spacing, b.space_after, b.first_indent_mm, b.left_indent_mm)
    pieces = []
    for text, how in b.runs:
        piece = re.sub(" {2,}", lambda m: "&nbsp;" * len(m.group()), x(text))   # spaces kept as typed
        for flag, tag in (("b", "b"), ("i", "i"), ("u", "u")):
            if flag in how:
                piece = f"<{tag}>{piece}</{tag}>"
        pieces.append(piece)
    return markup("".join(pieces), style)


def _line(b: Line, story: list, st, following) -> None:
    story.append(_line_flowable(b, st))


class _DottedLines(Flowable):
    """Lines of dots across the frame to write on, one body line apart."""

    def __init__(self, count: int, leading: float):
        super().__init__()
        self.count, self.leading = count, leading

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.count * self.leading

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.8)
        c.setLineCap(1)
        c.setDash([0.1, 2.6])
        for i in range(self.count):
            y = (self.count - i - 1) * self.leading + 3
            c.line(0, y, self.width, y)
        c.restoreState()


def _fill_lines(b: FillLines, story: list, st, following) -> None:
    story.append(_DottedLines(b.count, _line_leading(st.body.fontSize, b.spacing)))


def _check_boxes(b: CheckBoxes, story: list, st, following) -> None:
    style = _line_style(st, "left", None, b.spacing, b.space_after, 0, b.indent_mm)
    for label in b.labels:
        story.append(markup(x(f"{BOX} {label}"), style))


def _columns(b: Columns, story: list, st, following) -> None:
    cells = [[_line_flowable(line, st) for line in lines] or [Spacer(1, 1)] for lines in (b.left, b.right)]
    t = Table([cells], colWidths=[TEXT_WIDTH * b.left_share, TEXT_WIDTH * (1 - b.left_share)])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    story.append(t)


RENDERERS.update({Line: _line, FillLines: _fill_lines, CheckBoxes: _check_boxes, Columns: _columns})
