"""Rule sets: one data file per regulation, chosen by the rating year (DOMAIN.md §1)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import paths
from ..i18n import QT_TRANSLATE_NOOP, UserError, msg


@dataclass(frozen=True)
class AgendaItem:
    kind: str     # opening, collective_review, member_reviews, rating_votes, cell_rating, results, adoption, closing
    title: str


@dataclass(frozen=True)
class RuleSet:
    id: str
    name: str
    regulation_code: str
    guidance_code: str
    first_year: int
    last_year: int | None
    sources: str
    scoring_kind: str             # "points" (366) or "grades" (124)
    agenda: tuple[AgendaItem, ...]
    quorum: Fraction
    quorum_article: str
    base_excludes_absent_approved: bool
    majority: Fraction
    majority_strict: bool
    data: dict[str, Any]          # the whole file, for what later issues read

    def applies_to(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


def _load(path: Path) -> RuleSet:
    d = json.loads(path.read_text(encoding="utf-8"))
    att = d["attendance"]
    return RuleSet(
        id=d["id"], name=d["name"], regulation_code=d["regulation"]["code"], guidance_code=d["guidance"]["code"],
        first_year=d["rating_years"]["from"], last_year=d["rating_years"]["to"], sources=d.get("sources", ""),
        scoring_kind=d["scoring"]["kind"],
        agenda=tuple(AgendaItem(a["kind"], a["title"]) for a in d["agenda"]),
        quorum=Fraction(att["quorum"]["numerator"], att["quorum"]["denominator"]),
        quorum_article=att["quorum"]["article"],
        base_excludes_absent_approved=att["base_excludes_absent_approved"],
        majority=Fraction(d["majority"]["numerator"], d["majority"]["denominator"]),
        majority_strict=d["majority"]["strictly_more"], data=d)


@lru_cache(maxsize=1)
def all_rule_sets() -> tuple[RuleSet, ...]:
    return tuple(sorted((_load(p) for p in paths.resource("rulesets").glob("*.json")), key=lambda r: r.first_year))


def rule_set(rule_set_id: str) -> RuleSet:
    for r in all_rule_sets():
        if r.id == rule_set_id:
            return r
    raise UserError(msg(QT_TRANSLATE_NOOP("core", "Không có bộ quy định “{id}”."), id=rule_set_id))


def rule_set_for_year(year: int) -> RuleSet:
    for r in all_rule_sets():
        if r.applies_to(year):
            return r
    raise UserError(msg(QT_TRANSLATE_NOOP(
        "core", "Chưa có quy định đánh giá, xếp loại cho năm {year} (chương trình có từ năm 2023)."), year=year))
