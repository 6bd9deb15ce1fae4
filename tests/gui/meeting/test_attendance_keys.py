"""Issue 11 items 2 and 3: a late arrival after "Tất cả có mặt"; a digit never changes a status
unseen, and a message never moves the table under the mouse."""
from PySide6.QtCore import Qt

from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model import MeetingState

from tests.gui.meeting.test_guide_meeting import K, focus, focused, press, select_member


def _started(qtbot, open_guide, meeting_file, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who = {m.full_name: m.id for m in w.session.members.values()}
    w.session.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    clock.t = "08:00"
    focus(qtbot, w.opening.start_button)
    press(qtbot, K.Key_Space)
    assert w.session.meeting.state == MeetingState.IN_PROGRESS
    roll = w.opening.attendance
    focus(qtbot, roll.all_present)
    press(qtbot, K.Key_Space)
    return w, roll, who


def test_a_late_arrival_after_all_present(meeting_file, open_guide, qtbot, clock, type_text):
    w, roll, who = _started(qtbot, open_guide, meeting_file, clock)
    select_member(qtbot, roll, "Đỗ Văn Hải")
    press(qtbot, K.Key_Tab)                                   # the hint: "Tab: giờ đến muộn"
    assert roll.arrival.hasFocus(), focused()
    clock.t = "08:20"
    type_text(roll.arrival, "8:20")
    press(qtbot, K.Key_Return)
    a = w.session.record.attendance[who["Đỗ Văn Hải"]]
    assert (a.arrived_at, a.status) == ("08:20", Presence.ABSENT_NO_REASON)
    assert not a.in_room("08:10") and a.in_room("08:30")
    row = roll.table.currentRow()
    assert roll.table.item(row, 3).text() == "Đến muộn lúc 08:20 (chưa có lý do)"
    assert roll.table.item(row, 5).text() == "08:20"
    assert "Đã ghi đồng chí Đỗ Văn Hải đến lúc 08:20" in roll.notice.text()
    assert roll.error.text() == ""
    assert roll.table.hasFocus()
    # the reason, then the chair's approval (2, twice: it changes a status already set)
    press(qtbot, K.Key_Return)
    type_text(roll.reason, "Tắc đường")
    press(qtbot, K.Key_Return)
    press(qtbot, K.Key_2, times=2)
    a = w.session.record.attendance[who["Đỗ Văn Hải"]]
    assert (a.status, a.reason, a.arrived_at) == (Presence.ABSENT_APPROVED, "Tắc đường", "08:20")
    assert roll.table.item(row, 3).text() == "Đến muộn lúc 08:20 (lý do được chấp thuận)"
    w.refresh_header()
    assert w.counts.text().startswith("Có mặt 12/12")       # in the room and in the base from 08:20


def test_a_digit_never_changes_a_status_unseen(meeting_file, open_guide, qtbot, clock):
    w, roll, who = _started(qtbot, open_guide, meeting_file, clock)
    select_member(qtbot, roll, "Vũ Thị Dung")
    table_at = roll.table.geometry()
    button_at = roll.all_present.geometry()
    press(qtbot, K.Key_2)                                     # meant as the start of "20:15"
    assert w.session.record.attendance[who["Vũ Thị Dung"]].status == Presence.PRESENT
    assert "Vũ Thị Dung" in roll.notice.text() and "Gõ 2 lần nữa" in roll.notice.text()
    assert roll.table.geometry() == table_at and roll.all_present.geometry() == button_at   # nothing moved
    press(qtbot, K.Key_Down)                                  # another key: nothing changed, the question goes
    assert roll.notice.text() == ""
    press(qtbot, K.Key_Up)
    press(qtbot, K.Key_3, times=2)
    assert w.session.record.attendance[who["Vũ Thị Dung"]].status == Presence.ABSENT_UNAPPROVED
    assert "Đã ghi đồng chí Vũ Thị Dung: Vắng, lý do không được chấp thuận" in roll.notice.text()
    assert roll.table.geometry() == table_at and roll.all_present.geometry() == button_at
