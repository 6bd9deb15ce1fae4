"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is
crossed. If that is a worker (the writer thread, a document being built in the thread pool)
and the garbage holds Qt objects, Qt destroys them off the GUI thread and the program
crashes (seen: a segmentation fault while reportlab parsed a paragraph in a worker). So the
automatic collector is switched off once Qt is in the process, and the GUI thread collects
on a timer, generation by generation, as the thresholds say — the approach pyqtgraph's
GarbageCollector takes.
"""
from __future__ import annotations

import gc


def disable_automatic() -> None:
    gc.disable()


def collect_if_due() -> None:
    t0, t1, t2 = gc.get_threshold()
    c0, c1, c2 = gc.get_count()
    if c0 > t0:
        gc.collect(0)
        if c1 > t1:
            gc.collect(1)
            if c2 > t2:
                gc.collect(2)


def start(app, interval_ms: int = 500) -> None:
    from PySide6.QtCore import QTimer

    disable_automatic()
    timer = QTimer(app)
    timer.setObjectName("gc_guard")
    timer.timeout.connect(collect_if_due)
    timer.start(interval_ms)
