import hashlib
import json
import random
import re
import shutil
import subprocess
import zipfile

import pytest
from asn1crypto import cms

from kiemdiem_desktop.crypto.open_package import DAMAGED, NOT_FOR_KEY, PackageRefused, read_package
from kiemdiem_desktop.services.package import default_file_name, make_package
from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.services import CellFile
from tests.helpers import FIXTURES

from .conftest import PASS, run_cli


def test_round_trip_with_keys_made_by_the_program(package, key):
    opened = read_package(package.path.read_bytes(), key("cap-uy"))
    assert opened.signer_fingerprint == key("chi-bo").fingerprint
    m = opened.manifest
    assert m["format"] == "kiemdiem-package" and m["version"] == 1 and m["generator"].startswith("Kiểm điểm Desktop")
    assert m["cell"]["name"] == "Chi bộ Văn phòng" and m["meeting"]["revision"] == 1
    assert m["meeting"]["rating_year"] == 2025 and m["created_at"]
    names = [f["name"] for f in m["files"]]
    assert names[:2] == ["meeting.json", "bien-ban.pdf"]
    assert {"bien-ban-kiem-phieu.pdf", "tong-hop-ket-qua.pdf", "tong-hop-ket-qua.xlsx"} <= set(names)
    for f in m["files"]:
        assert f["sha256"] == hashlib.sha256(opened.files[f["name"]]).hexdigest()
        assert f["sha256"] == f["sha256"].lower() and len(f["sha256"]) == 64
    meeting = json.loads(opened.files["meeting.json"])
    assert meeting["format"] == "kiemdiem-meeting" and meeting["meeting"]["id"] == m["meeting"]["id"]
    assert opened.signing_time is not None


def test_the_envelope_is_aes256_and_the_signature_encapsulated(package):
    ci = cms.ContentInfo.load(package.path.read_bytes())
    assert ci["content_type"].native == "enveloped_data"
    assert ci["content"]["encrypted_content_info"]["content_encryption_algorithm"]["algorithm"].native == "aes256_cbc"


def test_openssl_alone_opens_the_package(package, keydir, tmp_path):
    key_pem = tmp_path / "cap-uy.pem"
    subprocess.run(["openssl", "pkcs12", "-in", keydir / "cap-uy.p12", "-nocerts", "-nodes", "-passin",
                    f"pass:{PASS}", "-out", key_pem], check=True, capture_output=True)
    # The two commands of the README.
    subprocess.run(["openssl", "cms", "-decrypt", "-inform", "DER", "-binary", "-in", package.path,
                    "-inkey", key_pem, "-recip", keydir / "cap-uy.crt", "-out", tmp_path / "goi.der"], check=True)
    v = subprocess.run(["openssl", "cms", "-verify", "-inform", "DER", "-binary", "-noverify",
                        "-in", tmp_path / "goi.der", "-out", tmp_path / "goi.zip"], capture_output=True, text=True)
    assert v.returncode == 0 and "Verification successful" in v.stderr
    # and with the cell's certificate as the trust anchor
    v2 = subprocess.run(["openssl", "cms", "-verify", "-inform", "DER", "-binary", "-CAfile", keydir / "chi-bo.crt",
                         "-purpose", "any", "-in", tmp_path / "goi.der", "-out", tmp_path / "goi2.zip"],
                        capture_output=True, text=True)
    assert v2.returncode == 0, v2.stderr
    z = zipfile.ZipFile(tmp_path / "goi.zip")
    manifest = json.loads(z.read("manifest.json"))
    for f in manifest["files"]:
        assert hashlib.sha256(z.read(f["name"])).hexdigest() == f["sha256"]


def test_handover_slip_beside_the_package(package, cert):
    from kiemdiem_desktop.crypto.keys import fingerprint

    assert package.slip == package.path.with_name("goi-bien-nhan.pdf")
    text = subprocess.run(["pdftotext", package.slip, "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "PHIẾU BÀN GIAO GÓI DỮ LIỆU" in text and "Chi bộ Văn phòng" in text and "goi.p7m" in text
    assert "NGƯỜI GIAO" in text and "NGƯỜI NHẬN" in text
    flat = "".join(text.split())
    assert fingerprint(cert("cap-uy")).replace(" ", "") in flat
    assert package.sha256.upper() in flat and f"{package.size:,}".replace(",", ".") in flat
    pages = subprocess.run(["pdfinfo", package.slip], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M)
    # the making time in local time, dd/mm/yyyy HH:MM, never ISO; no dash or symbol in the slip
    from datetime import datetime

    made = datetime.fromisoformat(package.manifest["created_at"]).astimezone()
    assert f"Thời điểm lập gói {made:%d/%m/%Y %H:%M}" in " ".join(text.split())
    assert not re.search(r"\d{4}-\d\d-\d\dT", text) and "—" not in text


def test_default_name_says_cell_year_and_revision(tmp_path, locked_db, meeting_id, key, cert):
    assert default_file_name("Chi bộ Văn phòng", "", 2025, 1) == "goi-chi-bo-van-phong-2025-lan-1.p7m"
    with CellFile.open(locked_db) as cf:
        r = make_package(cf, meeting_id, key("chi-bo"), [cert("cap-uy")], out=tmp_path, scans=[])
    assert r.path == tmp_path / "goi-cb-vp-2025-lan-1.p7m"            # the cell's code, CB-VP
    assert (tmp_path / "goi-cb-vp-2025-lan-1-bien-nhan.pdf").exists()


def test_scan_and_signed_minutes_travel_in_the_package(tmp_path, locked_db, meeting_id, key, cert):
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0 fake jpeg")
    minutes = tmp_path / "bb.pdf"
    minutes.write_bytes(b"%PDF-1.7 signed minutes stand-in")
    with CellFile.open(locked_db) as cf:
        r = make_package(cf, meeting_id, key("chi-bo"), [cert("cap-uy"), cert("cap-uy-khac")],
                         out=tmp_path / "g.p7m", scans=[scan], signed_minutes=minutes)
    for committee in ("cap-uy", "cap-uy-khac"):        # both committees can open it
        o = read_package(r.path.read_bytes(), key(committee))
        assert o.files["ban-quet-bien-ban.jpg"] == scan.read_bytes()
        assert o.files["bien-ban.pdf"] == minutes.read_bytes()


def test_only_an_adopted_meeting_is_packaged(tmp_path, keydir):
    db = tmp_path / "held.kiemdiem"
    shutil.copy(FIXTURES / "db" / "v3-meeting-held.kiemdiem", db)
    with CellFile.open(db) as cf:
        mid = cf.meetings()[0].id
    r = run_cli("package", "--db", db, "--meeting", mid[:8], "--key", keydir / "chi-bo.p12", "--passphrase-file",
                keydir / "matkhau.txt", "--to", keydir / "cap-uy.crt", "--out", tmp_path / "g.p7m")
    assert r.returncode == 2 and "chưa được thông qua" in r.stderr
    assert not (tmp_path / "g.p7m").exists() and not (tmp_path / "g-bien-nhan.pdf").exists()


def test_wrong_key_and_another_committee_are_not_for_this_key(package, key, tmp_path, keydir):
    with pytest.raises(PackageRefused) as info:
        read_package(package.path.read_bytes(), key("cap-uy-khac"))
    assert info.value.kind == "not_for_key" and NOT_FOR_KEY in str(info.value)
    # a signing key is refused for opening before anything is tried (one use per key)
    with pytest.raises(UserError, match="thiếu keyEncipherment"):
        read_package(package.path.read_bytes(), key("chi-bo"))
    out = tmp_path / "mo"
    r = run_cli("open", package.path, "--key", keydir / "cap-uy-khac.p12", "--passphrase-file",
                keydir / "matkhau.txt", "--out", out)
    assert r.returncode == 2 and "Gói không gửi cho khóa này" in r.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def _mutants(data: bytes, n: int, seed: int = 20251210):
    rng = random.Random(seed)
    for i in range(n):
        if i % 10 == 9:
            yield f"cắt ở {(cut := rng.randrange(len(data)))}", data[:cut]
        else:
            off = rng.randrange(len(data))
            b = bytearray(data)
            b[off] ^= rng.randrange(1, 256)
            yield f"byte {off}", bytes(b)


def test_a_thousand_damaged_copies_are_all_refused_as_damaged(package, key):
    data = package.path.read_bytes()
    k = key("cap-uy")
    wrong = []
    for what, blob in _mutants(data, 1000):
        try:
            read_package(blob, k)
            wrong.append((what, "accepted"))
        except PackageRefused as err:
            if err.kind != "damaged":
                wrong.append((what, err.kind))
    assert wrong == []


def test_every_byte_of_the_envelope_header_damaged_is_damage(package, key):
    """The part outside the ciphertext — versions, OIDs, the recipient (issuer, serial, encrypted
    key), the IV — flipped byte by byte: always "tệp hỏng", never "không gửi cho khóa này" (a damaged
    recipient identifier whose key still decrypts with this key is found by trial decryption)."""
    data = package.path.read_bytes()
    ci = cms.ContentInfo.load(data)
    header = len(data) - len(ci["content"]["encrypted_content_info"]["encrypted_content"].contents)
    k = key("cap-uy")
    kinds = set()
    for off in range(header + 16):
        b = bytearray(data)
        b[off] ^= 0x01
        with pytest.raises(PackageRefused) as info:
            read_package(bytes(b), k)
        kinds.add(info.value.kind)
    assert kinds == {"damaged"}


def test_damaged_packages_through_the_command_line_write_nothing(package, keydir, tmp_path):
    data = package.path.read_bytes()
    for i, (what, blob) in enumerate(_mutants(data, 5, seed=7)):
        bad = tmp_path / f"hong-{i}.p7m"
        bad.write_bytes(blob)
        out = tmp_path / f"mo-{i}"
        r = run_cli("open", bad, "--key", keydir / "cap-uy.p12", "--passphrase-file", keydir / "matkhau.txt",
                    "--out", out)
        assert r.returncode == 2, what
        assert DAMAGED in r.stderr and "Không ghi gì" in r.stderr
        assert not out.exists()
        bad.unlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_open_writes_exactly_the_files_of_the_manifest(package, keydir, tmp_path):
    out = tmp_path / "mo"
    r = run_cli("open", package.path, "--key", keydir / "cap-uy.p12", "--passphrase-file", keydir / "matkhau.txt",
                "--out", out, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["signer"]["fingerprint"] in r.stderr          # no register: reported with its fingerprint
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in out.iterdir()) == sorted(["manifest.json"] + [f["name"] for f in manifest["files"]])
    assert [p.name for p in tmp_path.iterdir()] == ["mo"]      # no temporary folder left
    again = run_cli("open", package.path, "--key", keydir / "cap-uy.p12", "--passphrase-file",
                    keydir / "matkhau.txt", "--out", out)
    assert again.returncode == 2 and "không trống" in again.stderr


def test_a_signature_over_different_content_is_damage(package, key):
    """Re-wrap a valid SignedData whose content was replaced: the envelope is fine, the signature is not."""
    from kiemdiem_desktop.crypto.open_package import decrypt_envelope
    from kiemdiem_desktop.crypto.package import envelope

    signed = bytearray(decrypt_envelope(package.path.read_bytes(), key("cap-uy")))
    zip_at = signed.find(b"PK\x03\x04")
    signed[zip_at + 40] ^= 0x20
    blob = envelope(bytes(signed), [key("cap-uy").certificate])
    with pytest.raises(PackageRefused) as info:
        read_package(blob, key("cap-uy"))
    assert info.value.kind == "damaged"
