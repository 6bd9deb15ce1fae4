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


def test_no_verdict_beside_an_impossible_count(meeting_file, open_guide, qtbot, clock):
    """Issue 11 item 4: nothing red before anything is typed; 3+6 with fewer present shows the error,
    no level and no "đạt"; no "→" or "✓" anywhere on the grid."""
    from tests.gui.meeting.votes_helpers import type_into

    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    start(w, clock)
    go_to_step(w, StepKind.RATING_VOTES)
    page = w.ratings
    focus(qtbot, page.start_button)
    press(qtbot, K.Key_Space)
    results = page.hands_results
    rows = range(results.table.rowCount())
    last = results.table.columnCount() - 1
    assert all(results.cell(r, last) == "Chưa nhập số liệu" for r in rows)     # not "Không mức nào đạt…"
    assert not results.none_passed.isVisible()
    vote = page.hands_votes()[1]
    edits = page.hands_grid.edits[vote.id]
    levels = list(edits)
    type_into(qtbot, edits[levels[0]], "5")
    type_into(qtbot, edits[levels[1]], "6")                 # 11 hands, 10 in the room: impossible
    press(qtbot, K.Key_Tab)
    row = [v.id for v in results.votes].index(vote.id)
    texts = [results.cell(row, c) for c in range(1, last + 1)]
    assert page.hands_problems.text()                        # the error is said…
    assert texts[-1] == "Số liệu chưa khớp, chưa có kết quả"  # …and no level beside it
    assert not any("đạt" in t or "✓" in t or "→" in t for t in texts[:-1])
    assert not page.hands_record.isEnabled()
