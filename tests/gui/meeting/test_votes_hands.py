"""Show of hands: the agenda at the opening with its figures against the base, a correction of the
attendance that would change an announced result (asked first), a blocking finding that keeps the
rating step until a reason is typed, and the competent level's decision recorded later."""
from datetime import date

from kiemdiem_desktop.model.levels import Level
from kiemdiem_desktop.model.rating import DecisionKind
from kiemdiem_desktop.model.review import StepKind

from tests.gui.meeting.test_guide_meeting import ALT, CTRL, K, focus, focused, press, select_member
from tests.gui.meeting.votes_helpers import go_to_step, start, type_into


def test_agenda_vote_then_an_attendance_correction_asks_first(meeting_file, open_guide, qtbot, clock, on_modal):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who = start(w, clock)
    seen = {}

    def vote(dlg):
        p = dlg.panel
        assert p.question.text() == "Thông qua chương trình hội nghị" and p.yes.hasFocus()
        assert p.method.text() == "Biểu quyết giơ tay" and p.time.text() == "08:00"
        assert p.base_line.text() == "Đảng viên được tính 11 · có mặt 10 · cần trên 5,5 (6) phiếu tán thành"
        assert not p.quorum.isVisible()
        qtbot.keyClicks(p.yes, "6")
        press(qtbot, K.Key_Tab)
        qtbot.keyClicks(focused(), "9")                       # a slip: 15 hands for 10 voters
        assert "nhiều hơn số người được biểu quyết có mặt (10)" in p.problems.text()
        assert p.problems.isVisible() and not p.record_button.isEnabled()
        focused().selectAll()
        qtbot.keyClicks(focused(), "3")
        press(qtbot, K.Key_Tab)
        qtbot.keyClicks(focused(), "1")
        seen["verdict"] = p.verdict.text()
        assert not p.problems.isVisible() and p.record_button.isEnabled()
        press(qtbot, K.Key_Tab)
        assert p.record_button.hasFocus()
        press(qtbot, K.Key_Space)
        assert p.vote().recorded and p.yes.isReadOnly()
        dlg.reject()

    on_modal(vote)
    press(qtbot, K.Key_B, CTRL)
    assert seen["verdict"] == ("Có mặt 10/11; tán thành 6/11 (54,5%), không tán thành 3, không biểu quyết 1: "
                               "thông qua.")
    assert w.opening.agenda_vote.text() == ("Biểu quyết thông qua chương trình (đã công bố): có mặt 10/11; "
                                            "tán thành 6/11 (54,5%), không tán thành 3, không biểu quyết 1: thông qua.")

    # Hồ Thị Khánh in fact arrived at 07:50, before the vote: the base becomes 12 and 6 is no longer
    # more than half. The program lists the result that changes and asks.
    clock.t = "08:05"
    focus(qtbot, w.opening.attendance.table)
    press(qtbot, K.Key_F3)
    select_member(qtbot, w.roll, "Hồ Thị Khánh")
    press(qtbot, K.Key_Tab)                           # Tab: the arrival time, as the hint says
    assert w.roll.arrival.hasFocus()
    qtbot.keyClicks(w.roll.arrival, "7:50")
    asked = {}

    def answer(button_text):
        def fn(box):
            asked["text"] = box.text() + "\n" + box.informativeText()
            next(b for b in box.buttons() if b.text() == button_text).click()
        return fn

    on_modal(answer("&Không sửa"))
    press(qtbot, K.Key_Return)
    assert asked["text"].startswith("Ghi đồng chí Hồ Thị Khánh đến lúc 07:50 sẽ làm thay đổi kết quả của 1 cuộc "
                                    "biểu quyết:")
    assert ("• Thông qua chương trình hội nghị: có mặt 10/11; tán thành 6/11, không tán thành 3, không biểu quyết 1"
            "; kết quả: thông qua  ⟶  có mặt 11/12; tán thành 6/12, không tán thành 3, không biểu quyết 1; kết quả: "
            "không thông qua"
            ) in asked["text"]
    assert w.session.record.attendance[who["Hồ Thị Khánh"]].arrived_at == ""      # not applied
    on_modal(answer("&Vẫn sửa"))
    focus(qtbot, w.roll.arrival)
    press(qtbot, K.Key_Return)
    assert w.session.record.attendance[who["Hồ Thị Khánh"]].arrived_at == "07:50"
    focus(qtbot, w.roll.table)
    press(qtbot, K.Key_F3)
    go_to_step(w, StepKind.RESULTS)
    [row] = w.results_page.view.rows()
    assert row[1] == "Thông qua chương trình hội nghị" and row[4] == "11/12" and row[6] == "Đã công bố"
    assert row[5] == "tán thành 6/12 (50%), không tán thành 3, không biểu quyết 1: không thông qua"


def test_a_blocking_finding_keeps_the_step_until_a_reason_is_typed(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who = start(w, clock)
    an = who["Lê Văn An"]
    w.session.set_self_review(an, general_score=27, task_score=58, proposed_level=Level.EXCELLENT.value)
    go_to_step(w, StepKind.RATING_VOTES)
    page = w.ratings
    row = page.subjects.index(an)
    page.table.setCurrentCell(row, 1)
    assert page.table.item(row, 2).text() == "HTXSNV" and page.table.item(row, 3).text() == "85"
    assert "✖" in page.findings.toPlainText() and "Điều 11 khoản 1" in page.findings.toPlainText()   # seen on the proposal
    assert not page.blocking.isVisible()                                                # not voted yet
    page.method_buttons[0].setChecked(True)
    page.start_button.click()
    assert page.entry.currentWidget() is page.hands and page.hands_grid.first_edit().hasFocus()
    vote = next(v for v in page.hands_votes() if v.subject == an)
    type_into(qtbot, page.hands_grid.edit(vote.id, Level.EXCELLENT.value), "8")        # 8 > 5,5: HTXSNV
    assert page.table.item(row, 5).text() == "HTXSNV"
    assert page.blocking.isVisible()
    assert page.blocking.title.text().startswith("✖ Chưa sang bước sau được: Lê Văn An — mức biểu quyết HTXSNV")
    assert "Quy định 366-QĐ/TW, Điều 11 khoản 1" in page.blocking.text.text()
    assert "85" in page.blocking.text.text()
    assert page.table.item(row, 7).text().startswith("✖ 1 điều chặn")
    press(qtbot, K.Key_Right, ALT)
    assert w.session.current.kind == StepKind.RATING_VOTES
    assert w.check_panel.isVisible() and "Lê Văn An" in w.check_label.text() and "cần ghi lý do" in w.check_label.text()
    assert page.blocking.reason.hasFocus()
    press(qtbot, K.Key_Return)                                    # an empty reason is refused
    assert page.blocking.error.text() == "Cần ghi lý do."
    qtbot.keyClicks(page.blocking.reason, "Chi bo thong nhat: dong chi vuot chi tieu chuyen mon")
    press(qtbot, K.Key_Return)
    assert not page.blocking.isVisible()
    assert w.session.record.proposals[an].justifications == {
        "366.ca-nhan.htxs.diem": "Chi bo thong nhat: dong chi vuot chi tieu chuyen mon"}
    assert page.table.item(row, 7).text().startswith("đã ghi lý do (1)")
    press(qtbot, K.Key_Right, ALT)
    assert w.session.current.kind == StepKind.CELL_RATING, w.check_label.text()
    assert w.ratings.subjects == ["cell"]


def test_the_competent_level_decides_later(meeting_file, open_guide, qtbot, clock):
    from kiemdiem_desktop.gui.meeting.decisions import DecisionsDialog

    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who = start(w, clock)
    dlg = DecisionsDialog(w.session, w)
    row = dlg.subjects.index(who["Phạm Thị Bích"])
    dlg.table.setCurrentCell(row, 0)
    assert dlg.subject.currentText() == "Phạm Thị Bích"
    dlg.kind.setCurrentIndex(1)                                   # Xếp loại lại (Mẫu 03)
    dlg.level.setCurrentIndex(2)
    dlg.date.setText("20/1/2026")
    dlg.reference.setText("15-QĐ/ĐU")
    dlg.save_button.click()
    assert dlg.error.text() == "Xếp loại lại (Mẫu 03) cần ghi lý do."
    dlg.reason.setText("Đảng ủy xem xét lại")
    dlg.save_button.click()
    [d] = w.session.record.decisions
    assert (d.subject, d.kind, d.level, d.decided_on, d.reference) == (
        who["Phạm Thị Bích"], DecisionKind.RE_RATING, Level.COMPLETED.value, date(2026, 1, 20), "15-QĐ/ĐU")
    assert dlg.table.item(row, 2).text() == "HTNV — Xếp loại lại (Mẫu 03)"
    assert dlg.table.item(row, 3).text() == "20/01/2026"
    dlg.close()
