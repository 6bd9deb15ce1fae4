"""The rating year across its meetings (DOMAIN.md §4, last paragraph): the main meeting and its
supplementary sessions ("buổi kiểm điểm bổ sung").

A supplementary session is linked to the main meeting of the same rating year; its agenda covers
only the members still unrated (no level reached by a vote with a quorum at any other meeting of
the year), and it rates neither the collectives nor the members rated before. The year's view
merges every meeting: each member once, rated where reviewed.

Nothing here is stored: it reads the stored meetings through the same code as one meeting
(MeetingSnapshot, VotingDesk).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .i18n import QT_TRANSLATE_NOOP, UserError, msg
from .model import Category, Level, Member, PartyPost
from .model.meeting import Meeting, MeetingKind, MeetingState
from .model.review import StepKind
from .rules.attendance import eligibility
from .rules.quota import QuotaLine, quota_lines
from .services import CellFile
from .meeting_snapshot import MeetingSnapshot
from .voting import VotingDesk, supplementary_subjects


def _order(m: Meeting) -> tuple:
    """The main meeting first, then the supplementary sessions by date."""
    return (m.kind != MeetingKind.MAIN, m.meeting_date or date.max, m.id)


def meetings_of_year(cf: CellFile, rating_year: int) -> list[Meeting]:
    """The meetings of a rating year: the main meeting first, then its supplementary sessions by date."""
    return sorted((m for m in cf.meetings() if m.rating_year == rating_year), key=_order)


def main_meeting(cf: CellFile, rating_year: int) -> Meeting | None:
    """The main meeting of the year (the first one prepared, when there are several)."""
    mains = [m for m in cf.meetings() if m.rating_year == rating_year and m.kind == MeetingKind.MAIN]
    return mains[-1] if mains else None      # meetings() lists the newest first


def require_main_meeting(cf: CellFile, rating_year: int) -> Meeting:
    main = main_meeting(cf, rating_year)
    if main is None:
        raise UserError(msg(QT_TRANSLATE_NOOP(
            "core", "Chưa có hội nghị kiểm điểm năm {year}: buổi kiểm điểm bổ sung phải gắn với hội nghị "
                    "chính của cùng năm."), year=rating_year))
    if main.state in (MeetingState.PREPARING, MeetingState.IN_PROGRESS):
        raise UserError(msg(QT_TRANSLATE_NOOP(
            "core", "Hội nghị kiểm điểm năm {year} chưa họp xong: buổi kiểm điểm bổ sung được chuẩn bị sau hội "
                    "nghị chính, cho những đảng viên chưa được xếp loại."), year=rating_year))
    return main


def reached_level(desk: VotingDesk, subject: str) -> Level | None:
    """The level a subject reached at this meeting: the last vote on it, with a quorum, passed."""
    v = desk.final_vote(subject)
    if v is None:
        return None
    r = desk.result(v)
    if not r.quorum_met or r.rating is None:
        return None
    return r.rating.reached


def rated_at(cf: CellFile, rating_year: int, *, except_meeting: str | None = None) -> dict[str, str]:
    """member id -> id of the meeting of the year where the member reached a level."""
    out: dict[str, str] = {}
    for m in meetings_of_year(cf, rating_year):
        if m.id == except_meeting:
            continue
        desk = VotingDesk(MeetingSnapshot(cf, m.id))
        for subject in {v.subject for v in desk.record.votes if v.subject}:
            if subject in desk.s.members and reached_level(desk, subject) is not None:
                out[subject] = m.id
    return out


def still_unrated(cf: CellFile, rating_year: int, except_meeting: str | None = None) -> set[str]:
    """Members not yet rated at any other meeting of the year (the agenda of a supplementary
    session takes those that are to be reviewed and rated on its day)."""
    return {m.id for m in cf.members()} - set(rated_at(cf, rating_year, except_meeting=except_meeting))


_POST_ORDER = {PartyPost.SECRETARY: 0, PartyPost.DEPUTY: 1, PartyPost.COMMITTEE: 2, PartyPost.MEMBER: 3}


def _post_rank(m: Member) -> int:
    return _POST_ORDER[m.party_post]


def rated_here(session: MeetingSnapshot) -> list[Member]:
    """Who a meeting rates, bí thư, phó bí thư, chi ủy viên, then the others: at a supplementary
    session the members on its agenda; at the main meeting every member rated at this cell
    (present or not)."""
    if session.meeting.kind == MeetingKind.SUPPLEMENTARY:
        return [session.members[mid] for mid in supplementary_subjects(session)]
    out = [m for m in session.member_list
           if session.categories[m.id] != Category.NOT_IN_CELL
           and eligibility(session.rules, session.categories[m.id]).rated]
    return sorted(out, key=_post_rank)


# -- the year merged ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class YearEntry:
    """One member in the year: the meeting that holds their review and rating."""

    member: Member
    desk: VotingDesk           # the meeting where the member was rated (or, unrated, last considered)
    rated: bool                # a level reached there
    supplementary: bool        # that meeting is a supplementary session


@dataclass
class RatingYear:
    rating_year: int
    desks: list[VotingDesk]            # every meeting of the year, the main meeting first
    entries: list[YearEntry]

    @property
    def main(self) -> VotingDesk:
        return self.desks[0]

    @property
    def has_supplementary(self) -> bool:
        return any(d.s.meeting.kind == MeetingKind.SUPPLEMENTARY for d in self.desks)


def rating_year_view(cf: CellFile, rating_year: int, *, live: VotingDesk | None = None) -> RatingYear:
    """Every meeting of the year merged: each member once, at the meeting where a level was reached
    (a later supplementary session wins over an earlier failed vote); a member never rated stays
    with the last meeting of the year that listed them."""
    meetings = meetings_of_year(cf, rating_year)
    if not meetings:
        raise UserError(msg(QT_TRANSLATE_NOOP("core", "Chưa có cuộc họp nào của năm {year}."), year=rating_year))
    desks = [live if live is not None and live.s.meeting_id == m.id else VotingDesk(MeetingSnapshot(cf, m.id))
             for m in meetings]        # ``live``: the meeting being held, as the window has it
    main = desks[0]
    rated: dict[str, VotingDesk] = {}
    considered: dict[str, VotingDesk] = {}
    for desk in desks:
        for mid in (m.id for m in rated_here(desk.s)):
            considered[mid] = desk            # the latest meeting that had them on its list
            if reached_level(desk, mid) is not None:
                rated[mid] = desk
    order = {m.id: i for i, m in enumerate(main.s.member_list)}
    members = {m.id: m for d in desks for m in d.s.member_list}
    ids = sorted(set(considered), key=lambda mid: (_post_rank(members[mid]), order.get(mid, len(order))))
    entries = []
    for mid in ids:
        desk = rated.get(mid) or considered[mid]
        entries.append(YearEntry(members[mid], desk, mid in rated,
                                 desk.s.meeting.kind == MeetingKind.SUPPLEMENTARY))
    return RatingYear(rating_year, desks, entries)



def year_quota(year: RatingYear) -> list[QuotaLine]:
    """The quota over the whole year: each member once, at the level reached where reviewed
    (voted levels only; rules.quota.quota_lines)."""
    main = year.main
    counted = [(e.member, reached_level(e.desk, e.member.id)) for e in year.entries if e.rated]
    return quota_lines(counted, is_grassroots=main.s.cell.is_grassroots, quota=main.s.rules,
                       raised=main.settings.quota_raised)


def supplementary_quota(desk: VotingDesk) -> list[QuotaLine]:
    """At a supplementary session the quota lines are the year's: the members rated at the main
    meeting with those rated now."""
    return year_quota(rating_year_view(desk.s.cf, desk.s.meeting.rating_year, live=desk))


def meeting_quota(desk: VotingDesk, voted_level=None) -> list[QuotaLine]:
    """The quota lines a meeting shows: its own (VotingDesk.quota, with the levels already computed
    when given), or at a supplementary session the year's (supplementary_quota)."""
    if desk.s.meeting.kind == MeetingKind.SUPPLEMENTARY:
        return supplementary_quota(desk)
    return desk.quota(voted_level)
