"""Issue 12 items 3 and 15 (roster part): no row dropped or changed silently; hostile CSV and XLSX
files refused with a Vietnamese message naming the file (row, column), nothing written, quickly and
without exhausting memory."""
from __future__ import annotations

import resource
import time
from datetime import date
from pathlib import Path

import pytest

from kiemdiem_desktop.io.roster_import import MAX_CELL_CHARS, read_roster
from tests.hostile import xlsx_forge as xf
from tests.hostile.store_helpers import cli, refused, roster_json, stderr

TODAY = date(2026, 1, 15)
HEADER = "STT;Họ và tên;Ngày sinh;Ngày vào Đảng;Số thẻ đảng viên;Chức vụ đảng\n"
ROWS = ["1;Nguyễn Văn Hùng;12/03/1978;19/05/2005;01.000001;Đảng viên",
        "2;Trần Thị Ánh;01/12/1985;03/02/2012;01.000002;Đảng viên",
        "3;Lê Văn An;05/06/1990;01/01/2015;;"]


def _csv(tmp_path: Path, text: str, name: str = "ds.csv", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return p


@pytest.fixture
def cell(tmp_path) -> Path:
    """A data file with the three members of ROWS."""
    db = tmp_path / "chi-bo.kiemdiem"
    r = cli("roster", "import", str(_csv(tmp_path, HEADER + "\n".join(ROWS) + "\n", "goc.csv")), "--db", str(db))
    assert r.returncode == 0, stderr(r)
    return db


# -- item 3 ---------------------------------------------------------------------------------------
def test_trailing_rows_with_a_name_but_no_birth_date_are_errors_not_skipped(cell, tmp_path):
    src = _csv(tmp_path, HEADER + "\n".join(ROWS) + "\n4;Phạm Văn Dũng;;;;\n5;Hoàng Thị Em;;;;\n")
    before = roster_json(cell)
    err = refused(cli("roster", "import", str(src), "--db", str(cell)), "ds.csv")
    assert "dòng 5, cột 'Ngày sinh': Thiếu ngày sinh" in err and "dòng 6, cột 'Ngày sinh': Thiếu ngày sinh" in err
    assert roster_json(cell) == before


def test_every_line_under_the_table_that_is_not_imported_is_listed(cell, tmp_path):
    src = _csv(tmp_path, HEADER + "\n".join(ROWS) + "\n;Tổng cộng: 3 đảng viên;;;;\n;;Người lập biểu;;;\n"
                                                     ";Nguyễn Thị Hoa;;;;\n")
    r = cli("roster", "import", str(src), "--db", str(cell))
    assert r.returncode == 0, stderr(r)
    err = stderr(r)
    for row, text in ((5, "Tổng cộng: 3 đảng viên"), (6, "Người lập biểu"), (7, "Nguyễn Thị Hoa")):
        assert f"dòng {row}: Không nhập dòng này" in err and text in err, (row, err)


@pytest.mark.parametrize("text, row", [
    (HEADER + ROWS[0] + '\n2;"Trần Thị Ánh;01/12/1985;03/02/2012;01.000002;\n' + ROWS[2] + "\n"
     + '4;"Phạm Văn Dũng";01/01/1970;01/01/2000;;\n', 3),                   # closed rows later
    (HEADER + ROWS[0] + "\n" + ROWS[1] + '\n3;"Lê Văn An;05/06/1990;01/01/2015;;\n', 4),   # open at the end
    (HEADER + ROWS[0] + '\n2;"Trần Thị Ánh;01/12/1985;03/02/2012;01.000002;\n' + ROWS[2] + "\n", 3),
])
def test_an_unterminated_quote_is_refused_naming_its_line(cell, tmp_path, text, row):
    before = roster_json(cell)
    err = refused(cli("roster", "import", str(_csv(tmp_path, text)), "--db", str(cell)),
                  "ds.csv", f"Dấu ngoặc kép mở ở dòng {row}")
    assert "Không nhập" in err
    assert roster_json(cell) == before


def test_a_quoted_cell_on_two_lines_is_still_read(cell, tmp_path):
    src = _csv(tmp_path, HEADER + ROWS[0] + '\n2;"Trần Thị Ánh";01/12/1985;03/02/2012;01.000002;"Đảng\nviên"\n'
               + ROWS[2] + "\n")
    r = cli("roster", "import", str(src), "--db", str(cell))
    assert r.returncode == 0, stderr(r)


def test_a_new_name_on_a_matched_member_is_a_conflict_the_user_confirms(cell, tmp_path):
    src = _csv(tmp_path, HEADER + "1;Kẻ Mạo Danh;12/03/1978;19/05/2005;01.000001;Bí thư\n" + ROWS[1] + "\n")
    before = roster_json(cell)
    err = refused(cli("roster", "import", str(src), "--db", str(cell)), "Cần xác nhận", "dòng 2",
                  "Nguyễn Văn Hùng", "Kẻ Mạo Danh", "--confirm 2")
    assert roster_json(cell) == before                        # nobody renamed, no post changed
    r = cli("roster", "import", str(src), "--db", str(cell), "--confirm", "2")
    assert r.returncode == 0, stderr(r)
    after = {m["card_number"]: m for m in roster_json(cell)}
    assert after["01.000001"]["full_name"] == "Kẻ Mạo Danh"
    assert after["01.000001"]["party_post"] != "member"      # the confirmed row's post is taken too
    # A spelling fix of the same name (diacritics, case) is an ordinary update, not a conflict.
    src = _csv(tmp_path, HEADER + "2;TRẦN THỊ ÁNH;01/12/1985;03/02/2012;01.000002;\n", "sua.csv")
    assert cli("roster", "import", str(src), "--db", str(cell)).returncode == 0
    assert err


def test_the_preview_lists_a_conflict_and_apply_refuses_it_unconfirmed(cell, tmp_path):
    from kiemdiem_desktop.i18n import UserError
    from kiemdiem_desktop.services import CellFile

    src = _csv(tmp_path, HEADER + "1;Kẻ Mạo Danh;12/03/1978;19/05/2005;01.000001;\n")
    with CellFile.open(cell) as cf:
        preview = cf.preview_import(src)
        assert not preview.ok and preview.counts()["conflict"] == 1
        with pytest.raises(UserError, match="chưa được xác nhận"):
            cf.apply_import(preview)
        assert cf.apply_import(preview, exclude_rows=[2]).result().updated == 0
        assert "Nguyễn Văn Hùng" in [m.full_name for m in cf.members()]


# -- item 15: limits, encodings, hostile XLSX ---------------------------------------------------------
def test_a_cell_over_the_limit_is_refused_in_vietnamese(tmp_path):
    long_name = "A" * 200_000                    # over csv's own field limit: was an English csv.Error
    for text in (HEADER + f"1;{long_name};12/03/1978;19/05/2005;;\n",
                 HEADER + f"1;{'B' * (MAX_CELL_CHARS + 1)};12/03/1978;19/05/2005;;\n"):
        err = refused(cli("roster", "import", str(_csv(tmp_path, text)), "--db", str(tmp_path / "x.kiemdiem")),
                      "ds.csv", "dòng 2")
        assert "field larger" not in err and "Error" not in err
        assert not (tmp_path / "x.kiemdiem").exists()


def test_a_csv_with_two_encodings_says_so(tmp_path):
    data = (HEADER + ROWS[0] + "\n").encode("utf-8") + (ROWS[1] + "\n").encode("cp1258", "replace") \
        + (ROWS[2] + "\n").encode("utf-8")
    err = refused(cli("roster", "import", str(_csv(tmp_path, data)), "--db", str(tmp_path / "x.kiemdiem")),
                  "ds.csv", "trộn lẫn hai bảng mã", "dòng 3")
    assert "Không tìm thấy dòng tiêu đề" not in err


def _xlsx_cases(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = xf.genuine_xlsx()
    sheet = xf.parts(good)[xf.SHEET]
    rows = xf.inline_row(1, xf.HEADER) + xf.inline_row(2, ["1", "&lol9;", "12/03/1978", "19/05/2005", ""])
    bomb = 150 * 1024 * 1024
    cases = {
        "hong-xml": (xf.replace_part(good, xf.SHEET, sheet[:len(sheet) // 2]), "không phải bảng"),
        "billion-laughs": (xf.replace_part(good, xf.SHEET, xf.sheet_with_inline(rows, xf.BILLION_LAUGHS)),
                           "thực thể XML"),
        "xxe": (xf.replace_part(good, xf.SHEET, xf.sheet_with_inline(
            xf.inline_row(1, xf.HEADER) + xf.inline_row(2, ["1", "&xxe;", "12/03/1978", "19/05/2005", ""]),
            xf.EXTERNAL)), "thực thể XML"),
        "o-150-MB": (xf.replace_part(good, xf.SHEET, xf.sheet_with_inline(
            xf.inline_row(1, xf.HEADER) + '<row r="2"><c r="B2" t="inlineStr"><is><t>'
            + "A" * bomb + "</t></is></c></row>")), "quá lớn"),
        "khai-1-GB": (xf.forge_size(good, xf.SHEET, 1024 ** 3), "quá lớn"),
        "khai-it-hon": (xf.forge_size(xf.replace_part(good, xf.SHEET, xf.sheet_with_inline(
            xf.inline_row(1, xf.HEADER) + xf.inline_row(2, ["1", "B" * 500_000, "12/03/1978", "", ""]))),
            xf.SHEET, 2000), "không phải bảng"),
        "o-dai": (xf.genuine_xlsx(rows=[[1, "C" * (MAX_CELL_CHARS + 5), "12/03/1978", "19/05/2005", ""]]),
                  "dòng 2"),
        "rong": (xf.replace_part(good, xf.SHEET, xf.sheet_with_inline(
            xf.inline_row(1, xf.HEADER) + '<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>')),
            "cột"),
        "nhieu-dong": (xf.replace_part(good, xf.SHEET, xf.sheet_with_inline(
            xf.inline_row(1, xf.HEADER) + "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>'
                                                  for i in range(2, 60_100)))), "dòng"),
    }
    return {k: (xf.write(tmp_path / f"{k}.xlsx", v[0]), v[1]) for k, v in cases.items()}


def test_hostile_workbooks_are_refused_quickly_with_a_message(tmp_path):
    db = tmp_path / "chi-bo.kiemdiem"
    for name, (path, needle) in _xlsx_cases(tmp_path).items():
        assert path.stat().st_size < 2 * 1024 * 1024, name      # small files, big trouble
        start = time.perf_counter()
        err = refused(cli("roster", "import", str(path), "--db", str(db)), path.name, needle)
        assert time.perf_counter() - start < 30, name
        assert "root:" not in err and "lollollol" not in err, name
        assert not db.exists(), name


def test_hostile_workbooks_stay_within_memory_in_process(tmp_path):
    """Read in this process: the 150 MB cell and the bombs are refused before they are unpacked."""
    for name, (path, _needle) in _xlsx_cases(tmp_path).items():
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        preview = read_roster(path, [], today=TODAY)
        grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        assert not preview.ok, name
        assert all(p.file == path.name for p in preview.all_problems()), name
        assert grown_mb < 300, (name, grown_mb)


# -- found while attacking -------------------------------------------------------------------------
def test_devices_and_endless_files_are_not_read(tmp_path):
    """`roster import /dev/zero` read forever (st_size is 0 for a device)."""
    start = time.perf_counter()
    for dev in ("/dev/zero", "/dev/urandom"):
        refused(cli("roster", "import", dev, "--db", str(tmp_path / "x.kiemdiem")), "không phải một tệp bình thường")
    refused(cli("roster", "import", str(tmp_path), "--db", str(tmp_path / "x.kiemdiem")), "không phải một tệp")
    assert time.perf_counter() - start < 30
    assert not (tmp_path / "x.kiemdiem").exists()


def test_a_line_of_a_million_delimiters_is_refused_before_parsing(tmp_path):
    src = _csv(tmp_path, HEADER + "1;" + ";" * 1_000_000 + "\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    preview = read_roster(src, [], today=TODAY)
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024 < 200
    assert any("dấu phân cách" in str(p) and "Dòng 2" in str(p) for p in preview.problems)
    refused(cli("roster", "import", str(src), "--db", str(tmp_path / "x.kiemdiem")), "ds.csv", "Dòng 2")


def test_a_sheet_of_wide_rows_is_refused_at_the_first_one(tmp_path):
    good = xf.genuine_xlsx()
    rows = "".join(f'<row r="{i}"><c r="A{i}"><v>1</v></c><c r="XFD{i}"><v>1</v></c></row>' for i in range(2, 20_000))
    path = xf.write(tmp_path / "rong.xlsx", xf.replace_part(good, xf.SHEET, xf.sheet_with_inline(
        xf.inline_row(1, xf.HEADER) + rows)))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    preview = read_roster(path, [], today=TODAY)
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024 < 200
    assert any("dòng 2" in str(p) and "16384" in str(p) for p in preview.problems), \
        [str(p) for p in preview.problems]


def test_a_planted_temporary_file_is_never_written_through(tmp_path):
    """The temporary name was predictable (.NAME.PID.tmp): a link planted there was followed."""
    import os

    from kiemdiem_desktop.store.atomic import write_bytes_atomically

    victim = tmp_path / "nan-nhan.txt"
    victim.write_text("giữ nguyên", encoding="utf-8")
    out = tmp_path / "ra.bin"
    (tmp_path / f".ra.bin.{os.getpid()}.tmp").symlink_to(victim)
    write_bytes_atomically(out, b"noi dung")
    assert victim.read_text(encoding="utf-8") == "giữ nguyên"
    assert out.read_bytes() == b"noi dung"


def test_escapes_in_a_file_name_or_a_cell_are_shown_not_obeyed(tmp_path):
    src = _csv(tmp_path, HEADER + "1;\x1b[2JKẻ Lạ;31/02/1990;;;\n", name="\x1b]0;pwned\x07.csv")
    err = refused(cli("roster", "import", str(src), "--db", str(tmp_path / "x.kiemdiem")), "<U+001B>]0;pwned<U+0007>.csv")
    assert "\x1b" not in err and "\x07" not in err
