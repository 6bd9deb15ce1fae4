"""The command line as committee staff and scripts use it (shared/CLI.md)."""
import json
import sqlite3

from kiemdiem_desktop.vn.collation import name_sort_key
from tests.helpers import run_cli


def _json(result):
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))


def test_demo_then_roster_list_in_vietnamese_order(tmp_path):
    db = tmp_path / "mau.kiemdiem"
    r = run_cli("demo", "--db", str(db), "--members", "40")
    assert r.returncode == 0, r.stderr.decode()
    assert "40 đảng viên" in r.stdout.decode()
    roster = _json(run_cli("roster", "list", "--db", str(db), "--json"))
    assert len(roster) == 40
    names = [m["full_name"] for m in roster]
    assert names == sorted(names, key=name_sort_key)
    assert {"id", "full_name", "birth_date", "card_number", "category"} <= set(roster[0])
    cats = {m["category"] for m in roster}
    assert {"official", "probationary", "probationary_recent", "exempted", "temporary_elsewhere"} <= cats
    assert all(len(m["id"]) == 36 for m in roster)


def test_demo_never_writes_into_an_existing_file(tmp_path):
    db = tmp_path / "that.kiemdiem"
    assert run_cli("demo", "--db", str(db)).returncode == 0
    before = db.read_bytes()
    r = run_cli("demo", "--db", str(db))
    assert r.returncode == 2
    assert "Dữ liệu mẫu chỉ được ghi vào một tệp mới" in r.stderr.decode()
    assert db.read_bytes() == before


def test_meeting_list_json(tmp_path):
    db = tmp_path / "mau.kiemdiem"
    run_cli("demo", "--db", str(db))
    meetings = _json(run_cli("meeting", "list", "--db", str(db), "--json"))
    assert len(meetings) == 1
    assert meetings[0]["state"] == "preparing"
    assert meetings[0]["kind"] == "main"
    assert isinstance(meetings[0]["rating_year"], int)


def test_backup_and_restore_from_the_command_line(tmp_path):
    db = tmp_path / "mau.kiemdiem"
    run_cli("demo", "--db", str(db), "--members", "20")
    out = tmp_path / "usb" / "ban-sao.kiemdiem"
    r = run_cli("backup", "--db", str(db), "--out", str(out))
    assert r.returncode == 0, r.stderr.decode()
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 20
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()
    other = tmp_path / "may-khac.kiemdiem"
    r = run_cli("restore", str(out), "--db", str(other))
    assert r.returncode == 0, r.stderr.decode()
    assert _json(run_cli("roster", "list", "--db", str(other), "--json")) == \
        _json(run_cli("roster", "list", "--db", str(db), "--json"))


def test_missing_file_is_a_clear_failure(tmp_path):
    r = run_cli("roster", "list", "--db", str(tmp_path / "khong-co.kiemdiem"))
    assert r.returncode == 1
    assert "Không tìm thấy tệp dữ liệu" in r.stderr.decode()


ROSTER = (
    "DANH SÁCH ĐẢNG VIÊN CHI BỘ VĂN PHÒNG\n"
    "\n"
    "STT;Họ và tên;Ngày sinh;Ngày vào Đảng;Ngày chính thức;Số thẻ đảng viên;Sở thích\n"
    "1;Nguyễn Văn Hùng;12/03/1978;19/05/2005;19/05/2006;01.000001;cờ tướng\n"
    "2;Trần Thị Ánh;01/12/1985;03/02/2012;03/02/2013;01.000002;\n"
    "3;Lê Văn An;05/06/1990;;;;\n"
)


def test_roster_import_refuses_a_file_with_errors_and_writes_nothing(tmp_path):
    db = tmp_path / "chi-bo.kiemdiem"
    src = tmp_path / "danh-sach.csv"
    src.write_text(ROSTER.replace("05/06/1990", "31/02/1990"), encoding="utf-8")
    r = run_cli("roster", "import", str(src), "--db", str(db))
    assert r.returncode == 2
    err = r.stderr.decode("utf-8")
    assert "danh-sach.csv" in err and "dòng 6" in err and "Ngày sinh" in err
    assert not db.exists()          # not even an empty data file is created
    assert run_cli("demo", "--db", str(db), "--members", "3").returncode == 0
    before = _json(run_cli("roster", "list", "--db", str(db), "--json"))
    assert run_cli("roster", "import", str(src), "--db", str(db)).returncode == 2
    assert _json(run_cli("roster", "list", "--db", str(db), "--json")) == before


def test_roster_import_twice_changes_nothing(tmp_path):
    db = tmp_path / "chi-bo.kiemdiem"
    src = tmp_path / "danh-sach.csv"
    src.write_bytes(
        ROSTER.replace("3;Lê Văn An;05/06/1990;;;;", "3;Lê Văn An;05/06/1990;10/10/2024;;;").encode("utf-8-sig"))
    r = run_cli("roster", "import", str(src), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    assert "3 mới" in r.stdout.decode()
    first = _json(run_cli("roster", "list", "--db", str(db), "--json"))
    assert [m["full_name"] for m in first] == ["Lê Văn An", "Trần Thị Ánh", "Nguyễn Văn Hùng"]
    r = run_cli("roster", "import", str(src), "--db", str(db))
    assert "0 mới, 0 cập nhật, 3 không đổi" in r.stdout.decode()
    assert _json(run_cli("roster", "list", "--db", str(db), "--json")) == first


def test_window_without_a_screen_says_so_in_vietnamese(tmp_path):
    db = tmp_path / "mau.kiemdiem"
    run_cli("demo", "--db", str(db))
    r = run_cli("--db", str(db), env={"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert r.returncode == 1
    assert "Không tìm thấy màn hình" in r.stderr.decode()
