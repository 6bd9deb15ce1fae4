"""Danh sách đảng viên dự hội nghị: the attendance sheet, signed by each member on arrival.
Content only (content.py blocks): the PDF to print, and the same list in Word for a secretary who
adds a guest by hand."""
from __future__ import annotations

from pathlib import Path

from ..model import CATEGORY_LABELS, Category
from ..model.member import PARTY_POST_LABELS
from .content import DocumentBlocks, Gap, Para, SignInTable, Title
from .render import write_docx, write_pdf
from .text import HeaderInfo, Marking


def _kind(category: Category) -> str:
    if category == Category.VISITING:
        return "Sinh hoạt tạm thời"
    if category == Category.OFFICIAL:
        return "Chính thức"
    if category in (Category.PROBATIONARY, Category.PROBATIONARY_RECENT):
        return "Dự bị"
    return CATEGORY_LABELS[category]


def attendance_blocks(session) -> DocumentBlocks:
    m, cell = session.meeting, session.cell
    rows = []
    for n, member in enumerate(session.attendees(), 1):
        post = PARTY_POST_LABELS[member.party_post]
        if member.government_post:
            post = f"{post}; {member.government_post}" if member.party_post.value != "member" else member.government_post
        rows.append([str(n), member.full_name, str(member.birth_date.year) if member.birth_date else "", post,
                     _kind(session.categories[member.id]), "", ""])
    doc = DocumentBlocks(f"Danh sách đảng viên dự hội nghị năm {m.rating_year}")
    doc.add(HeaderInfo(cell.higher_org, cell.name, None, cell.locality, m.meeting_date),
            Title("DANH SÁCH ĐẢNG VIÊN DỰ HỘI NGHỊ", f"kiểm điểm, đánh giá, xếp loại chất lượng năm {m.rating_year}"),
            SignInTable(["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đảng viên", "Ký tên", "Ghi chú"], rows,
                        [11, 46, 16, 36, 21, 20], left_columns=(1, 3, 4), font_size=12),
            Gap(6),
            Para([("Tổng số: ", ""), (str(len(rows)), "b"), (" đồng chí.", "")], indent=False))
    return doc


def build_attendance_sheet(session, target: str | Path, marking: Marking = Marking()) -> Path:
    return write_pdf(attendance_blocks(session), target, marking)


def build_attendance_sheet_docx(session, target: str | Path, marking: Marking = Marking()) -> Path:
    return write_docx(attendance_blocks(session), target, marking)
