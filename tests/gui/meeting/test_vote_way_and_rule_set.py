"""Issue 16 item 3 (the window offers both ways of running the rating votes) and issue 10 item 4
(the rule-set view from the meeting preparation and the guide's Trợ giúp menu), from the keyboard."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiemdiem_desktop.model.review import StepKind

from .test_guide_meeting import focus, press

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


def agenda_titles(w) -> list[str]:
    """What the guide's agenda list shows: each item's title, without its mark, number and state."""
    out = []
    for i in range(w.agenda.count()):
        first = w.agenda.item(i).text().split("\n")[0]
        out.append(first.split(". ", 1)[1])
    return out


def test_votes_after_each_review_chosen_in_the_preparation_show_in_the_guide(meeting_file, open_guide, qtbot,
                                                                               on_modal):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    common = "Biểu quyết xếp loại tập thể chi ủy, từng chi ủy viên và đảng viên"
    assert agenda_titles(w).count(common) == 1                  # the default: one common step
    seen = {}

    def prepare(dlg):
        press(qtbot, K.Key_3, ALT)                               # 3. Chương trình
        assert dlg.tabs.currentIndex() == 2
        press(qtbot, K.Key_B, ALT)                               # &Biểu quyết xếp loại:
        assert dlg.vote_way.hasFocus()
        assert dlg.vote_way.currentText() == "Biểu quyết xếp loại chung sau phần kiểm điểm"
        press(qtbot, K.Key_Down)
        seen["way"] = dlg.vote_way.currentText()
        seen["list"] = [dlg.steps.item(i).text() for i in range(dlg.steps.count())]
        seen["error"] = dlg.error.text()
        press(qtbot, K.Key_Escape)

    on_modal(prepare)
    press(qtbot, K.Key_F4)                                       # Hội nghị › Chuẩn bị hội nghị…
    assert seen["way"] == "Biểu quyết xếp loại sau khi kiểm điểm từng đồng chí" and not seen["error"]
    assert seen["list"][2:4] == ["3. Kiểm điểm đồng chí Nguyễn Văn Hùng",
                                 "4. Biểu quyết xếp loại đồng chí Nguyễn Văn Hùng"]

    titles = agenda_titles(w)
    reviews = [i for i, t in enumerate(titles) if t.startswith("Đ/c ")]       # a member review, shown short
    assert len(reviews) == 12
    for i in reviews:                                            # a vote step right after each member review
        name = titles[i].removeprefix("Đ/c ")
        assert titles[i + 1] == f"Xếp loại đ/c {name}"
        assert w.agenda.item(i).toolTip() == f"Kiểm điểm đồng chí {name}"
        assert w.agenda.item(i + 1).toolTip() == f"Biểu quyết xếp loại đồng chí {name}"
    assert titles[2:6] == ["Đ/c Nguyễn Văn Hùng", "Xếp loại đ/c Nguyễn Văn Hùng",
                           "Đ/c Trần Thị Lan", "Xếp loại đ/c Trần Thị Lan"]
    assert common not in titles
    # the guide's rating page for such a step lists that member only
    s = w.session
    step = next(st for st in s.record.steps if st.kind == StepKind.RATING_VOTES)
    w.ratings.show_step(step)
    assert w.ratings.subjects == [step.subject_member_id]
    assert w.ratings.table.rowCount() == 1
    assert s.members[step.subject_member_id].full_name in w.ratings.table.item(0, 1).text()


def on_rules_view(fn, tries=250):
    """Run ``fn(dialog)`` once the rule-set view is the modal dialog (it may open over another one);
    it is closed afterwards whatever happens."""
    from PySide6.QtCore import QTimer

    from kiemdiem_desktop.gui.rules_view import RuleSetDialog

    def attempt(left=tries):
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, RuleSetDialog):
            if left:
                QTimer.singleShot(20, lambda: attempt(left - 1))
            return
        try:
            fn(dlg)
        finally:
            if dlg.isVisible():
                dlg.reject()
    QTimer.singleShot(0, attempt)


def test_the_rule_set_from_the_preparation_and_the_guide_menu(meeting_file, open_guide, qtbot, on_modal):
    from kiemdiem_desktop.gui.rules_view import COL_ARTICLE, COL_VERIFIED

    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    seen = {}

    def rules_view(dlg):
        seen["choice"] = dlg.choice.currentText()
        seen["rows"] = dlg.table.rowCount()
        seen["first"] = (dlg.table.item(0, COL_ARTICLE).text(), dlg.table.item(0, COL_VERIFIED).text())
        qtbot.keyClick(dlg, K.Key_Escape)                    # to the dialog: offscreen focus may lag

    def prepare(dlg):
        press(qtbot, K.Key_1, ALT)
        on_rules_view(rules_view)                                # opened over the preparation
        press(qtbot, K.Key_X, ALT)                               # &Xem bộ quy định… (an animated click)
        qtbot.waitUntil(lambda: bool(seen), timeout=3000)
        qtbot.keyClick(dlg, K.Key_Escape)                    # back on the preparation, whatever has focus

    on_modal(prepare)
    press(qtbot, K.Key_F4)
    assert seen["choice"].startswith("Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW")
    assert seen["rows"] == 38
    assert seen["first"] == ("Quy định 366-QĐ/TW, Điều 11 khoản 1", "Đã đối chiếu")
    seen.clear()
    on_rules_view(rules_view)
    focus(qtbot, w.agenda)
    press(qtbot, K.Key_R, ALT)                                   # T&rợ giúp
    menu = QApplication.activePopupWidget()
    assert menu is not None
    qtbot.keyClick(menu, K.Key_Q)                                # Bộ &quy định…
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen["rows"] == 38
