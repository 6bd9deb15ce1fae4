"""Start-up to the first painted frame (40 and 500 members, offscreen and under Xvfb, with and without
cached bytecode) beside a bare PySide6 window with a 40-row table. A part of `make bench`.

    .venv/bin/python bench/startup.py [--runs 10]
"""
import subprocess
import sys
from pathlib import Path

if __name__ == "__main__":
    table = Path(__file__).resolve().parent / "table.py"
    sys.exit(subprocess.call([sys.executable, str(table), "--only", "startup"] + sys.argv[1:]))
