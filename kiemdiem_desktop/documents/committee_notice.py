"""THÔNG BÁO kết quả xếp loại chất lượng năm … — the committee's notice to one cell of the levels it
decided (DOMAIN.md §10): every member the cell rated, the level the cell proposed (votes / base),
the level decided, and the reason where the committee lowered it; the cell's own level. A function
of the committee's stored year and the date given at the entry point (no clock here)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS, Level
from ..rules.majority import LEVELS_TOP_DOWN
from .text import HeaderInfo, Marking
from .content import DocumentBlocks, Gap, Heading, Para, SignOff, TableBlock, Title
from .render import write_docx, write_pdf


@dataclass(frozen=True)
class Committee:
    name: str              # "Đảng ủy phường Bến Nghé" (the header prints it in capitals)
    higher_org: str        # "Đảng bộ quận 1"
    locality: str
    secretary: str = ""


@dataclass(frozen=True)
class NoticeLine:
    full_name: str
    proposed: str | None       # the level the cell voted
    votes: int | None
    base: int | None
    decided: str | None
    reason: str = ""


@dataclass
class NoticeData:
    committee: Committee
    year: int
    cell_name: str
    reference: str             # "15-TB/ĐU" or "" (left to fill by hand)
    day: date
    citations: list[str]
    members: list[NoticeLine] = field(default_factory=list)
    cell: NoticeLine | None = None


def abbr(level: str | None) -> str:
    return LEVEL_ABBREVIATIONS[Level(level)] if level else ""


def label(level: str | None) -> str:
    return LEVEL_LABELS[Level(level)] if level else "chưa xếp loại"


def notice_blocks(d: NoticeData) -> DocumentBlocks:
    c = d.committee
    doc = DocumentBlocks(f"Thông báo kết quả xếp loại năm {d.year} — {d.cell_name}")
    number = d.reference if not d.reference or "-" in d.reference else f"{d.reference}-TB/ĐU"
    doc.add(HeaderInfo(c.higher_org, c.name, number, c.locality, d.day, number_suffix="TB/ĐU"))
    doc.add(Title("THÔNG BÁO", f"kết quả xếp loại chất lượng đảng viên và tổ chức đảng năm {d.year}\n"
                               f"đối với {d.cell_name}"))
    doc.add(Gap(2))
    for cite in d.citations:
        doc.add(Para.of(f"Căn cứ {cite};"))
    doc.add(Para.of(f"Xét đề nghị của {d.cell_name} và kết quả kiểm điểm, đánh giá, xếp loại chất lượng năm {d.year} "
                    f"của chi bộ;"))
    doc.add(Para.of(f"{c.name or 'Đảng ủy'} thông báo kết quả xếp loại "
                    f"chất lượng năm {d.year} đối với {d.cell_name} như sau:"))
    doc.add(Heading("1. Xếp loại chất lượng đảng viên"))
    rows = []
    for i, m in enumerate(d.members, 1):
        proposed = abbr(m.proposed) + (f" ({m.votes}/{m.base})" if m.proposed and m.votes is not None else "")
        note = ("Giữ mức chi bộ đề xuất" if m.decided and m.decided == m.proposed else
                f"Hạ mức. Lý do: {m.reason}" if m.decided else m.reason)
        rows.append([str(i), m.full_name, proposed or "", abbr(m.decided), note])
    doc.add(TableBlock(["STT", "Họ và tên", "Chi bộ đề xuất (phiếu/số được tính)", "Đảng ủy quyết định", "Ghi chú"],
                       rows, [10, 45, 30, 25], bold_columns=(3,), left_columns=(1, 4)))
    totals = {lv: sum(1 for m in d.members if m.decided == lv.value) for lv in LEVELS_TOP_DOWN}
    doc.add(Para.of("Tổng hợp: " + "; ".join(f"{LEVEL_LABELS[lv]}: {n}" for lv, n in totals.items())
                    + f"; chưa xếp loại: {sum(1 for m in d.members if not m.decided)}.", indent=False))
    doc.add(Heading("2. Xếp loại chất lượng tổ chức đảng"))
    if d.cell is None or not d.cell.decided:
        doc.add(Para.of(f"{d.cell_name}: chưa xếp loại (chi bộ chưa biểu quyết mức tự xếp loại)."))
    else:
        tail = (f" (chi bộ đề xuất {label(d.cell.proposed)}; lý do: {d.cell.reason})"
                if d.cell.proposed and d.cell.decided != d.cell.proposed else " (giữ mức chi bộ đề xuất)")
        doc.add(Para([(f"{d.cell_name}: ", ""), (label(d.cell.decided), "b"), (tail + ".", "")]))
    doc.add(Para.of(f"Đề nghị {d.cell_name} thông báo kết quả đến từng đảng viên và ghi vào hồ sơ kiểm điểm năm "
                    f"{d.year}; mức cấp ủy quyết định được ghi bên cạnh kết quả chi bộ đã biểu quyết, "
                    f"không thay thế kết quả biểu quyết của chi bộ."))
    doc.add(committee_sign_off(c, f"{d.cell_name},"))
    return doc


def committee_sign_off(c: Committee, to: str) -> SignOff:
    """Where the committee's notice or report goes, and the committee's secretary signing for it."""
    return SignOff([f"- {to}", "- Lưu văn phòng đảng ủy."], "T/M ĐẢNG ỦY\nBÍ THƯ", c.secretary)


def build_notice_pdf(d: NoticeData, target: str | Path) -> Path:
    return write_pdf(notice_blocks(d), target, Marking(draft=False, revision=0))


def build_notice_docx(d: NoticeData, target: str | Path) -> Path:
    return write_docx(notice_blocks(d), target, Marking(draft=False, revision=0))


def citations(rules) -> list[str]:
    """"Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị" and the guidance, from the rule set."""
    out = []
    for part, who, kind in (("regulation", "Bộ Chính trị", "Quy định"),
                            ("guidance", "Ban Tổ chức Trung ương", "Hướng dẫn")):
        info = rules.data.get(part) or {}
        if not info.get("code"):
            continue
        text = f"{kind} số {info['code']}"
        if info.get("date"):
            y, m, dd = (int(v) for v in info["date"].split("-"))
            # NĐ 30/2020 (followed for dates in text): a zero before days below 10 and the months 1 and 2
            text += f", ngày {dd:02d}/{m:02d}/{y}" if m <= 2 else f", ngày {dd:02d}/{m}/{y}"
        out.append(text + f" của {who}")
    return out
