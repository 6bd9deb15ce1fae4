"""Ballots through the rating step: the counting team, a count with a deliberate mismatch named
exactly, the accept button held until it is fixed, the level reached; paper by paper; double entry."""
from PySide6.QtWidgets import QApplication

from kiemdiem_desktop.model.levels import Level
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.model.vote import BLANK, COMMITTEE

from kiemdiem_desktop.gui.meeting.votes import flag

from tests.gui.meeting.test_guide_meeting import K, focus, press
from tests.gui.meeting.votes_helpers import go_to_step, start, type_into

E, G, C, N = (lv.value for lv in Level)


def ballot_started(w, qtbot, clock, layout=1):
    who = start(w, clock)
    go_to_step(w, StepKind.RATING_VOTES)
    page = w.ratings
    assert w.body.currentWidget() is page
    names = [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
    assert names[:4] == ["Tập thể chi ủy", "Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn An"]
    assert "Hồ Thị Khánh" not in names and "Ngô Văn Long" not in names and "Chi bộ Văn phòng" not in names
    page.method_buttons[layout].setChecked(True)
    page.start_button.click()
    assert page.entry.currentWidget() is page.ballot
    return who, page, page.ballot


def elect_team(qtbot, ballot):
    focus(qtbot, ballot.team_pickers[0])
    qtbot.keyClicks(ballot.team_pickers[0], "lva")
    press(qtbot, K.Key_Tab)
    qtbot.keyClicks(ballot.team_pickers[1], "pham thi bich")
    press(qtbot, K.Key_Tab)
    ballot.team_save.click()
    assert ballot.team_state.text() == "Tổ kiểm phiếu: Lê Văn An, Phạm Thị Bích (tổ trưởng đứng đầu)."
    type_into(qtbot, ballot.team_vote.yes, "10")
    assert "tán thành 10/11" in ballot.team_vote.verdict.text()
    ballot.team_vote.record_button.click()
    assert ballot.team_vote.vote().recorded


def type_row(qtbot, values):
    """Type one row of the grid from the focused cell: each value then Tab (Enter for the last)."""
    for i, v in enumerate(values):
        qtbot.keyClicks(QApplication.focusWidget(), v)
        press(qtbot, K.Key_Return if i == len(values) - 1 else K.Key_Tab)


def test_ballot_count_with_a_mismatch_then_fixed_and_accepted(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who, page, ballot = ballot_started(w, qtbot, clock)
    elect_team(qtbot, ballot)
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    assert ballot.tabs.tabText(1) == "2. Kiểm phiếu — phiếu chung (một tờ ghi tất cả)"
    for edit, n in ((ballot.issued, "10"), (ballot.returned, "10"), (ballot.valid, "10"), (ballot.invalid, "0")):
        type_into(qtbot, edit, n)
    votes = ballot.votes()
    an = next(v for v in votes if v.subject == who["Lê Văn An"])
    focus(qtbot, ballot.grid.first_edit())
    for v in votes:                                # keyboard only: Tab right, Enter to the next row
        assert QApplication.focusWidget() is ballot.grid.edit(v.id, E)
        type_row(qtbot, ["3", "6" if v is an else "7", "0", "0", "0"])
    # the deliberate mistake: Lê Văn An's row adds up to 9 of 10 papers
    text = ballot.problems.text()
    assert ("Lê Văn An: HTXSNV 3 + HTTNV 6 + HTNV 0 + KHTNV 0 + trống/không hợp lệ 0 = 9, khác số phiếu thu vào (10): "
            "thiếu 1 phiếu.") in text
    assert text.count("•") == 1                    # nothing else is named
    assert not ballot.accept_button.isEnabled()
    name = ballot.grid.names[an.id]                  # the row is marked: red and bold (ui/style.qss)
    assert flag(name, "problem") and name.font().bold()
    assert name.palette().color(name.foregroundRole()).name() == "#8c1d18"
    assert flag(ballot.grid.edit(an.id, G), "problem")
    assert not flag(ballot.grid.names[votes[0].id], "problem") and not ballot.grid.names[votes[0].id].font().bold()
    # fixed
    type_into(qtbot, ballot.grid.edit(an.id, G), "7")
    assert "Các số liệu khớp nhau." in ballot.problems.text()
    assert ballot.accept_button.isEnabled()
    ballot.accept_button.click()
    assert ballot.tabs.currentWidget() is ballot.results
    row = [v.id for v in votes].index(an.id)
    assert ballot.results.cell(row, 0) == "Lê Văn An"
    assert ballot.results.cell(row, 1) == "3/11 (27,3%)"             # HTXSNV: 3 of a base of 11
    assert ballot.results.cell(row, 2) == "10/11 (90,9%), đạt"          # cumulative: 3 + 7
    assert ballot.results.cell(row, 5) == "trên 1/2 của 11: cần 6"
    assert ballot.results.cell(row, 6) == "Hoàn thành tốt nhiệm vụ"
    assert w.session.record.ballots[an.ballot_id].accepted
    subjects = page.subjects
    assert page.table.item(subjects.index(who["Lê Văn An"]), 5).text() == "HTTNV"
    # the results step lists every vote with its figures
    go_to_step(w, StepKind.RESULTS)
    rows = w.results_page.view.rows()
    team = next(r for r in rows if r[1] == "Bầu tổ kiểm phiếu")
    assert (team[2], team[3], team[4], team[6]) == ("Giơ tay", "08:00", "10/11", "Đã công bố")
    assert team[5] == "tán thành 10/11 (90,9%), không tán thành 0, không biểu quyết 0: thông qua"
    an_row = next(r for r in rows if r[1] == "Xếp loại: Lê Văn An")
    assert an_row[5] == ("HTXSNV 3/11, từ HTTNV trở lên 10/11, từ HTNV trở lên 10/11, từ KHTNV trở lên 10/11: "
                         "Hoàn thành tốt nhiệm vụ")      # cumulative counts named so (issue 17 item 5)


def test_no_level_passes_then_a_vote_on_the_next_level(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who, page, ballot = ballot_started(w, qtbot, clock)
    w.session.update_meeting(settings={"cumulative": False}).result()
    w.session.set_self_review(who["Lê Văn An"], proposed_level=G)
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    for edit, n in ((ballot.issued, "10"), (ballot.returned, "10"), (ballot.valid, "10"), (ballot.invalid, "0")):
        type_into(qtbot, edit, n)
    for v in ballot.votes():
        type_into(qtbot, ballot.grid.edit(v.id, G), "5" if v.subject == who["Lê Văn An"] else "10")
        if v.subject == who["Lê Văn An"]:
            type_into(qtbot, ballot.grid.edit(v.id, C), "5")
    ballot.accept_button.click()
    res = ballot.results
    assert "Không mức nào đạt quá nửa số đảng viên được tính: Lê Văn An." == res.none_passed.text()
    row = [v.subject for v in res.votes].index(who["Lê Văn An"])
    res.table.setCurrentCell(row, 0)
    assert res.cell(row, 6) == "Không mức nào đạt quá nửa"
    assert res.revote_button.text() == "Biểu quyết lại ở mức Hoàn thành nhiệm vụ"
    res.revote_button.click()
    again = page.hands_votes()[-1]
    assert again.supersedes and page.entry.currentWidget() is page.hands
    type_into(qtbot, page.hands_grid.edit(again.id, C), "9")
    page.hands_record.click()
    assert page.desk.voted_level(who["Lê Văn An"]) == Level.COMPLETED


def test_paper_by_paper_three_papers(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who, page, ballot = ballot_started(w, qtbot, clock)
    ballot.tabs.setCurrentWidget(ballot.papers)
    table = ballot.papers.table
    focus(qtbot, table)
    # paper 1: the committee HTXSNV, Hùng HTTNV, the rest left blank
    press(qtbot, K.Key_1)
    press(qtbot, K.Key_2)
    assert table.item(0, 1).text() == "HTXSNV" and table.item(1, 1).text() == "HTTNV"
    press(qtbot, K.Key_Return)
    assert ballot.papers.counter.text() == "Phiếu số 2 · đã lưu 1 phiếu"
    assert table.item(0, 1).text() == "·" and table.currentRow() == 0
    # paper 2: the committee HTTNV, Hùng blank or invalid (0)
    press(qtbot, K.Key_2)
    press(qtbot, K.Key_0)
    assert table.item(1, 1).text() == "trống / không hợp lệ"
    press(qtbot, K.Key_Return)
    # paper 3: HTXSNV for both
    press(qtbot, K.Key_1)
    press(qtbot, K.Key_1)
    press(qtbot, K.Key_Return)
    assert ballot.papers.counter.text() == "Phiếu số 4 · đã lưu 3 phiếu"
    w.session.flush()
    assert ballot.desk.paper_count(ballot.ballot_id) == 3
    ballot.papers.tally_button.click()
    assert ballot.tabs.currentWidget() is ballot.count_tab
    committee, hung = ballot.votes()[0], ballot.votes()[1]
    assert committee.subject == COMMITTEE
    assert [committee.levels.get(k, 0) for k in (E, G, C, N, BLANK)] == [2, 1, 0, 0, 0]
    assert [hung.levels.get(k, 0) for k in (E, G, C, N, BLANK)] == [1, 1, 0, 0, 1]
    assert ballot.grid.edit(hung.id, E).text() == "1" and ballot.grid.edit(hung.id, BLANK).text() == "1"
    assert (ballot.returned.text(), ballot.valid.text()) == ("3", "3")
    type_into(qtbot, ballot.issued, "10")
    assert ballot.accept_button.isEnabled(), ballot.problems.text()
    ballot.accept_button.click()
    assert ballot.desk.paper_count(ballot.ballot_id) == 0


def test_double_entry_differences_are_listed(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who, page, ballot = ballot_started(w, qtbot, clock)
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    assert not ballot.tabs.isTabVisible(2)
    for edit, n in ((ballot.issued, "10"), (ballot.returned, "10"), (ballot.valid, "10"), (ballot.invalid, "0")):
        type_into(qtbot, edit, n)
    ballot.double.setChecked(True)
    assert ballot.tabs.isTabVisible(2) and ballot.tabs.tabText(2) == "Nhập lần hai"
    for v in ballot.votes():
        type_into(qtbot, ballot.grid.edit(v.id, G), "10")
    ballot.tabs.setCurrentWidget(ballot.second_tab)
    # typed blind: the second grid starts empty, the first entry is on another tab
    assert all(e.text() == "" for row in ballot.grid2.edits.values() for e in row.values())
    assert not ballot.grid.isVisible()
    first = ballot.votes()[0]
    for v in ballot.votes():
        if v is first:
            type_into(qtbot, ballot.grid2.edit(v.id, E), "1")
            type_into(qtbot, ballot.grid2.edit(v.id, G), "9")
        else:
            type_into(qtbot, ballot.grid2.edit(v.id, G), "10")
    diff = ballot.differences.text()
    assert "Hai lần nhập khác nhau (2):" in diff
    assert "Tập thể chi ủy, HTXSNV: lần nhập thứ nhất 0, lần thứ hai 1." in diff
    assert "Tập thể chi ủy, HTTNV: lần nhập thứ nhất 10, lần thứ hai 9." in diff
    assert not ballot.accept_button.isEnabled()
    type_into(qtbot, ballot.grid2.edit(first.id, E), "0")
    type_into(qtbot, ballot.grid2.edit(first.id, G), "10")
    assert "Hai lần nhập khớp nhau." in ballot.differences.text()
    assert ballot.accept_button.isEnabled()
