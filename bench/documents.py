"""The minutes (PDF and Word, 40 and 500 members) and every document of the demo meeting, as the
user runs them: whole `kiemdiem` processes, beside LibreOffice converting our own .docx.
A part of `make bench` (bench/table.py).

    .venv/bin/python bench/documents.py [--runs 5]
"""
import subprocess
import sys
from pathlib import Path

if __name__ == "__main__":
    table = Path(__file__).resolve().parent / "table.py"
    sys.exit(subprocess.call([sys.executable, str(table), "--only", "minutes,documents"] + sys.argv[1:]))
