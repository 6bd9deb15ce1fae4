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


class Validator:
    def __init__(self, schema: dict):
        Draft202012Validator.check_schema(schema)
        self.schema = schema
        self._v = Draft202012Validator(schema, format_checker=_formats)

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
