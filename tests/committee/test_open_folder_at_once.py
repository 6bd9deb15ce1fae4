"""A folder opened in one process writes the register in a few transactions, not one per package:
the same decisions as package by package (a cell trusted by its first package is known to the next
one of the same call, a newer revision supersedes, another key is refused and recorded), everything
committed at the end, and a write that fails inside is undone alone."""
from __future__ import annotations

import json
import shutil

import pytest

from kiemdiem_desktop.committee import year as year_module
from kiemdiem_desktop.committee.year import CommitteeOffice
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.store.database import Database

from .conftest import cli


@pytest.fixture(scope="module")
def folder(year, tmp_path_factory):
    """cb01 revision 1, cb01 revision 2, cb01 signed with another key, cb02 — in that order."""
    from kiemdiem_desktop.services.package import make_package
    from kiemdiem_desktop.session import MeetingSession

    d = tmp_path_factory.mktemp("hop-thu")
    shutil.copy(year.packages / "cb01.p7m", d / "a-cb01.p7m")
    shutil.copy(year.packages / "cb02.p7m", d / "d-cb02.p7m")
    cell = d / "cb01.kiemdiem"
    shutil.copy(year.cells["CB01"], cell)
    with CellFile.open(cell) as cf:
        s = MeetingSession(cf, year.meetings["CB01"])
        s.reopen("Sửa lỗi chính tả trong biên bản").result()
        assert s.lock() == 2
        make_package(cf, year.meetings["CB01"], year.key("cb01-ky"), [year.cert("capuy-mh")],
                     out=d / "b-cb01-lan-2.p7m", slip=False)
        make_package(cf, year.meetings["CB01"], year.key("cb01-moi"), [year.cert("capuy-mh")],
                     out=d / "c-cb01-gia.p7m", slip=False)
    cell.unlink()
    return d


def _open(year, folder, register, out):
    return cli("open", folder, *year.keyargs("capuy-mh"), "--out", out, "--register", register, "--trust", "--json")


def _state(register) -> tuple:
    code, out, err = cli("committee", "status", "--register", register, "--year", 2026, "--json")
    assert code == 0, err
    with CommitteeOffice(register) as office:
        inbox = sorted((r["file_name"], r["state"]) for r in office.register.inbox(2026))
    return [(c["code"], c["status"], c["revision"], c["members"]) for c in json.loads(out)["cells"]], inbox


@pytest.mark.parametrize("seconds", [year_module.BATCH_SECONDS, 0.0])
def test_one_call_decides_as_package_by_package(year, folder, tmp_path, monkeypatch, seconds):
    monkeypatch.setattr(year_module, "BATCH_SECONDS", seconds)     # 0: a transaction per package
    register = tmp_path / "cap-uy.kiemdiem"
    code, out, err = _open(year, folder, register, tmp_path / "mo")
    assert code == 2 and "Đã mở 3/4 gói; 1 gói bị từ chối" in err
    reports = json.loads(out)
    assert "CẢNH BÁO" in reports[2]["message"] and "đã đăng ký khóa khác" in reports[2]["message"]
    # kept in the inbox as refused: the command line says so, as the window does (not "Không ghi gì.")
    assert "hộp thư ghi gói này là “bị từ chối”" in reports[2]["message"]
    assert "Không ghi gì" not in reports[2]["message"]
    states = {r["file"]: r["state"] for r in reports}
    assert states == {"a-cb01.p7m": "verified", "b-cb01-lan-2.p7m": "verified", "c-cb01-gia.p7m": "refused",
                      "d-cb02.p7m": "verified"}
    assert sorted(p.name for p in (tmp_path / "mo").iterdir()) == ["a-cb01", "b-cb01-lan-2", "d-cb02"]
    cells, inbox = _state(register)
    assert cells == [("CB01", "superseded", 2, 10), ("CB02", "verified", 1, 12)]
    assert inbox == [("a-cb01.p7m", "superseded"), ("b-cb01-lan-2.p7m", "verified"),
                     ("c-cb01-gia.p7m", "refused"), ("d-cb02.p7m", "verified")]


def test_a_batch_commits_what_was_written_and_undoes_a_failed_write_alone(tmp_path):
    def put(key):
        return lambda conn: conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (key,))

    def put_then_fail(conn):
        put("hong")(conn)
        raise ValueError("hỏng giữa chừng")

    path = tmp_path / "tep.kiemdiem"
    db = Database(path, create=True)
    with pytest.raises(RuntimeError):
        with db.batch():
            db.write(put("mot")).result()
            with pytest.raises(ValueError):
                db.write(put_then_fail).result()
            assert db.read(lambda c: c.execute("SELECT key FROM meta WHERE key IN ('mot', 'hong')").fetchall()) \
                == [("mot",)]
            db.write(put("hai")).result()
            raise RuntimeError("người dùng dừng")
    db.close(backup_reason=None)
    db = Database(path)
    try:
        keys = db.read(lambda c: sorted(r[0] for r in c.execute(
            "SELECT key FROM meta WHERE key IN ('mot', 'hai', 'hong')").fetchall()))
    finally:
        db.close(backup_reason=None)
    assert keys == ["hai", "mot"]
