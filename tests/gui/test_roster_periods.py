"""Issue 17 item 4 through the roster screen and the member dialog: exemption and the other
states keep a member on the roll, row numbers never jump, a new membership starts on the
admission date, Enter in the period table never saves and closes the dialog, and a member
marked as left today no longer counts as "đang sinh hoạt"."""
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kiemdiem_desktop.gui.member_dialog import MemberDialog
from kiemdiem_desktop.gui.roster import COL_NAME, COL_STATUS, COL_STT
from kiemdiem_desktop.model import Category, PeriodKind, category_on
from kiemdiem_desktop.vn.dates import format_date

from tests.gui.test_gui_roster import show_screen



def answer_next_box(fn, seen):
    """``fn(box)`` on the next QMessageBox shown modally (opened from inside a dialog)."""
    def attempt(left=200):
        w = QApplication.activeModalWidget()
        if isinstance(w, QMessageBox):
            seen.append(w.text())
            fn(w)
        elif left:
            QTimer.singleShot(20, lambda: attempt(left - 1))
    QTimer.singleShot(0, attempt)


def select(screen, name):
    row = screen.visible_names().index(name)
    screen.table.setCurrentIndex(screen.proxy.index(row, COL_NAME))


def stt(screen):
    return [screen.proxy.index(r, COL_STT).data() for r in range(screen.proxy.rowCount())]


def test_an_exempted_member_stays_on_the_roll_and_numbers_never_jump(qtbot, cell, type_text, on_modal):
    screen = show_screen(qtbot, cell)
    # Ánh leaves today: hidden, not counted from today, the numbers stay 1, 2, 3
    select(screen, "Trần Thị Ánh")

    def leave(dlg):
        assert dlg.day.text() == format_date(date.today())
        qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    on_modal(leave)
    screen.leave_button.click()
    assert "Trần Thị Ánh" not in screen.visible_names()
    assert screen.count_label.text() == "3 đảng viên đang sinh hoạt"
    assert stt(screen) == ["1", "2", "3"]
    anh = next(m for m in cell.members() if m.full_name == "Trần Thị Ánh")
    assert category_on(anh, date.today()) == Category.NOT_IN_CELL
    assert category_on(anh, date.today() - timedelta(days=1)) == Category.OFFICIAL
    screen.show_former.click()
    assert stt(screen) == ["1", "2", "3", "4"]
    row = screen.visible_names().index("Trần Thị Ánh")
    assert f"chuyển đi {format_date(date.today())}" in screen.proxy.index(row, COL_STATUS).data()
    screen.show_former.click()

    # Bình is exempted the way a clerk first tries it: the membership ended yesterday, the
    # exemption from today. The dialog says he stays in the cell and offers to keep him there.
    select(screen, "Lê Văn Bình")
    boxes = []

    def exempt(dlg):
        assert isinstance(dlg, MemberDialog)
        dlg.tabs.setCurrentIndex(1)
        t = dlg.periods
        assert t.rowCount() == 1 and t.cellWidget(0, 0).value() == PeriodKind.MEMBERSHIP
        t.setItem(0, 2, t.item(0, 2).clone())
        t.item(0, 2).setText(format_date(date.today() - timedelta(days=1)))
        dlg.findChildren(type(dlg.save_button), options=Qt.FindChildOption.FindChildrenRecursively)
        add = next(b for b in dlg.findChildren(type(dlg.save_button)) if b.text() == "Thêm khoảng thời gian")
        add.click()
        assert t.rowCount() == 2 and t.currentRow() == 1 and t.currentColumn() == 1
        assert t.item(1, 1).text() == format_date(date.today())                 # editable, today by default
        t.cellWidget(1, 0).setCurrentIndex(t.cellWidget(1, 0).values.index(PeriodKind.EXEMPTION))
        answer_next_box(lambda box: next(b for b in box.buttons() if b.objectName() == "keepOnRoll").click(),
                        boxes)
        dlg.save_button.click()
    on_modal(exempt)
    screen.edit_button.click()
    assert boxes and "Miễn công tác và sinh hoạt đảng" in boxes[0] and "vẫn sinh hoạt trong danh sách chi bộ" in \
        boxes[0]
    assert "Lê Văn Bình" in screen.visible_names()
    row = screen.visible_names().index("Lê Văn Bình")
    assert screen.proxy.index(row, COL_STATUS).data() == "Miễn sinh hoạt"
    assert screen.count_label.text() == "3 đảng viên đang sinh hoạt"
    assert stt(screen) == ["1", "2", "3"]
    binh = next(m for m in cell.members() if m.full_name == "Lê Văn Bình")
    assert category_on(binh, date.today()) == Category.EXEMPTED
    assert [p.end for p in binh.periods_of(PeriodKind.MEMBERSHIP)] == [None]


def test_going_back_keeps_the_dialog_and_the_core_refuses_a_member_off_the_roll(qtbot, cell, on_modal):
    import pytest

    from kiemdiem_desktop.i18n import UserError
    from kiemdiem_desktop.model import Period

    screen = show_screen(qtbot, cell)
    select(screen, "Phạm Thị Yến")
    boxes, state = [], {}

    def suspend(dlg):
        dlg.tabs.setCurrentIndex(1)
        t = dlg.periods
        t.item(0, 2).setText(format_date(date.today() - timedelta(days=1)))
        dlg._add_period_row(None)
        t.cellWidget(1, 0).setCurrentIndex(t.cellWidget(1, 0).values.index(PeriodKind.SUSPENSION))
        answer_next_box(lambda box: next(b for b in box.buttons() if b.text() == "&Quay lại sửa").click(), boxes)
        dlg.save_button.click()
        state["open"] = dlg.isVisible()
        state["cell"] = (t.currentRow(), t.currentColumn())
        dlg.reject()
    on_modal(suspend)
    screen.edit_button.click()
    assert boxes and state == {"open": True, "cell": (0, 2)}
    yen = next(m for m in cell.members() if m.full_name == "Phạm Thị Yến")
    assert category_on(yen, date.today()) == Category.OFFICIAL                      # nothing saved
    yen.periods[0].end = date.today() - timedelta(days=1)
    yen.periods.append(Period(PeriodKind.SUSPENSION, date.today()))
    with pytest.raises(UserError, match="vẫn thuộc chi bộ"):
        cell.save_member(yen)


def test_enter_in_the_period_table_edits_it_and_never_saves(qtbot, cell, type_text, on_modal):
    screen = show_screen(qtbot, cell)
    seen = {}

    def fill(dlg):
        type_text(dlg.full_name, "Đỗ Thị Dung")
        qtbot.keyClick(dlg.full_name, Qt.Key.Key_Tab)
        qtbot.keyClick(dlg.birth_date, Qt.Key.Key_Tab)
        qtbot.keyClick(dlg.gender, Qt.Key.Key_Tab)
        qtbot.keyClicks(dlg.admission_date, "19/05/2012")
        qtbot.keyClick(dlg.admission_date, Qt.Key.Key_Tab)
        dlg.tabs.setCurrentIndex(1)
        t = dlg.periods
        # the first membership starts on the admission date, not today
        seen["start"] = (t.cellWidget(0, 0).value(), t.item(0, 1).text())
        t.setFocus()
        qtbot.waitUntil(t.hasFocus)
        t.setCurrentCell(0, 3)
        qtbot.keyClick(t, Qt.Key.Key_Return)                      # opens the cell…
        seen["editing"] = t.state() == t.State.EditingState
        type_text(QApplication.focusWidget(), "Chuyển đến từ Chi bộ Phường 3")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)     # …and closes it
        QApplication.processEvents()
        qtbot.keyClick(t, Qt.Key.Key_Enter)
        QApplication.processEvents()
        seen["open"] = dlg.isVisible()
        seen["note"] = t.item(0, 3).text()
        if t.state() == t.State.EditingState:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        dlg.save_button.click()
    on_modal(fill)
    screen.add_button.click()
    assert seen["start"] == (PeriodKind.MEMBERSHIP, "19/05/2012")
    assert seen["editing"] and seen["open"]
    assert seen["note"] == "Chuyển đến từ Chi bộ Phường 3"
    dung = next(m for m in cell.members() if m.full_name == "Đỗ Thị Dung")
    assert [(p.kind, p.start, p.end, p.note) for p in dung.periods] == [
        (PeriodKind.MEMBERSHIP, date(2012, 5, 19), None, "Chuyển đến từ Chi bộ Phường 3")]
    assert screen.count_label.text() == "5 đảng viên đang sinh hoạt"


def test_nothing_of_the_roster_is_cut_at_1366_and_150_percent(qtbot, cell):
    """Issue 17 item 7: "Hiện cả người đã chuyển đi" whole, and the columns follow a zoomed font."""
    from kiemdiem_desktop.gui.main_window import MainWindow, apply_zoom
    from kiemdiem_desktop.gui.roster import COL_BIRTH, RosterScreen

    w = MainWindow(cell)
    qtbot.addWidget(w)
    w.resize(1366, 728)
    w.show()
    qtbot.waitExposed(w)
    screen = w.findChild(RosterScreen)
    try:
        for step in (0, 5):                      # 11 pt, then 16 pt (about 150%)
            apply_zoom(step)
            QApplication.processEvents()
            box = screen.show_former
            assert box.isVisible() and box.width() >= box.sizeHint().width(), step
            assert box.mapTo(w, box.rect().topRight()).x() <= w.width()
            m = screen.table.fontMetrics()
            for col in (COL_NAME, COL_BIRTH, COL_STATUS):
                widest = max(m.horizontalAdvance(screen.model.text(r, col)) for r in range(screen.model.rowCount()))
                assert screen.table.columnWidth(col) >= widest + 8, (step, col)
    finally:
        apply_zoom(0)
        w.hide()
