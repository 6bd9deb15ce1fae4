"""The head count at a vote is computed once per time over the meeting as loaded, and anew after
any write (issue 15: it was recomputed about eleven times per vote)."""
from datetime import date

import pytest

from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model.vote import VoteKind
from kiemdiem_desktop.rules import attendance
from kiemdiem_desktop.session import prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

from tests.flow.conftest import Clock


@pytest.fixture
def counted(monkeypatch):
    """How many times the head count was really computed (the rule itself runs unchanged)."""
    calls = []
    real = attendance.headcount

    def counting(*args, **kwargs):
        calls.append(args[3])
        return real(*args, **kwargs)

    import kiemdiem_desktop.meeting_snapshot as snapshot_module
    monkeypatch.setattr(snapshot_module, "headcount", counting)
    return calls


def test_one_head_count_per_vote_time_and_a_new_one_after_any_write(cell_file, counted):
    clock = Clock("08:00")
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    s.clock = clock
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.start()
    s.mark_all_present()
    s.set_attendance(who["Hồ Thị Khánh"], Presence.ABSENT_APPROVED, "Đi công tác")
    desk = VotingDesk(s)
    v = desk.new_question(VoteKind.AGENDA, "Thông qua chương trình hội nghị", at="09:00")
    desk.set_hands(v.id, yes=6, no=4, abstain=1)
    counted.clear()
    for _ in range(11):          # the minutes, the results and the checks all ask
        assert desk.result(v).summary().startswith("có mặt 11/11; tán thành 6/11")
    assert counted == ["09:00"]
    # a write (the approved absentee arrives before the vote) is seen at once: she joins the base
    s.arrive(who["Hồ Thị Khánh"], "08:30")
    assert desk.result(v).summary().startswith("có mặt 12/12; tán thành 6/12")
    assert counted == ["09:00", "09:00"]
    # an edit inside one user action (written once, at its end) is seen at once too
    with s.action("Ghi về sớm"):
        s.leave(who["Đỗ Văn Hải"], "08:45")
        assert desk.result(v).summary().startswith("có mặt 11/12")
    # a correction tried on a copy never touches the figures of the meeting as stored
    effects = desk.effects(lambda rec: rec.attendance.pop(who["Hồ Thị Khánh"]))
    assert effects == []
    assert desk.result(v).summary().startswith("có mặt 11/12")
