"""CA-issued certificates: the signer's certificate of a package checked against the roots the
committee imported (its register's ``ca_root`` table), offline.

A path is built from the signer's certificate through the certificates the SignedData carries
(a CA's intermediates) up to an imported root. On every link: the issuer's name is the subject's
issuer, the signature verifies (RSA PKCS#1 v1.5 or PSS, ECDSA — through ``cryptography``), the
issuer is a CA (basicConstraints CA, a path length not exceeded, keyCertSign when keyUsage is
given), and every certificate of the path is valid at the package's signing time (now when the
package states none). The signer's certificate must allow digitalSignature or nonRepudiation.

Revocation cannot be checked without a network (no CRL or OCSP fetch): an accepted chain always
says so, "thu hồi chưa kiểm tra (không có mạng)".

A self-signed certificate (a key the program made for a cell) is not a CA matter: it is trusted
by its pinned fingerprint only (see register.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from .keys import common_name, fingerprint

SELF_SIGNED = "self_signed"
CA_VALID = "ca_valid"
CA_REFUSED = "ca_refused"

REVOCATION_UNCHECKED = "thu hồi chưa kiểm tra (không có mạng)"
NOT_FROM_IMPORTED_CA = "chứng thư không thuộc tổ chức chứng thực đã nhập"
MAX_DEPTH = 8


@dataclass
class ChainResult:
    status: str
    message: str
    ca_name: str = ""
    root_name: str = ""
    root_fingerprint: str = ""

    @property
    def refused(self) -> bool:
        return self.status == CA_REFUSED


def _signed_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)       # names, then the signature (RSA v1.5/PSS, ECDSA)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


@lru_cache(maxsize=256)
def is_self_signed(cert: x509.Certificate) -> bool:
    """(Remembered per certificate — equal certificates have the same DER — so a folder of packages
    from a few signers checks each signer's own signature once.)"""
    return cert.issuer == cert.subject and _signed_by(cert, cert)


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _valid_at(cert: x509.Certificate, when: datetime) -> bool:
    return cert.not_valid_before_utc <= when <= cert.not_valid_after_utc


def _issuer_problem(issuer: x509.Certificate, below: int) -> str:
    """Why ``issuer`` may not issue a certificate with ``below`` CA certificates under it, or ""."""
    try:
        bc = issuer.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return f"“{common_name(issuer)}” không phải chứng thư của tổ chức chứng thực (thiếu basicConstraints)"
    if not bc.ca:
        return f"“{common_name(issuer)}” không phải chứng thư của tổ chức chứng thực (basicConstraints CA=FALSE)"
    if bc.path_length is not None and below > bc.path_length:
        return f"“{common_name(issuer)}” không được cấp qua nhiều tầng như vậy (pathLenConstraint)"
    try:
        ku = issuer.extensions.get_extension_for_class(x509.KeyUsage).value
        if not ku.key_cert_sign:
            return f"“{common_name(issuer)}” không được phép ký chứng thư (thiếu keyCertSign)"
    except x509.ExtensionNotFound:
        pass
    return ""


def _signer_usage_ok(cert: x509.Certificate) -> bool:
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False                       # a CA-issued signing certificate states its usage
    return ku.digital_signature or ku.content_commitment


def check_chain(signer: x509.Certificate, carried: list[x509.Certificate], roots: list[x509.Certificate],
                when: datetime | None = None) -> ChainResult:
    """The chain status of a package's signer certificate (refused, never an exception, for a
    certificate whose names or extensions cannot be read)."""
    try:
        return _check_chain(signer, carried, roots, when)
    except Exception as err:  # noqa: BLE001 - DuplicateExtension, ValueError from a forged certificate
        return ChainResult(CA_REFUSED, f"chứng thư không đọc được ({str(err)[:80]}): {NOT_FROM_IMPORTED_CA}")


def _check_chain(signer: x509.Certificate, carried: list[x509.Certificate], roots: list[x509.Certificate],
                 when: datetime | None = None) -> ChainResult:
    if is_self_signed(signer):
        return ChainResult(SELF_SIGNED, "chứng thư tự ký (khóa do chương trình tạo): tin cậy theo dấu vân tay")
    when = when or datetime.now(timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    ca_name = next((str(a.value) for a in signer.issuer.get_attributes_for_oid(x509.NameOID.COMMON_NAME)),
                   signer.issuer.rfc4514_string())

    def refuse(why: str) -> ChainResult:
        return ChainResult(CA_REFUSED, f"chứng thư do {ca_name} cấp: {NOT_FROM_IMPORTED_CA} — {why}", ca_name)

    if not _signer_usage_ok(signer):
        return refuse("chứng thư của người ký không cho phép ký số (keyUsage digitalSignature/nonRepudiation)")
    path = [signer]
    pool = [c for c in carried if c != signer]
    current = signer
    for depth in range(MAX_DEPTH):
        root = next((r for r in roots if r.subject == current.issuer and _signed_by(current, r)), None)
        if root is not None:
            problem = _issuer_problem(root, depth)
            if problem:
                return refuse(problem)
            for c in (*path, root):
                if not _valid_at(c, when):
                    return refuse(f"chứng thư “{common_name(c)}” không còn hiệu lực lúc ký ({when:%d/%m/%Y %H:%M}; "
                                  f"hiệu lực {c.not_valid_before_utc:%d/%m/%Y} – {c.not_valid_after_utc:%d/%m/%Y})")
            return ChainResult(CA_VALID, f"chứng thư do {ca_name} cấp — hợp lệ theo gốc {common_name(root)}; "
                                         f"{REVOCATION_UNCHECKED}", ca_name, common_name(root), fingerprint(root))
        issuer = next((c for c in pool if c.subject == current.issuer and _signed_by(current, c)), None)
        if issuer is None or is_self_signed(issuer):
            # a self-signed root carried in the package is not trusted on the package's word
            return refuse("không tìm thấy chuỗi chứng thư đến một chứng thư gốc đã nhập"
                          + (f" (gốc trong gói: “{common_name(issuer)}” chưa được nhập)" if issuer is not None else ""))
        problem = _issuer_problem(issuer, depth)
        if problem:
            return refuse(problem)
        pool.remove(issuer)
        path.append(issuer)
        current = issuer
    return refuse("chuỗi chứng thư quá dài")


__all__ = ["ChainResult", "check_chain", "is_ca", "is_self_signed", "SELF_SIGNED", "CA_VALID", "CA_REFUSED",
           "REVOCATION_UNCHECKED", "NOT_FROM_IMPORTED_CA"]
