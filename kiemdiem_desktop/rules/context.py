"""Everything the rating rules may look at for one member in one rating year."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Category, Member, PeriodKind
from ..model.rating import RatingFacts, RatingProposal
from ..model.review import SelfReview


@dataclass
class RatingContext:
    member: Member
    category: Category
    rating_year: int
    facts: RatingFacts
    self_review: SelfReview | None = None
    proposal: RatingProposal | None = None
    leave: tuple[PeriodKind, ...] = field(default_factory=tuple)   # running on the meeting day
    day: date | None = None          # the meeting's day (from the stored meeting, never the clock)

    @property
    def general_score(self) -> float | None:
        if self.proposal and self.proposal.accepted_general is not None:
            return self.proposal.accepted_general
        return self.self_review.general_score if self.self_review else None

    @property
    def task_score(self) -> float | None:
        if self.proposal and self.proposal.accepted_task is not None:
            return self.proposal.accepted_task
        return self.self_review.task_score if self.self_review else None

    @property
    def total_score(self) -> float | None:
        g, t = self.general_score, self.task_score
        return None if g is None or t is None else g + t

    @property
    def grades(self) -> dict[str, str]:
        return self.self_review.grades if self.self_review else {}

    def discipline_in_year(self):
        """Discipline decided in the rating year (the decision date counts)."""
        return [d for d in self.member.discipline if d.decision_date.year == self.rating_year]
