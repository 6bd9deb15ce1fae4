"""Long leave in the rating year (DOMAIN.md §4): sick leave of 3 months or more, or maternity
leave, anywhere in the rating year — not only on the meeting day."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Member, PeriodKind
from ..model.category import add_months
from ..model.member import PERIOD_LABELS, Period
from ..vn.dates import format_date

LONG_LEAVE_KINDS = (PeriodKind.SICK_LEAVE, PeriodKind.MATERNITY_LEAVE)


@dataclass(frozen=True)
class LongLeave:
    period: Period
    start: date
    end: date | None        # None: still running

    @property
    def text(self) -> str:
        """"nghỉ thai sản từ 01/03/2025 đến 31/08/2025" (lower case, for a sentence or a ghi chú)."""
        label = PERIOD_LABELS[self.period.kind].lower()
        if self.end is None:
            return f"{label} từ {format_date(self.start)}"
        return f"{label} từ {format_date(self.start)} đến {format_date(self.end)}"


def long_leaves(member: Member, rating_year: int, months: int = 3,
                kinds: tuple[PeriodKind, ...] = LONG_LEAVE_KINDS) -> list[LongLeave]:
    """Leave periods of ``kinds`` that touch the rating year and last ``months`` or more
    (the whole period counts; a period still running is measured to the end of the year)."""
    first, last = date(rating_year, 1, 1), date(rating_year, 12, 31)
    out = []
    for p in member.periods:
        if p.kind not in kinds:
            continue
        end = p.end
        if p.start > last or (end is not None and end < first):
            continue
        measured_to = end if end is not None else last
        if measured_to + timedelta(days=1) >= add_months(p.start, months):
            out.append(LongLeave(p, p.start, end))
    return sorted(out, key=lambda x: x.start)
