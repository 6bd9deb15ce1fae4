from __future__ import annotations

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


MEETING_KIND_LABELS = {MeetingKind.MAIN: "Hội nghị kiểm điểm", MeetingKind.SUPPLEMENTARY: "Kiểm điểm bổ sung"}
MEETING_STATE_LABELS = {
    MeetingState.PREPARING: "Đang chuẩn bị",
    MeetingState.IN_PROGRESS: "Đang họp",
    MeetingState.HELD: "Đã họp",
    MeetingState.LOCKED: "Đã khóa",
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
