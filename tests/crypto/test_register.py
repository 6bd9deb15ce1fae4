"""The committee's side through the command line: first package from a cell, known cell, a known
cell with a new key, superseded revisions."""
import sqlite3

from kiemdiem_desktop.services.package import make_package
from kiemdiem_desktop.committee.register import CommitteeRegister
from kiemdiem_desktop.services import CellFile

from .conftest import run_cli


def _open(package, keydir, out, register, *extra):
    return run_cli("open", package, "--key", keydir / "cap-uy.p12", "--passphrase-file", keydir / "matkhau.txt",
                   "--out", out, "--register", register, *extra)


def test_first_package_needs_trust_then_known_then_new_key_refused(package, keydir, tmp_path, locked_db, meeting_id,
                                                                   key, cert):
    reg = tmp_path / "cap-uy.kiemdiem"
    r = _open(package.path, keydir, tmp_path / "a", reg)
    assert r.returncode == 2 and "Lần đầu nhận gói" in r.stderr and key("chi-bo").fingerprint in r.stderr
    assert not (tmp_path / "a").exists() and not reg.exists()
    r = _open(package.path, keydir, tmp_path / "a", reg, "--trust")
    assert r.returncode == 0, r.stderr
    with CommitteeRegister(reg) as cr:
        assert cr.fingerprints({"name": "Chi bộ Văn phòng", "code": "CB-VP"}) == [key("chi-bo").fingerprint]
        assert [(i["cell_name"], i["revision"], i["state"]) for i in cr.inbox(2025)] == [("Chi bộ Văn phòng", 1, "verified")]
    r = _open(package.path, keydir, tmp_path / "b", reg)
    assert r.returncode == 0 and "đã có trong sổ đăng ký" not in r.stdout
    # the same cell, another key: loud warning, exit 2, nothing written
    with CellFile.open(locked_db) as cf:
        other = make_package(cf, meeting_id, key("chi-bo-moi"), [cert("cap-uy")], out=tmp_path / "moi.p7m")
    for extra in ((), ("--trust",)):
        r = _open(other.path, keydir, tmp_path / "c", reg, *extra)
        assert r.returncode == 2 and "CẢNH BÁO" in r.stderr and key("chi-bo-moi").fingerprint in r.stderr
        assert not (tmp_path / "c").exists()
    v = run_cli("verify", other.path, "--key", keydir / "cap-uy.p12", "--passphrase-file", keydir / "matkhau.txt",
                "--register", reg)
    assert v.returncode == 2 and "CẢNH BÁO" in v.stderr


def test_a_newer_revision_supersedes_the_older(tmp_path, package, key):
    from kiemdiem_desktop.crypto.open_package import read_package

    opened = read_package(package.path.read_bytes(), key("cap-uy"))
    with CommitteeRegister(tmp_path / "r.kiemdiem") as cr:
        cr.trust(opened)
        cr.record(opened)
        newer = read_package(package.path.read_bytes(), key("cap-uy"))
        newer.package_sha256 = "0" * 64
        newer.manifest = {**newer.manifest, "meeting": {**newer.meeting, "revision": 2}}
        cr.record(newer)
        assert sorted((i["revision"], i["state"]) for i in cr.inbox()) == [(1, "superseded"), (2, "verified")]


def test_a_cell_file_is_not_a_register(tmp_path, locked_db, package, keydir):
    import shutil

    db = tmp_path / "cb.kiemdiem"
    shutil.copy(locked_db, db)
    r = _open(package.path, keydir, tmp_path / "x", db, "--trust")
    assert r.returncode == 2 and "không phải tệp của cấp ủy" in r.stderr
    assert not (tmp_path / "x").exists()
    assert sqlite3.connect(db).execute("SELECT count(*) FROM cell_key").fetchone()[0] == 0
