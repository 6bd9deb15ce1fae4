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
from ..model.member import DISCIPLINE_LABELS, PERIOD_LABELS, PartyPost
from ..model.vote import CELL, COMMITTEE
from ..rules.findings import vn_number
from ..rules.majority import LEVELS_TOP_DOWN
from ..store.atomic import write_atomically
from ..voting import VotingDesk
from .base import TEXT_WIDTH, HeaderInfo, Marking, build_pdf, grid, header_block, markup, p, styles, x
from .higher_decision import higher_decision_note
from .common import date_vn, kind_of, meeting_marking, members_rated_here, pct, post_of


@dataclass(frozen=True)
class Outcome:
    """What the cell voted for a subject: the level reached with its votes against the base."""

    level: Level | None
    votes: int | None
    base: int | None
    voted: bool

    def text(self) -> str:
        if not self.voted:
            return ""
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
    v = desk.final_vote(subject)
    if v is None:
        return Outcome(None, None, None, False)
    r = desk.result(v)
    base = r.headcount.base_count
    if r.rating is None or r.rating.reached is None:
        return Outcome(None, None, base, True)
    count = next(c for c in r.rating.counts if c.level == r.rating.reached)
    return Outcome(r.rating.reached, count.votes, base, True)


def _score(desk: VotingDesk, subject: str) -> float | None:
    review = desk.record.self_reviews.get(subject)
    prop = desk.record.proposals.get(subject)
    general = review.general_score if review else None
    task = review.task_score if review else None
    if prop and (prop.accepted_general is not None or prop.accepted_task is not None):
        general = prop.accepted_general if prop.accepted_general is not None else general
        task = prop.accepted_task if prop.accepted_task is not None else task
    return None if general is None or task is None else general + task


def _note(desk: VotingDesk, member, rated_ids: set[str]) -> str:
    s = desk.s
    parts = []
    year = s.meeting.rating_year
    for d in member.discipline:
        if d.decision_date and d.decision_date.year == year:
            parts.append(f"Kỷ luật {DISCIPLINE_LABELS[d.form].lower()} ({date_vn(d.decision_date)})")
    day = s.meeting.meeting_date or date.today()
    parts += [PERIOD_LABELS[k] for k in leave_on(member, day)]
    a = s.record.attendance.get(member.id)
    if member.id not in rated_ids and a is not None and not a.present_at_opening and not a.arrived_at:
        why = {Presence.ABSENT_APPROVED: "có lý do"}.get(a.status, "")
        parts.append("Vắng" + (f" ({why}{': ' + a.reason if a.reason else ''})" if why else "")
                     + ", kiểm điểm bổ sung")
    elif a is not None and a.left_at:
        parts.append(f"Về sớm lúc {a.left_at}")
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
    story: list = [header_block(HeaderInfo(cell.higher_org, cell.name, None, locality or cell.locality, m.meeting_date)),
                   Spacer(1, 7 * mm), p("TỔNG HỢP KẾT QUẢ", st.title),
                   p(f"kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {m.rating_year}", st.subtitle)]
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
    widths = [9 * mm, 33 * mm, 12 * mm, 23 * mm, 18 * mm, 17 * mm, 11 * mm, 19 * mm]
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
        tail = (" — đề nghị cấp ủy cấp trên xem xét." if q.over and q.advisory else
                " — vượt tỷ lệ cho phép." if q.over else ".")
        story.append(p(f"- {q.group or 'Toàn chi bộ'}: {q.text}{tail}", st.body_left))
        if q.article:
            story.append(p(f"Căn cứ: {q.article}.", st.small))

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
                     title=f"Tổng hợp kết quả xếp loại năm {desk.s.meeting.rating_year}",
                     marking=marking or meeting_marking(desk.s))


# -- XLSX --------------------------------------------------------------------------------------------------
XLSX_HEADER = ("STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chính thức/Dự bị", "Tự xếp loại", "Điểm",
               "Chi bộ đề xuất", "Số phiếu", "Số đảng viên được tính", "Tỷ lệ", "Ghi chú")
XLSX_WIDTHS = (6, 28, 10, 26, 16, 12, 8, 15, 10, 12, 9, 40)
HEADER_ROW = 4


def build_summary_xlsx(desk: VotingDesk, target: str | Path) -> Path:
    """The same summary as a workbook: numbers in number cells, the header row frozen, widths set."""
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
    ws["A1"] = f"TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {s.meeting.rating_year}"
    ws["A1"].font = Font(name=font, size=14, bold=True)
    ws["A2"] = f"{s.cell.name} — {s.cell.higher_org}"
    ws["A2"].font = Font(name=font, size=12, italic=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(XLSX_HEADER))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(XLSX_HEADER))
    for col, (title, width) in enumerate(zip(XLSX_HEADER, XLSX_WIDTHS), 1):
        c = ws.cell(HEADER_ROW, col, title)
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
                  LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or None), o.votes, o.base,
                  (o.votes / o.base) if o.level and o.base else None, row.note or None]
        for col, value in enumerate(values, 1):
            c = ws.cell(r, col, value)
            c.font = Font(name=font, size=12)
            c.border = border
            c.alignment = Alignment(vertical="center", wrap_text=col in (2, 4, 12),
                                    horizontal="center" if col in (1, 3, 5, 6, 7, 8, 9, 10, 11) else "left")
        ws.cell(r, 7).number_format = "0.##"
        ws.cell(r, 11).number_format = "0.0%"

    def section(title: str) -> None:
        nonlocal r
        r += 2
        ws.cell(r, 2, title).font = Font(name=font, size=12, bold=True)

    section("Tổng hợp theo mức xếp loại")
    total = len(rows)
    for label, n in [*level_totals(rows), ("Tổng số", total)]:
        r += 1
        ws.cell(r, 2, label)
        ws.cell(r, 3, n)
        share = ws.cell(r, 4, n / total if total else None)
        share.number_format = "0.0%"
    section("Tỷ lệ HTXSNV so với HTTNV (theo nhóm)")
    r += 1
    for col, t in enumerate(("Nhóm", "HTXSNV", "HTTNV", "Tỷ lệ", "Mức tối đa", "Số HTXSNV tối đa", "Nhận xét"), 2):
        ws.cell(r, col, t).font = Font(name=font, size=12, bold=True)
    for q in desk.quota():
        r += 1
        ws.cell(r, 2, q.group or "Toàn chi bộ")
        ws.cell(r, 3, q.excellent)
        ws.cell(r, 4, q.good)
        ratio = ws.cell(r, 5, float(q.ratio) if q.ratio is not None else None)
        ratio.number_format = "0.0%"
        limit = ws.cell(r, 6, float(q.limit))
        limit.number_format = "0%"
        ws.cell(r, 7, q.allowed)
        ws.cell(r, 8, q.text + (" — để cấp ủy cấp trên xem xét" if q.over and q.advisory else
                                " — vượt tỷ lệ" if q.over else ""))
    section("Mức xếp loại tập thể chi bộ đề xuất")
    r += 1
    for col, t in enumerate(("Tập thể", "Mức đề xuất", "Số phiếu", "Số đảng viên được tính"), 2):
        ws.cell(r, col, t).font = Font(name=font, size=12, bold=True)
    for label, o in collectives(desk):
        r += 1
        ws.cell(r, 2, label)
        ws.cell(r, 3, LEVEL_ABBREVIATIONS[o.level] if o.level else (o.text() or "chưa biểu quyết"))
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
