"""BÁO CÁO tổng hợp kết quả of the whole rating year (DOMAIN.md §4 last paragraph, §7): the main
meeting and its supplementary sessions merged, each member once, rated where reviewed, with the
meeting named in the notes. PDF (the per-meeting summary's layout) and XLSX (totals as formulas,
text cells never read as formulas).

A function of the stored meetings only (rating_year.rating_year_view): no clock."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Level
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.meeting import MeetingKind, MeetingState
from ..model.vote import CELL, COMMITTEE
from ..rating_year import RatingYear, YearEntry, rating_year_view, year_quota
from ..rules.majority import LEVELS_TOP_DOWN
from ..voting import VotingDesk
from ..figures import MeetingFigures
from .common import date_vn, kind_of, pct, post_of
from .content import DocumentBlocks, Gap, Heading, Note, Para, Title
from .render import write_docx, write_pdf
from .summary import (  # noqa: F401 (level_totals: the same counts as the meeting's report)
    Outcome, _put, finish_sheet, legend, level_totals, member_table, note_text, outcome_of, quota_blocks,
    score_format, secretary_name, sign_off, totals_table,
)
from .text import HeaderInfo, Marking

PDF_NAME = "tong-hop-ket-qua-ca-nam.pdf"
XLSX_NAME = "tong-hop-ket-qua-ca-nam.xlsx"
DOCX_NAME = "tong-hop-ket-qua-ca-nam.docx"


@dataclass(frozen=True)
class YearRow:
    number: int
    name: str
    birth_year: int | None
    post: str
    kind: str                 # Chính thức / Dự bị
    self_level: Level | None
    score: float | None       # accepted by the cell at the meeting where the member was reviewed
    outcome: Outcome
    where: str                # "Hội nghị ngày 10/12/2025" / "Kiểm điểm bổ sung ngày 20/12/2025"
    note: str
    supplementary: bool = False   # reviewed at a supplementary session

    def pdf_note(self) -> str:
        """The PDF has no "Kiểm điểm tại" column: the session is named in the note."""
        return "; ".join(x for x in (self.where if self.supplementary else "", self.note) if x)


def meeting_label(desk: VotingDesk) -> str:
    m = desk.s.meeting
    kind = "Hội nghị" if m.kind == MeetingKind.MAIN else "Kiểm điểm bổ sung"
    return f"{kind} ngày {date_vn(m.meeting_date)}"


def _self_level(year: RatingYear, e: YearEntry, figures: dict[str, MeetingFigures]) -> Level | None:
    """What the member proposed at the meeting that reviewed them (else at another of the year)."""
    for desk in [e.desk, *year.desks]:
        level = figures[desk.s.meeting_id].member(e.member.id).self_level
        if level is not None:
            return level
    return None


def year_rows(year: RatingYear) -> list[YearRow]:
    """Each member once, with the figures of the meeting where reviewed (figures.MeetingFigures,
    the one computation every document reads)."""
    figures = {d.s.meeting_id: MeetingFigures(d) for d in year.desks}
    rows = []
    for i, e in enumerate(year.entries, 1):
        d, m = e.desk, e.member
        fig = figures[d.s.meeting_id]
        x = fig.member(m.id)
        rows.append(YearRow(i, m.full_name, m.birth_date.year if m.birth_date else None, post_of(m),
                            kind_of(d.s.categories[m.id]), _self_level(year, e, figures), x.accepted_score,
                            outcome_of(d, m.id, fig), meeting_label(d), note_text(x.notes), e.supplementary))
    return rows


def year_collectives(year: RatingYear) -> list[tuple[str, Level | None, Outcome]]:
    """(label, self-proposed level, voted outcome) of the collectives: rated at the main meeting only."""
    main = year.main
    out = []
    subjects = ([(COMMITTEE, "Tập thể chi ủy")] if main.s.cell.has_committee else []) + \
        [(CELL, f"{main.s.cell.name or 'Chi bộ'} (tập thể chi bộ)")]
    for subject, label in subjects:
        own = main.record.collective_reviews.get(subject)
        out.append((label, Level(own.proposed_level) if own and own.proposed_level else None,
                    outcome_of(main, subject)))
    return out


def year_marking(year: RatingYear) -> Marking:
    """DỰ THẢO while any meeting of the year is not adopted; then the main meeting's revision."""
    draft = any(d.s.meeting.state != MeetingState.LOCKED for d in year.desks)
    return Marking(draft=draft, revision=year.main.s.meeting.revision)


def report_date(year: RatingYear):
    """The report is made after the last meeting of the year."""
    days = [d.s.meeting.meeting_date for d in year.desks if d.s.meeting.meeting_date]
    return max(days) if days else None


def meetings_line(year: RatingYear) -> str:
    return "Gồm: " + "; ".join(meeting_label(d).lower().replace("hội nghị", "hội nghị kiểm điểm", 1)
                               if d.s.meeting.kind == MeetingKind.MAIN else meeting_label(d).lower()
                               for d in year.desks) + "."


# -- PDF and Word: the per-meeting report's blocks over the year's rows ------------------------------------
def year_summary_blocks(year: RatingYear, *, locality: str = "") -> DocumentBlocks:
    main = year.main
    cell = main.s.cell
    rows = year_rows(year)
    doc = DocumentBlocks(f"Báo cáo tổng hợp kết quả xếp loại năm {year.rating_year}")
    doc.add(HeaderInfo(cell.higher_org, cell.name, "", locality or cell.locality, report_date(year),
                       number_suffix="BC/CB"),
            Title("BÁO CÁO", "tổng hợp kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm "
                             f"{year.rating_year}"),
            Note.of(meetings_line(year), center=True), Gap(3),
            member_table(rows, note=YearRow.pdf_note), Gap(3),
            Heading("Tổng hợp theo mức xếp loại (đảng viên, cả năm):"), totals_table(rows),
            Heading("Tỷ lệ Hoàn thành xuất sắc nhiệm vụ so với Hoàn thành tốt nhiệm vụ (theo nhóm):"),
            *quota_blocks(year_quota(year)),
            Heading(f"Mức xếp loại tập thể (tại hội nghị ngày {date_vn(main.s.meeting.meeting_date)}):"))
    for label, own, o in year_collectives(year):
        voted = LEVEL_LABELS[o.level] if o.level else (o.text() or "chưa biểu quyết")
        tail = f" ({o.votes}/{o.base} phiếu tán thành, {pct(o.votes, o.base)})" if o.level else ""
        self_part = f"; tự đề xuất {LEVEL_ABBREVIATIONS[own]}" if own else ""
        doc.add(Para([(f"- {label}: chi bộ đề xuất ", ""), (voted, "b"), (f"{tail}{self_part}.", "")], indent=False))
    doc.add(legend(), sign_off(cell, secretary_name(main)))
    return doc


def build_year_summary_pdf(year: RatingYear, target: str | Path, *, locality: str = "") -> Path:
    return write_pdf(year_summary_blocks(year, locality=locality), target, year_marking(year))


def build_year_summary_docx(year: RatingYear, target: str | Path, *, locality: str = "") -> Path:
    return write_docx(year_summary_blocks(year, locality=locality), target, year_marking(year))


# -- XLSX --------------------------------------------------------------------------------------------------
XLSX_HEADER = ("STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chính thức/Dự bị", "Tự xếp loại", "Điểm",
               "Chi bộ đề xuất", "Số phiếu", "Số đảng viên được tính", "Tỷ lệ", "Kiểm điểm tại", "Ghi chú")
XLSX_WIDTHS = (6, 28, 10, 26, 16, 12, 8, 15, 10, 12, 9, 28, 40)
HEADER_ROW = 5


def build_year_summary_xlsx(year: RatingYear, target: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    main = year.main
    rows = year_rows(year)
    wb = Workbook()
    ws = wb.active
    ws.title = "Cả năm"
    font = "Times New Roman"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    _put(ws, 1, 1, f"BÁO CÁO TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM "
                   f"{year.rating_year}").font = Font(name=font, size=14, bold=True)
    _put(ws, 2, 1, f"{main.s.cell.name}, {main.s.cell.higher_org}").font = Font(name=font, size=12, italic=True)
    _put(ws, 3, 1, meetings_line(year)).font = Font(name=font, size=12, italic=True)
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(XLSX_HEADER))
    for col, (title, width) in enumerate(zip(XLSX_HEADER, XLSX_WIDTHS), 1):
        c = _put(ws, HEADER_ROW, col, title)
        c.font = Font(name=font, size=12, bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    r = HEADER_ROW
    for row in rows:
        r += 1
        o = row.outcome
        values = [row.number, row.name, row.birth_year, row.post, row.kind,
                  LEVEL_ABBREVIATIONS[row.self_level] if row.self_level else None, row.score,
                  LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or None), o.votes if o.level else None,
                  o.base if o.level else None, None, row.where, row.note or None]
        for col, value in enumerate(values, 1):
            c = _put(ws, r, col, value)
            c.font = Font(name=font, size=12)
            c.border = border
            c.alignment = Alignment(vertical="center", wrap_text=col in (2, 4, 12, 13),
                                    horizontal="center" if col in (1, 3, 5, 6, 7, 8, 9, 10, 11) else "left")
        if o.level and o.base:
            ws.cell(r, 11).value = f"=I{r}/J{r}"
        ws.cell(r, 7).number_format = score_format(row.score)
        ws.cell(r, 11).number_format = "0.0%"
    first, last = HEADER_ROW + 1, max(r, HEADER_ROW + 1)

    r += 2
    _put(ws, r, 2, "Tổng hợp theo mức xếp loại (cả năm)").font = Font(name=font, size=12, bold=True)
    total_row = r + len(LEVELS_TOP_DOWN) + 2
    for lv in LEVELS_TOP_DOWN:
        r += 1
        _put(ws, r, 2, LEVEL_LABELS[lv])
        ws.cell(r, 3).value = f'=COUNTIF(H{first}:H{last},"{LEVEL_ABBREVIATIONS[lv]}")'
        ws.cell(r, 4).value = f"=IF(C{total_row}=0,0,C{r}/C{total_row})"
        ws.cell(r, 4).number_format = "0.0%"
    r += 1
    _put(ws, r, 2, "Chưa xếp loại (vắng, chưa đạt hoặc chưa biểu quyết)")
    ws.cell(r, 3).value = f"=C{total_row}-SUM(C{r - len(LEVELS_TOP_DOWN)}:C{r - 1})"
    ws.cell(r, 4).value = f"=IF(C{total_row}=0,0,C{r}/C{total_row})"
    ws.cell(r, 4).number_format = "0.0%"
    r += 1
    _put(ws, r, 2, "Tổng số")
    ws.cell(r, 3).value = f"=COUNTA(B{first}:B{last})" if rows else 0
    assert r == total_row

    r += 2
    _put(ws, r, 2, "Tỷ lệ HTXSNV so với HTTNV (theo nhóm, cả năm)").font = Font(name=font, size=12, bold=True)
    r += 1
    for col, t in enumerate(("Nhóm", "HTXSNV", "HTTNV", "Tỷ lệ", "Mức tối đa", "Số HTXSNV tối đa", "Nhận xét"), 2):
        _put(ws, r, col, t).font = Font(name=font, size=12, bold=True)
    for q in year_quota(year):
        r += 1
        _put(ws, r, 2, q.group or "Toàn chi bộ")
        ws.cell(r, 3, q.excellent)
        ws.cell(r, 4, q.good)
        ws.cell(r, 5).value = f"=IF(D{r}=0,0,C{r}/D{r})"
        ws.cell(r, 5).number_format = "0.0%"
        ws.cell(r, 6, float(q.limit)).number_format = "0%"
        ws.cell(r, 7, q.allowed)
        _put(ws, r, 8, q.text + (", để cấp ủy cấp trên xem xét" if q.over and q.advisory else
                                 ", vượt tỷ lệ" if q.over else ""))

    r += 2
    _put(ws, r, 2, "Mức xếp loại tập thể").font = Font(name=font, size=12, bold=True)
    r += 1
    for col, t in enumerate(("Tập thể", "Tự đề xuất", "Chi bộ đề xuất", "Số phiếu", "Số đảng viên được tính"), 2):
        _put(ws, r, col, t).font = Font(name=font, size=12, bold=True)
    for label, own, o in year_collectives(year):
        r += 1
        _put(ws, r, 2, label)
        _put(ws, r, 3, LEVEL_ABBREVIATIONS[own] if own else None)
        _put(ws, r, 4, LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or "chưa biểu quyết"))
        ws.cell(r, 5, o.votes if o.level else None)
        ws.cell(r, 6, o.base if o.level else None)
    return finish_sheet(wb, ws, HEADER_ROW + len(rows) + 1, r, font, target)


def build_year_summary(cf, rating_year: int, folder: str | Path, *, locality: str = "",
                       word: bool = False) -> list[Path]:
    """The year's report into ``folder``: tong-hop-ket-qua-ca-nam.pdf and .xlsx (what a package carries),
    and with ``word`` tong-hop-ket-qua-ca-nam.docx, the PDF's content for the secretary to edit."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    year = rating_year_view(cf, rating_year)
    locality = locality or year.main.s.cell.locality
    out = [build_year_summary_pdf(year, folder / PDF_NAME, locality=locality),
           build_year_summary_xlsx(year, folder / XLSX_NAME)]
    if word:
        out.append(build_year_summary_docx(year, folder / DOCX_NAME, locality=locality))
    return out


def year_has_supplementary(cf, rating_year: int) -> bool:
    return any(m.rating_year == rating_year and m.kind == MeetingKind.SUPPLEMENTARY for m in cf.meetings())
