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
from .hashing import sha256_hex
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


# The digest of ``expected_schema(version)`` for each version, so that opening a file whose schema is
# exactly ours does not replay every migration in memory first (~10 ms on the opening thread, which a
# 500-member window waits for on a busy two-core laptop). tests/store/test_schema_digests.py holds this
# table to the replay; a version missing here is simply replayed.
EXPECTED_DIGESTS = {
    1: "31a6e798b30369490f0d87f0c26ccd352016626a6c7dce5c9a6d19e50f4e7e6e",
    2: "5115845ccdbdb86e9146d0dbb27a26bcdc8e6984074d7e170364fe284a00237a",
    3: "97c113b277a834f8be9e577434a99d8a089f5a9262c46cb4c9e17a01f08a0554",
    4: "4fa8513c79c5456d70faa346895df6b7bf02967245a78656d379113e7d92cdc1",
    5: "2d81891bc8440fa4614b42004daaeac4b16f3d043bad1fbbafb24cf32f77d289",
    6: "77ceec4fb7ce845e72b12167459aeb9e54cefb83a916ce442e228978b3668957",
    7: "c15f96c7201e82550b4ffe9c208800ac043b2ff2f1953c4b37be48974b801835",
    8: "110497ee1cebd0a95c3d9480e6b8725e64ee580d563b798a50586d89f90ab607",
    9: "6b65267bf636aa97c947c956cf274e16521db56ca1332fe1afb2623a1498a1b7",
    10: "7cba206e08a30bdf9622c58e1131d6f616382b8b9ffb19b0b62dbc27a7decc78",
}


def schema_digest(schema: frozenset[tuple[str, str, str, str]]) -> str:
    """SHA-256 of a schema's rows in a fixed order (fields and rows joined by control characters no
    name or normalised statement can hold in a way that makes two schemas collide)."""
    text = "\n".join("\x1f".join(row) for row in sorted(schema))
    return sha256_hex(text.encode("utf-8"))


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
    if EXPECTED_DIGESTS.get(version) == schema_digest(schema_of(conn)):
        return
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
        # A clean table (every file the program wrote) is proved by one pass that stops at nothing
        # and computes no aggregate (about a third cheaper than the max() below); only a table that has a
        # wrong value is read again to name the column.
        if conn.execute(f'SELECT 1 FROM {q(table)} WHERE {" OR ".join(c for _col, c in checks)} LIMIT 1'
                        ).fetchone() is None:
            continue
        bad = conn.execute(f'SELECT {", ".join(f"max({c})" for _col, c in checks)} FROM {q(table)}').fetchone()
        for (column, _c), flag in zip(checks, bad):
            if flag:
                raise DamagedFileError(path, f"{table}.{column}")
