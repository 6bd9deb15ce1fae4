"""The window step of ``kiemdiem selftest``: open the main window on a data file and wait for its
first painted frame (on the current platform; offscreen when Linux has no display)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication


class _FirstPaint(QObject):
    def __init__(self, loop: QEventLoop):
        super().__init__()
        self.loop = loop
        self.painted = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if not self.painted and event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            self.painted = True
            QTimer.singleShot(0, self.loop.quit)
        return False


def check_vietnamese_order() -> None:
    """Qt's own Vietnamese order (QCollator: the file dialog's lists) works: the bundle carries only the
    part of ICU's data Qt uses (installer/kiemdiem.spec); without it Qt falls back to code points."""
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    words = ["Đỗ", "Da", "đa", "Ba", "Ân", "an"]
    got = sorted(words, key=cmp_to_key(collator.compare))
    if got != ["an", "Ân", "Ba", "Da", "đa", "Đỗ"]:
        raise RuntimeError(f"Qt không sắp xếp được tiếng Việt (thiếu dữ liệu ICU?): {', '.join(got)}")


def check_main_window(db: str | Path, timeout_s: float = 30.0) -> str:
    """Open ``db`` in the main window, wait for the first paint, close it. Returns a short
    description (platform, time to paint); raises when nothing is painted in time."""
    from ..services import CellFile
    from .app import no_screen, setup_application
    from .main_window import MainWindow

    if QApplication.instance() is None and no_screen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    setup_application(app)
    start = time.perf_counter()
    window = MainWindow(CellFile.open(db))
    try:
        loop = QEventLoop()
        watcher = _FirstPaint(loop)
        window.installEventFilter(watcher)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        window.show()
        loop.exec()
        if not watcher.painted:
            raise RuntimeError(f"cửa sổ không được vẽ sau {timeout_s:.0f} giây")
        elapsed = time.perf_counter() - start
        if not window.windowTitle():
            raise RuntimeError("cửa sổ không có tiêu đề")
        check_vietnamese_order()
        return f"nền {app.platformName()}, vẽ sau {elapsed * 1000:.0f} ms"
    finally:
        window.close_file()
        window.close()
        window.deleteLater()
        app.processEvents()
