"""CA-issued cell certificates checked against the roots the committee imported: a tiny CA made
here (an ECDSA root, an RSA intermediate that signs with PSS, the cell's RSA certificate in a
PKCS#12 with the intermediate), packaged, opened with and without the root."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from kiemdiem_desktop.crypto.chain import CA_REFUSED, CA_VALID, SELF_SIGNED, check_chain
from kiemdiem_desktop.crypto.keys import load_pkcs12_key
from kiemdiem_desktop.crypto.open_package import read_package
from kiemdiem_desktop.services.package import make_package, meeting_documents
from kiemdiem_desktop.committee.register import CA_REFUSED as REG_CA_REFUSED
from kiemdiem_desktop.committee.register import CommitteeRegister, RegisterError
from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.services import CellFile

from .conftest import PASS, run_cli

NOW = datetime.now(timezone.utc)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject, pub, issuer_name, issuer_key, *, ca: bool, path_len=None, start=NOW - timedelta(days=30),
          end=NOW + timedelta(days=365), pss: bool = False):
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name).public_key(pub)
         .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
         .add_extension(x509.BasicConstraints(ca=ca, path_length=path_len if ca else None), critical=True))
    if ca:
        b = b.add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                          data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                          crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
    else:
        b = b.add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                          data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                          crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
    if pss:
        return b.sign(issuer_key, hashes.SHA256(),
                      rsa_padding=padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32))
    return b.sign(issuer_key, hashes.SHA256())


class CA:
    """A root (ECDSA P-256) and an intermediate (RSA, signing with PSS)."""

    def __init__(self, name: str):
        self.root_key = ec.generate_private_key(ec.SECP256R1())
        self.root = _cert(_name(f"{name} Root"), self.root_key.public_key(), _name(f"{name} Root"), self.root_key,
                          ca=True, start=NOW - timedelta(days=3650), end=NOW + timedelta(days=3650))
        self.sub_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.sub = _cert(_name(f"{name} SubCA"), self.sub_key.public_key(), self.root.subject, self.root_key,
                         ca=True, path_len=0, start=NOW - timedelta(days=1000), end=NOW + timedelta(days=1000))

    def issue(self, cn: str, **kw):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return key, _cert(_name(cn), key.public_key(), self.sub.subject, self.sub_key, ca=False, pss=True, **kw)

    def p12(self, path, cn: str, **kw):
        key, cert = self.issue(cn, **kw)
        path.write_bytes(pkcs12.serialize_key_and_certificates(
            b"chi-bo", key, cert, [self.sub], serialization.BestAvailableEncryption(PASS.encode())))
        return path

    def root_pem(self, path):
        path.write_bytes(self.root.public_bytes(serialization.Encoding.PEM))
        return path


@pytest.fixture(scope="module")
def ca():
    return CA("VN Test CA")


@pytest.fixture(scope="module")
def other_ca():
    return CA("Other CA")


@pytest.fixture(scope="module")
def ca_package(tmp_path_factory, locked_db, meeting_id, cert, ca):
    d = tmp_path_factory.mktemp("ca")
    key = load_pkcs12_key(ca.p12(d / "chi-bo-ca.p12", "Chi bộ Văn phòng"), PASS)
    with CellFile.open(locked_db) as cf:
        return make_package(cf, meeting_id, key, [cert("cap-uy")], out=d / "goi-ca.p7m")


def _package_with(tmp_path, locked_db, meeting_id, cert, p12):
    key = load_pkcs12_key(p12, PASS)
    with CellFile.open(locked_db) as cf:
        return make_package(cf, meeting_id, key, [cert("cap-uy")], out=tmp_path / "goi.p7m")


def _open(package, keydir, out, register, *extra):
    return run_cli("open", package, "--key", keydir / "cap-uy.p12", "--passphrase-file", keydir / "matkhau.txt",
                   "--out", out, "--register", register, *extra)


def test_the_intermediate_travels_in_the_package_and_the_chain_checks(ca_package, key, ca, other_ca):
    opened = read_package(ca_package.path.read_bytes(), key("cap-uy"))
    assert [c.subject for c in opened.other_certificates] == [ca.sub.subject]
    r = check_chain(opened.signer_certificate, opened.other_certificates, [ca.root], opened.signing_time)
    assert r.status == CA_VALID and "hợp lệ theo gốc VN Test CA Root" in r.message
    assert "thu hồi chưa kiểm tra (không có mạng)" in r.message and "do VN Test CA SubCA cấp" in r.message
    assert check_chain(opened.signer_certificate, opened.other_certificates, [], None).status == CA_REFUSED
    r = check_chain(opened.signer_certificate, opened.other_certificates, [other_ca.root], None)
    assert r.status == CA_REFUSED and "không thuộc tổ chức chứng thực đã nhập" in r.message
    # the intermediate itself imported as the trust anchor is enough
    assert check_chain(opened.signer_certificate, [], [ca.sub], None).status == CA_VALID
    # without the intermediate in the package, no path
    assert check_chain(opened.signer_certificate, [], [ca.root], None).status == CA_REFUSED


def test_a_self_signed_cell_key_is_not_a_ca_matter(package, key):
    opened = read_package(package.path.read_bytes(), key("cap-uy"))
    assert check_chain(opened.signer_certificate, opened.other_certificates, [], None).status == SELF_SIGNED


def test_open_with_the_root_imported_is_accepted_and_says_revocation_unchecked(ca_package, keydir, tmp_path, ca):
    reg = tmp_path / "cap-uy.kiemdiem"
    root = ca.root_pem(tmp_path / "goc.crt")
    r = _open(ca_package.path, keydir, tmp_path / "a", reg, "--root", root)
    # the root is imported, the chain is good, but the first package from the cell still needs --trust
    assert r.returncode == 2 and "Lần đầu nhận gói" in r.stderr and "Đã nhập chứng thư gốc" in r.stdout
    assert not (tmp_path / "a").exists()
    r = _open(ca_package.path, keydir, tmp_path / "a", reg, "--trust")
    assert r.returncode == 0, r.stderr
    assert "hợp lệ theo gốc VN Test CA Root; thu hồi chưa kiểm tra (không có mạng)" in r.stdout
    with CommitteeRegister(reg) as cr:
        assert [x["subject"] for x in cr.root_list()] == ["VN Test CA Root"]
        assert "thu hồi chưa kiểm tra" in cr.inbox()[0]["chain"]
    v = run_cli("verify", ca_package.path, "--key", keydir / "cap-uy.p12", "--passphrase-file",
                keydir / "matkhau.txt", "--register", reg)
    assert v.returncode == 0 and "thu hồi chưa kiểm tra (không có mạng)" in v.stdout


def test_open_without_the_root_is_refused_clearly_even_with_trust(ca_package, keydir, tmp_path):
    reg = tmp_path / "cap-uy.kiemdiem"
    for extra in ((), ("--trust",)):
        r = _open(ca_package.path, keydir, tmp_path / "a", reg, *extra)
        assert r.returncode == 2 and "chứng thư không thuộc tổ chức chứng thực đã nhập" in r.stderr, r.stderr
        assert not (tmp_path / "a").exists()
    with CommitteeRegister(reg) as cr:          # created by --trust's run, but nothing written in it
        assert cr.inbox() == [] and cr.fingerprints({"name": "Chi bộ Văn phòng"}) == []


def test_a_certificate_from_another_ca_is_refused(ca_package, keydir, tmp_path, other_ca):
    reg = tmp_path / "cap-uy.kiemdiem"
    r = _open(ca_package.path, keydir, tmp_path / "a", reg, "--trust", "--root", other_ca.root_pem(tmp_path / "k.crt"))
    assert r.returncode == 2 and "không thuộc tổ chức chứng thực đã nhập" in r.stderr
    assert not (tmp_path / "a").exists()


def _forged(tmp_path, locked_db, meeting_id, cert, p12, signing_time):
    """A package made with the documents of the locked meeting, signed by ``p12`` at the signing
    time the signer chooses (as a forger's own program would)."""
    from kiemdiem_desktop.crypto import package as pkg
    from tests.hostile.package_forge import seal_raw

    key = load_pkcs12_key(p12, PASS)
    with CellFile.open(locked_db) as cf:
        files, cell, meeting = meeting_documents(cf, meeting_id)
    manifest = pkg.make_manifest(files, cell=cell, meeting=meeting, signer=key.fingerprint)
    out = tmp_path / "goi-gia.p7m"
    out.write_bytes(seal_raw(pkg.build_zip(files, manifest), key, cert("cap-uy"), signing_time))
    return out


def test_an_expired_cell_certificate_is_refused(tmp_path, keydir, locked_db, meeting_id, cert, ca, key):
    p12 = ca.p12(tmp_path / "het-han.p12", "Chi bộ Văn phòng", start=NOW - timedelta(days=400),
                 end=NOW - timedelta(days=10))
    with pytest.raises(UserError, match="đã hết hạn"):                 # the program does not sign with it
        _package_with(tmp_path, locked_db, meeting_id, cert, p12)
    assert not (tmp_path / "goi.p7m").exists()
    forged = _forged(tmp_path, locked_db, meeting_id, cert, p12, NOW)
    reg = tmp_path / "cap-uy.kiemdiem"
    r = _open(forged, keydir, tmp_path / "a", reg, "--trust", "--root", ca.root_pem(tmp_path / "goc.crt"))
    assert r.returncode == 2 and "không có hiệu lực lúc ký" in r.stderr and "goi-gia.p7m" in r.stderr, r.stderr
    assert not (tmp_path / "a").exists()


def test_a_back_dated_signing_time_does_not_hide_an_expired_certificate(tmp_path, keydir, locked_db, meeting_id, cert,
                                                                        ca, key):
    # Expired ten days ago; the signer claims to have signed a month ago, when it was still valid.
    p12 = ca.p12(tmp_path / "het-han.p12", "Chi bộ Văn phòng", start=NOW - timedelta(days=400),
                 end=NOW - timedelta(days=10))
    forged = _forged(tmp_path, locked_db, meeting_id, cert, p12, NOW - timedelta(days=30))
    reg = tmp_path / "cap-uy.kiemdiem"
    root = ca.root_pem(tmp_path / "goc.crt")
    r = _open(forged, keydir, tmp_path / "a", reg, "--trust", "--root", root)
    assert r.returncode == 2, r.stderr
    assert "CẢNH BÁO" in r.stderr and "đã hết hạn" in r.stderr and "--accept-expired" in r.stderr
    assert not (tmp_path / "a").exists()
    ok = _open(forged, keydir, tmp_path / "a", reg, "--trust", "--accept-expired")
    assert ok.returncode == 0, ok.stderr
    assert "CẢNH BÁO" in ok.stderr and "đã hết hạn" in ok.stderr and (tmp_path / "a" / "meeting.json").exists()


def test_a_signing_time_after_receipt_is_refused(tmp_path, keydir, locked_db, meeting_id, cert, ca):
    p12 = ca.p12(tmp_path / "k.p12", "Chi bộ Văn phòng")
    forged = _forged(tmp_path, locked_db, meeting_id, cert, p12, NOW + timedelta(days=3))
    r = _open(forged, keydir, tmp_path / "a", tmp_path / "cap-uy.kiemdiem", "--trust", "--root",
              ca.root_pem(tmp_path / "goc.crt"))
    assert r.returncode == 2 and "ở sau lúc nhận gói" in r.stderr, r.stderr


def test_import_root_refuses_a_certificate_that_is_not_a_ca(tmp_path, keydir, ca):
    with CommitteeRegister(tmp_path / "r.kiemdiem") as cr:
        leaf = tmp_path / "la.crt"
        leaf.write_bytes(ca.issue("Chi bộ Văn phòng")[1].public_bytes(serialization.Encoding.PEM))
        with pytest.raises(RegisterError, match="không phải chứng thư của tổ chức chứng thực"):
            cr.import_root(leaf)
        # DER as well as PEM; a second import is not a second row
        der = tmp_path / "goc.der"
        der.write_bytes(ca.root.public_bytes(serialization.Encoding.DER))
        _, fp, new = cr.import_root(der)
        assert new and len(fp.split()) == 16
        assert cr.import_root(ca.root_pem(tmp_path / "goc.pem"))[2] is False
        assert len(cr.root_list()) == 1
