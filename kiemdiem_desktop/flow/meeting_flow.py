"""The meeting as a step machine, without Qt (Electrum's wizard is the model).

Given what is stored, it answers: which step we are at, what must be filled before moving
on, which warnings apply, who chairs the step. It changes nothing itself: the session
turns its answers into stored edits.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP, UserMessage, msg
from ..model import Category, Member
from ..model.review import AgendaStep, StepKind, StepState
from ..rules.attendance import Headcount, headcount
from ..rules.ruleset import RuleSet
from ..rules.settings import MeetingSettings
from ..model.record import MeetingRecord


@dataclass(frozen=True)
class StepCheck:
    missing: tuple[UserMessage, ...]     # blocking: fill these before moving on
    warnings: tuple[UserMessage, ...]

    @property
    def ok(self) -> bool:
        return not self.missing


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
    def check(self, step: AgendaStep, at: str) -> StepCheck:
        missing: list[UserMessage] = []
        warnings: list[UserMessage] = []
        meeting = self.record.meeting
        if step.kind == StepKind.OPENING:
            if not meeting.chair_id:
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa chọn người chủ trì.")))
            if not meeting.minute_taker_id:
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa cử thư ký hội nghị.")))
            unmarked = [m for mid, m in self.members.items()
                        if self.categories[mid] != Category.NOT_IN_CELL and self.categories[mid] != Category.VISITING
                        and mid not in self.record.attendance]
            if unmarked:
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa điểm danh {n} đảng viên: {names}."),
                                   n=len(unmarked), names=", ".join(m.full_name for m in unmarked[:5])
                                   + ("…" if len(unmarked) > 5 else "")))
            h = self.headcount(at)
            if not unmarked and not h.quorum_met:
                warnings.append(msg(QT_TRANSLATE_NOOP(
                    "core", "Có mặt {present}/{base} đảng viên được tính, chưa đủ {needed} (2/3): "
                            "hội nghị không đủ số lượng để biểu quyết."),
                    present=h.present_in_base, base=h.base_count, needed=h.quorum_needed))
        elif step.kind == StepKind.COLLECTIVE_REVIEW:
            if not step.conclusion.strip():
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi kết luận của chủ trì.")))
            if not self.record.comments_of(step.id):
                warnings.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi ý kiến đóng góp nào.")))
        elif step.kind == StepKind.MEMBER_REVIEW:
            if self.subject_absent(step, at):
                warnings.append(msg(QT_TRANSLATE_NOOP(
                    "core", "Đồng chí {name} vắng mặt: kiểm điểm ở buổi kiểm điểm bổ sung."),
                    name=self.name(step.subject_member_id)))
                return StepCheck(tuple(missing), tuple(warnings))
            if self.needs_handover(step):
                missing.append(msg(QT_TRANSLATE_NOOP(
                    "core", "Đồng chí {name} là người chủ trì và đang được kiểm điểm: "
                            "chọn người khác chủ trì phần này."), name=self.name(step.subject_member_id)))
            review = self.record.self_reviews.get(step.subject_member_id or "")
            if review is None or not (review.summary.strip() or review.attachment_name):
                warnings.append(msg(QT_TRANSLATE_NOOP("core", "Chưa có bản tự kiểm điểm.")))
            if not step.answer.strip():
                warnings.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi ý kiến tiếp thu, giải trình.")))
            if not step.conclusion.strip():
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi kết luận của chủ trì.")))
        elif step.kind == StepKind.CLOSING:
            if not meeting.end_time:
                missing.append(msg(QT_TRANSLATE_NOOP("core", "Chưa ghi giờ bế mạc.")))
        elif step.kind in (StepKind.RATING_VOTES, StepKind.CELL_RATING, StepKind.ADOPTION):
            warnings.append(msg(QT_TRANSLATE_NOOP(
                "core", "Phần biểu quyết được ghi ở màn hình biểu quyết (sẽ có trong phiên bản sau).")))
        return StepCheck(tuple(missing), tuple(warnings))

    def progress(self) -> tuple[int, int]:
        done = sum(1 for s in self.steps if s.state == StepState.DONE)
        return done, len(self.steps)
