"""One meeting as stored, read once: the record, the cell's members and their categories on the
meeting day, the rule set, and the figures every reader asks again and again (the head count at
a time). MeetingSession (session.py) is a snapshot that also takes commands; the year's other
meetings (rating_year.py) and the figures are read through a bare snapshot.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Callable

from .clock import NO_CLOCK, Clock, now_of
from .flow.meeting_flow import MeetingFlow
from .i18n import QT_TRANSLATE_NOOP, UserError, msg
from .model import Category, Member, category_on
from .model.meeting import Meeting, meeting_day
from .model.record import MeetingRecord
from .model.review import AgendaStep
from .rules.attendance import Headcount, headcount
from .rules.ruleset import RuleSet, rule_set, rule_set_for_year
from .rules.settings import MeetingSettings
from .store import meeting_repo

if TYPE_CHECKING:   # pragma: no cover
    from .services import CellFile


class MeetingSnapshot:
    """A meeting read from the file; ``clock`` is asked only for "now" (NO_CLOCK by default:
    a figure that would depend on the hour refuses)."""

    def __init__(self, cell_file: "CellFile", meeting_id: str, *, clock: Clock | Callable[[], str] = NO_CLOCK):
        self.cf = cell_file
        self.db = cell_file.db
        self.clock = clock
        self.meeting_id = meeting_id
        self.reload()

    # -- reading --------------------------------------------------------------------------------
    def reload(self) -> None:
        rec = self.db.read(meeting_repo.load_meeting, self.meeting_id)
        if rec is None:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Không tìm thấy cuộc họp có mã {id}."), id=self.meeting_id))
        self.record: MeetingRecord = rec
        self.cell = self.cf.cell()
        members = self.cf.members()                       # in the Vietnamese order of names
        self.member_list: list[Member] = members
        self.members: dict[str, Member] = {m.id: m for m in members}
        day = meeting_day(rec.meeting)
        self.categories: dict[str, Category] = {m.id: category_on(m, day) for m in members}
        self.rules: RuleSet = (rule_set(rec.meeting.rule_set_id) if rec.meeting.rule_set_id
                               else rule_set_for_year(rec.meeting.rating_year))
        self._headcounts: dict[tuple, Headcount] = {}

    def headcount_of(self, at: str, exclude_absent_approved: bool | None = None,
                     record: MeetingRecord | None = None) -> Headcount:
        """Presence and the base at a recorded time ("HH:MM") over this meeting as loaded: computed
        once per time and setting, and anew after any write to the file (or a reload). Over another
        record (a correction tried on a copy, see VotingDesk.effects) it is computed each time."""
        rec = record if record is not None else self.record
        if rec is not self.record:
            return headcount(self.rules, self.categories, rec.attendance, at,
                             exclude_absent_approved=exclude_absent_approved)
        key = (at, exclude_absent_approved, self.db.writes, id(rec.attendance))
        found = self._headcounts.get(key)
        if found is None:
            if len(self._headcounts) > 256 or any(k[2] != key[2] for k in self._headcounts):
                self._headcounts.clear()
            found = self._headcounts[key] = headcount(self.rules, self.categories, rec.attendance, at,
                                                      exclude_absent_approved=exclude_absent_approved)
        return found

    @property
    def meeting(self) -> Meeting:
        return self.record.meeting

    def now(self) -> datetime:
        """The clock's date and time (only when something is recorded as it happens)."""
        return now_of(self.clock, self.meeting.meeting_date)

    @property
    def flow(self) -> MeetingFlow:
        return MeetingFlow(self.record, self.members, self.categories, self.rules)

    @property
    def current(self) -> AgendaStep | None:
        return self.flow.current

    def attendees(self) -> list[Member]:
        """Members on the roll call: everyone in the cell on the meeting day, and visitors."""
        return [m for m in self.member_list if self.categories[m.id] != Category.NOT_IN_CELL]

    def headcount(self, at: str | None = None) -> Headcount:
        return self.headcount_of(at or self.time_of(self.current),
                                 MeetingSettings.of(self.rules, self.meeting.settings).exclude_absent_approved)

    def time_of(self, step: AgendaStep | None) -> str:
        """Presence is taken at the step's start; for a step not started yet, now."""
        return step.started_at if step and step.started_at else self.clock()

