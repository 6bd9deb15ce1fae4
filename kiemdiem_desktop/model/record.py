from __future__ import annotations

from dataclasses import dataclass, field

from .attendance import Attendance
from .collective import CollectiveReview
from .meeting import Meeting
from .rating import LevelDecision, RatingFacts, RatingProposal
from .review import AgendaStep, Comment, SelfReview, WrittenComment
from .vote import Ballot, Vote


@dataclass
class MeetingRecord:
    """Everything typed for one meeting, as stored."""

    meeting: Meeting
    steps: list[AgendaStep] = field(default_factory=list)
    attendance: dict[str, Attendance] = field(default_factory=dict)
    self_reviews: dict[str, SelfReview] = field(default_factory=dict)
    written: list[WrittenComment] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    ballots: dict[str, Ballot] = field(default_factory=dict)
    proposals: dict[str, RatingProposal] = field(default_factory=dict)   # subject -> proposal
    facts: dict[str, RatingFacts] = field(default_factory=dict)          # member id -> facts
    decisions: list[LevelDecision] = field(default_factory=list)
    collective_reviews: dict[str, CollectiveReview] = field(default_factory=dict)   # "committee"/"cell" -> Mẫu 01

    def votes_on(self, subject: str) -> list[Vote]:
        return [v for v in self.votes if v.subject == subject]

    def comments_of(self, step_id: str) -> list[Comment]:
        return [c for c in self.comments if c.step_id == step_id]

    def step(self, step_id: str) -> AgendaStep:
        return next(s for s in self.steps if s.id == step_id)
