"""``kiemdiem selftest``: the whole chain in a temporary folder — a demo cell with an adopted meeting,
keys made by the program, the minutes signed by both roles, the package made, opened and verified,
a wrong key and a damaged copy refused. Raises on the first failure."""
from __future__ import annotations

import tempfile
from pathlib import Path


def run_selftest() -> None:
    from ..documents.minutes import build_minutes
    from ..services import CellFile
    from ..session import MeetingSession
    from ..voting import VotingDesk
    from .keys import load_pkcs12_key, load_recipient_certificate, new_key
    from .open_package import PackageRefused, read_package, unpack
    from .package import make_package
    from .pdf_sign import sign_pdf, verify_pdf
    from .register import FIRST_SEEN, KNOWN, CommitteeRegister

    pw = "selftest-passphrase"
    with tempfile.TemporaryDirectory(prefix="kiemdiem-selftest-") as tmp:
        d = Path(tmp)
        cf = CellFile.create_demo(d / "chi-bo.kiemdiem", members=6, finished=True)
        try:
            meeting = [m for m in cf.meetings() if m.state.value == "locked"][0]
            for stem, name, purpose in (("chi-bo", "Chi bộ thử", "signing"), ("cap-uy", "Cấp ủy thử", "encryption"),
                                        ("chu-tri", "Chủ trì thử", "signing"), ("thu-ky", "Thư ký thử", "signing"),
                                        ("khac", "Cấp ủy khác", "encryption")):
                new_key(name, d / f"{stem}.p12", pw, purpose=purpose)
            desk = VotingDesk(MeetingSession(cf, meeting.id))
            build_minutes(desk, d / "bien-ban.pdf")
            sign_pdf(d / "bien-ban.pdf", "chu-tri", load_pkcs12_key(d / "chu-tri.p12", pw), d / "bb1.pdf")
            sign_pdf(d / "bb1.pdf", "thu-ky", load_pkcs12_key(d / "thu-ky.p12", pw), d / "bb2.pdf")
            reports = verify_pdf(d / "bb2.pdf")
            assert len(reports) == 2 and all(r.ok for r in reports), "chữ ký biên bản không hợp lệ"
            r = make_package(cf, meeting.id, load_pkcs12_key(d / "chi-bo.p12", pw),
                             [load_recipient_certificate(d / "cap-uy.crt")], out=d / "goi.p7m",
                             signed_minutes=d / "bb2.pdf")
        finally:
            cf.close(backup=False)
        assert r.slip and r.slip.exists(), "không có phiếu bàn giao"
        data = r.path.read_bytes()
        opened = read_package(data, load_pkcs12_key(d / "cap-uy.p12", pw))
        assert opened.files["bien-ban.pdf"] == (d / "bb2.pdf").read_bytes()
        for key, kind in (("khac", "not_for_key"), ("cap-uy", "damaged")):
            blob = data if kind == "not_for_key" else data[:-100] + bytes([data[-100] ^ 1]) + data[-99:]
            try:
                read_package(blob, load_pkcs12_key(d / f"{key}.p12", pw))
            except PackageRefused as err:
                assert err.kind == kind, f"từ chối sai loại: {err.kind}"
            else:
                raise AssertionError("gói sai không bị từ chối")
        with CommitteeRegister(d / "cap-uy.kiemdiem") as reg:
            assert reg.decide(opened).status == FIRST_SEEN
            reg.trust(opened)
            assert reg.decide(opened).status == KNOWN
            unpack(opened, d / "mo-goi")
            reg.record(opened, folder=str(d / "mo-goi"))
        assert (d / "mo-goi" / "manifest.json").exists()
