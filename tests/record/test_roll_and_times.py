"""Everyone accounted for, the actual times, the collectives' inputs (DOMAIN.md §4, §7)."""
from datetime import date, datetime

import pytest

from kiemdiem_desktop.clock import NO_CLOCK, ClockNotAllowed
from kiemdiem_desktop.figures import MeetingFigures, RollStatus
from kiemdiem_desktop.model import Member, Period, PeriodKind
from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model.vote import COMMITTEE, VoteKind, VoteMethod

from tests.record.scenarios import DAY, hands, open_meeting


def add(cf, name, **kw):
    periods = [Period(PeriodKind.MEMBERSHIP, date(2015, 1, 1)), *kw.pop("periods", [])]
    m = Member(full_name=name, periods=periods, **kw)
    cf.add_member(m).result()
    return m.id


def test_every_member_of_the_cell_is_accounted_for_numbered_without_gaps(cell_file):
    recent = add(cell_file, "Trịnh Văn Sáu", admission_date=date(2025, 9, 1))                 # dự bị < 6 tháng
    old_prob = add(cell_file, "Lý Thị Bảy", admission_date=date(2024, 5, 2))                   # dự bị > 12 tháng
    exempt = add(cell_file, "Mai Văn Tám", admission_date=date(1980, 1, 1), official_date=date(1981, 1, 1),
                 periods=[Period(PeriodKind.EXEMPTION, date(2023, 1, 1))])
    suspended = add(cell_file, "Tạ Văn Chín", admission_date=date(2000, 1, 1), official_date=date(2001, 1, 1),
                    periods=[Period(PeriodKind.SUSPENSION, date(2025, 10, 1))])
    unknown = add(cell_file, "Kiều Văn Mười")                                                  # no admission date
    s, desk, who, c = open_meeting(cell_file)
    s.mark_all_present().result()
    s.set_attendance(who["Dương Thị Mai"], Presence.ABSENT_APPROVED, "Ốm, nằm viện").result()
    s.set_attendance(exempt, Presence.ABSENT_NO_REASON).result()
    s.set_attendance(suspended, Presence.ABSENT_NO_REASON).result()
    s.set_self_review(who["Lê Văn An"], general_score=27, task_score=60, proposed_level="GOOD").result()
    hands(desk, who["Lê Văn An"], {"GOOD": 9}, "09:30", c)
    s.flush()
    fig = MeetingFigures.of(cell_file, s.meeting_id)
    roll = {e.member.full_name: e for e in fig.roll}
    assert [e.number for e in fig.roll] == list(range(1, len(fig.roll) + 1)) and len(fig.roll) == 17
    assert roll["Lê Văn An"].status is RollStatus.RATED
    assert roll["Lê Văn An"].text == "đã kiểm điểm; chi bộ đề xuất Hoàn thành tốt nhiệm vụ (9/11)"
    mai = roll["Dương Thị Mai"]
    assert mai.status is RollStatus.ABSENT and mai.reason == "Ốm, nằm viện"
    assert mai.text == ("vắng có lý do, được chủ trì chấp thuận (Ốm, nằm viện): kiểm điểm, xếp loại ở buổi "
                        "kiểm điểm bổ sung")
    assert roll["Trịnh Văn Sáu"].status is RollStatus.NOT_REVIEWED
    assert roll["Trịnh Văn Sáu"].text.startswith("đảng viên dự bị chưa đủ 6 tháng (vào Đảng ngày 01/09/2025)")
    assert roll["Mai Văn Tám"].status is RollStatus.NOT_REVIEWED
    assert roll["Mai Văn Tám"].text == ("được miễn công tác và sinh hoạt đảng: không kiểm điểm, xếp loại; "
                                        "vắng không có lý do")
    assert roll["Tạ Văn Chín"].text == "đang bị đình chỉ sinh hoạt đảng: không kiểm điểm, xếp loại"
    assert roll["Nguyễn Văn Hùng"].status is RollStatus.UNRATED                          # reviewed, not voted yet
    # the number present, stated: 12 members + Sáu, Bảy, Mười in the room; Mai, Tám, Chín absent
    assert (fig.cell_size, fig.present_at_opening) == (17, 14)
    # the member without an admission date is named, never silently out of the base
    assert any("Kiều Văn Mười" in w and "chưa tính vào số đảng viên được tính" in w for w in fig.warnings)
    assert roll["Kiều Văn Mười"].status is RollStatus.UNRATED
    muoi = fig.member(unknown)
    assert "Chưa có ngày vào Đảng: chưa tính vào số đảng viên được tính" in muoi.notes
    # the probationary member past 12 months: a warning on his rating
    s.set_self_review(old_prob, general_score=25, task_score=55, proposed_level="GOOD").result()
    s.flush()
    bay = MeetingFigures.of(cell_file, s.meeting_id).member(old_prob)
    assert any(f.rule == "366.ca-nhan.du-bi.qua-han" and "02/05/2024" in f.message for f in bay.findings)
    assert recent not in {f.subject for f in fig.members}
    assert any(w.startswith("Đồng chí Lý Thị Bảy vào Đảng ngày 02/05/2024: đã hết 12 tháng dự bị") for w in fig.warnings)
    assert not any("Trịnh Văn Sáu" in w for w in fig.warnings)


def test_actual_times_recorded_and_corrected_with_the_correction_kept(cell_file):
    s, desk, who, c = open_meeting(cell_file, at="08:20")         # planned 08:00, opened 08:20
    s.mark_all_present().result()
    c.set("09:40")
    v = desk.new_question(VoteKind.MINUTES, "Thông qua biên bản hội nghị")
    desk.set_hands(v.id, yes=10).result()
    s.close_meeting().result()                                    # the clock says 09:40
    s.flush()
    t = MeetingFigures.of(cell_file, s.meeting_id).times
    assert (t.planned_date, t.planned_start) == (DAY, "08:00")
    assert (t.opened_on, t.opened_at, t.adopted_at, t.closed_at) == (DAY, "08:20", "09:40", "09:40")
    with pytest.raises(Exception, match="Cần ghi lý do"):
        s.correct_time("opening", "08:15", "")
    s.correct_time("opening", "11/12/2025 08:15", "Khai mạc sang ngày hôm sau do mất điện").result()
    s.correct_time("closing", "11:05", "Thư ký ghi nhầm giờ").result()
    s.correct_time("vote", "09:35", "Giờ biểu quyết ghi theo đồng hồ hội trường", vote_id=v.id).result()
    t = MeetingFigures.of(cell_file, s.meeting_id).times
    assert (t.opened_on, t.opened_at, t.adopted_at, t.closed_at) == (date(2025, 12, 11), "08:15", "09:35", "11:05")
    history = s.history()
    assert [h["what"] for h in history[-3:]] == ["Sửa giờ khai mạc: 10/12/2025 08:20 thành 11/12/2025 08:15",
                                                 "Sửa giờ bế mạc: 09:40 thành 11:05",
                                                 "Sửa giờ biểu quyết: 09:40 thành 09:35"]
    assert history[-3]["why"] == "Khai mạc sang ngày hôm sau do mất điện"


def test_figures_never_read_the_clock(cell_file):
    from tests.record.scenarios import late_and_early
    from kiemdiem_desktop.session import MeetingSession

    s, *_ = late_and_early(cell_file)
    with pytest.raises(ClockNotAllowed):
        NO_CLOCK()
    fig = MeetingFigures.of(cell_file, s.meeting_id)            # built over a session holding NO_CLOCK
    assert fig.s.clock is NO_CLOCK and len(fig.members) == 12
    live = MeetingSession(cell_file, s.meeting_id, clock=NO_CLOCK)
    assert live.meeting.started_at == datetime(2025, 12, 10, 8, 5)


def test_the_collective_cases_of_khtnv_have_their_inputs(cell_file):
    s, desk, who, c = open_meeting(cell_file)
    s.mark_all_present().result()
    desk.accept_score(COMMITTEE, None, None).result()
    for flag in ("personnel_wrongdoing", "disunity"):
        desk.set_facts(COMMITTEE, **{flag: True}).result()
    rules = {f.rule for f in desk.findings(COMMITTEE, "GOOD")}
    assert {"366.tap-the.khtn.can-bo", "366.tap-the.khtn.doan-ket"} <= rules
    assert "366.tap-the.khtn.suy-thoai" not in rules
    desk.set_facts(who["Lê Văn An"], degradation_concluded=True).result()       # a chi ủy viên concluded degraded
    assert "366.tap-the.khtn.suy-thoai" in {f.rule for f in desk.findings(COMMITTEE, "GOOD")}
    s.flush()
    again = MeetingFigures.of(cell_file, s.meeting_id).member(COMMITTEE)
    assert {"366.tap-the.khtn.can-bo", "366.tap-the.khtn.doan-ket", "366.tap-the.khtn.suy-thoai"} <= {
        f.rule for f in desk.findings(COMMITTEE, "GOOD")}
    assert again.highest_allowed.value == "NOT_COMPLETED"


def test_the_counting_record_has_its_end_time_and_number(cell_file):
    s, desk, who, c = open_meeting(cell_file)
    s.mark_all_present().result()
    c.set("10:00")
    [v] = desk.new_rating_votes(VoteMethod.BALLOT, [who["Lê Văn An"]])
    desk.set_counting_team(v.ballot_id, [who["Phạm Thị Bích"], who["Hoàng Văn Cường"]]).result()
    desk.set_papers(v.ballot_id, 12, 12, 12, 0).result()
    desk.set_levels(v.id, {"GOOD": 10, "BLANK": 1, "MULTIPLE": 1}).result()
    c.set("10:25")
    desk.accept_ballot(v.ballot_id)
    desk.set_counting_record(v.ballot_id, document_number="03-BBKP/CB").result()
    s.flush()
    fig = MeetingFigures.of(cell_file, s.meeting_id)
    b = fig.s.record.ballots[v.ballot_id]
    assert (b.taken_at, b.counted_at, b.document_number) == ("10:00", "10:25", "03-BBKP/CB")
    r = fig.member(who["Lê Văn An"]).rounds[0]
    assert (r.blank, r.multiple, r.reached.value) == (1, 1, "GOOD")
