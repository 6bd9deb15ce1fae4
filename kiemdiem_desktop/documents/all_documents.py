"""Every document of a meeting into one folder, with Vietnamese file names without diacritics
(DOMAIN.md §7). The minutes themselves (bien-ban.pdf) come from the caller: pass ``minutes``."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..figures import computed_once
from ..voting import VotingDesk
from .attendance_sheet import build_attendance_sheet
from .ballots import build_common_ballot, build_single_ballots
from .chair_script import build_chair_script, build_chair_script_docx, chair_script_content
from .common import meeting_marking
from .content import DocumentBlocks
from .counting_record import accepted_ballots, build_counting_records
from .forms import build_forms, form_names
from .render import write_docx, write_pdf
from .render_worker import RenderWorker, WorkerGone, usable_cores
from .summary import build_summary_docx, build_summary_pdf, build_summary_xlsx, summary_content
from .text import Marking
from .year_summary import build_year_summary, year_has_supplementary

MinutesBuilder = Callable[[VotingDesk, Path], Path]
Progress = Callable[[int, int, Path], None]     # files written, files planned, the last one written
# The content of a PDF for the second process: (blocks, target, marking, then: the step's other files,
# written here once the PDF is handed over — the minutes' Word file).
PdfJob = Callable[[], tuple[DocumentBlocks, Path, Marking, Callable[[], list[Path]]]]

MINUTES_NAME = "bien-ban.pdf"
# From this many members on, a machine with two cores or more writes the largest PDFs (the minutes, the
# chair's script, the summary) in a second process while this one writes the others (render_worker.py):
# below, starting that process costs more than it saves.
PARALLEL_FROM = 150
WORKERS_ENV = "KIEMDIEM_DOCUMENT_WORKERS"      # "1": every file in this process (measuring, diagnosis)


def minutes_content(desk: VotingDesk) -> tuple[DocumentBlocks, Marking]:
    from .minutes import MinutesWriter, minutes_marking

    return MinutesWriter(desk).build(), minutes_marking(desk)


def minutes_pdf_and_docx(desk: VotingDesk, target: Path) -> Path:
    """bien-ban.pdf and, beside it, bien-ban.docx from one content: the minutes' blocks built
    once and rendered twice (building them is a third of the minutes' time for 500 members).
    A MinutesBuilder writing two files (``minutes_files=2``); returns the PDF's path."""
    target = Path(target)
    blocks, marking = minutes_content(desk)
    write_docx(blocks, target.with_suffix(".docx"), marking)
    return write_pdf(blocks, target, marking)


@dataclass
class _Step:
    files: int                                     # the files it writes
    build: Callable[..., Path | list[Path]]        # in this process; takes the progress when ``reports``
    reports: bool = False
    pdf: PdfJob | None = None                      # the same file, its PDF written by the second process


def build_documents(desk: VotingDesk, folder: str | Path, *, minutes: MinutesBuilder | None = None,
                    outside_system: Iterable[str] = (), locality: str = "",
                    single_ballot_copies: int = 4, progress: Progress | None = None,
                    minutes_files: int = 1, workers: int | None = None) -> list[Path]:
    """Write the meeting's documents into ``folder`` and return their paths, the minutes first:

    bien-ban.pdf (only when ``minutes(desk, folder / "bien-ban.pdf")`` is given), bien-ban-kiem-phieu.pdf
    (one per accepted ballot: -2, -3…), phieu-bieu-quyet-chung.pdf, phieu-bieu-quyet-rieng.pdf,
    tong-hop-ket-qua.pdf, .xlsx and .docx, danh-sach-dang-vien-du-hop.pdf, kich-ban-dieu-hanh.pdf and .docx,
    mau-2a-<tên>.docx / mau-2b-… / mau-2c-… (``outside_system``: member ids given Mẫu 2C), mau-01.docx;
    when the rating year has a supplementary session, tong-hop-ket-qua-ca-nam.pdf, .xlsx and .docx (the year
    merged). The Word files say what the PDF says, for the secretary to edit; the PDF is the record.
    Each file is written atomically; the meeting's documents say DỰ THẢO until the lock.

    ``progress(done, total, path)`` after each file, in the calling thread (``minutes_files``: how many
    files ``minutes`` writes, for the total). Each document's content is dropped once its file is written.

    ``workers``: 2 writes the minutes' (``minutes_pdf_and_docx``), the summary's and the chair's script's
    PDF in a second process (render_worker.py) — the same bytes, each file whole or absent, the same
    error; 1 writes everything here; None (the default) chooses 2 from PARALLEL_FROM members on a
    machine with two usable cores or more."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    s = desk.s
    marking = meeting_marking(s)
    outside_system = list(outside_system)
    # The plan, so the total is known before the first file is written. A builder of many files takes
    # the progress callback itself (``reports``).
    steps: list[_Step] = []

    def plan(files: int, build: Callable[..., Path | list[Path]], reports: bool = False,
             pdf: PdfJob | None = None) -> None:
        steps.append(_Step(files, build, reports, pdf))

    def minutes_job():
        blocks, mark = minutes_content(desk)
        return blocks, folder / MINUTES_NAME, mark, lambda: [write_docx(blocks, folder / "bien-ban.docx", mark)]

    def job(content: Callable[[], tuple[DocumentBlocks, Marking]], target: Path) -> PdfJob:
        def pdf():
            blocks, mark = content()
            return blocks, target, mark, list
        return pdf

    summary_pdf, chair_pdf = folder / "tong-hop-ket-qua.pdf", folder / "kich-ban-dieu-hanh.pdf"
    if minutes is not None:
        plan(minutes_files, lambda: minutes(desk, folder / MINUTES_NAME),
             pdf=minutes_job if minutes is minutes_pdf_and_docx and minutes_files == 2 else None)
    plan(len(accepted_ballots(desk)), lambda: build_counting_records(desk, folder, marking=marking, locality=locality))
    plan(1, lambda: build_common_ballot(s, folder / "phieu-bieu-quyet-chung.pdf", locality=locality))
    plan(1, lambda: build_single_ballots(s, folder / "phieu-bieu-quyet-rieng.pdf", copies=single_ballot_copies))
    plan(1, lambda: build_summary_pdf(desk, summary_pdf, marking=marking, locality=locality),
         pdf=job(lambda: summary_content(desk, marking=marking, locality=locality), summary_pdf))
    plan(1, lambda: build_summary_xlsx(desk, folder / "tong-hop-ket-qua.xlsx"))
    plan(1, lambda: build_summary_docx(desk, folder / "tong-hop-ket-qua.docx", marking=marking, locality=locality))
    plan(1, lambda: build_attendance_sheet(s, folder / "danh-sach-dang-vien-du-hop.pdf", marking))
    plan(1, lambda: build_chair_script(s, chair_pdf, locality=locality),
         pdf=job(lambda: chair_script_content(s, locality), chair_pdf))
    plan(1, lambda: build_chair_script_docx(s, folder / "kich-ban-dieu-hanh.docx", locality=locality))
    plan(len(form_names(s, outside_system=outside_system)) + 1,
         lambda tick: build_forms(s, folder, outside_system=outside_system, progress=tick), reports=True)
    # A year with a supplementary session: the year's report merging every meeting of the year.
    if year_has_supplementary(s.cf, s.meeting.rating_year):
        plan(3, lambda: build_year_summary(s.cf, s.meeting.rating_year, folder, locality=locality, word=True))

    total = sum(step.files for step in steps)
    made: list[list[Path]] = [[] for _ in steps]
    done = 0

    def count(path: Path, files: int = 1) -> None:
        nonlocal done
        done += files
        if progress is not None:
            progress(min(done, total), total, Path(path))

    worker = _worker(desk, steps, workers)
    failed: list[BaseException] = []

    def answered(answers) -> None:
        """The second process's files: counted as they come; its first error kept for the step's end."""
        for key, path, err in answers:
            if err is not None:
                failed.append(err)
            else:
                made[int(key)] = [path]
                count(path)

    def tick(path: Path, files: int = 1) -> None:
        count(path, files)
        if worker is not None and not worker.gone:
            answered(worker.done())

    ok = False
    try:
        with computed_once(desk):       # the minutes and the summary's three files read one computation
            if worker is not None:      # the second process's PDFs first, so that it starts at once
                then = []
                for i, step in enumerate(steps):
                    if step.pdf is not None:
                        blocks, target, mark, after = step.pdf()
                        worker.submit(str(i), blocks, target, mark)
                        then.append(after)
                        del blocks
                for after in then:
                    for p in after():
                        tick(p)
            for i, step in enumerate(steps):
                if worker is not None and step.pdf is not None:
                    continue
                if step.reports:
                    made[i] = step.build(tick)
                else:
                    paths = step.build()
                    paths = [paths] if isinstance(paths, Path) else list(paths)
                    made[i] = paths
                    for k, p in enumerate(paths):   # a builder writing more files than it returns (the minutes)
                        tick(p, step.files - len(paths) + 1 if k == len(paths) - 1 and step.files > len(paths) else 1)
                _raise_first(failed)
            while worker is not None and worker.pending and not worker.gone:
                answered(worker.wait())
                _raise_first(failed)
            if worker is not None:
                for key, (blocks, target, mark) in list(worker.pending.items()):   # it ended: written here
                    made[int(key)] = [write_pdf(blocks, target, mark)]
                    worker.pending.pop(key)
                    count(target)
        ok = True
    finally:
        if worker is not None:
            worker.close(stop=not ok)
    return [p for paths in made for p in paths]


def _raise_first(failed: list[BaseException]) -> None:
    if failed:
        raise failed[0]


def _worker(desk: VotingDesk, steps: list[_Step], workers: int | None) -> RenderWorker | None:
    """The second process when it is worth starting (see build_documents), else None."""
    if not any(step.pdf is not None for step in steps):
        return None
    if workers is None:
        chosen = os.environ.get(WORKERS_ENV, "").strip()
        if chosen.isdigit():
            workers = int(chosen)
        else:
            workers = 2 if usable_cores() >= 2 and len(desk.s.member_list) >= PARALLEL_FROM else 1
    if workers < 2:
        return None
    try:
        return RenderWorker()
    except WorkerGone:
        return None
