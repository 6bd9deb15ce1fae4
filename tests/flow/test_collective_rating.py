"""The collectives' self-rating (Mẫu 01): recorded, kept, used by the rules, exported and imported."""
from datetime import date

import pytest

from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.io.meeting_json import MeetingJsonError, export_meeting, import_meeting
from kiemdiem_desktop.meeting_results import meeting_results
from kiemdiem_desktop.model import Level
from kiemdiem_desktop.model.vote import CELL, COMMITTEE
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import MeetingSession, prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

from tests.flow.conftest import twelve_member_cell

STRENGTHS = "Lãnh đạo chi bộ hoàn thành 100% chỉ tiêu; giữ vững đoàn kết nội bộ."
SHORTCOMINGS = "Sinh hoạt chuyên đề chưa đều; nguyên nhân: chưa phân công cụ thể."


def _missing_score(desk: VotingDesk, subject: str) -> list[str]:
    return [f.message for f in desk.findings(subject, Level.GOOD) if f.rule.startswith("chua-nhap")
            and "tổng điểm" in f.message]


def test_the_committee_and_the_cell_record_their_self_rating(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    desk = VotingDesk(s)
    assert _missing_score(desk, COMMITTEE)          # before: the rules cannot check the score
    s.set_collective_review(COMMITTEE, presenter="Nguyễn Văn Hùng", general_score=27, task_score=63,
                            proposed_level="GOOD")
    s.set_collective_review(COMMITTEE, strengths=STRENGTHS)
    s.set_collective_review(COMMITTEE, shortcomings=SHORTCOMINGS)
    s.set_collective_review(CELL, general_score=28.5, task_score=64, proposed_level="GOOD")
    s.flush()
    assert _missing_score(desk, COMMITTEE) == []     # the "chưa nhập tổng điểm" warning is gone
    assert _missing_score(desk, CELL) == []
    assert desk.proposed_level(COMMITTEE) == Level.GOOD

    again = MeetingSession(cell_file, s.meeting_id).record.collective_reviews
    c = again[COMMITTEE]
    assert (c.presenter, c.general_score, c.task_score, c.total_score, c.proposed_level) == \
        ("Nguyễn Văn Hùng", 27, 63, 90, "GOOD")
    assert (c.strengths, c.shortcomings) == (STRENGTHS, SHORTCOMINGS)
    assert again[CELL].total_score == 92.5

    # the rules read the collective's own score: a low one caps the level
    s.set_collective_review(CELL, task_score=20)
    capped = [f for f in desk.findings(CELL, Level.GOOD) if f.kind.value == "finding"]
    assert capped and "48,5" in capped[0].message

    results = {c["subject"]: c for c in meeting_results(cell_file, s.meeting_id)["collectives"]}
    assert results["committee"]["self_level"] == "GOOD" and results["committee"]["voted_level"] is None


def test_scores_out_of_range_are_refused_and_undo_restores(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    with pytest.raises(UserError, match="từ 0 đến 30"):
        s.set_collective_review(COMMITTEE, general_score=31)
    with pytest.raises(UserError, match="từ 0 đến 70"):
        s.set_collective_review(CELL, task_score=71)
    s.set_collective_review(CELL, proposed_level="EXCELLENT")
    s.set_collective_review(CELL, proposed_level="GOOD")
    s.flush()
    s.undo()
    assert s.record.collective_reviews[CELL].proposed_level == "EXCELLENT"


def test_the_self_rating_goes_through_meeting_json(cell_file, tmp_path):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    s.set_collective_review(COMMITTEE, presenter="Nguyễn Văn Hùng", summary="Báo cáo kiểm điểm chi ủy năm 2025",
                            strengths=STRENGTHS, shortcomings=SHORTCOMINGS, remedies="Phân công cụ thể.",
                            general_score=27, task_score=63, proposed_level="GOOD").result()
    data = export_meeting(cell_file, s.meeting_id)
    committee = data["meeting"]["collective_reviews"][0]
    assert committee["subject"] == "committee" and committee["strengths"] == STRENGTHS
    other = CellFile.open(tmp_path / "khac.kiemdiem", create=True)
    try:
        mid = import_meeting(other, data)
        r = MeetingSession(other, mid).record.collective_reviews[COMMITTEE]
        assert (r.presenter, r.remedies, r.total_score, r.proposed_level) == \
            ("Nguyễn Văn Hùng", "Phân công cụ thể.", 90, "GOOD")
        assert export_meeting(other, mid)["meeting"]["collective_reviews"] == data["meeting"]["collective_reviews"]
        # an older document without the field imports as before
        del data["meeting"]["collective_reviews"]
        data["meeting"]["id"] = "5b0f3a52-8a4e-4c1e-9a57-000000000001"
        data["meeting"]["steps"] = []
        data["meeting"]["current_step_id"] = None
        assert MeetingSession(other, import_meeting(other, data)).record.collective_reviews == {}
        bad = export_meeting(cell_file, s.meeting_id)
        bad["meeting"]["collective_reviews"][0]["subject"] = "member"
        with pytest.raises(MeetingJsonError, match=r"meeting.collective_reviews\[0\].subject"):
            import_meeting(other, bad)
    finally:
        other.close(backup=False)


def test_collective_self_rating_in_meeting_results(tmp_path):
    from tests.documents.conftest import hold_meeting

    cf = twelve_member_cell(tmp_path / "chi-bo.kiemdiem")
    try:
        desk = hold_meeting(cf, {"t": "08:00"}, adopt=False)
        desk.s.set_collective_review(COMMITTEE, general_score=27, task_score=63, proposed_level="GOOD").result()
        collectives = {c["subject"]: c for c in meeting_results(cf, desk.s.meeting_id)["collectives"]}
        assert collectives["committee"]["self_level"] == "GOOD"
        assert collectives["committee"]["score"] == 90
        assert collectives["cell"]["self_level"] is None
    finally:
        cf.close(backup=False)
