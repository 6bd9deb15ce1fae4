"""What the meeting JSON (io/meeting_json.py) reads and writes beyond the meeting's own rows:
the attached files with their bytes, the history as stored, and replacing a meeting whole."""
from __future__ import annotations

import sqlite3

# Every table holding a meeting's rows (emptied before a meeting is replaced by an import).
MEETING_TABLES = ("comment", "vote", "ballot", "agenda_step", "delegate", "attendance", "self_review",
                  "written_comment", "rating", "level_decision", "command_log", "collective_review")


def attachments(conn: sqlite3.Connection, meeting_id: str) -> list[tuple[str, str, bytes]]:
    """(member id, file name, bytes) of every self-review with an attached file."""
    return [(r[0], r[1], r[2]) for r in conn.execute(
        "SELECT member_id, attachment_name, attachment FROM self_review WHERE meeting_id = ? "
        "AND attachment IS NOT NULL", (meeting_id,))]


def defer_foreign_keys(conn: sqlite3.Connection, on: bool) -> None:
    """Within the transaction, foreign keys checked at its commit (rows written in any order)."""
    conn.execute(f"PRAGMA defer_foreign_keys = {'ON' if on else 'OFF'}")


def clear_meeting(conn: sqlite3.Connection, meeting_id: str) -> None:
    """Every row of the meeting but the meeting itself and its history (append-only)."""
    for table in MEETING_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE meeting_id = ?", (meeting_id,))


def add_history(conn: sqlite3.Connection, meeting_id: str, entry: dict) -> None:
    """One history entry as a document carries it (its own time)."""
    conn.execute("INSERT INTO history (meeting_id, at, action, revision, what, why, detail) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)", (meeting_id, entry["at"], entry["action"], entry["revision"],
                                                  entry["what"], entry["why"], entry["detail"]))
