"""Whether a window can be shown at all (no Qt here: the entry point asks before loading PySide6)."""
from __future__ import annotations

import os
import sys


def no_screen() -> bool:
    """Linux without a display server: Qt would abort with an English message."""
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))
