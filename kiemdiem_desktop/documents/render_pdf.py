"""The one PDF renderer: DocumentBlocks (content.py) laid out with reportlab in the Party layout
of base.py. The PDF is the record; render_docx.py renders the same blocks to Word."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from .base import (
    TEXT_WIDTH, HeaderInfo, Marking, build_pdf, grid, header_block, markup, nfc, signature_block, styles, x,
)

from .content import TITLE_RULE, DocumentBlocks, Gap, Heading, Para, Run, Signatures, TableBlock, Title


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
    story.append(markup(x(b.text), st.heading))


def _para(b: Para, story: list, st, following) -> None:
    style = st.body if b.indent else st.body_left
    if b.keep_with_next and isinstance(following, TableBlock):
        # a lead-in before a table: room for it, the table's header and a few rows, or a new page;
        # the table itself may then split (its header repeats) instead of leaving a page half empty
        story.append(CondPageBreak(40 * mm))
    elif b.keep_with_next:
        style = ParagraphStyle(style.name + "_keep", parent=style, keepWithNext=1)
    story.append(markup(_runs_markup(b.runs), style))


def _table(b: TableBlock, story: list, st, following) -> None:
    head_style = ParagraphStyle("tb_head", parent=st.cell_bold, fontSize=b.font_size - 0.5,
                                leading=(b.font_size - 0.5) * 1.2)
    center = ParagraphStyle("tb_c", parent=st.cell_center, fontSize=b.font_size, leading=b.font_size * 1.2)
    left = ParagraphStyle("tb_l", parent=st.cell, fontSize=b.font_size, leading=b.font_size * 1.2)
    rows = [[markup(f"<b>{x(h)}</b>", head_style) for h in b.header]]
    for row in b.rows:
        rows.append([markup((f"<b>{x(c)}</b>" if i in b.bold_columns else x(c)),
                            left if i in b.left_columns else center) for i, c in enumerate(row)])
    widths = [w * mm for w in b.widths_mm]
    widths.append(TEXT_WIDTH - sum(widths))
    story.append(grid(rows, widths))


def _signatures(b: Signatures, story: list, st, following) -> None:
    # The last paragraph goes to the signatures' page: a page of signatures alone proves nothing.
    last = [story.pop()] if story and isinstance(story[-1], Paragraph) else []
    story.append(KeepTogether(last + [Spacer(1, 6 * mm), signature_block(
        b.left_title, b.left_name, b.right_title, b.right_name)]))


def _gap(b: Gap, story: list, st, following) -> None:
    story.append(Spacer(1, b.mm * mm))


# One function per kind of block; a new kind of block adds its function here and in render_docx.py.
RENDERERS = {HeaderInfo: _header, Title: _title, Heading: _heading, Para: _para, TableBlock: _table,
             Signatures: _signatures, Gap: _gap}


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
