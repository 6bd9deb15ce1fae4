"""A refused package's text comes whole from the register: what was found, then what follows —
"Không ghi gì." when nothing is written, or the inbox sentence when the caller keeps a known
cell's refused package as refused (the committee window did this by editing the text)."""
from kiemdiem_desktop.services.package import make_package
from kiemdiem_desktop.committee.register import (
    KEPT_AS_REFUSED, KNOWN, NEW_KEY, NO_IDENTITY, NOTHING_WRITTEN, CommitteeRegister,
)
from kiemdiem_desktop.services import CellFile


def test_a_known_cells_new_key_says_what_follows_by_field(tmp_path, package, key, cert, locked_db, meeting_id):
    from kiemdiem_desktop.crypto.open_package import read_package

    opened = read_package(package.path.read_bytes(), key("cap-uy"))
    with CellFile.open(locked_db) as cf:
        other = make_package(cf, meeting_id, key("chi-bo-moi"), [cert("cap-uy")], out=tmp_path / "moi.p7m")
    with CommitteeRegister(tmp_path / "r.kiemdiem") as cr:
        cr.trust(opened)
        known = cr.decide(opened)
        assert known.status == KNOWN and not known.kept_in_inbox and not known.consequence
        assert known.message.startswith("Khóa ký của Chi bộ Văn phòng")
        d = cr.decide(read_package(other.path.read_bytes(), key("cap-uy")))
    assert d.status == NEW_KEY and d.kept_in_inbox
    assert d.consequence == NOTHING_WRITTEN
    assert d.message == d.finding + " Không ghi gì."                  # the command line's text, unchanged
    assert d.message.startswith("CẢNH BÁO: Chi bộ Văn phòng (mã CB-VP) đã đăng ký khóa khác!")
    assert d.message_when_kept == d.finding + " " + KEPT_AS_REFUSED
    assert "Không ghi gì" not in d.message_when_kept and "hộp thư ghi gói này là “bị từ chối”" in d.message_when_kept


def test_a_package_naming_no_cell_is_not_kept(tmp_path, package, key):
    from kiemdiem_desktop.crypto.open_package import read_package

    opened = read_package(package.path.read_bytes(), key("cap-uy"))
    opened.manifest = {**opened.manifest, "cell": {**opened.cell, "code": ""}}
    with CommitteeRegister(tmp_path / "r.kiemdiem") as cr:
        d = cr.decide(opened)
    assert d.status == NO_IDENTITY and not d.kept_in_inbox
    assert d.message.endswith(f"{opened.signer_fingerprint}\nKhông ghi gì.")
