"""A rating year with a main meeting and a supplementary session, held through the real code."""
from datetime import date

import pytest

from kiemdiem_desktop.model import MeetingKind
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.model.vote import CELL, COMMITTEE, VoteKind, VoteMethod
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

from tests.documents.conftest import held, hold_meeting  # noqa: F401  (fixtures used here)
from tests.flow.conftest import cell_file, twelve_member_cell  # noqa: F401

ABSENT = "Hồ Thị Khánh"          # absent with a reason at the main meeting (hold_meeting)


def hold_supplementary(cf: CellFile, *, adopt: bool = True) -> VotingDesk:
    """20/12/2025: everyone present; Hồ Thị Khánh reviewed and voted HTXSNV (10/12 of the base)."""
    clock = {"t": "14:00"}
    s = prepare_meeting(cf, 2025, MeetingKind.SUPPLEMENTARY, meeting_date=date(2025, 12, 20),
                        place="Phòng họp tầng 3, Sở Nội vụ", document_number="06-BB/CB")
    s.clock = lambda: clock["t"]
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"], start_time="14:00")
    s.set_self_review(who[ABSENT], summary="Hoàn thành xuất sắc nhiệm vụ được giao.", general_score=28,
                      task_score=63, proposed_level="EXCELLENT")
    s.start()
    s.mark_all_present()
    d = VotingDesk(s)
    while True:
        st = s.current
        if st.kind == StepKind.MEMBER_REVIEW:
            clock["t"] = "14:15"
            s.add_comment(st.id, s.speakers("lan")[0], "Đồng chí hoàn thành xuất sắc nhiệm vụ, đề nghị phát huy.")
            s.set_step_text(st.id, "answer", "Xin tiếp thu.")
            s.set_step_text(st.id, "conclusion", "Hội nghị ghi nhận.")
        if st.kind == StepKind.RATING_VOTES:
            clock["t"] = "14:40"
            for v in d.new_rating_votes(VoteMethod.HANDS):
                d.set_levels(v.id, {"EXCELLENT": 10, "GOOD": 2})
                d.record_result(v.id)
        if st.kind == StepKind.ADOPTION:
            if not adopt:
                break
            clock["t"] = "15:00"
            v = d.new_question(VoteKind.MINUTES, "Thông qua biên bản buổi kiểm điểm bổ sung")
            d.set_hands(v.id, 12)
            d.record_result(v.id)
        if st.kind == StepKind.CLOSING:
            s.close_meeting("15:10")
        assert s.go_next().ok, s.check().missing
        if st.kind == StepKind.CLOSING:
            break
    s.flush()
    return d


@pytest.fixture
def year(tmp_path):
    """(cell file, main meeting's desk, supplementary session's desk)."""
    cf = twelve_member_cell(tmp_path / "chi-bo.kiemdiem")
    main = hold_meeting(cf, {"t": "08:00"})
    sup = hold_supplementary(cf)
    yield cf, main, sup
    if not cf.closed:
        cf.close(backup=False)


__all__ = ["ABSENT", "CELL", "COMMITTEE", "hold_supplementary"]
