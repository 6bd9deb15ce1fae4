"""Issue 11, items 6 and 11: the guide and the documents window show one live meeting; an edit in
one is never overwritten by the other, the documents window and the meetings list never go stale,
a write that fails is read back from the file and said."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kiemdiem_desktop.gui.main_window import MainWindow
from kiemdiem_desktop.model import MeetingState
from kiemdiem_desktop.session import MeetingSession


def _held_file(tmp_path):
    from tests.documents.conftest import hold_meeting
    from tests.flow.conftest import twelve_member_cell

    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    desk = hold_meeting(cf, {"t": "08:00"})
    return cf, desk.s.meeting_id


def _row_state(w, meeting_id) -> str:
    return w.meetings.table.item(w.meetings._ids.index(meeting_id), 2).text()


def test_guide_and_documents_window_share_the_meeting(qtbot, app, tmp_path, on_modal, type_text):
    cf, meeting_id = _held_file(tmp_path)
    w = MainWindow(cf)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentWidget(w.meetings)
    w.meetings.table.setCurrentCell(w.meetings._ids.index(meeting_id), 0)
    w.meetings.open_button.click()                      # the guide
    guide = w.meetings.guides[-1]
    w.meetings.table.setCurrentCell(w.meetings._ids.index(meeting_id), 0)
    w.meetings.documents_button.click()                 # and the documents, from the list
    docs = w.meetings.guides[-1]
    assert docs.objectName() == "documentsWindow" and docs.session is guide.session
    w.meetings.documents_button.click()                 # a second click brings the same window up
    assert w.meetings.guides[-1] is docs
    qtbot.waitUntil(lambda: "minutes_pdf" in docs.files, timeout=20000)
    assert "lần 1" in docs.status.text() and docs.sign_button.isEnabled()

    # reopen in the documents window: the guide and the list follow at once
    def reopen(dlg):
        type_text(dlg.reason_edit, "Sửa địa điểm họp")
        qtbot.keyClick(dlg.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    on_modal(reopen)
    docs.lock_panel.reopen_button.click()
    assert "biên bản đã khóa" not in guide.step_number.text()
    assert "DỰ THẢO" in docs.status.text() and not docs.sign_button.isEnabled()
    assert _row_state(w, meeting_id) != "Đã khóa"

    # the place set in the guide (F4) …
    def set_place(dlg):
        dlg.place.setFocus()
        dlg.place.selectAll()
        type_text(dlg.place, "Hội trường B")
        qtbot.keyClick(dlg.place, Qt.Key.Key_Tab)
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    on_modal(set_place)
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    qtbot.keyClick(guide, Qt.Key.Key_F4)
    # … survives the lock made in the documents window (it wrote an older copy before)
    on_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    docs.lock_panel.lock_button.click()
    assert docs.session.meeting.state == MeetingState.LOCKED
    assert "biên bản đã khóa" in guide.step_number.text()
    assert "lần 2" in docs.status.text() and docs.sign_button.isEnabled()
    assert MeetingSession(cf, meeting_id).meeting.place == "Hội trường B"
    w.close()


def test_a_failed_write_reads_the_meeting_back_and_says_so(qtbot, app, tmp_path, type_text):
    from kiemdiem_desktop.gui.meeting import open_meeting_guide
    from kiemdiem_desktop.services import CellFile
    from kiemdiem_desktop.session import prepare_meeting
    from tests.flow.conftest import twelve_member_cell

    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    meeting_id = prepare_meeting(cf, 2025).meeting_id
    guide = open_meeting_guide(None, cf, meeting_id)
    step = guide.session.record.steps[1]
    guide.go_to(step.id)
    # the disk refuses writes of agenda steps from now on (as a full or removed disk would)
    cf.db.call(lambda conn: conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE ON agenda_step BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"))
    box = guide.review.conclusion                      # the collective review's conclusion (agenda_step)
    box.setFocus()
    type_text(box, "Báo cáo")
    qtbot.keyClick(box, Qt.Key.Key_Tab)                 # leaving the box saves it
    qtbot.waitUntil(lambda: "Chưa lưu được" in guide.review.error.text(), timeout=5000)
    assert "Đã đọc lại cuộc họp từ tệp" in guide.review.error.text()
    assert guide.session.record.step(step.id).conclusion == ""  # what the file holds
    assert box.toPlainText() == ""
    guide.close()
    QApplication.processEvents()
    assert isinstance(cf, CellFile)
    cf.close(backup=False)
