"""Certificates (issue 12, item 8): a key for one use; a signer's certificate must allow
digitalSignature and be valid when it signed; self-signed ones too. A forger's own program
(pyHanko called directly) is used where ours refuses to sign."""
from datetime import datetime, timedelta, timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from kiemdiem_desktop.crypto import package as pkg
from kiemdiem_desktop.crypto.keys import load_pkcs12_key
from tests.helpers import run_cli

from tests.hostile.package_forge import (  # noqa: F401 - fixtures
    CODE, PASS, forge_dir, forge_key, forge_zip, genuine, recoded, seal_raw,
)

NOW = datetime.now(timezone.utc)


def _self_signed(path, *, start, end, sign=True, enc=False):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Chi bộ Văn phòng")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=sign, content_commitment=sign, key_encipherment=enc,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"k", key, cert, None,
                                                           serialization.BestAvailableEncryption(PASS.encode())))
    return path


def _open(tmp_path, forge_dir, blob, *extra):
    src = tmp_path / "goi-gia.p7m"
    src.write_bytes(blob)
    return run_cli("open", str(src), "--key", str(forge_dir / "cap-uy.p12"), "--passphrase-file",
                   str(forge_dir / "matkhau.txt"), "--out", str(tmp_path / "mo"), *extra)


def _forged_by(genuine, forge_key, p12, when):
    signer = load_pkcs12_key(p12, PASS)
    m, files = recoded(genuine, signer_fp=signer.fingerprint)
    return seal_raw(forge_zip(m, files), signer, forge_key("cap-uy").certificate, when)


def test_keys_new_makes_keys_for_one_use(tmp_path, forge_dir):
    r = run_cli("keys", "new", "--name", "Đảng ủy", "--for", "encryption", "--out", str(tmp_path / "e.p12"),
                "--passphrase-file", str(forge_dir / "matkhau.txt"))
    assert r.returncode == 0, r.stderr.decode()
    u = x509.load_pem_x509_certificate((tmp_path / "e.crt").read_bytes()).extensions.get_extension_for_class(
        x509.KeyUsage).value
    assert u.key_encipherment and not u.digital_signature and not u.content_commitment


def test_an_encryption_key_does_not_sign_a_pdf_or_a_package(tmp_path, forge_dir):
    pdf = tmp_path / "bb.pdf"
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(pdf))
    c.drawString(100, 700, "Bien ban")
    c.save()
    r = run_cli("sign", str(pdf), "--role", "chu-tri", "--key", str(forge_dir / "cap-uy.p12"), "--passphrase-file",
                str(forge_dir / "matkhau.txt"), "--out", str(tmp_path / "ky.pdf"))
    err = r.stderr.decode()
    assert r.returncode == 2 and "thiếu digitalSignature" in err and "Traceback" not in err, err
    assert not (tmp_path / "ky.pdf").exists()
    demo = tmp_path / "demo.kiemdiem"
    assert run_cli("demo", "--db", str(demo), "--finished").returncode == 0
    mid = run_cli("meeting", "list", "--db", str(demo), "--json").stdout.decode()
    import json
    mid = json.loads(mid)[0]["id"]
    r = run_cli("package", "--db", str(demo), "--meeting", mid, "--key", str(forge_dir / "cap-uy.p12"),
                "--passphrase-file", str(forge_dir / "matkhau.txt"), "--to", str(forge_dir / "cap-uy.crt"),
                "--out", str(tmp_path / "goi.p7m"))
    assert r.returncode == 2 and "thiếu digitalSignature" in r.stderr.decode()
    assert not (tmp_path / "goi.p7m").exists()


def test_a_package_signed_by_an_encryption_only_certificate_is_refused(tmp_path, forge_dir, forge_key, genuine):
    p12 = _self_signed(tmp_path / "enc.p12", start=NOW - timedelta(days=1), end=NOW + timedelta(days=300),
                       sign=False, enc=True)
    r = _open(tmp_path, forge_dir, _forged_by(genuine, forge_key, p12, NOW))
    err = r.stderr.decode()
    assert r.returncode == 2 and "không cho phép ký số" in err and "goi-gia.p7m" in err, err
    assert not (tmp_path / "mo").exists()


@pytest.mark.parametrize("start, end, when, expect", [
    (-400, -10, 0, "không có hiệu lực lúc ký"),           # expired before it signed
    (5, 400, 0, "không có hiệu lực lúc ký"),              # not yet valid when it signed
])
def test_a_self_signed_certificate_outside_its_validity_is_refused(tmp_path, forge_dir, forge_key, genuine,
                                                                   start, end, when, expect):
    p12 = _self_signed(tmp_path / "k.p12", start=NOW + timedelta(days=start), end=NOW + timedelta(days=end))
    r = _open(tmp_path, forge_dir, _forged_by(genuine, forge_key, p12, NOW + timedelta(days=when)))
    assert r.returncode == 2 and expect in r.stderr.decode(), r.stderr.decode()


def test_a_self_signed_certificate_expired_since_needs_confirmation(tmp_path, forge_dir, forge_key, genuine):
    p12 = _self_signed(tmp_path / "k.p12", start=NOW - timedelta(days=400), end=NOW - timedelta(days=2))
    blob = _forged_by(genuine, forge_key, p12, NOW - timedelta(days=20))
    r = _open(tmp_path, forge_dir, blob)
    err = r.stderr.decode()
    assert r.returncode == 2 and "CẢNH BÁO" in err and "--accept-expired" in err and not (tmp_path / "mo").exists()
    r = _open(tmp_path, forge_dir, blob, "--accept-expired")
    assert r.returncode == 0 and "CẢNH BÁO" in r.stderr.decode()


def test_verify_refuses_a_pdf_signed_by_an_encryption_only_key(tmp_path, forge_dir, monkeypatch):
    from reportlab.pdfgen import canvas

    from kiemdiem_desktop.crypto import pdf_sign

    pdf = tmp_path / "bb.pdf"
    c = canvas.Canvas(str(pdf))
    c.drawString(100, 700, "Bien ban")
    c.save()
    monkeypatch.setattr(pdf_sign, "require_signing_key", lambda key: None)      # the forger's own program
    pdf_sign.sign_pdf(pdf, "chu-tri", load_pkcs12_key(forge_dir / "cap-uy.p12", PASS), tmp_path / "ky.pdf")
    r = run_cli("verify", str(tmp_path / "ky.pdf"))
    out = r.stdout.decode()
    assert r.returncode == 2 and "KHÔNG CHẤP NHẬN" in out and "digitalSignature" in out, out
    j = run_cli("verify", str(tmp_path / "ky.pdf"), "--json")
    import json
    sig = json.loads(j.stdout.decode())["signatures"][0]
    assert sig["state"] == "certificate_refused" and sig["intact"] is True


def _with_duplicate_extension(p12):
    """The key of ``p12`` and its certificate re-signed with its key-usage extension twice (a
    certificate cryptography loads but whose extensions raise ValueError)."""
    from types import SimpleNamespace

    from asn1crypto import x509 as ax
    from cryptography.hazmat.primitives.asymmetric import padding

    k = load_pkcs12_key(p12, PASS)
    c = ax.Certificate.load(k.certificate.public_bytes(serialization.Encoding.DER))
    tbs = c["tbs_certificate"].copy()
    exts = list(tbs["extensions"])
    tbs["extensions"] = ax.Extensions(exts + [exts[1]])
    sig = k.private_key.sign(tbs.dump(), padding.PKCS1v15(), hashes.SHA256())
    forged = ax.Certificate({"tbs_certificate": tbs, "signature_algorithm": c["signature_algorithm"],
                             "signature_value": sig})
    return SimpleNamespace(certificate=x509.load_der_x509_certificate(forged.dump()), private_key=k.private_key)


def test_a_signer_certificate_with_unreadable_extensions_is_refused_not_a_traceback(tmp_path, forge_dir, forge_key,
                                                                                   genuine):
    from tests.hostile.package_forge import seal

    signer = _with_duplicate_extension(forge_dir / "chi-bo.p12")
    with pytest.raises(x509.DuplicateExtension):
        signer.certificate.extensions                            # what used to escape as a traceback
    m, files = recoded(genuine)
    r = _open(tmp_path, forge_dir, seal(forge_zip(m, files), signer, forge_key("cap-uy").certificate),
              "--register", str(tmp_path / "r.capuy"), "--trust")
    err = r.stderr.decode()
    assert r.returncode == 2 and "không đọc được" in err and "Traceback" not in err and "goi-gia.p7m" in err, err
    assert not (tmp_path / "mo").exists() and not (tmp_path / "r.capuy").exists()
