"""JSON Schema (draft 2020-12) validation with `jsonschema`, its errors said in Vietnamese.

Our schemas carry one keyword of their own, "x-vi": the Vietnamese message shown when a value
fails the keywords beside it. Otherwise the message is made from the failing keyword. Errors name the path inside the document ("meeting.votes[3].levels.GOOD");
one error per value (the first found), in document order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterable

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": "chuỗi ký tự", "integer": "số nguyên", "number": "số", "boolean": "true hoặc false",
    "object": "đối tượng {…}", "array": "danh sách […]", "null": "null",
}


@dataclass(frozen=True)
class SchemaError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(tài liệu)'}: {self.message}"


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _path(parts: Iterable[str | int]) -> str:
    out = ""
    for p in parts:
        out = join(out, p)
    return out


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 40 else text[:37] + "…"


_formats = FormatChecker(formats=())


@_formats.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    if isinstance(value, str):
        if len(value) != 10:
            raise ValueError(value)
        date.fromisoformat(value)
    return True


@_formats.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if isinstance(value, str):
        datetime.fromisoformat(value)
    return True


# -- a fast acceptance check --------------------------------------------------------------------
# jsonschema walks a document through its reference resolver and a new validator object per value
# (about 37 ms for a 40-member meeting, the most of opening a package). Our schemas use a handful
# of keywords: they are compiled once into plain functions that answer only "valid for sure". A
# document they accept has no error under jsonschema; anything else (a document with an error, a
# value they are unsure of) goes through jsonschema, which alone finds and words the errors. A
# schema with a keyword not handled here is not compiled at all: jsonschema always runs.
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples",
                          "x-vi", "deprecated", "readOnly", "writeOnly"})
_PY_TYPES = {"string": lambda v: isinstance(v, str), "object": lambda v: isinstance(v, dict),
             "array": lambda v: isinstance(v, list), "null": lambda v: v is None,
             "boolean": lambda v: isinstance(v, bool),
             "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
             "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)}


_KINDS = {"string": (str,), "object": (dict,), "array": (list,), "null": (type(None),), "boolean": (bool,),
          "integer": (int,), "number": (int, float)}


class _Unsupported(Exception):
    pass


def _same(a: Any, b: Any) -> bool:
    """Strictly equal scalars (True is not 1, 1.0 is not 1: jsonschema may accept what this refuses)."""
    return type(a) is type(b) and a == b and isinstance(a, (str, int, float, bool, type(None)))


def _compile(schema: Any, root: dict, cache: dict[int, Any]) -> Any:
    """A function value -> True when ``value`` surely passes ``schema``."""
    if schema is True:
        return lambda v: True
    if schema is False:
        return lambda v: False
    if not isinstance(schema, dict):
        raise _Unsupported(repr(schema)[:40])
    if id(schema) in cache:
        return cache[id(schema)]
    slot: list = []
    cache[id(schema)] = lambda v: slot[0](v)     # a schema that refers back to itself
    checks: list = []
    for kw, want in schema.items():
        if kw in _ANNOTATIONS:
            continue
        if kw == "type":
            names = want if isinstance(want, list) else [want]
            kinds = tuple({k for t in names for k in _KINDS[t]})
            if ("integer" in names or "number" in names) and "boolean" not in names:
                checks.append(lambda v, kinds=kinds: isinstance(v, kinds) and v.__class__ is not bool)
            else:
                checks.append(lambda v, kinds=kinds: isinstance(v, kinds))
        elif kw == "enum":
            pairs = frozenset((w.__class__, w) for w in want if isinstance(w, (str, int, float, bool, type(None))))

            def enum(v: Any, pairs: frozenset = pairs) -> bool:
                try:
                    return (v.__class__, v) in pairs      # the type too: True is not 1, 1.0 is not 1
                except TypeError:                         # a list or an object: jsonschema decides
                    return False
            checks.append(enum)
        elif kw == "const":
            checks.append(lambda v, want=want: _same(v, want))
        elif kw in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            op = {"minimum": lambda v, w: v >= w, "maximum": lambda v, w: v <= w,
                  "exclusiveMinimum": lambda v, w: v > w, "exclusiveMaximum": lambda v, w: v < w}[kw]
            checks.append(lambda v, w=want, op=op: not _PY_TYPES["number"](v) or op(v, w))
        elif kw in ("minLength", "maxLength"):
            checks.append((lambda v, n=want: not isinstance(v, str) or len(v) >= n) if kw == "minLength"
                          else (lambda v, n=want: not isinstance(v, str) or len(v) <= n))
        elif kw in ("minItems", "maxItems"):
            checks.append((lambda v, n=want: not isinstance(v, list) or len(v) >= n) if kw == "minItems"
                          else (lambda v, n=want: not isinstance(v, list) or len(v) <= n))
        elif kw == "pattern":
            rx = re.compile(want)
            checks.append(lambda v, rx=rx: not isinstance(v, str) or rx.search(v) is not None)
        elif kw == "format":
            checks.append(lambda v, f=want: _formats.conforms(v, f))
        elif kw == "required":
            def required(v: Any, keys: tuple = tuple(want)) -> bool:
                if isinstance(v, dict):
                    for k in keys:
                        if k not in v:
                            return False
                return True
            checks.append(required)
        elif kw == "properties":
            def properties(v: Any, props: dict = {k: _compile(sub, root, cache) for k, sub in want.items()}) -> bool:
                if isinstance(v, dict):
                    for k, x in v.items():
                        c = props.get(k)
                        if c is not None and not c(x):
                            return False
                return True
            checks.append(properties)
        elif kw == "patternProperties":
            pats = [(re.compile(p), _compile(sub, root, cache)) for p, sub in want.items()]
            checks.append(lambda v, pats=pats: not isinstance(v, dict)
                          or all(check(x) for k, x in v.items() for rx, check in pats if rx.search(k)))
        elif kw == "additionalProperties":
            known = frozenset(schema.get("properties", {}))
            pats = [re.compile(p) for p in schema.get("patternProperties", {})]
            if want is False and not pats:
                checks.append(lambda v, known=known: not isinstance(v, dict) or known.issuperset(v))
            else:
                extra = _compile(want, root, cache)
                checks.append(lambda v, known=known, pats=pats, extra=extra: not isinstance(v, dict) or all(
                    extra(x) for k, x in v.items() if k not in known and not any(rx.search(k) for rx in pats)))
        elif kw == "propertyNames":
            names = _compile(want, root, cache)
            checks.append(lambda v, names=names: not isinstance(v, dict) or all(names(k) for k in v))
        elif kw == "items":
            if "prefixItems" in schema:
                raise _Unsupported("prefixItems")
            def items(v: Any, item: Any = _compile(want, root, cache)) -> bool:
                if isinstance(v, list):
                    for x in v:
                        if not item(x):
                            return False
                return True
            checks.append(items)
        elif kw in ("anyOf", "allOf", "oneOf"):
            subs = [_compile(sub, root, cache) for sub in want]
            if kw == "anyOf":
                checks.append(lambda v, subs=subs: any(f(v) for f in subs))
            elif kw == "allOf":
                checks.append(lambda v, subs=subs: all(f(v) for f in subs))
            else:
                checks.append(lambda v, subs=subs: sum(1 for f in subs if f(v)) == 1)
        elif kw == "$ref":
            if not isinstance(want, str) or not want.startswith("#/"):
                raise _Unsupported(want)
            target: Any = root
            for part in want[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            checks.append(_compile(target, root, cache))
        else:
            raise _Unsupported(kw)
    checks = tuple(checks)

    def check(v: Any) -> bool:
        for c in checks:
            if not c(v):
                return False
        return True

    if len(checks) == 1:
        check = checks[0]
    slot.append(check)
    cache[id(schema)] = check
    return check


def compile_acceptance(schema: dict) -> Any:
    """The schema's fast acceptance check, or None when it uses a keyword not handled here."""
    try:
        return _compile(schema, schema, {})
    except (_Unsupported, KeyError, TypeError, re.error):
        return None


class Validator:
    def __init__(self, schema: dict):
        Draft202012Validator.check_schema(schema)
        self.schema = schema
        self._v = Draft202012Validator(schema, format_checker=_formats)
        self._surely_valid = compile_acceptance(schema)

    @staticmethod
    def _x_vi(e: ValidationError) -> str | None:
        """The "x-vi" beside the failing keyword (jsonschema hands us the sub-schema holding it,
        a ``$ref`` already followed)."""
        return e.schema.get("x-vi") if isinstance(e.schema, dict) else None

    def _message(self, e: ValidationError) -> str:
        kw, want, value = e.validator, e.validator_value, e.instance
        if kw == "const":
            return f"cần {_show(want)}"
        if kw == "enum":
            allowed = ", ".join("null" if x is None else str(x) for x in want)
            return f"giá trị {_show(value)} không hợp lệ; cần một trong: {allowed}"
        if kw == "type":
            types = want if isinstance(want, list) else [want]
            return "cần " + " hoặc ".join(_TYPE_NAMES[t] for t in types)
        if kw in ("minimum", "exclusiveMinimum"):
            return f"cần số không nhỏ hơn {want}"
        if kw in ("maximum", "exclusiveMaximum"):
            return f"cần số không lớn hơn {want}"
        if kw == "minLength":
            return "không được để trống"
        if kw == "maxLength":
            return f"dài quá {want} ký tự"
        if kw == "pattern":
            return f"giá trị {_show(value)} không đúng dạng"
        if kw == "format":
            return f"giá trị {_show(value)} không phải ngày hợp lệ"
        if kw in ("anyOf", "oneOf"):
            return "không khớp dạng nào được phép"
        if kw == "minItems":
            return f"cần ít nhất {want} mục"
        if kw == "maxItems":
            return f"nhiều nhất {want} mục"
        return "không đúng định dạng"

    def _errors_of(self, e: ValidationError) -> list[SchemaError]:
        here = _path(e.absolute_path)
        if e.validator == "required":
            return [SchemaError(join(here, k), "thiếu (trường bắt buộc)")
                    for k in e.validator_value if isinstance(e.instance, dict) and k not in e.instance]
        if e.validator == "additionalProperties" and e.validator_value is False:
            props = e.schema.get("properties", {})
            patterns = e.schema.get("patternProperties", {})
            return [SchemaError(join(here, k), "trường này không có trong định dạng")
                    for k in e.instance if k not in props and not any(re.search(p, k) for p in patterns)]
        if "propertyNames" in e.absolute_schema_path:
            return [SchemaError(join(here, e.instance),
                                "tên trường không hợp lệ: " + (self._x_vi(e) or self._message(e)))]
        return [SchemaError(here, self._x_vi(e) or self._message(e))]

    def errors(self, value: Any) -> list[SchemaError]:
        if self._surely_valid is not None:
            try:
                if self._surely_valid(value):
                    return []
            except RecursionError:
                pass                      # a document nested past the fast check: jsonschema decides
        out: list[SchemaError] = []
        seen: set[str] = set()
        for e in sorted(self._v.iter_errors(value), key=lambda e: [str(p) for p in e.absolute_path]):
            for err in self._errors_of(e):
                # One error per value: the first said; a value under an already-refused one is not said again.
                if err.path in seen or any(err.path.startswith(p + s) for p in seen if p for s in ".["):
                    continue
                seen.add(err.path)
                out.append(err)
        return out
