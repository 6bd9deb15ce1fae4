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


def quorum_and_revote(cf, votes_after_each_review: bool = False):
    """12 members, all present from 08:05. At 11:00 five leave (Giang, Hải, Khánh, Long, Mai):
    7 of the base of 12 are in the room, 2/3 needs 8.

      11:05 Lê Văn An (proposed HTTNV): E 6, G 1 -> the counts give HTTNV (7 > 6) but the vote is
            below quorum: it decides nothing, An stays unrated.
      11:10 Giang and Hải come back (9 present). 11:12 the same vote again (round 2, same levels):
            G 8, C 1 -> HTTNV.
      11:15 Phạm Thị Bích (proposed HTTNV): E 3, G 3, C 3 -> cumulative E 3, G 6, C 9: HTNV.
      11:20 Hoàng Văn Cường (proposed HTTNV): G 6, three do not vote -> cumulative G 6, C 6, N 6:
            nothing more than half (6 is not > 6): round 2 from HTNV down (offered HTNV, KHTNV):
            11:25 C 9 -> HTNV.
      Vũ Thị Dung had 4 months of sick leave (03–06/2025), not on the meeting day: a warning.

    ``votes_after_each_review``: each vote sits under the member's review step instead of the
    single rating step; every figure must be the same."""
    from kiemdiem_desktop.model import PeriodKind as PK

    dung = next(m for m in cf.members() if m.full_name == "Vũ Thị Dung")
    dung.periods.append(Period(PK.SICK_LEAVE, date(2025, 3, 3), date(2025, 6, 30), "Phẫu thuật"))
    cf.save_member(dung).result()
    s, desk, who, c = open_meeting(cf)
    s.mark_all_present().result()
    for name in ("Bùi Thị Giang", "Đỗ Văn Hải", "Hồ Thị Khánh", "Ngô Văn Long", "Dương Thị Mai"):
        s.leave(who[name], "11:00").result()
    for name in ("Lê Văn An", "Phạm Thị Bích", "Hoàng Văn Cường", "Vũ Thị Dung"):
        s.set_self_review(who[name], general_score=26, task_score=60, proposed_level=G).result()
    rating_step = next(st for st in s.record.steps if st.kind == StepKind.RATING_VOTES)

    def step_of(name):
        if not votes_after_each_review:
            return rating_step.id
        return next(st.id for st in s.record.steps if st.subject_member_id == who[name])

    an = hands(desk, who["Lê Văn An"], {E: 6, G: 1}, "11:05", c, step_of("Lê Văn An"))
    s.arrive(who["Bùi Thị Giang"], "11:10").result()
    s.arrive(who["Đỗ Văn Hải"], "11:10").result()
    c.set("11:12")
    an2 = desk.new_round(an.id)
    desk.set_levels(an2.id, {G: 8, C: 1}).result()
    hands(desk, who["Phạm Thị Bích"], {E: 3, G: 3, C: 3}, "11:15", c, step_of("Phạm Thị Bích"))
    cuong = hands(desk, who["Hoàng Văn Cường"], {G: 6}, "11:20", c, step_of("Hoàng Văn Cường"))
    c.set("11:25")
    cuong2 = desk.new_round(cuong.id)
    desk.set_levels(cuong2.id, {C: 9}).result()
    s.flush()
    return s, desk, who, c
