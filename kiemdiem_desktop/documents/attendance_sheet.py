"""Danh sách đảng viên dự hội nghị: the attendance sheet, signed by each member on arrival."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..model import CATEGORY_LABELS, Category
from ..model.member import PARTY_POST_LABELS
from .base import TEXT_WIDTH, HeaderInfo, Marking, build_pdf, grid, header_block, markup, p, styles


def build_attendance_sheet(session, target: str | Path, marking: Marking = Marking()) -> Path:
    s = styles()
    m, cell = session.meeting, session.cell
    story = [header_block(HeaderInfo(cell.higher_org, cell.name, None, cell.locality, m.meeting_date)),
             Spacer(1, 8 * mm),
             p("DANH SÁCH ĐẢNG VIÊN DỰ HỘI NGHỊ", s.title),
             p(f"kiểm điểm, đánh giá, xếp loại chất lượng năm {m.rating_year}", s.subtitle)]
    rows = [[markup("<b>STT</b>", s.cell_bold), markup("<b>Họ và tên</b>", s.cell_bold),
             markup("<b>Năm sinh</b>", s.cell_bold), markup("<b>Chức vụ</b>", s.cell_bold),
             markup("<b>Đảng viên</b>", s.cell_bold), markup("<b>Ký tên</b>", s.cell_bold),
             markup("<b>Ghi chú</b>", s.cell_bold)]]
    n = 0
    for member in session.attendees():
        category = session.categories[member.id]
        if category == Category.VISITING:
            kind = "Sinh hoạt tạm thời"
        elif category == Category.OFFICIAL:
            kind = "Chính thức"
        elif category in (Category.PROBATIONARY, Category.PROBATIONARY_RECENT):
            kind = "Dự bị"
        else:
            kind = CATEGORY_LABELS[category]
        n += 1
        post = PARTY_POST_LABELS[member.party_post]
        if member.government_post:
            post = f"{post}; {member.government_post}" if member.party_post.value != "member" else member.government_post
        rows.append([p(str(n), s.cell_center), p(member.full_name, s.cell),
                     p(str(member.birth_date.year) if member.birth_date else "", s.cell_center),
                     p(post, s.cell), p(kind, s.cell), "", ""])
    widths = [11 * mm, 46 * mm, 16 * mm, 36 * mm, 21 * mm, 20 * mm]
    widths.append(TEXT_WIDTH - sum(widths))
    table = grid(rows, widths, align_center=(0, 2))
    table.setStyle([("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)])  # room to sign
    story.append(table)
    story.append(Spacer(1, 6 * mm))
    story.append(markup(f"Tổng số: <b>{n}</b> đồng chí.", s.body_left))
    return build_pdf(target, story, title=f"Danh sách đảng viên dự hội nghị năm {m.rating_year}", marking=marking)
