"""What the cell knows and decides about each member's rating (DOMAIN.md §2).

Kept apart, and never rewritten: what the member proposed (SelfReview), the score the
cell accepted (with the reason for a change), the level the cell voted, the findings and
the justifications typed for them, and later the level the competent level decided.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from ..i18n import QT_TRANSLATE_NOOP
from .member import new_id


@dataclass
class RatingFacts:
    """Facts of the rating year the rules look at; None = not entered (no finding from it)."""

    member_id: str
    # Task results (percent of the year's tasks) — Quy định 366
    tasks_on_time_pct: float | None = None        # done on time, with quality
    tasks_exceeded_pct: float | None = None       # done beyond what was required
    tasks_late_pct: float | None = None
    tasks_not_done_pct: float | None = None
    previous_shortcomings_fixed: bool | None = None   # những hạn chế đã chỉ ra kỳ trước đã khắc phục
    # Conclusions of the competent level and breaches
    degradation_concluded: bool = False          # suy thoái, "tự diễn biến", "tự chuyển hóa"
    prohibitions_breached: bool = False          # vi phạm những điều đảng viên không được làm
    example_duty_breached: bool = False          # vi phạm trách nhiệm nêu gương, ảnh hưởng uy tín
    admitted_and_remedied: bool = False          # tự nhận, tự phát hiện và khắc phục
    # Members holding a leadership post
    is_leader: bool = False
    unit_completion_pct: float | None = None     # share of the unit's tasks completed
    units_not_completed_pct: float | None = None  # share of units under them rated KHTNV
    low_confidence_pct: float | None = None      # share of "tín nhiệm thấp" in the confidence vote
    corruption_in_remit: bool = False            # tham nhũng, lãng phí, tiêu cực trong phạm vi phụ trách
    # The leadership collective (subject "committee" / "cell"): conclusions of the competent
    # level; None = not entered (366: each makes the collective KHTNV)
    personnel_wrongdoing: bool | None = None          # sai phạm trong công tác cán bộ
    disunity: bool | None = None                      # mất đoàn kết nội bộ, cục bộ, bè phái
    member_degradation_concluded: bool | None = None  # có thành viên bị kết luận suy thoái
    note: str = ""


class FindingKind(str, Enum):
    FINDING = "finding"      # blocking: the level cannot be reached without a typed justification
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    rule: str                # the rule's id in the rule set
    kind: FindingKind
    article: str
    message: str             # Vietnamese, with the figures
    caps_at: str = ""        # the highest level the rule allows (Level value), "" for warnings


@dataclass
class RatingProposal:
    """One member's (or the committee's, or the cell's) rating as the meeting handled it."""

    subject: str                          # member id, or "committee" / "cell"
    accepted_general: float | None = None  # score accepted by the cell; None = the self-score
    accepted_task: float | None = None
    score_change_reason: str = ""
    voted_level: str = ""                 # Level value reached by the vote, "" until voted
    justifications: dict[str, str] = field(default_factory=dict)  # rule id -> reason typed


class DecisionKind(str, Enum):
    DECIDED = "decided"        # quyết định của cấp có thẩm quyền
    RE_RATING = "re_rating"    # đánh giá, xếp loại lại (Mẫu 03)


DECISION_LABELS = {
    DecisionKind.DECIDED: QT_TRANSLATE_NOOP("core", "Cấp có thẩm quyền quyết định"),
    DecisionKind.RE_RATING: QT_TRANSLATE_NOOP("core", "Xếp loại lại (Mẫu 03)"),
}


@dataclass
class LevelDecision:
    """Recorded later, without reopening the minutes."""

    subject: str
    kind: DecisionKind
    level: str
    decided_on: date
    reference: str = ""       # số, ký hiệu văn bản
    reason: str = ""
    id: str = field(default_factory=new_id)
