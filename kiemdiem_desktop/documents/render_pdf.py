"""The one PDF renderer: DocumentBlocks (content.py) laid out with reportlab in the Party layout
of base.py. The PDF is the record; render_docx.py renders the same blocks to Word."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from .base import (
    CELL_PADDING, FONT, TEXT_WIDTH, HeaderInfo, Marking, build_pdf, grid, header_block, markup, nfc, signature_block,
    styles, x,
)
from .pdf_fast import fast_paragraph, plain_cell

from .content import TITLE_RULE, DocumentBlocks, Gap, Heading, Para, Run, Signatures, TableBlock, Title
from .content import Cell, Cue, Note, RichTable, SignOff


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


def _rich_table(b: RichTable, story: list, st, following) -> None:
    size = b.font_size
    head = ParagraphStyle("rt_head", parent=st.cell_bold, fontSize=size - 1, leading=(size - 1) * 1.2)
    center = ParagraphStyle("rt_c", parent=st.cell_center, fontSize=size, leading=size * 1.2)
    left = ParagraphStyle("rt_l", parent=st.cell, fontSize=size, leading=size * 1.2)
    rows = [[markup(f"<b>{x(h)}</b>", head) for h in b.header]]
    body = len(b.rows) - b.total_rows
    for r, row in enumerate(b.rows):
        rows.append([markup(_cell_markup(c, r >= body), left if i in b.left_columns else center)
                     for i, c in enumerate(row)])
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
        story.append(markup("(" + _runs_markup(b.runs) + ")", aside))
    else:
        story.append(markup(_runs_markup(b.runs), words))


# One function per kind of block; a new kind of block adds its function here and in render_docx.py.
RENDERERS = {HeaderInfo: _header, Title: _title, Heading: _heading, Para: _para, TableBlock: _table,
             Signatures: _signatures, Gap: _gap}
RENDERERS.update({RichTable: _rich_table, Note: _note, SignOff: _sign_off, Cue: _cue})


def to_flowables(doc: DocumentBlocks) -> list:
    st = styles()
    story: list = []
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        RENDERERS[type(b)](b, story, st, following)
    return story


def render_pdf(doc: DocumentBlocks, target: str | Path, marking: Marking) -> Path:
    return build_pdf(target, to_flowables(doc), title=doc.title, marking=marking)
