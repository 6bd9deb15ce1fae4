"""Phiếu biểu quyết xếp loại (DOMAIN.md §7): (a) the common paper — one table listing every
subject to rate (the committee, each member, the cell) with the four levels to tick; a row with
no tick or two ticks is invalid for that member only; (b) the one-member paper, four to an A4
page with cut lines. No voter's name appears anywhere: the vote is secret."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ..model import PartyPost
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.vote import CELL, COMMITTEE
from ..rules.majority import LEVELS_TOP_DOWN
from ..store.atomic import write_atomically
from ..voting import VotingDesk
from .base import (
    FONT, PAGE_H, PAGE_W, TEXT_WIDTH, HeaderInfo, Marking, build_pdf, grid, header_block, markup, nfc, p, styles, x,
)
from .common import post_of

PER_PAGE = 4                         # one-member papers on an A4 page
SLIP_H = PAGE_H / PER_PAGE           # 74.25 mm
SLIP_SIDE = 15 * mm
INVALID_ROW_NOTE = ("Dòng không đánh dấu hoặc đánh dấu từ hai ô trở lên chỉ không hợp lệ đối với đồng chí ở "
                    "dòng đó; các dòng khác vẫn hợp lệ.")


class TickBox(Flowable):
    """An empty square to tick."""

    def __init__(self, size: float = 5 * mm):
        super().__init__()
        self.size = size

    def wrap(self, avail_w, avail_h):
        self._w = avail_w
        return avail_w, self.size

    def draw(self):
        self.canv.setLineWidth(0.8)
        self.canv.rect((self._w - self.size) / 2, 0, self.size, self.size)


def ballot_subjects(session) -> list[tuple[str, str, str]]:
    """(subject, name, post) in the order of the vote: the committee, its members, the others, the cell."""
    desk = VotingDesk(session)
    out = []
    for subj in desk.rating_subjects():
        if subj in (COMMITTEE, CELL):
            out.append((subj, desk.subject_name(subj), ""))
        else:
            m = session.members[subj]
            out.append((subj, m.full_name, post_of(m) if m.party_post != PartyPost.MEMBER or m.government_post
                        else ""))
    return out


def _legend() -> str:
    return "; ".join(f"{LEVEL_ABBREVIATIONS[lv]}: {LEVEL_LABELS[lv]}" for lv in LEVELS_TOP_DOWN) + "."


# -- (a) the common paper ---------------------------------------------------------------------------------
def common_ballot_story(session, *, locality: str = "") -> list:
    st = styles()
    m, cell = session.meeting, session.cell
    story: list = [header_block(HeaderInfo(cell.higher_org, cell.name, None, locality or cell.locality, m.meeting_date)),
                   Spacer(1, 7 * mm), p("PHIẾU BIỂU QUYẾT", st.title),
                   p(f"xếp loại chất lượng năm {m.rating_year}", st.subtitle),
                   markup("<b>Cách đánh dấu:</b> mỗi dòng đánh dấu (X) vào <b>một</b> ô ứng với mức xếp loại "
                          "đồng chí đề xuất. " + x(INVALID_ROW_NOTE), st.body),
                   Spacer(1, 2 * mm)]
    head_style = ParagraphStyle("bq_head", parent=st.cell_bold, fontSize=11, leading=13)
    name_style = ParagraphStyle("bq_name", parent=st.cell, fontSize=12, leading=14)
    post_style = ParagraphStyle("bq_post", parent=st.cell, fontSize=10.5, leading=12.5)
    rows = [[markup(f"<b>{t}</b>", head_style) for t in
             ("STT", "Họ và tên", "Chức vụ", *(LEVEL_ABBREVIATIONS[lv] for lv in LEVELS_TOP_DOWN))]]
    for i, (_subj, name, post) in enumerate(ballot_subjects(session), 1):
        rows.append([p(str(i), st.cell_center), p(name, name_style), p(post, post_style),
                     *(TickBox() for _ in LEVELS_TOP_DOWN)])
    widths = [10 * mm, 48 * mm, 33 * mm]
    box_w = (TEXT_WIDTH - sum(widths)) / 4
    t = grid(rows, widths + [box_w] * 4, align_center=(0,))
    t.setStyle([("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 4)])
    story += [t, Spacer(1, 3 * mm), p("Ký hiệu: " + _legend(), st.small),
              p("Phiếu không ghi tên người biểu quyết.", st.small)]
    return story


def build_common_ballot(session, target: str | Path, *, locality: str = "") -> Path:
    """The paper handed out at the meeting: no DỰ THẢO, no revision — a blank form."""
    return build_pdf(target, common_ballot_story(session, locality=locality),
                     title=f"Phiếu biểu quyết xếp loại chất lượng năm {session.meeting.rating_year}",
                     marking=Marking(draft=False, revision=0))


# -- (b) one member per paper, four to a page -------------------------------------------------------------
def _slip(session, name: str, post: str) -> Table:
    st = styles()
    cell = session.cell
    small_c = ParagraphStyle("slip_small", parent=st.small, fontSize=11, leading=13, alignment=TA_CENTER)
    title = ParagraphStyle("slip_title", parent=st.title, fontSize=13.5, leading=16)
    label = ParagraphStyle("slip_label", parent=st.cell_center, fontSize=11, leading=12.5)
    body = ParagraphStyle("slip_body", parent=st.body_left, fontSize=13, leading=16, spaceAfter=0,
                          alignment=TA_CENTER)
    note = ParagraphStyle("slip_note", parent=small_c, fontName=FONT + "-Italic", fontSize=10.5, leading=12.5)
    width = PAGE_W - 2 * SLIP_SIDE
    header = Table([[[markup(x(cell.higher_org.upper()), small_c), markup(f"<b>{x(cell.name.upper())}</b>", small_c)],
                     markup("<b><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></b>", small_c)]], colWidths=[width * 0.45, width * 0.55])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    who = f"<b>{x(name)}</b>" + (f", {x(post)}" if post else "")
    boxes = Table([[TickBox(5.5 * mm) for _ in LEVELS_TOP_DOWN],
                   [p(LEVEL_LABELS[lv], label) for lv in LEVELS_TOP_DOWN]], colWidths=[width / 4] * 4)
    boxes.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    rows = [[header],
            [p(f"PHIẾU BIỂU QUYẾT XẾP LOẠI CHẤT LƯỢNG NĂM {session.meeting.rating_year}", title)],
            [markup(f"Xếp loại đối với: {who}", body)],
            [boxes],
            [p("Đánh dấu (X) vào một ô. Phiếu không đánh dấu hoặc đánh dấu từ hai ô trở lên không hợp lệ. "
               "Không ghi tên người biểu quyết.", note)]]
    t = Table(rows, colWidths=[width])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                           ("TOPPADDING", (0, 1), (0, 1), 6), ("TOPPADDING", (0, 3), (0, 3), 5)]))
    return t


def build_single_ballots(session, target: str | Path, *, copies: int = PER_PAGE) -> Path:
    """``copies`` papers for each subject, four to a page with dashed cut lines. With the
    default (4) each page holds one subject's papers: photocopy each page as needed."""
    subjects = [(name, post) for _s, name, post in ballot_subjects(session) for _ in range(max(copies, 1))]
    year = session.meeting.rating_year

    def produce(tmp: Path) -> None:
        c = pdf_canvas.Canvas(str(tmp), pagesize=A4, pageCompression=1)
        c.setTitle(nfc(f"Phiếu biểu quyết xếp loại từng đồng chí năm {year}"))
        c.setAuthor("Kiểm điểm Desktop")
        c.setCreator("Kiểm điểm Desktop")
        for start in range(0, len(subjects), PER_PAGE):
            for slot, (name, post) in enumerate(subjects[start:start + PER_PAGE]):
                top = PAGE_H - slot * SLIP_H
                slip = _slip(session, name, post)
                _w, h = slip.wrap(PAGE_W - 2 * SLIP_SIDE, SLIP_H)
                if h > SLIP_H - 10 * mm:
                    raise ValueError(f"one-member paper too tall: {h / mm:.1f} mm")
                slip.drawOn(c, SLIP_SIDE, top - 7 * mm - h)
            c.saveState()
            c.setDash(4, 3)
            c.setLineWidth(0.4)
            c.setStrokeGray(0.45)
            for k in range(1, PER_PAGE):
                c.line(5 * mm, k * SLIP_H, PAGE_W - 5 * mm, k * SLIP_H)
            c.restoreState()
            c.showPage()
        c.save()

    from .base import register_fonts

    register_fonts()
    return write_atomically(target, produce)
