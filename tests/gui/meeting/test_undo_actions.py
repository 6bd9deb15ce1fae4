"""Issue 11 item 8: one user action is one undo, named in the Sửa menu."""
from PySide6.QtCore import Qt

from kiemdiem_desktop.model.review import StepKind

from tests.gui.meeting.test_guide_meeting import K, focus, press
from tests.gui.meeting.votes_helpers import go_to_step, start


def test_starting_the_votes_is_undone_by_one_ctrl_z(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    start(w, clock)
    go_to_step(w, StepKind.RATING_VOTES)
    page = w.ratings
    before = len(w.session.record.votes)
    focus(qtbot, page.start_button)
    press(qtbot, K.Key_Space)                                  # "Bắt đầu biểu quyết"
    assert len(w.session.record.votes) - before >= 10
    w.session.flush()
    w.menuBar().actions()[1].menu().aboutToShow.emit()          # the Sửa menu opens
    assert w.undo_action.text() == "&Hoàn tác: Bắt đầu biểu quyết"
    focus(qtbot, w.agenda)
    qtbot.keyClick(w.agenda, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(w.session.record.votes) == before               # every question went with one Ctrl+Z
    assert page.start_button.isVisible()                        # and the screen shows it
    assert "Đã hoàn tác: Bắt đầu biểu quyết" in w.statusBar().currentMessage()
    w.menuBar().actions()[1].menu().aboutToShow.emit()
    assert w.redo_action.text() == "&Làm lại: Bắt đầu biểu quyết"
