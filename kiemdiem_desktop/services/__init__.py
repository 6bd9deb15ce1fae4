"""The operations the window and the command line share: one place for each use case.

The GUI calls these and never touches SQL; writes go to the writer thread and return a
Future that is done when the edit is committed.
"""
from __future__ import annotations

import os
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..i18n import QT_TRANSLATE_NOOP, UserError, msg, translate
from ..model import (
    CATEGORY_LABELS, Category, Cell, Meeting, Member, Period, PeriodKind, category_on, leave_on,
)
from ..model.member import PERIOD_LABELS
from ..store import repositories as repo
from ..store.database import Database
from ..vn.collation import sort_members
from ..vn.dates import format_date

if TYPE_CHECKING:
    from ..io.roster_import import ImportPreview


@dataclass(frozen=True)
class RosterEntry:
    """One line of the roster as seen on a given day."""

    member: Member
    category: Category
    leave: tuple[PeriodKind, ...]
    left_on: date | None

    @property
    def category_label(self) -> str:
        return translate(CATEGORY_LABELS[self.category])

    @property
    def status_text(self) -> str:
        parts = [self.category_label] + [translate(PERIOD_LABELS[k]) for k in self.leave]
        return "; ".join(parts)


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    excluded: list[int] = field(default_factory=list)


def validate_member(m: Member) -> None:
    """Refuse a member that cannot be right, saying which field is wrong (``UserError.field``:
    full_name, birth_date, official_date, admission_date, periods; card_number when the
    card belongs to someone else, in save_member)."""
    if not m.full_name.strip():
        raise UserError(msg(QT_TRANSLATE_NOOP("core", "Chưa nhập họ và tên.")).tagged("member.no_name", "full_name"))
    today = date.today()
    if m.birth_date and m.birth_date > today:
        raise UserError(msg(QT_TRANSLATE_NOOP("core", "Ngày sinh của {name} ở sau hôm nay."), name=m.full_name).tagged(
            "member.born_in_future", "birth_date"))
    if m.admission_date and m.official_date and m.official_date < m.admission_date:
        raise UserError(msg(QT_TRANSLATE_NOOP(
            "core", "Ngày chính thức của {name} ở trước ngày vào Đảng."), name=m.full_name).tagged(
            "member.official_before_admission", "official_date"))
    if m.birth_date and m.admission_date and m.admission_date <= m.birth_date:
        raise UserError(msg(QT_TRANSLATE_NOOP(
            "core", "Ngày vào Đảng của {name} ở trước ngày sinh."), name=m.full_name).tagged(
            "member.admitted_before_birth", "admission_date"))
    for p in m.periods:
        if p.end and p.end < p.start:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Khoảng thời gian “{kind}” của {name} kết thúc trước khi bắt đầu."),
                kind=PERIOD_LABELS[p.kind], name=m.full_name).tagged("member.period_reversed", "periods"))
    for p in m.states_off_the_roll():
        raise UserError(msg(QT_TRANSLATE_NOOP(
            "core", "Khoảng thời gian “{kind}” của {name} từ {start} kéo dài sau ngày thôi sinh hoạt tại chi bộ "
                    "({left}). Đảng viên được miễn, bị đình chỉ, sinh hoạt tạm thời nơi khác hay đang nghỉ vẫn thuộc "
                    "chi bộ: để trống “Đến ngày” của dòng “Sinh hoạt tại chi bộ”."),
            kind=PERIOD_LABELS[p.kind], name=m.full_name, start=format_date(p.start),
            left=format_date(m.left_on())).tagged("member.period_after_leaving", "periods"))


_NOT_AHEAD = object()


def _first_screen(conn) -> tuple[bool, Cell, list[Member] | None, list[Meeting] | None]:
    """Whether a meeting is under way, the cell, and the members — or, when a meeting is under
    way (the window then opens on the meetings), the meetings."""
    going = repo.meeting_under_way(conn)
    if going:
        return going, repo.load_cell(conn), None, repo.load_meetings(conn)
    return going, repo.load_cell(conn), repo.load_members(conn), None


class CellFile:
    """An open data file of one cell."""

    def __init__(self, db: Database):
        self.db = db
        self._meta = db.read(repo.get_meta)
        self._ahead: dict | None = None      # read_ahead(): what the window's first frame shows

    # -- opening and closing ---------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = False) -> "CellFile":
        return cls(Database(path, create=create))

    @classmethod
    def in_memory(cls) -> "CellFile":
        """An empty cell data file in memory only (a package's meetings imported to compute their
        figures with the cell's own code): nothing on disk, nothing to back up."""
        return cls(Database(":memory:", memory=True))

    @classmethod
    def open_in_background(cls, path: str | os.PathLike, *, create: bool = False) -> "Future[CellFile]":
        """``open`` on a thread of its own, then ``read_ahead``: the future gives the CellFile, or the
        error that refused the file. The window loads its modules meanwhile (SQLite checks the file
        without holding the GIL)."""
        import threading

        future: Future = Future()

        def work() -> None:
            try:
                cell_file = cls.open(path, create=create)
                cell_file.read_ahead()
                future.set_result(cell_file)
            except BaseException as err:  # noqa: BLE001 - handed to the caller
                future.set_exception(err)

        threading.Thread(target=work, name="kiemdiem-open", daemon=True).start()
        return future

    def __enter__(self) -> "CellFile":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(backup=False)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def closed(self) -> bool:
        return self.db.closed

    @property
    def is_demo(self) -> bool:
        return self._meta.get("is_demo") == "1"

    @property
    def kind(self) -> str:
        return self._meta.get("kind", "cell")

    def close(self, *, backup: bool = True) -> None:
        """Checkpoint and close; with ``backup``, an automatic copy is kept first (the last 10)."""
        self.db.close(backup_reason="dong" if backup else None)

    def read_ahead(self) -> None:
        """Read what the window's first frame shows, in one visit to the writer thread: whether a
        meeting is under way, the cell, and today's roster or, when the window will open on the
        meetings, the meetings.
        The window asks for each right after the file opens; each is handed out once, to the first
        caller, and only while nothing has been written since (``_take``). On the opening thread,
        this keeps the window's start from waiting on the writer thread."""
        try:
            going, cell, members, meetings = self.db.read(_first_screen)
        except Exception:  # noqa: BLE001 - said by the window's own read, as without reading ahead
            return
        ahead = {"meeting_under_way": going, "cell": cell}
        if members is not None:
            ahead["roster"] = self._roster(sort_members(members), date.today())
        if meetings is not None:
            ahead["meetings"] = meetings
        self._ahead = {"writes": self.db.writes, **ahead}

    def _take(self, key: str):
        """The value read ahead for ``key`` (once), or ``_NOT_AHEAD``."""
        ahead = self._ahead
        if ahead is None:
            return _NOT_AHEAD
        if ahead["writes"] != self.db.writes:
            self._ahead = None
            return _NOT_AHEAD
        return ahead.pop(key, _NOT_AHEAD)

    # -- the cell ---------------------------------------------------------------------------
    def cell(self) -> Cell:
        ahead = self._take("cell")
        return self.db.read(repo.load_cell) if ahead is _NOT_AHEAD else ahead

    def save_cell(self, cell: Cell) -> Future:
        return self.db.write(repo.save_cell, cell)

    # -- the roster -------------------------------------------------------------------------
    def members(self) -> list[Member]:
        """Every member the file has ever had, in the Vietnamese order of names."""
        return sort_members(self.db.read(repo.load_members))

    def member(self, member_id: str) -> Member:
        found = self.db.read(repo.load_member, member_id)
        if found is None:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Không tìm thấy đảng viên có mã {id}."), id=member_id))
        return found

    def roster(self, on: date | None = None, *, include_former: bool = True) -> list[RosterEntry]:
        ahead = self._take("roster") if on is None else _NOT_AHEAD
        entries = self._roster(self.members(), on or date.today()) if ahead is _NOT_AHEAD else ahead
        if not include_former:
            entries = [e for e in entries if e.category != Category.NOT_IN_CELL]
        return entries

    @staticmethod
    def _roster(members: list[Member], day: date) -> list[RosterEntry]:
        return [RosterEntry(m, category_on(m, day), tuple(leave_on(m, day)), m.left_on()) for m in members]

    def save_member(self, member: Member) -> Future:
        """Checked here, then committed on the writer thread; the future fails with a
        UserError when the card number belongs to someone else."""
        validate_member(member)

        def write(conn) -> None:
            holder = repo.card_holder(conn, member.card_number, member.id)
            if holder:
                raise UserError(msg(QT_TRANSLATE_NOOP(
                    "core", "Số thẻ đảng viên {card} đã được ghi cho {holder}."),
                    card=member.card_number, holder=holder).tagged("member.card_taken", "card_number"))
            repo.save_member(conn, member)

        return self.db.write(write)

    def add_member(self, member: Member, *, joined_on: date | None = None) -> Future:
        """A new member of this cell: a membership period starts on ``joined_on`` (by default the
        admission date, or today when it is not known)."""
        if not member.periods_of(PeriodKind.MEMBERSHIP):
            member = replace(member, periods=[*member.periods, Period(
                PeriodKind.MEMBERSHIP, joined_on or member.admission_date or date.today())])
        return self.save_member(member)

    def mark_left(self, member_id: str, day: date, reason: str = "") -> Future:
        """The member leaves the cell on ``day`` ("ngày chuyển đi"): kept with the whole history;
        the membership period ends the day before, so from ``day`` on the member is no longer
        "đang sinh hoạt" (a member marked as left today no longer counts today)."""
        m = self.member(member_id)
        running = [p for p in m.periods_of(PeriodKind.MEMBERSHIP) if p.end is None]
        if not running:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "{name} đã không còn sinh hoạt tại chi bộ."), name=m.full_name))
        for p in running:
            if day <= p.start:
                raise UserError(msg(QT_TRANSLATE_NOOP(
                    "core", "Ngày chuyển đi của {name} ({day}) phải sau ngày bắt đầu sinh hoạt tại chi bộ ({start})."),
                    name=m.full_name, day=format_date(day), start=format_date(p.start)))
            p.end = day - timedelta(days=1)
            if reason:
                p.note = reason
        for p in m.states_off_the_roll():      # a state here (leave, exemption…) ends when the member leaves
            if p.start < day:
                p.end = day - timedelta(days=1)
        return self.save_member(m)

    # -- import ------------------------------------------------------------------------------
    def preview_import(self, path: str | os.PathLike, **options) -> "ImportPreview":
        from ..io.roster_import import read_roster

        return read_roster(path, self.db.read(repo.load_members), **options)

    def apply_import(self, preview: "ImportPreview", exclude_rows: Iterable[int] = (),
                     confirm_rows: Iterable[int] = ()) -> "Future[ImportSummary]":
        """Write the rows of a preview. Refused while a row in error is not excluded, or a row that
        renames a matched member ("conflict") is neither confirmed nor excluded."""
        excluded = set(exclude_rows)
        confirmed = set(confirm_rows)
        # Only errors block the file; warnings and notes ("columns not used") do not.
        blocking = [p for p in preview.problems if getattr(p, "severity", "error") == "error"]
        if blocking:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Không nhập được tệp {file}: {problem}"), file=preview.file, problem=str(blocking[0])))
        errors = [r for r in preview.rows if r.action == "error" and r.row not in excluded]
        if errors:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Còn {n} dòng lỗi (dòng {rows}). Hãy sửa tệp, hoặc bỏ các dòng đó ra khỏi lần nhập này."),
                n=len(errors), rows=", ".join(str(r.row) for r in errors[:10])))
        conflicts = [r for r in preview.rows if r.action == "conflict" and r.row not in excluded | confirmed]
        if conflicts:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Còn {n} dòng đổi họ tên của đảng viên đã có, chưa được xác nhận: {first}"),
                n=len(conflicts), first=conflicts[0].conflict_text()))
        summary = ImportSummary(excluded=sorted(excluded))
        to_save = []
        for r in preview.rows:
            if r.row in excluded or r.action == "error":
                continue
            if r.action in ("update", "conflict"):
                summary.updated += 1
                to_save.append(r.member)
            elif r.action == "new":
                summary.added += 1
                to_save.append(r.member)
            elif r.action == "update":
                summary.updated += 1
                to_save.append(r.member)
            else:
                summary.unchanged += 1
        for m in to_save:
            validate_member(m)

        def write(conn) -> ImportSummary:
            repo.save_members(conn, to_save)
            return summary

        return self.db.write(write)

    # -- meetings ------------------------------------------------------------------------------
    def meetings(self) -> list[Meeting]:
        ahead = self._take("meetings")
        return self.db.read(repo.load_meetings) if ahead is _NOT_AHEAD else ahead

    def meeting_under_way(self) -> bool:
        """Is a meeting being prepared or held (state PREPARING or IN_PROGRESS)?"""
        ahead = self._take("meeting_under_way")
        return self.db.read(repo.meeting_under_way) if ahead is _NOT_AHEAD else ahead

    def save_meeting(self, meeting: Meeting) -> Future:
        return self.db.write(repo.save_meeting, meeting)

    def find_meeting(self, prefix: str) -> Meeting:
        found = [m for m in self.meetings() if m.id.startswith(prefix.lower())]
        if len(found) != 1:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Không có cuộc họp nào có mã bắt đầu bằng “{prefix}”.") if not found else
                QT_TRANSLATE_NOOP("core", "Có {n} cuộc họp có mã bắt đầu bằng “{prefix}”: hãy gõ thêm ký tự."),
                prefix=prefix, n=len(found)))
        return found[0]

    # -- safety copies -------------------------------------------------------------------------
    def backup(self, dest: str | os.PathLike) -> Path:
        return self.db.backup_to(dest)

    def restore(self, src: str | os.PathLike) -> Path:
        """Replace the data with a backup's; returns the automatic copy of what was there."""
        saved = self.db.restore_from(src)
        self._meta = self.db.read(repo.get_meta)
        return saved

