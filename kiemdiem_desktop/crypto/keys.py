"""Keys, one code path for three kinds: a PKCS#12 file issued by a CA, a PKCS#11 token, or a
key the program makes for a cell that has none (self-signed, RSA-3072, the private key
encrypted with a passphrase, owner-only permissions).

A :class:`KeyHandle` gives what the rest needs: the certificate, a pyHanko ``Signer`` (PAdES
and CMS signing go through it, so a token signs exactly like a file), and
``decrypt_key_transport`` (RSA PKCS#1 v1.5: a file key in memory, a token's key on the token).
"""
from __future__ import annotations

import hashlib
import os
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from ..i18n import UserError
from ..store.atomic import write_bytes_atomically
from . import pkcs12_read

KEY_BITS = 3072
VALIDITY_DAYS = 10 * 365

TOKEN_PIN_WARNING = ("Lưu ý: thiết bị ký số (token) sẽ tự khóa sau vài lần nhập sai mã PIN liên tiếp "
                     "(thường 3 đến 10 lần, tùy nhà cung cấp); khi đó phải nhờ nhà cung cấp mở khóa. "
                     "Hãy nhập mã PIN cẩn thận.")

# PKCS#11 modules of the usual Vietnamese CAs (64-bit), then OpenSC (STACK.md). Checked in this order
# when the user does not name one; the user can always browse to another.
WINDOWS_MODULES = [
    r"C:\vnpt-ca\cryptoki.dll",
    r"C:\Viettel-CA\pkcs11.dll",
    r"C:\Windows\System32\eTPKCS11.dll",          # SafeNet (Ban Cơ yếu Chính phủ and others)
    r"C:\Windows\System32\bit4xpki.dll",          # Bit4id (Ban Cơ yếu Chính phủ)
    r"C:\Windows\System32\fptca_pkcs11.dll",      # FPT-CA (the vendor DLL's name varies)
    r"C:\Windows\System32\ShuttleCsp11_3003.dll",  # common FPT / BKAV / Newtel tokens
    r"C:\Windows\System32\vnptca_p11_v8.dll",
    r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll",
]
UNIX_MODULES = [
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/opensc-pkcs11.so",
    "/usr/lib/x86_64-linux-gnu/libeTPkcs11.so",
    "/usr/lib/libeTPkcs11.so",
    "/usr/lib/bit4id/libbit4xpki.so",
    "/usr/local/lib/opensc-pkcs11.so",
]


def usual_token_modules() -> list[str]:
    """The usual module paths that exist on this machine, in order."""
    candidates = WINDOWS_MODULES if sys.platform == "win32" else UNIX_MODULES
    return [p for p in candidates if os.path.exists(p)]


class KeyError_(UserError):
    """A key that cannot be used: wrong passphrase or PIN, missing file, unusable certificate."""


# -- fingerprints ----------------------------------------------------------------------------
def fingerprint(cert: x509.Certificate | asn1_x509.Certificate | bytes) -> str:
    """SHA-256 of the certificate's DER, upper-case hex in groups of four for reading aloud:
    "AB12 CD34 …" (16 groups)."""
    der = _der(cert)
    digest = hashlib.sha256(der).hexdigest().upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def fingerprint_hex(cert) -> str:
    return hashlib.sha256(_der(cert)).hexdigest()


def _der(cert) -> bytes:
    if isinstance(cert, bytes):
        return cert
    if isinstance(cert, asn1_x509.Certificate):
        return cert.dump()
    return cert.public_bytes(serialization.Encoding.DER)


def to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def common_name(cert: x509.Certificate) -> str:
    try:
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else cert.subject.rfc4514_string()
    except ValueError:                   # a malformed name in a forged certificate
        return "(tên không đọc được)"


# -- the handle ---------------------------------------------------------------------------
@dataclass
class KeyHandle:
    """A private key ready to use, wherever it lives."""

    certificate: x509.Certificate
    signer: Any                                    # pyhanko.sign.signers.Signer
    kind: str                                      # "file" or "token"
    _decrypt: Callable[[bytes], bytes]
    private_key: Any = None                        # in memory for a file key; None on a token
    _close: Callable[[], None] = field(default=lambda: None)
    source: str = ""

    @property
    def certificate_asn1(self) -> asn1_x509.Certificate:
        return to_asn1(self.certificate)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    @property
    def name(self) -> str:
        return common_name(self.certificate)

    def decrypt_key_transport(self, encrypted_key: bytes) -> bytes:
        """RSA PKCS#1 v1.5 decryption of a CMS recipient's encrypted content key."""
        return self._decrypt(encrypted_key)

    def close(self) -> None:
        self._close()

    def __enter__(self) -> "KeyHandle":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _text(b: str | bytes | None) -> bytes | None:
    if b is None:
        return None
    return b.encode("utf-8") if isinstance(b, str) else b


def load_pkcs12_key(path: str | os.PathLike, passphrase: str | bytes | None) -> KeyHandle:
    """A PKCS#12 file (.p12/.pfx) from a CA or made by ``new_key``: parsed and validated once (once
    per process for the same file and passphrase). A file ``pkcs12_read`` proves sound (its MAC, its
    key's parameters, the key's certificate) is read there; anything else goes through cryptography's
    full load, which refuses it with the same message as ever."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise KeyError_(f"Không đọc được tệp khóa {path}: {err.strerror or err}.") from err
    cached = _unlocked_before(data, passphrase)
    if cached is not None:
        key, cert, extra = cached
        return _file_handle(key, cert, extra, path)
    quick = pkcs12_read.read(data, passphrase)       # proved sound without the ~95 ms primality test
    if quick is not None:
        key, cert, extra = quick
        _remember_unlocked(data, passphrase, (key, cert, extra))
        return _file_handle(key, cert, extra, path)
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, _text(passphrase))
    except ValueError as err:
        raise KeyError_(f"Không mở được tệp khóa {path}: mật khẩu không đúng hoặc tệp không phải "
                        f"PKCS#12 (.p12/.pfx).") from err
    if key is None or cert is None:
        raise KeyError_(f"Tệp {path} không chứa cả khóa riêng và chứng thư số.")
    if not isinstance(key, rsa.RSAPrivateKey):
        raise KeyError_(f"Khóa trong tệp {path} không phải khóa RSA: chương trình chỉ dùng khóa RSA.")
    _remember_unlocked(data, passphrase, (key, cert, list(extra or [])))
    return _file_handle(key, cert, extra, path)


def _file_handle(key, cert, extra, path: Path) -> KeyHandle:
    from .file_signer import FileKeySigner

    signer = FileKeySigner(key, to_asn1(cert), [to_asn1(c) for c in extra or []], cert.public_key(), str(path))

    def decrypt(enc: bytes) -> bytes:
        return key.decrypt(enc, padding.PKCS1v15())

    return KeyHandle(cert, signer, "file", decrypt, private_key=key, source=str(path))


# A key file unlocked once in this process is not parsed and checked again (the check is ~10 ms through
# pkcs12_read, ~95 ms through cryptography's full load; signing the minutes twice and making the package
# unlock three keys): the same bytes of the same file with the same passphrase give the key already checked.
# The passphrase is compared through a salted hash, so a wrong one is refused as before; another file,
# or the file changed, is read afresh. ``forget_unlocked_keys`` empties it: the window calls it when its
# data file is closed or another file is opened.
_UNLOCKED: dict[bytes, tuple[bytes, tuple]] = {}
_UNLOCKED_MAX = 8
_SALT = os.urandom(16)


def _passphrase_digest(data: bytes, passphrase: str | bytes | None) -> bytes:
    secret = b"\0" if passphrase is None else b"\1" + _text(passphrase)
    return hashlib.sha256(_SALT + hashlib.sha256(data).digest() + secret).digest()


def _unlocked_before(data: bytes, passphrase: str | bytes | None) -> tuple | None:
    import hmac

    found = _UNLOCKED.get(hashlib.sha256(data).digest())
    if found is None or not hmac.compare_digest(found[0], _passphrase_digest(data, passphrase)):
        return None
    return found[1]


def _remember_unlocked(data: bytes, passphrase: str | bytes | None, parts: tuple) -> None:
    if len(_UNLOCKED) >= _UNLOCKED_MAX:
        _UNLOCKED.pop(next(iter(_UNLOCKED)))
    _UNLOCKED[hashlib.sha256(data).digest()] = (_passphrase_digest(data, passphrase), parts)


def forget_unlocked_keys() -> None:
    _UNLOCKED.clear()


def load_token_key(module: str | None, token_label: str, key_label: str, pin: str) -> KeyHandle:
    """A key on a PKCS#11 token: the certificate and the private key share ``key_label``.
    Without ``module``, the usual modules of the Vietnamese CAs are tried in turn."""
    import pkcs11
    from pkcs11 import Attribute, Mechanism, ObjectClass
    from pkcs11.exceptions import NoSuchKey, NoSuchToken, PinIncorrect, PinLocked, PKCS11Error
    from pyhanko.sign.pkcs11 import PKCS11Signer

    modules = [module] if module else usual_token_modules()
    if not modules:
        raise KeyError_("Không tìm thấy thư viện PKCS#11 của nhà cung cấp chữ ký số ở các vị trí thường gặp; "
                        "hãy chỉ rõ tệp thư viện (--pkcs11-module).")
    token = None
    tried = []
    for mod in modules:
        try:
            lib = pkcs11.lib(mod)
            token = lib.get_token(token_label=token_label)
            break
        except (NoSuchToken, PKCS11Error, RuntimeError, OSError) as err:
            tried.append(f"{mod} ({type(err).__name__})")
    if token is None:
        raise KeyError_(f"Không thấy thiết bị ký số có nhãn “{token_label}” (đã thử: {'; '.join(tried)}). "
                        f"Hãy cắm thiết bị và kiểm tra nhãn.")
    try:
        session = token.open(user_pin=pin)
    except PinIncorrect as err:
        raise KeyError_("Mã PIN không đúng. " + TOKEN_PIN_WARNING) from err
    except PinLocked as err:
        raise KeyError_("Thiết bị ký số đã bị khóa do nhập sai mã PIN quá số lần cho phép; "
                        "hãy liên hệ nhà cung cấp để mở khóa.") from err
    try:
        cert_obj = next(session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE,
                                             Attribute.LABEL: key_label}), None)
        if cert_obj is None:
            raise KeyError_(f"Trên thiết bị “{token_label}” không có chứng thư số nhãn “{key_label}”.")
        cert = x509.load_der_x509_certificate(bytes(cert_obj[Attribute.VALUE]))
        try:
            priv = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=key_label)
        except NoSuchKey as err:
            raise KeyError_(f"Trên thiết bị “{token_label}” không có khóa riêng nhãn “{key_label}”.") from err
        signer = PKCS11Signer(session, key_label=key_label, cert_label=key_label)
    except BaseException:
        session.close()
        raise

    def decrypt(enc: bytes) -> bytes:
        # The content key is unwrapped on the token; the private key never leaves it.
        return bytes(priv.decrypt(enc, mechanism=Mechanism.RSA_PKCS))

    return KeyHandle(cert, signer, "token", decrypt, _close=session.close,
                     source=f"{token_label}/{key_label}")


# -- a key made by the program -------------------------------------------------------------
def new_key(name: str, out: str | os.PathLike, passphrase: str, *, purpose: str = "signing",
            organisation: str = "") -> tuple[Path, Path]:
    """A self-signed RSA-3072 key pair: ``out`` (.p12, private key encrypted with the passphrase,
    owner-only permissions) and the certificate beside it (same stem, .crt, PEM).
    ``purpose``: "signing" (digitalSignature, nonRepudiation) or "encryption" (keyEncipherment):
    a key for one use."""
    name = unicodedata.normalize("NFC", name.strip())
    if not name:
        raise KeyError_("Cần tên của người hoặc đơn vị giữ khóa (--name).")
    if len(passphrase) < 8:
        raise KeyError_("Mật khẩu bảo vệ khóa cần ít nhất 8 ký tự.")
    if purpose not in ("signing", "encryption"):
        # one use per key: a signing key never decrypts, an encryption key never signs
        raise KeyError_(f"Mục đích khóa không hợp lệ: {purpose} (chọn signing hoặc encryption).")
    out = Path(out)
    crt = out.with_suffix(".crt")
    if out.suffix.lower() == ".crt":
        raise KeyError_(f"Tệp khóa {out} cần đuôi .p12 (chứng thư .crt được ghi bên cạnh, cùng tên). Không ghi gì.")
    for path in (out, crt):
        if path.exists() or path.is_symlink():
            raise KeyError_(f"Tệp {path} đã có: không ghi đè một khóa hay chứng thư. Hãy chọn tên khác; không ghi gì.")
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if organisation:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, unicodedata.normalize("NFC", organisation)))
    subject = x509.Name(attrs)
    now = datetime.now(timezone.utc)
    sign = purpose == "signing"
    enc = purpose == "encryption"
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=VALIDITY_DAYS))
               # Its own trust anchor: NSS (pdfsig, Firefox, LibreOffice) only trusts a self-signed
               # certificate marked as an authority; path length 0 lets it issue nothing below it.
               .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=sign, content_commitment=sign, key_encipherment=enc,
                                            data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                            crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), critical=False))
    cert = builder.sign(key, hashes.SHA256())
    p12 = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, cert, None, serialization.BestAvailableEncryption(passphrase.encode("utf-8")))
    # Never replace a key or certificate, even one that appeared while the key was being made.
    try:
        write_bytes_atomically(out, p12, private=True, no_clobber=True)
    except FileExistsError as err:
        raise KeyError_(f"Tệp {out} đã có: không ghi đè một khóa. Không ghi gì.") from err
    try:
        write_bytes_atomically(crt, cert.public_bytes(serialization.Encoding.PEM), no_clobber=True)
    except BaseException as err:
        out.unlink(missing_ok=True)     # a key without its certificate is not left behind
        if isinstance(err, FileExistsError):
            raise KeyError_(f"Tệp {crt} đã có: không ghi đè một chứng thư. Không ghi gì.") from err
        raise
    return out, crt


# -- the committee's certificate ----------------------------------------------------------------
def load_certificate(path: str | os.PathLike) -> x509.Certificate:
    """A certificate from .cer/.crt/.pem/.der (PEM or DER, whatever the extension says)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise KeyError_(f"Không đọc được tệp chứng thư số {path}: {err.strerror or err}.") from err
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as err:
        raise KeyError_(f"Tệp {path} không phải chứng thư số (.cer/.crt/.pem/.der).") from err


def load_recipient_certificate(path: str | os.PathLike) -> x509.Certificate:
    """The committee's certificate for encryption: refused unless RSA with keyEncipherment."""
    cert = load_certificate(path)
    try:
        rsa_key = isinstance(cert.public_key(), rsa.RSAPublicKey)
    except Exception:  # noqa: BLE001 - an unsupported or malformed key in a certificate from elsewhere
        rsa_key = False
    if not rsa_key:
        raise KeyError_(f"Chứng thư số {path} không dùng khóa RSA: không mã hóa gói cho chứng thư này được.")
    problem = encryption_problem(cert)
    if problem:
        raise KeyError_(f"Chứng thư số {path}: {problem} — không dùng để nhận gói được (cần keyEncipherment).")
    now = datetime.now(timezone.utc)
    if cert.not_valid_after_utc < now:
        raise KeyError_(f"Chứng thư số {path} đã hết hạn ngày {cert.not_valid_after_utc:%d/%m/%Y}.")
    return cert


# -- key usage: a key for one use ---------------------------------------------------------------
class _Unreadable(Exception):
    pass


def _usage(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None
    except Exception as err:  # noqa: BLE001 - DuplicateExtension, ValueError: a forged certificate
        raise _Unreadable(str(err)) from err


def signing_problem(cert: x509.Certificate) -> str:
    """Why this certificate may not sign a package or the minutes (digitalSignature), or ""."""
    try:
        usage = _usage(cert)
    except _Unreadable:
        return "các phần mở rộng của chứng thư không đọc được (chứng thư hỏng hoặc bị sửa)"
    if usage is None:
        return "chứng thư không ghi mục đích sử dụng (keyUsage): không dùng để ký được"
    if not usage.digital_signature:
        return ("chứng thư không cho phép ký số (thiếu digitalSignature)"
                + (": đây là khóa để nhận gói (mã hóa)" if usage.key_encipherment else ""))
    return ""


def encryption_problem(cert: x509.Certificate) -> str:
    """Why this certificate may not receive (decrypt) a package (keyEncipherment), or ""."""
    try:
        usage = _usage(cert)
    except _Unreadable:
        return "các phần mở rộng của chứng thư không đọc được (chứng thư hỏng hoặc bị sửa)"
    if usage is None:
        return "chứng thư không ghi mục đích sử dụng (keyUsage): không dùng để nhận gói được"
    if not usage.key_encipherment:
        return ("chứng thư không cho phép mã hóa khóa (thiếu keyEncipherment)"
                + (": đây là khóa để ký" if usage.digital_signature else ""))
    return ""


def validity_problem(cert: x509.Certificate, when: datetime) -> str:
    """Why this certificate is not valid at ``when``, or ""."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    if when < cert.not_valid_before_utc:
        return f"chứng thư chỉ có hiệu lực từ {cert.not_valid_before_utc.astimezone():%d/%m/%Y %H:%M}"
    if when > cert.not_valid_after_utc:
        return f"chứng thư đã hết hạn ngày {cert.not_valid_after_utc.astimezone():%d/%m/%Y}"
    return ""


def require_signing_key(key: KeyHandle, now: datetime | None = None) -> None:
    """Refuse (exit 2) a key that may not sign now: its certificate lacks digitalSignature, or is
    not valid today."""
    problem = signing_problem(key.certificate) or validity_problem(key.certificate, now or datetime.now(timezone.utc))
    if problem:
        raise KeyError_(f"Không ký bằng khóa “{key.name}” ({key.source or 'thiết bị ký số'}) được: {problem}.")


def require_decryption_key(key: KeyHandle) -> None:
    """Refuse (exit 2) a key that may not open packages: its certificate lacks keyEncipherment."""
    problem = encryption_problem(key.certificate)
    if problem:
        raise KeyError_(f"Không mở gói bằng khóa “{key.name}” ({key.source or 'thiết bị ký số'}) được: {problem}.")
