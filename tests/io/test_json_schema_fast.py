"""The fast acceptance check of the meeting schema (io/json_schema.py) never accepts what jsonschema
refuses, and a document's errors are exactly jsonschema's: the same documents refused with the
same messages; only a valid document skips jsonschema's slow walk."""
from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from kiemdiem_desktop.io.json_schema import Validator, compile_acceptance
from kiemdiem_desktop.io.meeting_json import _validator, dumps, export_meeting
from kiemdiem_desktop.services.demo import create_demo
from tests.hostile.json_mutations import apply, fuzz_settings, hostile_value, paths
from tests.io.meeting_doc import hand_document

SCHEMA = _validator().schema


def _slow() -> Validator:
    v = Validator(SCHEMA)
    v._surely_valid = None            # jsonschema alone, as before the fast check
    return v


SLOW = _slow()
FAST = compile_acceptance(SCHEMA)


def _jsonschema_errors(doc) -> list[str]:
    return [e.message for e in SLOW._v.iter_errors(doc)]


def test_the_meeting_schema_compiles_and_accepts_real_meetings(tmp_path):
    assert FAST is not None
    assert FAST(hand_document())
    cf = create_demo(tmp_path / "mau.kiemdiem", members=12, finished=True)
    try:
        doc = json.loads(dumps(export_meeting(cf, cf.meetings()[0].id)))
    finally:
        cf.close(backup=False)
    assert _jsonschema_errors(doc) == []
    assert FAST(doc)


TRICKY = [
    ("version", True), ("version", 2.0), ("version", "2"), ("format", "kiemdiem-meeting "),
    ("members", {}), ("cell", []), ("meeting", None),
]


def test_values_jsonschema_reads_loosely_still_go_through_jsonschema():
    for key, value in TRICKY:
        doc = hand_document()
        doc[key] = value
        fast = FAST(doc)
        assert not fast or _jsonschema_errors(doc) == [], (key, value)
        assert _validator().errors(doc) == SLOW.errors(doc), (key, value)
    doc = hand_document()
    doc["version"] = 2.0            # jsonschema: 2.0 equals 2; the fast check is unsure, jsonschema accepts
    assert not FAST(doc) and _validator().errors(doc) == []


def test_unknown_keywords_leave_the_schema_to_jsonschema():
    assert compile_acceptance({"type": "object", "unevaluatedProperties": False}) is None
    assert compile_acceptance({"$ref": "https://elsewhere/schema.json"}) is None
    assert Validator({"type": "object", "not": {"required": ["a"]}})._surely_valid is None


@st.composite
def _changed(draw):
    doc = hand_document()
    all_paths = paths(doc)
    muts = draw(st.lists(st.tuples(st.sampled_from(["set", "set", "set", "drop", "dup", "add"]),
                                   st.sampled_from(all_paths), hostile_value()), min_size=1, max_size=3))
    return apply(doc, muts)


def test_fuzz_the_fast_check_accepts_only_what_jsonschema_accepts_and_errors_are_unchanged():
    accepted = []

    @fuzz_settings(300)
    @given(doc=_changed())
    def run(doc):
        if FAST(doc):
            accepted.append(1)
            assert _jsonschema_errors(doc) == [], doc
        assert _validator().errors(doc) == SLOW.errors(doc)
    run()
    assert accepted                     # some changes keep the document valid: the fast path was taken


def test_fuzz_safe_json_quick_walk_agrees_with_the_full_walk():
    from kiemdiem_desktop.io import safe_json
    from tests.hostile.json_mutations import mutated

    def full(value):
        return safe_json._problems(value, long_strings=frozenset({"data_base64"}), max_depth=safe_json.MAX_DEPTH,
                                   max_string=safe_json.MAX_STRING, limit=20)

    seen = {True: 0, False: 0}

    @fuzz_settings(300)
    @given(data=mutated(hand_document()))
    def run(data):
        _muts, text = data
        try:
            value = json.loads(text, parse_constant=safe_json._constant, parse_float=safe_json._float,
                               parse_int=safe_json._int)
        except (RecursionError, ValueError):
            return
        clean = safe_json._surely_clean(value, frozenset({"data_base64"}), safe_json.MAX_DEPTH, safe_json.MAX_STRING)
        assert clean == (full(value) == []), text[:300]
        seen[clean] += 1
    run()
    assert seen[True] and seen[False]
