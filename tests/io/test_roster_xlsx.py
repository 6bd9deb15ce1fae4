from datetime import date, datetime

import openpyxl

from kiemdiem_desktop.io.roster_import import read_roster
from kiemdiem_desktop.model import Gender, Member, PartyPost
from kiemdiem_desktop.vn.legacy import unicode_to_legacy
from tests.io.roster_samples import HEADER, NAMES, ROWS

TODAY = date(2025, 1, 15)


def _dmy(s: str):
    if not s:
        return None
    d, m, y = map(int, s.split("/"))
    return datetime(y, m, d)


def _workbook(path, rows, header=HEADER, title=True, sheet_first=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    if sheet_first is not None:
        ws.title = "Ghi chú"
        ws["A1"] = sheet_first
        ws = wb.create_sheet("Danh sách")
    if title:
        ws.append(["DANH SÁCH ĐẢNG VIÊN"])
        ws.merge_cells("A1:J1")
        ws.append([])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_real_dates_and_numbers(tmp_path):
    rows = []
    for r in ROWS:
        r = list(r)
        r[0] = int(r[0])
        for i in (2, 4, 5):
            r[i] = _dmy(r[i])
        r[6] = int(r[6].replace(".", ""))        # card number typed as a number
        rows.append(r)
    path = _workbook(tmp_path / "ds.xlsx", rows)
    p = read_roster(path, [], today=TODAY)
    assert p.ok, [str(x) for x in p.all_problems()]
    assert (p.kind, p.header_row, p.encoding, p.delimiter) == ("xlsx", 3, None, None)
    assert [r.row for r in p.rows] == [4, 5, 6, 7, 8]
    assert [r.member.full_name for r in p.rows] == NAMES
    m = p.rows[0].member
    assert (m.birth_date, m.admission_date, m.official_date) == (
        date(1975, 9, 2), date(2000, 5, 19), date(2001, 5, 19))
    assert m.card_number == "1234567" and m.gender is Gender.MALE
    assert m.party_post is PartyPost.SECRETARY
    assert p.rows[2].member.official_date is None


def test_text_dates_and_errors_name_the_cell(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][2] = "15-3-1982"
    rows[2][2] = "1990"                            # "Năm sinh" with a year only
    rows[3][4] = 41192                             # an Excel serial number: 10/10/2012
    path = _workbook(tmp_path / "ds.xlsx", rows, title=False)
    p = read_roster(path, [], today=TODAY)
    assert p.rows[0].member.birth_date == date(1975, 9, 2)
    assert p.rows[1].member.birth_date == date(1982, 3, 15)
    assert p.rows[3].member.admission_date == date(2012, 10, 10)
    assert p.rows[2].action == "error"
    assert [str(x) for x in p.rows[2].problems] == [
        "tệp ds.xlsx, dòng 4, cột 'Ngày sinh': Chỉ có năm «1990», cần đủ ngày/tháng/năm"]


def test_tcvn3_column(tmp_path):
    rows = [list(r) for r in ROWS]
    for r in rows:
        r[1] = unicode_to_legacy(r[1], "tcvn3")          # typed with .VnTime
        r[9] = unicode_to_legacy(r[9], "tcvn3")
    path = _workbook(tmp_path / "ds.xlsx", rows)
    p = read_roster(path, [], today=TODAY)
    assert p.column_encodings["full_name"] == "tcvn3"
    assert p.column_encodings["work_unit"] == "tcvn3"
    assert p.column_encodings["government_post"] == "unicode"
    assert [r.member.full_name for r in p.rows] == NAMES
    assert p.rows[3].member.work_unit == "Trường Tiểu học xã Đông Phương"


def test_vni_header_and_column(tmp_path):
    header = [unicode_to_legacy(h, "vni") for h in HEADER]
    rows = [[unicode_to_legacy(c, "vni") for c in r] for r in ROWS]
    path = _workbook(tmp_path / "ds.xlsx", rows, header=header)
    p = read_roster(path, [], today=TODAY)
    assert p.ok and p.columns["full_name"] == "Hoï vaø teân"
    assert p.column_encodings["full_name"] == "vni"
    assert [r.member.full_name for r in p.rows] == NAMES


def test_roster_on_second_sheet(tmp_path):
    path = _workbook(tmp_path / "ds.xlsx", ROWS, sheet_first="Xem trang sau")
    p = read_roster(path, [], today=TODAY)
    assert p.sheet == "Danh sách" and p.ok and len(p.rows) == 5


def test_reimport_xlsx_unchanged(tmp_path):
    path = _workbook(tmp_path / "ds.xlsx", ROWS)
    first = read_roster(path, [], today=TODAY)
    again = read_roster(path, [r.member for r in first.rows], today=TODAY)
    assert again.counts() == {"new": 0, "update": 0, "unchanged": 5, "error": 0}


def test_xlsx_named_csv_and_broken_xlsx(tmp_path):
    path = _workbook(tmp_path / "ds.xlsx", ROWS)
    renamed = tmp_path / "ds.csv"
    renamed.write_bytes(path.read_bytes())
    p = read_roster(renamed, [], today=TODAY)
    assert p.kind == "xlsx" and p.ok and len(p.rows) == 5
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    p = read_roster(broken, [], today=TODAY)
    assert [str(x) for x in p.problems] == ["tệp hong.xlsx: Tệp không phải bảng CSV/XLSX đọc được"]
    text = tmp_path / "van_ban.xlsx"
    text.write_text("Họ và tên,Ngày sinh\n", encoding="utf-8")
    assert read_roster(text, [], today=TODAY).problems[0].message == (
        "Tệp không phải bảng CSV/XLSX đọc được")


def test_empty_xlsx(tmp_path):
    path = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(path)
    p = read_roster(path, [], today=TODAY)
    assert [x.message for x in p.problems] == ["Tệp trống"]


def test_update_from_xlsx(tmp_path):
    existing = Member("Nguyễn Văn Hùng", birth_date=date(1975, 9, 2), card_number="01.234567",
                      party_post=PartyPost.MEMBER)
    path = _workbook(tmp_path / "ds.xlsx", ROWS[:1])
    p = read_roster(path, [existing], today=TODAY)
    row = p.rows[0]
    assert row.action == "update" and row.member.id == existing.id
    assert "Chức vụ đảng" in row.changes and row.member.party_post is PartyPost.SECRETARY
    assert existing.party_post is PartyPost.MEMBER
