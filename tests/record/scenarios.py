"""Meetings of our own, built through the live session as a minute-taker would, with the
shapes that broke the record: late arrivals, early leavers, failed votes, unrated members,
changed scores, a vote below quorum and a re-vote. Figures computed by hand are in the tests."""
from __future__ import annotations

from datetime import date, datetime

from kiemdiem_desktop.clock import FixedClock
from kiemdiem_desktop.model import Member, Period, PeriodKind
from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.model.vote import VoteKind, VoteMethod
from kiemdiem_desktop.session import prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

E, G, C, N = "EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"
DAY = date(2025, 12, 10)


def clock(hhmm: str = "08:00", day: date = DAY) -> FixedClock:
    h, m = (int(x) for x in hhmm.split(":"))
    return FixedClock(datetime(day.year, day.month, day.day, h, m))


def open_meeting(cf, at: str = "08:05", **fields):
    """A 2025 meeting planned for 10/12/2025 at 08:00, opened ("Khai mạc") at ``at``."""
    c = clock(at)
    s = prepare_meeting(cf, 2025, meeting_date=DAY, start_time="08:00", place="Hội trường tầng 3", **fields)
    s.clock = c
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.start()
    return s, VotingDesk(s), who, c


def hands(desk, subject, counts, at, clk, step_id=None):
    clk.set(at)
    [v] = desk.new_rating_votes(VoteMethod.HANDS, [subject], step_id=step_id)
    desk.set_levels(v.id, counts).result()
    return v


def late_and_early(cf):
    """12 members (all official). Opened 08:05; Hồ Thị Khánh absent with an approved reason,
    arrives 09:05; Ngô Văn Long leaves at 10:00; Dương Thị Mai absent without reason all day.

    At the opening the base is 11 (Khánh out), 10 present. From 09:05 Khánh is in the base (12).
    Votes (show of hands, cumulative):
      09:30 Lê Văn An: E 4, G 5 -> base 12, 11 present -> HTTNV (9 > 6)
      09:35 Hồ Thị Khánh (self 83, accepted 81 "…"): G 7, C 3 -> HTTNV
      09:40 Phạm Thị Bích: E 7, G 3 -> HTXSNV (7 > 6)
      10:10 Hoàng Văn Cường: G 6, C 4 -> present 10/12; cumulative G 6 not > 6, C 10 -> HTNV
      10:15 Vũ Thị Dung: E 3, G 3 -> no level passes (6 not > 6): unrated
      Đặng Văn Đức: never voted on (self-proposed HTXSNV): unrated
    Quota counts voted levels only: 1 HTXSNV / 2 HTTNV = 50% (never 2 HTXSNV with Đức's proposal).
    """
    s, desk, who, c = open_meeting(cf)
    s.mark_all_present().result()
    s.set_attendance(who["Hồ Thị Khánh"], Presence.ABSENT_APPROVED, "Đi công tác").result()
    s.set_attendance(who["Dương Thị Mai"], Presence.ABSENT_NO_REASON).result()
    s.arrive(who["Hồ Thị Khánh"], "09:05").result()
    s.leave(who["Ngô Văn Long"], "10:00").result()
    for name, sc in {"Lê Văn An": (27, 60, G), "Hồ Thị Khánh": (28, 55, G), "Phạm Thị Bích": (29, 63, E),
                     "Hoàng Văn Cường": (25, 50, G), "Vũ Thị Dung": (27, 62, G),
                     "Đặng Văn Đức": (29, 62, E)}.items():
        s.set_self_review(who[name], general_score=sc[0], task_score=sc[1], proposed_level=sc[2]).result()
    desk.accept_score(who["Hồ Thị Khánh"], 27, 54, "Chậm nộp báo cáo tổng kết quý IV").result()
    step = next(st for st in s.record.steps if st.kind == StepKind.RATING_VOTES)
    hands(desk, who["Lê Văn An"], {E: 4, G: 5}, "09:30", c, step.id)
    hands(desk, who["Hồ Thị Khánh"], {G: 7, C: 3}, "09:35", c, step.id)
    hands(desk, who["Phạm Thị Bích"], {E: 7, G: 3}, "09:40", c, step.id)
    hands(desk, who["Hoàng Văn Cường"], {G: 6, C: 4}, "10:10", c, step.id)
    hands(desk, who["Vũ Thị Dung"], {E: 3, G: 3}, "10:15", c, step.id)
    s.flush()
    return s, desk, who, c
