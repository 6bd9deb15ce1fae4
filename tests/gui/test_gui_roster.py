"""The roster screen, driven with the keyboard as a minute-taker would."""
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiemdiem_desktop.gui.member_dialog import MemberDialog
from kiemdiem_desktop.gui.roster import COL_BIRTH, COL_NAME, LeaveDialog, RosterScreen


def show_screen(qtbot, cf) -> RosterScreen:
    screen = RosterScreen(cf)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.table.setFocus()
    return screen


def test_roster_shows_members_in_vietnamese_name_order(qtbot, cell):
    screen = show_screen(qtbot, cell)
    # Given name first (Ánh, Bình, Hùng, Yến), Vietnamese alphabet: Á sorts with A, before B.
    assert screen.visible_names() == ["Trần Thị Ánh", "Lê Văn Bình", "Nguyễn Văn Hùng", "Phạm Thị Yến"]
    assert screen.proxy.index(2, COL_BIRTH).data() == "02/09/1975"
    assert screen.count_label.text() == "4 đảng viên đang sinh hoạt"


def test_type_a_new_member_with_the_keyboard(qtbot, cell, type_text, on_modal):
    screen = show_screen(qtbot, cell)
    seen = {}

    def fill(dlg):
        assert isinstance(dlg, MemberDialog)
        seen["title"] = dlg.windowTitle()
        assert dlg.full_name.hasFocus()
        type_text(dlg.full_name, unicodedata.normalize("NFD", "Đỗ  Thị   Dung"))  # decomposed, extra spaces
        qtbot.keyClick(dlg.full_name, Qt.Key.Key_Tab)
        qtbot.keyClicks(dlg.birth_date, "5/3/1980")
        qtbot.keyClick(dlg.birth_date, Qt.Key.Key_Tab)
        seen["birth"] = dlg.birth_date.text()
        qtbot.keyClicks(dlg.admission_date, "19.05.2012")
        qtbot.keyClick(dlg.admission_date, Qt.Key.Key_Return)   # Enter = Lưu

    on_modal(fill)
    qtbot.keyClick(screen.table, Qt.Key.Key_Insert)
    assert seen["title"] == "Thêm đảng viên"
    assert seen["birth"] == "05/03/1980"                        # retyped as dd/mm/yyyy
    assert screen.visible_names() == ["Trần Thị Ánh", "Lê Văn Bình", "Đỗ Thị Dung", "Nguyễn Văn Hùng",
                                      "Phạm Thị Yến"]
    # the new member is selected, with the date shown the Vietnamese way
    row = screen.table.currentIndex().row()
    assert screen.proxy.index(row, COL_NAME).data() == "Đỗ Thị Dung"
    assert screen.proxy.index(row, COL_BIRTH).data() == "05/03/1980"
    assert screen.count_label.text() == "5 đảng viên đang sinh hoạt"
    assert any(m.full_name == "Đỗ Thị Dung" for m in cell.members())


def test_invalid_date_is_shown_and_nothing_is_saved(qtbot, cell, type_text, on_modal):
    screen = show_screen(qtbot, cell)
    seen = {}

    def fill(dlg):
        type_text(dlg.full_name, "Hoàng Văn Tư")
        dlg.birth_date.setFocus()
        qtbot.keyClicks(dlg.birth_date, "31/02/1980")
        qtbot.keyClick(dlg.birth_date, Qt.Key.Key_Return)
        seen["open"] = dlg.isVisible()
        seen["error"] = dlg.error_label.text() if dlg.error_label.isVisible() else ""
        seen["focus"] = dlg.birth_date.hasFocus()
        dlg.reject()

    on_modal(fill)
    qtbot.keyClick(screen.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen["open"]
    assert "31/02/1980" in seen["error"] and "Ngày sinh" in seen["error"]
    assert seen["focus"]
    assert len(cell.members()) == 4


def test_service_refusal_is_shown_in_the_dialog(qtbot, cell, on_modal):
    screen = show_screen(qtbot, cell)
    seen = {}

    def fill(dlg):
        qtbot.keyClick(dlg.full_name, Qt.Key.Key_Return)        # no name typed
        seen["error"] = dlg.error_label.text()
        seen["open"] = dlg.isVisible()
        dlg.reject()

    on_modal(fill)
    screen.add_button.click()
    assert seen["open"] and seen["error"] == "Chưa nhập họ và tên."


def test_search_with_or_without_diacritics_and_by_initials(qtbot, cell, type_text):
    screen = show_screen(qtbot, cell)
    for query in ("hung", "Hùng", "nvh", "van hung"):
        screen.search.clear()
        type_text(screen.search, query)
        assert screen.visible_names() == ["Nguyễn Văn Hùng"], query
    assert screen.count_label.text() == "Tìm thấy 1 / 4 đảng viên"
    screen.search.clear()
    qtbot.keyClicks(screen.search, "thi")
    assert screen.visible_names() == ["Trần Thị Ánh", "Phạm Thị Yến"]
    screen.search.clear()
    assert len(screen.visible_names()) == 4


def test_enter_edits_the_selected_member(qtbot, cell, type_text, on_modal):
    screen = show_screen(qtbot, cell)
    qtbot.keyClicks(screen.search, "nvh")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)            # Enter in the search box: to the list
    assert screen.table.hasFocus()

    def edit(dlg):
        assert dlg.windowTitle() == "Sửa thông tin đảng viên"
        assert dlg.full_name.text() == "Nguyễn Văn Hùng"
        dlg.work_unit.setFocus()
        type_text(dlg.work_unit, "Phòng Thanh tra")
        qtbot.keyClick(dlg.work_unit, Qt.Key.Key_Return)

    on_modal(edit)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert next(m for m in cell.members() if m.full_name == "Nguyễn Văn Hùng").work_unit == "Phòng Thanh tra"


def test_header_click_sorts_names_the_vietnamese_way_and_dates_by_date(qtbot, cell):
    screen = show_screen(qtbot, cell)
    header = screen.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + __import__("PySide6.QtCore").QtCore.QPoint(
                         header.sectionViewportPosition(COL_NAME) + 10, 5))
    names = screen.visible_names()
    assert names in (["Trần Thị Ánh", "Lê Văn Bình", "Nguyễn Văn Hùng", "Phạm Thị Yến"],
                     ["Phạm Thị Yến", "Nguyễn Văn Hùng", "Lê Văn Bình", "Trần Thị Ánh"])
    screen.table.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert screen.visible_names() == ["Phạm Thị Yến", "Nguyễn Văn Hùng", "Lê Văn Bình", "Trần Thị Ánh"]
    screen.table.sortByColumn(COL_BIRTH, Qt.SortOrder.AscendingOrder)
    births = [screen.proxy.index(r, COL_BIRTH).data() for r in range(4)]
    assert births == ["02/09/1975", "15/01/1982", "08/03/1988", "30/06/1990"]   # by date, not by text


def test_mark_left_hides_the_member_unless_asked(qtbot, cell, type_text, on_modal):
    screen = show_screen(qtbot, cell)
    qtbot.keyClicks(screen.search, "binh")
    screen.table.setCurrentIndex(screen.proxy.index(0, COL_NAME))

    def leave(dlg):
        assert isinstance(dlg, LeaveDialog)
        dlg.day.selectAll()
        qtbot.keyClicks(dlg.day, "01/07/2025")
        type_text(dlg.reason, "Chuyển sinh hoạt về Đảng bộ phường")
        qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)

    on_modal(leave)
    screen.leave_button.click()
    screen.search.clear()
    assert "Lê Văn Bình" not in screen.visible_names()
    assert screen.count_label.text() == "3 đảng viên đang sinh hoạt"
    screen.show_former.click()
    assert "Lê Văn Bình" in screen.visible_names()
    row = screen.visible_names().index("Lê Văn Bình")
    assert "chuyển đi 01/07/2025" in screen.proxy.index(row, 7).data()
    QApplication.processEvents()
