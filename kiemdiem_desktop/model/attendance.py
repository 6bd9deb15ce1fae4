"""Who is in the room: the roll call at the opening, then late arrivals and early leaves."""
from __future__ import annotations

from dataclasses import dataclass
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
    Times are "HH:MM" strings of the meeting day."""

    member_id: str
    status: Presence = Presence.PRESENT
    reason: str = ""
    arrived_at: str = ""
    left_at: str = ""

    def in_room(self, at: str) -> bool:
        """Is the member in the room at that time ("HH:MM")?"""
        if self.status == Presence.PRESENT and not self.arrived_at:
            came = True
        else:
            came = bool(self.arrived_at) and self.arrived_at <= at
        gone = bool(self.left_at) and self.left_at <= at
        return came and not gone

    @property
    def present_at_opening(self) -> bool:
        return self.status == Presence.PRESENT and not self.arrived_at
