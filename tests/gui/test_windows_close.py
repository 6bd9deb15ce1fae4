"""Issue 11 item 9: F5 opens and closes the presentation; the documents window has Đóng and
closes with Esc or Ctrl+W; quitting with it open raises nothing."""
import gc
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiemdiem_desktop.gui.main_window import MainWindow


def _held_file(tmp_path):
    from tests.documents.conftest import hold_meeting
    from tests.flow.conftest import twelve_member_cell

    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    desk = hold_meeting(cf, {"t": "08:00"})
    return cf, desk.s.meeting_id


def _open_guide(qtbot, w, meeting_id):
    w.tabs.setCurrentWidget(w.meetings)
    w.meetings.table.setCurrentCell(w.meetings._ids.index(meeting_id), 0)
    w.meetings.open_button.click()
    guide = w.meetings.guides[-1]
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    return guide


def test_f5_opens_and_closes_the_presentation(qtbot, app, tmp_path):
    cf, meeting_id = _held_file(tmp_path)
    w = MainWindow(cf)
    qtbot.addWidget(w)
    w.show()
    guide = _open_guide(qtbot, w, meeting_id)
    qtbot.keyClick(guide.focusWidget() or guide, Qt.Key.Key_F5)
    show = guide.presentation
    assert show is not None and show.isVisible()
    assert guide.isActiveWindow()            # the secretary keeps typing in the guide
    assert "F5" in show.hint.text() and "Esc" in show.hint.text()
    qtbot.keyClick(guide.focusWidget() or guide, Qt.Key.Key_F5)
    assert not show.isVisible()
    qtbot.keyClick(guide.focusWidget() or guide, Qt.Key.Key_F5)
    assert show.isVisible()
    show.activateWindow()
    qtbot.waitUntil(show.isActiveWindow)
    qtbot.keyClick(show, Qt.Key.Key_F5)      # F5 in the presentation window closes it too
    assert not show.isVisible()
    w.close()


def test_documents_window_closes_with_its_button_esc_and_ctrl_w(qtbot, app, tmp_path):
    cf, meeting_id = _held_file(tmp_path)
    w = MainWindow(cf)
    qtbot.addWidget(w)
    w.show()
    guide = _open_guide(qtbot, w, meeting_id)
    for how in ("button", "Escape", "Ctrl+W"):
        guide.activateWindow()
        qtbot.waitUntil(guide.isActiveWindow)
        qtbot.keyClick(guide.focusWidget() or guide, Qt.Key.Key_V,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        docs = guide._documents
        docs.activateWindow()
        qtbot.waitUntil(docs.isActiveWindow)
        assert docs.close_button.isVisible() and docs.close_button.text().replace("&", "") == "Đóng"
        if how == "button":
            qtbot.mouseClick(docs.close_button, Qt.MouseButton.LeftButton)
        elif how == "Escape":
            qtbot.keyClick(docs.focusWidget() or docs, Qt.Key.Key_Escape)
        else:
            qtbot.keyClick(docs.focusWidget() or docs, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: docs._closed, timeout=2000)
    w.close()


def test_quitting_with_the_documents_window_open_raises_nothing(qtbot, app, tmp_path, capfd):
    cf, meeting_id = _held_file(tmp_path)
    w = MainWindow(cf)
    qtbot.addWidget(w)
    w.show()
    guide = _open_guide(qtbot, w, meeting_id)
    guide.open_documents()
    docs = guide._documents
    qtbot.waitUntil(lambda: docs.page_count() > 0, timeout=20000)
    errors = []
    old = sys.excepthook
    sys.excepthook = lambda *exc: errors.append(exc)
    try:
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        qtbot.keyClick(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)      # Tệp › Thoát
        for _ in range(5):
            QApplication.processEvents()
        gc.collect()
    finally:
        sys.excepthook = old
    assert cf.closed
    assert not errors
    assert "already deleted" not in capfd.readouterr().err
