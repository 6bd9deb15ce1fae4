"""Issue 12 items 9, 12, 16 and 17: a data file or backup is checked before it is touched; faults of
the disk and the terminal give a clear Vietnamese message with the right exit code, never a traceback."""
from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiemdiem_desktop.store import backup as backups
from tests.helpers import ROOT
from tests.hostile.store_helpers import (  # noqa: F401 (fixtures)
    cli, db, digest, finished_db, meeting_id, refused, roster_json, sql, stderr,
)
from tests.hostile.faults import on_small_disk

ROSTER = ("Họ và tên,Ngày sinh,Ngày vào Đảng,Số thẻ đảng viên\n"
          "Nguyễn Văn Mới,01/02/1980,03/04/2010,09.000001\n")


# -- item 12: check before touching ------------------------------------------------------------------
def test_a_zero_length_file_is_refused_not_set_up(tmp_path):
    empty = tmp_path / "chi-bo.kiemdiem"
    empty.write_bytes(b"")
    src = tmp_path / "ds.csv"
    src.write_text(ROSTER, encoding="utf-8")
    for args in (["roster", "list", "--db", str(empty)], ["roster", "import", str(src), "--db", str(empty)],
                 ["meeting", "list", "--db", str(empty)]):
        refused(cli(*args), str(empty), "trống (0 byte)")
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chi-bo.kiemdiem", "ds.csv"]


def test_another_programs_sqlite_file_is_refused_before_any_change(tmp_path):
    other = tmp_path / "ke-toan.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE so_cai (tk TEXT, no REAL)")
    conn.execute("INSERT INTO so_cai VALUES ('111', 1.5)")
    conn.commit()
    conn.close()
    before = digest(other)
    refused(cli("roster", "list", "--db", str(other)), str(other), "không phải tệp dữ liệu Kiểm điểm Desktop")
    assert digest(other) == before                         # not switched to WAL, nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-toan.db"]
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    # An empty SQLite database of another program (no tables) is refused too, not set up.
    blank = tmp_path / "trong.db"
    c = sqlite3.connect(blank)
    c.execute("PRAGMA user_version = 0")
    c.execute("VACUUM")
    c.close()
    if blank.stat().st_size:
        before = digest(blank)
        refused(cli("roster", "list", "--db", str(blank)), str(blank))
        assert digest(blank) == before


def _damage(db: Path) -> None:
    root = sql(db, "SELECT rootpage FROM sqlite_master WHERE name = 'member'")[0][0]
    page = sql(db, "PRAGMA page_size")[0][0]
    data = bytearray(db.read_bytes())
    data[(root - 1) * page + 8:(root - 1) * page + 40] = b"\xff" * 32     # cell pointers out of range
    db.write_bytes(bytes(data))


def test_no_document_from_a_file_that_fails_its_integrity_check(db, tmp_path):
    mid = meeting_id(db)
    _damage(db)
    before = digest(db)
    out = tmp_path / "bien-ban.pdf"
    err = refused(cli("minutes", "--db", str(db), "--meeting", mid, "--out", str(out)), str(db), "bị hỏng")
    assert "khôi phục từ một bản sao lưu" in err
    assert not out.exists()
    refused(cli("documents", "--db", str(db), "--meeting", mid, "--out", str(tmp_path / "vb")), "bị hỏng")
    assert not (tmp_path / "vb").exists()
    refused(cli("roster", "list", "--db", str(db)), "bị hỏng")
    assert digest(db) == before


def test_the_mode_of_an_existing_file_is_kept(db, tmp_path):
    src = tmp_path / "ds.csv"
    src.write_text(ROSTER, encoding="utf-8")
    for mode in (0o640, 0o644, 0o400 if os.geteuid() == 0 else 0o600):
        db.chmod(mode)
        r = cli("roster", "import", str(src), "--db", str(db))
        assert r.returncode == 0, stderr(r)
        assert stat.S_IMODE(db.stat().st_mode) == mode
    db.chmod(0o600)
    new = tmp_path / "moi.kiemdiem"
    assert cli("roster", "import", str(src), "--db", str(new)).returncode == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o600       # a new file: owner only


@pytest.mark.skipif(os.geteuid() != 0, reason="needs a second user: runs as root here (make test)")
def test_a_file_of_another_user_is_used_without_chmod(finished_db):
    """Item 16: chmod on a file of another user raised PermissionError (a traceback)."""
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="kiemdiem-chung-"))     # outside pytest's owner-only folder
    shared.chmod(0o777)
    db = shared / "chi-bo.kiemdiem"
    shutil.copy(finished_db, db)
    db.chmod(0o666)
    data = shared / "appdata"
    data.mkdir()
    data.chmod(0o777)
    r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m",
                        "kiemdiem_desktop", "roster", "list", "--db", str(db), "--json"],
                       capture_output=True, cwd=str(ROOT), env=dict(os.environ, KIEMDIEM_DATA_DIR=str(data),
                                                                    HOME=str(data)))
    assert r.returncode == 0, r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()
    assert stat.S_IMODE(db.stat().st_mode) == 0o666 and db.stat().st_uid == 0
    shutil.rmtree(shared)


# -- item 9: restore only a file whose schema is exactly its version's -------------------------------
def _backup(db: Path, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    assert cli("backup", "--db", str(db), "--out", str(out)).returncode == 0
    return out


@pytest.mark.parametrize("change, named", [
    ("CREATE TRIGGER pwned AFTER INSERT ON member BEGIN UPDATE member SET full_name = 'PWNED ' || full_name; END",
     "trigger pwned"),
    ("DROP TRIGGER history_append_only_update", "history_append_only_update"),
    ("CREATE VIEW v AS SELECT * FROM member", "view v"),
    ("CREATE TABLE extra (x)", "table extra"),
    ("CREATE INDEX member_name ON member(full_name)", "index member_name"),
])
def test_restore_refuses_a_backup_with_a_foreign_schema(db, tmp_path, change, named):
    bad = _backup(db, tmp_path, "ban-sao.kiemdiem")
    sql(bad, change)
    before_roster = roster_json(db)
    copies = sorted(backups.automatic_backup_folder(db).glob("*"))
    before = digest(db)
    err = refused(cli("restore", str(bad), "--db", str(db)), str(bad), named, "cấu trúc khác")
    assert "không ghi gì" in err.lower()
    assert digest(db) == before
    assert sorted(backups.automatic_backup_folder(db).glob("*")) == copies     # no pre-restore copy
    assert roster_json(db) == before_roster
    # The same file given as the data file itself is refused as well, untouched.
    before = digest(bad)
    refused(cli("roster", "list", "--db", str(bad)), named)
    assert digest(bad) == before


def test_a_backup_with_exactly_its_versions_schema_is_restored(db, tmp_path):
    good = _backup(db, tmp_path, "tot.kiemdiem")
    sql(good, "UPDATE member SET full_name = 'Tên Đã Sửa' WHERE rowid = 1")
    r = cli("restore", str(good), "--db", str(db))
    assert r.returncode == 0, stderr(r)
    assert "Tên Đã Sửa" in [m["full_name"] for m in roster_json(db)]
    old = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "v3-meeting-held.kiemdiem"
    other = tmp_path / "khac.kiemdiem"
    r = cli("restore", str(old), "--db", str(other))       # an older version: upgraded by migrations
    assert r.returncode == 0, stderr(r)


# -- item 16: a closed pipe -------------------------------------------------------------------------
def test_roster_list_into_a_pipe_closed_early_is_quiet(tmp_path):
    db = tmp_path / "lon.kiemdiem"
    assert cli("demo", "--db", str(db), "--members", "400").returncode == 0
    for args in (["roster", "list", "--db", str(db)], ["roster", "list", "--db", str(db), "--json"]):
        p = subprocess.Popen([sys.executable, "-m", "kiemdiem_desktop", *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, cwd=str(ROOT), env=dict(os.environ, KIEMDIEM_DEBUG=""))
        p.stdout.read(100)
        p.stdout.close()                                    # `| head -c 100`
        err = p.stderr.read().decode("utf-8")
        p.wait(timeout=60)
        assert "Traceback" not in err and "BrokenPipe" not in err, err
        assert p.returncode in (0, 1)


# -- items 16, 17: disk full, read-only folder --------------------------------------------------------
def test_disk_full_is_a_failure_that_names_the_right_file(db, tmp_path):
    disk = tmp_path / "usb"
    src = tmp_path / "ds.csv"
    src.write_text(ROSTER, encoding="utf-8")
    mid = meeting_id(db)
    before = roster_json(db)
    backup_out = disk / "ban-sao.kiemdiem"
    results = on_small_disk(disk, "320k", [
        ["fill", str(disk / "day"), 20_000],
        ["cli", "backup", "--db", str(db), "--out", str(backup_out)],
        ["cli", "minutes", "--db", str(db), "--meeting", mid, "--out", str(disk / "bien-ban.pdf")],
    ])
    _, backup, minutes = results
    assert backup["rc"] == 1, backup                          # failed (disk), not refused input
    assert str(backup_out) in backup["err"] and "ổ đĩa đã đầy" in backup["err"], backup
    assert f"Không ghi được vào {db}" not in backup["err"]    # not blamed on the data file
    assert "Tệp dữ liệu không bị thay đổi" in backup["err"]
    assert minutes["rc"] == 1 and "ổ đĩa đã đầy" in minutes["err"], minutes
    for r in results[1:]:
        assert "Traceback" not in r["err"]
    assert roster_json(db) == before
    assert not list(disk.glob(".*.tmp"))


def test_an_import_saved_but_not_copied_says_so(db, tmp_path):
    """The automatic copy goes to a full disk: the rows are in, the message says exactly that."""
    appdata = tmp_path / "appdata-day"
    src = tmp_path / "ds.csv"
    src.write_text(ROSTER, encoding="utf-8")
    import json

    results = on_small_disk(appdata, "200k", [
        ["fill", str(appdata / "day"), 8_000],
        ["cli", "roster", "import", str(src), "--db", str(db)],
        ["cli", "roster", "list", "--db", str(db), "--json"],
    ], env={"KIEMDIEM_DATA_DIR": str(appdata)})
    imported, listed = results[1], results[2]
    assert imported["rc"] == 1, imported
    assert "Đã nhập ds.csv: 1 mới" in imported["out"]
    assert "Thay đổi đã được lưu vào tệp dữ liệu" in imported["err"], imported
    assert "ổ đĩa đã đầy" in imported["err"]
    assert "Dữ liệu đã lưu trước đó vẫn còn nguyên" not in imported["err"]
    assert "Nguyễn Văn Mới" in [m["full_name"] for m in json.loads(listed["out"])]


def test_a_read_only_folder_is_not_called_a_damaged_file(db, tmp_path):
    disk = tmp_path / "ro"
    copy = disk / "chi-bo.kiemdiem"
    results = on_small_disk(disk, "2m", [
        ["cli", "backup", "--db", str(db), "--out", str(copy)],
        ["readonly", str(disk)],
        ["cli", "roster", "list", "--db", str(copy)],
    ])
    assert results[0]["rc"] == 0, results[0]
    listed = results[2]
    assert listed["rc"] == 1, listed
    assert "chỉ cho đọc" in listed["err"] and str(copy) in listed["err"], listed
    assert "hỏng" not in listed["err"].replace("không bị hỏng", "")


# -- item 17: messages ----------------------------------------------------------------------------------
def test_usage_errors_are_in_vietnamese(tmp_path):
    for args in (["minutes", "--db", "x"], ["roster", "import", "a.csv", "--encoding", "latin1"],
                 ["demo", "--db", "x", "--members", "nhieu"], ["khong-co-lenh"]):
        r = cli(*args)
        err = stderr(r)
        assert r.returncode == 2
        assert "lỗi:" in err and "error:" not in err and "usage:" not in err, err


def test_a_device_or_folder_as_the_data_file_is_refused(tmp_path):
    for path in ("/dev/zero", "/dev/null", str(tmp_path)):
        refused(cli("roster", "list", "--db", path), path, "không phải tệp dữ liệu")


# -- found while attacking: values another program wrote into a genuine data file --------------------
@pytest.mark.parametrize("change, named", [
    ("UPDATE member SET full_name = X'1b5d303b70776e65640761' WHERE rowid = 1", "member.full_name"),
    ("UPDATE meeting SET rating_year = 'hai nghìn'", "meeting.rating_year"),
    ("UPDATE member SET birth_date = 'abc' WHERE rowid = 1", "ValueError"),
    ("UPDATE member SET gender = 'X' WHERE rowid = 1", "ValueError"),
    ("UPDATE meeting SET settings = '{hỏng'", "JSONDecodeError"),
])
def test_values_the_program_never_writes_are_a_damaged_file_not_a_crash(db, change, named):
    mid = meeting_id(db)
    sql(db, change)
    before = digest(db)
    for args in (["roster", "list", "--db", str(db)], ["meeting", "results", "--db", str(db), "--meeting", mid]):
        r = cli(*args)
        if r.returncode == 0:
            continue                       # this command does not read the changed value
        err = refused(r, str(db), "đã bị sửa ngoài chương trình")
        assert named in err and "đang bị chương trình khác giữ" not in err
    assert digest(db) == before


def test_names_with_terminal_escapes_are_shown_not_obeyed(db):
    sql(db, "UPDATE member SET full_name = char(27) || '[2J' || char(8238) || 'Kẻ Lạ' WHERE rowid = 1")
    r = cli("roster", "list", "--db", str(db))
    assert r.returncode == 0, stderr(r)
    out = r.stdout.decode("utf-8")
    assert "\x1b" not in out and "\u202e" not in out
    assert "<U+001B>[2J<U+202E>Kẻ Lạ" in out


def test_a_committee_backup_is_not_restored_over_a_cell_file(db, tmp_path):
    """Found while attacking: a backup of another kind replaced the cell's data (kept only in the
    pre-restore copy). Into a new file it is restored as it is."""
    from kiemdiem_desktop.committee.register import CommitteeRegister

    reg_path = tmp_path / "cap-uy.kiemdiem"
    CommitteeRegister(reg_path, create=True).close()
    committee_copy = tmp_path / "cap-uy-sao-luu.kiemdiem"
    shutil.copy(reg_path, committee_copy)
    before = digest(db)
    copies = sorted(backups.automatic_backup_folder(db).glob("*"))
    refused(cli("restore", str(committee_copy), "--db", str(db)), "tệp của cấp ủy", "tệp của một chi bộ",
            "không ghi gì")
    assert digest(db) == before
    assert sorted(backups.automatic_backup_folder(db).glob("*")) == copies
    r = cli("restore", str(committee_copy), "--db", str(tmp_path / "moi.kiemdiem"))
    assert r.returncode == 0, stderr(r)
