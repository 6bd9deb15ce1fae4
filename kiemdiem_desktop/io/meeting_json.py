"""The whole of one meeting as a documented, versioned JSON document ("kiemdiem-meeting", v2;
version 1 files are still read).

Described in prose in docs/meeting-json.md and formally in
resources/schemas/meeting.schema.json (JSON Schema 2020-12). The document holds the cell,
the members the meeting involves (with the dated periods and discipline records from
which who is counted is recomputed), and everything typed for the meeting: agenda steps,
attendance, self-reviews (the attached file by name, size and SHA-256; its bytes only with
``attachments=True``), written comments, comments, ballots (paper counts, never a paper),
votes with both count entries, ratings (accepted scores, reasons, justifications, facts)
and later decisions. Results are never in it: they are recomputed from what it holds.

Import validates everything first and refuses a bad document with a Vietnamese message
naming the path inside it ("meeting.votes[3].levels.GOOD: cần số nguyên không âm"),
writing nothing. Members are matched by UUID (created when missing, never duplicated,
an existing member is left as the file has it); the meeting keeps its UUID; importing
the same document twice changes nothing. Everything is written in one transaction on
the writer thread.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__, paths
from ..i18n import QT_TRANSLATE_NOOP, UserError, msg
from ..model import (
    Category, Cell, DisciplineForm, DisciplineRecord, Gender, Member, PartyPost, Period, PeriodKind,
    category_on,
)
from ..model.attendance import Attendance, Presence
from ..model.collective import CollectiveReview
from ..model.meeting import Delegate, Meeting, MeetingKind, MeetingState, meeting_day
from ..model.rating import DecisionKind, LevelDecision, RatingFacts, RatingProposal
from ..model.record import MeetingRecord
from ..model.review import AgendaStep, Comment, SelfReview, StepKind, StepState, WrittenComment, WrittenSource
from ..model.vote import BLANK, CELL, COMMITTEE, MULTIPLE, Ballot, BallotLayout, Vote, VoteKind, VoteMethod
from ..store import decisions, meeting_repo, meeting_transfer, repositories as repo, rows
from ..store.atomic import write_atomically
from ..store.changes import RowChange, apply_change
from ..vn.collation import sort_members
from ..vn.text import clean, nfc
from . import meeting_checks, safe_json
from .json_schema import SchemaError, Validator, join

FORMAT = "kiemdiem-meeting"
VERSION = 2
READABLE_VERSIONS = (1, 2)
LEVEL_KEYS = ("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED", BLANK, MULTIPLE)
COLLECTIVES = (COMMITTEE, CELL)
MAX_FILE_BYTES = 256 << 20      # a meeting with every self-review attached stays far below


def schema_path() -> Path:
    return paths.resource("schemas", "meeting.schema.json")


@lru_cache(maxsize=1)
def _validator() -> Validator:
    return Validator(json.loads(schema_path().read_text(encoding="utf-8")))


class MeetingJsonError(UserError):
    """A document refused: every problem found, each naming its path inside the document."""

    def __init__(self, file: str, problems: list[SchemaError]):
        self.problems = problems
        shown = problems[:20]
        lines = [str(p) for p in shown]
        if len(problems) > len(shown):
            lines.append(f"… và {len(problems) - len(shown)} lỗi khác")
        head = f"Không nhập được {file}: " if file else "Không nhập được cuộc họp: "
        super().__init__(msg(QT_TRANSLATE_NOOP("core", "{head}{n} lỗi, chưa ghi gì.\n{lines}"),
                             head=head, n=len(problems), lines="\n".join(lines)))


# ---------------------------------------------------------------------------------------------
# Model -> JSON
# ---------------------------------------------------------------------------------------------
def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def cell_json(c: Cell) -> dict:
    return {"name": c.name, "higher_org": c.higher_org, "code": c.code, "is_grassroots": c.is_grassroots,
            "has_committee": c.has_committee, "locality": c.locality}


def member_json(m: Member, category: Category | None) -> dict:
    out = {
        "id": m.id, "full_name": m.full_name, "gender": m.gender.value if m.gender else None,
        "birth_date": _iso(m.birth_date), "admission_date": _iso(m.admission_date),
        "official_date": _iso(m.official_date), "card_number": m.card_number, "party_post": m.party_post.value,
        "government_post": m.government_post, "work_unit": m.work_unit, "quota_group": m.quota_group,
        "last_year_level": m.last_year_level, "declared_type": m.declared_type,
        "declared_on": _iso(m.declared_on), "note": m.note,
        "periods": [{"kind": p.kind.value, "start": _iso(p.start), "end": _iso(p.end), "note": p.note}
                    for p in m.periods],
        "discipline": [{"form": d.form.value, "decision_date": _iso(d.decision_date),
                        "violation_date": _iso(d.violation_date), "duty_linked": d.duty_linked,
                        "self_detected_remedied": d.self_detected_remedied, "previous_unit": d.previous_unit,
                        "note": d.note} for d in m.discipline],
    }
    if category is not None:
        out["category"] = category.value
    return out


@dataclass(frozen=True)
class AttachmentInfo:
    name: str
    size: int
    sha256: str
    data: bytes | None = None

    def to_json(self, with_data: bool) -> dict:
        out = {"name": self.name, "size": self.size, "sha256": self.sha256}
        if with_data and self.data is not None:
            out["data_base64"] = base64.b64encode(self.data).decode("ascii")
        return out


def _facts_json(f: RatingFacts | None) -> dict | None:
    if f is None:
        return None
    return {x.name: getattr(f, x.name) for x in fields(RatingFacts) if x.name != "member_id"}


def _level_counts(counts: dict[str, int]) -> dict[str, int]:
    return {k: counts[k] for k in LEVEL_KEYS if k in counts}


def _subject_order(order: dict[str, int]):
    def key(subject: str) -> tuple:
        if subject == COMMITTEE:
            return (0, 0, subject)
        if subject == CELL:
            return (2, 0, subject)
        return (1, order.get(subject, len(order)), subject)
    return key


def meeting_json(rec: MeetingRecord, attachments: dict[str, AttachmentInfo], member_order: dict[str, int],
                 *, with_data: bool = False, history: list[dict] = ()) -> dict:
    m = rec.meeting
    by_member = _subject_order(member_order)
    return {
        "id": m.id, "kind": m.kind.value, "rating_year": m.rating_year, "rule_set_id": m.rule_set_id,
        "state": m.state.value, "date": _iso(m.meeting_date), "start_time": m.start_time, "end_time": m.end_time,
        "started_at": m.started_at.isoformat(timespec="seconds") if m.started_at else None,
        "place": m.place, "document_number": m.document_number, "chair_id": m.chair_id,
        "minute_taker_id": m.minute_taker_id, "current_step_id": m.current_step_id,
        "settings": dict(sorted(m.settings.items())), "revision": m.revision, "reopen_reason": m.reopen_reason,
        "main_meeting_id": m.main_meeting_id,
        "history": [dict(h) for h in history],
        "delegates": [{"id": d.id, "name": d.name, "title": d.title} for d in m.delegates],
        "steps": [{"id": s.id, "kind": s.kind.value, "title": s.title, "state": s.state.value,
                   "subject_member_id": s.subject_member_id, "chair_id": s.chair_id, "started_at": s.started_at,
                   "finished_at": s.finished_at, "report": s.report, "answer": s.answer,
                   "conclusion": s.conclusion, "notes": s.notes} for s in rec.steps],
        "attendance": [{"member_id": a.member_id, "status": a.status.value, "reason": a.reason,
                        "arrived_at": a.arrived_at, "left_at": a.left_at,
                        "intervals": [{"from": x[0], "to": x[1]} for x in a.intervals]}
                       for a in sorted(rec.attendance.values(), key=lambda a: by_member(a.member_id))],
        "self_reviews": [{"member_id": r.member_id, "summary": r.summary, "general_score": r.general_score,
                          "task_score": r.task_score, "grades": dict(sorted(r.grades.items())),
                          "proposed_level": r.proposed_level,
                          "attachment": (attachments[r.member_id].to_json(with_data)
                                         if r.member_id in attachments else None)}
                         for r in sorted(rec.self_reviews.values(), key=lambda r: by_member(r.member_id))],
        "written_comments": [{"id": w.id, "member_id": w.member_id, "source": w.source.value, "text": w.text}
                             for w in rec.written],
        "comments": [{"id": c.id, "step_id": c.step_id, "speaker_member_id": c.speaker_member_id,
                      "speaker_delegate_id": c.speaker_delegate_id, "speaker_name": c.speaker_name,
                      "text": c.text, "spoken_at": c.spoken_at, "position": c.position} for c in rec.comments],
        "ballots": [{"id": b.id, "step_id": b.step_id, "layout": b.layout.value, "taken_at": b.taken_at,
                     "issued": b.issued, "returned": b.returned, "valid": b.valid, "invalid": b.invalid,
                     "counting_team": list(b.counting_team), "double_entry": b.double_entry, "accepted": b.accepted,
                     "counted_at": b.counted_at, "document_number": b.document_number}
                    for b in rec.ballots.values()],
        "votes": [{"id": v.id, "kind": v.kind.value, "question": v.question, "method": v.method.value,
                   "subject": v.subject, "step_id": v.step_id, "ballot_id": v.ballot_id, "taken_at": v.taken_at,
                   "yes": v.yes, "no": v.no, "abstain": v.abstain, "levels": _level_counts(v.levels),
                   "second_entry": _level_counts(v.second_entry), "settings": dict(sorted(v.settings.items())),
                   "supersedes": v.supersedes, "recorded": v.recorded, "offered": list(v.offered),
                   "revote_reason": v.revote_reason} for v in rec.votes],
        "ratings": [{"subject": p.subject, "accepted_general": p.accepted_general, "accepted_task": p.accepted_task,
                     "score_change_reason": p.score_change_reason,
                     "justifications": dict(sorted(p.justifications.items())),
                     "facts": _facts_json(rec.facts.get(p.subject))}
                    for p in sorted(rec.proposals.values(), key=lambda p: by_member(p.subject))],
        "decisions": [{"id": d.id, "subject": d.subject, "kind": d.kind.value, "level": d.level,
                       "decided_on": _iso(d.decided_on), "reference": d.reference, "reason": d.reason}
                      for d in rec.decisions],
        "collective_reviews": [collective_review_json(rec.collective_reviews[k])
                               for k in (COMMITTEE, CELL) if k in rec.collective_reviews],
    }


def collective_review_json(r: CollectiveReview) -> dict:
    return {"subject": r.subject, "presenter": r.presenter, "summary": r.summary, "strengths": r.strengths,
            "shortcomings": r.shortcomings, "remedies": r.remedies, "general_score": r.general_score,
            "task_score": r.task_score, "grades": dict(sorted(r.grades.items())), "proposed_level": r.proposed_level}


def referenced_members(rec: MeetingRecord) -> set[str]:
    m = rec.meeting
    ids = {m.chair_id, m.minute_taker_id}
    ids |= {s.subject_member_id for s in rec.steps} | {s.chair_id for s in rec.steps}
    ids |= set(rec.attendance) | set(rec.self_reviews) | {w.member_id for w in rec.written}
    ids |= {c.speaker_member_id for c in rec.comments} | {v.subject for v in rec.votes}
    ids |= {x for b in rec.ballots.values() for x in b.counting_team}
    ids |= set(rec.proposals) | set(rec.facts) | {d.subject for d in rec.decisions}
    return {i for i in ids if i and i not in COLLECTIVES}


def _stored_attachments(conn: sqlite3.Connection, meeting_id: str) -> dict[str, AttachmentInfo]:
    return {member_id: AttachmentInfo(name, len(data), hashlib.sha256(data).hexdigest(), data)
            for member_id, name, data in meeting_transfer.attachments(conn, meeting_id)}


def export_from_conn(conn: sqlite3.Connection, meeting_id: str, attachments: bool = False) -> dict | None:
    rec = meeting_repo.load_meeting(conn, meeting_id)
    if rec is None:
        return None
    everyone = repo.load_members(conn)
    day = meeting_day(rec.meeting)
    wanted = referenced_members(rec)
    chosen = [m for m in everyone if m.id in wanted or category_on(m, day) != Category.NOT_IN_CELL]
    members = sort_members(sorted(chosen, key=lambda m: m.id))
    order = {m.id: i for i, m in enumerate(members)}
    return {
        "format": FORMAT, "version": VERSION, "generator": f"Kiểm điểm Desktop {__version__}",
        "cell": cell_json(repo.load_cell(conn)),
        "members": [member_json(m, category_on(m, day)) for m in members],
        "meeting": meeting_json(rec, _stored_attachments(conn, meeting_id), order, with_data=attachments,
                                history=meeting_repo.load_history(conn, meeting_id)),
    }


def export_meeting(cf, meeting_id: str, *, attachments: bool = False) -> dict:
    """The whole meeting as a JSON-ready dict (format kiemdiem-meeting, version 1)."""
    data = cf.db.read(export_from_conn, meeting_id, attachments)
    if data is None:
        raise UserError(msg(QT_TRANSLATE_NOOP("core", "Không tìm thấy cuộc họp có mã {id}."), id=meeting_id))
    return data


def dumps(data: dict) -> str:
    return nfc(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def write_meeting_file(cf, meeting_id: str, out: str | os.PathLike, *, attachments: bool = False) -> Path:
    """Export written atomically (a crash leaves the old file or the new one)."""
    text = dumps(export_meeting(cf, meeting_id, attachments=attachments))
    return write_atomically(out, lambda tmp: Path(tmp).write_text(text, encoding="utf-8", newline="\n"))


# ---------------------------------------------------------------------------------------------
# JSON -> model, with every check before anything is written
# ---------------------------------------------------------------------------------------------
@dataclass
class Parsed:
    cell: Cell
    members: list[Member]
    record: MeetingRecord
    attachments: dict[str, AttachmentInfo] = field(default_factory=dict)   # given in the document
    attachment_names: dict[str, str] = field(default_factory=dict)         # named, bytes not included
    history: list[dict] = field(default_factory=list)


def read_document(path: str | os.PathLike) -> dict:
    """The file's JSON, or a MeetingJsonError naming the line and column."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise MeetingJsonError(p.name, [SchemaError("", f"tệp quá lớn ({p.stat().st_size} byte; tối đa "
                                                            f"{MAX_FILE_BYTES})")])
        raw = p.read_bytes()
    except OSError as err:
        raise UserError(msg(QT_TRANSLATE_NOOP("core", "Không đọc được tệp {file}: {detail}"),
                            file=str(p), detail=err.strerror or str(err))) from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise MeetingJsonError(p.name, [SchemaError("", f"tệp không phải văn bản UTF-8 (byte {err.start})")]) from err
    try:
        return safe_json.loads(text, max_bytes=MAX_FILE_BYTES, long_strings=frozenset({"data_base64"}))
    except safe_json.JsonLimitError as err:
        raise MeetingJsonError(p.name, [SchemaError(x.path, x.message) for x in err.problems]) from err
    except json.JSONDecodeError as err:
        raise MeetingJsonError(p.name, [SchemaError(
            "", f"không phải JSON hợp lệ (dòng {err.lineno}, cột {err.colno}: {err.msg})")]) from err


def _txt(v: str | None) -> str:
    return rows.text(v or "")


def _bool(v: Any) -> bool:
    return bool(v)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[SchemaError] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(SchemaError(path, message))

    def unique(self, items: list[dict], key: str, path: str, what: str) -> set:
        seen: set = set()
        for i, it in enumerate(items):
            v = it.get(key)
            if v in seen:
                self.add(join(join(path, i), key), f"{what} “{v}” bị lặp")
            seen.add(v)
        return seen

    def ref(self, path: str, value: Any, allowed: set, what: str) -> None:
        if value is not None and value not in allowed:
            self.add(path, f"không có {what} có mã “{value}” trong tài liệu")


def validate_document(data: Any, file: str = "", *, values_checked: bool = False) -> None:
    """Refuse (MeetingJsonError) anything the schema or the references do not allow.
    ``values_checked``: ``data`` comes from ``safe_json.loads`` with the long strings of
    ``meeting_checks.value_problems`` (a package's meeting document): its values are not walked again."""
    if isinstance(data, dict) and "version" in data and data.get("version") not in READABLE_VERSIONS \
            and data.get("format") == FORMAT:
        raise MeetingJsonError(file, [SchemaError("version", f"phiên bản {data.get('version')!r} không đọc được; "
                                                  f"chương trình này đọc phiên bản 1 và {VERSION}")])
    problems = ([] if values_checked else meeting_checks.value_problems(data)) or _validator().errors(data)
    if not problems:
        problems = meeting_checks.document_problems(data)
    if problems:
        raise MeetingJsonError(file, problems)
    c = _Checker()
    mt = data["meeting"]
    if data["version"] == 1:      # what version 2 added is refused in a version 1 file
        if "locality" in data["cell"]:
            c.add("cell.locality", "chỉ có từ phiên bản 2")
        for i, v in enumerate(mt.get("votes", [])):
            for key in ("offered", "revote_reason"):
                if key in v:
                    c.add(f"meeting.votes[{i}].{key}", "chỉ có từ phiên bản 2")
            for entry in ("levels", "second_entry"):
                if MULTIPLE in v.get(entry, {}):
                    c.add(f"meeting.votes[{i}].{entry}.{MULTIPLE}", "chỉ có từ phiên bản 2 (phiên bản 1 ghi chung vào BLANK)")
        for i, a in enumerate(mt.get("attendance", [])):
            if "intervals" in a:
                c.add(f"meeting.attendance[{i}].intervals", "chỉ có từ phiên bản 2")
        for i, b in enumerate(mt.get("ballots", [])):
            for key in ("counted_at", "document_number"):
                if key in b:
                    c.add(f"meeting.ballots[{i}].{key}", "chỉ có từ phiên bản 2")
    members = c.unique(data["members"], "id", "members", "mã đảng viên")
    cards = {}
    for i, m in enumerate(data["members"]):
        card = clean(m.get("card_number", ""))
        if card:
            if card in cards:
                c.add(f"members[{i}].card_number", f"số thẻ “{card}” trùng với members[{cards[card]}]")
            cards[card] = i
        for j, p in enumerate(m.get("periods", [])):
            if p.get("end") and p["end"] < p["start"]:
                c.add(f"members[{i}].periods[{j}].end", "ngày kết thúc ở trước ngày bắt đầu")
    steps = c.unique(mt.get("steps", []), "id", "meeting.steps", "mã bước")
    delegates = c.unique(mt.get("delegates", []), "id", "meeting.delegates", "mã đại biểu")
    ballots = c.unique(mt.get("ballots", []), "id", "meeting.ballots", "mã lượt bỏ phiếu")
    votes = c.unique(mt.get("votes", []), "id", "meeting.votes", "mã biểu quyết")
    c.unique(mt.get("comments", []), "id", "meeting.comments", "mã ý kiến")
    c.unique(mt.get("written_comments", []), "id", "meeting.written_comments", "mã ý kiến bằng văn bản")
    c.unique(mt.get("decisions", []), "id", "meeting.decisions", "mã quyết định")
    c.unique(mt.get("attendance", []), "member_id", "meeting.attendance", "đảng viên")
    c.unique(mt.get("self_reviews", []), "member_id", "meeting.self_reviews", "đảng viên")
    c.unique(mt.get("ratings", []), "subject", "meeting.ratings", "đối tượng")
    c.unique(mt.get("collective_reviews", []), "subject", "meeting.collective_reviews", "tập thể")
    if mt.get("main_meeting_id") and mt["main_meeting_id"] == mt["id"]:
        c.add("meeting.main_meeting_id", "buổi kiểm điểm bổ sung không thể liên kết với chính nó")
    if mt.get("main_meeting_id") and mt["kind"] != "supplementary":
        c.add("meeting.main_meeting_id", "chỉ buổi kiểm điểm bổ sung (kind “supplementary”) mới có hội nghị chính")
    subjects = members | set(COLLECTIVES)
    person = "đảng viên"
    if mt.get("rule_set_id"):
        from ..rules.ruleset import all_rule_sets
        if mt["rule_set_id"] not in {r.id for r in all_rule_sets()}:
            c.add("meeting.rule_set_id", f"không có bộ quy định “{mt['rule_set_id']}”")
    else:
        from ..rules.ruleset import rule_set_for_year
        try:
            rule_set_for_year(mt["rating_year"])
        except UserError as err:
            c.add("meeting.rating_year", str(err))
    for k in ("chair_id", "minute_taker_id"):
        c.ref(f"meeting.{k}", mt.get(k), members, person)
    c.ref("meeting.current_step_id", mt.get("current_step_id"), steps, "bước")
    for i, s in enumerate(mt.get("steps", [])):
        c.ref(f"meeting.steps[{i}].subject_member_id", s.get("subject_member_id"), members, person)
        c.ref(f"meeting.steps[{i}].chair_id", s.get("chair_id"), members, person)
    for i, a in enumerate(mt.get("attendance", [])):
        c.ref(f"meeting.attendance[{i}].member_id", a["member_id"], members, person)
        if a.get("arrived_at") and a.get("left_at") and a["left_at"] < a["arrived_at"]:
            c.add(f"meeting.attendance[{i}].left_at", "giờ về ở trước giờ đến")
        last = ""
        for j, x in enumerate(a.get("intervals", [])):
            if (x["from"] and x["from"] < last) or (x["to"] and x["to"] < (x["from"] or last)) \
                    or (j and not x["from"]) or (x is not a["intervals"][-1] and not x["to"]):
                c.add(f"meeting.attendance[{i}].intervals[{j}]", "các khoảng có mặt phải theo thứ tự giờ, không chồng nhau")
            last = x["to"] or x["from"] or last
    for i, r in enumerate(mt.get("self_reviews", [])):
        c.ref(f"meeting.self_reviews[{i}].member_id", r["member_id"], members, person)
        att = r.get("attachment")
        if att and "data_base64" in att:
            path = f"meeting.self_reviews[{i}].attachment.data_base64"
            try:
                raw = base64.b64decode(att["data_base64"], validate=True)
            except ValueError:
                c.add(path, "không phải base64 hợp lệ")
                continue
            if len(raw) != att["size"]:
                c.add(path, f"dài {len(raw)} byte, khác size ({att['size']})")
            elif att.get("sha256") and hashlib.sha256(raw).hexdigest() != att["sha256"]:
                c.add(path, "không khớp sha256")
    for i, w in enumerate(mt.get("written_comments", [])):
        c.ref(f"meeting.written_comments[{i}].member_id", w.get("member_id"), members, person)
    for i, x in enumerate(mt.get("comments", [])):
        c.ref(f"meeting.comments[{i}].step_id", x["step_id"], steps, "bước")
        c.ref(f"meeting.comments[{i}].speaker_member_id", x.get("speaker_member_id"), members, person)
        c.ref(f"meeting.comments[{i}].speaker_delegate_id", x.get("speaker_delegate_id"), delegates, "đại biểu")
    for i, b in enumerate(mt.get("ballots", [])):
        c.ref(f"meeting.ballots[{i}].step_id", b.get("step_id"), steps, "bước")
        for j, t in enumerate(b.get("counting_team", [])):
            c.ref(f"meeting.ballots[{i}].counting_team[{j}]", t, members, person)
    earlier: set[str] = set()
    for i, v in enumerate(mt.get("votes", [])):
        p = f"meeting.votes[{i}]"
        c.ref(f"{p}.subject", v.get("subject"), subjects, "đối tượng")
        c.ref(f"{p}.step_id", v.get("step_id"), steps, "bước")
        c.ref(f"{p}.ballot_id", v.get("ballot_id"), ballots, "lượt bỏ phiếu")
        if v.get("supersedes") is not None and v["supersedes"] not in earlier:
            c.add(f"{p}.supersedes", "phải là mã của một biểu quyết đứng trước trong danh sách"
                  if v["supersedes"] in votes else f"không có biểu quyết có mã “{v['supersedes']}” trong tài liệu")
        if v["kind"] == "rating" and not v.get("subject"):
            c.add(f"{p}.subject", "biểu quyết xếp loại cần đối tượng")
        if v["method"] == "ballot" and not v.get("ballot_id"):
            c.add(f"{p}.ballot_id", "bỏ phiếu cần mã lượt bỏ phiếu")
        earlier.add(v["id"])
    for i, r in enumerate(mt.get("ratings", [])):
        c.ref(f"meeting.ratings[{i}].subject", r["subject"], subjects, "đối tượng")
    for i, d in enumerate(mt.get("decisions", [])):
        c.ref(f"meeting.decisions[{i}].subject", d["subject"], subjects, "đối tượng")
    if c.problems:
        raise MeetingJsonError(file, c.problems)


def parse_document(data: dict, file: str = "", *, values_checked: bool = False) -> Parsed:
    validate_document(data, file, values_checked=values_checked)
    cj = data["cell"]
    cell = Cell(name=clean(cj.get("name")), higher_org=clean(cj.get("higher_org")), code=clean(cj.get("code")),
                is_grassroots=_bool(cj.get("is_grassroots")), has_committee=_bool(cj.get("has_committee")),
                locality=clean(cj.get("locality")))
    members = []
    for mj in data["members"]:
        members.append(Member(
            id=mj["id"], full_name=clean(mj["full_name"]), gender=Gender(mj["gender"]) if mj.get("gender") else None,
            birth_date=_d(mj.get("birth_date")), admission_date=_d(mj.get("admission_date")),
            official_date=_d(mj.get("official_date")), card_number=clean(mj.get("card_number")),
            party_post=PartyPost(mj.get("party_post", "member")), government_post=clean(mj.get("government_post")),
            work_unit=clean(mj.get("work_unit")), quota_group=clean(mj.get("quota_group")),
            last_year_level=mj.get("last_year_level", ""), declared_type=mj.get("declared_type", ""),
            declared_on=_d(mj.get("declared_on")), note=nfc(mj.get("note", "")).strip(),
            periods=[Period(PeriodKind(p["kind"]), _d(p["start"]), _d(p.get("end")), clean(p.get("note")))
                     for p in mj.get("periods", [])],
            discipline=[DisciplineRecord(
                DisciplineForm(x["form"]), _d(x["decision_date"]), _d(x.get("violation_date")),
                _bool(x.get("duty_linked")), _bool(x.get("self_detected_remedied")), _bool(x.get("previous_unit")),
                clean(x.get("note"))) for x in mj.get("discipline", [])]))
    mt = data["meeting"]
    meeting = Meeting(
        id=mt["id"], kind=MeetingKind(mt["kind"]), rating_year=mt["rating_year"], state=MeetingState(mt["state"]),
        meeting_date=_d(mt.get("date")), place=clean(mt.get("place")), document_number=clean(mt.get("document_number")),
        start_time=mt.get("start_time", ""), end_time=mt.get("end_time", ""), chair_id=mt.get("chair_id"),
        minute_taker_id=mt.get("minute_taker_id"), rule_set_id=mt.get("rule_set_id", ""),
        current_step_id=mt.get("current_step_id"),
        started_at=datetime.fromisoformat(mt["started_at"]) if mt.get("started_at") else None,
        settings=dict(sorted(mt.get("settings", {}).items())), revision=mt.get("revision", 0),
        reopen_reason=clean(mt.get("reopen_reason")), main_meeting_id=mt.get("main_meeting_id"),
        delegates=[Delegate(clean(d["name"]), clean(d.get("title")), d["id"]) for d in mt.get("delegates", [])])
    rec = MeetingRecord(meeting)
    rec.steps = [AgendaStep(
        StepKind(s["kind"]), clean(s["title"]), i, StepState(s.get("state", "not_started")), s.get("subject_member_id"),
        s.get("chair_id"), s.get("started_at", ""), s.get("finished_at", ""), _txt(s.get("report")),
        _txt(s.get("answer")), _txt(s.get("conclusion")), _txt(s.get("notes")), s["id"])
        for i, s in enumerate(mt.get("steps", []))]
    rec.attendance = {a["member_id"]: Attendance(a["member_id"], Presence(a["status"]), clean(a.get("reason")),
                                                 a.get("arrived_at", ""), a.get("left_at", ""),
                                                 [(x["from"], x["to"]) for x in a.get("intervals", [])])
                      for a in mt.get("attendance", [])}
    parsed = Parsed(cell, members, rec)
    parsed.history = [{"at": h["at"], "action": h["action"], "revision": h["revision"], "what": clean(h.get("what")),
                       "why": clean(h.get("why")), "detail": nfc(h.get("detail", ""))}
                      for h in mt.get("history", [])]
    for r in mt.get("self_reviews", []):
        att = r.get("attachment")
        sr = SelfReview(r["member_id"], _txt(r.get("summary")), r.get("general_score"), r.get("task_score"),
                        dict(sorted(r.get("grades", {}).items())), r.get("proposed_level", ""))
        rec.self_reviews[sr.member_id] = sr
        if att:
            if "data_base64" in att:
                raw = base64.b64decode(att["data_base64"])
                parsed.attachments[sr.member_id] = AttachmentInfo(
                    clean(att["name"]), len(raw), hashlib.sha256(raw).hexdigest(), raw)
            else:
                parsed.attachment_names[sr.member_id] = clean(att["name"])
    rec.written = [WrittenComment(w.get("member_id"), WrittenSource(w["source"]), _txt(w["text"]), w["id"])
                   for w in mt.get("written_comments", [])]
    rec.comments = [Comment(x["step_id"], _txt(x["text"]), x.get("speaker_member_id"), x.get("speaker_delegate_id"),
                            clean(x.get("speaker_name")), x.get("spoken_at", ""), x.get("position", i), x["id"])
                    for i, x in enumerate(mt.get("comments", []))]
    rec.ballots = {b["id"]: Ballot(BallotLayout(b["layout"]), b.get("step_id"), b.get("taken_at", ""),
                                   b.get("issued", 0), b.get("returned", 0), b.get("valid", 0), b.get("invalid", 0),
                                   list(b.get("counting_team", [])), _bool(b.get("double_entry")),
                                   _bool(b.get("accepted")), b["id"], b.get("counted_at", ""),
                                   clean(b.get("document_number")))
                   for b in mt.get("ballots", [])}
    rec.votes = [Vote(VoteKind(v["kind"]), clean(v["question"]), VoteMethod(v["method"]), v.get("subject"),
                      v.get("step_id"), v.get("ballot_id"), v.get("taken_at", ""), v.get("yes", 0), v.get("no", 0),
                      v.get("abstain", 0), _level_counts(v.get("levels", {})), _level_counts(v.get("second_entry", {})),
                      dict(sorted(v.get("settings", {}).items())), v.get("supersedes"), _bool(v.get("recorded")),
                      i, v["id"], list(v.get("offered", [])), clean(v.get("revote_reason")))
                 for i, v in enumerate(mt.get("votes", []))]
    for r in mt.get("ratings", []):
        rec.proposals[r["subject"]] = RatingProposal(
            r["subject"], r.get("accepted_general"), r.get("accepted_task"), clean(r.get("score_change_reason")), "",
            {k: clean(v) for k, v in sorted(r.get("justifications", {}).items())})
        if r.get("facts"):
            f = dict(r["facts"])
            if "note" in f:
                f["note"] = clean(f["note"])
            rec.facts[r["subject"]] = RatingFacts(member_id=r["subject"], **f)
    rec.decisions = [LevelDecision(d["subject"], DecisionKind(d["kind"]), d["level"], _d(d["decided_on"]),
                                   clean(d.get("reference")), clean(d.get("reason")), d["id"])
                     for d in mt.get("decisions", [])]
    for r in mt.get("collective_reviews", []):
        rec.collective_reviews[r["subject"]] = CollectiveReview(
            r["subject"], _txt(r.get("summary")), r.get("general_score"), r.get("task_score"),
            dict(sorted(r.get("grades", {}).items())), r.get("proposed_level", ""), presenter=clean(r.get("presenter")),
            strengths=_txt(r.get("strengths")), shortcomings=_txt(r.get("shortcomings")),
            remedies=_txt(r.get("remedies")))
    problems = meeting_checks.consistency_problems(parsed)
    if problems:
        raise MeetingJsonError(file, problems)
    return parsed


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
@dataclass
class ImportReport:
    meeting_id: str
    meeting: str                      # "new", "replaced" or "unchanged"
    members_added: list[str] = field(default_factory=list)
    members_kept: list[str] = field(default_factory=list)        # already in the file, identical
    members_different: list[str] = field(default_factory=list)   # already in the file, kept as the file has it
    cell_set: bool = False


def _vote_rows(meeting_id: str, v: Vote) -> list[RowChange]:
    out = [RowChange("vote", {"id": v.id}, {
        "meeting_id": meeting_id, "step_id": v.step_id, "position": v.position, "kind": v.kind.value,
        "question": v.question, "subject": v.subject, "method": v.method.value, "ballot_id": v.ballot_id,
        "taken_at": v.taken_at, "yes": v.yes, "no": v.no, "abstain": v.abstain,
        "settings": json.dumps(v.settings, sort_keys=True), "supersedes": v.supersedes, "recorded": int(v.recorded),
        "offered": json.dumps(list(v.offered)), "revote_reason": v.revote_reason})]
    for entry, counts in ((1, v.levels), (2, v.second_entry)):
        for level, n in counts.items():
            out.append(RowChange("vote_level", {"vote_id": v.id, "entry": entry, "level": level}, {"count": n}))
    return out


def _ballot_row(meeting_id: str, b: Ballot) -> RowChange:
    return RowChange("ballot", {"id": b.id}, {
        "meeting_id": meeting_id, "step_id": b.step_id, "layout": b.layout.value, "taken_at": b.taken_at,
        "issued": b.issued, "returned": b.returned, "valid": b.valid, "invalid": b.invalid,
        "counting_team": json.dumps(b.counting_team), "double_entry": int(b.double_entry),
        "state": "accepted" if b.accepted else "counting", "counted_at": b.counted_at,
        "document_number": b.document_number})


def _rating_row(meeting_id: str, p: RatingProposal, f: RatingFacts | None) -> RowChange:
    facts = _facts_json(f) or {}
    return RowChange("rating", {"meeting_id": meeting_id, "subject": p.subject}, {
        "accepted_general": p.accepted_general, "accepted_task": p.accepted_task,
        "score_change_reason": p.score_change_reason,
        "justifications": json.dumps(p.justifications, ensure_ascii=False, sort_keys=True),
        "facts": json.dumps(facts, ensure_ascii=False, sort_keys=True)})


def _write_meeting(conn: sqlite3.Connection, rec: MeetingRecord, attachments: dict[str, AttachmentInfo]) -> None:
    mid = rec.meeting.id
    repo.save_meeting(conn, rec.meeting)
    changes: list[RowChange] = []
    changes += [RowChange("delegate", {"id": d.id}, rows.delegate_row(mid, d, i + 1))
                for i, d in enumerate(rec.meeting.delegates)]
    changes += [RowChange("agenda_step", {"id": s.id}, rows.step_row(mid, s)) for s in rec.steps]
    changes += [RowChange("attendance", {"meeting_id": mid, "member_id": a.member_id}, rows.attendance_row(a))
                for a in rec.attendance.values()]
    changes += [RowChange("self_review", {"meeting_id": mid, "member_id": r.member_id}, rows.self_review_row(r))
                for r in rec.self_reviews.values()]
    changes += [RowChange("written_comment", {"id": w.id}, rows.written_row(mid, w)) for w in rec.written]
    changes += [RowChange("comment", {"id": c.id}, rows.comment_row(mid, c)) for c in rec.comments]
    changes += [_ballot_row(mid, b) for b in rec.ballots.values()]
    for v in rec.votes:
        changes += _vote_rows(mid, v)
    changes += [_rating_row(mid, p, rec.facts.get(s)) for s, p in rec.proposals.items()]
    changes += [RowChange("collective_review", {"meeting_id": mid, "subject": k}, rows.collective_review_row(r))
                for k, r in rec.collective_reviews.items()]
    for c in changes:
        apply_change(conn, c)
    for member_id, a in attachments.items():
        meeting_repo.save_attachment(conn, mid, member_id, a.name, a.data)
    for i, d in enumerate(rec.decisions):   # distinct creation stamps keep the order of the document
        stamp = datetime.combine(d.decided_on, datetime.min.time()) + timedelta(microseconds=i)
        decisions.add(conn, mid, d, stamp.isoformat())


def _import(conn: sqlite3.Connection, parsed: Parsed) -> ImportReport:
    meeting_transfer.defer_foreign_keys(conn, True)
    rec = parsed.record
    mid = rec.meeting.id
    report = ImportReport(mid, "new")
    # The cell: only an empty file takes the document's cell.
    current = repo.load_cell(conn)
    if not (current.name or current.higher_org or current.code):
        repo.save_cell(conn, parsed.cell)
        report.cell_set = True
    # Members: matched by UUID, never duplicated; the file's own data is kept.
    existing = {m.id: m for m in repo.load_members(conn)}
    for i, m in enumerate(parsed.members):
        if m.id in existing:
            same = member_json(existing[m.id], None) == member_json(m, None)
            (report.members_kept if same else report.members_different).append(m.id)
            continue
        holder = repo.card_holder(conn, m.card_number, m.id)
        if holder:
            raise MeetingJsonError("", [SchemaError(
                f"members[{i}].card_number", f"số thẻ “{m.card_number}” đã được ghi cho {holder} trong tệp dữ liệu")])
        repo.save_member(conn, m)
        report.members_added.append(m.id)
    # Attachments: bytes given in the document; or, named only, the same file already stored here.
    stored = _stored_attachments(conn, mid)
    attachments = dict(parsed.attachments)
    for member_id, name in parsed.attachment_names.items():
        if member_id in stored and stored[member_id].name == name:
            attachments[member_id] = stored[member_id]
    # The meeting: unchanged when the file already has exactly this; otherwise replaced whole.
    old = export_from_conn(conn, mid)
    if old is not None:
        order = {x["id"]: i for i, x in enumerate(old["members"])}
        old_history = old["meeting"]["history"]
        if parsed.history[:len(old_history)] != old_history[:len(parsed.history)]:
            raise MeetingJsonError("", [SchemaError("meeting.history", "lịch sử trong tệp dữ liệu khác lịch sử trong "
                                                    "tài liệu: lịch sử chỉ được ghi thêm, không thay")])
        history = old_history if len(old_history) >= len(parsed.history) else parsed.history
        incoming = meeting_json(rec, attachments, order, history=history)
        if incoming == old["meeting"]:
            report.meeting = "unchanged"
            return report
        if old["meeting"]["state"] == MeetingState.LOCKED.value:
            raise MeetingJsonError("", [SchemaError("meeting.id", "cuộc họp này đã khóa biên bản trong tệp dữ liệu: "
                                                    "không ghi đè bằng nội dung khác")])
        meeting_transfer.clear_meeting(conn, mid)
        report.meeting = "replaced"
        new_history = parsed.history[len(old_history):]      # append-only: only what the file lacks
    else:
        new_history = parsed.history
    _write_meeting(conn, rec, attachments)
    for h in new_history:
        meeting_transfer.add_history(conn, mid, h)
    meeting_transfer.defer_foreign_keys(conn, False)
    return report


def import_meeting(cf, data: Any, *, file: str = "") -> str:
    """Validate, then write the meeting in one transaction; returns the meeting's id."""
    return import_meeting_report(cf, data, file=file).meeting_id


def import_meeting_report(cf, data: Any, *, file: str = "") -> ImportReport:
    return import_parsed(cf, parse_document(data, file), file=file)


def import_parsed(cf, parsed: Parsed, *, file: str = "") -> ImportReport:
    """Write a document already checked by :func:`parse_document` (a package's meeting, checked
    once when the package was read) in one transaction."""
    try:
        return cf.db.write(_import, parsed).result()
    except MeetingJsonError as err:          # a refusal found against the data file: name the file too
        if not file:
            raise
        raise MeetingJsonError(file, err.problems) from err


def import_meeting_file(cf, path: str | os.PathLike) -> ImportReport:
    p = Path(path)
    return import_meeting_report(cf, read_document(p), file=p.name)
