"""Text saved as typed (NFC, within a second), the presentation window, undo/redo, the prepare dialog."""
import unicodedata

from PySide6.QtCore import Qt

from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.session import MeetingSession

from tests.gui.meeting.test_guide_meeting import ALT, K, focus, press


def started(w, clock):
    """Chair, minute-taker, Khai mạc, everyone present; then on to the committee's review."""
    s = w.session
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    w.start_meeting()
    w.opening.attendance.mark_all_present()
    w.go_next()
    assert s.current.kind == StepKind.COLLECTIVE_REVIEW
    return who


def test_nfd_typing_is_stored_nfc_within_a_second(meeting_file, open_guide, qtbot, clock, type_text):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    started(w, clock)
    step_id = w.session.current.id
    focus(qtbot, w.review.conclusion)
    typed = unicodedata.normalize("NFD", "Đồng chí cần phát huy ưu điểm, khắc phục hạn chế")
    assert not unicodedata.is_normalized("NFC", typed)
    type_text(w.review.conclusion, typed)
    assert w.review.conclusion.hasFocus()                 # still typing: saved by the timer, not focus-out

    def stored():
        probe = MeetingSession(cf, meeting_id)
        return probe.record.step(step_id).conclusion

    qtbot.waitUntil(lambda: stored() == "Đồng chí cần phát huy ưu điểm, khắc phục hạn chế", timeout=1500)
    assert unicodedata.is_normalized("NFC", stored())


def test_presentation_window_follows_the_guide(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    press(qtbot, K.Key_F5)
    show = w.presentation
    assert show is not None and show.isVisible()
    assert show.title.text().startswith("Khai mạc")
    assert show.title.font().pointSizeF() >= 28
    started(w, clock)
    assert show.title.text() == "Kiểm điểm tập thể chi ủy"
    assert show.counts.text() == "Có mặt 12 / 12 · cần 8"
    w.review.conclusion.setPlainText("Chi ủy tiếp thu.")
    w.go_next()
    assert show.title.text() == "Kiểm điểm đảng viên"
    assert show.subject.text() == "Đồng chí Nguyễn Văn Hùng"
    # attendance changes show at once
    w.toggle_roll()
    roll = w.roll
    roll.table.setCurrentCell([m.full_name for m in roll.people].index("Đỗ Văn Hải"), 1)
    clock.t = "08:00"
    roll.leaving.setText("08:00")
    roll.save_leave()
    assert show.counts.text() == "Có mặt 11 / 12 · cần 8"
    w.toggle_roll()
    # the chair hands over: shown too
    w.review.hand_over()
    assert "Chủ trì phần này: đồng chí Trần Thị Lan" in show.subject.text()
    # 150 %: the application font grows, the projector type with it
    from kiemdiem_desktop.gui.main_window import apply_zoom

    base = show.title.font().pointSizeF()
    apply_zoom(int(11 * 0.5))
    qtbot.waitUntil(lambda: show.title.font().pointSizeF() > base * 1.4, timeout=2000)


def test_undo_and_redo_reload_the_views(meeting_file, open_guide, qtbot, clock, type_text):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    started(w, clock)
    focus(qtbot, w.review.speaker)
    qtbot.keyClicks(w.review.speaker, "lan")
    press(qtbot, K.Key_Tab)
    type_text(w.review.text, "Ý kiến sẽ được hoàn tác")
    press(qtbot, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert w.review.comments.rowCount() == 1
    w.update_undo_labels()
    assert w.undo_action.text() == "&Hoàn tác: Ghi ý kiến"
    press(qtbot, K.Key_Z, Qt.KeyboardModifier.ControlModifier)   # the speaker field is empty: the window's undo
    assert w.review.comments.rowCount() == 0
    assert w.redo_action.text() == "&Làm lại: Ghi ý kiến"
    press(qtbot, K.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert w.review.comment_rows()[0][0] == "Trần Thị Lan"
    # undo a step change: back to the opening
    w.review.conclusion.setPlainText("Chi ủy tiếp thu.")
    w.flush()
    w.undo()                                      # the conclusion
    assert w.review.conclusion.toPlainText() == ""


def test_prepare_dialog_edits_the_meeting(meeting_file, open_guide, qtbot, clock, tmp_path, type_text):
    from kiemdiem_desktop.gui.meeting.prepare import PrepareDialog

    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    dlg = PrepareDialog(w.session, w)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert "366-QĐ/TW" in dlg.rules_label.text()
    assert dlg.number.text() == "05-BB/CB"
    focus(qtbot, dlg.chair)
    qtbot.keyClicks(dlg.chair, "tran thi lan")
    press(qtbot, K.Key_Tab)
    s = w.session
    who = {m.full_name: m.id for m in s.members.values()}
    assert s.meeting.chair_id == who["Trần Thị Lan"]
    # delegates
    dlg.tabs.setCurrentIndex(1)
    focus(qtbot, dlg.delegate_name)
    type_text(dlg.delegate_name, "Lê Thị Hoa")
    focus(qtbot, dlg.delegate_title)
    type_text(dlg.delegate_title, "Chuyên viên Ban Tổ chức")
    press(qtbot, K.Key_Return)
    assert [d.name for d in s.meeting.delegates] == ["Trần Quốc Toản", "Lê Thị Hoa"]
    # the agenda: reorder with Alt+Up
    dlg.tabs.setCurrentIndex(2)
    last = s.record.steps[-2].id
    dlg.steps.setCurrentRow(len(s.record.steps) - 2)
    focus(qtbot, dlg.steps)
    press(qtbot, K.Key_Up, ALT)
    assert s.record.steps[-3].id == last
    # a self-review: summary typed, file attached, scores, level
    dlg.tabs.setCurrentIndex(3)
    dlg.people.setCurrentRow(2)                          # Trần Thị Lan
    focus(qtbot, dlg.summary)
    type_text(dlg.summary, "Hoàn thành tốt nhiệm vụ phó bí thư.")
    press(qtbot, K.Key_Tab)
    f = tmp_path / "ban-tu-kiem-diem.pdf"
    f.write_bytes(b"%PDF-1.4 test")
    dlg.attach(str(f))
    dlg.general.setValue(28)
    dlg.task.setValue(65)
    dlg._save_scores()
    dlg.level.setCurrentIndex(2)
    dlg.level.activated.emit(2)
    dlg.written_text.setText("Nơi cư trú nhận xét tốt.")
    dlg.add_written()
    dlg.close()
    s.flush() if hasattr(s, "flush") else None
    again = MeetingSession(cf, meeting_id)
    r = again.record.self_reviews[who["Trần Thị Lan"]]
    assert (r.summary, r.attachment_name, r.general_score, r.task_score, r.proposed_level) == (
        "Hoàn thành tốt nhiệm vụ phó bí thư.", "ban-tu-kiem-diem.pdf", 28, 65, "GOOD")
    assert again.attachment(who["Trần Thị Lan"]) == ("ban-tu-kiem-diem.pdf", b"%PDF-1.4 test")
    assert [x.text for x in again.record.written if x.member_id == who["Trần Thị Lan"]] == ["Nơi cư trú nhận xét tốt."]
