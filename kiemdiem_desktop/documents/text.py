"""What a document says, before any renderer: NFC text, the Party's date and time words, the
header's facts (HeaderInfo) and the draft/revision marking (Marking). No reportlab, no python-docx:
the content model (content.py) and every document's content builder import only this."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def date_words(day: date | None) -> str:
    """"ngày 05 tháng 02 năm 2026", "ngày 10 tháng 12 năm 2025", "ngày 03 tháng 4 năm 2018".

    Leading zeros as the Party's own format guide writes them: Hướng dẫn số 36-HD/VPTW, ngày 03/4/2018
    của Văn phòng Trung ương Đảng (thể thức và kỹ thuật trình bày văn bản của Đảng), phần "địa danh và
    ngày, tháng, năm ban hành văn bản": the day below 10 and the months 1 and 2 take a 0 in front
    (the guide's own date line is "Hà Nội, ngày 03 tháng 4 năm 2018"), the other months none — the same
    rule as Nghị định 30/2020/NĐ-CP for state documents ("ngày 05 tháng 02", "tháng 4")."""
    if day is None:
        return "ngày … tháng … năm …"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def time_words(hhmm: str | None) -> str:
    """"08:05" -> "8 giờ 05": times in prose, as every Party document writes them."""
    if not hhmm or ":" not in hhmm:
        return "… giờ …"
    h, m = hhmm.split(":")[:2]
    return f"{int(h)} giờ {int(m):02d}"


def date_vn(day: date | None) -> str:
    """dd/mm/yyyy (tables, short mentions)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "……"


def vietnamese_date_line(place: str, day: date | None) -> str:
    return f"{place or '………'}, {date_words(day)}"


@dataclass(frozen=True)
class HeaderInfo:
    higher_org: str          # "ĐẢNG BỘ SỞ NỘI VỤ"
    cell_name: str           # "CHI BỘ VĂN PHÒNG SỞ"
    number: str | None       # "05-BB/CB"; "" leaves "Số    -BB/CB" to fill by hand; None: no number
    place: str
    day: date | None
    number_suffix: str = "BB/CB"


@dataclass(frozen=True)
class Marking:
    """DOMAIN.md §7 Revisions: before the adoption vote every page says "DỰ THẢO"; the lock makes
    revision 1, which carries nothing extra; from revision 2 a line at the foot of each page says
    "Bản sửa đổi lần N, khóa ngày dd/mm/yyyy". Nothing is ever printed above the Party header."""

    draft: bool = True
    revision: int = 0
    locked_on: date | None = None

    def text(self) -> str:
        """The foot line of every page ("" for none)."""
        if self.draft:
            return "DỰ THẢO"
        if self.revision >= 2:
            return f"Bản sửa đổi lần {self.revision}, khóa ngày {date_vn(self.locked_on)}"
        return ""
