"""Open a package: decrypt the EnvelopedData, verify the SignedData and every hash of the manifest,
all in memory; only then unpack it (into a temporary folder next to the target, renamed at the end).

Refusals fall in exactly two classes:

* "Gói không gửi cho khóa này": the envelope is well-formed, but no recipient in it can be
  decrypted with this key (a package for another committee, or the wrong key given).
* "Tệp hỏng hoặc đã bị sửa": anything else — not a CMS envelope, a malformed or unexpected field,
  the content key or the content does not decrypt, the signature or a hash does not match.

A recipient whose identifier (issuer and serial number) was damaged but whose encrypted key still
decrypts with this key is damage, not "another committee": when no identifier matches, every
recipient is tried (a trial decryption) before saying the package is not for this key. AES-CBC has
no MAC and OpenSSL 3.2+ answers a damaged RSA PKCS#1 v1.5 block with a pseudo-random key (implicit
rejection): damage below the envelope shows as a content that does not parse or a signature that
does not verify, which is why everything after the recipient is one class.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from asn1crypto import cms, core
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

from ..i18n import UserError
from ..store.atomic import fsync_dir
from . import package as pkg
from .identity import visible
from .keys import (
    KeyHandle, common_name, fingerprint, require_decryption_key, signing_problem, validity_problem,
)

NOT_FOR_KEY = "Gói không gửi cho khóa này"
DAMAGED = "Tệp hỏng hoặc đã bị sửa"

OID_DATA = "1.2.840.113549.1.7.1"
OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_ENVELOPED_DATA = "1.2.840.113549.1.7.3"
OID_RSA = "1.2.840.113549.1.1.1"
OID_AES256_CBC = "2.16.840.1.101.3.4.1.42"
OID_SHA256 = "2.16.840.1.101.3.4.2.1"

# Limits, checked on what the ZIP declares before anything is inflated (and zipfile never
# inflates an entry past its declared size). A real package is a few megabytes; scans the most.
MAX_PACKAGE = 300 << 20         # the .p7m file itself
MAX_UNPACKED = 256 << 20        # every file of the package together
MAX_FILE = 200 << 20            # one file
MAX_RATIO = 100                 # inflated / compressed, for a file over RATIO_FROM
RATIO_FROM = 1 << 20
MAX_RECIPIENTS = 50
MAX_CERTIFICATES = 20           # the signer's and a CA's intermediates
SIGNING_TIME_SLACK = timedelta(hours=12)   # clocks of a cell's laptop and the committee's may differ
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$")


class PackageRefused(UserError):
    """A package refused in one of the two classes (``kind`` is "not_for_key" or "damaged")."""

    def __init__(self, kind: str, detail: str = "", file: str = ""):
        self.kind = kind
        self.detail = detail
        head = NOT_FOR_KEY if kind == "not_for_key" else DAMAGED
        where = f" ({file})" if file else ""
        super().__init__(f"{head}{where}." + (f" Chi tiết: {detail}." if detail else "") + " Không ghi gì.")


class _Damaged(Exception):
    pass


def _need(cond: bool, what: str) -> None:
    if not cond:
        raise _Damaged(what)


@dataclass
class OpenedPackage:
    manifest: dict
    files: dict[str, bytes]
    signer_certificate: x509.Certificate
    signer_fingerprint: str
    signing_time: datetime | None
    package_sha256: str
    size: int
    file_name: str = ""
    notes: list[str] = field(default_factory=list)
    # the other certificates the SignedData carries (a CA's intermediates), for the chain check
    other_certificates: list[x509.Certificate] = field(default_factory=list)
    # the signer's certificate expired before the package arrived: opened only once confirmed
    expired_warning: str = ""
    # each meeting document as checked while reading (name -> meeting_json.Parsed): read once
    documents: dict = field(default_factory=dict, repr=False)

    @property
    def cell(self) -> dict:
        return self.manifest["cell"]

    @property
    def meeting(self) -> dict:
        return self.manifest["meeting"]


# -- the envelope -------------------------------------------------------------------------
def check_der(data: bytes) -> None:
    """Strict DER framing, cheaply: every length definite and minimal, every constructed value
    exactly filled by its children, nothing after the outer value. (asn1crypto alone accepts
    some BER; a full re-encoding to compare costs far more than this walk.)"""
    stack = [(0, len(data))]
    first = True
    while stack:
        pos, end = stack.pop()
        while pos < end:
            _need(end - pos >= 2, "cấu trúc DER bị cắt")
            tag = data[pos]
            pos += 1
            if tag & 0x1F == 0x1F:                      # high tag number: not used by CMS here
                raise _Damaged("thẻ DER không mong đợi")
            n = data[pos]
            pos += 1
            if n & 0x80:
                count = n & 0x7F
                _need(1 <= count <= 4 and end - pos >= count, "độ dài DER không đúng")
                length = int.from_bytes(data[pos:pos + count], "big")
                _need(data[pos] != 0 and length >= 128, "độ dài DER không tối giản")
                pos += count
            else:
                length = n
            _need(length <= end - pos, "độ dài DER vượt quá dữ liệu")
            if tag & 0x20 and length:
                stack.append((pos, pos + length))
            pos += length
            if first:
                _need(pos == len(data), "có dữ liệu thừa sau cấu trúc CMS")
                first = False


def _load_der(data: bytes, what: str) -> cms.ContentInfo:
    try:
        check_der(data)
        ci = cms.ContentInfo.load(data, strict=True)
    except _Damaged as err:
        raise _Damaged(f"{what}: {err}") from err
    except Exception as err:  # noqa: BLE001 - asn1crypto raises many kinds
        raise _Damaged(f"{what}: không đọc được cấu trúc ({type(err).__name__})") from err
    return ci


def _check_envelope(ci: cms.ContentInfo) -> cms.EnvelopedData:
    _need(ci["content_type"].dotted == OID_ENVELOPED_DATA, "không phải CMS EnvelopedData")
    ed = ci["content"]
    _need(ed["version"].native == "v0", "phiên bản EnvelopedData không đúng")
    _need(isinstance(ed["originator_info"], core.Void) or ed["originator_info"].native is None,
          "có originatorInfo không mong đợi")
    _need(ed["unprotected_attrs"].native is None, "có thuộc tính không bảo vệ không mong đợi")
    ris = ed["recipient_infos"]
    _need(len(ris) >= 1, "không có người nhận")
    # each recipient may cost a trial RSA decryption: a package is for a committee or a few
    _need(len(ris) <= MAX_RECIPIENTS, f"quá nhiều người nhận ({len(ris)}; tối đa {MAX_RECIPIENTS})")
    for ri in ris:
        ri.native  # noqa: B018 - parse every field of the recipient now (asn1crypto is lazy)
        _need(ri.name == "ktri", "kiểu người nhận không đúng")
        k = ri.chosen
        _need(k["version"].native == "v0", "phiên bản người nhận không đúng")
        _need(k["rid"].name == "issuer_and_serial_number", "định danh người nhận không đúng")
        alg = k["key_encryption_algorithm"]
        _need(alg["algorithm"].dotted == OID_RSA and alg["parameters"].native is None,
              "thuật toán mã hóa khóa không đúng")
        _need(len(k["encrypted_key"].native) >= 128, "khóa mã hóa quá ngắn")
    eci = ed["encrypted_content_info"]
    eci["content_type"].native, eci["content_encryption_algorithm"].native  # noqa: B018
    _need(eci["content_type"].dotted == OID_DATA, "kiểu nội dung mã hóa không đúng")
    alg = eci["content_encryption_algorithm"]
    _need(alg["algorithm"].dotted == OID_AES256_CBC, "thuật toán mã hóa nội dung không phải AES-256-CBC")
    iv = alg["parameters"]
    _need(isinstance(iv, core.OctetString) and len(iv.native) == 16, "IV không đúng")
    content = eci["encrypted_content"].native
    _need(content is not None and len(content) >= 16 and len(content) % 16 == 0, "nội dung mã hóa không đúng độ dài")
    return ed


def _matches(ri, cert: x509.Certificate) -> bool:
    """The recipient's issuer and serial number are this certificate's."""
    ias = ri.chosen["rid"].chosen
    mine = ax509.Certificate.load(cert.public_bytes(Encoding.DER))
    return ias["issuer"].dump() == mine.issuer.dump() and ias["serial_number"].native == mine.serial_number


def _decrypt_content(ed: cms.EnvelopedData, content_key: bytes) -> bytes:
    _need(len(content_key) == 32, "khóa nội dung không đúng độ dài")
    eci = ed["encrypted_content_info"]
    iv = eci["content_encryption_algorithm"]["parameters"].native
    dec = Cipher(algorithms.AES(content_key), modes.CBC(iv)).decryptor()
    padded = dec.update(eci["encrypted_content"].native) + dec.finalize()
    unpad = sym_padding.PKCS7(128).unpadder()
    try:
        return unpad.update(padded) + unpad.finalize()
    except ValueError as err:
        raise _Damaged("phần đệm sau giải mã không đúng") from err


def decrypt_envelope(data: bytes, key: KeyHandle) -> bytes:
    """The SignedData DER inside the envelope, or PackageRefused in the right class."""
    try:
        ci = _load_der(data, "phong bì")
        ed = _check_envelope(ci)
    except _Damaged as err:
        raise PackageRefused("damaged", str(err)) from err
    except Exception as err:  # noqa: BLE001 - a field asn1crypto could not parse
        raise PackageRefused("damaged", f"phong bì: không đọc được cấu trúc ({type(err).__name__})") from err
    ris = list(ed["recipient_infos"])
    mine = [ri for ri in ris if _matches(ri, key.certificate)]
    if mine:
        try:
            if key.private_key is not None:
                try:
                    return pkcs7.pkcs7_decrypt_der(data, key.certificate, key.private_key, [])
                except ValueError as err:
                    raise _Damaged("không giải mã được nội dung") from err
            content_key = key.decrypt_key_transport(mine[0].chosen["encrypted_key"].native)
            return _decrypt_content(ed, content_key)
        except _Damaged as err:
            raise PackageRefused("damaged", str(err)) from err
        except Exception as err:  # noqa: BLE001 - the token's or OpenSSL's error on a damaged key
            raise PackageRefused("damaged", f"không giải mã được khóa nội dung ({type(err).__name__})") from err
    # No identifier names this key: a package for someone else — unless a recipient whose
    # identifier was damaged still decrypts with this key into a signed package.
    for ri in ris:
        try:
            content_key = key.decrypt_key_transport(ri.chosen["encrypted_key"].native)
            inner = _decrypt_content(ed, content_key)
            sci = cms.ContentInfo.load(inner, strict=True)
            if sci["content_type"].dotted == OID_SIGNED_DATA:
                raise PackageRefused("damaged", "định danh người nhận đã bị sửa")
        except PackageRefused:
            raise
        except Exception:  # noqa: BLE001 - not ours: try the next one
            continue
    raise PackageRefused("not_for_key", "không người nhận nào trong gói khớp với khóa đã chọn "
                                        f"({fingerprint(key.certificate)})")


# -- the signature ----------------------------------------------------------------------------
def verify_signed(data: bytes) -> tuple[bytes, x509.Certificate, datetime | None]:
    """Check the SignedData strictly and its signature; return the encapsulated content, the
    signer's certificate and the signing time it states."""
    from asn1crypto import x509 as ax
    from pyhanko.sign.validation.generic_cms import validate_sig_integrity

    ci = _load_der(data, "chữ ký")
    _need(ci["content_type"].dotted == OID_SIGNED_DATA, "không phải CMS SignedData")
    sd = ci["content"]
    _need(sd["version"].native == "v1", "phiên bản SignedData không đúng")
    _need([a["algorithm"].dotted for a in sd["digest_algorithms"]] == [OID_SHA256], "thuật toán băm không đúng")
    eci = sd["encap_content_info"]
    _need(eci["content_type"].dotted == OID_DATA, "kiểu nội dung ký không đúng")
    content = eci["content"].native
    _need(isinstance(content, bytes) and len(content) > 0, "chữ ký không chứa nội dung (ký tách rời)")
    _need(sd["crls"].native is None, "có danh sách thu hồi không mong đợi")
    sis = sd["signer_infos"]
    _need(len(sis) == 1, "số chữ ký không đúng")
    si = sis[0]
    _need(si["version"].native == "v1" and si["sid"].name == "issuer_and_serial_number", "định danh người ký không đúng")
    _need(si["digest_algorithm"]["algorithm"].dotted == OID_SHA256, "thuật toán băm của chữ ký không đúng")
    _need(si["unsigned_attrs"].native is None, "có thuộc tính không ký không mong đợi")
    sid = si["sid"].chosen
    certs = [c.chosen for c in sd["certificates"] if c.name == "certificate"] if sd["certificates"].native else []
    _need(len(certs) <= MAX_CERTIFICATES, f"quá nhiều chứng thư trong chữ ký ({len(certs)}; tối đa {MAX_CERTIFICATES})")
    signer = [c for c in certs if c.issuer == sid["issuer"] and c.serial_number == sid["serial_number"].native]
    _need(len(signer) == 1, "không có chứng thư của người ký")
    cert: ax.Certificate = signer[0]
    digest = hashlib.sha256(content).digest()
    try:
        intact, valid = validate_sig_integrity(si, cert, expected_content_type="data", actual_digest=digest)
    except Exception as err:  # noqa: BLE001
        raise _Damaged(f"không kiểm tra được chữ ký ({type(err).__name__})") from err
    _need(intact, "nội dung không khớp với chữ ký")
    _need(valid, "chữ ký không hợp lệ")
    signing_time = None
    for attr in si["signed_attrs"]:
        if attr["type"].native == "signing_time":
            signing_time = attr["values"][0].native
    return content, x509.load_der_x509_certificate(cert.dump()), signing_time


def carried_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate the SignedData carries (the signer's and any intermediates)."""
    sd = cms.ContentInfo.load(data)["content"]
    if not sd["certificates"].native:
        return []
    return [x509.load_der_x509_certificate(c.chosen.dump()) for c in sd["certificates"] if c.name == "certificate"]


# -- the ZIP and its manifest ----------------------------------------------------------------
def _entry_problem(info: zipfile.ZipInfo) -> str:
    """Why a ZIP entry is not a plain file we unpack, or ""."""
    mode = info.external_attr >> 16
    if info.is_dir() or (mode and stat.S_IFMT(mode) and not stat.S_ISREG(mode)):
        kind = "liên kết tượng trưng" if stat.S_ISLNK(mode) else "thư mục hoặc tệp đặc biệt"
        return f"mục {info.filename!r} là {kind}, không phải tệp"[:200]
    if info.flag_bits & 0x1:
        return f"mục {info.filename!r} được mã hóa riêng"[:200]
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"mục {info.filename!r} dùng kiểu nén không hỗ trợ"[:200]
    if info.file_size > MAX_FILE:
        return f"tệp {info.filename!r} quá lớn ({info.file_size} byte; tối đa {MAX_FILE})"[:200]
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return (f"tệp {info.filename!r} nén quá mức ({info.compress_size} byte thành {info.file_size}; "
                f"tối đa {MAX_RATIO} lần)")[:200]
    return ""


def _read_entry(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes, never more than it declares (zipfile stops there; the CRC then fails)."""
    try:
        with z.open(info) as f:
            body = f.read(info.file_size + 1)
    except Exception as err:  # noqa: BLE001 - CRC error, bad deflate stream, truncated data
        raise _Damaged(f"không đọc được {info.filename!r}"[:200]) from err
    _need(len(body) == info.file_size, f"kích thước {info.filename!r} không khớp"[:200])
    return body


def read_zip(data: bytes, documents: dict | None = None) -> tuple[dict, dict[str, bytes]]:
    """The manifest and the files, every limit and the whole manifest checked before any file is
    inflated; a meeting document must pass every check of ``meeting import`` (``documents``, when
    given, receives each one as checked: name -> meeting_json.Parsed)."""
    from ..io import package_manifest as pm
    from ..io import safe_json

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as err:
        raise _Damaged("tệp ZIP bên trong không đọc được") from err
    _need(len(infos) <= pm.MAX_FILES + 1, f"ZIP có quá nhiều mục ({len(infos)}; tối đa {pm.MAX_FILES + 1})")
    names = [i.filename for i in infos]
    _need(len(names) == len(set(names)), "ZIP có tên tệp trùng")
    _need(pkg.MANIFEST in names, "không có manifest.json")
    for info in infos:
        problem = _entry_problem(info)
        _need(not problem, problem)
    _need(sum(i.file_size for i in infos) <= MAX_UNPACKED,
          f"nội dung quá lớn ({sum(i.file_size for i in infos)} byte; tối đa {MAX_UNPACKED})")
    m_info = z.getinfo(pkg.MANIFEST)
    _need(m_info.file_size <= pm.MAX_MANIFEST,
          f"manifest.json quá lớn ({m_info.file_size} byte; tối đa {pm.MAX_MANIFEST})")
    try:
        manifest = safe_json.loads(_read_entry(z, m_info), max_depth=16)
    except safe_json.JsonLimitError as err:
        raise _Damaged("manifest.json: " + "; ".join(map(str, err.problems[:3]))) from err
    except ValueError as err:
        raise _Damaged("manifest.json không phải JSON hợp lệ") from err
    if isinstance(manifest, dict) and manifest.get("format") == pkg.FORMAT and manifest.get("version") != pkg.VERSION:
        raise _Damaged(f"phiên bản gói {str(manifest.get('version'))[:20]} không được hỗ trợ")
    problems = pm.manifest_problems(manifest)
    _need(not problems, "manifest.json: " + "; ".join(problems[:5]))
    listed = manifest["files"]
    _need(sorted(f["name"] for f in listed) == sorted(n for n in names if n != pkg.MANIFEST),
          "danh sách tệp trong manifest.json khác nội dung gói")
    files: dict[str, bytes] = {}
    for f in listed:
        name = f["name"]
        info = z.getinfo(name)
        _need(info.file_size == f["size"], f"kích thước {name} không khớp")
        body = _read_entry(z, info)
        _need(hashlib.sha256(body).hexdigest() == f["sha256"], f"SHA-256 của {name} không khớp")
        files[name] = body
    for name, body in files.items():
        if name == pkg.MEETING_JSON or (name.startswith("meeting-") and name.endswith(".json")):
            problems = pm.meeting_document_problems(manifest, name, body, documents)
            _need(not problems, "; ".join(problems[:5]))
    return manifest, files


class SignerRefused(UserError):
    """A package whose signature is intact but whose signer's certificate may not sign it: no
    digitalSignature, not valid at the signing time, or a signing time after the package arrived."""


def signer_problems(cert: x509.Certificate, signing_time: datetime | None, now: datetime) -> tuple[str, str]:
    """(why the package is refused, or ""; the loud warning for a certificate expired since, or "").
    The signing time is the signer's own claim: a certificate that has expired by the time the
    package arrives is always said, even when the claimed time falls within its validity."""
    name = visible(common_name(cert))
    problem = signing_problem(cert)
    if problem:
        return f"chứng thư của người ký “{name}”: {problem}", ""
    when = signing_time or now
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    if when > now + SIGNING_TIME_SLACK:
        return (f"thời điểm ký ghi trong gói ({when.astimezone():%d/%m/%Y %H:%M}) ở sau lúc nhận gói "
                f"({now.astimezone():%d/%m/%Y %H:%M})"), ""
    problem = validity_problem(cert, when)
    if problem:
        return f"chứng thư của người ký “{name}” không có hiệu lực lúc ký ({when.astimezone():%d/%m/%Y %H:%M}): {problem}", ""
    if now > cert.not_valid_after_utc:
        return "", (f"CẢNH BÁO: chứng thư của người ký “{name}” đã hết hạn ngày "
                    f"{cert.not_valid_after_utc.astimezone():%d/%m/%Y}, trước lúc nhận gói. Thời điểm ký "
                    f"({when.astimezone():%d/%m/%Y %H:%M}) do chính người ký ghi, có thể đã bị lùi lại: "
                    f"hãy gọi điện cho chi bộ để xác nhận trước khi mở gói.")
    return "", ""


def read_package(data: bytes, key: KeyHandle, *, file_name: str = "", now: datetime | None = None) -> OpenedPackage:
    """Everything checked in memory; PackageRefused in one of the two classes otherwise (or
    SignerRefused, KeyError_ for a key that may not open packages)."""
    require_decryption_key(key)
    signed = decrypt_envelope(data, key)
    try:
        content, cert, when = verify_signed(signed)
        others = [c for c in carried_certificates(signed) if c != cert]
        documents: dict = {}
        manifest, files = read_zip(content, documents)
        fp = fingerprint(cert)
        _need(manifest.get("signer_fingerprint") in (None, fp), "khóa ký khác với khóa ghi trong manifest.json")
    except _Damaged as err:
        raise PackageRefused("damaged", str(err), file_name) from err
    except Exception as err:  # noqa: BLE001 - a field asn1crypto could not parse
        raise PackageRefused("damaged", f"không đọc được cấu trúc ({type(err).__name__})", file_name) from err
    refused, warning = signer_problems(cert, when, now or datetime.now(timezone.utc))
    if refused:
        raise SignerRefused(f"Không chấp nhận gói{f' {file_name}' if file_name else ''}: {refused}. Không ghi gì.")
    return OpenedPackage(manifest, files, cert, fp, when, hashlib.sha256(data).hexdigest(), len(data), file_name,
                         other_certificates=others, expired_warning=warning, documents=documents)


def read_package_file(path: str | os.PathLike, key: KeyHandle, *, now: datetime | None = None) -> OpenedPackage:
    path = Path(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise UserError(f"{path} không phải một tệp gói (là thư mục hoặc tệp đặc biệt). Không ghi gì.")
        if st.st_size > MAX_PACKAGE:
            raise PackageRefused("damaged", f"tệp quá lớn ({st.st_size} byte; tối đa {MAX_PACKAGE})", path.name)
        data = path.read_bytes()
    except OSError as err:
        raise UserError(f"Không đọc được tệp gói {path}: {err.strerror or err}.") from err
    try:
        return read_package(data, key, file_name=path.name, now=now)
    except PackageRefused as err:
        if not err.args[0].count(f"({path.name})"):
            raise PackageRefused(err.kind, err.detail, path.name) from err
        raise


# -- unpacking --------------------------------------------------------------------------------------
def check_target_folder(out: str | os.PathLike) -> Path:
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UserError(f"Thư mục {out} đã có và không trống: hãy chọn một thư mục mới. Không ghi gì.")
    return out


def unpack(opened: OpenedPackage, out: str | os.PathLike) -> Path:
    """Write the files into a temporary folder beside ``out``, then rename it to ``out``."""
    from ..store.atomic import os_error_message

    out = check_target_folder(out)
    parent = out.absolute().parent
    tmp = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
        for name, body in [(pkg.MANIFEST, json.dumps(opened.manifest, ensure_ascii=False, indent=2).encode("utf-8")),
                           *opened.files.items()]:
            with open(tmp / name, "wb") as f:
                f.write(body)
                f.flush()
                os.fsync(f.fileno())
        if out.exists():
            out.rmdir()
        os.replace(tmp, out)
        tmp = None
        fsync_dir(parent)
    except OSError as err:
        raise os_error_message(out, err) from err
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return out
