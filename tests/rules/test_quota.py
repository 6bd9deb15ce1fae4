"""The HTXSNV quota of DOMAIN.md §3: one line per group with its figures; advisory at a cell
under a committee, a check at a grassroots cell; 20% of HTTNV, 366 allows 25%; round down."""
from __future__ import annotations

from fractions import Fraction

import pytest

from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.model import Level, Member
from kiemdiem_desktop.rules.quota import quota_lines
from kiemdiem_desktop.rules.ruleset import rule_set

R366 = rule_set("qd366-hd43")
R124 = rule_set("qd124-hd25")
EX, GO, CO, NC = Level.EXCELLENT, Level.GOOD, Level.COMPLETED, Level.NOT_COMPLETED


def cell(excellent: int, good: int, group: str = "", others: int = 2):
    members = [(Member(f"Đảng viên {group} {i}", quota_group=group), EX) for i in range(excellent)]
    members += [(Member(f"Đảng viên {group} g{i}", quota_group=group), GO) for i in range(good)]
    members += [(Member(f"Đảng viên {group} c{i}", quota_group=group), CO) for i in range(others)]
    return members


@pytest.mark.parametrize("rules", [R124, R366], ids=lambda r: r.id)
@pytest.mark.parametrize("excellent, good, over, allowed, text", [
    # Quy định 124/366 (quota article in the rule set): HTXSNV ≤ 20% of HTTNV
    (3, 10, True, 2, "3 đảng viên HTXSNV / 10 đảng viên HTTNV = 30% > 20% (tối đa 2 đảng viên HTXSNV)"),
    (2, 10, False, 2, "2 đảng viên HTXSNV / 10 đảng viên HTTNV = 20% ≤ 20% (tối đa 2 đảng viên HTXSNV)"),
    # round down: 20% of 14 is 2,8 -> 2
    (3, 14, True, 2, "3 đảng viên HTXSNV / 14 đảng viên HTTNV = 21,4% > 20% (tối đa 2 đảng viên HTXSNV)"),
    (1, 4, True, 0, "1 đảng viên HTXSNV / 4 đảng viên HTTNV = 25% > 20% (tối đa 0 đảng viên HTXSNV)"),
    (0, 7, False, 1, "0 đảng viên HTXSNV / 7 đảng viên HTTNV = 0% ≤ 20% (tối đa 1 đảng viên HTXSNV)"),
])
def test_one_group(rules, excellent, good, over, allowed, text):
    [line] = quota_lines(cell(excellent, good), is_grassroots=True, quota=rules)
    assert (line.group, line.excellent, line.good) == ("", excellent, good)
    assert line.limit == Fraction(1, 5)
    assert line.ratio == Fraction(excellent, good)
    assert (line.over, line.allowed, line.advisory) == (over, allowed, False)
    assert line.text == text
    assert line.article.startswith(f"Quy định {rules.regulation_code}")


def test_no_httnv_in_the_group():
    [line] = quota_lines(cell(1, 0), is_grassroots=True, quota=R366)
    assert line.ratio is None and line.allowed == 0 and line.over
    assert line.text == "1 đảng viên HTXSNV / 0 đảng viên HTTNV: không có đảng viên HTTNV để tính tỷ lệ (tối đa 0 đảng viên HTXSNV)"


def test_nobody_rated_excellent_or_good_gives_no_line():
    assert quota_lines([(Member("A"), CO), (Member("B"), NC), (Member("C"), "")], is_grassroots=True, quota=R366) == []


def test_two_groups_each_with_its_own_line_the_cell_group_first():
    pairs = cell(1, 3, group="Hưu trí") + cell(3, 10)
    lines = quota_lines(pairs, is_grassroots=False, quota=R366)
    assert [(l.group, l.excellent, l.good, l.over) for l in lines] == [("", 3, 10, True), ("Hưu trí", 1, 3, True)]
    assert lines[1].text == "1 đảng viên HTXSNV / 3 đảng viên HTTNV = 33,3% > 20% (tối đa 0 đảng viên HTXSNV)"


def test_advisory_at_a_cell_under_a_committee_a_check_at_a_grassroots_cell():
    assert quota_lines(cell(3, 10), is_grassroots=False, quota=R366)[0].advisory is True
    assert quota_lines(cell(3, 10), is_grassroots=True, quota=R366)[0].advisory is False


def test_366_raised_to_25_percent():
    # Quy định 366-QĐ/TW: the deciding level may raise the share to 25% for outstanding units
    [line] = quota_lines(cell(3, 12), is_grassroots=True, quota=R366, raised=True)
    assert line.limit == Fraction(1, 4) and line.allowed == 3 and not line.over
    assert line.text == "3 đảng viên HTXSNV / 12 đảng viên HTTNV = 25% ≤ 25% (tối đa 3 đảng viên HTXSNV)"
    [line] = quota_lines(cell(3, 10), is_grassroots=True, quota=R366, raised=True)
    assert line.over and line.text == "3 đảng viên HTXSNV / 10 đảng viên HTTNV = 30% > 25% (tối đa 2 đảng viên HTXSNV)"


def test_124_has_no_raised_share():
    with pytest.raises(UserError, match="không cho phép nâng"):
        quota_lines(cell(3, 10), is_grassroots=True, quota=R124, raised=True)


def test_settings_other_than_the_defaults():
    section = dict(R366.data["quota"], base="good_and_excellent", rounding="nearest")
    [line] = quota_lines(cell(3, 11), is_grassroots=True, quota=section)
    # base 3 + 11 = 14, 20% = 2,8 -> 3 when rounded to the nearest
    assert (line.ratio, line.allowed, line.over) == (Fraction(3, 14), 3, False)
    assert line.text == "3 đảng viên HTXSNV / 14 đảng viên HTXSNV hoặc HTTNV = 21,4% > 20% (tối đa 3 đảng viên HTXSNV)"


def test_levels_given_as_stored_strings():
    [line] = quota_lines([(Member("A"), "EXCELLENT"), *[(Member(str(i)), "GOOD") for i in range(5)]],
                         is_grassroots=True, quota=R366.data["quota"])
    assert (line.excellent, line.good, line.over) == (1, 5, False)
