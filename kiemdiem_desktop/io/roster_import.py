"""Roster import from CSV and XLSX files: a preview of what an import would do.

Pure functions: the caller passes the members it has; nothing is written here. The
preview says, row by row, whether the row makes a new member, updates one, changes
nothing, or cannot be imported and why (in Vietnamese, naming the row and the column).

Columns are found by their Vietnamese headers, with or without diacritics, in any order,
under a title if there is one. Text files may be UTF-8 (with or without BOM), UTF-16,
Windows-1258, TCVN3 or VNI (DOMAIN.md §9): the file's encoding is guessed, then each
text column is checked for a legacy font (a ".VnTime" column inside a Unicode file);
the caller can override both.
"""
from __future__ import annotations

import copy
import csv
import errno
import io
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

from ..i18n import QT_TRANSLATE_NOOP, msg
from ..model.member import Gender, Member, PartyPost, Period, PeriodKind
from ..vn.dates import DateError, format_date, parse_date
from ..vn.legacy import (
    ENCODING_LABELS, EncodingGuess, decode_bytes, guess_column_encoding, guess_file_encoding,
    legacy_to_unicode,
)
from ..vn.text import clean, fold

__all__ = [
    "FIELD_LABELS", "HEADER_ALIASES", "ImportProblem", "ImportRow", "ImportPreview",
    "match_header", "read_roster",
]

# --- columns ----------------------------------------------------------------------------
FIELD_LABELS: dict[str, str] = {
    "id": QT_TRANSLATE_NOOP("core", "Mã"),
    "full_name": QT_TRANSLATE_NOOP("core", "Họ và tên"),
    "birth_date": QT_TRANSLATE_NOOP("core", "Ngày sinh"),
    "gender": QT_TRANSLATE_NOOP("core", "Giới tính"),
    "admission_date": QT_TRANSLATE_NOOP("core", "Ngày vào Đảng"),
    "official_date": QT_TRANSLATE_NOOP("core", "Ngày chính thức"),
    "card_number": QT_TRANSLATE_NOOP("core", "Số thẻ đảng viên"),
    "party_post": QT_TRANSLATE_NOOP("core", "Chức vụ đảng"),
    "government_post": QT_TRANSLATE_NOOP("core", "Chức vụ chính quyền, đoàn thể"),
    "work_unit": QT_TRANSLATE_NOOP("core", "Đơn vị công tác"),
    "member_type": QT_TRANSLATE_NOOP("core", "Loại đảng viên"),
    "note": QT_TRANSLATE_NOOP("core", "Ghi chú"),
    "stt": QT_TRANSLATE_NOOP("core", "STT"),
}

# Header texts, folded (no diacritics, lower case, punctuation as spaces) → our field.
HEADER_ALIASES: dict[str, str] = {}
for _field, _aliases in {
    "full_name": ["họ và tên", "họ tên", "họ và tên đảng viên", "họ tên đảng viên",
                  "họ, tên", "tên đảng viên"],
    "birth_date": ["ngày sinh", "năm sinh", "ngày tháng năm sinh", "ngày, tháng, năm sinh",
                   "sinh ngày"],
    "gender": ["giới tính", "giới", "nam nữ", "nam/nữ", "phái"],
    "admission_date": ["ngày vào đảng", "ngày kết nạp", "ngày kết nạp đảng", "ngày vào đảng dự bị",
                       "vào đảng", "ngày, tháng, năm vào đảng"],
    "official_date": ["ngày chính thức", "ngày công nhận chính thức", "ngày chuyển chính thức",
                      "ngày đảng viên chính thức", "chính thức", "ngày vào đảng chính thức"],
    "card_number": ["số thẻ đảng viên", "số thẻ", "số thẻ đv", "số thẻ đảng", "thẻ đảng viên",
                    "số thẻ đảng viên số"],
    "party_post": ["chức vụ đảng", "chức vụ trong đảng", "chức vụ đảng uỷ", "chức vụ đảng ủy",
                   "chức vụ chi bộ"],
    "government_post": ["chức vụ chính quyền", "chức vụ", "chức vụ chính quyền đoàn thể",
                        "chức vụ chính quyền, đoàn thể", "chức vụ chuyên môn",
                        "chức vụ chính quyền / đoàn thể"],
    "work_unit": ["đơn vị công tác", "đơn vị", "nơi công tác", "cơ quan công tác", "cơ quan"],
    "member_type": ["loại đảng viên", "loại", "đảng viên chính thức/dự bị",
                    "chính thức/dự bị", "chính thức dự bị"],
    "id": ["mã", "id", "uuid", "mã đảng viên", "mã số"],
    "stt": ["stt", "tt", "số tt", "số thứ tự", "thứ tự"],
    "note": ["ghi chú", "ghi chu"],
}.items():
    for _alias in _aliases:
        HEADER_ALIASES[re.sub(r"[^0-9a-z]+", " ", fold(_alias)).strip()] = _field

REQUIRED = ("full_name", "birth_date")

# Limits: a roster of a cell is a few hundred rows; anything far beyond is refused with a message
# before it can exhaust memory (a 1 GB cell compressed into a 1 MB XLSX, a million empty rows).
MAX_FILE_BYTES = 20 * 1024 * 1024          # the file as given
MAX_XLSX_UNPACKED = 200 * 1024 * 1024      # all parts of an XLSX, uncompressed
MAX_XLSX_PART = 100 * 1024 * 1024          # one part (a sheet, the shared strings)
MAX_XLSX_RATIO = 200                       # uncompressed / compressed, for a part over 1 MB
MAX_XLSX_SHEETS = 50
MAX_ROWS = 50_000                          # rows read from a table
MAX_COLUMNS = 200
MAX_CELL_CHARS = 2_000                     # one cell
TEXT_FIELDS = ("full_name", "gender", "party_post", "government_post", "work_unit",
               "member_type", "note", "card_number")
DATE_FIELDS = ("birth_date", "admission_date", "official_date")
HEADER_SCAN_ROWS = 15


def _header_key(text: str) -> str:
    text = re.sub(r"\(.*?\)", " ", text)        # "Ngày sinh (dd/mm/yyyy)"
    return re.sub(r"[^0-9a-z]+", " ", fold(text)).strip()


def match_header(text: Any) -> str | None:
    """Our field for a header cell, or None. Legacy-font (TCVN3, VNI) headers are read too."""
    if text is None:
        return None
    text = str(text)
    key = _header_key(text)
    if not key:
        return None
    found = HEADER_ALIASES.get(key)
    if found is None and any("\u0080" <= c <= "\u00ff" for c in text):
        for enc in ("tcvn3", "vni"):
            found = HEADER_ALIASES.get(_header_key(legacy_to_unicode(text, enc)))
            if found:
                break
    return found


# --- results ----------------------------------------------------------------------------
@dataclass
class ImportProblem:
    file: str
    row: int | None
    column: str | None          # the header text as in the file (or our label)
    message: str                # Vietnamese
    severity: str = "error"     # "error" blocks the row (or the file); "warning"; "info"

    def __str__(self) -> str:
        where = str(msg(QT_TRANSLATE_NOOP("core", "tệp {file}"), file=self.file))
        if self.row is not None:
            where += str(msg(QT_TRANSLATE_NOOP("core", ", dòng {row}"), row=self.row))
        if self.column:
            where += str(msg(QT_TRANSLATE_NOOP("core", ", cột '{column}'"), column=self.column))
        return f"{where}: {self.message}"


@dataclass
class ImportRow:
    row: int                                # 1-based line (CSV) or row (XLSX) in the file
    action: str                             # "new" | "update" | "unchanged" | "error"
    member: Member | None                   # the member as it will be after the import
    existing: Member | None = None
    changes: list[str] = field(default_factory=list)   # Vietnamese labels of changed fields
    problems: list[ImportProblem] = field(default_factory=list)
    name: str = ""                          # as read from the file, shown even for a row in error
    birth_text: str = ""
    file: str = ""

    def conflict_text(self) -> str:
        """For action "conflict": a matched member whose name the row would change."""
        old, new = self.existing, self.member
        if old is None or new is None:
            return ""
        how = (str(msg(QT_TRANSLATE_NOOP("core", "số thẻ {card} và ngày sinh {birth}"),
                       card=old.card_number, birth=format_date(old.birth_date) or "?"))
               if old.card_number else str(msg(QT_TRANSLATE_NOOP("core", "mã {id}"), id=old.id)))
        return str(msg(QT_TRANSLATE_NOOP(
            "core", "tệp {file}, dòng {row}: {how} khớp với đảng viên «{old}», nhưng họ tên trong tệp là "
                    "«{new}». Nhập dòng này sẽ đổi họ tên (thay đổi: {changes}); chỉ nhập khi đã xác nhận "
                    "đúng là cùng một người."),
            file=self.file, row=self.row, how=how, old=old.full_name, new=new.full_name,
            changes=", ".join(self.changes)))

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity == "warning"]


@dataclass
class ImportPreview:
    file: str
    kind: str                                        # "csv" | "xlsx"
    encoding: str | None = None                      # the file's encoding (CSV)
    encoding_guess: EncodingGuess | None = None
    column_encodings: dict[str, str] = field(default_factory=dict)   # field → unicode/tcvn3/vni
    delimiter: str | None = None
    header_row: int = 0                              # 1-based; 0 = not found
    columns: dict[str, str] = field(default_factory=dict)            # field → header text
    unknown_columns: list[str] = field(default_factory=list)
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)      # file-level
    sheet: str | None = None                         # XLSX: the sheet read

    @property
    def ok(self) -> bool:
        """Nothing in error and nothing to confirm (a "conflict" row needs the user's yes)."""
        return (not any(p.severity == "error" for p in self.problems)
                and not any(r.action in ("error", "conflict") for r in self.rows))

    def counts(self) -> dict[str, int]:
        out = {"new": 0, "update": 0, "unchanged": 0, "error": 0}
        for r in self.rows:
            out[r.action] = out.get(r.action, 0) + 1     # "conflict" only when there is one
        return out

    def all_problems(self) -> list[ImportProblem]:
        return self.problems + [p for r in self.rows for p in r.problems]


# --- reading the table ------------------------------------------------------------------
class _FileError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


_NOT_A_TABLE = QT_TRANSLATE_NOOP("core", "Tệp không phải bảng CSV/XLSX đọc được")
_EMPTY = QT_TRANSLATE_NOOP("core", "Tệp trống")


def _junk(text: str) -> bool:
    if not text:
        return False
    sample = text[:100_000]
    bad = sum(1 for c in sample if (c < " " and c not in "\t\r\n") or c in "\x7f\ufffd")
    return bad > max(2, len(sample) // 200)


def _csv_error_text(e: csv.Error) -> str:
    text = str(e)
    if "field larger than field limit" in text:
        return str(msg(QT_TRANSLATE_NOOP("core", "có một ô dài hơn {n} ký tự"), n=MAX_CELL_CHARS))
    if "NUL" in text:
        return str(msg(QT_TRANSLATE_NOOP("core", "có ký tự NUL (tệp nhị phân?)")))
    if "quote" in text or "delimiter" in text or "EOF" in text:
        return str(msg(QT_TRANSLATE_NOOP("core", "dấu ngoặc kép đặt sai chỗ")))
    return str(msg(QT_TRANSLATE_NOOP("core", "sai cấu trúc CSV")))


def _unclosed_quote(start: int, end: int) -> "_FileError":
    if end <= start:
        return _FileError(str(msg(QT_TRANSLATE_NOOP(
            "core", "Dấu ngoặc kép mở ở dòng {row} không được đóng: cả phần còn lại của dòng bị gộp vào một ô. "
                    "Hãy sửa dấu ngoặc kép ở dòng {row}"), row=start)))
    return _FileError(str(msg(QT_TRANSLATE_NOOP(
        "core", "Dấu ngoặc kép mở ở dòng {row} không được đóng đúng chỗ: các dòng {row}–{end} bị gộp vào "
                "một ô. Hãy sửa dấu ngoặc kép ở dòng {row}"), row=start, end=end)))


def _parse_csv(text: str, delimiter: str, *, check_quotes: bool = True) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    line = 0
    spanning: tuple[int, int, list[str]] | None = None
    old_limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL_CHARS * 4)    # a longer cell is refused, never read whole
    try:
        for record in reader:
            start = line + 1
            line = reader.line_num
            if len(rows) > MAX_ROWS + HEADER_SCAN_ROWS:
                raise _FileError(str(msg(QT_TRANSLATE_NOOP(
                    "core", "Bảng có hơn {n} dòng: không phải danh sách đảng viên của một chi bộ"), n=MAX_ROWS)))
            spanning = None
            if check_quotes:
                if line > start:
                    for cell in record:
                        if "\n" in cell or "\r" in cell:
                            inner = cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")[1:]
                            if any(delimiter in ln for ln in inner):     # whole rows swallowed
                                raise _unclosed_quote(start, line)
                if record and ("\n" in record[-1] or "\r" in record[-1]):
                    spanning = (start, line, record)
            rows.append((start, record))
    except csv.Error as e:
        raise _FileError(str(msg(QT_TRANSLATE_NOOP(
            "core", "Không đọc được bảng CSV ở dòng {row}: {error}"),
            row=reader.line_num, error=_csv_error_text(e)))) from None
    finally:
        csv.field_size_limit(old_limit)
    if spanning is not None and not text.rstrip().endswith('"'):
        raise _unclosed_quote(spanning[0], spanning[1])       # a quote still open at the end
    return rows


def _header_score(row: Iterable[Any]) -> int:
    return len({f for f in (match_header(c) for c in row) if f and f != "stt"})


def _best_header(rows: list[tuple[int, list[Any]]]) -> tuple[int, int]:
    """(index in rows, score) of the likeliest header among the first rows."""
    best, best_score = -1, 0
    for i, (_, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = _header_score(cells)
        if score > best_score:
            best, best_score = i, score
    return best, best_score


def _count_outside_quotes(line: str, ch: str) -> int:
    n, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == ch and not quoted:
            n += 1
    return n


def _detect_delimiter(text: str) -> str:
    head = [ln for ln in text.splitlines()[:HEADER_SCAN_ROWS * 2] if ln.strip()][:HEADER_SCAN_ROWS]
    best, best_key = ",", (-1, -1)
    for d in (",", ";", "\t"):
        try:
            rows = _parse_csv("\n".join(head), d, check_quotes=False)
        except _FileError:
            continue
        _, score = _best_header(rows)
        count = max((_count_outside_quotes(ln, d) for ln in head), default=0)
        if (score, count) > best_key:
            best, best_key = d, (score, count)
    return best


def _mixed_utf8_lines(data: bytes) -> list[int]:
    """Line numbers that are not UTF-8 in a file where other lines are UTF-8 with Vietnamese letters
    (two files pasted together); empty when the file is in one encoding."""
    utf8_lines, other = 0, []
    for n, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(n)
        else:
            utf8_lines += 1
    return other if utf8_lines and other else []


def _check_line_widths(text: str) -> None:
    """A line of millions of delimiters would become millions of cells: refused before parsing."""
    limit = MAX_COLUMNS * 25
    for n, line in enumerate(text.splitlines(), 1):
        if len(line) > limit and max(line.count(","), line.count(";"), line.count("\t")) > limit:
            raise _FileError(str(msg(QT_TRANSLATE_NOOP(
                "core", "Dòng {row} có hàng nghìn dấu phân cách (hơn {limit}): không phải danh sách đảng viên"),
                row=n, limit=limit)))


def _read_csv(data: bytes, preview: ImportPreview, encoding: str | None,
              delimiter: str | None) -> list[tuple[int, list[Any]]]:
    if data.startswith((b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff")):
        raise _FileError(str(msg(_NOT_A_TABLE)))
    guess = guess_file_encoding(data)
    preview.encoding_guess = guess
    if b"\x00" in data and not (encoding or guess.encoding).startswith("utf-16"):
        raise _FileError(str(msg(_NOT_A_TABLE)))
    enc = encoding or guess.encoding
    preview.encoding = enc
    if encoding is None and enc != "utf-8" and not enc.startswith("utf-16"):
        mixed = _mixed_utf8_lines(data)
        if mixed:
            raise _FileError(str(msg(QT_TRANSLATE_NOOP(
                "core", "Tệp trộn lẫn hai bảng mã: có dòng là UTF-8 nhưng dòng {rows} không phải UTF-8 (có lẽ "
                        "được chép từ một tệp khác). Hãy mở tệp bằng Excel hoặc Notepad và lưu lại cả tệp bằng "
                        "một bảng mã (UTF-8), hoặc chọn bảng mã bằng --encoding"),
                rows=", ".join(str(n) for n in mixed[:10]) + ("…" if len(mixed) > 10 else ""))))
    try:
        text = decode_bytes(data, enc)
    except (UnicodeDecodeError, ValueError):
        raise _FileError(str(msg(QT_TRANSLATE_NOOP(
            "core", "Không đọc được tệp theo bảng mã {encoding}"),
            encoding=ENCODING_LABELS.get(enc, enc)))) from None
    if not text.strip():
        raise _FileError(str(msg(_EMPTY)))
    if _junk(text):
        raise _FileError(str(msg(_NOT_A_TABLE)))
    _check_line_widths(text)
    preview.delimiter = delimiter or _detect_delimiter(text)
    return _parse_csv(text, preview.delimiter)


def _check_xlsx_parts(data: bytes) -> None:
    """Refuse, from the ZIP directory alone, a workbook that would unpack into far more than a roster:
    a sheet or shared strings of gigabytes compressed into a small file. (A part that lies about its
    size is cut at the size it declares and fails its CRC check.)"""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise _FileError(str(msg(_NOT_A_TABLE))) from None
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_XLSX_PART or (info.file_size > 1024 * 1024 and ratio > MAX_XLSX_RATIO):
            raise _FileError(str(msg(QT_TRANSLATE_NOOP(
                "core", "Phần «{part}» của tệp XLSX giải nén ra {size} MB (nén {ratio} lần): quá lớn cho một "
                        "danh sách đảng viên, có thể là tệp độc hại. Không đọc"),
                part=info.filename[:80], size=info.file_size // (1024 * 1024), ratio=int(ratio))))
    if total > MAX_XLSX_UNPACKED:
        raise _FileError(str(msg(QT_TRANSLATE_NOOP(
            "core", "Tệp XLSX giải nén ra {size} MB: quá lớn cho một danh sách đảng viên. Không đọc"),
            size=total // (1024 * 1024))))
    # Excel never writes a DTD: one in any XML part is refused whatever parser openpyxl uses
    # (entity expansion, "billion laughs"; external entities reading local files).
    for info in infos:
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        try:
            body = archive.read(info)
        except Exception:  # noqa: BLE001 - bad CRC, a part that lies about its size, bad compression
            raise _FileError(str(msg(_NOT_A_TABLE))) from None
        if _declares_entities(body):
            raise _FileError(_xml_problem(_EntityDeclaration()))


class _EntityDeclaration(Exception):
    pass


def _declares_entities(body: bytes) -> bool:
    head = body.lstrip(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        for enc in ("utf-16-le", "utf-16-be", "utf-16"):
            try:
                text = head.decode(enc, errors="ignore")
            except LookupError:
                continue
            if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
                return True
        return False
    upper = head.upper()
    return b"<!DOCTYPE" in upper or b"<!ENTITY" in upper


def _xml_problem(err: BaseException) -> str:
    name = type(err).__name__
    if name in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden", "NotSupportedError",
                "_EntityDeclaration"):
        return str(msg(QT_TRANSLATE_NOOP(
            "core", "Tệp XLSX có khai báo thực thể XML (DTD, thực thể ngoài hoặc lồng nhau): có thể là tệp độc "
                    "hại. Không đọc; hãy mở bằng Excel và lưu lại")))
    return str(msg(_NOT_A_TABLE))


def _trim(row: tuple[Any, ...] | list[Any]) -> list[Any]:
    cells = list(row)
    while cells and not _present(cells[-1]):
        cells.pop()
    return cells


def _read_xlsx(data: bytes, preview: ImportPreview) -> list[tuple[int, list[Any]]]:
    import openpyxl  # imported here: CSV imports need no openpyxl

    _check_xlsx_parts(data)
    try:
        # From memory: openpyxl refuses a path whose name does not end in .xlsx. With defusedxml
        # installed (a dependency), openpyxl refuses entity expansion and external entities.
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise _FileError(_xml_problem(err)) from None
    try:
        best: tuple[int, str, list[tuple[int, list[Any]]]] | None = None
        sheets = [wb.active] + [ws for ws in wb.worksheets if ws is not wb.active]
        for ws in sheets[:MAX_XLSX_SHEETS]:
            if ws is None or not hasattr(ws, "iter_rows"):
                continue
            ws.reset_dimensions()           # files from other programs often lie about size
            rows = []
            # Sheets are parsed lazily: a damaged or hostile sheet fails here, not at loading.
            for i, r in enumerate(ws.iter_rows(values_only=True), 1):
                if i > MAX_ROWS + HEADER_SCAN_ROWS:
                    raise _FileError(str(msg(QT_TRANSLATE_NOOP(
                        "core", "Trang tính «{sheet}» có hơn {n} dòng: không phải danh sách đảng viên của một "
                                "chi bộ"), sheet=ws.title, n=MAX_ROWS)))
                cells = _trim(r)
                if len(cells) > MAX_COLUMNS:      # refused now: a wide sheet of many rows fills memory
                    raise _FileError(str(msg(QT_TRANSLATE_NOOP(
                        "core", "Trang tính «{sheet}», dòng {row}: có ô ở cột thứ {n} (tối đa {limit} cột): "
                                "không phải danh sách đảng viên"),
                        sheet=ws.title, row=i, n=len(cells), limit=MAX_COLUMNS)))
                rows.append((i, cells))
            _, score = _best_header(rows)
            if best is None or score > best[0]:
                best = (score, ws.title, rows)
            if score >= 3:
                break
    except _FileError:
        raise
    except Exception as err:  # noqa: BLE001 - damaged XML, bad numbers, entity declarations
        raise _FileError(_xml_problem(err)) from None
    finally:
        try:
            wb.close()
        except Exception:  # noqa: BLE001
            pass
    if best is None or not any(any(_present(c) for c in cells) for _, cells in best[2]):
        raise _FileError(str(msg(_EMPTY)))
    preview.sheet = best[1]
    return best[2]


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


# --- values -----------------------------------------------------------------------------
def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _gender(text: str) -> Gender | None | str:
    key = re.sub(r"[^a-z]+", "", fold(text))
    if key in ("nam", "m", "male", "trai"):
        return Gender.MALE
    if key in ("nu", "f", "female", "gai"):
        return Gender.FEMALE
    return "?"


def _party_post(text: str) -> PartyPost | None:
    key = re.sub(r"[^a-z]+", " ", fold(text)).strip()
    if key.startswith("pho bi thu"):
        return PartyPost.DEPUTY
    if key.startswith("bi thu"):
        return PartyPost.SECRETARY
    if key in ("chi uy vien", "chi uy", "uy vien", "cuv", "uy vien chi bo", "chi uy vien chi bo"):
        return PartyPost.COMMITTEE
    if key in ("dang vien", "dv", "", "khong"):
        return PartyPost.MEMBER
    return None


def _member_type(text: str) -> str | None:
    key = re.sub(r"[^a-z]+", " ", fold(text)).strip()
    if "du bi" in key or key == "db":
        return "probationary"
    if "chinh thuc" in key or key == "ct":
        return "official"
    return None


def _card_key(card: str) -> str:
    return re.sub(r"[\s.\-/]", "", card).upper()


def _title_words(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split(" "))


_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")


# --- the import -------------------------------------------------------------------------
_COMPARED = ("full_name", "birth_date", "gender", "admission_date", "official_date",
             "card_number", "party_post", "government_post", "work_unit", "note",
             "declared_type")
_CHANGE_LABELS = dict(FIELD_LABELS, declared_type=FIELD_LABELS["member_type"])


def read_roster(path: str | Path, existing: list[Member], *, encoding: str | None = None,
                column_encodings: dict[str, str] | None = None, delimiter: str | None = None,
                today: date | None = None) -> ImportPreview:
    """Read a roster file and say what importing it would do (nothing is written).

    ``encoding`` overrides the guessed file encoding (CSV: one of "utf-8", "utf-16",
    "cp1258", "tcvn3", "vni"); ``column_encodings`` maps a field name (see
    :data:`FIELD_LABELS`) or a header text to "unicode", "tcvn3" or "vni"; ``delimiter``
    overrides the detected one. ``today`` is the day new members join the cell's file.
    """
    path = Path(path)
    today = today or date.today()
    fname = path.name
    try:
        import stat as stat_mod

        st = path.stat()
        size = st.st_size
        if not stat_mod.S_ISREG(st.st_mode):     # a device (/dev/zero), a pipe, a folder
            preview = ImportPreview(file=fname, kind="csv")
            preview.problems.append(ImportProblem(fname, None, None, str(msg(QT_TRANSLATE_NOOP(
                "core", "Không phải một tệp bình thường (thư mục, thiết bị hoặc đường ống): không đọc")))))
            return preview
        if size > MAX_FILE_BYTES:
            preview = ImportPreview(file=fname, kind="csv")
            preview.problems.append(ImportProblem(fname, None, None, str(msg(QT_TRANSLATE_NOOP(
                "core", "Tệp dài {size} MB: quá lớn cho một danh sách đảng viên (tối đa {limit} MB). Không đọc"),
                size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)))))
            return preview
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)      # a file growing while read stops here
        if len(data) > MAX_FILE_BYTES:
            raise OSError(errno.EFBIG, "File too large")
    except OSError as err:
        from ..store.atomic import os_error_detail

        preview = ImportPreview(file=fname, kind="csv")
        reason = (str(msg(QT_TRANSLATE_NOOP("core", "không tìm thấy tệp"))) if isinstance(err, FileNotFoundError)
                  else os_error_detail(err))
        preview.problems.append(ImportProblem(fname, None, None, str(msg(QT_TRANSLATE_NOOP(
            "core", "Không đọc được tệp: {reason}"), reason=reason))))
        return preview
    is_zip = data.startswith(b"PK\x03\x04")
    kind = "xlsx" if is_zip or path.suffix.lower() in (".xlsx", ".xlsm") else "csv"
    preview = ImportPreview(file=fname, kind=kind)

    def file_problem(message: str, severity: str = "error", column: str | None = None) -> None:
        preview.problems.append(ImportProblem(fname, None, column, message, severity))

    try:
        if not data.strip(b" \t\r\n\x00") or data in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
            raise _FileError(str(msg(_EMPTY)))
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise _FileError(str(msg(QT_TRANSLATE_NOOP(
                "core", "Tệp Excel 97–2003 (.xls) chưa đọc được: hãy lưu lại dạng .xlsx hoặc CSV"))))
        if kind == "xlsx":
            if not is_zip or not zipfile.is_zipfile(io.BytesIO(data)):
                raise _FileError(str(msg(_NOT_A_TABLE)))
            rows = _read_xlsx(data, preview)
        else:
            rows = _read_csv(data, preview, encoding, delimiter)
    except _FileError as e:
        file_problem(e.message)
        return preview

    if not any(any(_present(c) for c in cells) for _, cells in rows):
        file_problem(str(msg(_EMPTY)))
        return preview
    too_long = _too_long_cells(rows)
    if too_long:
        for line, col, n in too_long[:20]:
            if col is None:
                message = str(msg(QT_TRANSLATE_NOOP(
                    "core", "Dòng có {n} cột (tối đa {limit}): không phải danh sách đảng viên"),
                    n=n, limit=MAX_COLUMNS))
                column = None
            else:
                message = str(msg(QT_TRANSLATE_NOOP(
                    "core", "Ô dài {n} ký tự (tối đa {limit}): không phải nội dung của danh sách đảng viên"),
                    n=n, limit=MAX_CELL_CHARS))
                column = str(msg(QT_TRANSLATE_NOOP("core", "cột thứ {n}"), n=col + 1))
            preview.problems.append(ImportProblem(fname, line, column, message))
        return preview
    h, score = _best_header(rows)
    if score < 2:
        file_problem(str(msg(QT_TRANSLATE_NOOP(
            "core", "Không tìm thấy dòng tiêu đề: cần các cột như «Họ và tên», «Ngày sinh», "
                    "«Ngày vào Đảng» trong {n} dòng đầu"), n=HEADER_SCAN_ROWS)))
        return preview
    header_line, header = rows[h]
    preview.header_row = header_line

    index: dict[str, int] = {}
    for i, cell in enumerate(header):
        text = clean(_text(cell))
        if not text:
            continue
        f = match_header(cell)
        if f is None:
            preview.unknown_columns.append(text)
        elif f in index:
            file_problem(str(msg(QT_TRANSLATE_NOOP(
                "core", "Cột «{column}» lặp lại cột «{first}»: chỉ đọc cột đầu"),
                column=text, first=preview.columns[f])), "warning", text)
        else:
            index[f] = i
            if f != "stt":
                preview.columns[f] = text
    if preview.unknown_columns:
        file_problem(str(msg(QT_TRANSLATE_NOOP(
            "core", "Các cột không dùng đến, bỏ qua: {columns}"),
            columns=", ".join(f"«{c}»" for c in preview.unknown_columns))), "info")
    missing = [FIELD_LABELS[f] for f in REQUIRED if f not in index]
    for label in missing:
        file_problem(str(msg(QT_TRANSLATE_NOOP("core", "Thiếu cột bắt buộc «{column}»"),
                             column=label)), column=label)
    if "admission_date" not in index and "member_type" not in index:
        file_problem(str(msg(QT_TRANSLATE_NOOP(
            "core", "Thiếu cột «Ngày vào Đảng» hoặc cột «Loại đảng viên»: cần một trong hai"))))
    if any(p.severity == "error" for p in preview.problems):
        return preview

    body = rows[h + 1:]
    overrides = column_encodings or {}
    col_enc: dict[str, str] = {}
    for f in TEXT_FIELDS:
        if f not in index:
            continue
        i = index[f]
        enc = overrides.get(f) or overrides.get(preview.columns[f])
        if enc is None:
            enc = guess_column_encoding([c[i] for _, c in body if i < len(c) and isinstance(c[i], str)])
        col_enc[f] = enc
    preview.column_encodings = col_enc

    builder = _RowBuilder(fname, preview.columns, index, col_enc, existing, today)
    # TCVN3 has no capitals with tones: "Ánh" comes as "ánh". Names get their capitals back.
    builder.title_names = preview.encoding == "tcvn3" or col_enc.get("full_name") == "tcvn3"
    data = [(line, cells) for line, cells in body if any(_present(c) for c in cells)]
    while data and all(_NUMBERING.match(_text(c).strip()) for c in data[0][1] if _present(c)):
        line, cells = data.pop(0)         # the "(1) (2) (3)…" line under a form's header
        preview.problems.append(ImportProblem(fname, line, None, str(msg(QT_TRANSLATE_NOOP(
            "core", "Không nhập dòng này (dòng đánh số cột dưới tiêu đề, không phải đảng viên): «{text}»"),
            text=" | ".join(_text(c).strip() for c in cells if _present(c))[:80])), "info"))
    footer = _footer_start(data, index)
    if footer < len(data):
        file_problem(str(msg(QT_TRANSLATE_NOOP(
            "core", "Bỏ qua {n} dòng cuối bảng không phải đảng viên (từ dòng {first}: «{text}»)"),
            n=len(data) - footer, first=data[footer][0],
            text=next(_text(c) for c in data[footer][1] if _present(c))[:60])), "info")
        for line, cells in data[footer:]:      # each row not imported is listed, with its reason
            text = " | ".join(clean(_text(c)) for c in cells if _present(c))[:80]
            preview.problems.append(ImportProblem(fname, line, None, str(msg(QT_TRANSLATE_NOOP(
                "core", "Không nhập dòng này (dòng ghi chú dưới bảng, không phải đảng viên): «{text}»"),
                text=text)), "info"))
    for line, cells in data[:footer]:
        builder.add(line, cells)
    preview.rows = builder.finish()
    return preview


def _is_date(value: Any) -> bool:
    try:
        return parse_date(value.strip() if isinstance(value, str) else value) is not None
    except DateError:
        return False


_FOOTER_WORDS = re.compile(
    r"\b(tong|cong|nguoi|lap|bieu|ky|ten|ngay|thang|nam|t m|tm|xac nhan|bi thu|chi bo|dang uy|ghi chu|"
    r"danh sach|so luong|gom|trong do|noi nhan|luu|chu tich|truong)\b")


def _looks_like_a_name(value: Any) -> bool:
    """A person's name: letters and spaces only, two to seven words, none a word of a footer line."""
    text = clean(_text(value))
    if not text or any(not (c.isalpha() or c in " .'-") for c in text):
        return False
    words = text.split()
    return 2 <= len(words) <= 7 and not _FOOTER_WORDS.search(re.sub(r"[^a-z]+", " ", fold(text)))


def _footer_start(data: list[tuple[int, list[Any]]], index: dict[str, int]) -> int:
    """Where the lines under the table begin: "Tổng cộng", "Người lập biểu", a place and date.

    Such lines fill at most two cells and have no valid birth date; only a run of them at the very
    end counts, so a member row with a missing birth date in the middle stays an error. A row of that
    run that still carries a person's name in the name column, before any footer line, is a member
    row (in error for its missing birth date), never skipped silently.
    """
    birth = index.get("birth_date")
    name = index.get("full_name")
    end = len(data)
    while end > 0:
        cells = data[end - 1][1]
        filled = sum(1 for c in cells if _present(c))
        if filled > 2 or (birth is not None and birth < len(cells) and _is_date(cells[birth])):
            break
        end -= 1
    start = end
    while start < len(data):
        cells = data[start][1]
        value = cells[name] if name is not None and name < len(cells) else None
        if not _looks_like_a_name(value):
            break
        start += 1
    return start


def _too_long_cells(rows: list[tuple[int, list[Any]]]) -> list[tuple[int, int | None, int]]:
    """(row, column index, length) of every cell longer than a roster cell can be, or a row wider than
    a roster."""
    found = []
    for line, cells in rows:
        if len(cells) > MAX_COLUMNS and any(_present(c) for c in cells[MAX_COLUMNS:]):
            found.append((line, None, len(cells)))
        for i, c in enumerate(cells[:MAX_COLUMNS]):
            if isinstance(c, str) and len(c) > MAX_CELL_CHARS:
                found.append((line, i, len(c)))
    return found


class _RowBuilder:
    def __init__(self, fname: str, columns: dict[str, str], index: dict[str, int],
                 col_enc: dict[str, str], existing: list[Member], today: date):
        self.fname, self.columns, self.index, self.col_enc = fname, columns, index, col_enc
        self.today = today
        self.existing = existing
        self.by_id = {m.id: m for m in existing}
        self.by_card: dict[str, Member] = {}
        for m in existing:
            if m.card_number:
                self.by_card.setdefault(_card_key(m.card_number), m)
        self.by_name: dict[tuple[str, date | None], Member] = {}
        for m in existing:
            self.by_name.setdefault((fold(m.full_name), m.birth_date), m)
        self.title_names = False
        self.rows: list[ImportRow] = []
        self.values: list[dict[str, Any]] = []

    # -- one row -------------------------------------------------------------------------
    def problem(self, row: ImportRow, f: str | None, message: str, severity: str = "error") -> None:
        column = self.columns.get(f, FIELD_LABELS.get(f)) if f else None
        row.problems.append(ImportProblem(self.fname, row.row, column, message, severity))

    def cell(self, cells: list[Any], f: str) -> Any:
        i = self.index.get(f)
        if i is None or i >= len(cells):
            return None
        return cells[i]

    def text(self, cells: list[Any], f: str) -> str:
        raw = _text(self.cell(cells, f))
        enc = self.col_enc.get(f, "unicode")
        if enc != "unicode" and raw:
            raw = legacy_to_unicode(raw, enc)
        if f == "full_name" and self.title_names:
            return _title_words(clean(raw))
        return clean(raw)

    def add(self, line: int, cells: list[Any]) -> None:
        row = ImportRow(row=line, action="error", member=None, file=self.fname)
        v: dict[str, Any] = {}
        v["full_name"] = self.text(cells, "full_name")
        row.name = v["full_name"]
        raw_birth = self.cell(cells, "birth_date")
        row.birth_text = format_date(raw_birth) if isinstance(raw_birth, date) else _text(raw_birth).strip()
        if not v["full_name"]:
            self.problem(row, "full_name", str(msg(QT_TRANSLATE_NOOP("core", "Thiếu họ và tên"))))
        for f in DATE_FIELDS:
            raw = self.cell(cells, f)
            try:
                v[f] = parse_date(raw.strip() if isinstance(raw, str) else raw)
            except DateError as e:
                v[f] = None
                v[f + "_bad"] = True
                self.problem(row, f, str(e))
        if v["birth_date"] is None and not v.get("birth_date_bad"):
            self.problem(row, "birth_date", str(msg(QT_TRANSLATE_NOOP("core", "Thiếu ngày sinh"))))
        self._check_dates(row, v)
        gender_text = self.text(cells, "gender")
        v["gender"] = None
        if gender_text:
            g = _gender(gender_text)
            if g == "?":
                self.problem(row, "gender", str(msg(QT_TRANSLATE_NOOP(
                    "core", "Giới tính «{value}» không rõ (cần Nam hoặc Nữ): bỏ trống"),
                    value=gender_text)), "warning")
            else:
                v["gender"] = g
        v["card_number"] = self.text(cells, "card_number")
        post_text = self.text(cells, "party_post")
        v["party_post"] = _party_post(post_text) if post_text else None
        if post_text and v["party_post"] is None:
            self.problem(row, "party_post", str(msg(QT_TRANSLATE_NOOP(
                "core", "Chức vụ đảng «{value}» không rõ (Bí thư, Phó Bí thư, Chi ủy viên, "
                        "Đảng viên): coi là Đảng viên"), value=post_text)), "warning")
        for f in ("government_post", "work_unit", "note"):
            v[f] = self.text(cells, f)
        type_text = self.text(cells, "member_type")
        v["member_type"] = _member_type(type_text) if type_text else None
        if type_text and v["member_type"] is None:
            self.problem(row, "member_type", str(msg(QT_TRANSLATE_NOOP(
                "core", "Loại đảng viên «{value}» không rõ (cần Chính thức hoặc Dự bị)"),
                value=type_text)), "warning")
        if v["member_type"] == "probationary" and v["official_date"] is not None:
            self.problem(row, "member_type", str(msg(QT_TRANSLATE_NOOP(
                "core", "Ghi «Dự bị» nhưng có ngày chính thức {day}"),
                day=format_date(v["official_date"]))), "warning")
        id_text = clean(_text(self.cell(cells, "id")))
        v["id"] = None
        if id_text:
            try:
                v["id"] = str(uuid.UUID(id_text))
            except ValueError:
                self.problem(row, "id", str(msg(QT_TRANSLATE_NOOP(
                    "core", "Mã «{value}» không phải mã của chương trình: bỏ qua"),
                    value=id_text)), "warning")
        self.rows.append(row)
        self.values.append(v)

    def _check_dates(self, row: ImportRow, v: dict[str, Any]) -> None:
        birth, adm, off = v["birth_date"], v["admission_date"], v["official_date"]
        if birth and birth > self.today:
            self.problem(row, "birth_date", str(msg(QT_TRANSLATE_NOOP(
                "core", "Ngày sinh {day} ở sau hôm nay"), day=format_date(birth))))
        if birth and adm:
            if adm <= birth:
                self.problem(row, "admission_date", str(msg(QT_TRANSLATE_NOOP(
                    "core", "Ngày vào Đảng {day} không sau ngày sinh {birth}"),
                    day=format_date(adm), birth=format_date(birth))))
            elif adm < _years_after(birth, 18):
                self.problem(row, "admission_date", str(msg(QT_TRANSLATE_NOOP(
                    "core", "Ngày vào Đảng {day}: khi đó chưa đủ 18 tuổi, xin kiểm tra lại"),
                    day=format_date(adm))), "warning")
        if adm and off and off < adm:
            self.problem(row, "official_date", str(msg(QT_TRANSLATE_NOOP(
                "core", "Ngày chính thức {day} trước ngày vào Đảng {admission}"),
                day=format_date(off), admission=format_date(adm))))

    # -- all rows ------------------------------------------------------------------------
    def finish(self) -> list[ImportRow]:
        self._duplicates("card_number", _card_key, QT_TRANSLATE_NOOP(
            "core", "Số thẻ đảng viên «{value}» trùng với dòng {rows}"))
        self._duplicates("id", lambda s: s, QT_TRANSLATE_NOOP(
            "core", "Mã «{value}» trùng với dòng {rows}"))
        matched: dict[str, list[int]] = {}
        for k, (row, v) in enumerate(zip(self.rows, self.values)):
            m = self._match(row, v)
            row.existing = m
            if m is not None:
                matched.setdefault(m.id, []).append(k)
        for ks in matched.values():
            if len(ks) > 1:
                for k in ks:
                    others = ", ".join(str(self.rows[j].row) for j in ks if j != k)
                    self.problem(self.rows[k], None, str(msg(QT_TRANSLATE_NOOP(
                        "core", "Cùng một đảng viên «{name}» với dòng {rows}"),
                        name=self.rows[k].existing.full_name, rows=others)))
        for row, v in zip(self.rows, self.values):
            if row.errors:
                row.action, row.member = "error", None
                continue
            if row.existing is None:
                row.member, row.action = self._new(v), "new"
            else:
                row.member, row.changes = self._update(row.existing, v)
                row.action = "update" if row.changes else "unchanged"
                if row.member.full_name != row.existing.full_name and \
                        fold(row.member.full_name) != fold(row.existing.full_name):
                    # Matched by card number and birth date (or by the program's id) but named
                    # otherwise: a rename is never silent; the user confirms the row.
                    row.action = "conflict"
        return self.rows

    def _duplicates(self, f: str, key, template: str) -> None:
        seen: dict[str, list[int]] = {}
        for k, v in enumerate(self.values):
            if v.get(f):
                seen.setdefault(key(v[f]), []).append(k)
        for ks in seen.values():
            if len(ks) < 2:
                continue
            for k in ks:
                others = ", ".join(str(self.rows[j].row) for j in ks if j != k)
                self.problem(self.rows[k], f, str(msg(template, value=self.values[k][f],
                                                      rows=others)))

    def _match(self, row: ImportRow, v: dict[str, Any]) -> Member | None:
        m = None
        if v["id"]:
            m = self.by_id.get(v["id"])
        card = _card_key(v["card_number"]) if v["card_number"] else ""
        if m is None and card:
            m = self.by_card.get(card)
            if m is not None and fold(m.full_name) != fold(v["full_name"]) \
                    and m.birth_date != v["birth_date"]:
                m = None        # neither the name nor the birth date: someone else's card
        if m is None and v["full_name"] and v["birth_date"]:
            m = self.by_name.get((fold(v["full_name"]), v["birth_date"]))
        if card:
            owner = self.by_card.get(card)
            if owner is not None and owner is not m:
                self.problem(row, "card_number", str(msg(QT_TRANSLATE_NOOP(
                    "core", "Số thẻ đảng viên «{value}» đã là của đảng viên khác: {name} "
                            "(sinh ngày {birth})"),
                    value=v["card_number"], name=owner.full_name,
                    birth=format_date(owner.birth_date) or "?")))
        return m

    def _new(self, v: dict[str, Any]) -> Member:
        start = self.today
        if v["admission_date"] and v["admission_date"] > start:
            start = v["admission_date"]
        m = Member(
            full_name=v["full_name"], birth_date=v["birth_date"], gender=v["gender"],
            admission_date=v["admission_date"], official_date=v["official_date"],
            card_number=v["card_number"], party_post=v["party_post"] or PartyPost.MEMBER,
            government_post=v["government_post"], work_unit=v["work_unit"], note=v["note"],
            periods=[Period(PeriodKind.MEMBERSHIP, start)],
        )
        if v["id"]:
            m.id = v["id"]
        if v["member_type"] and m.admission_date is None and m.official_date is None:
            m.declared_type, m.declared_on = v["member_type"], self.today
        return m

    def _update(self, old: Member, v: dict[str, Any]) -> tuple[Member, list[str]]:
        m = copy.deepcopy(old)
        for f in ("full_name", "birth_date", "gender", "admission_date", "official_date",
                  "card_number", "party_post", "government_post", "work_unit", "note"):
            if f in self.index and v.get(f) not in (None, ""):
                setattr(m, f, v[f])
        if (v["member_type"] and m.admission_date is None and m.official_date is None
                and v["member_type"] != m.declared_type):
            m.declared_type, m.declared_on = v["member_type"], self.today
        changes = [str(msg(_CHANGE_LABELS[f])) for f in _COMPARED
                   if getattr(m, f) != getattr(old, f)]
        return m, changes


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:      # 29 February
        return day.replace(year=day.year + years, day=28)
