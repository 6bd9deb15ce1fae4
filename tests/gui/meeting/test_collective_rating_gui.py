"""The collective review step: the report (Mẫu 01) and the committee's and the cell's self-rating
typed in the guide window, saved as typed, read by the rules."""
import os

from PySide6.QtCore import Qt

from kiemdiem_desktop.model import Level
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.model.vote import CELL, COMMITTEE
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk

K = Qt.Key


def focus(qtbot, widget):
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def _collective_step(w):
    return next(s for s in w.session.record.steps if s.kind == StepKind.COLLECTIVE_REVIEW)


def _missing_score(session, subject):
    return [f for f in VotingDesk(session).findings(subject, Level.GOOD)
            if f.rule.startswith("chua-nhap") and "tổng điểm" in f.message]


def test_the_collectives_self_rating_is_typed_in_the_collective_review(meeting_file, open_guide, qtbot, type_text,
                                                                       tmp_path):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id, size=(1366, 728))
    w.go_to(_collective_step(w).id)
    panel = w.review.collective
    assert w.body.currentWidget() is w.review and panel.isVisible()
    assert [panel.tabText(i) for i in range(panel.count())] == ["Báo cáo (Mẫu 01)", "Tự chấm, tự xếp loại"]
    assert _missing_score(w.session, COMMITTEE)

    # Mẫu 01: the presenter picked by initials, strengths and shortcomings typed
    assert panel._people("nvh") == ["Nguyễn Văn Hùng"]      # the completer matches initials
    focus(qtbot, panel.presenter)
    type_text(panel.presenter, "Nguyễn Văn Hùng")
    panel.presenter_completer.popup().hide()
    qtbot.keyClick(panel.presenter, K.Key_Tab)
    assert panel.summary.hasFocus()
    type_text(panel.summary, "Báo cáo kiểm điểm của chi ủy năm 2025.")
    qtbot.keyClick(panel.summary, K.Key_Tab)
    assert panel.strengths.hasFocus()
    type_text(panel.strengths, "Lãnh đạo hoàn thành 100% chỉ tiêu.")
    qtbot.keyClick(panel.strengths, K.Key_Tab)
    type_text(panel.shortcomings, "Sinh hoạt chuyên đề chưa đều.")
    panel.flush()

    # the self-rating: scores with a decimal comma, the total shown, the level chosen
    panel.setCurrentIndex(1)
    general = panel.scores[COMMITTEE]["general_score"]
    task = panel.scores[COMMITTEE]["task_score"]
    focus(qtbot, general)
    qtbot.keyClicks(general, "27")
    qtbot.keyClick(general, K.Key_Tab)
    assert task.hasFocus()
    qtbot.keyClicks(task, "63,5")
    qtbot.keyClick(task, K.Key_Tab)
    assert panel.totals[COMMITTEE].text() == "90,5", (w.review.error.text(), w.session.record.collective_reviews,
                                                      general.hasFocus(), task.hasFocus())
    level = panel.levels[COMMITTEE]
    level.setCurrentIndex(level.findData("GOOD"))
    level.activated.emit(level.currentIndex())
    # a score that is not a number is refused, in Vietnamese, and nothing is saved
    cell_general = panel.scores[CELL]["general_score"]
    focus(qtbot, cell_general)
    qtbot.keyClicks(cell_general, "abc")
    qtbot.keyClick(cell_general, K.Key_Tab)
    assert "“abc” không phải là điểm" in w.review.error.text() and cell_general.text() == ""
    focus(qtbot, cell_general)
    qtbot.keyClicks(cell_general, "31")
    qtbot.keyClick(cell_general, K.Key_Tab)
    assert "Điểm chung phải từ 0 đến 30" in w.review.error.text() and cell_general.text() == ""
    w.session.flush()

    r = MeetingSession(cf, meeting_id).record.collective_reviews[COMMITTEE]
    assert (r.presenter, r.strengths, r.shortcomings) == ("Nguyễn Văn Hùng", "Lãnh đạo hoàn thành 100% chỉ tiêu.",
                                                          "Sinh hoạt chuyên đề chưa đều.")
    assert (r.general_score, r.task_score, r.proposed_level) == (27, 63.5, "GOOD")
    again = MeetingSession(cf, meeting_id).record
    assert CELL not in again.collective_reviews
    assert _collective_step(w).report == "Báo cáo kiểm điểm của chi ủy năm 2025."
    assert next(s for s in again.steps if s.kind == StepKind.COLLECTIVE_REVIEW).report == \
        "Báo cáo kiểm điểm của chi ủy năm 2025."
    assert not w.review.report_box.isVisible()          # the summary lives in the Mẫu 01 tab here
    assert _missing_score(w.session, COMMITTEE) == []

    # shown again when the step is shown again; hidden on a member's review
    member_step = next(s for s in w.session.record.steps if s.kind == StepKind.MEMBER_REVIEW)
    w.go_to(member_step.id)
    assert not panel.isVisible()
    w.go_to(_collective_step(w).id)
    assert panel.isVisible() and general.text() == "27" and task.text() == "63,5"
    assert panel.levels[COMMITTEE].currentData() == "GOOD"
    panel.setCurrentIndex(0)
    assert panel.presenter.text() == "Nguyễn Văn Hùng"
    assert panel.strengths.toPlainText() == "Lãnh đạo hoàn thành 100% chỉ tiêu."
    # at 1366×728 the tab shows its fields, not squeezed to nothing
    assert panel.height() >= 170 and panel.strengths.height() >= 30
    # the page does not make the window taller than it was without it
    assert w.minimumSizeHint().height() <= 740
    out = os.environ.get("KIEMDIEM_SCREENSHOTS")
    if out:
        w.grab().save(os.path.join(out, "collective-1366x728-report.png"))
        panel.setCurrentIndex(1)
        w.grab().save(os.path.join(out, "collective-1366x728-rating.png"))
    # 150 %: the score boxes grow with the font, "63,5" still fits
    from kiemdiem_desktop.gui.main_window import BASE_POINT_SIZE, apply_zoom

    panel.setCurrentIndex(1)
    apply_zoom(int(BASE_POINT_SIZE * 0.5))
    qtbot.waitUntil(lambda: task.width() >= task.fontMetrics().horizontalAdvance("63,5") + 8, timeout=2000)
    if out:
        qtbot.wait(300)
        w.grab().save(os.path.join(out, "collective-1366x728-rating-150.png"))
        panel.setCurrentIndex(0)
        qtbot.wait(300)
        w.grab().save(os.path.join(out, "collective-1366x728-report-150.png"))


def test_under_regulation_124_the_collectives_grade_the_criteria(meeting_file, open_guide, qtbot):
    from datetime import date

    from kiemdiem_desktop.services import CellFile
    from kiemdiem_desktop.session import prepare_meeting

    path, _ = meeting_file
    cf = CellFile.open(path)
    mid = prepare_meeting(cf, 2024, meeting_date=date(2024, 12, 12)).meeting_id
    cf.close(backup=False)
    w, cf = open_guide(path, mid, size=(1366, 728))
    w.go_to(_collective_step(w).id)
    panel = w.review.collective
    assert panel.scores == {} and list(panel.grades[COMMITTEE]) == [
        "Tư tưởng chính trị", "Phẩm chất đạo đức, lối sống", "Ý thức tổ chức kỷ luật",
        "Kết quả thực hiện chức trách, nhiệm vụ được giao"]
    box = panel.grades[CELL]["Ý thức tổ chức kỷ luật"]
    box.setCurrentIndex(box.findData("Tốt"))
    box.activated.emit(box.currentIndex())
    w.session.flush()
    assert MeetingSession(cf, mid).record.collective_reviews[CELL].grades == {"Ý thức tổ chức kỷ luật": "Tốt"}


def test_the_rating_step_shows_the_collectives_own_level_and_score(meeting_file, open_guide, qtbot, clock):
    from tests.gui.meeting.votes_helpers import go_to_step, start

    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    start(w, clock)
    w.session.set_collective_review(COMMITTEE, general_score=26, task_score=60, proposed_level="GOOD")
    go_to_step(w, StepKind.RATING_VOTES)
    page = w.ratings
    row = page.subjects.index(COMMITTEE)
    assert page.table.item(row, 1).text() == "Tập thể chi ủy"
    assert page.table.item(row, 2).text() == "HTTNV" and page.table.item(row, 3).text() == "86"
