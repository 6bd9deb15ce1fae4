"""Rows to model objects and back. Each function takes the connection and runs on the
writer thread (through Database.read / Database.write)."""
from __future__ import annotations

import sqlite3
from datetime import date, datetime

from ..model import (
    Cell, DisciplineForm, DisciplineRecord, Gender, Meeting, MeetingKind, MeetingState, Member,
    PartyPost, Period, PeriodKind,
)
from ..vn.text import clean, nfc
from .database import now_iso


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _enum_reader(enum_type):
    """``enum_type(value)`` through a dict of its values (Enum's call costs about a microsecond; a roster of
    500 asks it ~1,500 times while the file opens): a value not in it still goes to ``enum_type(value)``,
    which refuses it with the same ValueError (a damaged file)."""
    members = {m.value: m for m in enum_type}

    def read(value):
        found = members.get(value)
        return found if found is not None else enum_type(value)

    return read


_gender, _party_post, _period_kind = _enum_reader(Gender), _enum_reader(PartyPost), _enum_reader(PeriodKind)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# -- meta ------------------------------------------------------------------------------
def get_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta"))


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


# -- cell ------------------------------------------------------------------------------
def load_cell(conn: sqlite3.Connection) -> Cell:
    row = conn.execute(
        "SELECT name, higher_org, code, is_grassroots, has_committee, locality FROM cell WHERE id = 1").fetchone()
    return Cell(name=row[0], higher_org=row[1], code=row[2], is_grassroots=bool(row[3]),
                has_committee=bool(row[4]), locality=row[5])


def save_cell(conn: sqlite3.Connection, cell: Cell) -> None:
    conn.execute(
        "UPDATE cell SET name = ?, higher_org = ?, code = ?, is_grassroots = ?, has_committee = ?, locality = ? "
        "WHERE id = 1",
        (clean(cell.name), clean(cell.higher_org), clean(cell.code), int(cell.is_grassroots),
         int(cell.has_committee), clean(cell.locality)))


# -- members ---------------------------------------------------------------------------
_MEMBER_COLUMNS = ("id, full_name, gender, birth_date, admission_date, official_date, card_number, party_post, "
                   "government_post, work_unit, quota_group, last_year_level, declared_type, declared_on, note")


def _member_from_row(row: tuple) -> Member:
    return Member(
        id=row[0], full_name=row[1], gender=_gender(row[2]) if row[2] else None, birth_date=_d(row[3]),
        admission_date=_d(row[4]), official_date=_d(row[5]), card_number=row[6], party_post=_party_post(row[7]),
        government_post=row[8], work_unit=row[9], quota_group=row[10], last_year_level=row[11],
        declared_type=row[12], declared_on=_d(row[13]), note=row[14])


def load_members(conn: sqlite3.Connection) -> list[Member]:
    members = {row[0]: _member_from_row(row)
               for row in conn.execute(f"SELECT {_MEMBER_COLUMNS} FROM member")}
    for mid, pid, kind, start, end, note in conn.execute(
            "SELECT member_id, id, kind, start_date, end_date, note FROM member_period ORDER BY start_date, id"):
        members[mid].periods.append(Period(_period_kind(kind), _d(start), _d(end), note, pid))
    for row in conn.execute(
            "SELECT member_id, id, form, violation_date, decision_date, duty_linked, self_detected_remedied, "
            "previous_unit, note FROM discipline ORDER BY decision_date, id"):
        members[row[0]].discipline.append(DisciplineRecord(
            id=row[1], form=DisciplineForm(row[2]), violation_date=_d(row[3]), decision_date=_d(row[4]),
            duty_linked=bool(row[5]), self_detected_remedied=bool(row[6]), previous_unit=bool(row[7]),
            note=row[8]))
    return list(members.values())


def load_member(conn: sqlite3.Connection, member_id: str) -> Member | None:
    return next((m for m in load_members_by_ids(conn, [member_id])), None)


def load_members_by_ids(conn: sqlite3.Connection, ids: list[str]) -> list[Member]:
    wanted = set(ids)
    return [m for m in load_members(conn) if m.id in wanted]


def save_member(conn: sqlite3.Connection, m: Member) -> None:
    """Insert or update a member with its periods and discipline records (text stored NFC)."""
    stamp = now_iso()
    values = (
        clean(m.full_name), m.gender.value if m.gender else None, _iso(m.birth_date), _iso(m.admission_date),
        _iso(m.official_date), clean(m.card_number), m.party_post.value, clean(m.government_post),
        clean(m.work_unit), clean(m.quota_group), m.last_year_level, m.declared_type, _iso(m.declared_on),
        nfc(m.note).strip())
    updated = conn.execute(
        "UPDATE member SET full_name = ?, gender = ?, birth_date = ?, admission_date = ?, official_date = ?, "
        "card_number = ?, party_post = ?, government_post = ?, work_unit = ?, quota_group = ?, "
        "last_year_level = ?, declared_type = ?, declared_on = ?, note = ?, updated_at = ? WHERE id = ?",
        (*values, stamp, m.id)).rowcount
    if not updated:
        conn.execute(
            f"INSERT INTO member ({_MEMBER_COLUMNS}, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (m.id, *values, stamp, stamp))
    conn.execute("DELETE FROM member_period WHERE member_id = ?", (m.id,))
    conn.executemany(
        "INSERT INTO member_period (member_id, kind, start_date, end_date, note) VALUES (?, ?, ?, ?, ?)",
        [(m.id, p.kind.value, _iso(p.start), _iso(p.end), clean(p.note)) for p in m.periods])
    conn.execute("DELETE FROM discipline WHERE member_id = ?", (m.id,))
    conn.executemany(
        "INSERT INTO discipline (member_id, form, violation_date, decision_date, duty_linked, "
        "self_detected_remedied, previous_unit, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(m.id, d.form.value, _iso(d.violation_date), _iso(d.decision_date), int(d.duty_linked),
          int(d.self_detected_remedied), int(d.previous_unit), clean(d.note)) for d in m.discipline])


def card_holder(conn: sqlite3.Connection, card_number: str, other_than: str) -> str | None:
    """The name of another member who already has this card number."""
    row = conn.execute("SELECT full_name FROM member WHERE card_number = ? AND id <> ?",
                       (clean(card_number), other_than)).fetchone() if clean(card_number) else None
    return row[0] if row else None


def save_members(conn: sqlite3.Connection, members: list[Member]) -> None:
    for m in members:
        save_member(conn, m)


# -- meetings ---------------------------------------------------------------------------
MEETING_COLUMNS = ("id, kind, rating_year, state, meeting_date, place, document_number, start_time, end_time, "
                 "chair_id, minute_taker_id, rule_set_id, current_step_id, started_at, settings, revision, reopen_reason, "
                 "main_meeting_id")


def meeting_from_row(r: tuple) -> Meeting:
    import json     # here, not at the top: the window's first frame (the roster) reads no meeting

    return Meeting(id=r[0], kind=MeetingKind(r[1]), rating_year=r[2], state=MeetingState(r[3]),
                   meeting_date=date.fromisoformat(r[4]) if r[4] else None, place=r[5], document_number=r[6],
                   start_time=r[7], end_time=r[8], chair_id=r[9], minute_taker_id=r[10], rule_set_id=r[11],
                   current_step_id=r[12], started_at=datetime.fromisoformat(r[13]) if r[13] else None,
                   settings=json.loads(r[14] or "{}"), revision=r[15], reopen_reason=r[16],
                   main_meeting_id=r[17])


def load_meetings(conn: sqlite3.Connection) -> list[Meeting]:
    return [meeting_from_row(r) for r in conn.execute(
        f"SELECT {MEETING_COLUMNS} FROM meeting ORDER BY rating_year DESC, created_at DESC")]


def meeting_under_way(conn: sqlite3.Connection) -> bool:
    """A meeting being prepared or held (the window opens on it), without loading the meetings."""
    return conn.execute("SELECT 1 FROM meeting WHERE state IN (?, ?) LIMIT 1",
                        (MeetingState.PREPARING.value, MeetingState.IN_PROGRESS.value)).fetchone() is not None


def meeting_row(m: Meeting) -> dict:
    import json

    return {"kind": m.kind.value, "rating_year": m.rating_year, "state": m.state.value,
            "meeting_date": _iso(m.meeting_date), "place": clean(m.place),
            "document_number": clean(m.document_number), "start_time": m.start_time, "end_time": m.end_time,
            "chair_id": m.chair_id, "minute_taker_id": m.minute_taker_id, "rule_set_id": m.rule_set_id,
            "current_step_id": m.current_step_id,
            "started_at": m.started_at.isoformat(timespec="seconds") if m.started_at else None,
            "settings": json.dumps(m.settings, ensure_ascii=False, sort_keys=True),
            "revision": m.revision, "reopen_reason": clean(m.reopen_reason),
            "main_meeting_id": m.main_meeting_id}


def save_meeting(conn: sqlite3.Connection, m: Meeting) -> None:
    values = meeting_row(m)
    sets = ", ".join(f"{c} = ?" for c in values)
    if not conn.execute(f"UPDATE meeting SET {sets} WHERE id = ?", (*values.values(), m.id)).rowcount:
        cols = ["id", *values, "created_at"]
        conn.execute(f"INSERT INTO meeting ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     (m.id, *values.values(), now_iso()))
