"""Who is in the room: the roll call at the opening, then late arrivals and early leaves."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..i18n import QT_TRANSLATE_NOOP


class Presence(str, Enum):
    PRESENT = "present"                        # có mặt
    ABSENT_APPROVED = "absent_approved"        # vắng, có lý do được chủ trì chấp thuận
    ABSENT_UNAPPROVED = "absent_unapproved"    # vắng, lý do không được chấp thuận
    ABSENT_NO_REASON = "absent_no_reason"      # vắng, không có lý do


PRESENCE_LABELS = {
    Presence.PRESENT: QT_TRANSLATE_NOOP("core", "Có mặt"),
    Presence.ABSENT_APPROVED: QT_TRANSLATE_NOOP("core", "Vắng có lý do (được chấp thuận)"),
    Presence.ABSENT_UNAPPROVED: QT_TRANSLATE_NOOP("core", "Vắng, lý do không được chấp thuận"),
    Presence.ABSENT_NO_REASON: QT_TRANSLATE_NOOP("core", "Vắng không lý do"),
}


@dataclass
class Attendance:
    """One member's attendance. ``status`` is the roll call at the opening; a member absent
    then who comes later has ``arrived_at``; one who leaves early has ``left_at``.
    A member who leaves and comes back has ``intervals``: every stretch in the room, in order,
    each (from, to) with "" = from the opening / to the end; when given they decide presence
    (``arrived_at`` stays the first arrival, ``left_at`` the last leaving, "" while back in).
    Times are "HH:MM" strings of the meeting day."""

    member_id: str
    status: Presence = Presence.PRESENT
    reason: str = ""
    arrived_at: str = ""
    left_at: str = ""
    intervals: list[tuple[str, str]] = field(default_factory=list)

    def stretches(self) -> list[tuple[str, str]]:
        """The stretches in the room, (from, to), "" = the opening / the end."""
        if self.intervals:
            return [tuple(i) for i in self.intervals]
        if self.status == Presence.PRESENT and not self.arrived_at:
            return [("", self.left_at)]
        if self.arrived_at:
            return [(self.arrived_at, self.left_at)]
        return []

    def in_room(self, at: str) -> bool:
        """Is the member in the room at that time ("HH:MM")? (From the arrival, until the leaving.)"""
        return any((not start or start <= at) and (not end or at < end) for start, end in self.stretches())

    @property
    def present_at_opening(self) -> bool:
        if self.intervals:
            return self.status == Presence.PRESENT and self.intervals[0][0] == ""
        return self.status == Presence.PRESENT and not self.arrived_at

    @property
    def ever_present(self) -> bool:
        """In the room at some time of the meeting."""
        return bool(self.stretches())
