"""A member's category on a day, computed from the dated periods (DOMAIN.md §4).

Never stored: a stored flag goes stale the day a probation ends or a suspension lapses.
"""
from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP

from datetime import date
from enum import Enum

from .member import Member, PeriodKind


class Category(str, Enum):
    OFFICIAL = "official"                        # chính thức
    PROBATIONARY = "probationary"                # dự bị, đủ 6 tháng
    PROBATIONARY_RECENT = "probationary_recent"  # dự bị, chưa đủ 6 tháng
    EXEMPTED = "exempted"                        # miễn công tác và sinh hoạt đảng
    SUSPENDED = "suspended"                      # đình chỉ sinh hoạt đảng
    PROSECUTED = "prosecuted"                    # bị khởi tố, truy tố, tạm giam
    TEMPORARY_ELSEWHERE = "temporary_elsewhere"  # sinh hoạt tạm thời nơi khác
    VISITING = "visiting"                        # từ chi bộ khác, sinh hoạt tạm thời tại đây
    NOT_IN_CELL = "not_in_cell"                  # chưa / không còn sinh hoạt tại chi bộ
    UNKNOWN = "unknown"                          # thiếu ngày vào Đảng


CATEGORY_LABELS = {
    Category.OFFICIAL: QT_TRANSLATE_NOOP("core", "Chính thức"),
    Category.PROBATIONARY: QT_TRANSLATE_NOOP("core", "Dự bị"),
    Category.PROBATIONARY_RECENT: QT_TRANSLATE_NOOP("core", "Dự bị (chưa đủ 6 tháng)"),
    Category.EXEMPTED: QT_TRANSLATE_NOOP("core", "Miễn sinh hoạt"),
    Category.SUSPENDED: QT_TRANSLATE_NOOP("core", "Đình chỉ sinh hoạt"),
    Category.PROSECUTED: QT_TRANSLATE_NOOP("core", "Bị khởi tố / tạm giam"),
    Category.TEMPORARY_ELSEWHERE: QT_TRANSLATE_NOOP("core", "Sinh hoạt tạm thời nơi khác"),
    Category.VISITING: QT_TRANSLATE_NOOP("core", "Sinh hoạt tạm thời tại chi bộ"),
    Category.NOT_IN_CELL: QT_TRANSLATE_NOOP("core", "Không còn sinh hoạt tại chi bộ"),
    Category.UNKNOWN: QT_TRANSLATE_NOOP("core", "Chưa rõ (thiếu ngày vào Đảng)"),
}

# Statuses that override the member's type, in order of precedence.
_OVERRIDES = (
    (PeriodKind.SUSPENSION, Category.SUSPENDED),
    (PeriodKind.PROSECUTION, Category.PROSECUTED),
    (PeriodKind.EXEMPTION, Category.EXEMPTED),
    (PeriodKind.TEMPORARY_OUT, Category.TEMPORARY_ELSEWHERE),
)


def add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def _covered(member: Member, kind: PeriodKind, day: date) -> bool:
    # any(p.covers(day) for p in member.periods_of(kind)), without a list per question: asked about ten
    # times per member for every roster line (the file's first screen reads them as it opens)
    for p in member.periods:
        if p.kind == kind and p.covers(day):
            return True
    return False


def category_on(member: Member, day: date) -> Category:
    in_cell = _covered(member, PeriodKind.MEMBERSHIP, day)
    if not in_cell:
        return Category.VISITING if _covered(member, PeriodKind.TEMPORARY_IN, day) else Category.NOT_IN_CELL
    for kind, category in _OVERRIDES:
        if _covered(member, kind, day):
            return category
    if member.official_date is not None and member.official_date <= day:
        return Category.OFFICIAL
    if member.admission_date is not None and member.admission_date <= day:
        if day >= add_months(member.admission_date, 6):
            return Category.PROBATIONARY
        return Category.PROBATIONARY_RECENT
    if member.declared_type == "official" and member.declared_on and member.declared_on <= day:
        return Category.OFFICIAL
    if member.declared_type == "probationary" and member.declared_on and member.declared_on <= day:
        return Category.PROBATIONARY
    return Category.UNKNOWN


def leave_on(member: Member, day: date) -> list[PeriodKind]:
    """Leave and pending matters running on that day (they do not change the category)."""
    kinds = (PeriodKind.SICK_LEAVE, PeriodKind.MATERNITY_LEAVE, PeriodKind.INSPECTION)
    return [k for k in kinds if _covered(member, k, day)]
