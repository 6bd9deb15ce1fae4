"""Start-up to the first painted frame (40 and 500 members, offscreen and under Xvfb, with and without
cached bytecode) beside a bare PySide6 window with a 40-row table: the wall time, and the processor
time each process says it took to its first frame (whole process; main thread — the file's checks run
on a thread of their own), which a loaded machine stretches far less. A part of `make bench`.

    .venv/bin/python bench/startup.py [--runs 10]
"""
import subprocess
import sys
from pathlib import Path

if __name__ == "__main__":
    table = Path(__file__).resolve().parent / "table.py"
    sys.exit(subprocess.call([sys.executable, str(table), "--only", "startup"] + sys.argv[1:]))
