"""Tổng hợp kết quả kiểm điểm, xếp loại for the higher committee (DOMAIN.md §7), PDF and XLSX:
STT, họ và tên, năm sinh, chức vụ, chính thức/dự bị, tự xếp loại, điểm, chi bộ đề xuất (votes /
base), ghi chú (kỷ luật, nghỉ ốm/thai sản, vắng…); totals per level; HTXSNV as a share of HTTNV per
group (the quota lines); the cell's and the committee's proposed levels."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from ..model import Level
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.member import PartyPost
from ..model.vote import CELL, COMMITTEE
from ..rules.findings import vn_number
from ..rules.majority import LEVELS_TOP_DOWN
from ..store.atomic import write_atomically
from ..voting import VotingDesk
from .base import TEXT_WIDTH, HeaderInfo, Marking, build_pdf, grid, header_block, markup, p, styles, time_words, x
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


def _secretary(desk: VotingDesk) -> str:
    for m in desk.s.member_list:
        if m.party_post == PartyPost.SECRETARY:
            return m.full_name
    return ""


# -- PDF ---------------------------------------------------------------------------------------------------
def summary_story(desk: VotingDesk, *, locality: str = "") -> list:
    st, s = styles(), desk.s
    m, cell = s.meeting, s.cell
    figures = MeetingFigures(desk)
    rows = summary_rows(desk, figures)
    story: list = [header_block(HeaderInfo(cell.higher_org, cell.name, "", locality or cell.locality, m.meeting_date,
                                           number_suffix="BC/CB")),
                   Spacer(1, 7 * mm), p("BÁO CÁO", st.title),
                   p(f"kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {m.rating_year}",
                     ParagraphStyle("sub0", parent=st.subtitle, spaceAfter=0)),
                   markup("-----", ParagraphStyle("rule", parent=st.subtitle, spaceAfter=8, leading=14))]
    head = ParagraphStyle("th_head", parent=st.cell_bold, fontSize=9.5, leading=11)
    c = ParagraphStyle("th_c", parent=st.cell_center, fontSize=10, leading=12)
    left = ParagraphStyle("th_l", parent=st.cell, fontSize=10, leading=12)
    name_style = ParagraphStyle("th_n", parent=st.cell, fontSize=11, leading=13)
    table = [[markup(f"<b>{t}</b>", head) for t in
              ("STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chính thức/ Dự bị", "Tự xếp loại", "Điểm",
               "Chi bộ đề xuất (phiếu/ số được tính)", "Ghi chú")]]
    for r in rows:
        o = r.outcome
        proposed = (f"<b>{LEVEL_ABBREVIATIONS[o.level]}</b><br/>{o.votes}/{o.base}" if o.level else
                    x(o.text()))
        table.append([p(str(r.number), c), p(r.name, name_style), p(str(r.birth_year or ""), c), p(r.post, left),
                      p(r.kind, c), p(LEVEL_ABBREVIATIONS[r.self_level] if r.self_level else "", c),
                      p(vn_number(r.score) if r.score is not None else "", c), markup(proposed, c), p(r.note, left)])
    widths = [9 * mm, 31 * mm, 11 * mm, 21 * mm, 15 * mm, 17 * mm, 10 * mm, 17 * mm]
    widths.append(TEXT_WIDTH - sum(widths))
    story.append(grid(table, widths, align_center=(0, 2, 4, 5, 6, 7)))
    story.append(Spacer(1, 3 * mm))

    # totals per level
    totals_heading = p("Tổng hợp theo mức xếp loại (đảng viên):", st.heading)
    total = len(rows)
    tot = [[markup("<b>Mức xếp loại</b>", st.cell_bold), markup("<b>Số lượng</b>", st.cell_bold),
            markup("<b>Tỷ lệ</b>", st.cell_bold)]]
    for label, n in level_totals(rows):
        tot.append([p(label, st.cell), p(str(n), st.cell_center), p(pct(n, total), st.cell_center)])
    tot.append([markup("<b>Tổng số</b>", st.cell), markup(f"<b>{total}</b>", st.cell_center),
                p("100%" if total else "–", st.cell_center)])
    story.append(KeepTogether([totals_heading, grid(tot, [TEXT_WIDTH - 50 * mm, 25 * mm, 25 * mm],
                                                    align_center=(1, 2))]))

    # quota lines
    story.append(p("Tỷ lệ Hoàn thành xuất sắc nhiệm vụ so với Hoàn thành tốt nhiệm vụ (theo nhóm):", st.heading))
    lines = figures.quota
    if not lines:
        story.append(p("- Chưa có kết quả xếp loại để tính tỷ lệ.", st.body_left))
    for q in lines:
        tail = ("; đề nghị cấp ủy cấp trên xem xét." if q.over and q.advisory else
                "; vượt tỷ lệ cho phép." if q.over else ".")
        story.append(p(f"- {q.group or 'Toàn chi bộ'}: {q.text}{tail}", st.body_left))
        if q.article:
            story.append(p(f"Căn cứ: {printed_article(q.article)}.", st.small))

    # the collectives
    story.append(p("Mức xếp loại tập thể chi bộ đề xuất:", st.heading))
    for label, o in collectives(desk, figures):
        story.append(markup(f"- {x(label)}: <b>{x(LEVEL_LABELS[o.level]) if o.level else x(o.text() or 'chưa biểu quyết')}</b>"
                            + (f" ({o.votes}/{o.base} phiếu tán thành, {pct(o.votes, o.base)})" if o.level else "")
                            + ".", st.body_left))
    story.append(p("Ký hiệu: " + "; ".join(f"{LEVEL_ABBREVIATIONS[lv]}: {LEVEL_LABELS[lv]}"
                                            for lv in LEVELS_TOP_DOWN) + ".", st.small))
    story.append(Spacer(1, 6 * mm))
    sig = Table([[[markup("<b><u>Nơi nhận:</u></b>", st.small), p(f"- {cell.higher_org or 'Đảng ủy cấp trên'},", st.small),
                   p("- Lưu chi bộ.", st.small)],
                  [markup("<b>T/M CHI ỦY</b>" if cell.has_committee else "<b>T/M CHI BỘ</b>", st.signature),
                   markup("<b>BÍ THƯ</b>", st.signature), Spacer(1, 20 * mm),
                   markup(f"<b>{x(_secretary(desk))}</b>", st.signature)]]],
                colWidths=[TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55])
    sig.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(KeepTogether(sig))
    return story


def build_summary_pdf(desk: VotingDesk, target: str | Path, *, marking: Marking | None = None,
                      locality: str = "") -> Path:
    return build_pdf(target, summary_story(desk, locality=locality),
                     title=f"Báo cáo kết quả xếp loại năm {desk.s.meeting.rating_year}",
                     marking=marking or meeting_marking(desk.s))


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


def build_summary_xlsx(desk: VotingDesk, target: str | Path) -> Path:
    """The same report as a workbook: numbers in number cells, totals as formulas over the table,
    every text cell stored as text, the header row frozen, widths set."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    s = desk.s
    figures = MeetingFigures(desk)
    rows = summary_rows(desk, figures)
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    font = "Times New Roman"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    _put(ws, 1, 1, f"BÁO CÁO KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {s.meeting.rating_year}")
    ws["A1"].font = Font(name=font, size=14, bold=True)
    _put(ws, 2, 1, f"{s.cell.name}, {s.cell.higher_org}" if s.cell.higher_org else s.cell.name)
    ws["A2"].font = Font(name=font, size=12, italic=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(XLSX_HEADER))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(XLSX_HEADER))
    for col, (title, width) in enumerate(zip(XLSX_HEADER, XLSX_WIDTHS), 1):
        c = _put(ws, HEADER_ROW, col, title)
        c.font = Font(name=font, size=12, bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    r = HEADER_ROW
    first = HEADER_ROW + 1
    for row in rows:
        r += 1
        o = row.outcome
        values = [row.number, row.name, row.birth_year, row.post, row.kind,
                  LEVEL_ABBREVIATIONS[row.self_level] if row.self_level else None, row.score,
                  LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or None), o.votes if o.level else None,
                  o.base, None, row.note or None]
        for col, value in enumerate(values, 1):
            c = _put(ws, r, col, value)
            c.font = Font(name=font, size=12)
            c.border = border
            c.alignment = Alignment(vertical="center", wrap_text=col in (2, 4, 12),
                                    horizontal="center" if col in (1, 3, 5, 6, 7, 8, 9, 10, 11) else "left")
        ws.cell(r, 7).number_format = score_format(row.score)
        if o.level and o.base:
            share = ws.cell(r, 11)
            share.value = f"=I{r}/J{r}"          # the share of the base, computed by the sheet
            share.number_format = "0.0%"
    last = r

    def section(title: str) -> None:
        nonlocal r
        r += 2
        _put(ws, r, 2, title).font = Font(name=font, size=12, bold=True)

    section("Tổng hợp theo mức xếp loại")
    total_row = r + len(LEVELS_TOP_DOWN) + 2
    level_rows = []
    for lv in LEVELS_TOP_DOWN:
        r += 1
        level_rows.append(r)
        _put(ws, r, 2, LEVEL_LABELS[lv])
        ws.cell(r, 3).value = f'=COUNTIF(H{first}:H{last},"{LEVEL_ABBREVIATIONS[lv]}")' if rows else 0
        ws.cell(r, 4).value = f"=IF(C{total_row}=0,0,C{r}/C{total_row})"
        ws.cell(r, 4).number_format = "0.0%"
    r += 1
    _put(ws, r, 2, "Chưa xếp loại (vắng, chưa đạt hoặc chưa biểu quyết)")
    ws.cell(r, 3).value = f"=C{total_row}-SUM(C{level_rows[0]}:C{level_rows[-1]})"
    ws.cell(r, 4).value = f"=IF(C{total_row}=0,0,C{r}/C{total_row})"
    ws.cell(r, 4).number_format = "0.0%"
    r += 1
    assert r == total_row
    _put(ws, r, 2, "Tổng số").font = Font(name=font, size=12, bold=True)
    ws.cell(r, 3).value = f"=COUNTA(B{first}:B{last})" if rows else 0
    ws.cell(r, 4).value = f"=IF(C{r}=0,0,1)"
    ws.cell(r, 4).number_format = "0.0%"
    section("Tỷ lệ HTXSNV so với HTTNV (theo nhóm)")
    r += 1
    for col, t in enumerate(("Nhóm", "HTXSNV", "HTTNV", "Tỷ lệ", "Mức tối đa", "Số HTXSNV tối đa", "Nhận xét"), 2):
        _put(ws, r, col, t).font = Font(name=font, size=12, bold=True)
    for q in figures.quota:
        r += 1
        _put(ws, r, 2, q.group or "Toàn chi bộ")
        ws.cell(r, 3, q.excellent)
        ws.cell(r, 4, q.good)
        ratio = ws.cell(r, 5)
        ratio.value = f'=IF(D{r}=0,"",C{r}/D{r})'
        ratio.number_format = "0.0%"
        limit = ws.cell(r, 6, float(q.limit))
        limit.number_format = "0%"
        ws.cell(r, 7, q.allowed)
        _put(ws, r, 8, q.text + ("; đề nghị cấp ủy cấp trên xem xét" if q.over and q.advisory else
                                 "; vượt tỷ lệ" if q.over else ""))
    section("Mức xếp loại tập thể chi bộ đề xuất")
    r += 1
    for col, t in enumerate(("Tập thể", "Mức đề xuất", "Số phiếu", "Số đảng viên được tính"), 2):
        _put(ws, r, col, t).font = Font(name=font, size=12, bold=True)
    for label, o in collectives(desk, figures):
        r += 1
        _put(ws, r, 2, label)
        _put(ws, r, 3, LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or "chưa biểu quyết"))
        ws.cell(r, 4, o.votes)
        ws.cell(r, 5, o.base)
    return finish_sheet(wb, ws, HEADER_ROW + len(rows) + 1, r, font, target)
