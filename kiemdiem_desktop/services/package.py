"""Use case: the package for the higher committee — gather the adopted meeting's files (its meeting
JSON and the year's other meetings, the minutes or the signed minutes, the scans, the counting
records, the summary, the year's report), refuse what the committee would refuse, then seal them
with crypto/package.py (CMS SignedData inside EnvelopedData) and write the package and its handover
slip atomically. Called by the command line (``kiemdiem package``) and the window (Gửi cấp trên)."""
from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from cryptography import x509

from ..crypto.identity import normalise_code
from ..crypto.keys import KeyHandle, fingerprint, require_signing_key
from ..crypto.package import (
    MEETING_JSON, MINUTES, SCAN_SUFFIXES, PackageError, make_manifest, seal, sha256_hex,
)
from ..store.atomic import write_bytes_atomically


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


@dataclass
class PackageResult:
    path: Path
    slip: Path | None
    size: int
    sha256: str
    manifest: dict
    recipients: list[str] = field(default_factory=list)   # the committee certificates' fingerprints


def default_file_name(cell_name: str, cell_code: str, year: int, revision: int) -> str:
    """"goi-chi-bo-van-phong-2025-lan-1.p7m": cell, year and revision, no diacritics."""
    from ..documents.common import slug

    who = slug(cell_code) if cell_code else slug(cell_name)
    return f"goi-{who}-{year}-lan-{revision}.p7m"


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
