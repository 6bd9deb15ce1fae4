"""The rule-set files: valid against resources/schemas/ruleset.schema.json, every rule names an
existing predicate with parameters it takes, an article, and a message whose placeholders
the predicate fills (DOMAIN.md §1: rules are data parameterising named, tested predicates)."""
from __future__ import annotations

import inspect
import json
import string
import unicodedata
from pathlib import Path

import pytest

from kiemdiem_desktop.io.json_schema import Validator
from kiemdiem_desktop.model import Level, PeriodKind
from kiemdiem_desktop.model.member import DisciplineForm
from kiemdiem_desktop.rules.findings import rules_of
from kiemdiem_desktop.rules.predicates import COLLECTIVE_FLAGS, FACT_FLAGS, GRADE_ORDER, PREDICATES
from kiemdiem_desktop.rules.ruleset import all_rule_sets
from tests.helpers import ROOT

SCHEMA = json.loads((ROOT / "resources" / "schemas" / "ruleset.schema.json").read_text(encoding="utf-8"))
FILES = sorted((ROOT / "resources" / "rulesets").glob("*.json"))


def validate(value, schema, root=None) -> list[str]:
    """Errors as "path: what" (the program's jsonschema-based validator), empty when valid."""
    defs = (root or {}).get("$defs", {})
    return [str(e) for e in Validator({**({"$defs": defs} if defs else {}), **schema}).errors(value)]


def test_the_validator_catches_what_it_should():
    rule = {"$ref": "#/$defs/rule"}
    good = {"id": "366.x.y", "applies_to": "member", "kind": "finding", "caps_at": "GOOD", "predicate": "score_below",
            "params": {"points": 90}, "article": "Điều 11", "verified": True, "message": "m"}
    assert validate(good, rule, SCHEMA) == []
    assert validate({**good, "article": ""}, rule, SCHEMA) == ["article: không được để trống"]
    assert any(e.startswith("caps_at:") for e in validate({**good, "caps_at": "BEST"}, rule, SCHEMA))
    assert "expr: trường này không có trong định dạng" in validate({**good, "expr": "score < 90"}, rule, SCHEMA)
    assert "article: thiếu (trường bắt buộc)" in validate({k: v for k, v in good.items() if k != "article"}, rule, SCHEMA)
    assert validate(True, {"type": "integer"}) != []          # JSON true is not an integer
    assert validate(1, {"enum": [True]}) != []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_rule_set_file_matches_the_schema(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert validate(data, SCHEMA) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_texts_are_nfc(path: Path):
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


# ---- the rules against the predicate registry ------------------------------------------------

RULE_SETS = list(all_rule_sets())
FIGURES = {   # what each predicate puts in its figures, besides its own parameters
    "score_below": {"score"}, "tasks_on_time_below": {"on_time"}, "tasks_exceeded_below": {"exceeded"},
    "tasks_late_above": {"late"}, "tasks_not_done_above": {"not_done"}, "previous_shortcomings_not_fixed": set(),
    "flag": set(), "disciplined_in_year": {"form", "date", "count"}, "discipline_unclassified": {"form", "date", "count"},
    "collective_member_disciplined": {"name", "form", "date", "count"}, "unit_completion_below": {"unit"},
    "units_not_completed_above": {"units"}, "low_confidence_above": {"low"},
    "grade_below": {"criterion", "grade", "required"}, "any_grade_is": {"criterion"}, "on_leave": {"leave"},
    "probationary": set(), "always": set(), "long_leave_in_year": {"leave", "months"},
    "probation_overdue": {"admitted", "due", "months"}, "category_unknown": {"name"},
    "discipline_self_remedied": {"form", "date", "count", "detail"},
}


def test_every_predicate_has_its_figures_listed_here():
    assert set(FIGURES) == set(PREDICATES)


@pytest.mark.parametrize("rules", RULE_SETS, ids=lambda r: r.id)
def test_every_rule_names_a_predicate_it_can_call(rules):
    ids = [r.id for r in rules_of(rules)]
    assert len(ids) == len(set(ids)), "rule ids are unique"
    prefix = rules.regulation_code.split("-")[0] + "."
    for rule in rules_of(rules):
        assert rule.id.startswith(prefix), rule.id
        assert rule.predicate in PREDICATES, f"{rule.id}: no predicate {rule.predicate!r}"
        sig = inspect.signature(PREDICATES[rule.predicate])
        accepted = set(list(sig.parameters)[1:]) - {"covering"}
        assert set(rule.params) <= accepted, f"{rule.id}: {set(rule.params) - accepted}"
        required = {n for n, p in list(sig.parameters.items())[1:] if p.default is inspect.Parameter.empty}
        assert required <= set(rule.params), f"{rule.id}: missing {required - set(rule.params)}"
        assert rule.article.strip(), f"{rule.id}: no article"
        assert rule.article.startswith(("Quy định", "Hướng dẫn", "Điều lệ")), rule.article
        if rule.kind.value == "finding":
            assert rule.caps_at is not None, f"{rule.id}: a blocking rule caps the level"
            assert rule.caps_at is not Level.EXCELLENT, f"{rule.id}: capping at the top caps nothing"
        # every placeholder of the message is filled
        names = {f for _, f, _, _ in string.Formatter().parse(rule.message) if f}
        known = set(rule.params) | FIGURES[rule.predicate] | {"level", "cap"}
        assert names <= known, f"{rule.id}: {names - known}"
        # parameter values the predicates understand
        p = rule.params
        if rule.predicate == "flag":
            assert p["name"] in FACT_FLAGS + COLLECTIVE_FLAGS
            assert (p["name"] in COLLECTIVE_FLAGS) == (rule.applies_to in ("collective", "committee"))
        if "min_form" in p:
            DisciplineForm(p["min_form"])
        if "grade" in p:
            assert p["grade"] in GRADE_ORDER
        if p.get("criterion", "*") != "*":
            assert p["criterion"] in rules.data["scoring"]["criteria"]
        if "kinds" in p:
            [PeriodKind(k) for k in p["kinds"]]


@pytest.mark.parametrize("rules", RULE_SETS, ids=lambda r: r.id)
def test_the_sources_note_says_what_was_not_checked(rules):
    """Uncertainty lives in the data ("verified", "note"), never in a printed article."""
    for r in rules.data["rules"]:
        assert "chưa đối chiếu" not in r["article"] and "chưa" not in r["article"], r["id"]
        assert isinstance(r["verified"], bool), r["id"]
        if not r["verified"]:
            assert r.get("note"), f"{r['id']}: an unverified article says what is not confirmed"
    assert "chưa đối chiếu" not in rules.data["quota"]["article"] and rules.data["quota"]["verified"] is False
    assert "verified" in rules.sources
    if rules.id == "qd124-hd25":
        assert "nguồn thứ cấp" in rules.sources
        assert not any(r["verified"] for r in rules.data["rules"] if r["article"].startswith("Quy định"))


def test_the_score_bands_of_366_are_90_70_50():
    rules = next(r for r in RULE_SETS if r.id == "qd366-hd43")
    bands = {(r.applies_to, r.caps_at, r.params["points"]) for r in rules_of(rules) if r.predicate == "score_below"}
    for who in ("member", "collective"):
        assert {(who, Level.GOOD, 90), (who, Level.COMPLETED, 70), (who, Level.NOT_COMPLETED, 50)} <= bands
