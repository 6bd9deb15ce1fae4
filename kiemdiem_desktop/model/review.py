"""The steps of the meeting and what is said in them."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..i18n import QT_TRANSLATE_NOOP
from .member import new_id


class StepKind(str, Enum):
    OPENING = "opening"
    COLLECTIVE_REVIEW = "collective_review"
    MEMBER_REVIEW = "member_review"          # one per member reviewed
    RATING_VOTES = "rating_votes"
    CELL_RATING = "cell_rating"
    RESULTS = "results"
    ADOPTION = "adoption"
    CLOSING = "closing"
    OTHER = "other"                          # added by the user


class StepState(str, Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


STEP_STATE_LABELS = {
    StepState.NOT_STARTED: QT_TRANSLATE_NOOP("core", "Chưa bắt đầu"),
    StepState.IN_PROGRESS: QT_TRANSLATE_NOOP("core", "Đang tiến hành"),
    StepState.DONE: QT_TRANSLATE_NOOP("core", "Đã xong"),
}


@dataclass
class AgendaStep:
    kind: StepKind
    title: str
    position: int = 0
    state: StepState = StepState.NOT_STARTED
    subject_member_id: str | None = None     # the member reviewed (MEMBER_REVIEW)
    chair_id: str | None = None              # who chairs this step when not the meeting's chair
    started_at: str = ""                     # "HH:MM": presence is taken at this time
    finished_at: str = ""
    report: str = ""                         # what was presented (collective report, self-review read)
    answer: str = ""                         # tiếp thu, giải trình
    conclusion: str = ""                     # kết luận của chủ trì
    notes: str = ""
    id: str = field(default_factory=new_id)


class GradeScale(str, Enum):   # Quy định 124: criteria graded
    EXCELLENT = "Xuất sắc"
    GOOD = "Tốt"
    AVERAGE = "Trung bình"
    POOR = "Kém"


@dataclass
class SelfReview:
    """What the member wrote before the meeting (Mẫu 2A/2B/2C)."""

    member_id: str
    summary: str = ""
    general_score: float | None = None      # …/30 (366)
    task_score: float | None = None         # …/70 (366)
    grades: dict[str, str] = field(default_factory=dict)   # criterion -> grade (124)
    proposed_level: str = ""                # Level value
    attachment_name: str = ""               # the member's file, kept in the database
    attachment_size: int = 0

    @property
    def total_score(self) -> float | None:
        if self.general_score is None or self.task_score is None:
            return None
        return self.general_score + self.task_score


class WrittenSource(str, Enum):
    RESIDENCE = "residence"          # chi ủy / chi bộ nơi cư trú
    TEMPORARY_CELL = "temporary_cell"  # chi bộ nơi sinh hoạt tạm thời
    PROMPT = "prompt"                # gợi ý kiểm điểm của cấp trên
    OTHER = "other"


WRITTEN_SOURCE_LABELS = {
    WrittenSource.RESIDENCE: QT_TRANSLATE_NOOP("core", "Nhận xét của nơi cư trú"),
    WrittenSource.TEMPORARY_CELL: QT_TRANSLATE_NOOP("core", "Nhận xét của chi bộ nơi sinh hoạt tạm thời"),
    WrittenSource.PROMPT: QT_TRANSLATE_NOOP("core", "Gợi ý kiểm điểm của cấp trên"),
    WrittenSource.OTHER: QT_TRANSLATE_NOOP("core", "Ý kiến bằng văn bản khác"),
}


@dataclass
class WrittenComment:
    member_id: str | None            # None: about the collective
    source: WrittenSource
    text: str
    id: str = field(default_factory=new_id)


@dataclass
class Comment:
    """A comment or criticism spoken at a step (phê bình, góp ý), with its speaker."""

    step_id: str
    text: str
    speaker_member_id: str | None = None
    speaker_delegate_id: str | None = None
    speaker_name: str = ""           # as it will be printed, kept even if the roster changes
    spoken_at: str = ""              # "HH:MM"
    position: int = 0
    id: str = field(default_factory=new_id)
