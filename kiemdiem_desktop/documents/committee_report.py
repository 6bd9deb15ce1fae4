"""BÁO CÁO kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm … — the
committee's report upward (DOMAIN.md §10), numbered "Số …-BC/ĐU": the cells expected, received and
missing; the table of numbers and percentages per level for party members and for cells (a level
decided by the committee replaces the cell's proposal); the quota lines per group; one line per
cell. PDF and Word from the same blocks, and a workbook with totals as formulas. A function of the
stored year and the date given at the entry point."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS, Level
from ..rules.findings import vn_number
from ..rules.majority import LEVELS_TOP_DOWN
from ..store.atomic import write_atomically
from .text import HeaderInfo, Marking
from .content import DocumentBlocks, Heading, Para, TableBlock, Title
from .render import write_docx, write_pdf
from .committee_notice import Committee, committee_sign_off

LEVEL_CODES = [lv.value for lv in LEVELS_TOP_DOWN]


@dataclass(frozen=True)
class CellRow:
    name: str
    status: str                 # Vietnamese, e.g. "Đã nhận" / "Chưa gửi"
    members: int                # rated at the cell
    levels: dict[str, int]      # LEVEL -> n (decided, else voted)
    unrated: int
    level: str | None           # the cell's level (decided, else proposed)


@dataclass
class ReportData:
    committee: Committee
    year: int
    reference: str
    day: date
    citations: list[str]
    member_levels: dict[str, int]
    member_unrated: int
    member_total: int
    not_rated_here: int
    cell_levels: dict[str, int]
    cell_unrated: int
    cells_sent: int
    cells_expected: int
    decided: int
    lowered: int
    quota: list[tuple[str, str, bool]]       # (group label, text, over)
    cells: list[CellRow] = field(default_factory=list)


def pct(n: int, total: int) -> str:
    return f"{vn_number(100 * n / total, 2)}%" if total else "–"


def _level_table(levels: dict[str, int], unrated: int, total: int, what: str) -> TableBlock:
    rows = [[str(i), LEVEL_LABELS[Level(lv)], str(levels.get(lv, 0)), pct(levels.get(lv, 0), total)]
            for i, lv in enumerate(LEVEL_CODES, 1)]
    rows.append([str(len(rows) + 1), "Chưa xếp loại", str(unrated), pct(unrated, total)])
    rows.append(["", f"Tổng số {what}", str(total), "100%" if total else "–"])
    return TableBlock(["STT", "Mức xếp loại", "Số lượng", "Tỷ lệ (%)"], rows, [12, 95, 28], left_columns=(1,),
                      font_size=12)


def report_blocks(d: ReportData) -> DocumentBlocks:
    c = d.committee
    doc = DocumentBlocks(f"Báo cáo kết quả xếp loại chất lượng năm {d.year}")
    number = d.reference if not d.reference or "-" in d.reference else f"{d.reference}-BC/ĐU"
    doc.add(HeaderInfo(c.higher_org, c.name, number, c.locality, d.day, number_suffix="BC/ĐU"))
    doc.add(Title("BÁO CÁO", f"kết quả kiểm điểm, đánh giá, xếp loại chất lượng\n"
                             f"tổ chức đảng và đảng viên năm {d.year}"))
    for cite in d.citations:
        doc.add(Para.of(f"Căn cứ {cite};"))
    doc.add(Para.of(f"{c.name or 'Đảng ủy'} báo cáo kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng "
                    f"và đảng viên năm {d.year} như sau:"))
    total_cells = d.cells_sent + d.cells_expected
    doc.add(Heading("I. TÌNH HÌNH CHUNG"))
    doc.add(Para.of(f"Đảng bộ có {total_cells} chi bộ trực thuộc; {d.cells_sent} chi bộ đã gửi kết quả kiểm điểm, "
                    f"đánh giá, xếp loại (đã xác minh chữ ký số), {d.cells_expected} chi bộ chưa gửi. "
                    f"Tổng số đảng viên được đánh giá, xếp loại tại các chi bộ đã gửi: {d.member_total}"
                    + (f"; {d.not_rated_here} đảng viên không xếp loại tại chi bộ (dự bị chưa đủ 6 tháng, miễn công "
                       f"tác và sinh hoạt đảng, đình chỉ sinh hoạt…)" if d.not_rated_here else "") + "."))
    doc.add(Para.of(f"Đảng ủy đã xem xét đề nghị của các chi bộ và quyết định mức xếp loại của {d.decided} đảng viên"
                    + (f", trong đó hạ mức {d.lowered} đảng viên so với đề xuất của chi bộ (có ghi lý do)"
                       if d.lowered else "") + "; các đảng viên còn lại giữ mức chi bộ đề xuất."))
    doc.add(Heading("II. KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN"))
    doc.add(_level_table(d.member_levels, d.member_unrated, d.member_total, "đảng viên"))
    doc.add(Heading("III. KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG (CHI BỘ)"))
    doc.add(_level_table(d.cell_levels, d.cell_unrated, d.cells_sent, "chi bộ đã gửi"))
    doc.add(Heading("IV. TỶ LỆ HOÀN THÀNH XUẤT SẮC NHIỆM VỤ"))
    if not d.quota:
        doc.add(Para.of("Chưa có đảng viên được xếp loại Hoàn thành tốt nhiệm vụ trở lên để tính tỷ lệ."))
    for group, text, over in d.quota:
        doc.add(Para.of(f"- {group}: {text}" + (" (vượt tỷ lệ cho phép)." if over else "."), indent=False))
    doc.add(Heading("V. KẾT QUẢ THEO TỪNG CHI BỘ"))
    rows = []
    for i, r in enumerate(d.cells, 1):
        rows.append([str(i), r.name, r.status, str(r.members) if r.members else "",
                     *[str(r.levels.get(lv, 0)) if r.members else "" for lv in LEVEL_CODES],
                     str(r.unrated) if r.members else "", LEVEL_ABBREVIATIONS[Level(r.level)] if r.level else ""])
    doc.add(TableBlock(["STT", "Chi bộ", "Tình trạng", "Số ĐV", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Chưa XL"],
                       [r[:9] for r in rows], [9, 36, 22, 12, 17, 16, 14, 16], left_columns=(1, 2),
                       font_size=10))
    doc.add(Para.of("Mức xếp loại của từng chi bộ: " + "; ".join(
        f"{r.name}: {LEVEL_ABBREVIATIONS[Level(r.level)] if r.level else 'chưa xếp loại'}" for r in d.cells if r.members)
        + ".", indent=False))
    doc.add(Para.of("Ký hiệu: " + "; ".join(f"{LEVEL_ABBREVIATIONS[lv]}: {LEVEL_LABELS[lv]}" for lv in LEVELS_TOP_DOWN)
                    + "; ĐV: đảng viên; XL: xếp loại.", indent=False))
    doc.add(committee_sign_off(c, f"{c.higher_org or 'Cấp ủy cấp trên'},"))
    return doc


def build_report_pdf(d: ReportData, target: str | Path) -> Path:
    return write_pdf(report_blocks(d), target, Marking(draft=False, revision=0))


def build_report_docx(d: ReportData, target: str | Path) -> Path:
    return write_docx(report_blocks(d), target, Marking(draft=False, revision=0))


def build_report_xlsx(d: ReportData, target: str | Path, decisions_sheet=None) -> Path:
    """Sheet "Báo cáo": the two tables with counts and percentages as formulas; "Chi bộ": one row
    per cell with totals as formulas. ``decisions_sheet(wb)`` may add the sheet the staff fill in."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    font = "Times New Roman"
    bold = Font(name=font, size=12, bold=True)
    ws["A1"] = f"BÁO CÁO KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {d.year}"
    ws["A1"].font = Font(name=font, size=14, bold=True)
    _text(ws, 2, 1, f"{d.committee.name} — {d.committee.higher_org}" + (f" — Số {d.reference}" if d.reference else ""))
    r = 3

    def table(title: str, levels: dict[str, int], unrated: int, what: str) -> None:
        nonlocal r
        r += 1
        ws.cell(r, 1, title).font = bold
        r += 1
        for col, t in enumerate(("STT", "Mức xếp loại", "Số lượng", "Tỷ lệ"), 1):
            ws.cell(r, col, t).font = bold
        first = r + 1
        items = [(LEVEL_LABELS[Level(lv)], levels.get(lv, 0)) for lv in LEVEL_CODES] + [("Chưa xếp loại", unrated)]
        last = first + len(items) - 1
        total_row = last + 1
        for i, (label, n) in enumerate(items, 1):
            r += 1
            ws.cell(r, 1, i)
            _text(ws, r, 2, label)
            ws.cell(r, 3, n)
            share = ws.cell(r, 4, f"=IF($C${total_row}=0,\"\",C{r}/$C${total_row})")
            share.number_format = "0.00%"
        r += 1
        _text(ws, r, 2, f"Tổng số {what}").font = bold
        ws.cell(r, 3, f"=SUM(C{first}:C{last})").font = bold
        ws.cell(r, 4, f"=IF(C{r}=0,\"\",SUM(D{first}:D{last}))").number_format = "0.00%"
        r += 1

    table("I. Xếp loại đảng viên", d.member_levels, d.member_unrated, "đảng viên")
    table("II. Xếp loại tổ chức đảng (chi bộ đã gửi)", d.cell_levels, d.cell_unrated, "chi bộ")
    r += 1
    ws.cell(r, 1, "III. Tỷ lệ HTXSNV so với HTTNV (theo nhóm)").font = bold
    for group, text, over in d.quota:
        r += 1
        _text(ws, r, 2, group)
        _text(ws, r, 3, text + (" — vượt tỷ lệ" if over else ""))
    for col, w in zip("ABCD", (8, 42, 14, 12)):
        ws.column_dimensions[col].width = w

    cs = wb.create_sheet("Chi bộ")
    head = ["STT", "Chi bộ", "Tình trạng", "Số đảng viên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Chưa xếp loại",
            "Mức xếp loại chi bộ"]
    for col, t in enumerate(head, 1):
        c = cs.cell(1, col, t)
        c.font = bold
        c.alignment = Alignment(wrap_text=True, horizontal="center")
    for i, row in enumerate(d.cells, 1):
        values = [i, row.name, row.status, row.members, *[row.levels.get(lv, 0) for lv in LEVEL_CODES], row.unrated,
                  LEVEL_ABBREVIATIONS[Level(row.level)] if row.level else ""]
        for col, v in enumerate(values, 1):
            if isinstance(v, str):
                _text(cs, i + 1, col, v)
            else:
                cs.cell(i + 1, col, v)
    n = len(d.cells) + 1
    _text(cs, n + 1, 2, "Tổng số").font = bold
    for col in "DEFGHI":
        cs[f"{col}{n + 1}"] = f"=SUM({col}2:{col}{n})"
        cs[f"{col}{n + 1}"].font = bold
    cs.freeze_panes = "C2"
    for col, w in zip("ABCDEFGHIJ", (6, 36, 24, 12, 10, 10, 10, 10, 12, 14)):
        cs.column_dimensions[col].width = w
    if decisions_sheet is not None:
        decisions_sheet(wb)
    return write_atomically(target, lambda tmp: wb.save(tmp))


def _text(ws, row: int, col: int, value: str):
    """Text that is never read as a formula (a name beginning with = + - @ stays text)."""
    c = ws.cell(row, col)
    c.value = value
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        c.data_type = "s"
    return c
