"""Every gate for leaving a step, in flow/ and without Qt: what blocks, what is only mentioned,
each with its code and the field it concerns (a window never reads the words)."""
from datetime import date

from kiemdiem_desktop.model import Level, MeetingState
from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.model.vote import VoteKind, VoteMethod
from kiemdiem_desktop.session import prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

from tests.flow.conftest import Clock


def codes(messages):
    return [(m.code, m.field) for m in messages]


def test_every_gate_from_the_opening_to_the_closing_with_its_code_and_field(cell_file):
    clock = Clock("07:55")
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    s.clock = clock
    who = {m.full_name: m.id for m in s.members.values()}
    # Not opened: no step can be left, whatever is filled in
    refused = s.go_next()
    assert not refused.ok and refused.refusal.code == "meeting.not_opened"
    assert "chưa khai mạc" in str(refused.refusal) and s.current.kind == StepKind.OPENING
    s.start()
    # The opening: chair, minute-taker and roll call are missing; each names its field
    check = s.go_next()
    assert codes(check.missing) == [("opening.no_chair", "chair_id"), ("opening.no_minute_taker", "minute_taker_id"),
                                    ("opening.roll_call", "attendance")]
    assert str(check.missing[2]).startswith("Chưa điểm danh 12 đảng viên: ")
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.mark_all_present()
    for name in ("Hồ Thị Khánh", "Ngô Văn Long", "Dương Thị Mai", "Đỗ Văn Hải", "Vũ Thị Dung"):   # 7 of 12
        s.set_attendance(who[name], Presence.ABSENT_NO_REASON)
    below = s.check()
    assert below.ok and codes(below.warnings) == [("opening.below_quorum", "attendance")]
    s.set_attendance(who["Đỗ Văn Hải"], Presence.PRESENT)
    s.set_attendance(who["Ngô Văn Long"], Presence.PRESENT)
    assert s.go_next().ok
    # The collective review: the conclusion blocks, no comment is only mentioned
    check = s.go_next()
    assert codes(check.missing) == [("step.no_conclusion", "conclusion")]
    assert codes(check.warnings) == [("step.no_comments", "comments")]
    s.set_step_text(s.current.id, "conclusion", "Chi ủy tiếp thu ý kiến.")
    assert s.go_next().ok
    # The chair's own review: another chair is needed; no self-review, no answer are mentioned
    check = s.check()
    assert codes(check.missing) == [("review.chair_under_review", "chair_id"), ("step.no_conclusion", "conclusion")]
    assert codes(check.warnings) == [("review.no_self_review", "self_review"), ("review.no_answer", "answer")]
    # An absent member's review: mentioned, never blocking
    absent = next(st for st in s.record.steps if st.subject_member_id == who["Dương Thị Mai"])
    assert codes(s.check(absent).warnings) == [("review.subject_absent", "attendance")] and s.check(absent).ok
    # The rating step: a blocking finding on the level voted waits for its reason
    desk = VotingDesk(s)
    an = who["Lê Văn An"]
    s.set_self_review(an, general_score=28, task_score=59, proposed_level=Level.EXCELLENT.value)   # 87 < 90
    desk.set_facts(an, tasks_on_time_pct=100, tasks_exceeded_pct=40, tasks_not_done_pct=0,
                   previous_shortcomings_fixed=True)
    rating = next(st for st in s.record.steps if st.kind == StepKind.RATING_VOTES)
    [v] = desk.new_rating_votes(VoteMethod.HANDS, [an], step_id=rating.id)
    desk.set_levels(v.id, {Level.EXCELLENT.value: 7, Level.GOOD.value: 2})
    check = s.check(rating)
    assert codes(check.missing) == [("rating.unjustified", "justification")]
    assert check.missing[0].values["subject"] == an and "Lê Văn An" in str(check.missing[0])
    assert not any("màn hình biểu quyết" in str(w) for w in check.warnings)   # the stale warning is gone
    desk.justify(an, check.missing[0].values["rule"], "Có thành tích đột xuất được Bộ khen thưởng")
    assert s.check(rating).ok
    # A round with no level reached: a new round is proposed (a warning)
    bich = who["Phạm Thị Bích"]
    [w] = desk.new_rating_votes(VoteMethod.HANDS, [bich], step_id=rating.id)
    desk.set_levels(w.id, {Level.GOOD.value: 3})
    assert codes(s.check(rating).warnings) == [("rating.new_round", "votes")]
    # The adoption: its vote is missing until announced
    adoption = next(st for st in s.record.steps if st.kind == StepKind.ADOPTION)
    assert codes(s.check(adoption).missing) == [("adoption.not_voted", "votes")]
    # The closing: its time is missing; once closed, no step is left any more
    closing = next(st for st in s.record.steps if st.kind == StepKind.CLOSING)
    assert codes(s.check(closing).missing) == [("closing.no_end_time", "end_time")]
    s.go_to(closing.id)
    s.close_meeting("11:30")
    assert s.go_next().ok and s.meeting.state == MeetingState.HELD
    closed = s.go_next()
    assert not closed.ok and closed.refusal.code == "meeting.closed" and str(closed.refusal) == "Hội nghị đã bế mạc."


def test_the_old_text_api_still_reads(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    s.start()
    check = s.check()
    assert [str(m) for m in check.missing][:2] == ["Chưa chọn người chủ trì.", "Chưa cử thư ký hội nghị."]
    assert check.missing[0].template == "Chưa chọn người chủ trì."
