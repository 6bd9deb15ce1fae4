"""Where the start help (help.py) finds what takes its pictures. The pictures draw the main window
and the meeting guide, which both open the start help: the taker (help_pictures.make_pictures) is
put here by the gui package (gui/__init__.py), above all three, so help.py imports no window and
no window imports the pictures (no import circle) — and nothing of it loads before F1."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

take_pictures: Callable[[Path], Path] | None = None
