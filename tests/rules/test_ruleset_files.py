"""The rule-set files: valid against resources/schemas/ruleset.schema.json, every rule names an
existing predicate with parameters it takes, an article, and a message whose placeholders
the predicate fills (DOMAIN.md §1: rules are data parameterising named, tested predicates)."""
from __future__ import annotations

import inspect
import json
import re
import string
import unicodedata
from pathlib import Path

import pytest

from kiemdiem_desktop.model import Level, PeriodKind
from kiemdiem_desktop.model.member import DisciplineForm
from kiemdiem_desktop.rules.findings import rules_of
from kiemdiem_desktop.rules.predicates import COLLECTIVE_FLAGS, FACT_FLAGS, GRADE_ORDER, PREDICATES
from kiemdiem_desktop.rules.ruleset import all_rule_sets
from tests.helpers import ROOT

SCHEMA = json.loads((ROOT / "resources" / "schemas" / "ruleset.schema.json").read_text(encoding="utf-8"))
FILES = sorted((ROOT / "resources" / "rulesets").glob("*.json"))


# ---- a small validator for the subset of JSON Schema the schema uses -----------------------

SUPPORTED = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required",
             "additionalProperties", "items", "minItems", "enum", "minLength", "minimum", "maximum", "pattern"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def validate(value, schema, root=None, path="$") -> list[str]:
    """Errors as "path: what", empty when valid. Unknown keywords are an error, not ignored."""
    root = schema if root is None else root
    unknown = set(schema) - SUPPORTED
    if unknown:
        return [f"{path}: schema uses unsupported keywords {sorted(unknown)}"]
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/"), ref
        target = root
        for part in ref[2:].split("/"):
            target = target[part]
        return validate(value, target, root, path)
    errors: list[str] = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[t](value) for t in types):
            return [f"{path}: expected {'/'.join(types)}, got {type(value).__name__}"]
    if "enum" in schema and not any(value == e and type(value) is type(e) for e in schema["enum"]):
        errors.append(f"{path}: {value!r} not one of {schema['enum']}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{path}: shorter than {schema['minLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if TYPES["number"](value):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{path}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{path}: {value} > {schema['maximum']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{path}: fewer than {schema['minItems']} items")
        if "items" in schema:
            for i, item in enumerate(value):
                errors += validate(item, schema["items"], root, f"{path}[{i}]")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{path}: missing {key!r}")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                errors += validate(item, props[key], root, f"{path}.{key}")
            elif extra is False:
                errors.append(f"{path}: unexpected key {key!r}")
            elif isinstance(extra, dict):
                errors += validate(item, extra, root, f"{path}.{key}")
    return errors


def test_the_validator_catches_what_it_should():
    rule = {"$ref": "#/$defs/rule"}
    good = {"id": "366.x.y", "applies_to": "member", "kind": "finding", "caps_at": "GOOD", "predicate": "score_below",
            "params": {"points": 90}, "article": "Điều 11", "verified": True, "message": "m"}
    assert validate(good, rule, SCHEMA) == []
    assert validate({**good, "article": ""}, rule, SCHEMA) == ["$.article: shorter than 1"]
    assert any("caps_at" in e for e in validate({**good, "caps_at": "BEST"}, rule, SCHEMA))
    assert any("unexpected key 'expr'" in e for e in validate({**good, "expr": "score < 90"}, rule, SCHEMA))
    assert any("missing 'article'" in e for e in validate({k: v for k, v in good.items() if k != "article"}, rule, SCHEMA))
    assert validate(True, {"type": "integer"}) != []          # JSON true is not an integer
    assert validate(1, {"enum": [True]}) != []
    with pytest.raises(AssertionError):
        validate(1, {"$ref": "other.json#/x"})
    assert "unsupported" in validate(1, {"oneOf": []})[0]


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
