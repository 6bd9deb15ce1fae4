"""The window's first frame costs what the user sees: PySide6's Qt namespace (93 enums, ~12 ms) is
not built before it (gui/qt_values.py), and what the start-up path uses instead means Qt's values."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiemdiem_desktop.gui import qt_values

ROOT = Path(__file__).resolve().parents[2]


def test_the_plain_numbers_are_qts_own_values():
    assert qt_values.DISPLAY_ROLE == Qt.ItemDataRole.DisplayRole.value
    assert qt_values.TOOLTIP_ROLE == Qt.ItemDataRole.ToolTipRole.value
    assert qt_values.TEXT_ALIGNMENT_ROLE == Qt.ItemDataRole.TextAlignmentRole.value
    assert qt_values.FOREGROUND_ROLE == Qt.ItemDataRole.ForegroundRole.value
    assert qt_values.ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value
    assert qt_values.APPLICATION_SHORTCUT == Qt.ShortcutContext.ApplicationShortcut.value
    assert qt_values.WIDGET_WITH_CHILDREN_SHORTCUT == Qt.ShortcutContext.WidgetWithChildrenShortcut.value


PROBE = """
import sys
import kiemdiem_desktop.gui.app as app

painted = app._QuitWhenPainted._painted

def probe(self):
    import PySide6.QtCore
    import PySide6.QtWidgets
    print("namespace built before the first frame:", "Qt" in PySide6.QtCore.__dict__)
    made = [n for n in ("QFormLayout", "QTableWidget", "QTableWidgetItem") if n in PySide6.QtWidgets.__dict__]
    print("page classes made before the first frame:", " ".join(made) or "none")
    painted(self)

app._QuitWhenPainted._painted = probe
sys.argv = ["kiemdiem", "--db", sys.argv[1], "--exit-when-shown"]
from kiemdiem_desktop.__main__ import main
sys.exit(main())
"""


@pytest.mark.parametrize("finished", [True, False], ids=["roster tab", "meeting tab"])
def test_first_frame_without_the_qt_namespace(tmp_path, finished):
    """The demo after its meeting opens on the roster; with its meeting being prepared, on Cuộc họp."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIEMDIEM_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    db = tmp_path / "demo.kiemdiem"
    subprocess.run([sys.executable, "-m", "kiemdiem_desktop", "demo", "--db", str(db), "--members", "12"]
                   + (["--finished"] if finished else []), env=env, cwd=ROOT, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-c", PROBE, str(db)], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "namespace built before the first frame: False" in out.stdout.splitlines()
    # PySide6 makes a class's type (and its enums) when it is first named: the pages not shown
    # (Chi bộ: a QFormLayout; Cuộc họp: a QTableWidget of QTableWidgetItems) name theirs when made
    made = "QTableWidget QTableWidgetItem" if not finished else "none"
    assert f"page classes made before the first frame: {made}" in out.stdout.splitlines()


def test_roster_shortcuts_zoom_keys_and_banner_as_before(qtbot, app, tmp_path):
    """Set without naming Qt's enums: the roster's keys work anywhere in the roster, the zoom keys
    in every window of the program, the demo banner is centred (by the style sheet)."""
    from PySide6.QtGui import QKeySequence, QShortcut

    from kiemdiem_desktop.gui.main_window import MainWindow
    from kiemdiem_desktop.services.demo import create_demo

    w = MainWindow(create_demo(tmp_path / "mau.kiemdiem", members=12))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)

    shortcuts = {s.key().toString(): s.context() for s in w.roster.findChildren(QShortcut)}
    assert shortcuts == {k: Qt.ShortcutContext.WidgetWithChildrenShortcut
                         for k in ("Ins", "Ctrl+N", "F2", "Ctrl+I", "Ctrl+F")}
    for action in (w.zoom_in_action, w.zoom_out_action, w.zoom_reset_action):
        assert action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    assert w.zoom_in_action.shortcuts() == [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")]
    assert w.demo_banner.isVisible() and w.demo_banner.alignment() == Qt.AlignmentFlag.AlignCenter
    assert not w.roster.isVisible()       # the demo's meeting is being prepared: the window opens on it
    w.tabs.setCurrentWidget(w.roster)
    qtbot.waitUntil(w.roster.table.isSortingEnabled, timeout=2000)     # right after its first frame
    assert w.roster.table.horizontalHeader().sortIndicatorSection() == -1      # the service's order
    header = w.roster.table.horizontalHeader()
    assert [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())][:3] == [
        "STT", "Họ và tên", "Ngày sinh"]
    w.close()


def test_pages_not_shown_are_made_when_first_shown_with_their_data(qtbot, app, cell):
    """The window opens on the roster: the Chi bộ and Cuộc họp pages are made when first shown (or
    named), filled as before, and a page never shown has nothing to save on closing."""
    from kiemdiem_desktop.gui.main_window import MainWindow

    w = MainWindow(cell)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.tabs.currentWidget() is w.roster
    assert not w.cell_page._made and not w.meetings._made
    w.tabs.setCurrentWidget(w.cell_page)
    assert w.cell_page._made and w.cell_page.isVisible()
    assert w.cell_page.name.text() == "Chi bộ Phòng Tổ chức" and w.cell_page.name.isVisible()
    assert w.cell_page.higher_org.text() == "Đảng bộ Sở Nội vụ"
    assert w.cell_page.name.geometry().width() > 200            # laid out in the page's first frame
    w.tabs.setCurrentWidget(w.meetings)
    assert w.meetings.empty.isVisible() and not w.meetings.table.isVisible()   # no meeting yet
    assert w.meetings.new_button.isVisible() and not w.meetings.open_button.isEnabled()
    w.close()


def test_a_page_named_before_it_is_shown_is_made_then(qtbot, app, cell):
    from kiemdiem_desktop.gui.main_window import MainWindow

    w = MainWindow(cell)
    qtbot.addWidget(w)
    assert w.cell_page.name.text() == "Chi bộ Phòng Tổ chức"       # made when named
    w.close()
