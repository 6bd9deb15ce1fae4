"""Issue 11 item 10, the smaller things: the name lookup ranks the given name first and finds
"trinh nga"; a comment is edited in a box of several lines, Ctrl+Enter saves it."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiemdiem_desktop.gui.meeting.widgets import MemberPicker, ranked

from tests.gui.meeting.test_guide_meeting import K, focus, press, record_comment
from tests.gui.meeting.votes_helpers import start


def test_name_lookup_ranks_the_given_name_first_and_skips_middle_names(qtbot, app):
    people = [("1", "Nguyễn Văn Bình"), ("2", "Nguyễn Thị Quyên"), ("3", "Phạm Thị Yến"), ("4", "Trịnh Thị Nga")]
    picker = MemberPicker()
    qtbot.addWidget(picker)
    picker.set_people(people)
    picker.show()
    focus(qtbot, picker)
    qtbot.keyClicks(picker, "yen")
    assert picker.completer_._model.stringList()[0] == "Phạm Thị Yến"       # not Nguyễn… first
    chosen = []
    picker.chosen.connect(chosen.append)
    press(qtbot, K.Key_Tab)
    assert chosen == ["3"] and picker.text() == "Phạm Thị Yến"
    assert ranked("trinh nga", [n for _, n in people]) == ["Trịnh Thị Nga"]
    assert picker.resolve("trinh nga") == "4"


def test_a_comment_is_edited_in_a_box_of_several_lines(meeting_file, open_guide, qtbot, clock, type_text, on_modal):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    start(w, clock)
    w.go_next()
    record_comment(qtbot, w, type_text, "toan", "Chi ủy cần sâu sát hơn.")
    table = w.review.comments
    focus(qtbot, table)
    table.setCurrentCell(0, 2)
    seen = {}

    def edit(dlg):
        box = dlg.box
        seen["lines"] = box.height() // box.fontMetrics().lineSpacing()
        seen["width"] = box.width()
        assert box.hasFocus()
        qtbot.keyClick(box, Qt.Key.Key_Return)                               # a new line, not "OK"
        type_text(box, "Đề nghị kiểm tra định kỳ mỗi quý.")
        qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    on_modal(edit)
    press(qtbot, K.Key_F2)
    assert seen["lines"] >= 5 and seen["width"] > 400
    comment = w.session.record.comments_of(w.session.current.id)[0]
    assert comment.text == "Chi ủy cần sâu sát hơn.\nĐề nghị kiểm tra định kỳ mỗi quý."
    assert QApplication.activeModalWidget() is None


def test_who_counts_is_listed_by_name(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who = start(w, clock)               # Hồ Thị Khánh absent, approved (not counted); Ngô Văn Long absent
    roll = w.opening.attendance
    focus(qtbot, roll.who_button)
    press(qtbot, K.Key_Space)
    text = roll.who_counts.text()
    assert roll.who_counts.isVisible()
    assert "Được tính và có mặt (10): " in text and "Nguyễn Văn Hùng" in text.splitlines()[0]
    assert text.splitlines()[1] == "Được tính, không có mặt (1): Ngô Văn Long"
    assert "Hồ Thị Khánh" not in text
    assert w.counts.toolTip() == text                          # the header's figures say the same
    press(qtbot, K.Key_Space)
    assert not roll.who_counts.isVisible()


def test_status_and_results_texts_are_not_cut(meeting_file, open_guide, qtbot, clock):
    from kiemdiem_desktop.model.review import StepKind
    from tests.gui.meeting.votes_helpers import go_to_step

    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    start(w, clock)
    combo = w.opening.attendance.status
    longest = max(combo.itemText(i) for i in range(combo.count()))
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(longest)
    go_to_step(w, StepKind.RESULTS)
    view = w.results_page.view
    assert view.table.wordWrap() and view.table.textElideMode() == Qt.TextElideMode.ElideNone
