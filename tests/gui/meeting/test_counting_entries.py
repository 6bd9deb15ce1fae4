"""Issue 17 items 1 and 2, through the real ballot panel: the blind second entry shows nothing of
the first until it is complete, then only the differences; paper-by-paper entry after a matched
count never replaces it without an explicit choice that names what is lost."""
from PySide6.QtWidgets import QApplication, QMessageBox

from kiemdiem_desktop.model.levels import Level
from kiemdiem_desktop.model.vote import BLANK

from tests.gui.meeting.test_guide_meeting import K, focus, press
from tests.gui.meeting.test_votes_ballot import ballot_started
from tests.gui.meeting.votes_helpers import type_into

E, G, C, N = (lv.value for lv in Level)


def papers(qtbot, ballot, n="10"):
    for edit in (ballot.issued, ballot.returned, ballot.valid):
        type_into(qtbot, edit, n)
    type_into(qtbot, ballot.invalid, "0")


def first_entry(qtbot, ballot, per_vote):
    """Entry 1: ``per_vote(vote)`` -> {level: count} typed into the count grid."""
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    for v in ballot.votes():
        for level, n in per_vote(v).items():
            type_into(qtbot, ballot.grid.edit(v.id, level), str(n))


def test_second_entry_shows_nothing_of_the_first_until_complete(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who, page, ballot = ballot_started(w, qtbot, clock)
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    papers(qtbot, ballot)
    ballot.double.setChecked(True)
    an = who["Lê Văn An"]
    first_entry(qtbot, ballot, lambda v: {E: 3, G: 7} if v.subject == an else {G: 10})
    ballot.tabs.setCurrentWidget(ballot.second_tab)
    votes = ballot.votes()

    def nothing_of_the_first():
        shown = ballot.differences.text() + ballot.problems.text()
        assert "lần nhập thứ nhất" in shown      # the pending line names the first entry only as a word…
        assert "lần nhập thứ nhất 10" not in shown and "lần nhập thứ nhất 3" not in shown and \
            "lần nhập thứ nhất 7" not in shown   # …never one of its figures
        assert "khác nhau" not in ballot.differences.text()

    # before anything is typed: how far the second entry is, nothing of the first
    assert ballot.differences.text() == ("Lần nhập thứ hai chưa xong: 0/{n} dòng đã đủ 10 phiếu thu vào. Chỗ khác với "
                                         "lần nhập thứ nhất chỉ hiện khi nhập xong lần hai.").format(n=len(votes))
    nothing_of_the_first()
    assert all(e.text() == "" for row in ballot.grid2.edits.values() for e in row.values())
    # half typed, one row typed past the papers returned: still nothing of the first
    type_into(qtbot, ballot.grid2.edit(votes[0].id, G), "10")
    type_into(qtbot, ballot.grid2.edit(votes[1].id, G), "12")
    assert "chưa xong: 1/" in ballot.differences.text()
    assert f"{ballot.desk.subject_name(votes[1].subject)}: lần nhập thứ hai cộng được 12 phiếu, nhiều hơn số phiếu " \
           "thu vào (10)." in ballot.differences.text()
    nothing_of_the_first()
    assert not ballot.accept_button.isEnabled()
    # the first entry's own tab is covered while the second is typed; shown again only on request
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    assert ballot.cover.isVisible() and not ballot.grid.isVisible()
    ballot.uncover_button.click()
    assert ballot.grid.isVisible() and not ballot.cover.isVisible()
    ballot.tabs.setCurrentWidget(ballot.second_tab)
    # complete, with one difference: only that difference is shown
    type_into(qtbot, ballot.grid2.edit(votes[1].id, G), "10")
    for v in votes[2:]:
        if v.subject == an:
            type_into(qtbot, ballot.grid2.edit(v.id, E), "4")
            type_into(qtbot, ballot.grid2.edit(v.id, G), "6")
        else:
            type_into(qtbot, ballot.grid2.edit(v.id, G), "10")
    diff = ballot.differences.text()
    assert "Hai lần nhập khác nhau (2):" in diff
    assert "Lê Văn An, HTXSNV: lần nhập thứ nhất 3, lần thứ hai 4." in diff
    assert "Lê Văn An, HTTNV: lần nhập thứ nhất 7, lần thứ hai 6." in diff
    assert diff.count("•") == 2
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    assert ballot.grid.isVisible() and not ballot.cover.isVisible()     # complete: nothing covered
    ballot.tabs.setCurrentWidget(ballot.second_tab)
    assert not ballot.accept_button.isEnabled()
    # the papers are looked at again: the second person had it wrong
    type_into(qtbot, ballot.grid2.edit(next(v.id for v in votes if v.subject == an), E), "3")
    type_into(qtbot, ballot.grid2.edit(next(v.id for v in votes if v.subject == an), G), "7")
    assert "Hai lần nhập khớp nhau." in ballot.differences.text()
    assert ballot.accept_button.isEnabled()


def test_paper_by_paper_after_a_matched_count_asks_and_names_what_is_lost(meeting_file, open_guide, qtbot, clock,
                                                                          on_modal):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who, page, ballot = ballot_started(w, qtbot, clock)
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    papers(qtbot, ballot)
    ballot.double.setChecked(True)
    first_entry(qtbot, ballot, lambda v: {G: 10})
    ballot.tabs.setCurrentWidget(ballot.second_tab)
    for v in ballot.votes():
        type_into(qtbot, ballot.grid2.edit(v.id, G), "10")
    assert "Hai lần nhập khớp nhau." in ballot.differences.text() and ballot.accept_button.isEnabled()
    matched = {v.id: dict(v.levels) for v in ballot.votes()}

    # two papers typed one by one, then "Tính kết quả"
    ballot.tabs.setCurrentWidget(ballot.papers)
    focus(qtbot, ballot.papers.table)
    for _ in range(2):
        press(qtbot, K.Key_1)
        press(qtbot, K.Key_Return)
    assert ballot.papers.counter.text() == "Phiếu số 3 · đã lưu 2 phiếu"
    shown = {}

    def keep(box):
        shown["text"] = box.text()
        shown["buttons"] = [b.text() for b in box.buttons() if b.text() in ("&Thay bằng kết quả các phiếu vừa gõ",
                                                                         "&Giữ số đã nhập")]
        shown["details"] = box.detailedText()
        shown["height"] = box.sizeHint().height()
        assert box.defaultButton().objectName() == "keepCount"
        qtbot.keyClick(box, K.Key_Escape)             # Esc keeps the count
    on_modal(keep)
    ballot.papers.tally_button.click()
    text = shown["text"]
    assert text.startswith("Số phiếu đã nhập (10 phiếu thu vào, hai lần nhập đã khớp nhau) sẽ bị thay bằng kết quả "
                           "của 2 phiếu vừa gõ từng tờ, ở 11 dòng:")
    assert "• Tập thể chi ủy: HTTNV 10 thành HTXSNV 2" in text
    assert "• Nguyễn Văn Hùng: HTTNV 10 thành trống/không hợp lệ 2" in text
    assert "• … và 6 dòng khác (bấm “Hiện chi tiết…”)." in text
    assert "Dương Thị Mai: HTTNV 10 thành trống/không hợp lệ 2" in shown["details"]    # every row, in the details
    assert "• Phiếu thu vào 10 và hợp lệ 10 thành 2 và 2; không hợp lệ thành 0." in text
    assert "• Lần nhập thứ hai bị xóa: người thứ hai phải nhập lại (không xem lần thứ nhất)." in text
    assert sorted(shown["buttons"])[-2:] == sorted(["&Thay bằng kết quả các phiếu vừa gõ", "&Giữ số đã nhập"])
    assert shown["height"] <= 728                                      # the buttons stay on a laptop's screen
    # kept: nothing changed, on screen or in the file
    assert {v.id: dict(v.levels) for v in ballot.votes()} == matched
    assert "Đã giữ số phiếu đã nhập" in ballot.message.text()
    assert ballot.tabs.currentWidget() is ballot.papers
    w.session.flush()
    w.session.reload()
    assert {v.id: dict(v.levels) for v in ballot.desk.ballot_votes(ballot.ballot_id)} == matched

    # the core refuses a silent replacement too
    import pytest

    from kiemdiem_desktop.i18n import UserError
    with pytest.raises(UserError, match="chưa thay"):
        ballot.desk.tally_from_papers(ballot.ballot_id)

    # replaced, by an explicit choice
    on_modal(lambda box: next(b for b in box.buttons() if b.objectName() == "replaceCount").click())
    ballot.papers.tally_button.click()
    assert ballot.tabs.currentWidget() is ballot.count_tab
    committee = ballot.votes()[0]
    assert [committee.levels.get(k, 0) for k in (E, G, C, N, BLANK)] == [2, 0, 0, 0, 0]
    assert ballot.grid.edit(committee.id, E).text() == "2" and ballot.grid.edit(committee.id, G).text() == "0"
    assert (ballot.returned.text(), ballot.valid.text(), ballot.invalid.text()) == ("2", "2", "0")
    assert all(not v.second_entry for v in ballot.votes())
    assert "Lần nhập thứ hai chưa xong: 0/" in ballot.differences.text()
    # one undo brings the matched count back
    w.undo()
    QApplication.processEvents()
    assert {v.id: dict(v.levels) for v in ballot.desk.ballot_votes(ballot.ballot_id)} == matched
