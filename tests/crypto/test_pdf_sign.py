"""PAdES signatures on the minutes: both roles in turn, pdfsig validates them and trusts the test's
own certificates through an NSS database; a change after signing is reported."""
import json
import subprocess

import pytest

from kiemdiem_desktop.crypto.pdf_sign import SignError, sign_pdf, verify_pdf
from kiemdiem_desktop.documents.minutes import build_minutes
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk

from .conftest import run_cli


@pytest.fixture(scope="module")
def signed(tmp_path_factory, locked_db, meeting_id, keydir):
    d = tmp_path_factory.mktemp("ky")
    with CellFile.open(locked_db) as cf:
        build_minutes(VotingDesk(MeetingSession(cf, meeting_id)), d / "bien-ban.pdf")
    for role, stem, src, out in (("chu-tri", "chu-tri", "bien-ban.pdf", "bb1.pdf"),
                                 ("thu-ky", "thu-ky", "bb1.pdf", "bb2.pdf")):
        r = run_cli("sign", d / src, "--role", role, "--key", keydir / f"{stem}.p12", "--passphrase-file",
                    keydir / "matkhau.txt", "--out", d / out)
        assert r.returncode == 0, r.stderr
    return d


def test_both_roles_signed_and_intact(signed, key):
    reports = verify_pdf(signed / "bb2.pdf")
    assert [(r.field, r.role, r.signer) for r in reports] == [("ChuTri", "CHỦ TRÌ", "Nguyễn Văn Hùng"),
                                                               ("ThuKy", "THƯ KÝ", "Bùi Thị Giang")]
    assert all(r.ok for r in reports)
    assert reports[0].fingerprint == key("chu-tri").fingerprint
    r = run_cli("verify", signed / "bb2.pdf", "--json")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert [s["state"] for s in data["signatures"]] == ["intact", "intact"]


def test_the_block_is_drawn_in_vietnamese_on_the_signing_page(signed, key):
    text = subprocess.run(["pdftotext", "-f", "0", signed / "bb2.pdf", "-"], capture_output=True, text=True).stdout
    last = text.split("\f")[-2]
    assert "TRANG KÝ SỐ" in last
    assert "Người ký: Nguyễn Văn Hùng" in last and "Người ký: Bùi Thị Giang" in last
    assert "Đã ký số: CHỦ TRÌ" in last and "Đã ký số: THƯ KÝ" in last and "kiemdiem verify" not in last
    assert key("chu-tri").fingerprint.split()[0] in last


def test_pdfsig_validates_both_signatures_trusted_through_an_nss_db(signed, keydir, tmp_path):
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True)
    for stem in ("chu-tri", "thu-ky"):
        subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", stem, "-t", "CT,C,C", "-i",
                        keydir / f"{stem}.crt"], check=True)
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", signed / "bb2.pdf"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert text.count("Signature Validation: Signature is Valid.") == 2
    assert text.count("Certificate Validation: Certificate is Trusted.") == 2
    assert "Signature Field Name: ChuTri" in text and "Signature Field Name: ThuKy" in text
    assert "Signer Certificate Common Name: Nguyễn Văn Hùng" in text
    sig1, sig2 = text.split("Signature #2:")
    assert "Not total document signed" in sig1       # the second signature was added after the first
    assert "Total document signed" in sig2 and "Not total" not in sig2


def test_a_change_after_signing_is_reported(signed, tmp_path):
    data = bytearray((signed / "bb2.pdf").read_bytes())
    at = data.find(b"Nguy")                        # text in a content stream would be compressed: change metadata
    at = data.find(b"/Producer")
    assert at > 0
    tampered = tmp_path / "sua.pdf"
    data[at + 12] ^= 0x01
    tampered.write_bytes(bytes(data))
    r = run_cli("verify", tampered)
    assert r.returncode == 2
    assert "KHÔNG HỢP LỆ" in r.stdout


def test_a_role_signs_once(signed, key):
    with pytest.raises(SignError, match="đã có chữ ký"):
        sign_pdf(signed / "bb2.pdf", "chu-tri", key("chu-tri"), signed / "x.pdf")
