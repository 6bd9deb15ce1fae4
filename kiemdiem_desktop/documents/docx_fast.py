"""Word XML built straight with lxml for the blocks a 500-member document holds by thousands
(issue 15): body paragraphs and table rows. python-docx's proxies insert each element by scanning
its successors (body.add_p) and rebuild lists at every access; here a paragraph goes before the
section properties in one step and a table row is a copy of one prepared row with its texts set.
The XML is the one python-docx wrote (tests/documents/test_docx_fast.py compares the two)."""
from __future__ import annotations

import copy
import re

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.oxml.text.run import _RunContentAppender
from docx.shared import Pt

W_P, W_PPR, W_PSTYLE, W_KEEP, W_JC = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:keepNext"), qn("w:jc")
W_R, W_RPR, W_B, W_I, W_SZ, W_T = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:i"), qn("w:sz"), qn("w:t")
W_VAL, XML_SPACE, W_SECTPR = qn("w:val"), qn("xml:space"), qn("w:sectPr")
W_TRPR, W_CANTSPLIT, W_TC, W_IND = qn("w:trPr"), qn("w:cantSplit"), qn("w:tc"), qn("w:ind")
W_LEFT, W_FIRSTLINE = qn("w:left"), qn("w:firstLine")
_BREAKS = re.compile(r"[\t\r\n]")

FAST = True        # False: python-docx's own calls (tests compare the two)


def half_points(size: float) -> str:
    """A font size as python-docx writes w:sz (ST_HpsMeasure)."""
    return str(int(Pt(size).pt * 2))


def set_text(r, text: str) -> None:
    """``run.text = text`` as python-docx does it: one w:t (space preserved when it has outer
    spaces), a tab as w:tab, a line break as w:br."""
    if _BREAKS.search(text):
        _RunContentAppender.append_to_run_from_text(r, text)
        return
    t = r.makeelement(W_T)
    t.text = text
    if len(text.strip()) < len(text):
        t.set(XML_SPACE, "preserve")
    r.append(t)


def run(p, text: str, bold: bool = False, italic: bool = False, size: float | None = None):
    """``_font(par.add_run(text), size, bold, italic)``: the run properties only when set."""
    r = p.makeelement(W_R)
    if bold or italic or size is not None:
        rpr = r.makeelement(W_RPR)
        if bold:
            rpr.append(rpr.makeelement(W_B))
        if italic:
            rpr.append(rpr.makeelement(W_I))
        if size is not None:
            sz = rpr.makeelement(W_SZ)
            sz.set(W_VAL, half_points(size))
            rpr.append(sz)
        r.append(rpr)
    if text:
        set_text(r, text)
    p.append(r)
    return r


def paragraph(parent, style_id: str, keep_with_next: bool = False, align: str | None = None,
              indent_twips: tuple[int, int] | None = None):
    """A new w:p (made beside ``parent``, not attached) with its style, keep-with-next, the left and
    first-line indents ``indent_twips`` and its alignment, in the schema's order as python-docx writes them."""
    return _properties(parent.makeelement(W_P), style_id, keep_with_next, align, indent_twips)


def _properties(p, style_id: str, keep_with_next: bool, align: str | None, indent_twips: tuple[int, int] | None):
    ppr = p.makeelement(W_PPR)
    ps = ppr.makeelement(W_PSTYLE)
    ps.set(W_VAL, style_id)
    ppr.append(ps)
    if keep_with_next:
        ppr.append(ppr.makeelement(W_KEEP))
    if indent_twips is not None:
        ind = ppr.makeelement(W_IND)
        ind.set(W_LEFT, str(indent_twips[0]))
        ind.set(W_FIRSTLINE, str(indent_twips[1]))
        ppr.append(ind)
    if align is not None:
        jc = ppr.makeelement(W_JC)
        jc.set(W_VAL, align)
        ppr.append(jc)
    p.append(ppr)
    return p


def append_to_body(doc, p) -> None:
    """``p`` at the end of the body, before its section properties (body.sectPr would scan every
    child each time, and so would len(body): lxml counts the children; body[-1] is the last one)."""
    body = doc.element.body
    try:
        last = body[-1]
    except IndexError:
        last = None
    if last is not None and last.tag == W_SECTPR:
        last.addprevious(p)
    else:
        body.append(p)


def body_paragraph(doc, style_id: str, keep_with_next: bool = False, indent_twips: tuple[int, int] | None = None):
    """A new w:p at the end of the body (before its section properties) with its style."""
    p = _properties(OxmlElement("w:p"), style_id, keep_with_next, None, indent_twips)
    append_to_body(doc, p)
    return p


def bare_row(header_tr):
    """A body row like the header row ``header_tr`` (the same cells and widths), cantSplit, its
    cells without paragraphs (each body row adds its own)."""
    tr = copy.deepcopy(header_tr)
    for child in list(tr):
        if child.tag == W_TRPR:
            tr.remove(child)
    tr_pr = tr.makeelement(W_TRPR)
    tr_pr.append(tr_pr.makeelement(W_CANTSPLIT))
    tr.insert(0, tr_pr)
    for tc in tr.iterchildren(W_TC):
        for p in tc.findall(W_P):
            tc.remove(p)
    return tr


def row_template(header_tr, style_id: str, aligns: list[str], bold: list[bool], size: float):
    """A body row like the header row ``header_tr`` (the same cell widths): cantSplit, and in each
    cell one paragraph of ``style_id`` aligned ``aligns[c]`` with one run (bold, ``size``) whose
    text is filled in per row."""
    tr = bare_row(header_tr)
    for c, tc in enumerate(tr.iterchildren(W_TC)):
        p = paragraph(tc, style_id, align=aligns[c])
        run(p, "", bold=bold[c], size=size)
        tc.append(p)
    return tr


def fill_row(template, texts: list[str]):
    """A copy of ``template`` with each cell's run holding its text."""
    tr = copy.deepcopy(template)
    for r, text in zip(tr.iter(W_R), texts):
        if text:
            set_text(r, text)
    return tr


def rich_row(bare, style_id: str, aligns: list[str], cells: list[list[tuple[str, bool, bool]]],
             size: float | None, keep_with_next: bool = False):
    """A copy of ``bare`` (bare_row) with in each cell one paragraph of ``style_id`` aligned
    ``aligns[c]`` holding the runs ``cells[c]`` (text, bold, italic), each of ``size``."""
    tr = copy.deepcopy(bare)
    for tc, align, runs in zip(tr.iterchildren(W_TC), aligns, cells):
        p = paragraph(tc, style_id, keep_with_next, align)
        for text, bold, italic in runs:
            run(p, text, bold, italic, size)
        tc.append(p)
    return tr
