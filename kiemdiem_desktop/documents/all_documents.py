"""Every document of a meeting into one folder, with Vietnamese file names without diacritics
(DOMAIN.md §7). The minutes themselves (bien-ban.pdf) come from the caller: pass ``minutes``."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..figures import computed_once
from ..voting import VotingDesk
from .attendance_sheet import build_attendance_sheet
from .ballots import build_common_ballot, build_single_ballots
from .chair_script import build_chair_script, build_chair_script_docx
from .common import meeting_marking
from .counting_record import accepted_ballots, build_counting_records
from .forms import build_forms, form_names
from .summary import build_summary_docx, build_summary_pdf, build_summary_xlsx
from .year_summary import build_year_summary, year_has_supplementary

MinutesBuilder = Callable[[VotingDesk, Path], Path]
Progress = Callable[[int, int, Path], None]     # files written, files planned, the last one written

MINUTES_NAME = "bien-ban.pdf"


def minutes_pdf_and_docx(desk: VotingDesk, target: Path) -> Path:
    """bien-ban.pdf and, beside it, bien-ban.docx from one content: the minutes' blocks built
    once and rendered twice (building them is a third of the minutes' time for 500 members).
    A MinutesBuilder writing two files (``minutes_files=2``); returns the PDF's path."""
    from .minutes import MinutesWriter, minutes_marking
    from .render import write_docx, write_pdf

    target = Path(target)
    blocks = MinutesWriter(desk).build()
    marking = minutes_marking(desk)
    write_docx(blocks, target.with_suffix(".docx"), marking)
    return write_pdf(blocks, target, marking)


def build_documents(desk: VotingDesk, folder: str | Path, *, minutes: MinutesBuilder | None = None,
                    outside_system: Iterable[str] = (), locality: str = "",
                    single_ballot_copies: int = 4, progress: Progress | None = None,
                    minutes_files: int = 1) -> list[Path]:
    """Write the meeting's documents into ``folder`` and return their paths, the minutes first:

    bien-ban.pdf (only when ``minutes(desk, folder / "bien-ban.pdf")`` is given), bien-ban-kiem-phieu.pdf
    (one per accepted ballot: -2, -3…), phieu-bieu-quyet-chung.pdf, phieu-bieu-quyet-rieng.pdf,
    tong-hop-ket-qua.pdf, .xlsx and .docx, danh-sach-dang-vien-du-hop.pdf, kich-ban-dieu-hanh.pdf and .docx,
    mau-2a-<tên>.docx / mau-2b-… / mau-2c-… (``outside_system``: member ids given Mẫu 2C), mau-01.docx;
    when the rating year has a supplementary session, tong-hop-ket-qua-ca-nam.pdf, .xlsx and .docx (the year
    merged). The Word files say what the PDF says, for the secretary to edit; the PDF is the record.
    Each file is written atomically; the meeting's documents say DỰ THẢO until the lock.

    ``progress(done, total, path)`` after each file (``minutes_files``: how many files ``minutes``
    writes, for the total). Each document's content is dropped once its file is written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    s = desk.s
    marking = meeting_marking(s)
    outside_system = list(outside_system)
    # (files it writes, how): the plan, so the total is known before the first file is written.
    # A builder of many files takes the progress callback itself (``None`` here).
    steps: list[tuple[int, Callable[..., Path | list[Path]], bool]] = []

    def plan(files: int, build: Callable[..., Path | list[Path]], reports: bool = False) -> None:
        steps.append((files, build, reports))

    if minutes is not None:
        plan(minutes_files, lambda: minutes(desk, folder / MINUTES_NAME))
    plan(len(accepted_ballots(desk)), lambda: build_counting_records(desk, folder, marking=marking, locality=locality))
    plan(1, lambda: build_common_ballot(s, folder / "phieu-bieu-quyet-chung.pdf", locality=locality))
    plan(1, lambda: build_single_ballots(s, folder / "phieu-bieu-quyet-rieng.pdf", copies=single_ballot_copies))
    plan(1, lambda: build_summary_pdf(desk, folder / "tong-hop-ket-qua.pdf", marking=marking, locality=locality))
    plan(1, lambda: build_summary_xlsx(desk, folder / "tong-hop-ket-qua.xlsx"))
    plan(1, lambda: build_summary_docx(desk, folder / "tong-hop-ket-qua.docx", marking=marking, locality=locality))
    plan(1, lambda: build_attendance_sheet(s, folder / "danh-sach-dang-vien-du-hop.pdf", marking))
    plan(1, lambda: build_chair_script(s, folder / "kich-ban-dieu-hanh.pdf", locality=locality))
    plan(1, lambda: build_chair_script_docx(s, folder / "kich-ban-dieu-hanh.docx", locality=locality))
    plan(len(form_names(s, outside_system=outside_system)) + 1,
         lambda tick: build_forms(s, folder, outside_system=outside_system, progress=tick), reports=True)
    # A year with a supplementary session: the year's report merging every meeting of the year.
    if year_has_supplementary(s.cf, s.meeting.rating_year):
        plan(3, lambda: build_year_summary(s.cf, s.meeting.rating_year, folder, locality=locality, word=True))

    total = sum(files for files, _, _ in steps)
    out: list[Path] = []
    done = 0

    def tick(path: Path, files: int = 1) -> None:
        nonlocal done
        done += files
        if progress is not None:
            progress(min(done, total), total, Path(path))

    with computed_once(desk):       # the minutes and the summary's three files read one computation
        for files, build, reports in steps:
            if reports:
                out += build(tick)
                continue
            made = build()
            paths = [made] if isinstance(made, Path) else list(made)
            out += paths
            for i, p in enumerate(paths):     # a builder writing more files than it returns (the minutes)
                tick(p, files - len(paths) + 1 if i == len(paths) - 1 and files > len(paths) else 1)
    return out
