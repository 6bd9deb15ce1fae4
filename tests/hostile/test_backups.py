"""Issue 12 items 2 and 13: the copies that matter are kept, refused operations copy nothing, copies
are private from their first byte, leftovers of a killed copy are removed, ballot papers never leave
the live file."""
from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.store import backup as backups
from kiemdiem_desktop.store.atomic import temp_name, write_atomically
from tests.helpers import FIXTURES
from tests.hostile.store_helpers import (  # noqa: F401 (fixtures)
    cli, db, digest, finished_db, refused, roster_json, sql,
)

ROSTER = ("Họ và tên,Ngày sinh,Ngày vào Đảng,Số thẻ đảng viên\n"
          "Nguyễn Văn Mới,01/02/1980,03/04/2010,09.000001\n")


def _copies(db: Path) -> list[str]:
    return sorted(p.name for p in backups.automatic_backup_folder(db).glob("*.kiemdiem"))


def test_the_copy_before_a_restore_outlives_ten_later_automatic_copies(db, tmp_path):
    saved_copy = tmp_path / "ban-sao.kiemdiem"
    assert cli("backup", "--db", str(db), "--out", str(saved_copy)).returncode == 0
    r = cli("restore", str(saved_copy), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    before_restore = [n for n in _copies(db) if "truoc-khoi-phuc" in n]
    assert len(before_restore) == 1
    for _ in range(backups.KEEP_AUTOMATIC + 2):
        CellFile.open(db).close()           # an automatic copy each time
    names = _copies(db)
    assert before_restore[0] in names       # still there, as the restore message promised
    assert len([n for n in names if n.endswith("-dong.kiemdiem")]) == backups.KEEP_AUTOMATIC


def test_the_copy_before_an_upgrade_is_kept_outside_the_rotation(tmp_path):
    old = tmp_path / "cu.kiemdiem"
    shutil.copy(FIXTURES / "db" / "v4-meeting-locked.kiemdiem", old)
    CellFile.open(old).close(backup=False)
    upgrade = [n for n in _copies(old) if "truoc-nang-cap-v4" in n]
    assert len(upgrade) == 1
    for _ in range(backups.KEEP_AUTOMATIC + 2):
        CellFile.open(old).close()
    assert upgrade[0] in _copies(old)


def test_refused_operations_make_no_copy(db, tmp_path):
    bad = tmp_path / "ds.csv"
    bad.write_text(ROSTER.replace("01/02/1980", "31/02/1980"), encoding="utf-8")
    before = _copies(db)
    refused(cli("roster", "import", str(bad), "--db", str(db)), "31/02/1980")
    not_a_backup = tmp_path / "anh.kiemdiem"
    not_a_backup.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 300)
    refused(cli("restore", str(not_a_backup), "--db", str(db)), str(not_a_backup))
    good = tmp_path / "ds2.csv"
    good.write_text(ROSTER, encoding="utf-8")
    assert _copies(db) == before
    assert cli("roster", "import", str(good), "--db", str(db)).returncode == 0
    assert len(_copies(db)) == len(before) + 1       # an import that changed the roster is copied


def test_backup_files_are_private_from_their_first_byte(db, tmp_path):
    seen = []

    def produce(tmp: Path) -> None:
        seen.append(stat.S_IMODE(os.stat(tmp).st_mode))
        with open(tmp, "r+b") as f:
            f.write(b"x")

    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "a.bin", produce, private=True)
        out = tmp_path / "sao-luu.kiemdiem"
        assert cli("backup", "--db", str(db), "--out", str(out)).returncode == 0
    finally:
        os.umask(old)
    assert seen == [0o600]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    for copy in backups.automatic_backup_folder(db).glob("*"):
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600, copy


def test_leftovers_of_a_killed_copy_are_removed_at_the_next_start(db, tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    folder = backups.automatic_backup_folder(db)
    left = folder / f".20260101-000000-000000-dong.kiemdiem.{dead}.tmp"
    left.write_bytes(db.read_bytes())                 # a whole copy, as a kill leaves it
    Path(f"{left}-journal").write_bytes(b"j")
    beside = temp_name(tmp_path / "ban-sao.kiemdiem").with_name(f".ban-sao.kiemdiem.{dead}.t0123abcd.tmp")
    beside.write_bytes(db.read_bytes())
    mine = folder / f".x.kiemdiem.{os.getpid()}.tmp"    # this process is alive: its file is left alone
    mine.write_bytes(b"")
    CellFile.open(db).close(backup=False)
    assert not left.exists() and not Path(f"{left}-journal").exists()
    assert mine.exists()
    mine.unlink()
    assert cli("backup", "--db", str(db), "--out", str(tmp_path / "ban-sao.kiemdiem")).returncode == 0
    assert not beside.exists()


def test_ballot_papers_never_leave_the_live_file(db, tmp_path):
    ballot = sql(db, "SELECT id FROM ballot LIMIT 1")[0][0]
    sql(db, "UPDATE ballot SET state = 'counting' WHERE id = ?", ballot)
    for i in range(3):
        sql(db, "INSERT INTO ballot_paper (id, ballot_id, marks) VALUES (?, ?, ?)",
            f"p{i}", ballot, f'{{"PHIEU-BI-MAT-{i}": "khong"}}')
    out = tmp_path / "ban-sao.kiemdiem"
    assert cli("backup", "--db", str(db), "--out", str(out)).returncode == 0
    src = tmp_path / "ds.csv"
    src.write_text(ROSTER, encoding="utf-8")
    assert cli("roster", "import", str(src), "--db", str(db)).returncode == 0   # an automatic copy
    copies = [out, *backups.automatic_backup_folder(db).glob("*.kiemdiem")]
    assert len(copies) >= 2
    for copy in copies:
        assert b"PHIEU-BI-MAT" not in copy.read_bytes(), copy
        assert sqlite3.connect(copy).execute("SELECT count(*) FROM ballot_paper").fetchone()[0] == 0
    assert sql(db, "SELECT count(*) FROM ballot_paper")[0][0] == 3     # the live file keeps them
    assert len(roster_json(db)) == 13


def test_a_restore_keeps_the_promised_copy_even_if_later_imports_are_refused(db, tmp_path):
    saved_copy = tmp_path / "ban-sao.kiemdiem"
    cli("backup", "--db", str(db), "--out", str(saved_copy))
    r = cli("restore", str(saved_copy), "--db", str(db))
    promised = r.stdout.decode("utf-8").rsplit(" ", 1)[-1].strip().rstrip(".")
    assert "truoc-khoi-phuc" in promised and Path(promised).exists()
    bad = tmp_path / "ds.csv"
    bad.write_text(ROSTER.replace("01/02/1980", ""), encoding="utf-8")
    for _ in range(12):
        assert cli("roster", "import", str(bad), "--db", str(db)).returncode == 2
    assert Path(promised).exists()
