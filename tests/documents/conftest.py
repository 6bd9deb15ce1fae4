"""A meeting held from start to end through the real session and voting code."""
from datetime import date, datetime

import pytest

from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.model.vote import VoteKind, VoteMethod
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

from tests.flow.conftest import twelve_member_cell

LONG_COMMENT = ("Đề nghị đồng chí làm rõ nguyên nhân chủ quan của hạn chế trong việc nghiên cứu, quán triệt "
                "nghị quyết; xây dựng kế hoạch cụ thể, có mốc thời gian, để khắc phục trong năm tới; đồng thời "
                "phát huy hơn nữa vai trò nêu gương trong thực hiện nhiệm vụ chuyên môn, kèm cặp cán bộ trẻ, "
                "giữ gìn đoàn kết nội bộ và tham gia đầy đủ sinh hoạt ở nơi cư trú theo Quy định 213-QĐ/TW; "
                "chi bộ sẽ theo dõi, đánh giá kết quả khắc phục tại kỳ sinh hoạt định kỳ hằng quý và báo cáo "
                "cấp ủy cấp trên theo đúng thời hạn đã đề ra trong kế hoạch kiểm điểm của Đảng ủy Sở năm 2025. "
                "Tôi đề nghị hội nghị ghi nhận các ý kiến này vào biên bản để theo dõi.")


def hold_meeting(cf: CellFile, clock: dict, adopt: bool = True) -> VotingDesk:
    s = prepare_meeting(cf, 2025, meeting_date=date(2025, 12, 10), place="Phòng họp tầng 3, Sở Nội vụ",
                        document_number="05-BB/CB")
    s.clock = lambda: clock["t"]
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"], start_time="08:00")
    s.add_delegate("Trần Quốc Toản", "Ủy viên Ban Thường vụ Đảng ủy Sở")
    s.start()
    # "Khai mạc" was pressed at 08:03 (planned 08:00): the minutes print the actual opening
    s.update_meeting(started_at=datetime(2025, 12, 10, 8, 3))
    s.mark_all_present()
    s.set_attendance(who["Hồ Thị Khánh"], Presence.ABSENT_APPROVED, "Đi công tác tại Đà Nẵng")
    d = VotingDesk(s)
    v = d.new_question(VoteKind.AGENDA, "Thông qua chương trình hội nghị")
    d.set_hands(v.id, 11)
    d.record_result(v.id)
    for i, mid in enumerate(who.values()):
        s.set_self_review(mid, summary=f"Ưu điểm: hoàn thành tốt nhiệm vụ. Hạn chế số {i}: cần khắc phục.",
                          general_score=27, task_score=55 + i, proposed_level="GOOD")
    n = 0
    while True:
        st = s.current
        if st.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW) and \
                not s.flow.subject_absent(st, s.clock()):
            if s.flow.needs_handover(st):
                s.set_step_chair(st.id, who["Trần Thị Lan"])
            s.add_comment(st.id, s.speakers("toan")[0], LONG_COMMENT if n == 0 else f"Ý kiến góp ý số {n}.")
            n += 1
            s.set_step_text(st.id, "answer", "Xin tiếp thu các ý kiến.")
            s.set_step_text(st.id, "conclusion", "Hội nghị ghi nhận, đề nghị phát huy ưu điểm.")
        if st.kind == StepKind.RATING_VOTES:
            clock["t"] = "10:30"
            team = d.new_question(VoteKind.COUNTING_TEAM, "Bầu tổ kiểm phiếu")
            d.set_hands(team.id, 11)
            d.record_result(team.id)
            votes = d.new_rating_votes(VoteMethod.BALLOT)
            d.set_counting_team(votes[0].ballot_id, [who["Lê Văn An"], who["Phạm Thị Bích"], who["Vũ Thị Dung"]])
            d.set_papers(votes[0].ballot_id, 11, 11, 11, 0)
            for vv in votes:
                d.set_levels(vv.id, {"EXCELLENT": 2, "GOOD": 8, "COMPLETED": 1})
            d.accept_ballot(votes[0].ballot_id)
        if st.kind == StepKind.ADOPTION and adopt:
            clock["t"] = "11:20"
            v = d.new_question(VoteKind.MINUTES, "Thông qua biên bản hội nghị")
            d.set_hands(v.id, 11)
            d.record_result(v.id)          # the lock starts with the adoption vote
        if st.kind == StepKind.ADOPTION and not adopt:
            break
        if st.kind == StepKind.CLOSING:
            s.close_meeting("11:30")
        assert s.go_next().ok
        if st.kind == StepKind.CLOSING:
            break
    s.flush()
    return d


@pytest.fixture
def held(tmp_path):
    cf = twelve_member_cell(tmp_path / "chi-bo.kiemdiem")
    desk = hold_meeting(cf, {"t": "08:00"})
    yield desk
    cf.close(backup=False)


def hold_generic_meeting(cf: CellFile, year: int, day: date) -> VotingDesk:
    """Any cell (e.g. a 500-member demo): everyone present, one comment per member, a common ballot."""
    clock = {"t": "08:00"}
    s = prepare_meeting(cf, year, meeting_date=day, place="Hội trường lớn", document_number="12-BB/CB")
    s.clock = lambda: clock["t"]
    people = s.attendees()
    chair = next(m for m in people if m.party_post.value == "party_secretary")
    taker = next(m for m in people if m.id != chair.id)
    deputy = next(m for m in people if m.id not in (chair.id, taker.id))
    s.update_meeting(chair_id=chair.id, minute_taker_id=taker.id, start_time="08:00")
    s.start()
    s.mark_all_present()
    d = VotingDesk(s)
    speaker = s.speakers(deputy.full_name)[0]
    other = s.speakers(chair.full_name)[0]
    for i, step in enumerate(s.record.steps):
        if step.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW):
            if s.flow.needs_handover(step):
                s.set_step_chair(step.id, deputy.id)
            who = other if step.subject_member_id == deputy.id else speaker
            s.add_comment(step.id, who, f"Góp ý số {i}: đề nghị đồng chí phát huy ưu điểm, khắc phục hạn chế.")
            s.set_step_text(step.id, "conclusion", "Hội nghị ghi nhận.")
    clock["t"] = "15:00"
    step = next(st for st in s.record.steps if st.kind == StepKind.RATING_VOTES)
    votes = d.new_rating_votes(VoteMethod.BALLOT, step_id=step.id)
    h = d.headcount_at("15:00")
    n = len(h.voters)
    d.set_papers(votes[0].ballot_id, n, n, n, 0)
    for v in votes:
        d.set_levels(v.id, {"GOOD": n - 1, "COMPLETED": 1})
    d.accept_ballot(votes[0].ballot_id)
    s.close_meeting("17:00")
    s.flush()
    return d
