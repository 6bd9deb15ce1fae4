"""Levels decided by the competent level, and re-ratings (Mẫu 03): their own rows, written
after the lock without reopening the minutes (loaded with the meeting, see meeting_repo)."""
from __future__ import annotations

import sqlite3

from ..model.rating import LevelDecision


def add(conn: sqlite3.Connection, meeting_id: str, d: LevelDecision, created_at: str) -> None:
    """``created_at`` orders decisions of the same day."""
    conn.execute(
        "INSERT INTO level_decision (id, meeting_id, subject, kind, level, decided_on, reference, reason, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (d.id, meeting_id, d.subject, d.kind.value, d.level, d.decided_on.isoformat(), d.reference, d.reason,
         created_at))
