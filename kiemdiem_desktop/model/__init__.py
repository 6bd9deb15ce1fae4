"""Plain dataclasses of the cell, its members and its meetings (no storage, no Qt)."""
from .category import CATEGORY_LABELS, Category, category_on, leave_on
from .cell import Cell
from .levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS, Level
from .meeting import Meeting, MeetingKind, MeetingState
from .member import (
    DisciplineForm, DisciplineRecord, Gender, Member, PartyPost, Period, PeriodKind, new_id,
)

__all__ = [
    "CATEGORY_LABELS", "Category", "category_on", "leave_on", "Cell", "LEVEL_ABBREVIATIONS",
    "LEVEL_LABELS", "Level", "Meeting", "MeetingKind", "MeetingState", "DisciplineForm",
    "DisciplineRecord", "Gender", "Member", "PartyPost", "Period", "PeriodKind", "new_id",
]
