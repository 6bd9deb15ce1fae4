"""A small validator for the subset of JSON Schema (draft 2020-12) that our schemas use.

``jsonschema`` is not a dependency; our schemas keep to: type, enum, const, required,
properties, additionalProperties, propertyNames, items, minimum, maximum, minLength,
pattern, format ("date", "date-time"), anyOf, $ref to "#/$defs/…", and our own keyword
"x-vi": the Vietnamese message shown when a value fails the keywords beside it.

Errors name the path inside the document ("meeting.votes[3].levels.GOOD") and say in
Vietnamese what is wanted. Validation stops at the first error of each value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

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


def _is_type(value: Any, t: str) -> bool:
    if t == "null":
        return value is None
    if t == "boolean":
        return isinstance(value, bool)
    if t == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if t == "string":
        return isinstance(value, str)
    if t == "object":
        return isinstance(value, dict)
    if t == "array":
        return isinstance(value, list)
    raise ValueError(t)


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 40 else text[:37] + "…"


class Validator:
    def __init__(self, schema: dict):
        self.schema = schema

    def _resolve(self, ref: str) -> dict:
        if not ref.startswith("#/"):
            raise ValueError(f"unsupported $ref {ref}")
        node: Any = self.schema
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def errors(self, value: Any) -> list[SchemaError]:
        out: list[SchemaError] = []
        self._check(value, self.schema, "", out)
        return out

    # One error for the value itself (from its own keywords), then its children.
    def _own(self, value: Any, s: dict) -> str | None:
        """What is wrong with the value by the keywords of ``s`` that do not descend; None if fine."""
        if "$ref" in s:
            target = self._resolve(s["$ref"])
            problem = self._own(value, target)
            if problem is not None:
                return s.get("x-vi") or problem
        if "anyOf" in s:
            if not any(self._valid(value, sub) for sub in s["anyOf"]):
                return s.get("x-vi") or "không khớp dạng nào được phép"
        if "const" in s and value != s["const"]:
            return s.get("x-vi") or f"cần {_show(s['const'])}"
        if "enum" in s and not any(value == e and type(value) is type(e) for e in s["enum"]):
            allowed = ", ".join("null" if e is None else str(e) for e in s["enum"])
            return s.get("x-vi") or f"giá trị {_show(value)} không hợp lệ; cần một trong: {allowed}"
        if "type" in s:
            types = s["type"] if isinstance(s["type"], list) else [s["type"]]
            if not any(_is_type(value, t) for t in types):
                return s.get("x-vi") or "cần " + " hoặc ".join(_TYPE_NAMES[t] for t in types)
        if _is_type(value, "number"):
            if "minimum" in s and value < s["minimum"]:
                return s.get("x-vi") or f"cần số không nhỏ hơn {s['minimum']}"
            if "maximum" in s and value > s["maximum"]:
                return s.get("x-vi") or f"cần số không lớn hơn {s['maximum']}"
        if isinstance(value, str):
            if "minLength" in s and len(value) < s["minLength"]:
                return s.get("x-vi") or "không được để trống"
            if "pattern" in s and not re.search(s["pattern"], value):
                return s.get("x-vi") or f"giá trị {_show(value)} không đúng dạng"
            fmt = s.get("format")
            try:
                if fmt == "date":
                    if len(value) != 10:
                        raise ValueError
                    date.fromisoformat(value)
                elif fmt == "date-time":
                    datetime.fromisoformat(value)
            except ValueError:
                return s.get("x-vi") or f"giá trị {_show(value)} không phải ngày hợp lệ"
        return None

    def _valid(self, value: Any, s: dict) -> bool:
        out: list[SchemaError] = []
        self._check(value, s, "", out)
        return not out

    def _check(self, value: Any, s: dict, path: str, out: list[SchemaError]) -> None:
        problem = self._own(value, s)
        if problem is not None:
            out.append(SchemaError(path, problem))
            return
        if "$ref" in s:
            self._check(value, self._resolve(s["$ref"]), path, out)
        if isinstance(value, dict):
            for key in s.get("required", []):
                if key not in value:
                    out.append(SchemaError(join(path, key), "thiếu (trường bắt buộc)"))
            props = s.get("properties", {})
            names = s.get("propertyNames")
            extra = s.get("additionalProperties", True)
            for key, v in value.items():
                sub_path = join(path, key)
                name_problem = self._own(key, names) if names is not None else None
                if name_problem is not None:
                    out.append(SchemaError(sub_path, "tên trường không hợp lệ: " + name_problem))
                    continue
                if key in props:
                    self._check(v, props[key], sub_path, out)
                elif extra is False:
                    out.append(SchemaError(sub_path, "trường này không có trong định dạng"))
                elif isinstance(extra, dict):
                    self._check(v, extra, sub_path, out)
        if isinstance(value, list) and "items" in s:
            for i, v in enumerate(value):
                self._check(v, s["items"], join(path, i), out)
