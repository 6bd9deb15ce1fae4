"""The data file: lock, versions, migrations, backups, permissions."""
import os
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from kiemdiem_desktop.model import Cell, Member, Period, PeriodKind
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.store import location
from kiemdiem_desktop.store.backup import KEEP_AUTOMATIC, automatic_backup_folder
from kiemdiem_desktop.store.database import Database
from kiemdiem_desktop.store.errors import (
    FileLockedError, MissingFileError, NetworkPathError, NewerVersionError, NotOurFileError,
)
from kiemdiem_desktop.store.migrations import APPLICATION_ID, LATEST_VERSION
from tests.helpers import FIXTURES, run_cli
from kiemdiem_desktop.services.demo import create_demo


def _member(name: str, born: date = date(1980, 5, 1)) -> Member:
    return Member(full_name=name, birth_date=born, periods=[Period(PeriodKind.MEMBERSHIP, date(2020, 1, 1))])


def test_new_file_is_wal_exclusive_full_sync_private(tmp_path):
    path = tmp_path / "chi-bo.kiemdiem"
    cf = CellFile.open(path, create=True)
    pragmas = cf.db.call(lambda c: {p: c.execute(f"PRAGMA {p}").fetchone()[0]
                                    for p in ("journal_mode", "locking_mode", "synchronous", "foreign_keys",
                                              "user_version", "application_id")})
    assert pragmas == {"journal_mode": "wal", "locking_mode": "exclusive", "synchronous": 2,
                       "foreign_keys": 1, "user_version": LATEST_VERSION, "application_id": APPLICATION_ID}
    assert not Path(str(path) + "-shm").exists()  # exclusive WAL needs no shared memory
    cf.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not Path(str(path) + "-wal").exists()  # checkpointed on close


def test_every_edit_is_committed_when_acknowledged(tmp_path):
    path = tmp_path / "a.kiemdiem"
    cf = CellFile.open(path, create=True)
    cf.save_cell(Cell(name="Chi bộ Phòng Tổ chức", higher_org="Đảng bộ Sở Nội vụ")).result()
    cf.add_member(_member("Nguyễn Văn Hùng")).result()
    # A second reader sees nothing until the writer lets go (exclusive lock)…
    with pytest.raises(FileLockedError):
        Database(path)
    # …but once the future is done the data is on disk: copy the file pair as a crash would leave it.
    crash = tmp_path / "crash.kiemdiem"
    shutil.copy(path, crash)
    shutil.copy(str(path) + "-wal", str(crash) + "-wal")
    conn = sqlite3.connect(crash)
    assert conn.execute("SELECT full_name FROM member").fetchall() == [("Nguyễn Văn Hùng",)]
    assert conn.execute("SELECT name FROM cell").fetchone() == ("Chi bộ Phòng Tổ chức",)
    conn.close()
    cf.close()


def test_second_process_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "chi-bo.kiemdiem"
    cf = CellFile.open(path, create=True)
    result = run_cli("roster", "list", "--db", str(path), "--json")
    assert result.returncode == 1
    err = result.stderr.decode("utf-8")
    assert "đang được mở trong một cửa sổ Kiểm điểm Desktop khác" in err
    assert str(path) in err
    cf.close()
    assert run_cli("roster", "list", "--db", str(path), "--json").returncode == 0


def test_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "moi.kiemdiem"
    CellFile.open(path, create=True).close(backup=False)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerVersionError) as info:
        CellFile.open(path)
    assert "phiên bản Kiểm điểm Desktop mới hơn" in str(info.value)
    assert path.read_bytes() == before


def test_foreign_files_are_refused(tmp_path):
    junk = tmp_path / "anh.kiemdiem"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    with pytest.raises(NotOurFileError):
        CellFile.open(junk)
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(NotOurFileError) as info:
        CellFile.open(other)
    assert "không phải tệp dữ liệu Kiểm điểm Desktop" in str(info.value)
    with pytest.raises(MissingFileError):
        CellFile.open(tmp_path / "khong-co.kiemdiem")


@pytest.mark.parametrize("fixture", sorted((FIXTURES / "db").glob("v*.kiemdiem")), ids=lambda p: p.name)
def test_every_old_file_upgrades_to_the_latest_version_without_loss(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    old = sqlite3.connect(path)
    old_version = old.execute("PRAGMA user_version").fetchone()[0]
    old_names = sorted(r[0] for r in old.execute("SELECT full_name FROM member"))
    tables = [r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%'")]
    old_counts = {t: old.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    old.close()
    cf = CellFile.open(path)
    assert cf.db.call(lambda c: c.execute("PRAGMA user_version").fetchone()[0]) == LATEST_VERSION
    assert sorted(m.full_name for m in cf.members()) == old_names
    assert cf.cell().name
    assert cf.is_demo
    new_counts = cf.db.call(lambda c: {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables})
    assert new_counts == old_counts      # every row of every old table is still there
    if old_version < LATEST_VERSION:
        assert cf.db.migrated_from == old_version
        assert list(automatic_backup_folder(path).glob(f"*truoc-nang-cap-v{old_version}*"))
    cf.close(backup=False)


def test_migration_from_an_older_version_backs_up_first(tmp_path, monkeypatch):
    """A fake next migration: the file is copied before it runs, and a failing one changes nothing."""
    from kiemdiem_desktop.store import database, migrations

    path = tmp_path / "cu.kiemdiem"
    cf = CellFile.open(path, create=True)
    cf.add_member(_member("Trần Thị Lan")).result()
    cf.close(backup=False)
    broken = migrations.MIGRATIONS + [(LATEST_VERSION + 1, "thử", [
        "ALTER TABLE member ADD COLUMN extra TEXT", "INSERT INTO nowhere VALUES (1)"])]
    monkeypatch.setattr(database, "MIGRATIONS", broken)
    monkeypatch.setattr(database, "LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(NotOurFileError):
        Database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert "extra" not in [r[1] for r in conn.execute("PRAGMA table_info(member)")]
    conn.close()
    backups = list(automatic_backup_folder(path).glob(f"*truoc-nang-cap-v{LATEST_VERSION}*"))
    assert len(backups) == 1
    good = migrations.MIGRATIONS + [(LATEST_VERSION + 1, "thử", ["ALTER TABLE member ADD COLUMN extra TEXT"])]
    monkeypatch.setattr(database, "MIGRATIONS", good)
    db = Database(path)
    assert db.read(lambda c: c.execute("SELECT full_name, extra FROM member").fetchall()) == [("Trần Thị Lan", None)]
    db.close(backup_reason=None)


def test_backup_then_restore_gives_the_same_data(tmp_path):
    path = tmp_path / "chi-bo.kiemdiem"
    cf = create_demo(path, members=30)
    before = [(m.id, m.full_name, m.birth_date, len(m.periods)) for m in cf.members()]
    out = tmp_path / "usb" / "sao-luu.kiemdiem"
    cf.backup(out)
    assert not Path(str(out) + "-wal").exists()
    cf.add_member(_member("Người Thêm Sau")).result()
    saved = cf.restore(out)
    after = [(m.id, m.full_name, m.birth_date, len(m.periods)) for m in cf.members()]
    assert after == before
    # What was there before the restore is kept, with the member added after the backup.
    conn = sqlite3.connect(saved)
    assert conn.execute("SELECT count(*) FROM member WHERE full_name = 'Người Thêm Sau'").fetchone()[0] == 1
    conn.close()
    cf.close(backup=False)


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    cf = CellFile.open(tmp_path / "a.kiemdiem", create=True)
    cf.add_member(_member("Lê Văn An")).result()
    bad = tmp_path / "hong.kiemdiem"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(NotOurFileError):
        cf.restore(bad)
    assert [m.full_name for m in cf.members()] == ["Lê Văn An"]
    cf.close(backup=False)


def test_automatic_backups_on_close_keep_the_last_ten(tmp_path):
    path = tmp_path / "chi-bo.kiemdiem"
    for i in range(KEEP_AUTOMATIC + 3):
        cf = CellFile.open(path, create=True)
        cf.add_member(_member(f"Phạm Văn Số {i}")).result()
        cf.close()
    kept = sorted(automatic_backup_folder(path).glob("*-dong.kiemdiem"))
    assert len(kept) == KEEP_AUTOMATIC
    conn = sqlite3.connect(kept[-1])
    assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == KEEP_AUTOMATIC + 3
    conn.close()


def test_network_mounts_are_recognised(tmp_path, monkeypatch):
    mountinfo = (
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "40 22 0:50 / /mnt/share rw,relatime shared:20 - cifs //server/share rw,vers=3.0\n"
        "41 22 0:51 / /mnt/nfs\\040home rw shared:21 - nfs4 server:/home rw\n")
    assert location.fs_type_from_mountinfo(mountinfo, Path("/mnt/share/chi-bo.kiemdiem")) == "cifs"
    assert location.fs_type_from_mountinfo(mountinfo, Path("/mnt/nfs home/x")) == "nfs4"
    assert location.fs_type_from_mountinfo(mountinfo, Path("/mnt/shared/x")) == "ext4"
    assert location.fs_type_from_mountinfo(mountinfo, Path("/home/user/x")) == "ext4"
    assert location.is_network_path(tmp_path / "x.kiemdiem") is False
    from kiemdiem_desktop.store import database

    monkeypatch.setattr(database, "is_network_path", lambda p: True)
    with pytest.raises(NetworkPathError) as info:
        CellFile.open(tmp_path / "x.kiemdiem", create=True)
    assert "ổ mạng" in str(info.value)
    assert not (tmp_path / "x.kiemdiem").exists()
