"""Issue 11: the meeting on a 1366×768 laptop (1366×728 once the taskbar is taken), at 100, 125
and 150 % type. Run by test_laptop_screen.py in a process whose (offscreen) screen is 1366×728:
the file is named so that the ordinary run, on the default 800×800 screen, does not collect it."""
import json

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from kiemdiem_desktop.gui.main_window import BASE_POINT_SIZE, MainWindow

SCREEN = QRect(0, 0, 1366, 728)      # what Windows leaves a window on a 1366×768 screen
FRAME = (16, 39)                     # a Windows 10 window's borders and title bar, at 150 % (the most)
CLIENT = (SCREEN.width() - FRAME[0], SCREEN.height() - FRAME[1])


@pytest.fixture(scope="session")
def qapp_args(tmp_path_factory):
    """The application on a screen of 1366×728 (the -platform argument wins over QT_QPA_PLATFORM)."""
    config = tmp_path_factory.mktemp("screen") / "screen-1366x728.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN.width(),
                                               "height": SCREEN.height(), "logicalDpi": 96,
                                               "logicalBaseDpi": 96, "dpr": 1}]}))
    return ["kiemdiem-test", "-platform", f"offscreen:configfile={config}"]


def test_the_screen_is_the_laptop_one(qapp):
    assert qapp.primaryScreen().availableGeometry() == SCREEN


def fits(window) -> bool:
    low = window.minimumSizeHint().expandedTo(window.minimumSize())
    return low.width() <= CLIENT[0] and low.height() <= CLIENT[1]


def inside_screen(window, *widgets) -> bool:
    """Each widget entirely inside the window's client area placed on the 1366×728 screen."""
    client = QRect(FRAME[0] // 2, FRAME[1] - FRAME[0] // 2, window.width(), window.height())
    for w in widgets:
        top_left = w.mapTo(window, QPoint(0, 0)) + client.topLeft()
        rect = QRect(top_left, w.size())
        if not (w.isVisible() and SCREEN.contains(rect) and window.rect().contains(w.mapTo(window, QPoint(0, 0)))):
            return False
    return True


def zoom_to(qtbot, window, percent: int) -> None:
    """Ctrl+= as the user presses it, until the type is at least ``percent`` % (Ctrl+0 first when
    it is already larger)."""
    if QApplication.font().pointSizeF() > BASE_POINT_SIZE * percent / 100:
        qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    for _ in range(12):
        if QApplication.font().pointSizeF() >= BASE_POINT_SIZE * percent / 100:
            break
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() >= BASE_POINT_SIZE * percent / 100
    QApplication.processEvents()


def test_guide_fits_the_laptop_screen_at_every_zoom(qtbot, app, meeting_file, clock):
    from kiemdiem_desktop.gui.meeting import open_meeting_guide
    from kiemdiem_desktop.services import CellFile

    path, meeting_id = meeting_file
    cf = CellFile.open(path)
    main = MainWindow(cf)            # its Xem menu holds the zoom keys (Ctrl+=, Ctrl+-, Ctrl+0)
    qtbot.addWidget(main)
    main.show()
    guide = open_meeting_guide(main, cf, meeting_id, clock=clock)
    guide.resize(*CLIENT)
    qtbot.waitExposed(guide)
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    for percent in (100, 125, 150):
        zoom_to(qtbot, guide, percent)
        assert fits(guide), (percent, guide.minimumSizeHint())
        # "Tiếp" before the opening: the panel says what is missing, the buttons stay on screen
        qtbot.keyClick(guide.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert guide.check_panel.isVisible() and "Khai mạc" in guide.check_label.text()
        QApplication.processEvents()
        assert fits(guide), (percent, "with the panel", guide.minimumSizeHint())
        assert guide.height() <= CLIENT[1]
        assert inside_screen(guide, guide.next_button, guide.prev_button, guide.roll_button)
    qtbot.keyClick(guide, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: guide.height() <= CLIENT[1] and guide.size().toTuple() == CLIENT, timeout=2000)
    assert QApplication.font().pointSizeF() == BASE_POINT_SIZE
    guide.close()
    main.close()
