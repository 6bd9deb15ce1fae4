"""Phiếu bàn giao gói (the handover slip): one A4 page in the Party layout that travels with the USB
stick. It names the cell, the meeting, the revision, the package's file name, size and SHA-256, the
fingerprints of the committee certificate(s) it is encrypted for and of the cell's signing key, and
has lines for the sender's and the receiver's signatures. The fingerprints are in groups of four so
that they can be read aloud over the phone."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .content import DocumentBlocks, FactTable, Gap, Note, Para, Signatures, Title
from .render import write_pdf
from .text import HeaderInfo, Marking


def _groups(hex_text: str) -> str:
    h = hex_text.upper().replace(" ", "")
    return " ".join(h[i:i + 4] for i in range(0, len(h), 4))


def local_time(iso: str) -> tuple[str, date | None]:
    """"2026-11-29T19:18:47+00:00" -> ("30/11/2026 02:18", that day) in the computer's local time."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or "", None
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%d/%m/%Y %H:%M"), when.date()


def handover_blocks(result, recipients) -> DocumentBlocks:
    """``result``: a services.package.PackageResult; ``recipients``: the committee certificates."""
    from ..crypto.keys import common_name, fingerprint

    m = result.manifest
    cell, meeting = m["cell"], m["meeting"]
    kind = "Hội nghị kiểm điểm" if meeting.get("kind") == "main" else "Buổi kiểm điểm bổ sung"
    meeting_day = meeting.get("meeting_date")
    day_text = "/".join(reversed(meeting_day.split("-"))) if meeting_day else "…"
    made, made_on = local_time(m.get("created_at", ""))
    rows = [
        ("Chi bộ", cell.get("name", "") + (f" (mã {cell['code']})" if cell.get("code") else "")),
        ("Cuộc họp", f"{kind} ngày {day_text}"),
        ("Mã cuộc họp", meeting.get("id", "")),
        ("Bản biên bản", f"Biên bản đã thông qua, khóa lần {meeting.get('revision')}"),
        ("Tên tệp gói", result.path.name),
        ("Dung lượng", f"{result.size:,} byte".replace(",", ".")),
        ("SHA-256 của tệp gói", _groups(result.sha256)),
        ("Khóa ký của chi bộ (SHA-256)", m.get("signer_fingerprint", "")),
    ]
    for cert in recipients:
        rows.append((f"Gửi cho: {common_name(cert)} (SHA-256)", fingerprint(cert)))
    rows.append(("Thời điểm lập gói", made))
    doc = DocumentBlocks("Phiếu bàn giao gói dữ liệu")
    doc.add(HeaderInfo(higher_org=cell.get("higher_org", ""), cell_name=cell.get("name", ""), number=None,
                       place=cell.get("locality", ""), day=made_on),
            Title("PHIẾU BÀN GIAO GÓI DỮ LIỆU",
                  f"kết quả kiểm điểm, đánh giá, xếp loại chất lượng năm {meeting.get('rating_year')}"),
            FactTable(rows),
            Gap(4),
            Note.of("Bên nhận đối chiếu SHA-256 của tệp gói và dấu vân tay khóa ký của chi bộ với chương trình "
                    "(hoặc đọc qua điện thoại) trước khi xác nhận tin cậy khóa của chi bộ lần đầu."),
            Para.of("Bàn giao lúc …… giờ …… ngày …… tháng …… năm ……", indent=False),
            Signatures("NGƯỜI GIAO", "(ký, ghi rõ họ tên)", "NGƯỜI NHẬN", "(ký, ghi rõ họ tên)"))
    return doc


def build_handover_slip(result, recipients, target: str | Path) -> Path:
    """``result``: a crypto.package.PackageResult; ``recipients``: the committee certificates.
    PDF only: the slip is printed and travels with the USB stick."""
    return write_pdf(handover_blocks(result, recipients), target, Marking(draft=False, revision=0))
