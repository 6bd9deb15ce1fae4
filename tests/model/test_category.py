"""A member's category on the meeting day, computed from the dated periods (DOMAIN.md §4)."""
from datetime import date

import pytest

from kiemdiem_desktop.model import Category, Member, Period, PeriodKind, category_on, leave_on
from kiemdiem_desktop.model.category import add_months

MEETING = date(2025, 12, 10)


def member(**kw) -> Member:
    kw.setdefault("periods", [])
    m = Member(full_name="Nguyễn Văn An", birth_date=date(1980, 1, 1), admission_date=date(2010, 3, 3),
               official_date=date(2011, 3, 3), **kw)
    m.periods.insert(0, Period(PeriodKind.MEMBERSHIP, date(2015, 1, 1)))
    return m


@pytest.mark.parametrize("kind, expected", [
    (PeriodKind.SUSPENSION, Category.SUSPENDED),
    (PeriodKind.PROSECUTION, Category.PROSECUTED),
    (PeriodKind.EXEMPTION, Category.EXEMPTED),
    (PeriodKind.TEMPORARY_OUT, Category.TEMPORARY_ELSEWHERE),
])
def test_a_running_status_period_sets_the_category(kind, expected):
    m = member(periods=[Period(kind, date(2025, 6, 1), date(2026, 6, 1))])
    assert category_on(m, MEETING) == expected
    assert category_on(m, date(2025, 5, 31)) == Category.OFFICIAL  # before it started
    assert category_on(m, date(2026, 6, 2)) == Category.OFFICIAL   # after it ended


def test_suspension_wins_over_exemption():
    m = member(periods=[Period(PeriodKind.EXEMPTION, date(2020, 1, 1)),
                        Period(PeriodKind.SUSPENSION, date(2025, 1, 1))])
    assert category_on(m, MEETING) == Category.SUSPENDED


def test_probation_six_months_boundary_is_computed_not_stored():
    m = member()
    m.admission_date, m.official_date = date(2025, 6, 10), None
    m.periods[0].start = date(2025, 6, 10)
    assert category_on(m, date(2025, 12, 9)) == Category.PROBATIONARY_RECENT
    assert category_on(m, date(2025, 12, 10)) == Category.PROBATIONARY
    m.official_date = date(2026, 6, 10)
    assert category_on(m, date(2026, 6, 10)) == Category.OFFICIAL


def test_members_who_left_or_visit():
    m = member()
    m.periods[0].end = date(2025, 9, 30)
    assert category_on(m, MEETING) == Category.NOT_IN_CELL
    assert m.left_on() == date(2025, 10, 1)        # the last day here was 30/09: left on 01/10
    assert category_on(m, date(2025, 9, 30)) == Category.OFFICIAL
    assert category_on(m, date(2025, 10, 1)) == Category.NOT_IN_CELL
    visitor = Member(full_name="Lê Thị Bình", periods=[Period(PeriodKind.TEMPORARY_IN, date(2025, 3, 1))])
    assert category_on(visitor, MEETING) == Category.VISITING


def test_declared_type_when_the_roster_gave_no_dates():
    m = Member(full_name="Võ Văn Cường", declared_type="official", declared_on=date(2025, 1, 1),
               periods=[Period(PeriodKind.MEMBERSHIP, date(2025, 1, 1))])
    assert category_on(m, MEETING) == Category.OFFICIAL
    m2 = Member(full_name="Võ Văn Dũng", periods=[Period(PeriodKind.MEMBERSHIP, date(2025, 1, 1))])
    assert category_on(m2, MEETING) == Category.UNKNOWN


def test_leave_does_not_change_the_category_but_is_reported():
    m = member(periods=[Period(PeriodKind.MATERNITY_LEAVE, date(2025, 10, 1), date(2026, 4, 1)),
                        Period(PeriodKind.INSPECTION, date(2025, 11, 1))])
    assert category_on(m, MEETING) == Category.OFFICIAL
    assert leave_on(m, MEETING) == [PeriodKind.MATERNITY_LEAVE, PeriodKind.INSPECTION]


@pytest.mark.parametrize("day, months, expected", [
    (date(2025, 8, 31), 6, date(2026, 2, 28)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2025, 1, 15), -3, date(2024, 10, 15)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected
