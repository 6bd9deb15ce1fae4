"""Tổng hợp kết quả kiểm điểm, xếp loại for the higher committee (DOMAIN.md §7), PDF and XLSX:
STT, họ và tên, năm sinh, chức vụ, chính thức/dự bị, tự xếp loại, điểm, chi bộ đề xuất (votes /
base), ghi chú (kỷ luật, nghỉ ốm/thai sản, vắng…); totals per level; HTXSNV as a share of HTTNV per
group (the quota lines); the cell's and the committee's proposed levels."""
from __future__ import annotations

from copy import copy

import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Level
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.member import PartyPost
from ..model.vote import CELL, COMMITTEE
from ..rules.findings import vn_number
from ..rules.majority import LEVELS_TOP_DOWN
from ..store.atomic import write_atomically
from ..voting import VotingDesk
from .content import (
    TEXT_WIDTH_MM, DocumentBlocks, Gap, Heading, Note, Para, RichTable, SignOff, Title,
)
from .render import write_docx, write_pdf
from .text import HeaderInfo, Marking, time_words
from ..figures import MeetingFigures
from .common import kind_of, meeting_marking, pct, post_of, printed_article


@dataclass(frozen=True)
class Outcome:
    """What the cell voted for a subject: the level reached with its votes against the base."""

    level: Level | None
    votes: int | None
    base: int | None
    voted: bool
    quorum_met: bool = True

    def text(self) -> str:
        if not self.voted:
            return ""
        if not self.quorum_met:
            return "Chưa xếp loại (không đủ 2/3)"
        if self.level is None:
            return "Chưa đạt quá nửa"
        return f"{LEVEL_ABBREVIATIONS[self.level]} ({self.votes}/{self.base})"


@dataclass(frozen=True)
class SummaryRow:
    number: int
    name: str
    birth_year: int | None
    post: str
    kind: str                 # Chính thức / Dự bị
    self_level: Level | None
    score: float | None       # the score accepted by the cell (the self-score by default)
    outcome: Outcome
    note: str


def outcome_of(desk: VotingDesk, subject: str, figures: MeetingFigures | None = None) -> Outcome:
    """The level decided by the last round, only a round with its quorum (DOMAIN.md §5)."""
    x = (figures or MeetingFigures(desk)).member(subject)
    if not x.rounds:
        return Outcome(None, None, None, False)
    last = x.rounds[-1]
    if x.level is None:
        return Outcome(None, None, last.base, True, quorum_met=last.quorum_met)
    return Outcome(x.level, x.level_votes, x.level_base, True)


_CLOCK_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\b")


def note_text(notes) -> str:
    """The figures' "ghi chú" items as the report prints them: times in words ("10 giờ 30")."""
    return "; ".join(_CLOCK_TIME.sub(lambda m: time_words(m.group(0)), n) for n in notes)


def summary_rows(desk: VotingDesk, figures: MeetingFigures | None = None) -> list[SummaryRow]:
    f = figures or MeetingFigures(desk)
    rows = []
    for i, x in enumerate((x for x in f.members if x.member is not None), 1):
        m = x.member
        rows.append(SummaryRow(i, m.full_name, m.birth_date.year if m.birth_date else None, post_of(m),
                               kind_of(desk.s.categories[m.id]), x.self_level, x.accepted_score,
                               outcome_of(desk, m.id, f), note_text(x.notes)))
    return rows


def level_totals(rows: list[SummaryRow]) -> list[tuple[str, int]]:
    """(label, count) for each level, then those not rated at this meeting."""
    out = [(LEVEL_LABELS[lv], sum(1 for r in rows if r.outcome.level == lv)) for lv in LEVELS_TOP_DOWN]
    not_yet = sum(1 for r in rows if r.outcome.level is None)
    out.append(("Chưa xếp loại (vắng, chưa đạt hoặc chưa biểu quyết)", not_yet))
    return out


def collectives(desk: VotingDesk, figures: MeetingFigures | None = None) -> list[tuple[str, Outcome]]:
    f = figures or MeetingFigures(desk)
    out = []
    if desk.s.cell.has_committee:
        out.append(("Tập thể chi ủy", outcome_of(desk, COMMITTEE, f)))
    out.append((f"{desk.s.cell.name or 'Chi bộ'} (tập thể chi bộ)", outcome_of(desk, CELL, f)))
    return out


def secretary_name(desk: VotingDesk) -> str:
    for m in desk.s.member_list:
        if m.party_post == PartyPost.SECRETARY:
            return m.full_name
    return ""


# -- PDF and Word: one content ---------------------------------------------------------------------------
MEMBER_HEADER = ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chính thức/ Dự bị", "Tự xếp loại", "Điểm",
                 "Chi bộ đề xuất (phiếu/ số được tính)", "Ghi chú"]
# Widths measured in Liberation Serif 10 pt: "Chính thức", "HTXSNV" and a name of three words on one line
MEMBER_WIDTHS = [9, 30, 10, 21, 18, 17, 10, 17]
MEMBER_WIDTHS.append(TEXT_WIDTH_MM - sum(MEMBER_WIDTHS))     # the notes take the rest
NOT_RATED = "Chưa xếp loại (vắng, chưa đạt hoặc chưa biểu quyết)"


def member_table(rows: list, note=lambda r: r.note) -> RichTable:
    """One line per member: what the cell voted in bold with its votes against the base under it."""
    body = []
    for r in rows:
        o = r.outcome
        proposed = [(LEVEL_ABBREVIATIONS[o.level], "b"), (f"\n{o.votes}/{o.base}", "")] if o.level else o.text()
        body.append([str(r.number), r.name, str(r.birth_year or ""), r.post, r.kind,
                     LEVEL_ABBREVIATIONS[r.self_level] if r.self_level else "",
                     vn_number(r.score) if r.score is not None else "", proposed, note(r)])
    return RichTable(MEMBER_HEADER, body, MEMBER_WIDTHS, left_columns=(1, 3, 8), font_size=10)


def totals_table(rows: list) -> RichTable:
    """Members per level (the same counts as the figures: each member's level once), the total bold."""
    total = len(rows)
    body: list[list] = [[label, str(n), pct(n, total)] for label, n in level_totals(rows)]
    body.append(["Tổng số", str(total), "100%" if total else "–"])
    return RichTable(["Mức xếp loại", "Số lượng", "Tỷ lệ"], body, [TEXT_WIDTH_MM - 50, 25, 25],
                     left_columns=(0,), total_rows=1, keep_together=True)


def quota_blocks(lines) -> list:
    out: list = []
    if not lines:
        out.append(Para.of("- Chưa có kết quả xếp loại để tính tỷ lệ.", indent=False))
    for q in lines:
        tail = ("; đề nghị cấp ủy cấp trên xem xét." if q.over and q.advisory else
                "; vượt tỷ lệ cho phép." if q.over else ".")
        out.append(Para.of(f"- {q.group or 'Toàn chi bộ'}: {q.text}{tail}", indent=False))
        if q.article:
            out.append(Note.of(f"Căn cứ: {printed_article(q.article)}."))
    return out


def legend() -> Note:
    return Note.of("Ký hiệu: " + "; ".join(f"{LEVEL_ABBREVIATIONS[lv]}: {LEVEL_LABELS[lv]}"
                                           for lv in LEVELS_TOP_DOWN) + ".")


def sign_off(cell, secretary: str) -> SignOff:
    return SignOff([f"- {cell.higher_org or 'Đảng ủy cấp trên'},", "- Lưu chi bộ."],
                   "T/M CHI ỦY\nBÍ THƯ" if cell.has_committee else "T/M CHI BỘ\nBÍ THƯ", secretary)


def summary_blocks(desk: VotingDesk, *, locality: str = "") -> DocumentBlocks:
    """The report as the higher committee reads it: the members, the totals, the quota lines, the
    collectives, where it goes and who signs."""
    s = desk.s
    m, cell = s.meeting, s.cell
    figures = MeetingFigures(desk)
    rows = summary_rows(desk, figures)
    doc = DocumentBlocks(f"Báo cáo kết quả xếp loại năm {m.rating_year}")
    doc.add(HeaderInfo(cell.higher_org, cell.name, "", locality or cell.locality, m.meeting_date, number_suffix="BC/CB"),
            Title("BÁO CÁO", f"kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {m.rating_year}"),
            member_table(rows), Gap(3),
            Heading("Tổng hợp theo mức xếp loại (đảng viên):"), totals_table(rows),
            Heading("Tỷ lệ Hoàn thành xuất sắc nhiệm vụ so với Hoàn thành tốt nhiệm vụ (theo nhóm):"),
            *quota_blocks(figures.quota),
            Heading("Mức xếp loại tập thể chi bộ đề xuất:"))
    for label, o in collectives(desk, figures):
        if o.level:
            doc.add(Para([(f"- {label}: ", ""), (LEVEL_LABELS[o.level], "b"),
                          (f" ({o.votes}/{o.base} phiếu tán thành, {pct(o.votes, o.base)}).", "")], indent=False))
        else:
            doc.add(Para([(f"- {label}: ", ""), (o.text() or "chưa biểu quyết", "b"), (".", "")], indent=False))
    doc.add(legend(), sign_off(cell, secretary_name(desk)))
    return doc


def summary_content(desk: VotingDesk, *, marking: Marking | None = None,
                    locality: str = "") -> tuple[DocumentBlocks, Marking]:
    """The report's content and its marking (the meeting's: DỰ THẢO until the lock)."""
    return summary_blocks(desk, locality=locality), marking or meeting_marking(desk.s)


def build_summary_pdf(desk: VotingDesk, target: str | Path, *, marking: Marking | None = None,
                      locality: str = "") -> Path:
    blocks, marking = summary_content(desk, marking=marking, locality=locality)
    return write_pdf(blocks, target, marking)


def build_summary_docx(desk: VotingDesk, target: str | Path, *, marking: Marking | None = None,
                       locality: str = "") -> Path:
    """The same report in Word, for the secretary to edit before printing (the PDF is the record)."""
    blocks, marking = summary_content(desk, marking=marking, locality=locality)
    return write_docx(blocks, target, marking)


# -- XLSX --------------------------------------------------------------------------------------------------
XLSX_HEADER = ("STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chính thức/Dự bị", "Tự xếp loại", "Điểm",
               "Chi bộ đề xuất", "Số phiếu", "Số đảng viên được tính", "Tỷ lệ", "Ghi chú")
XLSX_WIDTHS = (6, 28, 10, 26, 16, 12, 8, 15, 10, 12, 9, 40)
HEADER_ROW = 4


def _put(ws, row: int, col: int, value):
    """A cell whose text is always text: a name like "=HYPERLINK(…)" or "=cmd|' /C calc'!A0" (or any
    text beginning with = + - @) is stored as a string, never as a formula (issue 12, item 10)."""
    c = ws.cell(row, col)
    c.value = value
    if isinstance(value, str):
        c.data_type = "s"
        if value[:1] in ("=", "+", "-", "@"):
            c.quotePrefix = True      # Excel and LibreOffice show it as typed and never evaluate it
    return c


def score_format(value) -> str:
    """Scores as numbers: "93", "83,5" (never "93." as "0.##" shows a whole number)."""
    return "0" if value is None or float(value).is_integer() else "0.0#"


def finish_sheet(wb, ws, first_row: int, last_row: int, font: str, target: str | Path) -> Path:
    """The rows under the table in the document font, landscape A4 one page wide, saved atomically."""
    from openpyxl.styles import Font

    for row in ws.iter_rows(min_row=first_row, max_row=last_row):
        for c in row:
            if c.font is None or c.font.name != font:
                c.font = Font(name=font, size=12, bold=bool(c.font and c.font.b))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return write_atomically(target, lambda tmp: wb.save(tmp))


class ReportSheet:
    """The workbook both reports write (the meeting's and the year's): title lines, the member table
    (numbers in number cells, every text stored as text, the header frozen and repeated on print),
    then the totals per level as formulas over the table, the quota lines and the collectives."""

    FONT = "Times New Roman"

    def __init__(self, title: str, lines: list[str], header: tuple[str, ...], widths: tuple[int, ...],
                 sheet_name: str):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, Side
        from openpyxl.utils import get_column_letter

        self.wb = Workbook()
        self.ws = ws = self.wb.active
        ws.title = sheet_name
        self.Font, self.Alignment = Font, Alignment
        thin = Side(style="thin")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.header_row = 3 + len(lines)     # a blank row above the table
        _put(ws, 1, 1, title).font = Font(name=self.FONT, size=14, bold=True)
        for i, line in enumerate(lines, 2):
            _put(ws, i, 1, line).font = Font(name=self.FONT, size=12, italic=True)
        for r in range(1, 2 + len(lines)):
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(header))
        for col, (text, width) in enumerate(zip(header, widths), 1):
            c = _put(ws, self.header_row, col, text)
            c.font = Font(name=self.FONT, size=12, bold=True)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            c.border = self.border
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.freeze_panes = ws.cell(self.header_row + 1, 1)
        ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        self.r = self.header_row
        self.members = 0
        self._member_styles: dict[tuple[int, ...], dict] = {}

    def bold(self, row: int, col: int, value):
        c = _put(self.ws, row, col, value)
        c.font = self.Font(name=self.FONT, size=12, bold=True)
        return c

    def member(self, values: list, wrap: tuple[int, ...], score, share: bool) -> None:
        """One member's row; columns 7 (score) and 11 (votes / base, computed by the sheet)."""
        self.r += 1
        self.members += 1
        r, ws = self.r, self.ws
        # each column's style made on the first row and copied to the others: openpyxl hashes a new
        # Font, Border and Alignment into the workbook at every assignment (most of a 500-row sheet's time)
        styles = self._member_styles.setdefault(wrap, {})
        for col, value in enumerate(values, 1):
            c = ws.cell(r, col)
            style = styles.get(col)
            if style is None:
                c.font = self.Font(name=self.FONT, size=12)
                c.border = self.border
                c.alignment = self.Alignment(vertical="center", wrap_text=col in wrap,
                                             horizontal="center" if col in (1, 3, 5, 6, 7, 8, 9, 10, 11) else "left")
                styles[col] = copy(c._style)
            else:
                c._style = copy(style)
            _put(ws, r, col, value)              # after the style: a quote prefix stays
        ws.cell(r, 7).number_format = score_format(score)
        if share:
            ws.cell(r, 11).value = f"=I{r}/J{r}"
            ws.cell(r, 11).number_format = "0.0%"

    def totals(self, title: str) -> None:
        """Members per level: COUNTIF over the "Chi bộ đề xuất" column; the total counts the names."""
        ws, first, last = self.ws, self.header_row + 1, self.header_row + self.members
        any_rows = self.members > 0
        self.r += 2
        self.bold(self.r, 2, title)
        total_row = self.r + len(LEVELS_TOP_DOWN) + 2
        level_rows = []
        for lv in LEVELS_TOP_DOWN:
            self.r += 1
            level_rows.append(self.r)
            _put(ws, self.r, 2, LEVEL_LABELS[lv])
            ws.cell(self.r, 3).value = f'=COUNTIF(H{first}:H{last},"{LEVEL_ABBREVIATIONS[lv]}")' if any_rows else 0
            self._share_of(total_row)
        self.r += 1
        _put(ws, self.r, 2, NOT_RATED)
        ws.cell(self.r, 3).value = f"=C{total_row}-SUM(C{level_rows[0]}:C{level_rows[-1]})"
        self._share_of(total_row)
        self.r += 1
        self.bold(self.r, 2, "Tổng số")
        ws.cell(self.r, 3).value = f"=COUNTA(B{first}:B{last})" if any_rows else 0
        ws.cell(self.r, 4).value = f"=IF(C{self.r}=0,0,1)"
        ws.cell(self.r, 4).number_format = "0.0%"

    def _share_of(self, total_row: int) -> None:
        c = self.ws.cell(self.r, 4)
        c.value = f"=IF(C{total_row}=0,0,C{self.r}/C{total_row})"
        c.number_format = "0.0%"

    def quota(self, title: str, lines) -> None:
        ws = self.ws
        self.r += 2
        self.bold(self.r, 2, title)
        self.r += 1
        for col, t in enumerate(("Nhóm", "HTXSNV", "HTTNV", "Tỷ lệ", "Mức tối đa", "Số HTXSNV tối đa", "Nhận xét"), 2):
            self.bold(self.r, col, t)
        for q in lines:
            self.r += 1
            r = self.r
            _put(ws, r, 2, q.group or "Toàn chi bộ")
            ws.cell(r, 3, q.excellent)
            ws.cell(r, 4, q.good)
            ws.cell(r, 5).value = f'=IF(D{r}=0,"",C{r}/D{r})'
            ws.cell(r, 5).number_format = "0.0%"
            ws.cell(r, 6, float(q.limit)).number_format = "0%"
            ws.cell(r, 7, q.allowed)
            _put(ws, r, 8, q.text + ("; đề nghị cấp ủy cấp trên xem xét" if q.over and q.advisory else
                                     "; vượt tỷ lệ" if q.over else ""))

    def table(self, title: str, header: tuple[str, ...], rows: list[list]) -> None:
        """A small table under the report (the collectives): texts as text, numbers as numbers."""
        self.r += 2
        self.bold(self.r, 2, title)
        self.r += 1
        for col, t in enumerate(header, 2):
            self.bold(self.r, col, t)
        for row in rows:
            self.r += 1
            for col, value in enumerate(row, 2):
                if isinstance(value, str) or value is None:
                    _put(self.ws, self.r, col, value)
                else:
                    self.ws.cell(self.r, col, value)

    def save(self, target: str | Path) -> Path:
        return finish_sheet(self.wb, self.ws, self.header_row + self.members + 1, self.r, self.FONT, target)


def build_summary_xlsx(desk: VotingDesk, target: str | Path) -> Path:
    """The same report as a workbook: the PDF's rows and figures (summary_rows, MeetingFigures), numbers
    in number cells, totals as formulas over the table, every text cell stored as text."""
    s = desk.s
    figures = MeetingFigures(desk)
    cell = s.cell
    sheet = ReportSheet(f"BÁO CÁO KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {s.meeting.rating_year}",
                        [f"{cell.name}, {cell.higher_org}" if cell.higher_org else cell.name],
                        XLSX_HEADER, XLSX_WIDTHS, "Tổng hợp")
    assert sheet.header_row == HEADER_ROW
    for row in summary_rows(desk, figures):
        o = row.outcome
        sheet.member([row.number, row.name, row.birth_year, row.post, row.kind,
                      LEVEL_ABBREVIATIONS[row.self_level] if row.self_level else None, row.score,
                      LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or None), o.votes if o.level else None,
                      o.base, None, row.note or None], wrap=(2, 4, 12), score=row.score, share=bool(o.level and o.base))
    sheet.totals("Tổng hợp theo mức xếp loại")
    sheet.quota("Tỷ lệ HTXSNV so với HTTNV (theo nhóm)", figures.quota)
    sheet.table("Mức xếp loại tập thể chi bộ đề xuất", ("Tập thể", "Mức đề xuất", "Số phiếu", "Số đảng viên được tính"),
                [[label, LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or "chưa biểu quyết"), o.votes, o.base]
                 for label, o in collectives(desk, figures)])
    return sheet.save(target)
