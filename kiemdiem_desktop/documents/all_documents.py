"""Every document of a meeting into one folder, with Vietnamese file names without diacritics
(DOMAIN.md §7). The minutes themselves (bien-ban.pdf) come from the caller: pass ``minutes``."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..voting import VotingDesk
from .attendance_sheet import build_attendance_sheet
from .ballots import build_common_ballot, build_single_ballots
from .chair_script import build_chair_script, build_chair_script_docx
from .common import meeting_marking
from .counting_record import build_counting_records
from .forms import build_forms
from .summary import build_summary_docx, build_summary_pdf, build_summary_xlsx
from .year_summary import build_year_summary, year_has_supplementary

MinutesBuilder = Callable[[VotingDesk, Path], Path]

MINUTES_NAME = "bien-ban.pdf"


def build_documents(desk: VotingDesk, folder: str | Path, *, minutes: MinutesBuilder | None = None,
                    outside_system: Iterable[str] = (), locality: str = "",
                    single_ballot_copies: int = 4) -> list[Path]:
    """Write the meeting's documents into ``folder`` and return their paths, the minutes first:

    bien-ban.pdf (only when ``minutes(desk, folder / "bien-ban.pdf")`` is given), bien-ban-kiem-phieu.pdf
    (one per accepted ballot: -2, -3…), phieu-bieu-quyet-chung.pdf, phieu-bieu-quyet-rieng.pdf,
    tong-hop-ket-qua.pdf, .xlsx and .docx, danh-sach-dang-vien-du-hop.pdf, kich-ban-dieu-hanh.pdf and .docx,
    mau-2a-<tên>.docx / mau-2b-… / mau-2c-… (``outside_system``: member ids given Mẫu 2C), mau-01.docx;
    when the rating year has a supplementary session, tong-hop-ket-qua-ca-nam.pdf, .xlsx and .docx (the year
    merged). The Word files say what the PDF says, for the secretary to edit; the PDF is the record.
    Each file is written atomically; the meeting's documents say DỰ THẢO until the lock."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    s = desk.s
    marking = meeting_marking(s)
    out: list[Path] = []
    if minutes is not None:
        out.append(minutes(desk, folder / MINUTES_NAME))
    out += build_counting_records(desk, folder, marking=marking, locality=locality)
    out.append(build_common_ballot(s, folder / "phieu-bieu-quyet-chung.pdf", locality=locality))
    out.append(build_single_ballots(s, folder / "phieu-bieu-quyet-rieng.pdf", copies=single_ballot_copies))
    out.append(build_summary_pdf(desk, folder / "tong-hop-ket-qua.pdf", marking=marking, locality=locality))
    out.append(build_summary_xlsx(desk, folder / "tong-hop-ket-qua.xlsx"))
    out.append(build_summary_docx(desk, folder / "tong-hop-ket-qua.docx", marking=marking, locality=locality))
    out.append(build_attendance_sheet(s, folder / "danh-sach-dang-vien-du-hop.pdf", marking))
    out.append(build_chair_script(s, folder / "kich-ban-dieu-hanh.pdf", locality=locality))
    out.append(build_chair_script_docx(s, folder / "kich-ban-dieu-hanh.docx", locality=locality))
    out += build_forms(s, folder, outside_system=outside_system)
    # A year with a supplementary session: the year's report merging every meeting of the year.
    if year_has_supplementary(s.cf, s.meeting.rating_year):
        out += build_year_summary(s.cf, s.meeting.rating_year, folder, locality=locality, word=True)
    return out
