"""The meeting as a step machine, without Qt (Electrum's wizard is the model).

Given what is stored, it answers: which step we are at, what must be filled before moving
on, which warnings apply, who chairs the step. It changes nothing itself: the session
turns its answers into stored edits.

Every gate for leaving a step is here (``MeetingFlow.refusal`` for the meeting as a whole,
``MeetingFlow.check`` for the step); each message carries a stable ``code`` and the ``field``
it concerns (i18n.UserMessage), so a window never reads the words:

  meeting.not_opened (state)        the meeting has not been opened ("Khai mạc")
  meeting.closed (state)            the meeting was closed: no step to move to
  opening.no_chair (chair_id)       opening.no_minute_taker (minute_taker_id)
  opening.roll_call (attendance)    warning opening.below_quorum (attendance)
  step.no_conclusion (conclusion)   warning step.no_comments (comments)
  warning review.subject_absent (attendance)
  review.chair_under_review (chair_id)
  warning review.no_self_review (self_review)   warning review.no_answer (answer)
  rating.unjustified (justification; values subject, rule)
  warning rating.new_round (votes; values subject)
  adoption.not_voted (votes)        closing.no_end_time (end_time)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..i18n import QT_TRANSLATE_NOOP, UserMessage, msg
from ..model import Category, Member
from ..model.meeting import MeetingState
from ..model.rating import Finding
from ..model.review import AgendaStep, StepKind, StepState
from ..model.vote import CELL, Vote, VoteKind
from ..rules.attendance import Headcount, headcount
from ..rules.ruleset import RuleSet
from ..rules.settings import MeetingSettings
from ..model.record import MeetingRecord


@dataclass(frozen=True)
class StepCheck:
    missing: tuple[UserMessage, ...]     # blocking: fill these before moving on
    warnings: tuple[UserMessage, ...]
    refusal: UserMessage | None = None   # the meeting cannot move at all (not opened, closed)

    @property
    def ok(self) -> bool:
        return not self.missing and self.refusal is None


class RatingGates(Protocol):
    """What the rating steps' gates read about the votes (VotingDesk provides it)."""

    def rating_subjects(self) -> list[str]: ...

    def unjustified(self, subject: str) -> list[Finding]: ...

    def round_needed(self, subject: str) -> str: ...

    def subject_name(self, subject: str | None) -> str: ...


class MeetingFlow:
    def __init__(self, record: MeetingRecord, members: dict[str, Member], categories: dict[str, Category],
                 rules: RuleSet):
        self.record = record
        self.members = members
        self.categories = categories
        self.rules = rules

    # -- where we are ---------------------------------------------------------------------
    @property
    def steps(self) -> list[AgendaStep]:
        return self.record.steps

    def index_of(self, step_id: str | None) -> int:
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        return 0

    @property
    def current(self) -> AgendaStep | None:
        if not self.steps:
            return None
        return self.steps[self.index_of(self.record.meeting.current_step_id)]

    def name(self, member_id: str | None) -> str:
        m = self.members.get(member_id or "")
        return m.full_name if m else ""

    # -- who chairs -----------------------------------------------------------------------
    def chair_of(self, step: AgendaStep) -> str | None:
        return step.chair_id or self.record.meeting.chair_id

    def needs_handover(self, step: AgendaStep) -> bool:
        """The chair is the member under review: another member must chair this step."""
        return (step.kind == StepKind.MEMBER_REVIEW and step.subject_member_id is not None
                and self.chair_of(step) == step.subject_member_id)

    # -- presence -------------------------------------------------------------------------
    @property
    def settings(self) -> MeetingSettings:
        return MeetingSettings.of(self.rules, self.record.meeting.settings)

    def headcount(self, at: str) -> Headcount:
        return headcount(self.rules, self.categories, self.record.attendance, at,
                         exclude_absent_approved=self.settings.exclude_absent_approved)

    def subject_absent(self, step: AgendaStep, at: str) -> bool:
        a = self.record.attendance.get(step.subject_member_id or "")
        return step.kind == StepKind.MEMBER_REVIEW and a is not None and not a.in_room(at)

    # -- what is missing ------------------------------------------------------------------
    def refusal(self) -> UserMessage | None:
        """Why no step can be left now, whatever is filled in: the meeting was not opened, or it
        was closed. None while it is under way (or locked before its closing step)."""
        state = self.record.meeting.state
        if state == MeetingState.PREPARING:
            return msg(QT_TRANSLATE_NOOP(
                "core", "Hội nghị chưa khai mạc: chọn chủ trì, thư ký rồi bấm “Khai mạc” (Alt+K).")).tagged(
                "meeting.not_opened", "state")
        if state == MeetingState.HELD:
            return msg(QT_TRANSLATE_NOOP("core", "Hội nghị đã bế mạc.")).tagged("meeting.closed", "state")
        return None

    def leave_check(self, step: AgendaStep, at: str, ratings: RatingGates | None = None) -> StepCheck:
        """Every gate for leaving ``step`` (presence taken at ``at``): the meeting's state first,
        then what the step needs."""
        refusal = self.refusal()
        if refusal is not None:
            return StepCheck((), (), refusal)
        return self.check(step, at, ratings)

    def adoption_vote(self) -> Vote | None:
        """The last vote on the minutes (kind "minutes"), if any."""
        votes = [v for v in self.record.votes if v.kind == VoteKind.MINUTES]
        return votes[-1] if votes else None

    def check(self, step: AgendaStep, at: str, ratings: RatingGates | None = None) -> StepCheck:
        """What ``step`` needs before it is left (``missing``) and what to mention (``warnings``).
        The rating steps' gates need ``ratings`` (the votes); without it they are not checked."""
        missing: list[UserMessage] = []
        warnings: list[UserMessage] = []
        meeting = self.record.meeting
        if step.kind == StepKind.OPENING:
            if not meeting.chair_id:
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa chọn người chủ trì.")).tagged(
                    "opening.no_chair", "chair_id"))
            if not meeting.minute_taker_id:
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa cử thư ký hội nghị.")).tagged(
                    "opening.no_minute_taker", "minute_taker_id"))
            unmarked = [m for mid, m in self.members.items()
                        if self.categories[mid] != Category.NOT_IN_CELL and self.categories[mid] != Category.VISITING
                        and mid not in self.record.attendance]
            if unmarked:
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa điểm danh {n} đảng viên: {names}."),
                                   n=len(unmarked), names=", ".join(m.full_name for m in unmarked[:5])
                                   + ("…" if len(unmarked) > 5 else "")).tagged("opening.roll_call", "attendance"))
            h = self.headcount(at)
            if not unmarked and not h.quorum_met:
                warnings.append(msg(QT_TRANSLATE_NOOP(
                    "core", "Có mặt {present}/{base} đảng viên được tính, chưa đủ {needed} (2/3): "
                            "hội nghị không đủ số lượng để biểu quyết."),
                    present=h.present_in_base, base=h.base_count, needed=h.quorum_needed).tagged(
                    "opening.below_quorum", "attendance"))
        elif step.kind == StepKind.COLLECTIVE_REVIEW:
            if not step.conclusion.strip():
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi kết luận của chủ trì.")).tagged(
                    "step.no_conclusion", "conclusion"))
            if not self.record.comments_of(step.id):
                warnings.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi ý kiến đóng góp nào.")).tagged(
                    "step.no_comments", "comments"))
        elif step.kind == StepKind.MEMBER_REVIEW:
            if self.subject_absent(step, at):
                warnings.append(msg(QT_TRANSLATE_NOOP(
                    "core", "Đồng chí {name} vắng mặt: kiểm điểm ở buổi kiểm điểm bổ sung."),
                    name=self.name(step.subject_member_id)).tagged("review.subject_absent", "attendance"))
                return StepCheck(tuple(missing), tuple(warnings))
            if self.needs_handover(step):
                missing.append(msg(QT_TRANSLATE_NOOP(
                    "core", "Đồng chí {name} là người chủ trì và đang được kiểm điểm: "
                            "chọn người khác chủ trì phần này."), name=self.name(step.subject_member_id)).tagged(
                    "review.chair_under_review", "chair_id"))
            review = self.record.self_reviews.get(step.subject_member_id or "")
            if review is None or not (review.summary.strip() or review.attachment_name):
                warnings.append(msg(QT_TRANSLATE_NOOP("core", "Chưa có bản tự kiểm điểm.")).tagged(
                    "review.no_self_review", "self_review"))
            if not step.answer.strip():
                warnings.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi ý kiến tiếp thu, giải trình.")).tagged(
                    "review.no_answer", "answer"))
            if not step.conclusion.strip():
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi kết luận của chủ trì.")).tagged(
                    "step.no_conclusion", "conclusion"))
        elif step.kind == StepKind.CLOSING:
            if not meeting.end_time:
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi giờ bế mạc.")).tagged(
                    "closing.no_end_time", "end_time"))
        elif step.kind in (StepKind.RATING_VOTES, StepKind.CELL_RATING) and ratings is not None:
            self._rating_gates(step, ratings, missing, warnings)
        elif step.kind == StepKind.ADOPTION:
            vote = self.adoption_vote()
            if vote is None or not vote.recorded:
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa biểu quyết thông qua biên bản.")).tagged(
                    "adoption.not_voted", "votes"))
        return StepCheck(tuple(missing), tuple(warnings))

    @staticmethod
    def _rating_gates(step: AgendaStep, ratings: RatingGates, missing: list[UserMessage],
                      warnings: list[UserMessage]) -> None:
        """A rating step waits for a justification of every blocking finding on a level voted;
        a round below quorum or with no level reached proposes a new round (a warning)."""
        subjects = [x for x in ratings.rating_subjects() if (x == CELL) == (step.kind == StepKind.CELL_RATING)]
        if step.subject_member_id:     # a vote right after one member's review: that member only
            subjects = [x for x in subjects if x == step.subject_member_id]
        for subject in subjects:
            for f in ratings.unjustified(subject):
                missing.append(msg(QT_TRANSLATE_NOOP(
                    "core", "{name}: {message} ({article}) — cần ghi lý do nếu vẫn giữ mức đã biểu quyết."),
                    name=ratings.subject_name(subject), message=f.message, article=f.article,
                    subject=subject, rule=f.rule).tagged("rating.unjustified", "justification"))
        for subject in subjects:
            why = ratings.round_needed(subject)
            if why:   # the guide proposes a new vote: the member stays unrated until one has a quorum
                warnings.append(msg(QT_TRANSLATE_NOOP(
                    "core", "{name}: {why}; đề nghị biểu quyết lại (chưa xếp loại cho đến khi có kết quả hợp lệ)."),
                    name=ratings.subject_name(subject), why=why, subject=subject).tagged("rating.new_round", "votes"))

    def progress(self) -> tuple[int, int]:
        done = sum(1 for s in self.steps if s.state == StepState.DONE)
        return done, len(self.steps)
