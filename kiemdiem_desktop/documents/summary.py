"""Tổng hợp kết quả kiểm điểm, xếp loại for the higher committee (DOMAIN.md §7), PDF and XLSX:
STT, họ và tên, năm sinh, chức vụ, chính thức/dự bị, tự xếp loại, điểm, chi bộ đề xuất (votes /
base), ghi chú (kỷ luật, nghỉ ốm/thai sản, vắng…); totals per level; HTXSNV as a share of HTTNV per
group (the quota lines); the cell's and the committee's proposed levels."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from ..model import Level, leave_on
from ..model.attendance import Presence
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.member import DISCIPLINE_LABELS, PERIOD_LABELS, PartyPost, PeriodKind
from ..model.vote import CELL, COMMITTEE
from ..rules.findings import vn_number
from ..rules.majority import LEVELS_TOP_DOWN
from ..store.atomic import write_atomically
from ..voting import VotingDesk
from .base import TEXT_WIDTH, HeaderInfo, Marking, build_pdf, grid, header_block, markup, p, styles, time_words, x
from .higher_decision import higher_decision_note
from .common import (
    accepted_score, date_vn, decided_level, final_result, kind_of, leave_in_year, meeting_marking, members_rated_here,
    pct, post_of, printed_article,
)


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


def outcome_of(desk: VotingDesk, subject: str) -> Outcome:
    """The level reached by the last vote, only when that vote had its quorum (DOMAIN.md §5)."""
    r = final_result(desk, subject)
    if r is None:
        return Outcome(None, None, None, False)
    base = r.headcount.base_count
    level = decided_level(desk, subject)
    if level is None:
        return Outcome(None, None, base, True, quorum_met=r.quorum_met)
    count = next(c for c in r.rating.counts if c.level == level)
    return Outcome(level, count.votes, base, True)


def _score(desk: VotingDesk, subject: str) -> float | None:
    return accepted_score(desk, subject).total


def _note(desk: VotingDesk, member, rated_ids: set[str]) -> str:
    s = desk.s
    parts = []
    year = s.meeting.rating_year
    for d in member.discipline:
        if d.decision_date and d.decision_date.year == year:
            parts.append(f"Kỷ luật {DISCIPLINE_LABELS[d.form].lower()} ({date_vn(d.decision_date)})")
    parts += leave_in_year(member, year)
    if leave_on(member, s.meeting.meeting_date or date(year, 12, 31)).count(PeriodKind.INSPECTION):
        parts.append(PERIOD_LABELS[PeriodKind.INSPECTION])
    sc = accepted_score(desk, member.id)
    if sc.changed:
        parts.append(f"Tự chấm {vn_number(sc.self_total)} điểm, chi bộ chấp nhận {vn_number(sc.total)} điểm: "
                     f"{sc.reason.rstrip('.') or 'chưa ghi lý do'}")
    a = s.record.attendance.get(member.id)
    if member.id not in rated_ids and a is not None and not a.present_at_opening and not a.arrived_at:
        why = {Presence.ABSENT_APPROVED: "có lý do"}.get(a.status, "")
        parts.append("Vắng" + (f" ({why}{': ' + a.reason if a.reason else ''})" if why else "")
                     + ", kiểm điểm bổ sung")
    elif a is not None and a.left_at:
        parts.append(f"Về sớm lúc {time_words(a.left_at)}")
    parts.append(higher_decision_note(desk, member.id))
    return "; ".join(p for p in parts if p)


def summary_rows(desk: VotingDesk) -> list[SummaryRow]:
    rated_ids = set(desk.rating_subjects())
    rows = []
    for i, m in enumerate(members_rated_here(desk.s), 1):
        review = desk.record.self_reviews.get(m.id)
        rows.append(SummaryRow(i, m.full_name, m.birth_date.year if m.birth_date else None, post_of(m),
                               kind_of(desk.s.categories[m.id]),
                               Level(review.proposed_level) if review and review.proposed_level else None,
                               _score(desk, m.id), outcome_of(desk, m.id) if m.id in rated_ids
                               else Outcome(None, None, None, False), _note(desk, m, rated_ids)))
    return rows


def level_totals(rows: list[SummaryRow]) -> list[tuple[str, int]]:
    """(label, count) for each level, then those not rated at this meeting."""
    out = [(LEVEL_LABELS[lv], sum(1 for r in rows if r.outcome.level == lv)) for lv in LEVELS_TOP_DOWN]
    not_yet = sum(1 for r in rows if r.outcome.level is None)
    out.append(("Chưa xếp loại (vắng, chưa đạt hoặc chưa biểu quyết)", not_yet))
    return out


def collectives(desk: VotingDesk) -> list[tuple[str, Outcome]]:
    out = []
    if desk.s.cell.has_committee:
        out.append(("Tập thể chi ủy", outcome_of(desk, COMMITTEE)))
    out.append((f"{desk.s.cell.name or 'Chi bộ'} (tập thể chi bộ)", outcome_of(desk, CELL)))
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
    rows = summary_rows(desk)
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
    widths = [9 * mm, 31 * mm, 11 * mm, 22 * mm, 16 * mm, 15 * mm, 10 * mm, 17 * mm]
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
    lines = desk.quota()
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
    for label, o in collectives(desk):
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


def build_summary_xlsx(desk: VotingDesk, target: str | Path) -> Path:
    """The same report as a workbook: numbers in number cells, totals as formulas over the table,
    every text cell stored as text, the header row frozen, widths set."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    s = desk.s
    rows = summary_rows(desk)
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
    for q in desk.quota():
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
    for label, o in collectives(desk):
        r += 1
        _put(ws, r, 2, label)
        _put(ws, r, 3, LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or "chưa biểu quyết"))
        ws.cell(r, 4, o.votes)
        ws.cell(r, 5, o.base)
    for row in ws.iter_rows(min_row=HEADER_ROW + len(rows) + 1, max_row=r):
        for c in row:
            if c.font is None or c.font.name != font:
                c.font = Font(name=font, size=12, bold=bool(c.font and c.font.b))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return write_atomically(target, lambda tmp: wb.save(tmp))
