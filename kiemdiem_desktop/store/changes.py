"""Row changes that can be undone: each edit of a meeting is a list of row changes whose
inverse (the rows as they were) is computed when it is applied. Both are kept in the
command log, so undo and redo survive a crash and a restart.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from .database import now_iso

# The tables a meeting edit may touch, with their keys.
KEYS: dict[str, tuple[str, ...]] = {
    "meeting": ("id",),
    "delegate": ("id",),
    "agenda_step": ("id",),
    "attendance": ("meeting_id", "member_id"),
    "self_review": ("meeting_id", "member_id"),
    "written_comment": ("id",),
    "comment": ("id",),
    "ballot": ("id",),
    "vote": ("id",),
    "vote_level": ("vote_id", "entry", "level"),
    "rating": ("meeting_id", "subject"),
    "collective_review": ("meeting_id", "subject"),
}
_columns: dict[str, set[str]] = {}


@dataclass(frozen=True)
class RowChange:
    """Set a row to ``values`` (None: delete it)."""

    table: str
    key: dict[str, Any]
    values: dict[str, Any] | None

    def to_json(self) -> list:
        return [self.table, self.key, self.values]

    @classmethod
    def from_json(cls, data: list) -> "RowChange":
        return cls(data[0], data[1], data[2])


def _check(conn: sqlite3.Connection, table: str, names: list[str]) -> None:
    if table not in KEYS:
        raise ValueError(f"table {table} is not editable")
    if table not in _columns:
        _columns[table] = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    unknown = set(names) - _columns[table]
    if unknown:
        raise ValueError(f"unknown columns {unknown} in {table}")


def read_row(conn: sqlite3.Connection, table: str, key: dict[str, Any]) -> dict[str, Any] | None:
    _check(conn, table, list(key))
    where = " AND ".join(f"{k} = ?" for k in key)
    cur = conn.execute(f"SELECT * FROM {table} WHERE {where}", tuple(key.values()))
    row = cur.fetchone()
    if row is None:
        return None
    return {d[0]: v for d, v in zip(cur.description, row) if d[0] not in key and not isinstance(v, bytes)}


def apply_change(conn: sqlite3.Connection, change: RowChange) -> RowChange:
    """Apply a change; return its inverse."""
    table, key, values = change.table, change.key, change.values
    before = read_row(conn, table, key)
    where = " AND ".join(f"{k} = ?" for k in key)
    if values is None:
        if before is not None:
            conn.execute(f"DELETE FROM {table} WHERE {where}", tuple(key.values()))
        return RowChange(table, key, before)
    _check(conn, table, list(values))
    if before is None:
        cols = [*key, *values]
        conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     (*key.values(), *values.values()))
        return RowChange(table, key, None)
    if values:
        sets = ", ".join(f"{c} = ?" for c in values)
        conn.execute(f"UPDATE {table} SET {sets} WHERE {where}", (*values.values(), *key.values()))
    return RowChange(table, key, {c: before.get(c) for c in values})


def record(conn: sqlite3.Connection, meeting_id: str, label: str, changes: list[RowChange],
           merge_key: str = "") -> None:
    """Apply the changes as one undoable command (merged into the last one when it has the
    same merge key: typing into one field is one command, not one per keystroke)."""
    inverses = [apply_change(conn, c) for c in changes]
    inverses.reverse()
    conn.execute("DELETE FROM command_log WHERE meeting_id = ? AND done = 0", (meeting_id,))  # no redo after a new edit
    last = conn.execute("SELECT seq, merge_key, forward FROM command_log WHERE meeting_id = ? "
                        "ORDER BY seq DESC LIMIT 1", (meeting_id,)).fetchone()
    if merge_key and last and last[1] == merge_key:
        merged = [RowChange.from_json(c) for c in json.loads(last[2])]
        for c in changes:
            same = [i for i, m in enumerate(merged) if (m.table, m.key) == (c.table, c.key)]
            if not same or c.values is None or any(merged[i].values is None for i in same):
                merged.append(c)
                continue
            for i in same:   # every earlier change of that row now ends with the new values
                merged[i] = RowChange(c.table, c.key, {**merged[i].values, **c.values})
        conn.execute("UPDATE command_log SET forward = ? WHERE seq = ?",
                     (json.dumps([c.to_json() for c in merged], ensure_ascii=False), last[0]))
        return
    forward = json.dumps([c.to_json() for c in changes], ensure_ascii=False)
    conn.execute("INSERT INTO command_log (meeting_id, label, merge_key, forward, backward, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 (meeting_id, label, merge_key, forward,
                  json.dumps([c.to_json() for c in inverses], ensure_ascii=False), now_iso()))


def barrier(conn: sqlite3.Connection, meeting_id: str, label: str) -> None:
    """Undo never crosses a vote or the lock."""
    conn.execute("DELETE FROM command_log WHERE meeting_id = ? AND done = 0", (meeting_id,))
    conn.execute("INSERT INTO command_log (meeting_id, label, forward, backward, barrier, created_at) "
                 "VALUES (?, ?, '[]', '[]', 1, ?)", (meeting_id, label, now_iso()))


def undo(conn: sqlite3.Connection, meeting_id: str) -> str | None:
    row = conn.execute("SELECT seq, label, backward, barrier FROM command_log WHERE meeting_id = ? AND done = 1 "
                       "ORDER BY seq DESC LIMIT 1", (meeting_id,)).fetchone()
    if row is None or row[3]:
        return None
    for c in json.loads(row[2]):
        apply_change(conn, RowChange.from_json(c))
    conn.execute("UPDATE command_log SET done = 0, merge_key = '' WHERE seq = ?", (row[0],))
    return row[1]


def redo(conn: sqlite3.Connection, meeting_id: str) -> str | None:
    row = conn.execute("SELECT seq, label, forward FROM command_log WHERE meeting_id = ? AND done = 0 "
                       "ORDER BY seq ASC LIMIT 1", (meeting_id,)).fetchone()
    if row is None:
        return None
    for c in json.loads(row[2]):
        apply_change(conn, RowChange.from_json(c))
    conn.execute("UPDATE command_log SET done = 1 WHERE seq = ?", (row[0],))
    return row[1]


def undo_redo_labels(conn: sqlite3.Connection, meeting_id: str) -> tuple[str | None, str | None]:
    u = conn.execute("SELECT label, barrier FROM command_log WHERE meeting_id = ? AND done = 1 "
                     "ORDER BY seq DESC LIMIT 1", (meeting_id,)).fetchone()
    r = conn.execute("SELECT label FROM command_log WHERE meeting_id = ? AND done = 0 "
                     "ORDER BY seq ASC LIMIT 1", (meeting_id,)).fetchone()
    return (u[0] if u and not u[1] else None, r[0] if r else None)
