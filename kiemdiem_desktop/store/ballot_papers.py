"""Ballot papers typed one by one (DOMAIN.md §7): anonymous rows — no voter, no time, no order —
kept outside the undo log, reduced to totals and erased when the count is accepted."""
from __future__ import annotations

import json
import sqlite3
import uuid
from typing import Mapping


def add(conn: sqlite3.Connection, ballot_id: str, marks: Mapping[str, str | None]) -> None:
    """One paper: subject -> level ticked (None: blank row; "MULTIPLE": two ticks or more)."""
    data = json.dumps({k: v for k, v in sorted(marks.items())})
    conn.execute("INSERT INTO ballot_paper (id, ballot_id, marks) VALUES (?, ?, ?)",
                 (str(uuid.uuid4()), ballot_id, data))


def count(conn: sqlite3.Connection, ballot_id: str) -> int:
    return conn.execute("SELECT count(*) FROM ballot_paper WHERE ballot_id = ?", (ballot_id,)).fetchone()[0]


def marks(conn: sqlite3.Connection, ballot_id: str) -> list[dict[str, str | None]]:
    return [json.loads(r[0]) for r in conn.execute("SELECT marks FROM ballot_paper WHERE ballot_id = ?", (ballot_id,))]


def erase(conn: sqlite3.Connection, ballot_id: str) -> None:
    """Every paper of the ballot (with secure_delete their bytes are overwritten)."""
    conn.execute("DELETE FROM ballot_paper WHERE ballot_id = ?", (ballot_id,))


def checkpoint(conn: sqlite3.Connection) -> None:
    """Outside a transaction: the WAL folded into the file and truncated, so no trace of an
    erased paper remains in the -wal file."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
