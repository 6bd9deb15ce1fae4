"""Is a file's schema exactly the one our migrations make for its version?

A data file or a backup arrives on a USB stick: a trigger added by another program would run inside
ours (rename every member on the next import), a missing history trigger would let the record of a
locked meeting be rewritten. Before anything is read from it, its ``sqlite_master`` is compared with
the schema the numbered migrations create, replayed in memory for the file's version.
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from ..i18n import QT_TRANSLATE_NOOP, translate
from .errors import DamagedFileError, ForeignSchemaError
from .migrations import MIGRATIONS

# Tables SQLite itself may add (ANALYZE statistics, AUTOINCREMENT counters): data, never code.
_SQLITE_OWN = re.compile(r"^sqlite_(stat\d|sequence)$")


def _normalise(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset((t, n, tb, _normalise(sql)) for t, n, tb, sql in rows
                     if not (t == "table" and _SQLITE_OWN.match(n)))


@lru_cache(maxsize=None)
def expected_schema(version: int) -> frozenset[tuple[str, str, str, str]]:
    """What migrations 1..version create, run on an empty database in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for number, _description, statements in MIGRATIONS:
            if number > version:
                break
            for sql in statements:
                conn.execute(sql)
        return schema_of(conn)
    finally:
        conn.close()


def schema_differences(conn: sqlite3.Connection, version: int) -> tuple[list[str], list[str]]:
    """(extra, missing): each "type name" (e.g. "trigger rename_all"), empty lists when exact."""
    found = schema_of(conn)
    want = expected_schema(version)
    extra = sorted(f"{t} {n}" for t, n, _tb, _sql in found - want)
    missing = sorted(f"{t} {n}" for t, n, _tb, _sql in want - found)
    # The same name with another definition is listed in both: once is enough, as "changed".
    both = set(extra) & set(missing)
    changed = translate(QT_TRANSLATE_NOOP("core", "định nghĩa khác"))
    extra = [e if e not in both else f"{e} ({changed})" for e in extra]
    missing = [m for m in missing if m not in both]
    return extra, missing


def check_schema(conn: sqlite3.Connection, path, version: int) -> None:
    """Refuse (ForeignSchemaError) a file whose schema is not exactly that of its version."""
    extra, missing = schema_differences(conn, version)
    if extra or missing:
        raise ForeignSchemaError(path, version, extra, missing)


_TYPES = {"TEXT": ("text",), "INTEGER": ("integer",), "REAL": ("real", "integer")}


def check_types(conn: sqlite3.Connection, path) -> None:
    """Every stored value has its column's declared type (the program never writes another): a name
    stored as bytes or a number as text means the file was changed outside the program."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]

    def q(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    for table in tables:
        checks = []
        for _cid, column, declared, *_rest in conn.execute(f"PRAGMA table_info({q(table)})"):
            allowed = _TYPES.get((declared or "").upper())
            if allowed:
                kinds = ", ".join(f"'{k}'" for k in (*allowed, "null"))
                checks.append((column, f"typeof({q(column)}) NOT IN ({kinds})"))
        if not checks:
            continue
        bad = conn.execute(f'SELECT {", ".join(f"max({c})" for _col, c in checks)} FROM {q(table)}').fetchone()
        for (column, _c), flag in zip(checks, bad):
            if flag:
                raise DamagedFileError(path, f"{table}.{column}")
