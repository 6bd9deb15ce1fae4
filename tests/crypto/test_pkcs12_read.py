"""The quick PKCS#12 reader (crypto/pkcs12_read.py): it gives exactly the key and certificates of
cryptography's full load for the files it proves sound, hands every other file back to that load
(so a wrong passphrase, a damaged file or a key whose RSA parameters disagree is refused with the
same message as before), and a key it accepts that cannot sign correctly is refused at its first
signature, with nothing written."""
from __future__ import annotations

import base64
import math
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from kiemdiem_desktop.crypto import pkcs12_read
from kiemdiem_desktop.crypto.file_signer import BrokenKeyError
from kiemdiem_desktop.crypto.keys import KeyError_, forget_unlocked_keys, load_pkcs12_key, new_key

from .conftest import PASS

VIETNAMESE_PASS = "mật khẩu Chi bộ Văn phòng"
REFUSED = "Không mở được tệp khóa .*: mật khẩu không đúng hoặc tệp không phải PKCS#12"


def full_load(data: bytes, passphrase: str):
    key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    return key.private_numbers(), cert, list(extra)


def quick(data: bytes, passphrase: str):
    got = pkcs12_read.read(data, passphrase)
    return None if got is None else (got[0].private_numbers(), got[1], list(got[2]))


@pytest.fixture(autouse=True)
def _fresh():
    forget_unlocked_keys()
    yield
    forget_unlocked_keys()


def test_a_key_made_by_the_program_is_read_quickly_and_is_the_same_key(keydir, tmp_path):
    for stem in ("chi-bo", "chu-tri", "cap-uy"):
        data = (keydir / f"{stem}.p12").read_bytes()
        assert quick(data, PASS) == full_load(data, PASS)
        assert pkcs12_read.read(data, PASS + "x") is None           # wrong passphrase: the full load decides
    new_key("Nguyễn Thị Hà", tmp_path / "ha.p12", VIETNAMESE_PASS)   # a passphrase with diacritics
    data = (tmp_path / "ha.p12").read_bytes()
    assert quick(data, VIETNAMESE_PASS) == full_load(data, VIETNAMESE_PASS)
    assert load_pkcs12_key(tmp_path / "ha.p12", VIETNAMESE_PASS).name == "Nguyễn Thị Hà"
    forget_unlocked_keys()
    with pytest.raises(KeyError_, match=REFUSED):
        load_pkcs12_key(tmp_path / "ha.p12", "mat khau Chi bo Van phong")    # the same without diacritics


@pytest.mark.parametrize("name, options, read_quickly", [
    ("openssl-default", [], True),                                    # AES-256-CBC, PBKDF2, MAC SHA-256
    ("aes128-sha512", ["-keypbe", "AES-128-CBC", "-certpbe", "AES-128-CBC", "-macalg", "sha512"], True),
    ("triple-des", ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"], True),
    ("with-chain", ["-certfile", "chain.pem"], True),
    ("certificate-not-encrypted", ["-certpbe", "NONE"], True),
    ("legacy-rc2-40", ["-legacy"], False),                            # RC2-40: the full load reads it
    ("no-mac", ["-nomac"], False),                                    # no integrity: the full load reads it
])
def test_files_from_openssl_give_the_same_key_and_certificates(keydir, tmp_path, name, options, read_quickly):
    key, cert, _ = pkcs12.load_key_and_certificates((keydir / "thu-ky.p12").read_bytes(), PASS.encode())
    (tmp_path / "k.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    (tmp_path / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "chain.pem").write_bytes((keydir / "cap-uy.crt").read_bytes() + (keydir / "chi-bo.crt").read_bytes())
    (tmp_path / "pw.txt").write_text(VIETNAMESE_PASS, encoding="utf-8")
    out = tmp_path / f"{name}.p12"
    subprocess.run(["openssl", "pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-passout", "file:pw.txt",
                    *options, "-out", out.name], cwd=tmp_path, check=True, capture_output=True)
    data = out.read_bytes()
    expected = full_load(data, VIETNAMESE_PASS)
    assert quick(data, VIETNAMESE_PASS) == (expected if read_quickly else None)
    handle = load_pkcs12_key(out, VIETNAMESE_PASS)
    assert (handle.private_key.private_numbers(), handle.certificate) == expected[:2]
    assert handle.name == "Bùi Thị Giang"
    if name == "with-chain":
        assert len(expected[2]) == 2
    forget_unlocked_keys()
    with pytest.raises(KeyError_, match=REFUSED):
        load_pkcs12_key(out, PASS)


def test_a_damaged_file_is_refused_with_the_same_message(keydir, tmp_path):
    good = (keydir / "chi-bo.p12").read_bytes()
    bad = tmp_path / "hong.p12"
    for cut in (len(good) // 2, len(good) - 1, 40):
        bad.write_bytes(good[:cut])
        with pytest.raises(KeyError_, match=REFUSED):
            load_pkcs12_key(bad, PASS)
    original = full_load(good, PASS)
    for at in range(5, len(good), max(1, len(good) // 60)):       # one byte changed, ~60 places in turn
        changed = bytearray(good)
        changed[at] ^= 0x41
        bad.write_bytes(bytes(changed))
        assert pkcs12_read.read(bytes(changed), PASS) is None, at  # never accepted by the quick reader
        try:
            h = load_pkcs12_key(bad, PASS)
        except KeyError_ as err:
            assert str(bad) in str(err)
            continue
        # the full load accepted it: a byte outside what the file's integrity covers, the same key
        assert (h.private_key.private_numbers(), h.certificate) == original[:2], at


def test_a_file_asking_for_endless_key_derivation_rounds_is_left_to_the_full_load(keydir):
    import time

    from asn1crypto import pkcs12 as asn1_pkcs12

    pfx = asn1_pkcs12.Pfx.load((keydir / "chi-bo.p12").read_bytes())
    mac = pfx["mac_data"]
    pfx["mac_data"] = asn1_pkcs12.MacData({"mac": mac["mac"], "mac_salt": mac["mac_salt"], "iterations": 10 ** 9})
    start = time.perf_counter()
    assert pkcs12_read.read(pfx.dump(force=True), PASS) is None
    assert time.perf_counter() - start < 1


def _p12_with_numbers(numbers: rsa.RSAPrivateNumbers, cert: x509.Certificate, path, passphrase=PASS):
    """A .p12 holding exactly these RSA parameters (written by openssl, which checks none of them)."""
    from asn1crypto import keys as asn1_keys

    n = numbers
    rsa_key = asn1_keys.RSAPrivateKey({
        "version": 0, "modulus": n.public_numbers.n, "public_exponent": n.public_numbers.e,
        "private_exponent": n.d, "prime1": n.p, "prime2": n.q, "exponent1": n.dmp1, "exponent2": n.dmq1,
        "coefficient": n.iqmp})
    info = asn1_keys.PrivateKeyInfo.wrap(rsa_key, "rsa")
    pem = path.with_suffix(".key.pem")
    pem.write_bytes(b"-----BEGIN PRIVATE KEY-----\n" + base64.encodebytes(info.dump()) + b"-----END PRIVATE KEY-----\n")
    crt = path.with_suffix(".crt.pem")
    crt.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    subprocess.run(["openssl", "pkcs12", "-export", "-inkey", pem, "-in", crt, "-passout", f"pass:{passphrase}",
                    "-out", path], check=True, capture_output=True)
    return path


def test_a_key_whose_rsa_parameters_disagree_is_refused_with_the_same_message(keydir, tmp_path):
    key, cert, _ = pkcs12.load_key_and_certificates((keydir / "chu-tri.p12").read_bytes(), PASS.encode())
    n = key.private_numbers()
    broken = {
        "dmp1": rsa.RSAPrivateNumbers(n.p, n.q, n.d, n.dmp1 + 2, n.dmq1, n.iqmp, n.public_numbers),
        "iqmp": rsa.RSAPrivateNumbers(n.p, n.q, n.d, n.dmp1, n.dmq1, (n.iqmp + 1) % n.p, n.public_numbers),
        "d": rsa.RSAPrivateNumbers(n.p, n.q, n.d + 2, n.dmp1, n.dmq1, n.iqmp, n.public_numbers),
        "q": rsa.RSAPrivateNumbers(n.p, n.q + 2, n.d, n.dmp1, n.dmq1, n.iqmp, n.public_numbers),
    }
    for what, numbers in broken.items():
        p12 = _p12_with_numbers(numbers, cert, tmp_path / f"hong-{what}.p12")
        assert pkcs12_read.read(p12.read_bytes(), PASS) is None, what
        with pytest.raises(KeyError_, match=REFUSED):
            load_pkcs12_key(p12, PASS)
    # a sound key under another key's certificate: the file does not hold the certificate of its key
    other = rsa.generate_private_key(65537, 2048)
    p12 = tmp_path / "khac.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"x", other, None, [cert],
                                                          serialization.BestAvailableEncryption(PASS.encode())))
    assert pkcs12_read.read(p12.read_bytes(), PASS) is None
    with pytest.raises(KeyError_, match="không chứa cả khóa riêng và chứng thư số"):
        load_pkcs12_key(p12, PASS)


def _composite_p_key() -> rsa.RSAPrivateNumbers:
    """Parameters that agree with each other (n = p·q, e·d ≡ 1 mod lcm(p−1, q−1), CRT values) but p is
    the product of two primes: what only the primality test finds."""
    e = 65537
    while True:
        a = rsa.generate_private_key(e, 1024).private_numbers()
        q = rsa.generate_private_key(e, 2048).private_numbers().p
        p = a.p * a.q
        lam = (p - 1) * (q - 1) // math.gcd(p - 1, q - 1)
        if math.gcd(e, lam) == 1:
            break
    d = pow(e, -1, lam)
    return rsa.RSAPrivateNumbers(p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), rsa.RSAPublicNumbers(e, p * q))


def test_a_key_that_cannot_sign_correctly_is_refused_at_its_first_signature(keydir, tmp_path, locked_db, meeting_id,
                                                                          cert):
    from kiemdiem_desktop.crypto.package import sign_cms
    from kiemdiem_desktop.documents.minutes import build_minutes
    from kiemdiem_desktop.session import MeetingSession
    from kiemdiem_desktop.voting import VotingDesk
    from kiemdiem_desktop.crypto.pdf_sign import sign_pdf
    from kiemdiem_desktop.services import CellFile
    from kiemdiem_desktop.services.package import make_package

    numbers = _composite_p_key()
    issuer = rsa.generate_private_key(65537, 2048)
    now = datetime.now(timezone.utc)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Chi bộ Văn phòng")])
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                   .public_key(numbers.public_numbers.public_key()).serial_number(7)
                   .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
                   .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                                key_encipherment=False, data_encipherment=False, key_agreement=False,
                                                key_cert_sign=False, crl_sign=False, encipher_only=False,
                                                decipher_only=False), critical=True)
                   .sign(issuer, hashes.SHA256()))
    p12 = _p12_with_numbers(numbers, certificate, tmp_path / "p-hop-so.p12")
    handle = load_pkcs12_key(p12, PASS)                 # unlocked: only the primality test would find it
    message = f"Khóa trong tệp {p12} bị hỏng: chữ ký vừa tạo không khớp chứng thư số"
    with pytest.raises(BrokenKeyError, match=message.replace(".", r"\.")):
        sign_cms(b"du lieu", handle)
    minutes = tmp_path / "bb.pdf"
    with CellFile.open(locked_db) as cf:
        build_minutes(VotingDesk(MeetingSession(cf, meeting_id)), minutes)
        with pytest.raises(BrokenKeyError, match="bị hỏng: chữ ký vừa tạo không khớp"):
            sign_pdf(minutes, "chu-tri", handle, tmp_path / "bb-ky.pdf")
        with pytest.raises(BrokenKeyError, match="bị hỏng: chữ ký vừa tạo không khớp"):
            make_package(cf, meeting_id, handle, [cert("cap-uy")], out=tmp_path / "goi.p7m")
    assert not (tmp_path / "bb-ky.pdf").exists() and not (tmp_path / "goi.p7m").exists()
    assert not (tmp_path / "goi-bien-nhan.pdf").exists()
