"""GUI tests: offscreen Qt, a private data folder, the application set up as the program does."""
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"   # before Qt is imported anywhere

from datetime import date  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def gui_data_dir(tmp_path, monkeypatch):
    """Settings, recent files, automatic backups and the demo file go to a fresh folder."""
    data = tmp_path / "appdata"
    data.mkdir()
    monkeypatch.setenv("KIEMDIEM_DATA_DIR", str(data))
    return data


@pytest.fixture
def app(qapp, gui_data_dir):
    """The QApplication with our translations, style sheet, icon and (default) font size."""
    from kiemdiem_desktop.gui.app import setup_application

    setup_application(qapp)
    yield qapp
    from kiemdiem_desktop.gui.main_window import apply_zoom

    apply_zoom(0)


@pytest.fixture
def cell(tmp_path, app):
    """A real (not demo) cell file with a few members; closed after the test."""
    from kiemdiem_desktop.model import Cell, Gender, Member
    from kiemdiem_desktop.services import CellFile

    cf = CellFile.open(tmp_path / "chi-bo.kiemdiem", create=True)
    cf.save_cell(Cell(name="Chi bộ Phòng Tổ chức", higher_org="Đảng bộ Sở Nội vụ")).result()
    for name, born, gender, card in (("Nguyễn Văn Hùng", date(1975, 9, 2), Gender.MALE, "01.000001"),
                                     ("Trần Thị Ánh", date(1982, 1, 15), Gender.FEMALE, "01.000002"),
                                     ("Lê Văn Bình", date(1990, 6, 30), Gender.MALE, "01.000003"),
                                     ("Phạm Thị Yến", date(1988, 3, 8), Gender.FEMALE, "01.000004")):
        cf.add_member(Member(full_name=name, birth_date=born, gender=gender, admission_date=date(2010, 5, 19),
                             official_date=date(2011, 5, 19), card_number=card),
                      joined_on=date(2015, 1, 1)).result()
    yield cf
    if not cf.db._closed:
        cf.close(backup=False)


@pytest.fixture
def on_modal(qtbot):
    """Run ``fn(dialog)`` on the next modal dialog, while the code under test waits in exec()."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    errors = []

    def schedule(fn, tries=200):
        def attempt(left=tries):
            w = QApplication.activeModalWidget()
            if w is None:
                if left:
                    QTimer.singleShot(20, lambda: attempt(left - 1))
                else:
                    errors.append("no modal dialog appeared")
                return
            try:
                w.activateWindow()
                qtbot.waitUntil(w.isActiveWindow, timeout=2000)
                fn(w)
                if w.isVisible():   # never leave the test hanging in exec()
                    shown = [lbl.text() for lbl in w.findChildren(QLabel) if lbl.isVisible() and lbl.text()]
                    errors.append(f"the dialog stayed open: {shown}")
                    w.reject() if hasattr(w, "reject") else w.close()
            except BaseException as err:  # noqa: BLE001 - re-raised after the dialog closes
                errors.append(err)
                w.close()
        QTimer.singleShot(0, attempt)

    yield schedule
    for err in errors:
        raise err if isinstance(err, BaseException) else AssertionError(err)




@pytest.fixture
def type_text():
    """Type any text (Vietnamese too) into a widget as key events carrying the characters.

    QTest.keyClicks handles only ASCII: Unikey/EVKey deliver Vietnamese letters the same way,
    as key events whose text is the letter (composed, or decomposed for some settings).
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def _type(widget, text: str) -> None:
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
        QApplication.processEvents()
    return _type
