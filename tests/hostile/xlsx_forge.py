"""Hostile XLSX files built from a genuine one: parts replaced, sizes forged."""
from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Số thẻ đảng viên"]
ROWS = [[1, "Nguyễn Văn Hùng", "12/03/1978", "19/05/2005", "01.000001"],
        [2, "Trần Thị Ánh", "01/12/1985", "03/02/2012", "01.000002"],
        [3, "Lê Văn An", "05/06/1990", "01/01/2015", ""]]


def genuine_xlsx(rows=None, header=None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(header or HEADER)
    for r in rows if rows is not None else ROWS:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def build(files: dict[str, bytes], level: int = 6) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, body in files.items():
            z.writestr(name, body)
    return buf.getvalue()


def replace_part(data: bytes, name: str, body: bytes) -> bytes:
    files = parts(data)
    files[name] = body
    return build(files)


def forge_size(data: bytes, name: str, size: int) -> bytes:
    """Make the ZIP directory declare ``size`` uncompressed bytes for ``name`` (the data unchanged)."""
    out = bytearray(data)
    raw = name.encode()
    i = 0
    while (i := out.find(b"PK\x03\x04", i)) >= 0:              # local headers
        n = struct.unpack_from("<H", out, i + 26)[0]
        if bytes(out[i + 30:i + 30 + n]) == raw:
            struct.pack_into("<I", out, i + 22, size)
        i += 4
    i = 0
    while (i := out.find(b"PK\x01\x02", i)) >= 0:              # central directory
        n = struct.unpack_from("<H", out, i + 28)[0]
        if bytes(out[i + 46:i + 46 + n]) == raw:
            struct.pack_into("<I", out, i + 24, size)
        i += 4
    return bytes(out)


def sheet_with_inline(cells_xml: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            f'{cells_xml}</sheetData></worksheet>').encode("utf-8")


def inline_row(r: int, values: list[str]) -> str:
    cols = "ABCDEFGHIJ"
    cells = "".join(f'<c r="{cols[i]}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values))
    return f'<row r="{r}">{cells}</row>'


SHEET = "xl/worksheets/sheet1.xml"

BILLION_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10)) + "]>")
EXTERNAL = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
