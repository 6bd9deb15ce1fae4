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
