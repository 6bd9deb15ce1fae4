"""`kiemdiem demo --finished`: a meeting that has been held, adopted and locked (revision 1),
built through the real code paths (MeetingSession, VotingDesk) with a fixed clock.

What it shows: a late arrival and an early leave (before the rating ballot, so the leaver
stays in the base), an approved absentee (left for the supplementary session), comments
for every member reviewed with the chair handing over for his own review, a show of hands
(the agenda, the counting team), a ballot on the common paper accepted, ratings where one
member is voted above a blocking finding with the reason typed, warnings (leave,
probation, a fault admitted and remedied), a quota line over 20%, and the adoption vote
that locks the minutes.
"""
from __future__ import annotations

from datetime import date, datetime

from .model import Member, PartyPost
from .model.attendance import Presence
from .model.review import StepKind, WrittenSource
from .model.vote import CELL, COMMITTEE, BallotLayout, VoteKind, VoteMethod
from .services import CellFile
from .session import Speaker, prepare_meeting
from .voting import VotingDesk

E, G, C, N = "EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"
DISCIPLINE_RULE = "366.ca-nhan.khtn.ky-luat"
JUSTIFICATION = ("Đồng chí đã nghiêm túc nhận khuyết điểm, tự khắc phục xong hậu quả trước khi bị xử lý; "
                 "chi bộ đề xuất mức Hoàn thành nhiệm vụ để cấp có thẩm quyền xem xét (Quy định 366-QĐ/TW).")


class FixedClock:
    def __init__(self, t: str = "07:45"):
        self.t = t

    def __call__(self) -> str:
        return self.t


# By position in the demo roster (demo.demo_members): 0 bí thư, 1 phó bí thư, 2 chi ủy viên,
# 3 minute-taker, 4 maternity leave (leaves early), 5 probationary, 6 disciplined,
# 7 admitted < 6 months, 8 arrives late, 9 temporary activity elsewhere, 10 exempted,
# 11 approved absentee.
PLAN_LEVELS = {0: E, 2: E, 6: C}     # the others: GOOD; 2 HTXSNV / 6 HTTNV = 33,3% > 20%


def _scores(level: str) -> tuple[float, float]:
    return {E: (29, 64), G: (26, 57), C: (22, 43), N: (15, 30)}[level]


def hold_demo_meeting(cf: CellFile, roster: list[Member], today: date) -> str:
    """``roster``: the demo members in the order they were made. Returns the meeting's id."""
    clock = FixedClock("07:45")
    s = prepare_meeting(cf, today.year, meeting_date=today, place="Phòng họp tầng 3",
                        document_number="12-BB/CB")
    s.clock = clock
    ids = [m.id for m in roster]
    at = lambda i: ids[i] if i < len(ids) else None          # noqa: E731
    chair = next((m.id for m in roster if m.party_post == PartyPost.SECRETARY), ids[0])
    deputy = next((m.id for m in roster if m.party_post == PartyPost.DEPUTY), None)
    minute_taker = at(3) or ids[-1]
    s.update_meeting(chair_id=chair, minute_taker_id=minute_taker, start_time="08:00")
    delegate = s.add_delegate("Trần Quốc Toản", "Ủy viên Ban Thường vụ Đảng ủy Sở")

    # Before the meeting: self-reviews and written comments.
    rated = [m for m in s.attendees() if m.id in s.categories and s.categories[m.id].value in
             ("official", "probationary", "temporary_elsewhere")]
    for m in rated:
        level = PLAN_LEVELS.get(ids.index(m.id), G)
        general, task = _scores(level)
        s.set_self_review(m.id, summary=(f"Ưu điểm: giữ vững lập trường chính trị, hoàn thành các nhiệm vụ được giao. "
                                         f"Hạn chế: {'chậm triển khai một nhiệm vụ' if level == C else 'có lúc chưa chủ động'}; "
                                         "đã đề ra biện pháp khắc phục."),
                          general_score=general, task_score=task, proposed_level=level)
    # The collectives' own reports (Mẫu 01): presented by the bí thư, self-scored, a level proposed.
    chair_name = s.members[chair].full_name
    if s.cell.has_committee:
        s.set_collective_review(
            COMMITTEE, presenter=chair_name,
            summary="Chi ủy lãnh đạo chi bộ hoàn thành các chỉ tiêu của nghị quyết năm; duy trì sinh hoạt định kỳ, "
                    "giữ vững đoàn kết nội bộ.",
            strengths="Lãnh đạo hoàn thành 100% nhiệm vụ chuyên môn được giao, trong đó 30% vượt tiến độ.",
            shortcomings="Sinh hoạt chuyên đề chưa đều; nguyên nhân chủ quan: chưa phân công chuẩn bị sớm.",
            remedies="Xây dựng kế hoạch sinh hoạt chuyên đề cả năm, phân công chuẩn bị từ đầu quý.",
            general_score=27, task_score=60, proposed_level=G)
    s.set_collective_review(
        CELL, presenter=chair_name,
        summary="Chi bộ hoàn thành nhiệm vụ chính trị của cơ quan; không có đảng viên vi phạm phải xử lý kỷ luật "
                "ngoài trường hợp đã báo cáo.",
        general_score=27, task_score=59, proposed_level=G)
    if at(9):
        s.add_written_comment(at(9), WrittenSource.TEMPORARY_CELL,
                              "Chi bộ Sở Kế hoạch và Đầu tư nhận xét: đồng chí hoàn thành tốt nhiệm vụ trong thời gian "
                              "sinh hoạt tạm thời.")
    if at(1):
        s.add_written_comment(at(1), WrittenSource.RESIDENCE,
                              "Chi ủy chi bộ khu dân cư số 4: đồng chí gương mẫu thực hiện nghĩa vụ công dân nơi cư trú.")

    # The opening at 08:00: roll call.
    clock.t = "08:00"
    s.start()
    s.update_meeting(started_at=datetime(today.year, today.month, today.day, 8, 0))
    s.mark_all_present()
    if at(8):
        s.set_attendance(at(8), Presence.ABSENT_NO_REASON)
    if at(10):
        s.set_attendance(at(10), Presence.ABSENT_APPROVED, "Được miễn sinh hoạt, tuổi cao sức yếu")
    if at(11):
        s.set_attendance(at(11), Presence.ABSENT_APPROVED, "Đi công tác tại Đà Nẵng theo quyết định của Sở")
    desk = VotingDesk(s)
    clock.t = "08:05"
    agenda = desk.new_question(VoteKind.AGENDA, "Thông qua chương trình hội nghị")
    present = len(desk.headcount_at("08:05").voters)
    desk.set_hands(agenda.id, present)
    desk.record_result(agenda.id)

    # Times that make sense: the reviews share 08:10-10:30 (at least a minute each, later for a big
    # cell), the ballot follows them, the adoption and the closing come last, all on the same day.
    reviews = sum(1 for st in s.record.steps if st.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW))
    step_minutes = max(1, min(6, 140 // max(1, reviews)))
    minute = 8 * 60 + 10 - step_minutes
    comments = 0
    speakers_pool = [x for x in (chair, deputy, at(2), at(3)) if x]

    def hhmm(total: int) -> str:
        total = min(total, 23 * 60 + 59)
        return f"{total // 60:02d}:{total % 60:02d}"

    while True:
        step = s.current
        if step.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW):
            minute += step_minutes
        clock.t = hhmm(minute)
        if at(8) and clock.t >= "08:20" and not s.record.attendance[at(8)].arrived_at:
            s.arrive(at(8), "08:20")
        if step.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW) and \
                not s.flow.subject_absent(step, s.time_of(step)):
            if s.flow.needs_handover(step) and deputy:
                s.set_step_chair(step.id, deputy)
            speaker_id = next((x for x in speakers_pool if x != step.subject_member_id), chair)
            name = s.members[speaker_id].full_name
            text = ("Đề nghị đồng chí làm rõ nguyên nhân chủ quan của hạn chế, xây dựng kế hoạch khắc phục "
                    "có mốc thời gian cụ thể." if comments % 2 == 0 else
                    "Đồng chí cần phát huy vai trò nêu gương, chủ động hơn trong công việc chung.")
            s.add_comment(step.id, Speaker(name, member_id=speaker_id), text)
            if comments == 0:
                s.add_comment(step.id, Speaker(delegate.name, delegate_id=delegate.id),
                              "Đề nghị chi ủy gắn kiểm điểm với kết quả thực hiện nhiệm vụ chính trị của cơ quan.")
            comments += 1
            s.set_step_text(step.id, "answer", "Xin tiếp thu đầy đủ các ý kiến và có kế hoạch khắc phục.")
            s.set_step_text(step.id, "conclusion", "Hội nghị thống nhất ghi nhận ưu điểm, đề nghị khắc phục hạn chế.")
        if step.kind == StepKind.RATING_VOTES:
            minute = max(minute + 10, 10 * 60 + 40)
            if at(4):
                s.leave(at(4), hhmm(minute - 10))   # leaves before the ballot: stays in the base
            clock.t = hhmm(minute)
            team_vote = desk.new_question(VoteKind.COUNTING_TEAM, "Bầu tổ kiểm phiếu")
            voters = sorted(desk.headcount_at(clock.t).voters, key=ids.index)
            desk.set_hands(team_vote.id, len(voters))
            desk.record_result(team_vote.id)
            minute += 5
            clock.t = hhmm(minute)
            _facts_and_scores(desk, ids)
            votes = desk.new_rating_votes(VoteMethod.BALLOT, layout=BallotLayout.COMMON)
            ballot_id = votes[0].ballot_id
            team = [x for x in (at(2), at(1)) if x in voters] or voters[:2]
            desk.set_counting_team(ballot_id, team)
            n = len(voters)
            desk.set_papers(ballot_id, n, n, n, 0)
            for v in votes:
                desk.set_levels(v.id, _counts(PLAN_LEVELS.get(ids.index(v.subject), G)
                                              if v.subject not in (COMMITTEE, CELL) else G, n))
            minute += 10                         # the team counts the papers
            clock.t = hhmm(minute)
            desk.accept_ballot(ballot_id)        # the counting ends now: its record states the time
            desk.set_counting_record(ballot_id, document_number="01-BBKP/CB")
            if at(6):
                desk.justify(at(6), DISCIPLINE_RULE, JUSTIFICATION)
            minute += 5
            clock.t = hhmm(minute)
        if step.kind in (StepKind.CELL_RATING, StepKind.RESULTS):
            minute += 5
            clock.t = hhmm(minute)
        if step.kind == StepKind.ADOPTION:
            minute += 10
            clock.t = hhmm(minute)
            adoption = desk.new_question(VoteKind.MINUTES, "Thông qua biên bản hội nghị")
            desk.set_hands(adoption.id, len(desk.headcount_at(clock.t).voters))
            desk.record_result(adoption.id)      # adopted: the minutes are locked (revision 1)
        if step.kind == StepKind.CLOSING:
            minute += 10
            clock.t = hhmm(minute)
            s.close_meeting(clock.t)
        check = s.go_next()
        if not check.ok:
            raise RuntimeError("; ".join(str(m) for m in check.missing))
        if step.kind == StepKind.CLOSING or s.current is step:
            break
    s.flush()
    return s.meeting_id


def _counts(level: str, papers: int) -> dict[str, int]:
    """All but one paper for the planned level, the last one a level lower (or higher)."""
    if papers <= 1:
        return {level: papers}
    other = {E: G, G: E, C: N, N: C}[level]
    return {level: papers - 1, other: 1}


def _facts_and_scores(desk: VotingDesk, ids: list[str]) -> None:
    s = desk.s
    for subject in desk.rating_subjects():
        if subject in (COMMITTEE, CELL):
            continue
        level = PLAN_LEVELS.get(ids.index(subject), G)
        i = ids.index(subject)
        if level == E:
            desk.set_facts(subject, tasks_on_time_pct=100.0, tasks_exceeded_pct=40.0, tasks_late_pct=0.0,
                           tasks_not_done_pct=0.0, previous_shortcomings_fixed=True)
        elif level == G:
            desk.set_facts(subject, tasks_on_time_pct=100.0, tasks_exceeded_pct=10.0, tasks_late_pct=0.0,
                           tasks_not_done_pct=0.0, previous_shortcomings_fixed=True)
        else:   # the disciplined member: admitted the fault and remedied it
            desk.set_facts(subject, tasks_on_time_pct=85.0, tasks_exceeded_pct=0.0, tasks_late_pct=15.0,
                           tasks_not_done_pct=0.0, previous_shortcomings_fixed=True, admitted_and_remedied=True)
        if i == 1:    # the cell accepts a lower task score than the self-score, with its reason
            review = s.record.self_reviews[subject]
            desk.accept_score(subject, review.general_score, review.task_score - 2,
                              "Một nhiệm vụ quý IV hoàn thành chậm so với kế hoạch")
