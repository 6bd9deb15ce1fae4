"""Who wins a vote: thresholds against the base, counted cumulatively from the top or per
level (DOMAIN.md §5). Pure arithmetic on integers and fractions: no rounding anywhere."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Mapping

from ..model.levels import Level

LEVELS_TOP_DOWN = (Level.EXCELLENT, Level.GOOD, Level.COMPLETED, Level.NOT_COMPLETED)


@dataclass(frozen=True)
class Threshold:
    share: Fraction          # of the base
    strictly_more: bool      # "quá nửa": more than half; otherwise "at least"

    def passes(self, votes: int, base: int) -> bool:
        # votes > share·base (strictly more) or votes ≥ share·base: for a whole number of votes,
        # the same as votes ≥ votes_needed(base)
        if base <= 0:
            return False
        return votes >= _votes_needed(self.share, self.strictly_more, base)

    def votes_needed(self, base: int) -> int:
        return _votes_needed(self.share, self.strictly_more, base)

    def describe(self) -> str:
        frac = f"{self.share.numerator}/{self.share.denominator}"
        if self.share == Fraction(1, 2) and self.strictly_more:
            return "quá nửa (trên 1/2)"
        return ("trên " if self.strictly_more else "từ ") + frac + (" trở lên" if not self.strictly_more else "")


@lru_cache(maxsize=4096)
def _votes_needed(share: Fraction, strictly_more: bool, base: int) -> int:
    """The smallest whole number of votes above (or at) share·base; read for every level of
    every vote, so computed once per base."""
    need = share * base
    whole = need.numerator // need.denominator
    if strictly_more:
        return whole + 1
    return whole if need.denominator == 1 else whole + 1


MAJORITY = Threshold(Fraction(1, 2), True)
TWO_THIRDS = Threshold(Fraction(2, 3), False)


@dataclass(frozen=True)
class CountingSettings:
    """The counting method of a rating vote. Defaults: cumulative from the top, more than
    half of the base for every level; option: at least 2/3 for HTXSNV."""

    cumulative: bool = True
    threshold: Threshold = MAJORITY
    excellent_threshold: Threshold | None = None

    def threshold_for(self, level: Level) -> Threshold:
        if level == Level.EXCELLENT and self.excellent_threshold is not None:
            return self.excellent_threshold
        return self.threshold


@dataclass(frozen=True)
class LevelCount:
    level: Level
    votes: int               # as counted by the method (cumulative includes higher levels)
    needed: int
    passed: bool


@dataclass(frozen=True)
class RatingOutcome:
    base: int
    counts: tuple[LevelCount, ...]
    reached: Level | None    # None: no level passed, a new vote is needed

    def next_vote_level(self, proposed: Level) -> Level | None:
        """When nothing passed: the level one below the one proposed, for a new vote."""
        i = LEVELS_TOP_DOWN.index(proposed)
        return LEVELS_TOP_DOWN[i + 1] if i + 1 < len(LEVELS_TOP_DOWN) else None


def rating_outcome(votes: Mapping[Level, int], base: int, settings: CountingSettings = CountingSettings()) -> RatingOutcome:
    rows: list[LevelCount] = []
    running = 0
    reached: Level | None = None
    for level in LEVELS_TOP_DOWN:
        running += votes.get(level, 0)
        counted = running if settings.cumulative else votes.get(level, 0)
        t = settings.threshold_for(level)
        ok = t.passes(counted, base)
        rows.append(LevelCount(level, counted, t.votes_needed(base), ok))
        if ok and reached is None:
            reached = level
    return RatingOutcome(base, tuple(rows), reached)


def question_passes(votes_for: int, base: int, threshold: Threshold = MAJORITY) -> bool:
    """A yes/no question (the agenda, the counting team, the minutes): more than half of the base."""
    return threshold.passes(votes_for, base)
