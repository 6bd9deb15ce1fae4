from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from .member import new_id


class MeetingKind(str, Enum):
    MAIN = "main"                    # hội nghị kiểm điểm
    SUPPLEMENTARY = "supplementary"  # buổi kiểm điểm bổ sung


class MeetingState(str, Enum):
    PREPARING = "preparing"
    IN_PROGRESS = "in_progress"
    HELD = "held"
    LOCKED = "locked"


MEETING_KIND_LABELS = {MeetingKind.MAIN: QT_TRANSLATE_NOOP("core", "Hội nghị kiểm điểm"), MeetingKind.SUPPLEMENTARY: QT_TRANSLATE_NOOP("core", "Kiểm điểm bổ sung")}
MEETING_STATE_LABELS = {
    MeetingState.PREPARING: QT_TRANSLATE_NOOP("core", "Đang chuẩn bị"),
    MeetingState.IN_PROGRESS: QT_TRANSLATE_NOOP("core", "Đang họp"),
    MeetingState.HELD: QT_TRANSLATE_NOOP("core", "Đã họp"),
    MeetingState.LOCKED: QT_TRANSLATE_NOOP("core", "Đã khóa"),
}


@dataclass
class Meeting:
    rating_year: int
    kind: MeetingKind = MeetingKind.MAIN
    state: MeetingState = MeetingState.PREPARING
    meeting_date: date | None = None
    place: str = ""
    document_number: str = ""
    id: str = field(default_factory=new_id)
