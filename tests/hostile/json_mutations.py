"""Structure-aware mutations of a JSON document for Hypothesis: a valid document (a meeting, a
package manifest) is taken apart path by path and some of its values are replaced by hostile ones
(wrong types, NaN, 2^63, lone surrogates, deep nesting, control characters, look-alike text,
huge counts), keys are dropped or added, list items duplicated. Values that ``json.dumps`` cannot
write (NaN as a bare word, a lone surrogate, 5,000 brackets) are placed as raw text.

``fuzz_factor()``: KIEMDIEM_FUZZ (``make fuzz``) multiplies the number of examples, as in the
roster fuzzing; 1 without it, so ``make test`` stays fast."""
from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def fuzz_factor() -> int:
    try:
        return max(1, int(os.environ.get("KIEMDIEM_FUZZ", "1")))
    except ValueError:
        return 1


FACTOR = fuzz_factor()


def fuzz_settings(n: int):
    return settings(max_examples=n * FACTOR, deadline=None, derandomize=FACTOR == 1,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])


RAW = {  # placeholder -> raw JSON text json.dumps cannot produce
    "@@NAN@@": "NaN", "@@INF@@": "Infinity", "@@NINF@@": "-Infinity", "@@BIG@@": "1e999",
    "@@I63@@": str(2 ** 63), "@@I64N@@": str(-(2 ** 64)), "@@DIGITS@@": "9" * 5000,
    "@@SURR@@": '"x\\ud800y"', "@@SURR2@@": '"\\udfff"', "@@DEEP@@": "[" * 5000 + "]" * 5000,
    "@@DEEPOBJ@@": '{"a":' * 3000 + "1" + "}" * 3000, "@@NUL@@": '"a\\u0000b"',
}
TEXTS = ["", " ", "\n  AAAA BBBB CCCC DDDD", "\x1b[2J\x1b[31m", "\u202e", "\u200b", "CB-VP\u200b", "ＣＢ-VP",
         "=HYPERLINK(\"http://x\")", "{}", "{0}", "{x}", "%s", "../../etc/passwd", "con.pdf", "A" * 5000,
         "Nguyễn Văn An", "N\u0303guyên", "𝕳", "\ufeff", "null", "0", "-1", "2025", "2025-02-30", "99:99",
         "00000000-0000-4000-8000-000000000001", "held", "locked", "EXCELLENT", "committee", "cell"]
NUMBERS = [0, -1, 1, 7, 999, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1.5, -0.0, 1e308, 30.000001, 70.5, 100]
SPECIAL = list(RAW)


def hostile_value() -> st.SearchStrategy:
    leaf = st.one_of(st.sampled_from(TEXTS), st.sampled_from(NUMBERS), st.sampled_from(SPECIAL),
                     st.booleans(), st.none(), st.text(max_size=12), st.integers(-5, 20))
    return st.recursive(leaf, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                      st.dictionaries(st.sampled_from(["id", "x", "name", ""]), inner,
                                                                      max_size=3)), max_leaves=6)


def paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path (tuple of keys and indexes) inside ``doc``, the root excluded."""
    out = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            out.append(prefix + (k,))
            out += paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out.append(prefix + (i,))
            out += paths(v, prefix + (i,))
    return out


def _parent(doc, path):
    node = doc
    for k in path[:-1]:
        node = node[k]
    return node


def apply(doc: Any, mutations: list[tuple[str, tuple, Any]]) -> Any:
    """``doc`` changed by each (kind, path, value): "set", "drop", "dup", "add"."""
    doc = json.loads(json.dumps(doc))
    for kind, path, value in mutations:
        try:
            parent = _parent(doc, path)
            key = path[-1]
            if kind == "set":
                parent[key] = value
            elif kind == "drop":
                del parent[key]
            elif kind == "dup" and isinstance(parent, list):
                parent.insert(key, json.loads(json.dumps(parent[key])))
            elif kind == "add" and isinstance(parent[key], dict):
                parent[key]["x-thêm"] = value
        except (KeyError, IndexError, TypeError):
            continue                               # an earlier mutation removed the path
    return doc


@st.composite
def mutated(draw, doc: Any, *, max_mutations: int = 4):
    """(the mutations, the JSON text) of ``doc`` with 1..max_mutations structure-aware changes."""
    all_paths = paths(doc)
    muts = draw(st.lists(st.tuples(st.sampled_from(["set", "set", "set", "drop", "dup", "add"]),
                                   st.sampled_from(all_paths), hostile_value()), min_size=1, max_size=max_mutations))
    return muts, to_text(apply(doc, muts))


def to_text(doc: Any) -> str:
    text = json.dumps(doc, ensure_ascii=False)
    for placeholder, raw in RAW.items():
        text = text.replace(json.dumps(placeholder), raw)
    return text


def classify(muts) -> str:
    """A short name of the class of input, for the counts in the report."""
    vals = [m[2] for m in muts]
    flat = json.dumps(vals, ensure_ascii=False)
    if any(p in flat for p in ("@@DEEP", "@@SURR", "@@NAN", "@@INF", "@@NINF", "@@BIG", "@@I6", "@@DIGITS", "@@NUL")):
        return "unreadable values (NaN, 2^63, surrogates, deep nesting)"
    if any(m[0] in ("drop", "add", "dup") for m in muts):
        return "structure (keys dropped/added, items duplicated)"
    return "wrong types and ranges"
