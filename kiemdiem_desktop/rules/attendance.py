"""The base, presence, quorum and who may vote (DOMAIN.md §4–§5).

The base ("số đảng viên được tính") is set at the opening: official members, minus those
whose category keeps them out (temporary activity elsewhere, suspended, prosecuted…),
exempted members who are absent, and — a visible setting — members absent for the whole
meeting with a reason approved by the chair. Someone who leaves early stays in it; an
approved absentee (or an exempted member) who arrives late joins it from then on.
Presence is taken per vote: who is in the room at that time.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from fractions import Fraction
from typing import Mapping

from ..model import Category
from ..model.attendance import Attendance, Presence
from .ruleset import RuleSet


@dataclass(frozen=True)
class Eligibility:
    reviewed: bool
    rated: bool
    in_base: str      # "yes" / "no" / "if_present"
    votes: str        # "yes" / "no" / "if_present"


# Per rule-set data (kept alive beside its id, so an id is never mistaken for another's):
# the rows of its eligibility table, read once. Rule sets are never edited after loading.
_TABLES: dict[int, tuple[dict, dict[Category, Eligibility]]] = {}


def eligibility(rules: RuleSet, category: Category) -> Eligibility:
    entry = _TABLES.get(id(rules.data))
    if entry is None or entry[0] is not rules.data:
        entry = _TABLES[id(rules.data)] = (rules.data, {})
    table = entry[1]
    found = table.get(category)
    if found is None:
        row = rules.data["eligibility"]["categories"][category.value]
        found = table[category] = Eligibility(row["reviewed"], row["rated"], row["in_base"], row["votes"])
    return found


@dataclass(frozen=True)
class Headcount:
    """The figures at one moment of the meeting."""

    at: str                       # "HH:MM"
    base: frozenset[str]          # member ids counted
    present: frozenset[str]       # every member in the room (voters or not)
    voters: frozenset[str]        # present members who may vote
    quorum: Fraction

    @property
    def base_count(self) -> int:
        return len(self.base)

    @cached_property        # a Headcount never changes: read by every figure of every vote
    def present_in_base(self) -> int:
        return len(self.present & self.base)

    @cached_property
    def quorum_needed(self) -> int:
        """The smallest number present that meets the quorum."""
        q = self.quorum * self.base_count
        return int(q) if q.denominator == 1 else int(q) + 1

    @property
    def quorum_met(self) -> bool:
        return self.base_count > 0 and self.present_in_base >= self.quorum_needed


def _arrived_by(a: Attendance | None, at: str) -> bool:
    """Came in after the opening, at or before ``at`` (the first arrival counts)."""
    if a is None:
        return False
    first = a.stretches()[0][0] if a.stretches() else ""
    first = first or a.arrived_at
    return bool(first) and first <= at


def in_base(rules: RuleSet, category: Category, a: Attendance | None, at: str,
            exclude_absent_approved: bool | None = None) -> bool:
    return _in_base(rules, eligibility(rules, category).in_base, a, at, exclude_absent_approved)


def _in_base(rules: RuleSet, rule: str, a: Attendance | None, at: str, exclude_absent_approved: bool | None) -> bool:
    if rule == "no":
        return False
    present_at_opening = a is not None and a.present_at_opening
    if rule == "if_present":
        return present_at_opening or _arrived_by(a, at)
    excluded = rules.base_excludes_absent_approved if exclude_absent_approved is None else exclude_absent_approved
    if excluded and a is not None and a.status == Presence.ABSENT_APPROVED:
        return _arrived_by(a, at)
    return True


def headcount(rules: RuleSet, categories: Mapping[str, Category], attendance: Mapping[str, Attendance],
              at: str, *, exclude_absent_approved: bool | None = None,
              quorum: Fraction | None = None) -> Headcount:
    base, present, voters = set(), set(), set()
    rows = {c: eligibility(rules, c) for c in set(categories.values())}
    for member_id, category in categories.items():
        a = attendance.get(member_id)
        row = rows[category]
        if _in_base(rules, row.in_base, a, at, exclude_absent_approved):
            base.add(member_id)
        if a is not None and a.in_room(at):
            present.add(member_id)
            votes = row.votes
            if votes == "yes" or (votes == "if_present" and member_id in base):
                voters.add(member_id)
    return Headcount(at, frozenset(base), frozenset(present), frozenset(voters & base),
                     quorum if quorum is not None else rules.quorum)
