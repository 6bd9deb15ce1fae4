"""Named predicates that the rule-set files parameterise (DOMAIN.md §1).

A rule in a rule-set file names one of these and gives its parameters; there is no
expression language in the data. A predicate answers for one context:

* ``PredicateResult(holds, figures)``: whether the condition holds, with the figures the
  rule's message quotes (``{"score": 87.5, "points": 90}``);
* ``None``: unknown — the input it reads was not entered. No finding comes from it.

A new regulation is a new data file; a new predicate is needed only for a new kind of
condition. Every predicate is tested on its own (tests/rules/test_findings.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Mapping, Sequence

from ..i18n import QT_TRANSLATE_NOOP
from ..model import Category, Member, PeriodKind
from ..model.category import add_months
from ..model.member import DISCIPLINE_LABELS, PERIOD_LABELS, DisciplineForm, DisciplineRecord
from ..vn.dates import format_date
from .context import RatingContext
from .leave import long_leaves


@dataclass(frozen=True)
class PredicateResult:
    holds: bool
    figures: dict[str, Any] = field(default_factory=dict)


Predicate = Callable[..., "PredicateResult | None"]

PREDICATES: dict[str, Predicate] = {}
# What the user has to enter for the predicate to be known (for the "chưa nhập" warning).
PREDICATE_INPUTS: dict[str, str] = {}


def _register(name: str, needs: str = ""):
    def deco(fn: Predicate) -> Predicate:
        PREDICATES[name] = fn
        if needs:
            PREDICATE_INPUTS[name] = needs
        return fn
    return deco


@dataclass
class CollectiveContext(RatingContext):
    """A collective rated by the cell: the cell itself ("collective") or its committee.

    ``member`` is a stand-in carrying the collective's name; ``facts`` are the collective's
    own figures (its tasks, the share of planned tasks its unit completed).
    ``members`` are the members of the leadership collective whose discipline counts.
    The three flags are the competent level's conclusions; None = not entered. They are read
    from the collective's facts (RatingFacts of the subject "committee" / "cell"), and a
    member of the leadership collective whose own facts say "degradation concluded" makes
    ``member_degradation_concluded`` true.
    """

    subject: str = "collective"                      # "collective" (the cell) or "committee"
    members: tuple[Member, ...] = ()
    personnel_wrongdoing: bool | None = None          # sai phạm trong công tác cán bộ
    disunity: bool | None = None                      # mất đoàn kết, cục bộ, bè phái
    member_degradation_concluded: bool | None = None  # thành viên bị kết luận suy thoái


# Flags a rule may name: RatingFacts booleans, and the collectives' conclusions.
FACT_FLAGS = ("degradation_concluded", "prohibitions_breached", "example_duty_breached",
              "corruption_in_remit", "admitted_and_remedied")
COLLECTIVE_FLAGS = ("personnel_wrongdoing", "disunity", "member_degradation_concluded")

FORM_ORDER = (DisciplineForm.REPRIMAND, DisciplineForm.WARNING, DisciplineForm.DISMISSAL,
              DisciplineForm.EXPULSION)
GRADE_ORDER = ("Kém", "Trung bình", "Tốt", "Xuất sắc")     # Quy định 124, lowest first


def _pct_below(value: float | None, pct: float, key: str) -> PredicateResult | None:
    if value is None:
        return None
    return PredicateResult(value < pct, {key: value, "pct": pct})


def _pct_above(value: float | None, pct: float, key: str) -> PredicateResult | None:
    if value is None:
        return None
    return PredicateResult(value > pct, {key: value, "pct": pct})


# ---- scores and tasks (Quy định 366) ---------------------------------------------------

@_register("score_below", QT_TRANSLATE_NOOP("core", "tổng điểm"))
def score_below(ctx: RatingContext, points: float) -> PredicateResult | None:
    total = ctx.total_score
    if total is None:
        return None
    return PredicateResult(total < points, {"score": total, "points": points})


@_register("tasks_on_time_below", QT_TRANSLATE_NOOP("core", "tỷ lệ nhiệm vụ hoàn thành đúng hạn"))
def tasks_on_time_below(ctx: RatingContext, pct: float) -> PredicateResult | None:
    return _pct_below(ctx.facts.tasks_on_time_pct, pct, "on_time")


@_register("tasks_exceeded_below", QT_TRANSLATE_NOOP("core", "tỷ lệ nhiệm vụ hoàn thành vượt mức"))
def tasks_exceeded_below(ctx: RatingContext, pct: float) -> PredicateResult | None:
    return _pct_below(ctx.facts.tasks_exceeded_pct, pct, "exceeded")


@_register("tasks_late_above", QT_TRANSLATE_NOOP("core", "tỷ lệ nhiệm vụ chậm tiến độ"))
def tasks_late_above(ctx: RatingContext, pct: float) -> PredicateResult | None:
    return _pct_above(ctx.facts.tasks_late_pct, pct, "late")


@_register("tasks_not_done_above", QT_TRANSLATE_NOOP("core", "tỷ lệ nhiệm vụ chưa hoàn thành"))
def tasks_not_done_above(ctx: RatingContext, pct: float) -> PredicateResult | None:
    return _pct_above(ctx.facts.tasks_not_done_pct, pct, "not_done")


@_register("previous_shortcomings_not_fixed",
           QT_TRANSLATE_NOOP("core", "kết quả khắc phục hạn chế đã chỉ ra kỳ trước"))
def previous_shortcomings_not_fixed(ctx: RatingContext) -> PredicateResult | None:
    fixed = ctx.facts.previous_shortcomings_fixed
    if fixed is None:
        return None
    return PredicateResult(not fixed)


# ---- conclusions and breaches ------------------------------------------------------------

@_register("flag")
def flag(ctx: RatingContext, name: str) -> PredicateResult | None:
    """A yes/no fact: RatingFacts' booleans, or a collective's conclusions (None = not entered)."""
    if name in FACT_FLAGS:
        value = getattr(ctx.facts, name)
    elif name in COLLECTIVE_FLAGS:
        value = getattr(ctx, name, None)
        if value is None:
            value = getattr(ctx.facts, name, None)
    else:
        raise ValueError(f"unknown flag {name!r}")
    if value is None:
        return None
    return PredicateResult(bool(value))


# ---- discipline ----------------------------------------------------------------------------

def _form(value: str | DisciplineForm) -> DisciplineForm:
    return value if isinstance(value, DisciplineForm) else DisciplineForm(value)


def _matches(rec: DisciplineRecord, year: int, min_form: str, duty_linked: bool | None,
             unless_self_remedied: bool, exclude_previous_unit: bool,
             exclude_earlier_violation: bool) -> bool:
    if FORM_ORDER.index(_form(rec.form)) < FORM_ORDER.index(_form(min_form)):
        return False
    if duty_linked is not None and rec.duty_linked != duty_linked:
        return False
    if unless_self_remedied and rec.self_detected_remedied:
        return False
    if exclude_previous_unit and rec.previous_unit:
        return False
    if exclude_earlier_violation and rec.violation_date is not None and rec.violation_date.year < year:
        return False
    return True


def _discipline_figures(records: Sequence[DisciplineRecord]) -> dict[str, Any]:
    worst = max(records, key=lambda r: (FORM_ORDER.index(_form(r.form)), r.decision_date))
    return {"form": DISCIPLINE_LABELS[_form(worst.form)].lower(), "date": format_date(worst.decision_date),
            "count": len(records)}


@_register("disciplined_in_year")
def disciplined_in_year(ctx: RatingContext, min_form: str = "khien_trach", duty_linked: bool | None = None,
                        unless_self_remedied: bool = False, exclude_previous_unit: bool = False,
                        exclude_earlier_violation: bool = False) -> PredicateResult:
    """Discipline decided in the rating year at ``min_form`` or heavier, filtered as the rule says."""
    hits = [r for r in ctx.discipline_in_year()
            if _matches(r, ctx.rating_year, min_form, duty_linked, unless_self_remedied,
                        exclude_previous_unit, exclude_earlier_violation)]
    return PredicateResult(bool(hits), _discipline_figures(hits) if hits else {})


@_register("discipline_unclassified")
def discipline_unclassified(ctx: RatingContext, covering: Sequence[Mapping[str, Any]] = ()) -> PredicateResult:
    """Discipline in the year that none of the ``covering`` disciplined_in_year parameter sets
    catches (findings.py passes those of the rule set's blocking discipline rules)."""
    left = [r for r in ctx.discipline_in_year()
            if not any(_matches(r, ctx.rating_year, **_discipline_params(p)) for p in covering)]
    return PredicateResult(bool(left), _discipline_figures(left) if left else {})


def _discipline_params(p: Mapping[str, Any]) -> dict[str, Any]:
    return {"min_form": p.get("min_form", "khien_trach"), "duty_linked": p.get("duty_linked"),
            "unless_self_remedied": p.get("unless_self_remedied", False),
            "exclude_previous_unit": p.get("exclude_previous_unit", False),
            "exclude_earlier_violation": p.get("exclude_earlier_violation", False)}


@_register("collective_member_disciplined", QT_TRANSLATE_NOOP("core", "thành viên của tập thể lãnh đạo"))
def collective_member_disciplined(ctx: RatingContext, min_form: str = "khien_trach",
                                  duty_linked: bool | None = None) -> PredicateResult | None:
    """A member of the leadership collective disciplined in the rating year (collectives only)."""
    if not isinstance(ctx, CollectiveContext):
        return None
    hits = []
    for m in ctx.members:
        for r in m.discipline:
            if r.decision_date.year == ctx.rating_year and _matches(
                    r, ctx.rating_year, min_form, duty_linked, False, False, False):
                hits.append((m, r))
    if not hits:
        return PredicateResult(False)
    m, r = max(hits, key=lambda h: FORM_ORDER.index(_form(h[1].form)))
    return PredicateResult(True, {"name": m.full_name, "form": DISCIPLINE_LABELS[_form(r.form)].lower(),
                                  "date": format_date(r.decision_date), "count": len(hits)})


@_register("discipline_self_remedied")
def discipline_self_remedied(ctx: RatingContext, min_form: str = "khien_trach",
                             duty_linked: bool | None = None) -> PredicateResult:
    """Discipline in the rating year whose record says "tự phát hiện và khắc phục xong hậu quả"
    (366: the competent level may weigh the case), or the fact "admitted and remedied"."""
    hits = [r for r in ctx.discipline_in_year() if r.self_detected_remedied
            and _matches(r, ctx.rating_year, min_form, duty_linked, False, False, False)]
    if hits:
        f = _discipline_figures(hits)
        return PredicateResult(True, {**f, "detail": f" (kỷ luật {f['form']}, quyết định ngày {f['date']})"})
    if ctx.facts.admitted_and_remedied:
        return PredicateResult(True, {"detail": ""})
    return PredicateResult(False)


# ---- leaders ---------------------------------------------------------------------------------

@_register("unit_completion_below", QT_TRANSLATE_NOOP("core", "tỷ lệ nhiệm vụ đơn vị hoàn thành"))
def unit_completion_below(ctx: RatingContext, pct: float) -> PredicateResult | None:
    return _pct_below(ctx.facts.unit_completion_pct, pct, "unit")


@_register("units_not_completed_above",
           QT_TRANSLATE_NOOP("core", "tỷ lệ đơn vị trực thuộc không hoàn thành nhiệm vụ"))
def units_not_completed_above(ctx: RatingContext, pct: float) -> PredicateResult | None:
    return _pct_above(ctx.facts.units_not_completed_pct, pct, "units")


@_register("low_confidence_above", QT_TRANSLATE_NOOP("core", "tỷ lệ phiếu tín nhiệm thấp"))
def low_confidence_above(ctx: RatingContext, pct: float) -> PredicateResult | None:
    if not ctx.facts.is_leader:
        return None
    return _pct_above(ctx.facts.low_confidence_pct, pct, "low")


# ---- criteria grades (Quy định 124) -----------------------------------------------------------

def _rank(grade: str) -> int | None:
    try:
        return GRADE_ORDER.index(grade)
    except ValueError:
        return None


@_register("grade_below", QT_TRANSLATE_NOOP("core", "mức đánh giá các tiêu chí"))
def grade_below(ctx: RatingContext, criterion: str, grade: str) -> PredicateResult | None:
    """A criterion graded below ``grade``; ``criterion`` "*" = any criterion entered."""
    bar = _rank(grade)
    if bar is None:
        raise ValueError(f"unknown grade {grade!r}")
    grades = ctx.grades
    names = list(grades) if criterion == "*" else [criterion]
    known = [(n, grades[n]) for n in names if _rank(grades.get(n, "")) is not None]
    if not known:
        return None
    for name, g in known:
        if _rank(g) < bar:
            return PredicateResult(True, {"criterion": name, "grade": g, "required": grade})
    return PredicateResult(False, {"required": grade})


@_register("any_grade_is", QT_TRANSLATE_NOOP("core", "mức đánh giá các tiêu chí"))
def any_grade_is(ctx: RatingContext, grade: str) -> PredicateResult | None:
    grades = {n: g for n, g in ctx.grades.items() if _rank(g) is not None}
    if not grades:
        return None
    for name, g in grades.items():
        if g == grade:
            return PredicateResult(True, {"criterion": name, "grade": g})
    return PredicateResult(False)


# ---- who is rated, and how --------------------------------------------------------------------

@_register("on_leave")
def on_leave(ctx: RatingContext, kinds: Sequence[str]) -> PredicateResult:
    wanted = {PeriodKind(k) for k in kinds}
    running = [k for k in ctx.leave if k in wanted]
    if not running:
        return PredicateResult(False)
    return PredicateResult(True, {"leave": ", ".join(PERIOD_LABELS[k].lower() for k in running)})


@_register("long_leave_in_year")
def long_leave_in_year(ctx: RatingContext, kinds: Sequence[str], months: int = 3) -> PredicateResult:
    """Sick or maternity leave of ``months`` or more anywhere in the rating year (DOMAIN.md §4),
    not only on the meeting day; the figures name each leave with its dates."""
    found = long_leaves(ctx.member, ctx.rating_year, months, tuple(PeriodKind(k) for k in kinds))
    if not found:
        return PredicateResult(False)
    return PredicateResult(True, {"leave": "; ".join(x.text for x in found), "months": months})


@_register("probation_overdue")
def probation_overdue(ctx: RatingContext, months: int = 12) -> PredicateResult | None:
    """A probationary member whose probation (``months`` from admission) has ended on the
    meeting day without an official date: the cell must consider recognising him."""
    m = ctx.member
    if ctx.category not in (Category.PROBATIONARY, Category.PROBATIONARY_RECENT) or m.admission_date is None:
        return PredicateResult(False)
    day = ctx.day or date(ctx.rating_year, 12, 31)
    due = add_months(m.admission_date, months)
    return PredicateResult(day >= due, {"admitted": format_date(m.admission_date), "due": format_date(due),
                                        "months": months})


@_register("category_unknown")
def category_unknown(ctx: RatingContext) -> PredicateResult:
    """No admission date (and no official date or declared type): the program cannot tell
    whether he is official, so he is left out of the base — said, never silent."""
    return PredicateResult(ctx.category == Category.UNKNOWN, {"name": ctx.member.full_name})


@_register("probationary")
def probationary(ctx: RatingContext) -> PredicateResult:
    return PredicateResult(ctx.category in (Category.PROBATIONARY, Category.PROBATIONARY_RECENT))


@_register("always")
def always(ctx: RatingContext) -> PredicateResult:
    """For a standing notice (e.g. criteria the program does not check under a rule set)."""
    return PredicateResult(True)
