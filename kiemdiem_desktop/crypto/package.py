"""The package for the higher committee: a ZIP (manifest.json, meeting.json, the minutes, the scan,
the counting records, the summary), signed as CMS SignedData with the ZIP encapsulated (the
cell's key through pyHanko, so a token signs too), then wrapped in CMS EnvelopedData (AES-256-CBC,
RSA key transport) for the committee's certificate(s). ``openssl cms`` alone opens it:

    openssl cms -decrypt -inform DER -binary -in GOI.p7m -inkey KHOA.pem -recip CAPUY.crt -out goi.der
    openssl cms -verify -inform DER -binary -noverify -in goi.der -out goi.zip
"""
from __future__ import annotations

import asyncio
import hashlib
import io
import json
import os
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from .. import __version__
from ..i18n import UserError
from ..store.atomic import write_bytes_atomically
from .identity import normalise_code
from .keys import KeyHandle, fingerprint, require_signing_key

FORMAT = "kiemdiem-package"
VERSION = 1
MANIFEST = "manifest.json"
MEETING_JSON = "meeting.json"
MINUTES = "bien-ban.pdf"
SCAN_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}
# A fixed time for the ZIP entries: the same files make the same ZIP (the real time is in the manifest).
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


class PackageError(UserError):
    """The package cannot be made (exit 2: refused input)."""


@dataclass
class PackageResult:
    path: Path
    slip: Path | None
    size: int
    sha256: str
    manifest: dict
    recipients: list[str] = field(default_factory=list)   # the committee certificates' fingerprints


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def default_file_name(cell_name: str, cell_code: str, year: int, revision: int) -> str:
    """"goi-chi-bo-van-phong-2025-lan-1.p7m": cell, year and revision, no diacritics."""
    from ..documents.common import slug

    who = slug(cell_code) if cell_code else slug(cell_name)
    return f"goi-{who}-{year}-lan-{revision}.p7m"


def build_zip(files: dict[str, bytes], manifest: dict) -> bytes:
    """The ZIP: the manifest first, then the files in the order given; stored names only."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        def put(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)

        put(MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        for name, data in files.items():
            put(name, data)
    return buf.getvalue()


def make_manifest(files: dict[str, bytes], *, cell: dict, meeting: dict, signer: str,
                  created_at: str | None = None) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"Kiểm điểm Desktop {__version__}",
        "created_at": created_at or datetime.now().astimezone().isoformat(timespec="seconds"),
        "cell": cell,
        "meeting": meeting,
        "signer_fingerprint": signer,
        "files": [{"name": n, "size": len(d), "sha256": sha256_hex(d)} for n, d in files.items()],
    }


def sign_cms(data: bytes, key: KeyHandle) -> bytes:
    """CMS SignedData (DER) with ``data`` encapsulated, signed through pyHanko (a file or a token)."""
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    require_signing_key(key)
    attrs = PdfCMSSignedAttributes(signing_time=datetime.now().astimezone())
    ci = asyncio.run(key.signer.async_sign_general_data(data, "sha256", detached=False,
                                                        signed_attr_settings=attrs))
    return ci.dump()


def envelope(data: bytes, recipients: Iterable[x509.Certificate]) -> bytes:
    """CMS EnvelopedData (DER), AES-256-CBC, RSA key transport to every recipient."""
    builder = pkcs7.PKCS7EnvelopeBuilder().set_data(data).set_content_encryption_algorithm(algorithms.AES256)
    for cert in recipients:
        builder = builder.add_recipient(cert)
    return builder.encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


def seal(files: dict[str, bytes], manifest: dict, key: KeyHandle, recipients: list[x509.Certificate]) -> bytes:
    return envelope(sign_cms(build_zip(files, manifest), key), recipients)


def _scan_files(scans: Iterable[str | os.PathLike]) -> dict[str, bytes]:
    scans = [Path(s) for s in scans]
    out: dict[str, bytes] = {}
    for i, s in enumerate(scans, 1):
        suffix = s.suffix.lower()
        if suffix not in SCAN_SUFFIXES:
            raise PackageError(f"Bản quét {s} phải là PDF hoặc ảnh (JPG, PNG, TIFF).")
        try:
            data = s.read_bytes()
        except OSError as err:
            raise PackageError(f"Không đọc được bản quét {s}: {err.strerror or err}.") from err
        name = f"ban-quet-bien-ban{suffix}" if len(scans) == 1 else f"ban-quet-bien-ban-{i}{suffix}"
        out[name] = data
    return out


def meeting_documents(cf, meeting_id: str, *, signed_minutes: str | os.PathLike | None = None,
                      scans: Iterable[str | os.PathLike] = ()) -> tuple[dict[str, bytes], dict, dict]:
    """The files of the package (name -> bytes), the cell and the meeting parts of the manifest.
    Refused unless the meeting is adopted (locked)."""
    from ..documents.counting_record import build_counting_records
    from ..documents.minutes import build_minutes
    from ..documents.summary import build_summary_pdf, build_summary_xlsx
    from ..documents.year_summary import build_year_summary, year_has_supplementary
    from ..io.meeting_json import dumps, export_meeting
    from ..model.meeting import MeetingState
    from ..session import MeetingSession
    from ..voting import VotingDesk

    desk = VotingDesk(MeetingSession(cf, meeting_id))
    m = desk.s.meeting
    if m.state != MeetingState.LOCKED:
        raise PackageError("Cuộc họp chưa được thông qua biên bản (chưa khóa): chưa lập gói gửi cấp ủy cấp trên được.")
    cell = desk.s.cell
    if not normalise_code(cell.code):
        raise PackageError("Chi bộ chưa có mã chi bộ: hãy ghi mã (do cấp ủy cấp trên cấp) trong thông tin chi bộ "
                           "trước khi lập gói — cấp ủy cấp trên nhận biết chi bộ gửi theo mã này.")
    files: dict[str, bytes] = {}
    files[MEETING_JSON] = dumps(export_meeting(cf, m.id)).encode("utf-8")
    # The other meetings of the same rating year (a supplementary session), each in the same format.
    for other in cf.meetings():
        if other.id != m.id and other.rating_year == m.rating_year:
            files[f"meeting-{other.id}.json"] = dumps(export_meeting(cf, other.id)).encode("utf-8")
    if signed_minutes:
        try:
            minutes = Path(signed_minutes).read_bytes()
        except OSError as err:
            raise PackageError(f"Không đọc được biên bản đã ký {signed_minutes}: {err.strerror or err}.") from err
        if not minutes.startswith(b"%PDF-"):
            raise PackageError(f"Tệp {signed_minutes} không phải PDF.")
        files[MINUTES] = minutes
    with tempfile.TemporaryDirectory(prefix="kiemdiem-goi-") as tmp:
        folder = Path(tmp)
        if not signed_minutes:
            files[MINUTES] = build_minutes(desk, folder / MINUTES, locality=cell.locality).read_bytes()
        files.update(_scan_files(scans))
        for p in build_counting_records(desk, folder, locality=cell.locality):
            files[p.name] = p.read_bytes()
        files["tong-hop-ket-qua.pdf"] = build_summary_pdf(desk, folder / "tong-hop-ket-qua.pdf",
                                                         locality=cell.locality).read_bytes()
        files["tong-hop-ket-qua.xlsx"] = build_summary_xlsx(desk, folder / "tong-hop-ket-qua.xlsx").read_bytes()
        if year_has_supplementary(cf, m.rating_year):   # the year's report merging every meeting of the year
            for p in build_year_summary(cf, m.rating_year, folder / "nam", locality=cell.locality):
                files[p.name] = p.read_bytes()
    _refuse_inconsistent(files)
    cell_part = {"name": _nfc(cell.name), "code": _nfc(cell.code), "higher_org": _nfc(cell.higher_org),
                 "locality": _nfc(cell.locality)}
    meeting_part = {"id": m.id, "kind": m.kind.value, "rating_year": m.rating_year, "revision": m.revision,
                    "meeting_date": m.meeting_date.isoformat() if m.meeting_date else None}
    return files, cell_part, meeting_part


def _refuse_inconsistent(files: dict[str, bytes]) -> None:
    """The meetings going into the package pass every check of ``meeting import`` (and of the
    committee's opener): a meeting stored before those checks existed is not signed and sent."""
    from ..io.meeting_json import MeetingJsonError, parse_document

    for name, body in files.items():
        if name == MEETING_JSON or (name.startswith("meeting-") and name.endswith(".json")):
            try:
                parse_document(json.loads(body), name)
            except MeetingJsonError as err:
                raise PackageError(f"Không lập gói: dữ liệu cuộc họp không nhất quán, cấp trên sẽ từ chối.\n{err}") from err


def make_package(cf, meeting_id: str, key: KeyHandle, recipients: list[x509.Certificate], *,
                 out: str | os.PathLike | None = None, signed_minutes: str | os.PathLike | None = None,
                 scans: Iterable[str | os.PathLike] = (), slip: bool = True) -> PackageResult:
    """Make, sign and encrypt the package and write it exactly to ``out`` (atomically); without
    ``out`` (or with a folder) the name says cell, year and revision. The handover slip goes beside
    it as the stem + "-bien-nhan.pdf"."""
    if not recipients:
        raise PackageError("Cần ít nhất một chứng thư số của cấp ủy cấp trên (--to).")
    require_signing_key(key)                    # before the documents are built
    files, cell_part, meeting_part = meeting_documents(cf, meeting_id, signed_minutes=signed_minutes, scans=scans)
    manifest = make_manifest(files, cell=cell_part, meeting=meeting_part, signer=key.fingerprint)
    blob = seal(files, manifest, key, recipients)
    name = default_file_name(cell_part["name"], cell_part["code"], meeting_part["rating_year"],
                             meeting_part["revision"])
    target = Path(out) if out else Path(name)
    if target.is_dir():
        target = target / name
    write_bytes_atomically(target, blob)
    result = PackageResult(target, None, len(blob), sha256_hex(blob), manifest,
                           [fingerprint(c) for c in recipients])
    if slip:
        from ..documents.handover_slip import build_handover_slip

        result.slip = build_handover_slip(result, recipients, slip_path(target))
    return result


def slip_path(package: str | os.PathLike) -> Path:
    package = Path(package)
    return package.with_name(package.stem + "-bien-nhan.pdf")
