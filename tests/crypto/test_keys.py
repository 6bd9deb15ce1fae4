import os
import re
import stat

import pytest
from cryptography import x509

from kiemdiem_desktop.crypto.keys import (
    KeyError_, fingerprint, load_certificate, load_pkcs12_key, load_recipient_certificate, new_key,
)

from .conftest import PASS, run_cli


def test_keys_new_writes_a_private_p12_and_the_certificate_beside_it(tmp_path, keydir):
    r = run_cli("keys", "new", "--name", "Chi bộ Phòng Tổ chức", "--out", tmp_path / "cb.p12",
                "--passphrase-file", keydir / "matkhau.txt")
    assert r.returncode == 0, r.stderr
    p12, crt = tmp_path / "cb.p12", tmp_path / "cb.crt"
    assert stat.S_IMODE(os.stat(p12).st_mode) == 0o600
    cert = load_certificate(crt)
    assert cert.subject.rfc4514_string() == "CN=Chi bộ Phòng Tổ chức"
    assert cert.public_key().key_size == 3072
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and not usage.key_encipherment      # no --for: a signing key, one use
    assert fingerprint(cert) in r.stdout
    assert re.fullmatch(r"([0-9A-F]{4} ){15}[0-9A-F]{4}", fingerprint(cert))
    h = load_pkcs12_key(p12, PASS)
    assert h.kind == "file" and h.fingerprint == fingerprint(cert)
    # never overwritten
    again = run_cli("keys", "new", "--name", "X", "--out", p12, "--passphrase-file", keydir / "matkhau.txt")
    assert again.returncode == 2 and "đã có" in again.stderr


def test_wrong_passphrase_and_short_passphrase(tmp_path, keydir):
    with pytest.raises(KeyError_, match="mật khẩu không đúng"):
        load_pkcs12_key(keydir / "chi-bo.p12", "sai")
    with pytest.raises(KeyError_, match="ít nhất 8"):
        new_key("A", tmp_path / "a.p12", "ngan")


def test_committee_certificate_needs_rsa_key_encipherment(tmp_path, keydir):
    assert load_recipient_certificate(keydir / "cap-uy.crt")
    with pytest.raises(KeyError_, match="keyEncipherment"):
        load_recipient_certificate(keydir / "chi-bo.crt")              # made --for signing
    der = tmp_path / "cap-uy.der"
    from cryptography.hazmat.primitives.serialization import Encoding

    der.write_bytes(load_certificate(keydir / "cap-uy.crt").public_bytes(Encoding.DER))
    assert fingerprint(load_recipient_certificate(der)) == fingerprint(load_certificate(keydir / "cap-uy.crt"))
    junk = tmp_path / "x.cer"
    junk.write_bytes(b"not a certificate")
    with pytest.raises(KeyError_, match="không phải chứng thư"):
        load_recipient_certificate(junk)
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives import hashes
    from datetime import datetime, timedelta, timezone

    k = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "EC")])
    c = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(k.public_key())
         .serial_number(1).not_valid_before(datetime.now(timezone.utc))
         .not_valid_after(datetime.now(timezone.utc) + timedelta(days=1)).sign(k, hashes.SHA256()))
    ecf = tmp_path / "ec.pem"
    from cryptography.hazmat.primitives.serialization import Encoding as E

    ecf.write_bytes(c.public_bytes(E.PEM))
    with pytest.raises(KeyError_, match="RSA"):
        load_recipient_certificate(ecf)
