"""The meeting guide: prepare the meeting, then hold it one step at a time (DOMAIN.md §4–§6)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ...model import MeetingState
from .guide import MeetingGuideWindow


def open_meeting_guide(parent: QWidget | None, cell_file, meeting_id: str, *,
                       clock: Callable[[], str] | None = None, show: bool = True) -> MeetingGuideWindow:
    """Open the guide on a meeting of ``cell_file`` in its own top-level window.

    A meeting saved without an agenda (as the meetings page creates it) gets the agenda of its
    rule set. The window does not close the file; closing the window saves what is being typed.
    Every window showing the meeting (this guide, the documents window) shares one live meeting
    object (session.live_session)."""
    from ...session import live_session

    session = live_session(cell_file, meeting_id, clock=clock)   # shared with every window of it
    if not session.record.steps and session.meeting.state == MeetingState.PREPARING:
        session.generate_agenda().result()
    window = MeetingGuideWindow(session, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if show:
        window.show()
    return window


__all__ = ["MeetingGuideWindow", "open_meeting_guide"]
