"""Model objects as the row values that store.changes writes (text NFC)."""
from __future__ import annotations

import json

from ..model.attendance import Attendance
from ..model.meeting import Delegate
from ..model.review import AgendaStep, Comment, SelfReview, WrittenComment
from ..vn.text import clean, nfc


def text(value: str) -> str:
    """Long text keeps its lines; NFC, no trailing spaces."""
    return nfc(value or "").rstrip()


def step_row(meeting_id: str, s: AgendaStep) -> dict:
    return {"meeting_id": meeting_id, "position": s.position, "kind": s.kind.value, "title": clean(s.title),
            "state": s.state.value, "subject_member_id": s.subject_member_id, "chair_id": s.chair_id,
            "started_at": s.started_at, "finished_at": s.finished_at, "report": text(s.report),
            "answer": text(s.answer), "conclusion": text(s.conclusion), "notes": text(s.notes)}


def attendance_row(a: Attendance) -> dict:
    return {"status": a.status.value, "reason": clean(a.reason), "arrived_at": a.arrived_at, "left_at": a.left_at,
            "intervals": json.dumps([list(i) for i in a.intervals])}


def comment_row(meeting_id: str, c: Comment) -> dict:
    return {"meeting_id": meeting_id, "step_id": c.step_id, "speaker_member_id": c.speaker_member_id,
            "speaker_delegate_id": c.speaker_delegate_id, "speaker_name": clean(c.speaker_name),
            "text": text(c.text), "spoken_at": c.spoken_at, "position": c.position}


def self_review_row(r: SelfReview) -> dict:
    return {"summary": text(r.summary), "general_score": r.general_score, "task_score": r.task_score,
            "grades": json.dumps(r.grades, ensure_ascii=False, sort_keys=True), "proposed_level": r.proposed_level}


def collective_review_row(r) -> dict:
    """A collective's self-rating (model.collective.CollectiveReview) as its row."""
    return {"presenter": clean(r.presenter), "summary": text(r.summary), "strengths": text(r.strengths),
            "shortcomings": text(r.shortcomings), "remedies": text(r.remedies), "general_score": r.general_score,
            "task_score": r.task_score, "grades": json.dumps(r.grades, ensure_ascii=False, sort_keys=True),
            "proposed_level": r.proposed_level}


def delegate_row(meeting_id: str, d: Delegate, position: int) -> dict:
    return {"meeting_id": meeting_id, "name": clean(d.name), "title": clean(d.title), "position": position}


def written_row(meeting_id: str, w: WrittenComment) -> dict:
    return {"meeting_id": meeting_id, "member_id": w.member_id, "source": w.source.value, "text": text(w.text)}
