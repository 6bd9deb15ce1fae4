"""Building the minutes (PDF and Word) and every document of a held meeting, 12 and 500 members.
Medians of 5 runs.

    .venv/bin/python bench/documents.py
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from kiemdiem_desktop.services.demo import create_demo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KIEMDIEM_DATA_DIR"] = str(Path(tmp) / "data")
        from pypdf import PdfReader

        from kiemdiem_desktop.documents.all_documents import build_documents
        from kiemdiem_desktop.documents.minutes import build_minutes, build_minutes_docx
        from kiemdiem_desktop.services import CellFile
        from tests.documents.conftest import hold_generic_meeting

        for n in (12, 500):
            cf = create_demo(Path(tmp) / f"c{n}.kiemdiem", members=n)
            t0 = time.perf_counter()
            desk = hold_generic_meeting(cf, 2026, date(2026, 12, 10))
            held = time.perf_counter() - t0
            pdf, docx, folder = Path(tmp) / f"bb{n}.pdf", Path(tmp) / f"bb{n}.docx", Path(tmp) / f"docs{n}"
            t_pdf = timed(lambda: build_minutes(desk, pdf))
            t_docx = timed(lambda: build_minutes_docx(desk, docx))
            t_all = timed(lambda: build_documents(desk, folder), runs=3)
            pages = len(PdfReader(pdf).pages)
            print(f"{n:>4} members: minutes PDF {t_pdf * 1000:6.0f} ms ({pages} pages), Word {t_docx * 1000:6.0f} ms, "
                  f"every other document {t_all * 1000:6.0f} ms; holding the meeting through the session "
                  f"{held:5.1f} s")
            cf.close(backup=False)


if __name__ == "__main__":
    main()
