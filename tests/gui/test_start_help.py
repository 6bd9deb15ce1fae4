"""Issue 11: "Bắt đầu" (F1), the meeting's path in pictures the program takes of itself, reachable
from the first-run screen and from the main window."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from kiemdiem_desktop.gui.app import FirstRunDialog
from kiemdiem_desktop.gui.help import STEPS
from kiemdiem_desktop.gui.main_window import MainWindow


def _pictures_shown(dlg) -> None:
    text = dlg.page.toPlainText()
    for name, title, _ in STEPS:
        assert title in text
        picture = QImage(str(dlg.folder / name))
        assert not picture.isNull() and picture.width() >= 1000        # a real screenshot
        assert name in dlg.page.toHtml()
    assert "Cuộc họp mới…" in text and "Tất cả có mặt" in text


def test_f1_from_the_first_run_screen(qtbot, app):
    first = FirstRunDialog()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    assert first.help_button.isVisible()
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    qtbot.keyClick(first, Qt.Key.Key_F1)
    dlg = first.start_help
    assert dlg.isVisible() and dlg.windowTitle().startswith("Bắt đầu")
    _pictures_shown(dlg)
    dlg.close()


def test_f1_from_the_main_window(qtbot, app, cell):
    w = MainWindow(cell)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_F1)
    dlg = w.start_help
    _pictures_shown(dlg)
    # the second opening uses the pictures already taken
    before = {p.name: p.stat().st_mtime_ns for p in dlg.folder.iterdir()}
    dlg.close()
    qtbot.keyClick(w, Qt.Key.Key_F1)
    assert {p.name: p.stat().st_mtime_ns for p in w.start_help.folder.iterdir()} == before
    w.start_help.close()
    w.close()
