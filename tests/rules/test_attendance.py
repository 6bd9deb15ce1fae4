"""Base, presence, quorum and voters for every row of DOMAIN.md §4–§5."""
from fractions import Fraction

import pytest

from kiemdiem_desktop.model import Category
from kiemdiem_desktop.model.attendance import Attendance, Presence
from kiemdiem_desktop.rules.attendance import eligibility, headcount, in_base
from kiemdiem_desktop.rules.ruleset import rule_set_for_year

RULE_SETS = [rule_set_for_year(2024), rule_set_for_year(2025)]
P, AA, AU, AN = Presence.PRESENT, Presence.ABSENT_APPROVED, Presence.ABSENT_UNAPPROVED, Presence.ABSENT_NO_REASON


# One row per line of the table in DOMAIN.md §4: category, roll call -> reviewed, rated, in base, votes
@pytest.mark.parametrize("rules", RULE_SETS, ids=lambda r: r.id)
@pytest.mark.parametrize("category, status, reviewed, rated, base, votes", [
    (Category.OFFICIAL, P, True, True, True, True),
    (Category.PROBATIONARY, P, True, True, False, False),          # Điều lệ Điều 5: no vote
    (Category.PROBATIONARY_RECENT, P, False, False, False, False),
    (Category.EXEMPTED, P, False, False, True, True),              # counted and votes only if present
    (Category.EXEMPTED, AN, False, False, False, False),
    (Category.SUSPENDED, P, False, False, False, False),
    (Category.PROSECUTED, AN, False, False, False, False),
    (Category.TEMPORARY_ELSEWHERE, AN, True, True, False, False),
    (Category.VISITING, P, False, False, False, False),            # attends, comments, not counted
    (Category.OFFICIAL, AA, True, True, False, False),             # approved absence: out of the base
    (Category.OFFICIAL, AU, True, True, True, False),              # unapproved absence: stays in the base
    (Category.OFFICIAL, AN, True, True, True, False),
])
def test_table_of_section_4(rules, category, status, reviewed, rated, base, votes):
    e = eligibility(rules, category)
    assert (e.reviewed, e.rated) == (reviewed, rated)
    a = Attendance("m", status)
    h = headcount(rules, {"m": category}, {"m": a}, "08:30")
    assert ("m" in h.base) == base
    assert ("m" in h.voters) == votes


def _cell(n_official: int) -> dict[str, Category]:
    return {f"m{i}": Category.OFFICIAL for i in range(n_official)}


@pytest.mark.parametrize("rules", RULE_SETS, ids=lambda r: r.id)
def test_early_leaver_stays_in_the_base_and_late_approved_absentee_joins_it(rules):
    cats = _cell(9)
    att = {f"m{i}": Attendance(f"m{i}", P) for i in range(9)}
    att["m7"] = Attendance("m7", AA, "Đi công tác", arrived_at="10:15")
    att["m8"] = Attendance("m8", P, left_at="09:40")
    early = headcount(rules, cats, att, "08:00")
    assert (early.base_count, early.present_in_base, len(early.voters)) == (8, 8, 8)
    after_leave = headcount(rules, cats, att, "10:00")
    assert (after_leave.base_count, after_leave.present_in_base, len(after_leave.voters)) == (8, 7, 7)
    assert "m8" in after_leave.base and "m8" not in after_leave.present
    after_arrival = headcount(rules, cats, att, "10:15")
    assert (after_arrival.base_count, after_arrival.present_in_base) == (9, 8)
    assert "m7" in after_arrival.voters


@pytest.mark.parametrize("base, present, met", [(9, 6, True), (9, 5, False), (10, 7, True), (10, 6, False),
                                                 (3, 2, True), (1, 1, True), (0, 0, False)])
def test_quorum_two_thirds_of_the_base(base, present, met):
    rules = RULE_SETS[1]
    cats = _cell(base)
    att = {f"m{i}": Attendance(f"m{i}", P if i < present else AN) for i in range(base)}
    h = headcount(rules, cats, att, "09:00")
    assert h.base_count == base
    assert h.quorum_met is met
    assert h.quorum == Fraction(2, 3)


def test_the_approved_absence_exclusion_is_a_setting():
    rules = RULE_SETS[1]
    a = Attendance("m", AA)
    assert in_base(rules, Category.OFFICIAL, a, "09:00") is False
    assert in_base(rules, Category.OFFICIAL, a, "09:00", exclude_absent_approved=False) is True


def test_visitors_and_probationary_members_present_do_not_count_toward_quorum():
    rules = RULE_SETS[1]
    cats = {**_cell(3), "v": Category.VISITING, "p": Category.PROBATIONARY}
    att = {"m0": Attendance("m0", P), "m1": Attendance("m1", AN), "m2": Attendance("m2", AN),
           "v": Attendance("v", P), "p": Attendance("p", P)}
    h = headcount(rules, cats, att, "09:00")
    assert h.present == {"m0", "v", "p"}
    assert (h.base_count, h.present_in_base, h.quorum_met) == (3, 1, False)
