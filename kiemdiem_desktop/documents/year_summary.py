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
from ..voting import VotingDesk
from ..figures import MeetingFigures
from .common import date_vn, kind_of, pct, post_of
from .content import DocumentBlocks, Gap, Heading, Note, Para, Title
from .render import write_docx, write_pdf
from .summary import (  # noqa: F401 (_put, level_totals: importable from here as before)
    Outcome, ReportSheet, _put, legend, level_totals, member_table, note_text, outcome_of, quota_blocks,
    secretary_name, sign_off, totals_table,
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
    """The year's rows (year_rows, the PDF's) in the summary's workbook, with the meeting of each."""
    main = year.main
    sheet = ReportSheet("BÁO CÁO TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM "
                        f"{year.rating_year}", [f"{main.s.cell.name}, {main.s.cell.higher_org}", meetings_line(year)],
                        XLSX_HEADER, XLSX_WIDTHS, "Cả năm")
    assert sheet.header_row == HEADER_ROW
    for row in year_rows(year):
        o = row.outcome
        sheet.member([row.number, row.name, row.birth_year, row.post, row.kind,
                      LEVEL_ABBREVIATIONS[row.self_level] if row.self_level else None, row.score,
                      LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or None), o.votes if o.level else None,
                      o.base if o.level else None, None, row.where, row.note or None],
                     wrap=(2, 4, 12, 13), score=row.score, share=bool(o.level and o.base))
    sheet.totals("Tổng hợp theo mức xếp loại (cả năm)")
    sheet.quota("Tỷ lệ HTXSNV so với HTTNV (theo nhóm, cả năm)", year_quota(year))
    sheet.table("Mức xếp loại tập thể", ("Tập thể", "Tự đề xuất", "Chi bộ đề xuất", "Số phiếu", "Số đảng viên được tính"),
                [[label, LEVEL_ABBREVIATIONS[own] if own else None,
                  LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or "chưa biểu quyết"),
                  o.votes if o.level else None, o.base if o.level else None]
                 for label, own, o in year_collectives(year)])
    return sheet.save(target)


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
