"""PAdES B-B signatures on the minutes, one field per role (chủ trì, thư ký), signed in turn as
incremental updates.

pyHanko's text stamp garbles Vietnamese, so the signature block (role, name, time, fingerprint) is
drawn by reportlab. Before the first signature a last page "TRANG KÝ SỐ" is appended (pypdf) with a
frame for each role; nothing else changes after a signature: each signature field's own widget
carries its block as a static appearance (pyHanko's StaticStampStyle showing the reportlab page),
which is the one addition a later signature may make without touching what an earlier one covers.
"""
from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..i18n import UserError
from ..store.atomic import write_bytes_atomically
from .keys import KeyHandle, common_name, fingerprint, require_signing_key, signing_problem, validity_problem

ROLES = {"chu-tri": ("ChuTri", "CHỦ TRÌ"), "thu-ky": ("ThuKy", "THƯ KÝ")}
FIELD_ROLES = {field: label for field, label in ROLES.values()}
MARKER = "/KiemDiemTrangKySo"
# The two frames on the signing page (points, A4): the minute-taker left, the chair right, as on paper.
BOX_W, BOX_H = 225, 120
BOXES = {"ThuKy": (85, 520), "ChuTri": (327, 520)}


class SignError(UserError):
    pass


def _page_with(draw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from ..documents.base import register_fonts

    register_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def signing_page() -> bytes:
    """The last page, "TRANG KÝ SỐ", with an empty frame per role."""
    from ..documents.base import FONT, nfc

    def draw(c) -> None:
        c.setFont(FONT + "-Bold", 15)
        c.drawCentredString(297.6, 760, nfc("TRANG KÝ SỐ"))
        c.setFont(FONT, 12)
        for i, line in enumerate([
            "Trang này mang chữ ký số của những người ký biên bản (chủ trì, thư ký).",
            "Bản giấy ký tay là bản gốc; chữ ký số xác nhận tệp PDF không bị sửa sau khi ký.",
            "Kiểm tra chữ ký bằng chức năng kiểm tra chữ ký của chương trình Kiểm điểm Desktop",
            "hoặc bảng chữ ký của trình đọc PDF.",
        ]):
            c.drawString(85, 725 - 17 * i, nfc(line))
        for field, (x0, y0) in BOXES.items():
            c.setLineWidth(0.5)
            c.rect(x0, y0, BOX_W, BOX_H)
            c.setFont(FONT + "-Bold", 12)
            c.drawCentredString(x0 + BOX_W / 2, y0 + BOX_H + 6, nfc(FIELD_ROLES[field]))

    return _page_with(draw)


def block_appearance(role_label: str, name: str, when: datetime, fp: str) -> bytes:
    """The signature block (one page of BOX_W x BOX_H) drawn by reportlab."""
    from reportlab.pdfgen import canvas

    from ..documents.base import FONT, nfc, register_fonts

    register_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(BOX_W, BOX_H))
    c.setFont(FONT + "-Bold", 11)
    c.drawString(6, BOX_H - 16, nfc(f"Đã ký số: {role_label}"))
    c.setFont(FONT, 10.5)
    c.drawString(6, BOX_H - 32, nfc(f"Người ký: {name}"))
    c.drawString(6, BOX_H - 47, nfc(f"Thời điểm: {when:%d/%m/%Y %H:%M}"))
    c.drawString(6, BOX_H - 62, nfc("Khóa (SHA-256):"))
    c.setFont(FONT, 9)
    groups = fp.split()
    c.drawString(6, BOX_H - 76, " ".join(groups[:8]))
    c.drawString(6, BOX_H - 89, " ".join(groups[8:]))
    c.showPage()
    c.save()
    return buf.getvalue()


def _signatures(data: bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(data)).embedded_signatures


def _has_marker(data: bytes) -> bool:
    from pypdf import PdfReader

    meta = PdfReader(io.BytesIO(data)).metadata
    return bool(meta and meta.get(MARKER))


def prepare(data: bytes) -> bytes:
    """Append the signing page (before any signature exists)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.append(PdfReader(io.BytesIO(signing_page())))
    writer.add_metadata({MARKER: "1"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign_pdf(src: str | os.PathLike, role: str, key: KeyHandle, out: str | os.PathLike, *,
             when: datetime | None = None) -> Path:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.stamp import StaticStampStyle

    if role not in ROLES:
        raise SignError(f"Vai trò “{role}” không có: chọn chu-tri hoặc thu-ky.")
    require_signing_key(key)
    field, label = ROLES[role]
    src = Path(src)
    try:
        data = src.read_bytes()
    except OSError as err:
        raise SignError(f"Không đọc được {src}: {err.strerror or err}.") from err
    if not data.startswith(b"%PDF-"):
        raise SignError(f"Tệp {src} không phải PDF.")
    try:
        existing = _signatures(data)
    except Exception as err:  # noqa: BLE001
        raise SignError(f"Không đọc được PDF {src}: tệp bị hỏng, bị cắt hoặc không phải PDF "
                        f"(chi tiết kỹ thuật: {str(err)[:200]}). Không ghi gì.") from err
    if any(s.field_name == field for s in existing):
        raise SignError(f"Biên bản {src} đã có chữ ký của {label.lower()}.")
    if not existing:
        if not _has_marker(data):
            data = prepare(data)
    elif not _has_marker(data):
        raise SignError(f"Biên bản {src} đã có chữ ký số không do chương trình này thêm: không ký tiếp được.")
    reader = PdfFileReader(io.BytesIO(data))
    last = int(reader.root["/Pages"]["/Count"]) - 1
    when = when or datetime.now().astimezone()
    x0, y0 = BOXES[field]
    with tempfile.TemporaryDirectory(prefix="kiemdiem-ky-") as tmp:
        appearance = Path(tmp) / "khoi-chu-ky.pdf"
        appearance.write_bytes(block_appearance(label, key.name, when, key.fingerprint))
        style = StaticStampStyle.from_pdf_file(str(appearance), border_width=0)
        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        meta = signers.PdfSignatureMetadata(field_name=field, subfilter=SigSeedSubFilter.PADES,
                                            md_algorithm="sha256", name=key.name,
                                            reason=f"Ký biên bản với vai trò {label.lower()}")
        spec = fields.SigFieldSpec(field, on_page=last, box=(x0, y0, x0 + BOX_W, y0 + BOX_H))
        signer = signers.PdfSigner(meta, signer=key.signer, stamp_style=style, new_field_spec=spec)
        signed = signer.sign_pdf(writer, bytes_reserved=reserved_size(key.signer)).getvalue()
    return write_bytes_atomically(out, signed)


def reserved_size(signer) -> int:
    """Room for the signature in the PDF (hex digits, twice the CMS bytes), from what the CMS will
    hold: the certificates, the signature (the key's size) and twice the issuer's name (signer
    identifier and signing-certificate attribute), plus 2 KiB for the fixed parts — instead of
    pyHanko's dry-run signature made only to measure its length."""
    cert = signer.signing_cert
    certs = [cert, *(c for c in signer.cert_registry if c != cert)] if signer.cert_registry else [cert]
    key_bytes = (cert.public_key.bit_size + 7) // 8
    return 2 * (sum(len(c.dump()) for c in certs) + key_bytes + 2 * len(cert.issuer.dump()) + 2048)


@dataclass
class PdfSignatureReport:
    field: str
    role: str
    signer: str
    fingerprint: str
    signing_time: str
    intact: bool
    valid: bool
    covers_rest: bool            # nothing but allowed additions (later signatures) after it
    modification: str
    coverage: str
    certificate_problem: str = ""  # the certificate may not sign (no digitalSignature) or was not valid then
    warning: str = ""              # the certificate has expired since

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.covers_rest and not self.certificate_problem

    def as_json(self) -> dict:
        return {"field": self.field, "role": self.role, "signer": self.signer, "fingerprint": self.fingerprint,
                "signing_time": self.signing_time, "intact": self.intact, "valid": self.valid,
                "unmodified": self.covers_rest, "modification_level": self.modification,
                "coverage": self.coverage, "certificate_problem": self.certificate_problem, "warning": self.warning,
                "state": "intact" if self.ok else ("modified" if not (self.intact and self.valid and self.covers_rest)
                                                   else "certificate_refused")}


def _certificate_checks(cert, when: datetime | None, now: datetime) -> tuple[str, str]:
    """(why this signer's certificate may not have signed, or ""; a warning when it has expired since)."""
    from cryptography import x509

    c = x509.load_der_x509_certificate(cert.dump())
    problem = signing_problem(c)
    if problem:
        return problem, ""
    at = when or now
    problem = validity_problem(c, at)
    if problem:
        return f"không có hiệu lực lúc ký ({at.astimezone():%d/%m/%Y %H:%M}): {problem}", ""
    if now > c.not_valid_after_utc:
        return "", (f"CẢNH BÁO: chứng thư của “{common_name(c)}” đã hết hạn ngày "
                    f"{c.not_valid_after_utc.astimezone():%d/%m/%Y}; thời điểm ký do người ký tự ghi.")
    return "", ""


def verify_pdf(path: str | os.PathLike, *, now: datetime | None = None) -> list[PdfSignatureReport]:
    """Every signature of the PDF: signer, role field, time, intact and not modified after."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import ModificationLevel
    from pyhanko_certvalidator import ValidationContext

    data = Path(path).read_bytes()
    try:
        sigs = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    except Exception as err:  # noqa: BLE001
        raise SignError(f"Không đọc được PDF {path}: tệp bị hỏng, bị cắt hoặc không phải PDF "
                        f"(chi tiết kỹ thuật: {str(err)[:200]}).") from err
    out = []
    for s in sigs:
        cert = s.signer_cert
        vc = ValidationContext(trust_roots=[cert], allow_fetching=False)
        try:
            st = validate_pdf_signature(s, vc)
            intact, valid = st.intact, st.valid
            level = st.modification_level
            covers = bool(intact and valid and st.docmdp_ok is not False and level is not None
                          and level <= ModificationLevel.FORM_FILLING)
            modification = level.name if level is not None else "?"
            coverage = st.coverage.name if st.coverage is not None else "?"
            when = st.signer_reported_dt
        except Exception:  # noqa: BLE001 - a broken signature is reported, not raised
            intact = valid = covers = False
            modification = coverage = "?"
            when = None
        name = cert.subject.native.get("common_name", "")
        problem, warning = _certificate_checks(cert, when, now or datetime.now(timezone.utc))
        out.append(PdfSignatureReport(s.field_name, FIELD_ROLES.get(s.field_name, ""), name,
                                      fingerprint(cert), when.isoformat() if when else "",
                                      bool(intact), bool(valid), covers, modification, coverage, problem, warning))
    return out
