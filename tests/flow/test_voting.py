"""Votes, ballots and ratings through the session (DOMAIN.md §2–§5, §7)."""
import json
from datetime import date

import pytest

from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.model import Level, MeetingState
from kiemdiem_desktop.model.attendance import Attendance, Presence
from kiemdiem_desktop.model.rating import DecisionKind
from kiemdiem_desktop.model.vote import CELL, COMMITTEE, VoteKind, VoteMethod
from kiemdiem_desktop.session import MeetingSession, prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

from tests.flow.conftest import Clock

E, G, C, N = "EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"


@pytest.fixture
def desk(cell_file):
    clock = Clock("08:00")
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    s.clock = clock
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.start()
    s.mark_all_present()
    s.set_attendance(who["Hồ Thị Khánh"], Presence.ABSENT_APPROVED, "Đi công tác")   # base 11, present 11
    d = VotingDesk(s)
    d.who = who
    d.clock = clock
    return d


def test_show_of_hands_on_the_agenda_against_the_base(desk):
    v = desk.new_question(VoteKind.AGENDA, "Thông qua chương trình hội nghị")
    desk.set_hands(v.id, yes=6, no=4, abstain=1)
    r = desk.result(v)
    assert (r.headcount.base_count, r.headcount.present_in_base, r.passed) == (11, 11, True)
    assert r.summary() == "có mặt 11/11; tán thành 6/11, không tán thành 4, không biểu quyết 1; kết quả: thông qua"
    desk.set_hands(v.id, yes=5, no=5, abstain=1)
    assert not desk.result(v).passed          # 5 is not more than half of 11
    desk.set_hands(v.id, yes=9, no=2, abstain=1)
    assert "nhiều hơn số người được biểu quyết có mặt (11)" in str(desk.result(v).problems[0])


def test_rating_order_committee_first_cell_last(desk):
    subjects = desk.rating_subjects()
    names = [desk.subject_name(s) for s in subjects]
    assert subjects[0] == COMMITTEE and subjects[-1] == CELL
    assert names[1:4] == ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn An"]
    assert "Hồ Thị Khánh" not in names          # absent: the supplementary session


def test_ballot_count_with_a_mismatch_then_fixed_and_accepted_leaves_no_paper_in_the_file(desk, cell_file):
    votes = desk.new_rating_votes(VoteMethod.BALLOT)
    ballot_id = votes[0].ballot_id
    desk.set_counting_team(ballot_id, [desk.who["Lê Văn An"], desk.who["Phạm Thị Bích"]])
    papers = []
    for i in range(11):
        marks = {v.subject: (E if i < 3 else G if i < 9 else C) for v in votes}
        marks[votes[1].subject] = None if i == 10 else marks[votes[1].subject]    # one blank row
        papers.append(marks)
        desk.add_paper(ballot_id, marks)
    desk.s.flush()
    assert desk.paper_count(ballot_id) == 11
    raw = json.dumps(dict(sorted(papers[0].items()))).encode()
    def file_bytes():
        desk.s.flush()
        data = cell_file.path.read_bytes()
        wal = cell_file.path.with_name(cell_file.path.name + "-wal")
        return data + (wal.read_bytes() if wal.exists() else b"")
    assert raw in file_bytes()                      # while counting, the papers are in the file
    desk.tally_from_papers(ballot_id).result()
    desk.set_papers(ballot_id, issued=11, returned=11, valid=11, invalid=0)
    # A deliberate mistake in one member's count
    desk.set_levels(votes[2].id, {E: 3, G: 5, C: 2})
    problems = [str(p) for p in desk.ballot_problems(ballot_id)]
    assert len(problems) == 1 and "thiếu 1 phiếu" in problems[0] and desk.subject_name(votes[2].subject) in problems[0]
    with pytest.raises(UserError, match="thiếu 1 phiếu"):
        desk.accept_ballot(ballot_id)
    desk.set_levels(votes[2].id, {E: 3, G: 6, C: 2})
    assert desk.ballot_problems(ballot_id) == []
    desk.accept_ballot(ballot_id)
    assert desk.paper_count(ballot_id) == 0
    assert raw not in file_bytes()                  # no trace of one paper remains
    assert b'"EXCELLENT", "' not in file_bytes()
    r = desk.result(votes[2])
    assert r.reached == G                            # 3 + 6 = 9 > 5.5 cumulative
    assert desk.result(votes[1]).rating.counts[0].votes == 3
    with pytest.raises(UserError, match="đã công bố"):
        desk.set_levels(votes[2].id, {E: 11})


def test_double_entry_must_agree(desk):
    [v] = desk.new_rating_votes(VoteMethod.BALLOT, [desk.who["Lê Văn An"]])
    desk.set_papers(v.ballot_id, 11, 11, 11, 0, double_entry=True)
    desk.set_levels(v.id, {E: 2, G: 9})
    desk.set_levels(v.id, {E: 3, G: 8}, entry=2)
    problems = [str(p) for p in desk.ballot_problems(v.ballot_id)]
    assert problems == ["Lê Văn An, HTXSNV: lần nhập thứ nhất 2, lần thứ hai 3.",
                        "Lê Văn An, HTTNV: lần nhập thứ nhất 9, lần thứ hai 8."]
    desk.set_levels(v.id, {E: 2, G: 9}, entry=2)
    desk.accept_ballot(v.ballot_id)


def test_an_early_leaver_makes_the_level_fail_and_a_correction_lists_what_changes(desk):
    for name in ("Nguyễn Văn Hùng", "Đỗ Văn Hải", "Ngô Văn Long"):
        desk.s.leave(desk.who[name], "09:30")          # they stay in the base of 11
    desk.clock.t = "10:00"
    [v] = desk.new_rating_votes(VoteMethod.HANDS, [desk.who["Lê Văn An"]])
    desk.set_levels(v.id, {G: 5, C: 3})                 # 5 of the 8 present: a majority of those present…
    r = desk.result(v)
    assert (r.headcount.base_count, r.headcount.present_in_base) == (11, 8)
    assert r.reached == C                               # …but not more than half of the base (5 ≤ 5.5)
    desk.set_levels(v.id, {G: 6, C: 2})
    assert desk.result(v).reached == G
    # A correction: the approved absentee had arrived at 09:00, before the vote. She joins the
    # base (12), 6 votes are no longer enough: the program lists the result that changes.
    k = desk.who["Hồ Thị Khánh"]
    lines = desk.effects(lambda rec: rec.attendance.__setitem__(
        k, Attendance(k, Presence.ABSENT_APPROVED, "Đi công tác", arrived_at="09:00")))
    assert len(lines) == 1
    assert "từ HTTNV trở lên 6/11" in lines[0] and "từ HTTNV trở lên 6/12" in lines[0] and lines[0].startswith("Xếp loại")
    assert desk.effects(lambda rec: None) == []


def test_no_level_passes_then_a_new_vote_on_the_next_level_down(desk):
    an = desk.who["Lê Văn An"]
    desk.s.set_self_review(an, proposed_level=G)
    [v] = desk.new_rating_votes(VoteMethod.HANDS, [an])
    desk.s.update_meeting(settings={"cumulative": False})
    desk.set_levels(v.id, {G: 5, C: 5})
    r = desk.result(v)
    assert r.reached == "" and "không mức nào đạt quá nửa" in r.summary()
    again = desk.revote_next_level(v.id)
    assert again.supersedes == v.id and "Hoàn thành nhiệm vụ" in again.question
    desk.set_levels(again.id, {C: 9, N: 1})
    assert desk.voted_level(an) == Level.COMPLETED


def test_accepted_score_needs_a_reason_and_is_kept_apart(desk):
    an = desk.who["Lê Văn An"]
    desk.s.set_self_review(an, general_score=28, task_score=65, proposed_level=E)
    with pytest.raises(UserError, match="cần ghi lý do"):
        desk.accept_score(an, 26, 62)
    desk.accept_score(an, 26, 62, "Chưa hoàn thành chỉ tiêu quý IV")
    desk.s.flush()
    again = VotingDesk(MeetingSession(desk.s.cf, desk.s.meeting_id))
    assert again.record.self_reviews[an].general_score == 28             # what the member wrote
    assert again.record.proposals[an].accepted_general == 26              # what the cell accepted
    assert again.record.proposals[an].score_change_reason == "Chưa hoàn thành chỉ tiêu quý IV"


def test_decisions_are_recorded_after_the_lock_without_reopening(desk):
    an = desk.who["Lê Văn An"]
    desk.s.meeting.state = MeetingState.LOCKED
    desk.record_decision(an, DecisionKind.RE_RATING, Level.COMPLETED, date(2026, 1, 20), "15-QĐ/ĐU",
                         "Đảng ủy xem xét lại")
    again = MeetingSession(desk.s.cf, desk.s.meeting_id)
    assert [(d.kind, d.level, d.reference) for d in again.record.decisions] == [
        (DecisionKind.RE_RATING, "COMPLETED", "15-QĐ/ĐU")]


def test_a_blocking_finding_stops_the_rating_step_until_justified(desk):
    from kiemdiem_desktop.model.review import StepKind

    an = desk.who["Lê Văn An"]
    desk.s.set_self_review(an, general_score=28, task_score=59, proposed_level=E)      # 87 < 90
    desk.set_facts(an, tasks_on_time_pct=100, tasks_exceeded_pct=40, tasks_not_done_pct=0,
                   previous_shortcomings_fixed=True)
    step = next(st for st in desk.s.record.steps if st.kind == StepKind.RATING_VOTES)
    desk.s.go_to(step.id)
    [v] = desk.new_rating_votes(VoteMethod.HANDS, [an], step_id=step.id)
    desk.set_levels(v.id, {E: 7, G: 3})
    assert desk.voted_level(an) == Level.EXCELLENT
    [finding] = desk.unjustified(an)
    assert "87" in finding.message and finding.article
    check = desk.s.check(step)
    assert not check.ok and "Lê Văn An" in str(check.missing[0]) and finding.article in str(check.missing[0])
    assert not desk.s.go_next().ok
    desk.justify(an, finding.rule, "Chi bộ đánh giá đồng chí có thành tích đột xuất được Bộ khen thưởng")
    assert desk.s.check(step).ok
    desk.s.flush()
    again = VotingDesk(MeetingSession(desk.s.cf, desk.s.meeting_id))
    assert again.record.proposals[an].justifications[finding.rule].startswith("Chi bộ đánh giá")


def test_putting_a_question_starts_its_step(desk):
    from kiemdiem_desktop.model.review import StepKind, StepState

    step = next(st for st in desk.s.record.steps if st.kind == StepKind.RATING_VOTES)
    desk.s.go_to(step.id)
    assert step.state == StepState.NOT_STARTED
    desk.clock.t = "10:05"
    desk.new_rating_votes(VoteMethod.HANDS, [desk.who["Lê Văn An"]], step_id=step.id)
    assert (step.state, step.started_at) == (StepState.IN_PROGRESS, "10:05")
