"""Load a whole meeting in one read; the writes go through store.changes (undoable)."""
from __future__ import annotations

import json
import sqlite3
from datetime import date

from ..model.attendance import Attendance, Presence
from ..model.collective import CollectiveReview
from ..model.meeting import Delegate
from ..model.rating import DecisionKind, LevelDecision, RatingFacts, RatingProposal
from ..model.record import MeetingRecord
from ..model.vote import Ballot, BallotLayout, Vote, VoteKind, VoteMethod
from ..model.review import (
    AgendaStep, Comment, SelfReview, StepKind, StepState, WrittenComment, WrittenSource,
)
# The meeting's own row is read in repositories: the meeting list loads without the record's modules.
from .repositories import MEETING_COLUMNS, meeting_from_row


def load_meeting(conn: sqlite3.Connection, meeting_id: str) -> MeetingRecord | None:
    row = conn.execute(f"SELECT {MEETING_COLUMNS} FROM meeting WHERE id = ?", (meeting_id,)).fetchone()
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
    rec.attendance = {r[0]: Attendance(r[0], Presence(r[1]), r[2], r[3], r[4], [tuple(i) for i in json.loads(r[5] or "[]")])
                      for r in conn.execute("SELECT member_id, status, reason, arrived_at, left_at, intervals "
                                            "FROM attendance WHERE meeting_id = ?", (meeting_id,))}
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
    load_votes(conn, rec)
    rec.collective_reviews = load_collective_reviews(conn, meeting_id)
    return rec


def load_collective_reviews(conn: sqlite3.Connection, meeting_id: str) -> dict[str, CollectiveReview]:
    """The committee's and the cell's self-rating (Mẫu 01), by subject."""
    out = {}
    for r in conn.execute("SELECT subject, summary, general_score, task_score, grades, proposed_level, presenter, "
                          "strengths, shortcomings, remedies FROM collective_review WHERE meeting_id = ?",
                          (meeting_id,)):
        out[r[0]] = CollectiveReview(r[0], r[1], r[2], r[3], json.loads(r[4] or "{}"), r[5],
                                     presenter=r[6], strengths=r[7], shortcomings=r[8], remedies=r[9])
    return out


def load_votes(conn: sqlite3.Connection, rec: MeetingRecord) -> None:
    meeting_id = rec.meeting.id
    rec.ballots = {r[0]: Ballot(id=r[0], step_id=r[1], layout=BallotLayout(r[2]), taken_at=r[3], issued=r[4],
                                returned=r[5], valid=r[6], invalid=r[7], counting_team=json.loads(r[8]),
                                double_entry=bool(r[9]), accepted=r[10] == "accepted", counted_at=r[11],
                                document_number=r[12])
                   for r in conn.execute(
                       "SELECT id, step_id, layout, taken_at, issued, returned, valid, invalid, counting_team, "
                       "double_entry, state, counted_at, document_number FROM ballot WHERE meeting_id = ? ORDER BY rowid",
                       (meeting_id,))}
    votes = {r[0]: Vote(id=r[0], step_id=r[1], position=r[2], kind=VoteKind(r[3]), question=r[4], subject=r[5],
                        method=VoteMethod(r[6]), ballot_id=r[7], taken_at=r[8], yes=r[9], no=r[10], abstain=r[11],
                        settings=json.loads(r[12] or "{}"), supersedes=r[13], recorded=bool(r[14]),
                        offered=json.loads(r[15] or "[]"), revote_reason=r[16])
             for r in conn.execute(
                 "SELECT id, step_id, position, kind, question, subject, method, ballot_id, taken_at, yes, no, "
                 "abstain, settings, supersedes, recorded, offered, revote_reason FROM vote WHERE meeting_id = ? "
                 "ORDER BY position, rowid", (meeting_id,))}
    for vote_id, entry, level, count in conn.execute(
            "SELECT vote_id, entry, level, count FROM vote_level WHERE vote_id IN "
            "(SELECT id FROM vote WHERE meeting_id = ?)", (meeting_id,)):
        target = votes[vote_id].levels if entry == 1 else votes[vote_id].second_entry
        target[level] = count
    rec.votes = list(votes.values())
    for subject, general, task, reason, justifications, facts in conn.execute(
            "SELECT subject, accepted_general, accepted_task, score_change_reason, justifications, facts "
            "FROM rating WHERE meeting_id = ?", (meeting_id,)):
        rec.proposals[subject] = RatingProposal(subject, general, task, reason, "", json.loads(justifications))
        f = json.loads(facts or "{}")
        if f:
            rec.facts[subject] = RatingFacts(member_id=subject, **f)
    rec.decisions = [LevelDecision(id=r[0], subject=r[1], kind=DecisionKind(r[2]), level=r[3],
                                   decided_on=date.fromisoformat(r[4]), reference=r[5], reason=r[6])
                     for r in conn.execute(
                         "SELECT id, subject, kind, level, decided_on, reference, reason FROM level_decision "
                         "WHERE meeting_id = ? ORDER BY decided_on, created_at", (meeting_id,))]


def load_attachment(conn: sqlite3.Connection, meeting_id: str, member_id: str) -> tuple[str, bytes] | None:
    row = conn.execute("SELECT attachment_name, attachment FROM self_review WHERE meeting_id = ? AND member_id = ?",
                       (meeting_id, member_id)).fetchone()
    return (row[0], row[1]) if row and row[1] is not None else None


def save_attachment(conn: sqlite3.Connection, meeting_id: str, member_id: str, name: str, data: bytes) -> None:
    conn.execute("INSERT INTO self_review (meeting_id, member_id) VALUES (?, ?) "
                 "ON CONFLICT (meeting_id, member_id) DO NOTHING", (meeting_id, member_id))
    conn.execute("UPDATE self_review SET attachment_name = ?, attachment = ? WHERE meeting_id = ? AND member_id = ?",
                 (name, data, meeting_id, member_id))


def append_history(conn: sqlite3.Connection, meeting_id: str, action: str, revision: int, what: str,
                   why: str = "", detail: str = "") -> None:
    from .database import now_iso

    conn.execute("INSERT INTO history (meeting_id, at, action, revision, what, why, detail) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)", (meeting_id, now_iso(), action, revision, what, why, detail))


def load_history(conn: sqlite3.Connection, meeting_id: str) -> list[dict]:
    cur = conn.execute("SELECT at, action, revision, what, why, detail FROM history WHERE meeting_id = ? "
                       "ORDER BY id", (meeting_id,))
    return [dict(zip(("at", "action", "revision", "what", "why", "detail"), r)) for r in cur]
