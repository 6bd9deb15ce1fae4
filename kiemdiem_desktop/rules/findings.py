"""Findings and warnings for one rating: the rule set's rules applied to one context.

Each rule of a rule set's "rules" array names a predicate of :mod:`.predicates` with its
parameters, the subjects it applies to, whether it is blocking ("finding") or a
"warning", the level it caps the rating at, its article and a Vietnamese message template.
When the predicate holds and the level under consideration is above ``caps_at`` the rule
yields a :class:`Finding` (for warnings: above ``caps_at``, or always when it is null).
Nothing here changes a level: callers show the findings, ask for a justification of
each blocking one, and record what the meeting did.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Mapping

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..model.levels import LEVEL_LABELS, Level
from ..model.rating import Finding, FindingKind
from .context import RatingContext
from .predicates import PREDICATE_INPUTS, PREDICATES, CollectiveContext, PredicateResult
from .ruleset import RuleSet

# Lowest first: a level is "above" another when its index is larger.
LEVEL_ORDER = (Level.NOT_COMPLETED, Level.COMPLETED, Level.GOOD, Level.EXCELLENT)
SUBJECTS = ("member", "leader", "collective", "committee")


_RANK = {lv: i for i, lv in enumerate(LEVEL_ORDER)}     # a Level or its value ("GOOD": a str enum)


def level_rank(level: Level | str) -> int:
    found = _RANK.get(level)
    return found if found is not None else LEVEL_ORDER.index(Level(level))


@dataclass(frozen=True)
class Rule:
    id: str
    applies_to: str
    kind: FindingKind
    caps_at: Level | None
    predicate: str
    params: Mapping[str, Any]
    article: str
    message: str


# Per rule-set data (kept beside its id so an id is never mistaken for another's): its rules,
# read once (asked for every member at every figure). Rule sets are never edited after loading.
_READ: dict[int, tuple[dict, tuple[Rule, ...]]] = {}


def rules_of(rules: RuleSet) -> list[Rule]:
    entry = _READ.get(id(rules.data))
    if entry is None or entry[0] is not rules.data:
        entry = _READ[id(rules.data)] = (rules.data, tuple(Rule(
            id=r["id"], applies_to=r["applies_to"], kind=FindingKind(r["kind"]),
            caps_at=Level(r["caps_at"]) if r.get("caps_at") else None,
            predicate=r["predicate"], params=dict(r.get("params", {})),
            article=r["article"], message=r["message"]) for r in rules.data.get("rules", [])))
    return list(entry[1])


def subject_of(ctx: RatingContext) -> str:
    return ctx.subject if isinstance(ctx, CollectiveContext) else "member"


def applies(rule: Rule, ctx: RatingContext) -> bool:
    subject = subject_of(ctx)
    if rule.applies_to == "member":
        return subject == "member"
    if rule.applies_to == "leader":
        return subject == "member" and ctx.facts.is_leader
    if rule.applies_to == "collective":
        return subject in ("collective", "committee")
    if rule.applies_to == "committee":
        return subject == "committee"
    raise ValueError(f"rule {rule.id}: unknown subject {rule.applies_to!r}")


# ---- numbers in Vietnamese ---------------------------------------------------------------

def vn_number(x: Any, decimals: int = 2) -> str:
    """87.5 -> "87,5"; 90.0 -> "90"; 1/3 -> "0,33" (decimal comma, no trailing zeros)."""
    if isinstance(x, bool) or not isinstance(x, (int, float, Fraction)):
        return str(x)
    if isinstance(x, int):
        return str(x)
    s = f"{float(x):.{decimals}f}".rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s.replace(".", ",")


class _Values(dict):
    def __missing__(self, key: str) -> str:   # a template naming a figure nobody gives
        return "…"


def _fill(template: str, values: Mapping[str, Any]) -> str:
    filled = {k: vn_number(v) if not isinstance(v, (list, tuple)) else ", ".join(map(str, v))
              for k, v in values.items()}
    return unicodedata.normalize("NFC", template.format_map(_Values(filled)))


# ---- evaluation ---------------------------------------------------------------------------

def _covering(all_rules: list[Rule], ctx: RatingContext) -> list[Mapping[str, Any]]:
    """Parameter sets of the blocking discipline rules that apply (for discipline_unclassified)."""
    return [r.params for r in all_rules
            if r.predicate == "disciplined_in_year" and r.kind is FindingKind.FINDING and applies(r, ctx)]


def evaluate(rule: Rule, ctx: RatingContext, all_rules: list[Rule] | None = None) -> PredicateResult | None:
    fn = PREDICATES[rule.predicate]
    params = dict(rule.params)
    if rule.predicate == "discipline_unclassified":
        params["covering"] = _covering(all_rules or [], ctx)
    return fn(ctx, **params)


# Parameters that are thresholds: rules differing only in them form one family.
THRESHOLDS = frozenset({"points", "pct", "grade"})


def _family(rule: Rule) -> tuple:
    """Rules that differ only in a threshold (score < 90 / < 70 / < 50) form one family:
    of those that hold, only the one with the lowest cap is shown."""
    fixed = tuple(sorted((k, repr(v)) for k, v in rule.params.items() if k not in THRESHOLDS))
    return rule.predicate, rule.kind, fixed


def _message(rule: Rule, result: PredicateResult, level: Level) -> str:
    values: dict[str, Any] = dict(rule.params)
    values.update(result.figures)
    values["level"] = translate(LEVEL_LABELS[level])
    if rule.caps_at is not None:
        values["cap"] = translate(LEVEL_LABELS[rule.caps_at])
    return _fill(rule.message, values)


def findings_for(rules: RuleSet, ctx: RatingContext, level: Level | str, *,
                 report_missing: bool = True) -> list[Finding]:
    """What the user must see before ``level`` is proposed for the context's subject:
    blocking findings first, then warnings, each with its article and its figures.

    With ``report_missing``, one warning per input not entered that a blocking rule would
    have needed at this level ("Chưa nhập …") — never a blocking finding.
    """
    level = Level(level)
    all_rules = rules_of(rules)
    kept: dict[tuple, tuple[Rule, PredicateResult]] = {}
    order: list[tuple] = []
    missing: dict[str, Rule] = {}
    for rule in all_rules:
        if not applies(rule, ctx):
            continue
        if rule.caps_at is not None and level_rank(level) <= level_rank(rule.caps_at):
            continue
        result = evaluate(rule, ctx, all_rules)
        if result is None:
            if rule.kind is FindingKind.FINDING and rule.predicate in PREDICATE_INPUTS:
                missing.setdefault(PREDICATE_INPUTS[rule.predicate], rule)
            continue
        if not result.holds:
            continue
        fam = _family(rule)
        if fam not in kept:
            order.append(fam)
            kept[fam] = (rule, result)
        elif rule.caps_at is not None and level_rank(rule.caps_at) < level_rank(kept[fam][0].caps_at or level):
            kept[fam] = (rule, result)
    out = []
    for fam in order:
        rule, result = kept[fam]
        out.append(Finding(rule=rule.id, kind=rule.kind, article=rule.article,
                           message=_message(rule, result, level),
                           caps_at=rule.caps_at.value if rule.kind is FindingKind.FINDING and rule.caps_at else ""))
    if report_missing:
        template = translate(QT_TRANSLATE_NOOP(
            "core", "Chưa nhập {input}: chương trình chưa kiểm tra được điều kiện này của mức {level}."))
        for label, rule in missing.items():
            out.append(Finding(rule=f"chua-nhap.{rule.predicate}", kind=FindingKind.WARNING, article=rule.article,
                               message=_fill(template, {"input": translate(label),
                                                        "level": translate(LEVEL_LABELS[level])})))
    out.sort(key=lambda f: f.kind is not FindingKind.FINDING)
    return out


def highest_allowed(rules: RuleSet, ctx: RatingContext) -> Level:
    """The lowest cap among the blocking rules that hold (unknown inputs cap nothing)."""
    best = Level.EXCELLENT
    all_rules = rules_of(rules)
    for rule in all_rules:
        if rule.kind is not FindingKind.FINDING or rule.caps_at is None or not applies(rule, ctx):
            continue
        if level_rank(rule.caps_at) >= level_rank(best):
            continue
        result = evaluate(rule, ctx, all_rules)
        if result is not None and result.holds:
            best = rule.caps_at
    return best


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.kind is FindingKind.FINDING]
