"""The record is the meeting: figures and documents are a function of the stored meeting,
never of the hour they are computed or printed (DOMAIN.md §7)."""
import json
import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT
from tests.record.scenarios import late_and_early


def cli_at(fake_time: str, *args: str) -> subprocess.CompletedProcess:
    """The program run as a user would, with the system clock set to ``fake_time`` (faketime)."""
    return subprocess.run(["faketime", fake_time, sys.executable, "-m", "kiemdiem_desktop", *args],
                          capture_output=True, text=True, cwd=str(ROOT), timeout=180,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_faketime_really_moves_the_clock():
    out = subprocess.run(["faketime", "2025-12-10 07:00:00", sys.executable, "-c",
                          "import datetime; print(datetime.datetime.now().strftime('%H:%M'))"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "07:00"


def test_results_at_seven_in_the_morning_keep_the_member_who_arrived_at_nine(cell_file):
    s, desk, who, _ = late_and_early(cell_file)
    cell_file.close(backup=False)
    db = str(cell_file.path)
    early = cli_at("2025-12-10 07:00:00", "meeting", "results", "--db", db, "--meeting", s.meeting_id, "--json")
    late = cli_at("2026-03-02 16:45:00", "meeting", "results", "--db", db, "--meeting", s.meeting_id, "--json")
    assert early.returncode == 0, early.stderr
    assert late.returncode == 0, late.stderr
    a, b = json.loads(early.stdout), json.loads(late.stdout)
    names = {m["full_name"]: m for m in a["members"]}
    assert names["Hồ Thị Khánh"]["voted_level"] == "GOOD"          # arrived 09:05, voted on at 09:35
    assert a == b


def read_any(path):
    """What a reader sees in a PDF, a Word or an Excel file (the text, cell by cell)."""
    from tests.documents.reading import whole_text

    if path.suffix == ".pdf":
        return whole_text(path)
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
        for section in d.sections:
            parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(str(path))
        return "\n".join(repr(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    return path.read_bytes()


def test_every_document_is_the_same_at_seven_in_the_morning_and_months_later(cell_file, tmp_path):
    """Printing at 07:00 on the meeting day (before anyone arrived) and on another day gives the
    same documents (PDF, Word, Excel): the member who arrived at 09:05 keeps her rating and the
    quota line stays."""
    s, desk, who, _ = late_and_early(cell_file)
    cell_file.close(backup=False)
    db = str(cell_file.path)
    texts = []
    for when, out in (("2025-12-10 07:00:00", tmp_path / "a"), ("2026-03-02 16:45:00", tmp_path / "b")):
        r = cli_at(when, "documents", "--db", db, "--meeting", s.meeting_id, "--out", str(out))
        assert r.returncode == 0, r.stderr
        texts.append({p.name: read_any(p) for p in sorted(out.iterdir())})
    early, late = texts
    assert any(n.endswith(".docx") for n in early) and any(n.endswith(".xlsx") for n in early)
    assert sorted(early) == sorted(late) and any(n.startswith("bien-ban") for n in early)
    for name in early:
        assert early[name] == late[name], name
    minutes = next(t for n, t in early.items() if n.startswith("bien-ban-hoi-nghi") or n == "bien-ban.pdf")
    assert "Hồ Thị Khánh" in minutes
