"""Load a whole meeting in one read; the writes go through store.changes (undoable)."""
from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from ..model.attendance import Attendance, Presence
from ..model.meeting import Delegate, Meeting, MeetingKind, MeetingState
from ..model.record import MeetingRecord
from ..model.review import (
    AgendaStep, Comment, SelfReview, StepKind, StepState, WrittenComment, WrittenSource,
)


_MEETING_COLS = ("id, kind, rating_year, state, meeting_date, place, document_number, start_time, end_time, "
                 "chair_id, minute_taker_id, rule_set_id, current_step_id, started_at")


def meeting_from_row(r: tuple) -> Meeting:
    return Meeting(id=r[0], kind=MeetingKind(r[1]), rating_year=r[2], state=MeetingState(r[3]),
                   meeting_date=date.fromisoformat(r[4]) if r[4] else None, place=r[5], document_number=r[6],
                   start_time=r[7], end_time=r[8], chair_id=r[9], minute_taker_id=r[10], rule_set_id=r[11],
                   current_step_id=r[12], started_at=datetime.fromisoformat(r[13]) if r[13] else None)


def load_meeting(conn: sqlite3.Connection, meeting_id: str) -> MeetingRecord | None:
    row = conn.execute(f"SELECT {_MEETING_COLS} FROM meeting WHERE id = ?", (meeting_id,)).fetchone()
    if row is None:
        return None
    rec = MeetingRecord(meeting_from_row(row))
    rec.meeting.delegates = [Delegate(id=r[0], name=r[1], title=r[2]) for r in conn.execute(
        "SELECT id, name, title FROM delegate WHERE meeting_id = ? ORDER BY position, name", (meeting_id,))]
    rec.steps = [AgendaStep(id=r[0], position=r[1], kind=StepKind(r[2]), title=r[3], state=StepState(r[4]),
                            subject_member_id=r[5], chair_id=r[6], started_at=r[7], finished_at=r[8],
                            report=r[9], answer=r[10], conclusion=r[11], notes=r[12])
                 for r in conn.execute(
                     "SELECT id, position, kind, title, state, subject_member_id, chair_id, started_at, finished_at, "
                     "report, answer, conclusion, notes FROM agenda_step WHERE meeting_id = ? ORDER BY position",
                     (meeting_id,))]
    rec.attendance = {r[0]: Attendance(r[0], Presence(r[1]), r[2], r[3], r[4]) for r in conn.execute(
        "SELECT member_id, status, reason, arrived_at, left_at FROM attendance WHERE meeting_id = ?", (meeting_id,))}
    rec.self_reviews = {r[0]: SelfReview(r[0], r[1], r[2], r[3], json.loads(r[4] or "{}"), r[5], r[6], r[7] or 0)
                        for r in conn.execute(
                            "SELECT member_id, summary, general_score, task_score, grades, proposed_level, "
                            "attachment_name, length(attachment) FROM self_review WHERE meeting_id = ?", (meeting_id,))}
    rec.written = [WrittenComment(r[1], WrittenSource(r[2]), r[3], r[0]) for r in conn.execute(
        "SELECT id, member_id, source, text FROM written_comment WHERE meeting_id = ? ORDER BY rowid", (meeting_id,))]
    rec.comments = [Comment(id=r[0], step_id=r[1], speaker_member_id=r[2], speaker_delegate_id=r[3],
                            speaker_name=r[4], text=r[5], spoken_at=r[6], position=r[7])
                    for r in conn.execute(
                        "SELECT id, step_id, speaker_member_id, speaker_delegate_id, speaker_name, text, spoken_at, "
                        "position FROM comment WHERE meeting_id = ? ORDER BY position, rowid", (meeting_id,))]
    return rec


def load_attachment(conn: sqlite3.Connection, meeting_id: str, member_id: str) -> tuple[str, bytes] | None:
    row = conn.execute("SELECT attachment_name, attachment FROM self_review WHERE meeting_id = ? AND member_id = ?",
                       (meeting_id, member_id)).fetchone()
    return (row[0], row[1]) if row and row[1] is not None else None


def save_attachment(conn: sqlite3.Connection, meeting_id: str, member_id: str, name: str, data: bytes) -> None:
    conn.execute("INSERT INTO self_review (meeting_id, member_id) VALUES (?, ?) "
                 "ON CONFLICT (meeting_id, member_id) DO NOTHING", (meeting_id, member_id))
    conn.execute("UPDATE self_review SET attachment_name = ?, attachment = ? WHERE meeting_id = ? AND member_id = ?",
                 (name, data, meeting_id, member_id))
