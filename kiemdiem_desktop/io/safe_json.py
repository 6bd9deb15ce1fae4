"""JSON from files we did not write (a meeting document, a package's manifest), read within limits.

``json.loads`` alone lets through what later breaks far from the file: NaN and Infinity (stored
as NULL, after which the same file is refused), integers of any size (``OverflowError`` in
SQLite at 2^63; a ``ValueError`` past 4300 digits), lone surrogates such as "\\ud800" (a
``UnicodeEncodeError`` when the text is written or printed), nesting thousands deep
(``RecursionError``) and files of any size. :func:`loads` refuses each of these with the path
inside the document where it was found ("meeting.votes[2].yes: số quá lớn"), before anything
else looks at the data.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 64                  # our documents nest about 6 deep
MAX_INT = 2 ** 53               # exact in a double and in SQLite; every count and year is far below
MAX_STRING = 1 << 20            # 1 MiB of text in one value (base64 attachments excepted)
MAX_ITEMS = 200_000             # entries in one list or object


@dataclass(frozen=True)
class JsonProblem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(tài liệu)'}: {self.message}"


class JsonLimitError(ValueError):
    """The text is not JSON we accept; ``problems`` name where."""

    def __init__(self, problems: list[JsonProblem]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


class _Bad:
    """A value json.loads met that we refuse; kept in place so the walk can name its path."""

    def __init__(self, what: str):
        self.what = what


def _constant(name: str) -> _Bad:
    return _Bad(f"{name} không phải số hợp lệ")


def _float(text: str) -> Any:
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        return _Bad(f"số {text[:20]} vượt quá giới hạn")
    return value


def _int(text: str) -> Any:
    if len(text.lstrip("-")) > 16:
        return _Bad(f"số quá lớn ({len(text)} chữ số)")
    value = int(text)
    if abs(value) > MAX_INT:
        return _Bad(f"số quá lớn ({text})")
    return value


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    shown = key if key.isidentifier() and key.isascii() else json.dumps(key, ensure_ascii=True)
    return f"{path}.{shown}" if path else shown


def _bad_text(s: str) -> str:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as err:
        return f"có ký tự thay thế đơn lẻ (surrogate U+{ord(s[err.start]):04X}) ở vị trí {err.start}"
    return ""


def _surely_clean(value: Any, long_strings: frozenset[str], max_depth: int, max_string: int) -> bool:
    """True when :func:`check` finds nothing under ``value``; the same walk without the paths
    (which only a refusal needs), every text checked for lone surrogates in one encoding."""
    texts: list[str] = []
    stack: list[tuple[Any, int, str]] = [(value, 0, "")]
    pop, push = stack.pop, stack.append
    while stack:
        v, depth, key = pop()
        t = type(v)
        if t is str:
            if len(v) > max_string and key not in long_strings:
                return False
            texts.append(v)
        elif t is dict:
            if depth >= max_depth or len(v) > MAX_ITEMS:
                return False
            texts.extend(v)
            for k, x in v.items():
                push((x, depth + 1, k))
        elif t is list:
            if depth >= max_depth or len(v) > MAX_ITEMS:
                return False
            for x in v:
                push((x, depth + 1, key))
        elif t is int:
            if abs(v) > MAX_INT:
                return False
        elif t is float:
            if v != v or v in (float("inf"), float("-inf")):
                return False
        elif v is None or t is bool:
            continue
        else:                             # a refused value (_Bad), or a type JSON does not make
            return False
    try:
        "".join(texts).encode("utf-8")    # a lone surrogate anywhere fails here (Python never pairs them)
    except UnicodeEncodeError:
        return False
    return True


def check(value: Any, *, long_strings: frozenset[str] = frozenset(), max_depth: int = MAX_DEPTH,
          max_string: int = MAX_STRING, limit: int = 20) -> list[JsonProblem]:
    """Every refused value under ``value`` (at most ``limit``), iteratively (no recursion)."""
    if _surely_clean(value, long_strings, max_depth, max_string):
        return []
    return _problems(value, long_strings=long_strings, max_depth=max_depth, max_string=max_string, limit=limit)


def _problems(value: Any, *, long_strings: frozenset[str], max_depth: int, max_string: int,
              limit: int) -> list[JsonProblem]:
    problems: list[JsonProblem] = []
    stack: list[tuple[Any, str, int, str]] = [(value, "", 0, "")]
    while stack and len(problems) < limit:
        v, path, depth, key = stack.pop()
        if isinstance(v, _Bad):
            problems.append(JsonProblem(path, v.what))
        elif isinstance(v, bool) or v is None:
            continue
        elif isinstance(v, int):
            if abs(v) > MAX_INT:
                problems.append(JsonProblem(path, f"số quá lớn ({str(v)[:24]})"))
        elif isinstance(v, float):
            if v != v or v in (float("inf"), float("-inf")):
                problems.append(JsonProblem(path, f"{v} không phải số hợp lệ"))
        elif isinstance(v, str):
            bad = _bad_text(v)
            if bad:
                problems.append(JsonProblem(path, bad))
            elif len(v) > max_string and key not in long_strings:
                problems.append(JsonProblem(path, f"chuỗi quá dài ({len(v)} ký tự; tối đa {max_string})"))
        elif isinstance(v, (dict, list)):
            if depth >= max_depth:
                problems.append(JsonProblem(path, f"lồng nhau quá sâu (quá {max_depth} tầng)"))
                continue
            if len(v) > MAX_ITEMS:
                problems.append(JsonProblem(path, f"quá nhiều phần tử ({len(v)}; tối đa {MAX_ITEMS})"))
                continue
            if isinstance(v, dict):
                for k in reversed(list(v)):
                    bad = _bad_text(k)
                    if bad:
                        problems.append(JsonProblem(path, f"tên khóa {bad}"))
                        continue
                    stack.append((v[k], _join(path, k), depth + 1, k))
            else:
                for i in range(len(v) - 1, -1, -1):
                    stack.append((v[i], _join(path, i), depth + 1, key))
    return problems


def loads(text: str | bytes, *, max_bytes: int | None = None, long_strings: frozenset[str] = frozenset(),
          max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value of ``text``; :class:`JsonLimitError` (a ValueError) for anything refused,
    ``json.JSONDecodeError`` for text that is not JSON. Never RecursionError, OverflowError or
    MemoryError from a hostile file within ``max_bytes``."""
    size = len(text)
    if max_bytes is not None and size > max_bytes:
        raise JsonLimitError([JsonProblem("", f"tệp quá lớn ({size} byte; tối đa {max_bytes})")])
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise JsonLimitError([JsonProblem("", f"không phải văn bản UTF-8 (byte {err.start})")]) from err
    elif text.startswith("\ufeff"):
        text = text[1:]
    try:
        value = json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)
    except RecursionError as err:
        raise JsonLimitError([JsonProblem("", f"lồng nhau quá sâu (quá {max_depth} tầng)")]) from err
    except MemoryError as err:
        raise JsonLimitError([JsonProblem("", "tệp quá lớn để đọc")]) from err
    problems = check(value, long_strings=long_strings, max_depth=max_depth)
    if problems:
        raise JsonLimitError(problems)
    return value


__all__ = ["loads", "check", "JsonLimitError", "JsonProblem", "MAX_DEPTH", "MAX_INT", "MAX_STRING"]
