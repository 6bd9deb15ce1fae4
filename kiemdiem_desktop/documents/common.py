"""Small helpers shared by the meeting's documents other than the minutes: how a member's
post and membership are printed, percentages of the base, file-name slugs, the marking."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CATEGORY_LABELS, Category, Member, PartyPost
from ..model.meeting import MeetingState
from ..model.member import PARTY_POST_LABELS
from ..rules.findings import vn_number
from ..vn.text import fold
from .text import Marking, date_vn as _date_vn

POST_ORDER = {PartyPost.SECRETARY: 0, PartyPost.DEPUTY: 1, PartyPost.COMMITTEE: 2, PartyPost.MEMBER: 3}
BLANK = "……"


def post_of(member: Member) -> str:
    """"Bí thư; Trưởng phòng" — the Party post (unless a plain member) and the government post."""
    parts = []
    if member.party_post != PartyPost.MEMBER:
        parts.append(PARTY_POST_LABELS[member.party_post])
    if member.government_post:
        parts.append(member.government_post)
    return "; ".join(parts) if parts else PARTY_POST_LABELS[PartyPost.MEMBER]


def kind_of(category: Category) -> str:
    """Chính thức / Dự bị, as the higher committee's forms print it."""
    if category == Category.OFFICIAL:
        return "Chính thức"
    if category in (Category.PROBATIONARY, Category.PROBATIONARY_RECENT):
        return "Dự bị"
    return CATEGORY_LABELS[category]


def pct(votes: int, base: int) -> str:
    """Share of the base, "72,7%"; "–" without a base."""
    return f"{vn_number(100 * votes / base, 1)}%" if base else "–"


def slug(text: str) -> str:
    """"Nguyễn Văn Hùng" -> "nguyen-van-hung": file names without diacritics."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "khong-ten"


def locked_on(session):
    """The day of the last lock (local time), from the meeting's history; None before any lock."""
    from datetime import datetime

    locks = [h for h in session.history() if h.get("action") == "lock"]
    if not locks:
        return None
    try:
        return datetime.fromisoformat(locks[-1]["at"]).astimezone().date()
    except (TypeError, ValueError):
        return None


def meeting_marking(session) -> Marking:
    """DỰ THẢO until the lock; from revision 2 the foot line with the day of the lock."""
    m = session.meeting
    revision = getattr(m, "revision", 0)
    return Marking(draft=m.state != MeetingState.LOCKED, revision=revision,
                   locked_on=locked_on(session) if revision >= 2 else None)


_UNVERIFIED = re.compile(r"\s*\((?:[^()]|\([^()]*\))*?(?:chưa đối chiếu|nguồn thứ cấp)(?:[^()]|\([^()]*\))*\)")


def printed_article(text: str) -> str:
    """An article as a document prints it: the uncertainty notes of the rule-set data
    ("(điều chưa đối chiếu)", "theo nguồn thứ cấp") stay in the data, never on paper; "Quy định
    366-QĐ/TW" is written "Quy định số 366-QĐ/TW"."""
    out = text or ""
    while True:
        new = _UNVERIFIED.sub("", out)
        if new == out:
            break
        out = new
    out = re.sub(r"\b(Quy định|Hướng dẫn) (?=\d)", r"\1 số ", out)
    return " ".join(out.split()).strip(" ;,")


def date_vn(day) -> str:
    return _date_vn(day)


# -- figures as the documents print them ---------------------------------------------------------------
# Every figure comes from the one computation (figures.MeetingFigures over VotingDesk); none is recounted here.
def final_result(desk, subject: str):
    """The result of the last vote on a subject (a re-vote supersedes the one before), or None."""
    v = desk.final_vote(subject)
    return desk.result(v) if v is not None else None


@dataclass(frozen=True)
class Score:
    total: float | None
    general: float | None
    task: float | None
    self_total: float | None
    reason: str

    @property
    def changed(self) -> bool:
        return self.total is not None and self.self_total is not None and self.total != self.self_total
