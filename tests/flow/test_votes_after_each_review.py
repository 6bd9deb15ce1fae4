"""Issue 16 item 3: the two ways of running the rating votes — right after each member's review, or
in one step after all the reviews (the default). The agenda says which; the gates of a vote taken
after a review concern that member only."""
from datetime import date

from kiemdiem_desktop.model import Level
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.model.vote import VoteMethod
from kiemdiem_desktop.session import MeetingSession, prepare_meeting
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.voting import VotingDesk



def titles(s) -> list[str]:
    return [st.title for st in s.record.steps]


def test_votes_after_each_review_put_a_vote_step_after_every_review_and_no_common_one(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10), votes_after_each=True)
    t = titles(s)
    reviews = [i for i, st in enumerate(s.record.steps) if st.kind == StepKind.MEMBER_REVIEW]
    assert len(reviews) == 12
    for i in reviews:
        review, vote = s.record.steps[i], s.record.steps[i + 1]
        assert vote.kind == StepKind.RATING_VOTES and vote.subject_member_id == review.subject_member_id
        name = s.members[review.subject_member_id].full_name
        assert (review.title, vote.title) == (f"Kiểm điểm đồng chí {name}",
                                             f"Biểu quyết xếp loại đồng chí {name}")
    assert t[reviews[0]:reviews[0] + 6] == [
        "Kiểm điểm đồng chí Nguyễn Văn Hùng", "Biểu quyết xếp loại đồng chí Nguyễn Văn Hùng",
        "Kiểm điểm đồng chí Trần Thị Lan", "Biểu quyết xếp loại đồng chí Trần Thị Lan",
        "Kiểm điểm đồng chí Lê Văn An", "Biểu quyết xếp loại đồng chí Lê Văn An"]
    # no common rating step; the cell's own rating stays where the rule set puts it
    assert sum(1 for st in s.record.steps if st.kind == StepKind.RATING_VOTES) == 12
    assert sum(1 for st in s.record.steps if st.kind == StepKind.CELL_RATING) == 1
    # the agenda is in the file: reopened, it reads the same
    mid, path = s.meeting_id, cell_file.path
    cell_file.close(backup=False)
    again = CellFile.open(path)
    try:
        assert titles(MeetingSession(again, mid)) == t
    finally:
        again.close(backup=False)


def test_the_default_is_one_rating_step_and_regenerating_keeps_or_changes_the_way(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    common = [st.title for st in s.record.steps if st.kind == StepKind.RATING_VOTES]
    assert len(common) == 1 and not s.record.steps[0].subject_member_id
    s.generate_agenda(votes_after_each=True).result()
    assert "Biểu quyết xếp loại đồng chí Lê Văn An" in titles(s) and common[0] not in titles(s)
    s.update_meeting(rating_year=2024, rule_set_id="qd124-hd25")
    s.reload()
    s.generate_agenda().result()              # a changed year keeps the way chosen
    assert s.rules.id == "qd124-hd25" and "Biểu quyết xếp loại đồng chí Lê Văn An" in titles(s)
    s.generate_agenda(votes_after_each=False).result()
    assert [st.kind for st in s.record.steps].count(StepKind.RATING_VOTES) == 1
    assert not any(t.startswith("Biểu quyết xếp loại đồng chí") for t in titles(s))


def test_a_vote_after_a_review_is_gated_on_that_member_only(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10), votes_after_each=True)
    s.start()
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.mark_all_present()
    desk = VotingDesk(s)
    an, bich = who["Lê Văn An"], who["Phạm Thị Bích"]
    for mid in (an, bich):
        s.set_self_review(mid, general_score=28, task_score=59, proposed_level=Level.EXCELLENT.value)  # 87 < 90
    step_of = {st.subject_member_id: st for st in s.record.steps if st.kind == StepKind.RATING_VOTES}
    [v] = desk.new_rating_votes(VoteMethod.HANDS, [an], step_id=step_of[an].id)
    desk.set_levels(v.id, {Level.EXCELLENT.value: 9, Level.GOOD.value: 3})
    check = s.check(step_of[an])
    assert [m.code for m in check.missing] == ["rating.unjustified"]
    assert all(m.values["subject"] == an for m in check.missing)
    desk.justify(an, check.missing[0].values["rule"], "Có thành tích đột xuất được Bộ khen thưởng")
    # Lê Văn An's vote step is done though Phạm Thị Bích has not been voted on yet
    assert s.check(step_of[an]).ok and not s.check(step_of[an]).warnings
    [w] = desk.new_rating_votes(VoteMethod.HANDS, [bich], step_id=step_of[bich].id)
    desk.set_levels(w.id, {Level.GOOD.value: 3})
    assert [m.code for m in s.check(step_of[bich]).warnings] == ["rating.new_round"]
    assert not s.check(step_of[an]).warnings
