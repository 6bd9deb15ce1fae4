"""Small helpers shared by the meeting's documents other than the minutes: how a member's
post and membership are printed, percentages of the base, file-name slugs, the marking."""
from __future__ import annotations

import re

from ..model import CATEGORY_LABELS, Category, Member, PartyPost
from ..model.meeting import MeetingState
from ..model.member import PARTY_POST_LABELS
from ..rules.findings import vn_number
from ..vn.text import fold
from .base import Marking

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


def meeting_marking(session) -> Marking:
    """DỰ THẢO until the lock; then the meeting's revision number (as the minutes do)."""
    m = session.meeting
    return Marking(draft=m.state != MeetingState.LOCKED, revision=getattr(m, "revision", 0))


def members_rated_here(session) -> list[Member]:
    """Every member rated at this cell (present or not), bí thư, phó bí thư, chi ủy viên, then the others;
    at a supplementary session only the members on its agenda (rating_year.rated_here)."""
    from ..rating_year import rated_here

    return rated_here(session)


def date_vn(day) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else BLANK
