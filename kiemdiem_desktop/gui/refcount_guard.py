"""A guard against a reference-count fault of PySide6 6.12.0 under Python 3.11.

Every Qt method that returns nothing takes one reference from ``None``, and every
``Signal.emit()`` from Python one from ``True``, without giving it back; when a count
reaches zero the interpreter aborts ("Fatal Python error: none_dealloc / bool_dealloc")
— after a few thousand clicks in a long meeting. Python 3.12 made these objects immortal;
PySide6 6.11.x does not have the fault, but the QtPdf wheel we need exists only for 6.12.0.

The guard tops the three counts up whenever they fall below a floor. They are static
singletons that are never freed, so a high count costs nothing. It runs when the GUI
package is imported and then every second from the application's timer. Remove it when
PySide6 is fixed (the test in tests/gui/test_refcount_guard.py shows when).
"""
from __future__ import annotations

import ctypes
import sys

FLOOR = 1_000_000
TOP_UP = 50_000_000
NEEDED = sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def guard() -> None:
    if not NEEDED:
        return
    for obj in (None, True, False):
        if sys.getrefcount(obj) < FLOOR:
            ctypes.c_ssize_t.from_address(id(obj)).value += TOP_UP


def start(app) -> None:
    """Keep guarding while the window is open (once a second, on the GUI thread)."""
    from PySide6.QtCore import QTimer

    guard()
    if NEEDED:
        timer = QTimer(app)
        timer.setObjectName("refcount_guard")
        timer.timeout.connect(guard)
        timer.start(1000)
