"""Small helpers shared by the meeting's documents other than the minutes: how a member's
post and membership are printed, percentages of the base, file-name slugs, the marking."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CATEGORY_LABELS, Category, Member, PartyPost
from ..model.meeting import MeetingState
from ..model.member import PARTY_POST_LABELS
from ..rules.attendance import eligibility
from ..rules.findings import vn_number
from ..vn.text import fold
from .base import Marking, date_vn as _date_vn

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


# The citation form of DOMAIN.md §7: number, date and issuing body.
CITATIONS = {
    "366-QĐ/TW": "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị",
    "124-QĐ/TW": "Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị",
    "43-HD/BTCTW": "Hướng dẫn số 43-HD/BTCTW, ngày 31/10/2025 của Ban Tổ chức Trung ương",
    "25-HD/BTCTW": "Hướng dẫn số 25-HD/BTCTW, ngày 25/10/2023 của Ban Tổ chức Trung ương",
}


def citation(code: str) -> str:
    """"366-QĐ/TW" -> "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị"."""
    code = (code or "").strip()
    if code in CITATIONS:
        return CITATIONS[code]
    kind = "Hướng dẫn" if "-HD/" in code else "Quy định"
    return f"{kind} số {code}"


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


def leave_in_year(member: Member, year: int) -> list[str]:
    """Sick or maternity leave overlapping the rating year (any time in it), as the summary's note
    prints it: "Nghỉ thai sản từ 01/10/2026 đến 01/04/2027"."""
    from datetime import date

    from ..model.member import PERIOD_LABELS, PeriodKind

    first, last = date(year, 1, 1), date(year, 12, 31)
    out = []
    for p in member.periods:
        if p.kind not in (PeriodKind.SICK_LEAVE, PeriodKind.MATERNITY_LEAVE):
            continue
        end = getattr(p, "end", None)
        if p.start and p.start <= last and (end is None or end >= first):
            out.append(f"{PERIOD_LABELS[p.kind]} từ {_date_vn(p.start)}" + (f" đến {_date_vn(end)}" if end else ""))
    return out


def members_rated_here(session) -> list[Member]:
    """Every member rated at this cell (present or not), bí thư, phó bí thư, chi ủy viên, then the others."""
    out = [m for m in session.member_list
           if session.categories[m.id] != Category.NOT_IN_CELL
           and eligibility(session.rules, session.categories[m.id]).rated]
    return sorted(out, key=lambda m: POST_ORDER[m.party_post])


def date_vn(day) -> str:
    return _date_vn(day)


# -- figures as the documents print them ---------------------------------------------------------------
# Each reads the one core computation (VotingDesk over the stored meeting); nothing is recounted here.
def final_result(desk, subject: str):
    """The result of the last vote on a subject (a re-vote supersedes the one before), or None."""
    v = desk.final_vote(subject)
    return desk.result(v) if v is not None else None


def decided_level(desk, subject: str):
    """The level the cell proposes: reached by the last vote, and only by a vote with its quorum
    (DOMAIN.md §5: a vote below quorum decides nothing)."""
    r = final_result(desk, subject)
    if r is None or not r.quorum_met or r.rating is None:
        return None
    return r.rating.reached


def rating_rounds(desk, subject: str) -> list:
    """Every rating vote on a subject, in order (the first round, then each re-vote)."""
    from ..model.vote import VoteKind

    return [v for v in desk.record.votes_on(subject) if v.kind == VoteKind.RATING]


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


def accepted_score(desk, subject: str) -> Score:
    """The score accepted by the cell (the self-score unless changed with a reason)."""
    review = desk.record.self_reviews.get(subject)
    prop = desk.record.proposals.get(subject)
    general = review.general_score if review else None
    task = review.task_score if review else None
    self_total = review.total_score if review else None
    if prop and (prop.accepted_general is not None or prop.accepted_task is not None):
        general = prop.accepted_general if prop.accepted_general is not None else general
        task = prop.accepted_task if prop.accepted_task is not None else task
    total = None if general is None or task is None else general + task
    if total is None:
        total = self_total
    return Score(total, general, task, self_total, (prop.score_change_reason if prop else "") or "")
