import random
import unicodedata
from datetime import date

import pytest

from kiemdiem_desktop.io.roster_import import read_roster
from kiemdiem_desktop.model import Gender, Member, PartyPost, PeriodKind

from tests.io.roster_samples import HEADER, NAMES, ROWS, csv_text, encode

TODAY = date(2025, 1, 15)


def _names(preview):
    return [r.member.full_name for r in preview.rows]


def test_plain_utf8_reads_every_field(write):
    p = read_roster(write("ds.csv", csv_text()), [], today=TODAY)
    assert p.ok and p.problems == [] and p.kind == "csv"
    assert (p.encoding, p.delimiter, p.header_row) == ("utf-8", ",", 1)
    assert p.counts() == {"new": 5, "update": 0, "unchanged": 0, "error": 0}
    assert _names(p) == NAMES
    assert [r.row for r in p.rows] == [2, 3, 4, 5, 6]
    m = p.rows[0].member
    assert m.birth_date == date(1975, 9, 2) and m.gender is Gender.MALE
    assert m.admission_date == date(2000, 5, 19) and m.official_date == date(2001, 5, 19)
    assert m.card_number == "01.234567" and m.party_post is PartyPost.SECRETARY
    assert m.government_post == "Trưởng phòng" and m.work_unit == "Phòng Tổ chức cán bộ"
    assert [(x.kind, x.start, x.end) for x in m.periods] == [(PeriodKind.MEMBERSHIP, TODAY, None)]
    assert p.rows[1].member.party_post is PartyPost.DEPUTY
    assert p.rows[1].member.gender is Gender.FEMALE
    assert p.rows[2].member.party_post is PartyPost.COMMITTEE
    assert p.rows[2].member.official_date is None
    assert p.rows[4].member.party_post is PartyPost.MEMBER
    assert p.columns["full_name"] == "Họ và tên" and "stt" not in p.columns
    assert p.unknown_columns == []


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8-bom", "utf-8"), ("utf-16", "utf-16"), ("cp1258", "cp1258"),
    ("tcvn3", "tcvn3"), ("vni", "vni"),
])
def test_encodings(write, encoding, expected):
    p = read_roster(write("ds.csv", encode(csv_text(), encoding)), [], today=TODAY)
    assert p.encoding == expected
    assert p.ok, [str(x) for x in p.all_problems()]
    # TCVN3 has no capital with tone: "ánh" is repaired to "Ánh" in names.
    assert _names(p) == NAMES
    assert p.rows[3].member.work_unit == "Trường Tiểu học xã Đông Phương"
    assert p.rows[1].member.gender is Gender.FEMALE
    assert p.rows[0].member.party_post is PartyPost.SECRETARY


def test_file_encoding_override(write):
    path = write("ds.csv", encode(csv_text(), "vni"))
    p = read_roster(path, [], encoding="tcvn3", today=TODAY)    # the user chose wrongly
    assert p.encoding == "tcvn3" and p.encoding_guess.encoding == "vni"
    assert p.problems[0].message.startswith("Không tìm thấy dòng tiêu đề")
    p = read_roster(path, [], encoding="vni", today=TODAY)
    assert p.ok and _names(p) == NAMES


def test_nfd_input_is_composed(write):
    text = unicodedata.normalize("NFD", csv_text())
    p = read_roster(write("ds.csv", text), [], today=TODAY)
    assert p.ok and _names(p) == NAMES
    assert all(unicodedata.is_normalized("NFC", n) for n in _names(p))


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_delimiters(write, delimiter):
    rows = [r[:] for r in ROWS]
    rows[2][9] = "Phòng Kế hoạch, Tài chính"      # a comma inside a cell
    p = read_roster(write("ds.csv", csv_text(rows=rows, delimiter=delimiter)), [], today=TODAY)
    assert p.delimiter == delimiter and p.ok
    assert p.rows[2].member.work_unit == "Phòng Kế hoạch, Tài chính"
    assert _names(p) == NAMES


def test_title_above_header_and_headers_without_diacritics_in_any_order(write):
    header = ["Ho va ten", "So the", "Ngay sinh", "Gioi tinh", "Ngay ket nap", "Cot la"]
    rows = [[r[1], r[6], r[2], r[3], r[4], "x"] for r in ROWS]
    text = csv_text(header, rows, title="DANH SÁCH ĐẢNG VIÊN CHI BỘ PHÒNG TỔ CHỨC")
    p = read_roster(write("ds.csv", text), [], today=TODAY)
    assert p.header_row == 4 and p.ok
    assert [r.row for r in p.rows] == [5, 6, 7, 8, 9]
    assert _names(p) == NAMES and p.rows[0].member.card_number == "01.234567"
    assert p.columns == {"full_name": "Ho va ten", "card_number": "So the",
                         "birth_date": "Ngay sinh", "gender": "Gioi tinh",
                         "admission_date": "Ngay ket nap"}
    assert p.unknown_columns == ["Cot la"]
    assert [str(x) for x in p.problems] == ["tệp ds.csv: Các cột không dùng đến, bỏ qua: «Cot la»"]
    assert p.problems[0].severity == "info"


def test_empty_file(write):
    for data in (b"", b"\xef\xbb\xbf", b"\r\n \r\n"):
        p = read_roster(write("trong.csv", data), [], today=TODAY)
        assert [str(x) for x in p.problems] == ["tệp trong.csv: Tệp trống"]
        assert not p.ok and p.rows == []


@pytest.mark.parametrize("data", [
    random.Random(7).randbytes(5000),
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4,
])
def test_binary_junk(write, data):
    p = read_roster(write("anh.csv", data), [], today=TODAY)
    assert [x.message for x in p.problems] == ["Tệp không phải bảng CSV/XLSX đọc được"]
    assert not p.ok


def test_no_header(write):
    p = read_roster(write("x.csv", "a,b,c\n1,2,3\n"), [], today=TODAY)
    assert not p.ok and p.problems[0].message.startswith("Không tìm thấy dòng tiêu đề")


def test_missing_required_columns(write):
    header = ["Họ và tên", "Giới tính", "Số thẻ"]
    p = read_roster(write("x.csv", csv_text(header, [["Nguyễn Văn A", "Nam", "1"]])), [], today=TODAY)
    assert [str(x) for x in p.problems] == [
        "tệp x.csv, cột 'Ngày sinh': Thiếu cột bắt buộc «Ngày sinh»",
        "tệp x.csv: Thiếu cột «Ngày vào Đảng» hoặc cột «Loại đảng viên»: cần một trong hai",
    ]
    assert p.rows == [] and not p.ok


def test_member_type_without_dates(write):
    header = ["Họ tên", "Năm sinh", "Loại đảng viên"]
    rows = [["Nguyễn Văn A", "01/01/1980", "Chính thức"], ["Lê Thị B", "02/02/1990", "dự bị"],
            ["Trần C", "1975", "Chính thức"]]
    p = read_roster(write("x.csv", csv_text(header, rows)), [], today=TODAY)
    a, b, c = p.rows
    assert (a.member.declared_type, a.member.declared_on) == ("official", TODAY)
    assert (b.member.declared_type, b.member.declared_on) == ("probationary", TODAY)
    assert c.action == "error" and c.member is None
    assert [str(x) for x in c.problems] == [
        "tệp x.csv, dòng 4, cột 'Năm sinh': Chỉ có năm «1975», cần đủ ngày/tháng/năm"]


def test_row_errors_name_row_column_and_value(write):
    rows = [r[:] for r in ROWS]
    rows[0][2] = "31/02/1975"             # no such day
    rows[1][1] = ""                       # no name
    rows[2][2] = ""                       # no birth date
    rows[3][2] = "01/01/2030"             # born in the future
    rows[4][5] = "01/01/2000"             # official before admission (22/12/2005)
    p = read_roster(write("loi.csv", csv_text(rows=rows)), [], today=TODAY)
    assert p.counts()["error"] == 5 and not p.ok
    assert [[str(x) for x in r.problems] for r in p.rows] == [
        ["tệp loi.csv, dòng 2, cột 'Ngày sinh': Ngày không hợp lệ: «31/02/1975» "
         "(không có ngày 31 tháng 2 năm 1975)"],
        ["tệp loi.csv, dòng 3, cột 'Họ và tên': Thiếu họ và tên"],
        ["tệp loi.csv, dòng 4, cột 'Ngày sinh': Thiếu ngày sinh"],
        ["tệp loi.csv, dòng 5, cột 'Ngày sinh': Ngày sinh 01/01/2030 ở sau hôm nay",
         "tệp loi.csv, dòng 5, cột 'Ngày vào Đảng': Ngày vào Đảng 10/10/2012 không sau ngày "
         "sinh 01/01/2030"],
        ["tệp loi.csv, dòng 6, cột 'Ngày chính thức': Ngày chính thức 01/01/2000 trước ngày "
         "vào Đảng 22/12/2005"],
    ]
    # A row in error still shows what the file says, so the user can find it.
    assert [(r.name, r.birth_text) for r in p.rows][:3] == [
        ("Nguyễn Văn Hùng", "31/02/1975"), ("", "15/03/1982"), (ROWS[2][1], "")]


def test_warnings_do_not_block(write):
    rows = [r[:] for r in ROWS[:2]]
    rows[0][3] = "x"                      # unknown gender
    rows[1][4] = "01/01/1995"             # admitted at 12
    rows[1][5] = "01/01/1996"
    rows[1][7] = "Trưởng ban"             # not a party post
    p = read_roster(write("w.csv", csv_text(rows=rows)), [], today=TODAY)
    assert p.ok and p.counts()["new"] == 2
    assert p.rows[0].member.gender is None
    assert [x.message for x in p.rows[0].warnings] == [
        "Giới tính «x» không rõ (cần Nam hoặc Nữ): bỏ trống"]
    assert [x.message for x in p.rows[1].warnings] == [
        "Ngày vào Đảng 01/01/1995: khi đó chưa đủ 18 tuổi, xin kiểm tra lại",
        "Chức vụ đảng «Trưởng ban» không rõ (Bí thư, Phó Bí thư, Chi ủy viên, Đảng viên): "
        "coi là Đảng viên"]


def test_duplicate_card_numbers_in_file(write):
    rows = [r[:] for r in ROWS]
    rows[3][6] = "01 234567"              # same as row 1 once spaces and dots are ignored
    p = read_roster(write("d.csv", csv_text(rows=rows)), [], today=TODAY)
    assert [r.action for r in p.rows] == ["error", "new", "new", "error", "new"]
    assert str(p.rows[0].problems[0]) == (
        "tệp d.csv, dòng 2, cột 'Số thẻ đảng viên': Số thẻ đảng viên «01.234567» trùng với dòng 5")
    assert str(p.rows[3].problems[0]) == (
        "tệp d.csv, dòng 5, cột 'Số thẻ đảng viên': Số thẻ đảng viên «01 234567» trùng với dòng 2")


def test_card_number_of_another_existing_member(write):
    other = Member("Hoàng Văn Khác", birth_date=date(1960, 1, 1), card_number="01.234568")
    p = read_roster(write("c.csv", csv_text()), [other], today=TODAY)
    assert [r.action for r in p.rows] == ["new", "error", "new", "new", "new"]
    assert [str(x) for x in p.rows[1].problems] == [
        "tệp c.csv, dòng 3, cột 'Số thẻ đảng viên': Số thẻ đảng viên «01.234568» đã là của "
        "đảng viên khác: Hoàng Văn Khác (sinh ngày 01/01/1960)"]
    assert p.rows[1].member is None


def test_card_conflict_when_matched_by_name(write):
    hung = Member("Nguyễn Văn Hùng", birth_date=date(1975, 9, 2), card_number="")
    other = Member("Hoàng Văn Khác", birth_date=date(1960, 1, 1), card_number="01.234567")
    p = read_roster(write("c.csv", csv_text()), [hung, other], today=TODAY)
    assert p.rows[0].action == "error"
    assert p.rows[0].problems[0].message == (
        "Số thẻ đảng viên «01.234567» đã là của đảng viên khác: Hoàng Văn Khác "
        "(sinh ngày 01/01/1960)")


def test_card_match_with_corrected_name_is_an_update(write):
    old = Member("Nguyễn Văn Hưng", birth_date=date(1975, 9, 2), card_number="01.234567")
    p = read_roster(write("c.csv", csv_text()), [old], today=TODAY)
    assert p.rows[0].action == "update" and p.rows[0].existing is old
    assert p.rows[0].changes == ["Họ và tên", "Giới tính", "Ngày vào Đảng", "Ngày chính thức",
                                 "Chức vụ đảng", "Chức vụ chính quyền, đoàn thể",
                                 "Đơn vị công tác"]
    assert p.rows[0].member.full_name == "Nguyễn Văn Hùng" and old.full_name == "Nguyễn Văn Hưng"


def test_reimport_is_unchanged_and_updates_are_detected(write):
    first = read_roster(write("a.csv", csv_text()), [], today=TODAY)
    members = [r.member for r in first.rows]
    again = read_roster(write("a.csv", csv_text()), members, today=date(2025, 6, 1))
    assert [r.action for r in again.rows] == ["unchanged"] * 5
    assert [r.member.id for r in again.rows] == [m.id for m in members]

    rows = [r[:] for r in ROWS]
    rows[0][9] = "Văn phòng Đảng ủy"          # new work unit
    rows[1][5] = ""                           # empty cell: keeps the known date
    rows[2][5] = "01/06/2016"                 # now official
    changed = read_roster(write("b.csv", csv_text(rows=rows)), members, today=TODAY)
    assert [r.action for r in changed.rows] == ["update", "unchanged", "update", "unchanged",
                                                "unchanged"]
    assert changed.rows[0].changes == ["Đơn vị công tác"]
    assert changed.rows[0].member.work_unit == "Văn phòng Đảng ủy"
    assert changed.rows[0].existing.work_unit == "Phòng Tổ chức cán bộ"   # not modified
    assert changed.rows[0].member.periods == members[0].periods
    assert changed.rows[2].changes == ["Ngày chính thức"]
    assert changed.rows[1].member.official_date == date(2011, 2, 3)


def test_match_by_uuid_then_card_then_name(write):
    a = Member("Nguyễn Văn Hùng", birth_date=date(1975, 9, 2))
    b = Member("Tên Cũ", birth_date=date(1982, 3, 15), card_number="01.234568")
    c = Member("Phạm Ngọc Hưởng", birth_date=date(1990, 1, 1))
    header = ["Mã"] + HEADER
    rows = [[a.id if i == 0 else ""] + r for i, r in enumerate(ROWS)]
    rows[0][2] = "Nguyễn Văn Hùng (đổi tên)"
    p = read_roster(write("u.csv", csv_text(header, rows)), [a, b, c], today=TODAY)
    assert [r.existing for r in p.rows] == [a, b, c, None, None]
    assert p.rows[0].member.id == a.id and "Họ và tên" in p.rows[0].changes
    assert p.rows[1].member.full_name == "Trần Thị Ánh Tuyết" and p.rows[1].member.id == b.id


def test_new_member_with_our_uuid_keeps_it(write):
    header = ["ID"] + HEADER
    rows = [["0f8fad5b-d9cb-469f-a165-70867728950e"] + ROWS[0]]
    p = read_roster(write("u.csv", csv_text(header, rows)), [], today=TODAY)
    assert p.rows[0].member.id == "0f8fad5b-d9cb-469f-a165-70867728950e"


def test_admission_after_today_starts_membership_then(write):
    rows = [ROWS[0][:]]
    rows[0][4], rows[0][5] = "01/03/2025", ""
    p = read_roster(write("f.csv", csv_text(rows=rows)), [], today=TODAY)
    assert p.rows[0].member.periods[0].start == date(2025, 3, 1)


def test_column_numbering_row_under_header_is_skipped(write):
    rows = [[f"({i})" for i in range(1, 11)]] + ROWS
    p = read_roster(write("n.csv", csv_text(rows=rows)), [], today=TODAY)
    assert p.ok and _names(p) == NAMES


def test_tcvn3_column_inside_a_utf8_file(write):
    from kiemdiem_desktop.vn.legacy import unicode_to_legacy
    rows = [r[:] for r in ROWS]
    for r in rows:
        r[1] = unicode_to_legacy(r[1], "tcvn3")
    p = read_roster(write("mix.csv", csv_text(rows=rows)), [], today=TODAY)
    assert p.encoding == "utf-8"
    assert p.column_encodings["full_name"] == "tcvn3"
    assert p.column_encodings["work_unit"] == "unicode"
    assert _names(p) == NAMES
    # The caller can say the column is Unicode after all.
    p2 = read_roster(write("mix.csv", csv_text(rows=rows)), [], today=TODAY,
                     column_encodings={"Họ và tên": "unicode"})
    assert p2.rows[0].member.full_name == "NguyÔn V¨n Hïng"


@pytest.mark.slow
def test_twenty_thousand_rows_in_a_few_seconds(write):
    rng = random.Random(1)
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middles = ["Văn", "Thị", "Ngọc", "Đức", "Thu", "Quang", "Minh"]
    givens = ["Hùng", "Tuyết", "Hưởng", "Hường", "Nghĩa", "Thắng", "Ánh", "Dũng", "Đào", "Yến"]
    rows = []
    for i in range(20000):
        rows.append([str(i + 1), f"{rng.choice(families)} {rng.choice(middles)} {rng.choice(givens)}",
                     f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2000)}",
                     rng.choice(["Nam", "Nữ"]), f"{rng.randint(1, 28):02d}/05/2020", "",
                     f"{i:08d}", "Đảng viên", "Chuyên viên", "Phòng Tổ chức"])
    path = write("big.csv", csv_text(rows=rows))
    # Speed is measured by bench/roster_import.py, not here (a shared CI machine is no stopwatch).
    p = read_roster(path, [], today=TODAY)
    assert p.counts()["new"] == 20000 and p.ok
    members = [r.member for r in p.rows]
    again = read_roster(path, members, today=TODAY)
    assert again.counts()["unchanged"] == 20000


def test_lines_under_the_table_are_skipped_but_a_gap_in_the_middle_is_an_error(write):
    text = csv_text() + ",,,,\nTổng cộng: 5 đảng viên,,,,\n,,Người lập biểu,,\n,,Nguyễn Thị Hoa,,\n"
    p = read_roster(write("ds.csv", text), [], today=TODAY)
    assert p.ok, [str(x) for x in p.all_problems()]
    assert _names(p) == NAMES
    notes = [str(x) for x in p.problems if x.severity == "info"]
    assert any("Bỏ qua 3 dòng cuối bảng" in n and "Tổng cộng" in n for n in notes)
    lines = csv_text().splitlines()
    lines.insert(2, "9,Trần Văn Thiếu,,Nam,,")
    p = read_roster(write("ds2.csv", "\n".join(lines) + "\n"), [], today=TODAY)
    assert not p.ok
    bad = [r for r in p.rows if r.action == "error"]
    assert [(r.row, r.member) for r in bad][0][0] == 3
    assert "Thiếu ngày sinh" in str(bad[0].problems[0])
