"""The committee's two hand-made tables: the đảng bộ's list of cells (CSV or XLSX: mã, tên chi bộ)
and the decisions the staff fill in (XLSX, the "Quyết định" sheet written by ``committee summary
--out FILE.xlsx``). Columns are found by their Vietnamese headers, with or without diacritics.
Nothing is written here; every problem names the file, the row and the column."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import UserError
from ..vn.text import clean, fold

CELL_HEADERS = {
    "code": ("ma", "ma chi bo", "ky hieu", "code"),
    "name": ("ten", "ten chi bo", "chi bo", "name"),
    "higher_org": ("dang bo", "cap tren", "don vi cap tren"),
}
DECISION_HEADERS = {
    "member_id": ("ma dang vien",),
    "full_name": ("ho va ten",),
    "cell": ("chi bo",),
    "proposed": ("chi bo de xuat",),
    "level": ("muc quyet dinh", "dang uy quyet dinh", "muc xep loai quyet dinh"),
    "reason": ("ly do",),
    "reference": ("so thong bao", "so van ban"),
    "decided_on": ("ngay quyet dinh",),
}
DECISIONS_SHEET = "Quyết định"


@dataclass
class TableRow:
    row: int                   # the row number as the spreadsheet shows it
    values: dict[str, Any]


def _key(text: Any) -> str:
    return " ".join(fold(str(text or "")).replace(":", " ").replace("*", " ").split())


def _rows_of(path: Path, sheet: str | None = None) -> tuple[str, list[tuple[int, list[Any]]]]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise UserError(f"Không đọc được tệp {path}: {err.strerror or err}.") from err
    if data[:2] == b"PK":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds on a bad file
            raise UserError(f"Tệp {path.name} không phải bảng tính XLSX đọc được ({type(err).__name__}).") from err
        try:
            ws = wb[sheet] if sheet and sheet in wb.sheetnames else wb.worksheets[0]
            rows = [(i, [c for c in r]) for i, r in enumerate(ws.iter_rows(values_only=True, max_row=100_000), 1)]
            return ws.title, rows
        finally:
            wb.close()
    for enc in ("utf-8-sig", "cp1258"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:                                       # pragma: no cover - cp1258 decodes almost anything
        raise UserError(f"Tệp {path.name}: không nhận ra bảng mã.")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    return "", [(i, r) for i, r in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)]


def read_table(path: str | Path, headers: dict[str, tuple[str, ...]], required: tuple[str, ...],
               sheet: str | None = None) -> list[TableRow]:
    path = Path(path)
    title, rows = _rows_of(path, sheet)
    where = f"{path.name}" + (f", trang “{title}”" if title else "")
    for n, (row_no, cells) in enumerate(rows[:20]):
        found: dict[str, int] = {}
        for col, value in enumerate(cells):
            k = _key(value)
            for field, aliases in headers.items():
                if k in aliases and field not in found:
                    found[field] = col
        if all(f in found for f in required):
            out = []
            for r, values in rows[n + 1:]:
                got = {f: (values[c] if c < len(values) else None) for f, c in found.items()}
                if all(v is None or str(v).strip() == "" for v in got.values()):
                    continue
                out.append(TableRow(r, {f: (clean(v) if isinstance(v, str) else v) for f, v in got.items()}))
            return out
    names = ", ".join(f"“{headers[f][0]}”" for f in required)
    raise UserError(f"{where}: không tìm thấy dòng tiêu đề có các cột {names} (trong 20 dòng đầu). Không ghi gì.")


def column_letter(headers_found: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(headers_found + 1)
