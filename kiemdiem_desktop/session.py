"""A meeting being prepared or held: every edit the guide makes, undoable and saved at once.

The session keeps the meeting in memory (the window reads it without waiting) and hands
each edit to the writer thread as row changes with their inverse (store.changes), so an
edit is on disk within moments and undo/redo survive a crash.
"""
from __future__ import annotations

import json
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Callable

from .clock import SYSTEM_CLOCK, Clock
from .flow.agenda import build_agenda, member_review_title, votes_after_each_review
from .flow.history import describe_changes, history_detail
from .flow.meeting_flow import MeetingFlow, StepCheck
from .i18n import QT_TRANSLATE_NOOP, UserError, msg
from .model import Category, Member, category_on
from .model.attendance import Attendance, Presence
from .model.meeting import Delegate, Meeting, MeetingKind, MeetingState, meeting_day
from .model.review import AgendaStep, Comment, SelfReview, StepKind, StepState, WrittenComment, WrittenSource
from .meeting_snapshot import MeetingSnapshot
from .rules.ruleset import RuleSet, rule_set, rule_set_for_year
from .services import CellFile
from .store import changes as ch
from .store import meeting_repo, repositories as repo, rows
from .store.changes import RowChange
from .vn.text import clean, matches

MAX_ATTACHMENT = 20 * 1024 * 1024


def clock_now() -> str:
    """The system clock's "HH:MM" (kept for older callers; the entry points give a Clock)."""
    return SYSTEM_CLOCK()


BOOKKEEPING = {("meeting", "current_step_id")}   # which step the guide shows: not a change of the record


def _only_bookkeeping(changes: list[RowChange], befores: list[dict | None]) -> bool:
    """An edit that changes nothing of the record (the guide moving to another step)."""
    for c, before in zip(changes, befores):
        if c.values is None or before is None:
            return False
        if any(before.get(k) != v and (c.table, k) not in BOOKKEEPING for k, v in c.values.items()):
            return False
    return True


class Speaker:
    """Someone who may speak: a member present or a delegate."""

    def __init__(self, name: str, member_id: str | None = None, delegate_id: str | None = None, title: str = ""):
        self.name, self.member_id, self.delegate_id, self.title = name, member_id, delegate_id, title

    def __repr__(self) -> str:
        return f"Speaker({self.name!r})"


class MeetingSession(MeetingSnapshot):
    """The live meeting: the stored meeting as read (MeetingSnapshot) and every command on it."""

    def __init__(self, cell_file: CellFile, meeting_id: str, *, clock: Clock | Callable[[], str] = SYSTEM_CLOCK):
        self._group: list[RowChange] | None = None     # the changes of the user action under way
        self.write_error: BaseException | None = None  # a write that failed on the writer thread
        self.observers: list[Callable[[object], None]] = []   # told after each edit (the windows)
        super().__init__(cell_file, meeting_id, clock=clock)

    def check(self, step: AgendaStep | None = None) -> StepCheck:
        """What the step needs before it is left, and what to mention (flow.MeetingFlow.check,
        with the rating gates read from the votes)."""
        from .voting import VotingDesk

        step = step or self.current
        return self.flow.check(step, self.time_of(step), VotingDesk(self))

    def speakers(self, query: str = "", at: str | None = None) -> list[Speaker]:
        """Members in the room and delegates, matched with or without diacritics or by initials."""
        at = at or self.time_of(self.current)
        people = [Speaker(d.name, delegate_id=d.id, title=d.title) for d in self.meeting.delegates]
        for m in self.member_list:
            a = self.record.attendance.get(m.id)
            if a is not None and a.in_room(at):
                people.append(Speaker(m.full_name, member_id=m.id))
        return [p for p in people if matches(query, p.name)]

    # -- one user action, one undo -----------------------------------------------------------------
    @contextmanager
    def action(self, label: str):
        """Group the edits made inside into one undoable command named ``label`` (what the user
        did, e.g. "Bắt đầu biểu quyết"), written when the block ends. Nested blocks join the outer one."""
        if self._group is not None:
            yield
            return
        self._group = []
        try:
            yield
        finally:
            changes, self._group = self._group, None
            if changes:
                self._commit(label, changes)

    # -- the windows that show this meeting ------------------------------------------------------
    def notify(self, source: object = None) -> None:
        """Tell every window showing this meeting that it changed (``source`` made the change)."""
        for fn in list(self.observers):
            fn(source)

    def recover(self) -> bool:
        """After a write failed on the writer thread: read the meeting again from the file, so the
        screen shows what the file holds. True when there was something to recover from."""
        if self.write_error is None:
            return False
        self.write_error = None
        self.reload()
        return True

    def _watch(self, future: Future) -> Future:
        def done(f: Future) -> None:
            if not f.cancelled() and f.exception() is not None:
                self.write_error = f.exception()
        future.add_done_callback(done)
        return future

    # -- writing ---------------------------------------------------------------------------------
    def commit(self, label: str, changes: list[RowChange], merge_key: str = "", *,
               allowed_when_locked: bool = False) -> Future:
        """The public command interface (VotingDesk and other collaborators): ``changes`` already
        made to the meeting in memory, written as one undoable command named ``label``; edits with
        the same ``merge_key`` in a row make one undo step. Refused once the minutes are locked
        (the meeting in memory is reloaded) unless ``allowed_when_locked``."""
        return self._commit(label, changes, merge_key, allowed_when_locked=allowed_when_locked)

    def step_start_changes(self, step: AgendaStep) -> list[RowChange]:
        """The step starts now (the rows to commit with the edit that starts it), if the meeting is
        under way and the step has not started; [] otherwise."""
        return self._started(step)

    def _commit(self, label: str, changes: list[RowChange], merge_key: str = "", *,
                allowed_when_locked: bool = False) -> Future:
        self._headcounts.clear()         # the meeting in memory changed (also inside a user action)
        if not allowed_when_locked and self.meeting.state == MeetingState.LOCKED:
            self.reload()          # the edit already touched the meeting in memory: undo that
            self._refuse_if_locked()
        if self._group is not None:      # part of a user action: written once, as one command
            self._group.extend(changes)
            done: Future = Future()
            done.set_result(None)
            return done
        reopened = self.meeting.revision > 0 and self.meeting.state != MeetingState.LOCKED
        revision, why = self.meeting.revision, self.meeting.reopen_reason
        where = self._where(changes) if reopened else {}
        names = {m.id: m.full_name for m in self.member_list} if reopened else {}

        def write(conn) -> None:
            befores = [ch.read_row(conn, c.table, c.key) for c in changes] if reopened else []
            ch.record(conn, self.meeting_id, label, changes, merge_key)
            if reopened and not _only_bookkeeping(changes, befores):
                # every change after a lock is kept: what, where, old and new value, and why
                lines = describe_changes(changes, befores, lambda t, k: where.get((t, json.dumps(k, sort_keys=True)), ""),
                                         names)
                meeting_repo.append_history(conn, self.meeting_id, "change", revision, label, why,
                                            history_detail(changes, befores, lines))

        return self._watch(self.db.write(write))

    def _where(self, changes: list[RowChange]) -> dict[tuple[str, str], str]:
        """The rows an edit touches, named for the history ("mục 8. Bế mạc", "ý kiến của …")."""
        out = {}
        for c in changes:
            name = ""
            if c.table == "agenda_step":
                step = next((st for st in self.record.steps if st.id == c.key.get("id")), None)
                name = f"mục {step.position + 1}. {step.title}" if step else ""
            elif c.table == "comment":
                cm = next((x for x in self.record.comments if x.id == c.key.get("id")), None)
                name = f"ý kiến của đồng chí {cm.speaker_name}" if cm else ""
            elif c.table in ("attendance", "self_review"):
                m = self.members.get(c.key.get("member_id", ""))
                name = f"đồng chí {m.full_name}" if m else ""
            elif c.table == "vote":
                v = next((x for x in self.record.votes if x.id == c.key.get("id")), None)
                name = v.question if v else ""
            out[(c.table, json.dumps(c.key, sort_keys=True))] = name
        return out

    def _refuse_if_locked(self) -> None:
        if self.meeting.state == MeetingState.LOCKED:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Biên bản đã khóa: muốn sửa phải “mở lại” và ghi lý do.")))

    def _meeting_change(self) -> RowChange:
        return RowChange("meeting", {"id": self.meeting_id}, repo.meeting_row(self.meeting))

    def _step_change(self, s: AgendaStep) -> RowChange:
        return RowChange("agenda_step", {"id": s.id}, rows.step_row(self.meeting_id, s))

    def update_meeting(self, **fields) -> Future:
        """Date, place, document number, start/end time, chair, minute-taker…"""
        for k, v in fields.items():
            if not hasattr(self.meeting, k) or k in ("id", "delegates", "state"):
                raise AttributeError(k)
            setattr(self.meeting, k, clean(v) if isinstance(v, str) and k in ("place", "document_number") else v)
        key = "meeting:" + ",".join(sorted(fields)) if all(k in ("place", "document_number") for k in fields) else ""
        return self._commit(QT_TRANSLATE_NOOP("core", "Sửa thông tin cuộc họp"), [self._meeting_change()], key)

    # delegates
    def add_delegate(self, name: str, title: str = "") -> Delegate:
        d = Delegate(clean(name), clean(title))
        self.meeting.delegates.append(d)
        self._commit(QT_TRANSLATE_NOOP("core", "Thêm đại biểu"), [
            RowChange("delegate", {"id": d.id}, rows.delegate_row(self.meeting_id, d, len(self.meeting.delegates)))])
        return d

    def remove_delegate(self, delegate_id: str) -> Future:
        self.meeting.delegates = [d for d in self.meeting.delegates if d.id != delegate_id]
        return self._commit(QT_TRANSLATE_NOOP("core", "Bỏ đại biểu"), [RowChange("delegate", {"id": delegate_id}, None)])

    # agenda
    def generate_agenda(self, votes_after_each: bool | None = None) -> Future:
        """The order of business from the rule set; replaces an agenda nothing was typed into.
        ``votes_after_each``: the rating votes right after each review (True), or in one step after
        all the reviews (False); None keeps the way the present agenda has them."""
        if any(s.state != StepState.NOT_STARTED for s in self.record.steps):
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Cuộc họp đã bắt đầu: không tạo lại chương trình.")))
        if votes_after_each is None:
            votes_after_each = votes_after_each_review(self.record.steps)
        steps = agenda_for(self.cf, self.meeting, self.rules, list(self.members.values()), self.categories,
                           votes_after_each=votes_after_each)
        removed = [RowChange("agenda_step", {"id": s.id}, None) for s in self.record.steps]
        self.record.steps = steps
        self.meeting.current_step_id = steps[0].id if steps else None
        if not self.meeting.rule_set_id:
            self.meeting.rule_set_id = self.rules.id
        return self._commit(QT_TRANSLATE_NOOP("core", "Tạo chương trình hội nghị"),
                            removed + [self._step_change(s) for s in steps] + [self._meeting_change()])

    def _renumber(self) -> list[RowChange]:
        for i, s in enumerate(self.record.steps):
            s.position = i
        return [self._step_change(s) for s in self.record.steps]

    def add_step(self, title: str, after_step_id: str | None = None) -> AgendaStep:
        s = AgendaStep(StepKind.OTHER, clean(title))
        i = self.flow.index_of(after_step_id) + 1 if after_step_id else len(self.record.steps)
        self.record.steps.insert(i, s)
        self._commit(QT_TRANSLATE_NOOP("core", "Thêm mục vào chương trình"), self._renumber())
        return s

    def remove_step(self, step_id: str) -> Future:
        s = self.record.step(step_id)
        if s.state != StepState.NOT_STARTED or self.record.comments_of(step_id):
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Mục “{title}” đã có nội dung: không xóa được."),
                                title=s.title))
        self.record.steps.remove(s)
        if self.meeting.current_step_id == step_id:
            self.meeting.current_step_id = self.record.steps[0].id if self.record.steps else None
        return self._commit(QT_TRANSLATE_NOOP("core", "Bỏ mục khỏi chương trình"),
                            [RowChange("agenda_step", {"id": step_id}, None), *self._renumber(),
                             self._meeting_change()])

    def move_step(self, step_id: str, delta: int) -> Future:
        i = self.flow.index_of(step_id)
        j = max(0, min(len(self.record.steps) - 1, i + delta))
        self.record.steps.insert(j, self.record.steps.pop(i))
        return self._commit(QT_TRANSLATE_NOOP("core", "Đổi thứ tự chương trình"), self._renumber())

    def rename_step(self, step_id: str, title: str) -> Future:
        s = self.record.step(step_id)
        s.title = clean(title)
        return self._commit(QT_TRANSLATE_NOOP("core", "Đổi tên mục"), [self._step_change(s)], f"title:{step_id}")

    # self-reviews and written comments, before the meeting
    def set_self_review(self, member_id: str, **fields) -> Future:
        r = self.record.self_reviews.get(member_id) or SelfReview(member_id)
        for k, v in fields.items():
            if k not in ("summary", "general_score", "task_score", "grades", "proposed_level"):
                raise AttributeError(k)
            setattr(r, k, v)
        if r.general_score is not None and not 0 <= r.general_score <= 30:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Điểm chung phải từ 0 đến 30.")))
        if r.task_score is not None and not 0 <= r.task_score <= 70:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Điểm kết quả thực hiện nhiệm vụ phải từ 0 đến 70.")))
        self.record.self_reviews[member_id] = r
        merge = f"self_review:{member_id}:summary" if set(fields) == {"summary"} else ""
        return self._commit(QT_TRANSLATE_NOOP("core", "Sửa bản tự kiểm điểm"), [RowChange(
            "self_review", {"meeting_id": self.meeting_id, "member_id": member_id}, rows.self_review_row(r))], merge)

    def set_collective_review(self, subject: str, **fields) -> Future:
        """The committee's or the cell's self-rating (Mẫu 01): presenter, summary, strengths,
        shortcomings, remedies, scores (366) or grades (124), the self-proposed level."""
        from .model.collective import FIELDS, CollectiveReview
        from .model.vote import CELL, COMMITTEE

        if subject not in (COMMITTEE, CELL):
            raise ValueError(subject)
        r = self.record.collective_reviews.get(subject) or CollectiveReview(subject)
        for k, v in fields.items():
            if k not in FIELDS:
                raise AttributeError(k)
        general = fields.get("general_score", r.general_score)
        task = fields.get("task_score", r.task_score)
        if general is not None and not 0 <= general <= 30:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Điểm chung phải từ 0 đến 30.")))
        if task is not None and not 0 <= task <= 70:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Điểm kết quả thực hiện nhiệm vụ phải từ 0 đến 70.")))
        for k, v in fields.items():
            setattr(r, k, clean(v) if k == "presenter" else rows.text(v) if isinstance(v, str) and k != "proposed_level"
                    else v)
        self.record.collective_reviews[subject] = r
        text_fields = {"summary", "strengths", "shortcomings", "remedies", "presenter"}
        merge = f"collective_review:{subject}:{next(iter(fields))}" if len(fields) == 1 and set(fields) <= text_fields \
            else ""
        step = next((st for st in self.record.steps if st.kind == StepKind.COLLECTIVE_REVIEW), None)
        started = self._started(step) if step is not None else []
        return self._commit(QT_TRANSLATE_NOOP("core", "Tự đánh giá, xếp loại của tập thể"), started + [RowChange(
            "collective_review", {"meeting_id": self.meeting_id, "subject": subject}, rows.collective_review_row(r))],
            merge)

    def attach_self_review_file(self, member_id: str, path: str | Path) -> Future:
        p = Path(path)
        data = p.read_bytes()
        if len(data) > MAX_ATTACHMENT:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Tệp {file} lớn hơn 20 MB: hãy quét với độ phân giải thấp hơn."), file=p.name))
        r = self.record.self_reviews.setdefault(member_id, SelfReview(member_id))
        r.attachment_name, r.attachment_size = p.name, len(data)
        self._refuse_if_locked()
        return self.db.write(meeting_repo.save_attachment, self.meeting_id, member_id, p.name, data)

    def attachment(self, member_id: str) -> tuple[str, bytes] | None:
        return self.db.read(meeting_repo.load_attachment, self.meeting_id, member_id)

    def add_written_comment(self, member_id: str | None, source: WrittenSource, text: str) -> WrittenComment:
        w = WrittenComment(member_id, source, rows.text(text))
        self.record.written.append(w)
        self._commit(QT_TRANSLATE_NOOP("core", "Thêm ý kiến bằng văn bản"),
                     [RowChange("written_comment", {"id": w.id}, rows.written_row(self.meeting_id, w))])
        return w

    def delete_written_comment(self, comment_id: str) -> Future:
        self.record.written = [w for w in self.record.written if w.id != comment_id]
        return self._commit(QT_TRANSLATE_NOOP("core", "Xóa ý kiến bằng văn bản"),
                            [RowChange("written_comment", {"id": comment_id}, None)])

    # -- the meeting itself ---------------------------------------------------------------------
    def start(self) -> Future:
        """Open the meeting: automatic backup, state 'in progress', the first step starts."""
        if not self.record.steps:
            self.generate_agenda()
        self.db.automatic_backup("bat-dau-hop")
        self.meeting.state = MeetingState.IN_PROGRESS
        self.meeting.started_at = self.meeting.started_at or self.now()
        if not self.meeting.start_time:
            self.meeting.start_time = self.clock()
        first = self.current
        changes = [self._meeting_change()]
        if first and first.state == StepState.NOT_STARTED:
            first.state, first.started_at = StepState.IN_PROGRESS, self.clock()
            changes.append(self._step_change(first))
        return self._commit(QT_TRANSLATE_NOOP("core", "Khai mạc"), changes)

    def set_attendance(self, member_id: str, status: Presence, reason: str = "") -> Future:
        a = self.record.attendance.get(member_id)
        a = replace(a, status=status, reason=clean(reason)) if a else Attendance(member_id, status, clean(reason))
        if status == Presence.PRESENT:
            a.arrived_at = ""
        return self._set_attendance(a, QT_TRANSLATE_NOOP("core", "Điểm danh"))

    def mark_all_present(self) -> Future:
        changes = []
        for m in self.attendees():
            if m.id not in self.record.attendance:
                a = Attendance(m.id, Presence.PRESENT)
                self.record.attendance[m.id] = a
                changes.append(RowChange("attendance", {"meeting_id": self.meeting_id, "member_id": m.id},
                                         rows.attendance_row(a)))
        return self._commit(QT_TRANSLATE_NOOP("core", "Điểm danh: có mặt"), changes)

    def arrive(self, member_id: str, at: str | None = None) -> Future:
        """A late arrival; or a member who had left coming back (a new stretch in the room)."""
        a = self.record.attendance.get(member_id) or Attendance(member_id, Presence.ABSENT_NO_REASON)
        at = at or self.clock()
        if a.left_at and not a.in_room(at):
            if at < a.left_at:
                raise UserError(msg(QT_TRANSLATE_NOOP(
                    "core", "Đồng chí {name} rời hội nghị lúc {left}: giờ trở lại ({at}) phải sau giờ đó."),
                    name=self.members[member_id].full_name, left=a.left_at, at=at))
            stretches = [list(x) for x in a.stretches()] + [[at, ""]]
            return self._set_attendance(replace(a, left_at="", intervals=[tuple(x) for x in stretches]),
                                        QT_TRANSLATE_NOOP("core", "Ghi trở lại hội nghị"))
        if a.present_at_opening:
            # marked present (e.g. "Tất cả có mặt") but not in the room at the opening after all:
            # an arrival time says so; no reason until one is typed (the base is unchanged)
            a = replace(a, status=Presence.ABSENT_NO_REASON)
        return self._set_attendance(replace(a, arrived_at=at), QT_TRANSLATE_NOOP("core", "Ghi đến muộn"))

    def leave(self, member_id: str, at: str | None = None) -> Future:
        a = self.record.attendance.get(member_id)
        at = at or self.clock()
        if a is None or not a.in_room(at):
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Đồng chí {name} không có mặt lúc này."),
                                name=self.members[member_id].full_name))
        intervals = a.intervals
        if intervals:
            intervals = [*intervals[:-1], (intervals[-1][0], at)]
        return self._set_attendance(replace(a, left_at=at, intervals=intervals), QT_TRANSLATE_NOOP("core", "Ghi về sớm"))

    def set_times(self, member_id: str, arrived_at: str = "", left_at: str = "") -> Future:
        """Correct a late arrival or early leave ("" clears it)."""
        a = self.record.attendance.get(member_id) or Attendance(member_id, Presence.ABSENT_NO_REASON)
        if arrived_at and left_at and left_at < arrived_at:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Giờ về ({left}) trước giờ đến ({arrived})."),
                                left=left_at, arrived=arrived_at))
        return self._set_attendance(replace(a, arrived_at=arrived_at, left_at=left_at),
                                    QT_TRANSLATE_NOOP("core", "Sửa giờ đến, giờ về"))

    def _set_attendance(self, a: Attendance, label: str) -> Future:
        self.record.attendance[a.member_id] = a
        return self._commit(label, [RowChange("attendance", {"meeting_id": self.meeting_id, "member_id": a.member_id},
                                              rows.attendance_row(a))])

    # steps
    def set_step_text(self, step_id: str, field: str, value: str) -> Future:
        """What is typed into a step (report, answer, conclusion, notes): one undo per field."""
        if field not in ("report", "answer", "conclusion", "notes"):
            raise AttributeError(field)
        s = self.record.step(step_id)
        setattr(s, field, rows.text(value))
        started = self._started(s)
        return self._commit(QT_TRANSLATE_NOOP("core", "Nhập nội dung"),
                            started + [RowChange("agenda_step", {"id": step_id}, {field: getattr(s, field)})],
                            merge_key=f"step:{step_id}:{field}")

    def set_step_chair(self, step_id: str, member_id: str | None) -> Future:
        s = self.record.step(step_id)
        s.chair_id = member_id if member_id != self.meeting.chair_id else None
        return self._commit(QT_TRANSLATE_NOOP("core", "Đổi người chủ trì"), [self._step_change(s)])

    def go_to(self, step_id: str) -> Future:
        """Show another step. Looking does not start it: typing into it, or reaching it with
        "next", does (its presence is taken then)."""
        self.record.step(step_id)
        self.meeting.current_step_id = step_id
        return self._commit(QT_TRANSLATE_NOOP("core", "Chuyển bước"), [self._meeting_change()],
                            allowed_when_locked=True)

    def _started(self, step: AgendaStep) -> list[RowChange]:
        """The step starts now if the meeting is under way and it has not started."""
        if step.state == StepState.NOT_STARTED and self.meeting.state == MeetingState.IN_PROGRESS:
            step.state, step.started_at = StepState.IN_PROGRESS, self.clock()
            return [self._step_change(step)]
        return []

    def go_next(self) -> StepCheck:
        """Finish the current step and start the next; refused (nothing changed) while something is missing."""
        from .voting import VotingDesk

        step = self.current
        result = self.flow.leave_check(step, self.time_of(step), VotingDesk(self))   # every gate: flow/
        if not result.ok:
            return result
        changes = []
        if step.state != StepState.DONE:
            step.state, step.finished_at = StepState.DONE, self.clock()
            changes.append(self._step_change(step))
        i = self.flow.index_of(step.id)
        if i + 1 < len(self.record.steps):
            nxt = self.record.steps[i + 1]
            self.meeting.current_step_id = nxt.id
            changes += self._started(nxt)
        elif self.meeting.state == MeetingState.IN_PROGRESS:
            self.meeting.state = MeetingState.HELD
        changes.append(self._meeting_change())
        self._commit(QT_TRANSLATE_NOOP("core", "Sang bước tiếp theo"), changes, allowed_when_locked=True)
        return result

    def go_previous(self) -> Future | None:
        i = self.flow.index_of(self.meeting.current_step_id)
        if i == 0:
            return None
        return self.go_to(self.record.steps[i - 1].id)

    # comments
    def add_comment(self, step_id: str, speaker: Speaker, text: str, at: str | None = None) -> Comment:
        body = rows.text(text)
        if not body.strip():
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Ý kiến chưa có nội dung.")))
        existing = self.record.comments_of(step_id)
        c = Comment(step_id, body, speaker.member_id, speaker.delegate_id, clean(speaker.name), at or self.clock(),
                    position=max((x.position for x in existing), default=-1) + 1)
        self.record.comments.append(c)
        self._commit(QT_TRANSLATE_NOOP("core", "Ghi ý kiến"), self._started(self.record.step(step_id)) +
                     [RowChange("comment", {"id": c.id}, rows.comment_row(self.meeting_id, c))])
        return c

    def edit_comment(self, comment_id: str, text: str) -> Future:
        c = next(c for c in self.record.comments if c.id == comment_id)
        c.text = rows.text(text)
        return self._commit(QT_TRANSLATE_NOOP("core", "Sửa ý kiến"),
                            [RowChange("comment", {"id": c.id}, {"text": c.text})], merge_key=f"comment:{c.id}")

    def delete_comment(self, comment_id: str) -> Future:
        self.record.comments = [c for c in self.record.comments if c.id != comment_id]
        return self._commit(QT_TRANSLATE_NOOP("core", "Xóa ý kiến"), [RowChange("comment", {"id": comment_id}, None)])

    def close_meeting(self, end_time: str | None = None) -> Future:
        """The closing time: with the adoption paragraph, the only thing written after the lock."""
        self.meeting.end_time = end_time or self.clock()
        return self._commit(QT_TRANSLATE_NOOP("core", "Bế mạc"), [self._meeting_change()], allowed_when_locked=True)

    # -- the actual times, correctable with the correction kept -------------------------------------
    def correct_time(self, what: str, value: str, reason: str, vote_id: str | None = None) -> Future:
        """Correct an actual time recorded when it happened, keeping the correction in the history
        (what it was, what it becomes, why). ``what``: "opening" (``value`` "dd/mm/yyyy HH:MM" or
        "HH:MM" on the same day), "closing" ("HH:MM"), or "vote" (``vote_id``; "HH:MM").
        The adoption time is the time of the vote on the minutes."""
        from .vn.dates import parse_date

        why = clean(reason)
        if not why:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Cần ghi lý do sửa giờ.")))
        value = clean(value)
        hhmm = value.split()[-1] if value else ""
        if not _is_hhmm(hhmm):
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Giờ không hợp lệ: «{value}», cần dạng giờ:phút (08:30)."),
                                value=value))
        changes: list[RowChange] = []
        if what == "opening":
            day = parse_date(value.split()[0]) if " " in value else (
                self.meeting.started_at.date() if self.meeting.started_at else meeting_day(self.meeting))
            h, m = (int(x) for x in hhmm.split(":"))
            old = self.meeting.started_at.strftime("%d/%m/%Y %H:%M") if self.meeting.started_at else ""
            self.meeting.started_at = datetime(day.year, day.month, day.day, h, m)
            new = self.meeting.started_at.strftime("%d/%m/%Y %H:%M")
            label = QT_TRANSLATE_NOOP("core", "Sửa giờ khai mạc")
            changes.append(self._meeting_change())
        elif what == "closing":
            old, new = self.meeting.end_time, hhmm
            self.meeting.end_time = hhmm
            label = QT_TRANSLATE_NOOP("core", "Sửa giờ bế mạc")
            changes.append(self._meeting_change())
        elif what == "vote":
            from .voting import VotingDesk

            desk = VotingDesk(self)
            v = desk.vote(vote_id)
            old, new = v.taken_at, hhmm
            v.taken_at = hhmm
            label = QT_TRANSLATE_NOOP("core", "Sửa giờ biểu quyết")
            changes += desk.vote_changes(v)
        else:
            raise ValueError(what)
        revision = self.meeting.revision
        detail = json.dumps({"what": what, "vote_id": vote_id, "from": old, "to": new}, ensure_ascii=False)

        def write(conn) -> None:
            ch.record(conn, self.meeting_id, label, changes, "")
            meeting_repo.append_history(conn, self.meeting_id, "change", revision, f"{label}: {old or '…'} thành {new}",
                                        why, detail)

        if self.meeting.state == MeetingState.LOCKED:
            self.reload()
            self._refuse_if_locked()
        return self.db.write(write)

    # -- adoption and lock ---------------------------------------------------------------------------
    def adoption_vote(self):
        """The last vote on the minutes (kind "minutes"), if any."""
        return self.flow.adoption_vote()

    def lock(self, with_changes: list[RowChange] | None = None) -> int:
        """The minutes adopted by their vote are locked: revision 1 (then 2, 3… after each reopening).
        Refused unless the adoption vote was announced and passed. Returns the revision.
        ``with_changes`` (the vote being announced) are written in the same transaction, so a crash
        never leaves minutes adopted but not locked."""
        from .voting import VotingDesk

        vote = self.adoption_vote()
        if vote is None or not vote.recorded:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Chưa có kết quả biểu quyết thông qua biên bản: chưa khóa được.")))
        result = VotingDesk(self).result(vote)
        if not result.passed:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Biên bản chưa được thông qua ({summary}): chưa khóa được."), summary=result.summary()))
        if self.meeting.state == MeetingState.LOCKED:
            return self.meeting.revision
        self.meeting.state = MeetingState.LOCKED
        self.meeting.revision += 1
        self.meeting.reopen_reason = ""
        revision, change = self.meeting.revision, self._meeting_change()

        def write(conn) -> None:
            for c in with_changes or []:
                ch.apply_change(conn, c)
            ch.apply_change(conn, change)
            meeting_repo.append_history(conn, self.meeting_id, "lock", revision,
                                        f"Khóa biên bản, lần {revision}", "", result.summary())
            ch.barrier(conn, self.meeting_id, "Khóa biên bản")

        self.db.write(write).result()
        self.db.automatic_backup("khoa")
        return revision

    def reopen(self, reason: str) -> Future:
        """"Mở lại" a locked meeting: needs a reason; every change until the next lock is kept."""
        if self.meeting.state != MeetingState.LOCKED:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Biên bản chưa khóa.")))
        if not clean(reason):
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Cần ghi lý do mở lại biên bản.")))
        self.meeting.state = MeetingState.HELD
        self.meeting.reopen_reason = clean(reason)
        revision, change = self.meeting.revision, self._meeting_change()

        def write(conn) -> None:
            ch.apply_change(conn, change)
            meeting_repo.append_history(conn, self.meeting_id, "reopen", revision, "Mở lại biên bản", clean(reason))

        return self.db.write(write)

    def history(self) -> list[dict]:
        return self.db.read(meeting_repo.load_history, self.meeting_id)

    def flush(self) -> None:
        """Wait until every edit handed to the writer so far is committed (or failed)."""
        self.db.call(lambda conn: None)

    # -- undo / redo -------------------------------------------------------------------------------
    def undo(self) -> str | None:
        self._refuse_if_locked()
        label = self.db.write(ch.undo, self.meeting_id).result()
        self.reload()
        return label

    def redo(self) -> str | None:
        self._refuse_if_locked()
        label = self.db.write(ch.redo, self.meeting_id).result()
        self.reload()
        return label

    def undo_redo_labels(self) -> tuple[str | None, str | None]:
        return self.db.read(ch.undo_redo_labels, self.meeting_id)


def live_session(cf: CellFile, meeting_id: str, *, clock: Callable[[], str] | None = None) -> MeetingSession:
    """The one live meeting object of ``meeting_id`` in this open file: every window showing the
    meeting (guide, documents, presentation) shares it, so an edit made in one is seen by all and
    none overwrites another's edit with an older copy."""
    live: dict[str, MeetingSession] = cf.__dict__.setdefault("_live_meetings", {})
    s = live.get(meeting_id)
    if s is None:
        s = live[meeting_id] = MeetingSession(cf, meeting_id, **({"clock": clock} if clock else {}))
    elif clock is not None:
        s.clock = clock
    return s


def _is_hhmm(text: str) -> bool:
    parts = text.split(":")
    return (len(parts) == 2 and all(p.isdigit() for p in parts) and len(parts[1]) == 2
            and 0 <= int(parts[0]) < 24 and 0 <= int(parts[1]) < 60)


def agenda_for(cf: CellFile, meeting: Meeting, rules: RuleSet, members: list[Member],
               categories: dict[str, Category], *, votes_after_each: bool = False) -> list[AgendaStep]:
    supplementary = meeting.kind == MeetingKind.SUPPLEMENTARY
    if supplementary:   # only the members still unrated in the year (rating_year.py)
        from .rating_year import still_unrated

        still = still_unrated(cf, meeting.rating_year, meeting.id)
        members = [m for m in members if m.id in still]
    return build_agenda(rules, members, categories, cf.cell().has_committee, supplementary=supplementary,
                        votes_after_each=votes_after_each)


def prepare_meeting(cf: CellFile, rating_year: int, kind: MeetingKind = MeetingKind.MAIN, *,
                    votes_after_each: bool = False, **fields) -> MeetingSession:
    """A new meeting with the rule set of its rating year and its agenda, written in one transaction
    (``votes_after_each``: a rating vote right after each member's review, see build_agenda)."""
    rules = rule_set_for_year(rating_year)
    m = Meeting(rating_year=rating_year, kind=kind, rule_set_id=rules.id, **fields)
    if kind == MeetingKind.SUPPLEMENTARY and not m.main_meeting_id:
        from .rating_year import require_main_meeting

        m.main_meeting_id = require_main_meeting(cf, rating_year).id
    members = cf.members()
    day = meeting_day(m)
    steps = agenda_for(cf, m, rules, members, {x.id: category_on(x, day) for x in members},
                       votes_after_each=votes_after_each)
    m.current_step_id = steps[0].id if steps else None

    def write(conn) -> None:
        repo.save_meeting(conn, m)
        for s in steps:
            ch.apply_change(conn, RowChange("agenda_step", {"id": s.id}, rows.step_row(m.id, s)))

    cf.db.write(write).result()
    return live_session(cf, m.id)


__all__ = ["MeetingSession", "Speaker", "live_session", "prepare_meeting", "member_review_title"]
