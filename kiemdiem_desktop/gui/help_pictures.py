"""The pictures of Trợ giúp › Bắt đầu (help.py): the real windows drawn from a demo cell in a
temporary folder (never the user's file). Kept apart from help.py because it draws the main window
and the meeting guide, which open the help page."""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from .help import SIZE, STEPS, pictures_dir


def _grab(widget: QWidget, path: Path) -> None:
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(*SIZE)
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))


def make_pictures(folder: Path | None = None) -> Path:
    """Take the pictures of the meeting's path from a demo cell (a finished meeting, in a
    temporary folder); returns the folder. Runs in the GUI thread (it draws real windows)."""
    from ..services.demo import create_demo
    from .documents import open_documents
    from .main_window import MainWindow
    from .meeting import open_meeting_guide
    from .meeting.prepare import PrepareDialog

    folder = Path(folder or pictures_dir())
    folder.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="kiemdiem-tro-giup-"))
    cf = create_demo(tmp / "du-lieu-mau.kiemdiem", finished=True)
    try:
        meeting_id = cf.meetings()[0].id
        main = MainWindow(cf)
        main.tabs.setCurrentWidget(main.roster)
        _grab(main, folder / STEPS[0][0])
        guide = open_meeting_guide(None, cf, meeting_id, show=False)
        prepare = PrepareDialog(guide.session, None)
        _grab(prepare, folder / STEPS[1][0])
        prepare.close()
        steps = guide.session.record.steps
        kinds = [s.kind.value for s in steps]
        for name, kind in ((STEPS[2][0], "opening"), (STEPS[3][0], "member_review"),
                           (STEPS[4][0], "rating_votes"), (STEPS[5][0], "adoption")):
            step = steps[kinds.index(kind)] if kind in kinds else steps[0]
            guide.session.meeting.current_step_id = step.id     # shown only: nothing is written
            guide.refresh()
            _grab(guide, folder / name)
        docs = open_documents(None, guide.session, show=False)
        docs.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        docs.resize(*SIZE)
        docs.show()
        deadline = time.monotonic() + 30
        while docs.page_count() == 0 and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.02)
        _grab(docs, folder / STEPS[6][0])
        docs.close()
        guide.close()
        main.close_file()
        main.close()
    finally:
        if not cf.closed:
            cf.close(backup=False)
        shutil.rmtree(tmp, ignore_errors=True)
    return folder
