"""The cap on HTXSNV (DOMAIN.md §3): one line per group, with its figures.

HTXSNV may not exceed a share (20%; 366 lets the deciding level raise it to 25%) of the
number rated HTTNV, per group of members with similar position and duties. It is a cap at
the deciding level, never a reason to refuse one member's proposal: the program shows the
lines — advisory at a cell under a committee, a check at a grassroots cell that decides
itself. Defaults (visible settings, from the rule set's "quota" section): one group per
cell (``Member.quota_group`` "" ), base HTTNV only, round down.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterable, Mapping

from ..i18n import QT_TRANSLATE_NOOP, UserError, msg, translate
from ..model import Level, Member
from ..vn.collation import word_key
from .findings import vn_number
from .ruleset import RuleSet


@dataclass(frozen=True)
class QuotaSettings:
    share: Fraction
    raised_share: Fraction | None
    base: str          # "good_only": HTTNV; "good_and_excellent": HTTNV + HTXSNV
    rounding: str      # "down" (default) or "nearest" (half up)
    article: str

    @classmethod
    def from_section(cls, q: Mapping[str, Any]) -> "QuotaSettings":
        raised = q.get("raised_share")
        return cls(share=Fraction(str(q["excellent_share_of_good"])),
                   raised_share=None if raised is None else Fraction(str(raised)),
                   base=q.get("base", "good_only"), rounding=q.get("rounding", "down"),
                   article=q.get("article", ""))


@dataclass(frozen=True)
class QuotaLine:
    group: str                 # "" = the cell's one group
    excellent: int             # HTXSNV in the group
    good: int                  # HTTNV in the group (the base when base is "good_only")
    ratio: Fraction | None     # excellent / base; None when the base is 0
    limit: Fraction            # the share applied (1/5, or 1/4 when raised)
    allowed: int               # the most HTXSNV the limit allows, rounded as set
    over: bool
    advisory: bool             # True at a cell under a committee; False: a check (grassroots cell)
    text: str                  # "3 đảng viên HTXSNV / 10 đảng viên HTTNV = 30% > 20% (tối đa 2 đảng viên HTXSNV)"
    article: str


def _pct(x: Fraction) -> str:
    return vn_number(x * 100, decimals=1) + "%"


def _allowed(limit: Fraction, base: int, rounding: str) -> int:
    exact = limit * base
    if rounding == "down":
        return math.floor(exact)
    if rounding == "nearest":
        return math.floor(exact + Fraction(1, 2))
    raise ValueError(f"unknown rounding {rounding!r}")


def quota_lines(rated: Iterable[tuple[Member, Level | str]], *, is_grassroots: bool,
                quota: Mapping[str, Any] | RuleSet, raised: bool = False) -> list[QuotaLine]:
    """One line per quota group that has a member rated HTXSNV or HTTNV, the cell's group first.

    ``rated``: (member, level) for the members whose level is counted (voted, or proposed);
    ``quota``: the rule set's "quota" section (or the rule set); ``raised``: the deciding
    level raised the share for an outstanding unit (366 only).
    """
    section = quota.data["quota"] if isinstance(quota, RuleSet) else quota
    s = QuotaSettings.from_section(section)
    if raised and s.raised_share is None:
        raise UserError(msg(QT_TRANSLATE_NOOP(
            "core", "Quy định áp dụng không cho phép nâng tỷ lệ Hoàn thành xuất sắc nhiệm vụ.")))
    limit = s.raised_share if raised else s.share
    counts: dict[str, list[int]] = {}
    for member, level in rated:
        if not level:
            continue
        level = Level(level)
        c = counts.setdefault(member.quota_group.strip(), [0, 0])
        if level is Level.EXCELLENT:
            c[0] += 1
        elif level is Level.GOOD:
            c[1] += 1
    # What is counted is said in the line itself: members, by level (issue 17 item 5). The one
    # phrasing of the quota, shared by the screens, the minutes, the summary and the committee.
    base_label = "đảng viên HTTNV" if s.base == "good_only" else "đảng viên HTXSNV hoặc HTTNV"
    lines = []
    for group in sorted(counts, key=lambda g: (g != "", [word_key(w) for w in g.split()])):
        excellent, good = counts[group]
        if excellent == 0 and good == 0:
            continue
        base = good if s.base == "good_only" else good + excellent
        ratio = Fraction(excellent, base) if base else None
        allowed = _allowed(limit, base, s.rounding)
        over = excellent > allowed
        if ratio is None:
            text = translate(QT_TRANSLATE_NOOP(
                "core", "{excellent} đảng viên HTXSNV / 0 {base_label}: không có đảng viên HTTNV để tính tỷ lệ "
                        "(tối đa 0 đảng viên HTXSNV)"))
        else:
            text = translate(QT_TRANSLATE_NOOP(
                "core", "{excellent} đảng viên HTXSNV / {base} {base_label} = {ratio} {cmp} {limit} "
                        "(tối đa {allowed} đảng viên HTXSNV)"))
        text = text.format(excellent=excellent, base=base, base_label=base_label,
                           ratio=_pct(ratio) if ratio is not None else "", cmp=">" if ratio is not None and ratio > limit else "≤",
                           limit=_pct(limit), allowed=allowed)
        lines.append(QuotaLine(group=group, excellent=excellent, good=good, ratio=ratio, limit=limit,
                               allowed=allowed, over=over, advisory=not is_grassroots, text=text,
                               article=s.article))
    return lines
