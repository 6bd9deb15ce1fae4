from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from ..i18n import QT_TRANSLATE_NOOP
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
class Delegate:
    """An invited delegate (đại biểu): may speak; not a member of the cell."""

    name: str
    title: str = ""                  # "Ủy viên Ban Thường vụ Đảng ủy, …"
    id: str = field(default_factory=new_id)


@dataclass
class Meeting:
    rating_year: int
    kind: MeetingKind = MeetingKind.MAIN
    state: MeetingState = MeetingState.PREPARING
    meeting_date: date | None = None
    place: str = ""
    document_number: str = ""        # "…-BB/CB"
    start_time: str = ""             # "08:00" as announced
    end_time: str = ""               # closing time, "11:30"
    chair_id: str | None = None      # người chủ trì (a member)
    minute_taker_id: str | None = None  # thư ký hội nghị (a member)
    rule_set_id: str = ""            # chosen by the rating year when prepared
    delegates: list[Delegate] = field(default_factory=list)
    current_step_id: str | None = None
    started_at: datetime | None = None
    settings: dict = field(default_factory=dict)   # overrides of the rule set's defaults (MeetingSettings)
    revision: int = 0                # 0 before the first lock; each lock adds one
    reopen_reason: str = ""          # why it was reopened after a lock ("mở lại")
    main_meeting_id: str | None = None   # a supplementary session: the main meeting of its rating year
    id: str = field(default_factory=new_id)


def meeting_day(meeting: "Meeting") -> date:
    """The day the meeting is about, from what is stored only (never the clock): its date,
    else the day it was opened, else the last day of the rating year. Categories are
    computed as of this day."""
    if meeting.meeting_date is not None:
        return meeting.meeting_date
    if meeting.started_at is not None:
        return meeting.started_at.date()
    return date(meeting.rating_year, 12, 31)
