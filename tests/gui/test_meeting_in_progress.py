"""Issue 11 items 6 and 7: the meeting is prepared from the Cuộc họp tab (the real preparation,
not only a supplementary session); reopening the program says which meeting is under way and
Enter goes back to it; a message that is no longer true goes away."""
from PySide6.QtCore import Qt

from kiemdiem_desktop.gui.main_window import MainWindow
from kiemdiem_desktop.model import MeetingState
from kiemdiem_desktop.session import MeetingSession, prepare_meeting


def test_prepare_from_the_meetings_tab(qtbot, app, cell, on_modal, type_text):
    meeting_id = prepare_meeting(cell, 2025).meeting_id
    w = MainWindow(cell)
    qtbot.addWidget(w)
    w.show()
    assert w.tabs.currentWidget() is w.meetings             # a meeting being prepared: shown first
    assert "đang chuẩn bị" in w.meetings.in_progress.text() and w.meetings.in_progress.isVisible()
    assert w.meetings.selected_meeting_id() == meeting_id
    seen = {}

    def prepare(dlg):
        seen["tabs"] = [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())]
        dlg.place.setFocus()
        type_text(dlg.place, "Hội trường tầng 2")
        qtbot.keyClick(dlg.place, Qt.Key.Key_Tab)
        dlg.tabs.setCurrentIndex(1)                          # delegates: add with no name, then a name
        dlg.delegate_title.setFocus()
        qtbot.keyClick(dlg.delegate_title, Qt.Key.Key_Return)
        seen["empty"] = dlg.error.text()
        type_text(dlg.delegate_name, "Trần Quốc Toản")
        qtbot.keyClick(dlg.delegate_name, Qt.Key.Key_Tab)
        type_text(dlg.delegate_title, "Đảng ủy viên")
        qtbot.keyClick(dlg.delegate_title, Qt.Key.Key_Return)
        seen["after"] = dlg.error.text()
        seen["rows"] = dlg.delegates.rowCount()
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    on_modal(prepare)
    qtbot.mouseClick(w.meetings.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "after" in seen, timeout=10000)
    assert seen["empty"] == "Chưa nhập họ và tên đại biểu."
    assert seen["rows"] == 1 and seen["after"] == ""          # not left standing after the add
    guide = w.meetings.guides[-1]
    guide.session.flush()
    again = MeetingSession(cell, meeting_id)
    assert again.meeting.place == "Hội trường tầng 2"
    assert [d.name for d in again.meeting.delegates] == ["Trần Quốc Toản"]
    w.close()


def test_reopening_the_program_during_the_meeting(qtbot, app, cell):
    s = prepare_meeting(cell, 2025)
    s.mark_all_present().result()
    s.start().result()
    s.go_next()
    s.flush()
    step = s.current.id
    w = MainWindow(cell)
    qtbot.addWidget(w)
    w.show()
    assert w.tabs.currentWidget() is w.meetings
    assert w.meetings.in_progress.text().startswith("Hội nghị kiểm điểm năm 2025 đang họp")
    row = w.meetings._ids.index(s.meeting_id)
    assert w.meetings.table.item(row, 2).text() == "Đang họp"
    w.activateWindow()
    qtbot.waitUntil(w.meetings.table.hasFocus)
    qtbot.keyClick(w.meetings.table, Qt.Key.Key_Return)     # Enter: back where the meeting stopped
    guide = w.meetings.guides[-1]
    assert guide.session.current.id == step and guide.session.meeting.state == MeetingState.IN_PROGRESS
    w.close()


def test_the_roster_behind_the_meetings_tab_is_whole_when_chosen(qtbot, app, cell):
    """The window opens on the meeting under way and reads the members only when the Đảng viên tab
    is chosen: the list, its count and a member added meanwhile are all there."""
    from kiemdiem_desktop.model import Member

    prepare_meeting(cell, 2025)
    w = MainWindow(cell)
    qtbot.addWidget(w)
    w.show()
    assert w.tabs.currentWidget() is w.meetings
    cell.add_member(Member(full_name="Đỗ Thị Dung")).result()     # changed before the tab is chosen
    w.tabs.setCurrentWidget(w.roster)
    assert w.roster.visible_names() == ["Trần Thị Ánh", "Lê Văn Bình", "Đỗ Thị Dung", "Nguyễn Văn Hùng",
                                        "Phạm Thị Yến"]
    assert w.roster.count_label.text() == "5 đảng viên đang sinh hoạt"
    assert w.roster.table.model().rowCount() == 5
    w.close()
