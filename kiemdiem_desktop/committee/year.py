"""The committee's year (DOMAIN.md §10), one set of functions for the command line and the window:
the đảng bộ's cells, opening packages into the register (one or a whole folder, with progress),
each cell's state, the summary across cells with the quota lines, decisions (history kept), the
notices back to the cells and the report upward.

Levels counted: a member's level is the committee's current decision, else the level the cell
voted; never the self-proposed level. The quota lines count the same levels, per quota group across
the đảng bộ (a member's ``quota_group``; "" is one group for the whole đảng bộ), as a check: the
committee is the deciding level.
"""
from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from ..crypto.open_package import PackageRefused, check_target_folder, read_package_file, unpack
from .register import FIRST_SEEN, REFUSED, CommitteeRegister, cell_key
from ..i18n import QT_TRANSLATE_NOOP, UserError, msg
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS, Level
from ..store import committee_store as cs
from ..store.committee_store import is_postgres_url, safe_url, url_without_password  # noqa: F401 - for the window
from ..vn.text import clean, fold

LEVELS = ("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED")
RANK = {lv: i for i, lv in enumerate(LEVELS)}          # 0 is the highest
STATUSES = ("verified", "refused", "superseded", "expected")
STATUS_LABELS = {"verified": QT_TRANSLATE_NOOP("core", "Đã nhận, đã xác minh"),
                 "refused": QT_TRANSLATE_NOOP("core", "Gói bị từ chối"),
                 "superseded": QT_TRANSLATE_NOOP("core", "Đã gửi bản sửa đổi (bản mới nhất đã xác minh)"),
                 "expected": QT_TRANSLATE_NOOP("core", "Chưa gửi")}
WHOLE = "Toàn đảng bộ"
CELL_PREFIX = "cell:"
BATCH_SECONDS = 2.0       # opening a folder: the register's transaction is committed this often


class DecisionRefused(UserError):
    """A decision the rules do not allow (exit 2, nothing written)."""


def parse_level(text: str) -> str:
    """EXCELLENT / HTXSNV / "Hoàn thành xuất sắc nhiệm vụ" (with or without diacritics) -> the code."""
    t = fold(clean(str(text or ""))).replace(" ", "")
    for lv in Level:
        if t in (lv.value.lower().replace("_", ""), fold(LEVEL_ABBREVIATIONS[lv]).replace(" ", ""),
                 fold(LEVEL_LABELS[lv]).replace(" ", "")):
            return lv.value
    raise DecisionRefused(msg(QT_TRANSLATE_NOOP(
        "core", "Mức “{text}” không có: dùng HTXSNV, HTTNV, HTNV hoặc KHTNV (hoặc EXCELLENT, GOOD, COMPLETED, "
                "NOT_COMPLETED)."), text=text))


# -- the view of a year --------------------------------------------------------------------------------
@dataclass
class MemberLine:
    id: str
    cell_key: str
    cell_name: str
    full_name: str
    birth_year: int | None
    post: str
    membership: str
    quota_group: str
    rated: bool
    self_level: str | None
    score: float | None
    voted_level: str | None
    votes: int | None
    base: int | None
    note: str
    decision: cs.DecisionRow | None = None

    @property
    def level(self) -> str | None:
        """The level that counts: decided, else voted (never self-proposed)."""
        return self.decision.level if self.decision else self.voted_level


@dataclass
class CellLine:
    key: str
    code: str
    name: str
    listed: bool
    status: str
    revision: int | None
    package: str | None                # the current package's SHA-256
    meeting_date: str | None = None
    cell_level: str | None = None      # what the cell voted for itself
    cell_votes: int | None = None
    cell_base: int | None = None
    committee_level: str | None = None
    decision: cs.DecisionRow | None = None
    members: list[MemberLine] = field(default_factory=list)
    reason: str = ""                   # why the last package was refused

    @property
    def level(self) -> str | None:
        return self.decision.level if self.decision else self.cell_level

    @property
    def subject(self) -> str:
        return CELL_PREFIX + self.key


@dataclass
class QuotaLineView:
    group: str
    excellent: int
    good: int
    ratio: float | None
    limit: float
    allowed: int
    over: bool
    text: str


@dataclass
class YearView:
    year: int
    cells: list[CellLine]
    quota: list[QuotaLineView]

    def members(self) -> list[MemberLine]:
        return [m for c in self.cells for m in c.members]

    def member(self, prefix: str) -> MemberLine:
        found = [m for m in self.members() if m.id == prefix] or [m for m in self.members() if m.id.startswith(prefix)]
        if not found:
            raise DecisionRefused(msg(QT_TRANSLATE_NOOP(
                "core", "Không có đảng viên mã {id} trong các gói đã nhận năm {year}."), id=prefix, year=self.year))
        if len(found) > 1:
            raise DecisionRefused(msg(QT_TRANSLATE_NOOP(
                "core", "Mã {id} khớp với {n} đảng viên: hãy ghi đủ mã."), id=prefix, n=len(found)))
        return found[0]

    def cell(self, code: str) -> CellLine:
        k = fold(clean(code))
        for c in self.cells:
            if fold(c.code) == k or fold(c.name) == k or c.key == code:
                return c
        raise DecisionRefused(msg(QT_TRANSLATE_NOOP("core", "Không có chi bộ “{code}” trong danh sách của đảng bộ."),
                                  code=code))

    def counts(self) -> dict:
        levels = dict.fromkeys(LEVELS, 0)
        proposed = dict.fromkeys(LEVELS, 0)
        unrated = total = not_here = decided = 0
        for m in self.members():
            if m.decision is not None:
                decided += 1
            if not m.rated:
                not_here += 1
                continue
            total += 1
            if m.voted_level is not None:
                proposed[m.voted_level] += 1
            lv = m.level
            if lv is None:
                unrated += 1
            else:
                levels[lv] += 1
        sent = [c for c in self.cells if c.package]
        cell_levels = {lv: sum(1 for c in sent if c.level == lv) for lv in LEVELS}
        cell_proposed = {lv: sum(1 for c in sent if c.cell_level == lv) for lv in LEVELS}
        return {"members": {"levels": levels, "unrated": unrated, "total": total, "not_rated_here": not_here,
                            "proposed_levels": proposed},
                "cells": {"levels": cell_levels, "proposed_levels": cell_proposed,
                          "unrated": sum(1 for c in sent if c.level is None),
                          "total": len(sent), "expected": sum(1 for c in self.cells if not c.package)},
                "decided": decided}


def _quota(year: int, members: list[MemberLine]) -> list[QuotaLineView]:
    from ..rules.quota import quota_lines
    from ..rules.ruleset import rule_set_for_year

    try:
        rules = rule_set_for_year(year)
    except Exception:  # noqa: BLE001 - a year no rule set covers: the latest one's quota
        from ..rules.ruleset import all_rule_sets

        rules = all_rule_sets()[-1]
    if "quota" not in rules.data:
        return []

    @dataclass(frozen=True)
    class _Grouped:
        quota_group: str

    rated = [(_Grouped(m.quota_group), m.level) for m in members if m.rated and m.level]
    out = []
    for q in quota_lines(rated, is_grassroots=True, quota=rules):
        out.append(QuotaLineView(q.group, q.excellent, q.good, None if q.ratio is None else round(float(q.ratio), 4),
                                 round(float(q.limit), 4), q.allowed, q.over, q.text))
    return out


class CommitteeOffice:
    """The committee's store opened for the year's work (a data file or a PostgreSQL URL)."""

    def __init__(self, location: str | os.PathLike, *, create: bool = True):
        self.register = CommitteeRegister(location, create=create)
        self.store = self.register.store
        self.location = self.register.location
        self._members: dict[str, list[dict]] = {}      # package SHA-256 -> its proposal's member rows

    def close(self) -> None:
        self.register.close()

    def __enter__(self) -> "CommitteeOffice":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- identity ---------------------------------------------------------------------------------
    def identity(self) -> dict[str, str]:
        meta = self.store.read(cs.get_meta)
        return {"name": meta.get("name", ""), "higher_org": meta.get("higher_org", ""),
                "locality": meta.get("locality", ""), "secretary": meta.get("secretary", "")}

    def set_identity(self, **values: str) -> None:
        values = {k: clean(v) for k, v in values.items() if v is not None}
        self.store.write(lambda q: cs.set_meta(q, values))

    # -- cells --------------------------------------------------------------------------------------
    def import_cells(self, path: str | os.PathLike) -> tuple[int, int]:
        from ..io.committee_tables import CELL_HEADERS, read_table

        rows = read_table(path, CELL_HEADERS, ("name",))
        cells, seen, errors = [], {}, []
        for r in rows:
            code, name = clean(str(r.values.get("code") or "")), clean(str(r.values.get("name") or ""))
            if not name:
                errors.append(f"{Path(path).name}, dòng {r.row}, cột “Tên chi bộ”: trống.")
                continue
            key = cell_key({"code": code, "name": name})
            if key in seen:
                errors.append(f"{Path(path).name}, dòng {r.row}: chi bộ “{code or name}” trùng với dòng {seen[key]}.")
                continue
            seen[key] = r.row
            cells.append({"cell_key": key, "code": code, "name": name,
                          "higher_org": clean(str(r.values.get("higher_org") or ""))})
        if errors:
            raise UserError("\n".join(errors) + "\nKhông ghi gì.")
        if not cells:
            raise UserError(f"{Path(path).name}: không có chi bộ nào. Không ghi gì.")
        return self.store.write(lambda q: cs.upsert_listed_cells(q, cells))

    # -- opening packages ---------------------------------------------------------------------------
    def open_packages(self, paths: list[Path], key, *, out: Path | None, trust: bool = False,
                      confirm: Callable[[object, object], bool] | None = None,
                      progress: Callable[[int, int, Path, "OpenOutcome"], None] | None = None,
                      several: bool | None = None, accept_expired: bool = False) -> list["OpenOutcome"]:
        """Open each package with the committee's ``key``: verify, check the register, read the
        proposal, unpack (into ``out`` for one package, ``out/<stem>`` for several) and record it with
        its proposal in one transaction. A refused package is named and the others go on."""
        several = len(paths) > 1 if several is None else several
        results: list[OpenOutcome] = []
        todo = list(enumerate(paths, 1))
        while todo:
            # A few transactions for a whole folder (one sync of the disk each) rather than one per
            # package; each is committed after about BATCH_SECONDS of work, so a stop loses little.
            with self.store.batch():
                started = time.monotonic()
                while todo:                 # at least one package per transaction
                    i, path = todo.pop(0)
                    target = None if out is None else (Path(out) / Path(path).stem if several else Path(out))
                    r = self.open_one(Path(path), key, target=target, trust=trust, confirm=confirm,
                                      accept_expired=accept_expired)
                    results.append(r)
                    if progress is not None:
                        progress(i, len(paths), Path(path), r)
                    if time.monotonic() - started >= BATCH_SECONDS:
                        break
        return results

    def open_one(self, path: Path, key, *, target: Path | None, trust: bool = False,
                 confirm: Callable[[object, object], bool] | None = None,
                 accept_expired: bool = False) -> "OpenOutcome":
        try:
            if target is not None:
                check_target_folder(target)
            opened = read_package_file(path, key)
        except PackageRefused as err:
            return OpenOutcome(path, "refused", str(err), kind=err.kind)
        except UserError as err:
            return OpenOutcome(path, "refused", str(err))
        if getattr(opened, "expired_warning", "") and not accept_expired:
            return OpenOutcome(path, "refused", f"{opened.expired_warning}\nGói {path.name} chưa được mở. Sau khi đã "
                               f"xác nhận với chi bộ, chạy lại lệnh với --accept-expired. Không ghi gì.",
                               opened=opened)
        decision = self.register.decide(opened)
        chain = decision.chain.message if decision.chain else ""
        if decision.status in REFUSED:
            if decision.kept_in_inbox:            # a known cell's package refused: its state says so
                self.register.record(opened, state="refused", reason=decision.message_when_kept, chain=chain)
                return OpenOutcome(path, "refused", decision.message_when_kept, opened=opened, decision=decision)
            return OpenOutcome(path, "refused", decision.message, opened=opened, decision=decision)
        if decision.status == FIRST_SEEN:
            ok = trust or (confirm is not None and confirm(opened, decision))
            if not ok:
                return OpenOutcome(path, "untrusted", decision.message + "\nChưa ghi vào sổ đăng ký: sau khi đối "
                                   "chiếu dấu vân tay, chạy lại lệnh với --trust. Không ghi gì.",
                                   opened=opened, decision=decision)
        return self.accept(path, opened, decision, target)

    def accept(self, path: Path, opened, decision, target: Path | None) -> "OpenOutcome":
        """A checked package whose signer is known or was just confirmed: read its proposal, unpack
        it, trust a first-seen key, and record the package with its proposal in one transaction."""
        from .proposals import read_proposal

        chain = decision.chain.message if decision.chain else ""
        try:
            proposal = read_proposal(opened.files, opened.manifest, getattr(opened, "documents", None))
        except UserError as err:
            return OpenOutcome(path, "refused", f"{path.name}: {err}", opened=opened, decision=decision)
        except Exception as err:  # noqa: BLE001 - a signed package whose meeting the core cannot compute
            return OpenOutcome(path, "refused", f"{path.name}: không đọc được đề xuất của chi bộ trong gói "
                               f"({type(err).__name__}). Không ghi gì.", opened=opened, decision=decision)
        folder = ""
        if target is not None:
            folder = str(unpack(opened, target).absolute())
        if decision.status == FIRST_SEEN:
            self.register.trust(opened)
        row = {"package_sha256": opened.package_sha256, "rating_year": proposal.rating_year,
               "cell_key": cell_key(opened.cell), "meeting_id": proposal.meeting_id,
               "revision": opened.meeting.get("revision") or 0, "created_at": opened.manifest.get("created_at", ""),
               "meeting_date": proposal.meeting_date, "rule_set": proposal.rule_set,
               "cell_level": proposal.cell_level, "cell_votes": proposal.cell_votes, "cell_base": proposal.cell_base,
               "committee_level": proposal.committee_level, "minutes_name": "bien-ban.pdf"}
        members = [m.as_row() for m in proposal.members]
        minutes = opened.files.get("bien-ban.pdf")
        state = self.register.record(opened, folder=folder, chain=chain,
                                     extra=lambda q, st: cs.save_proposal(q, row, members, minutes))
        return OpenOutcome(path, state, "", opened=opened, decision=decision, folder=folder,
                           members=len(members))

    # -- the year -----------------------------------------------------------------------------------
    def view(self, year: int) -> YearView:
        def read(q: cs.Q):
            return (cs.cells(q), cs.inbox(q, year), cs.current_proposals(q, year), cs.current_decisions(q, year))

        cells, inbox, proposals, decisions = self.store.read(read)
        # A package's proposal never changes once recorded: its members are read once per process.
        shas = [p["package_sha256"] for p in proposals]
        missing = [sha for sha in shas if sha not in self._members]
        if missing:
            self._members.update(self.store.read(lambda q: cs.proposal_members(q, missing)))
        return build_view(year, cells, inbox, proposals, {sha: self._members[sha] for sha in shas}, decisions)

    def status(self, year: int) -> dict:
        v = self.view(year)
        return {"year": year, "cells": [
            {"code": c.code, "name": c.name, "status": c.status, "revision": c.revision,
             "members": len(c.members) if c.package else None, "listed": c.listed,
             "meeting_date": c.meeting_date, "reason": c.reason or None} for c in v.cells]}

    def summary(self, year: int, view: YearView | None = None) -> dict:
        v = view or self.view(year)
        counts = v.counts()
        return {"year": year, "members": counts["members"], "cells": counts["cells"],
                "quota": [{"group": q.group, "label": q.group or WHOLE, "excellent": q.excellent, "good": q.good,
                           "ratio": q.ratio, "limit": q.limit, "allowed": q.allowed, "over": q.over, "text": q.text}
                          for q in v.quota],
                "decided": counts["decided"],
                "per_cell": [{"code": c.code, "name": c.name, "status": c.status,
                              "levels": _levels(c.members),
                              "unrated": [{"id": m.id, "full_name": m.full_name, "reason": m.note}
                                          for m in c.members if m.rated and m.level is None],
                              "not_rated_here": [{"id": m.id, "full_name": m.full_name, "reason": m.note}
                                                 for m in c.members if not m.rated],
                              "cell_proposed": c.cell_level, "cell_decided": c.decision.level if c.decision else None}
                             for c in v.cells]}

    def history(self, year: int, subject: str | None = None) -> list[cs.DecisionRow]:
        return self.store.read(lambda q: cs.decision_history(q, year, subject))

    def minutes(self, year: int, cell: CellLine) -> tuple[str, bytes] | None:
        if not cell.package:
            return None
        return self.store.read(lambda q: cs.minutes_of(q, cell.package))

    def minutes_file(self, year: int, cell: CellLine, folder: str | os.PathLike) -> tuple[Path, list] | None:
        """The cell's minutes as received (written into ``folder``) and the report of each of its
        signatures (chủ trì, thư ký): who signed, when, intact or not."""
        from ..crypto.pdf_sign import verify_pdf
        from ..store.atomic import write_bytes_atomically

        found = self.minutes(year, cell)
        if found is None:
            return None
        name, data = found
        stem = (cell.code or "chi-bo").replace("/", "-")
        target = write_bytes_atomically(Path(folder) / f"{stem}-{name or 'bien-ban.pdf'}", data)
        try:
            reports = verify_pdf(target)
        except UserError:
            reports = []
        return target, reports

    # -- decisions ------------------------------------------------------------------------------------
    def check_member_decision(self, m: MemberLine, level: str, reason: str) -> None:
        name = m.full_name
        if not m.rated or m.voted_level is None:
            raise DecisionRefused(msg(QT_TRANSLATE_NOOP(
                "core", "{name} ({cell}) chưa có mức chi bộ biểu quyết ({note}): cấp ủy chưa quyết định được."),
                name=name, cell=m.cell_name, note=m.note or "chưa xếp loại"))
        self._check_level(name, m.voted_level, level, reason)

    def _check_level(self, name: str, voted: str, level: str, reason: str) -> None:
        if RANK[level] < RANK[voted]:
            raise DecisionRefused(msg(QT_TRANSLATE_NOOP(
                "core", "Không quyết định {name} ở mức {level}, cao hơn mức chi bộ đã biểu quyết ({voted}): "
                        "cấp ủy không nâng mức so với đề xuất của chi bộ. Không ghi gì."),
                name=name, level=LEVEL_ABBREVIATIONS[Level(level)], voted=LEVEL_ABBREVIATIONS[Level(voted)]))
        if RANK[level] > RANK[voted] and not clean(reason):
            raise DecisionRefused(msg(QT_TRANSLATE_NOOP(
                "core", "Hạ mức của {name} từ {voted} xuống {level} cần ghi lý do (--reason). Không ghi gì."),
                name=name, level=LEVEL_ABBREVIATIONS[Level(level)], voted=LEVEL_ABBREVIATIONS[Level(voted)]))

    def decide_member(self, year: int, member_id: str, level: str, *, reason: str = "", decided_on: date,
                      reference: str = "", decided_by: str = "", expected: str | None | object = ...,
                      view: YearView | None = None) -> cs.DecisionRow:
        """Record the committee's level for a member. ``expected``: the id of the decision the staff
        member saw (None: none); left out, the current one is read in the same transaction."""
        level = parse_level(level)
        m = (view or self.view(year)).member(member_id)
        self.check_member_decision(m, level, reason)
        return self._add(year, "member", m.id, m.cell_key, level, m.voted_level, reason, decided_on, reference,
                         decided_by, expected)

    def decide_cell(self, year: int, code: str, level: str, *, reason: str = "", decided_on: date,
                    reference: str = "", decided_by: str = "", expected: str | None | object = ...,
                    view: YearView | None = None) -> cs.DecisionRow:
        level = parse_level(level)
        c = (view or self.view(year)).cell(code)
        if c.cell_level is None:
            raise DecisionRefused(msg(QT_TRANSLATE_NOOP(
                "core", "{name} chưa có mức tập thể chi bộ biểu quyết (chưa gửi gói hoặc chưa biểu quyết): "
                        "cấp ủy chưa quyết định được."), name=c.name))
        self._check_level(c.name, c.cell_level, level, reason)
        return self._add(year, "cell", c.subject, c.key, level, c.cell_level, reason, decided_on, reference,
                         decided_by, expected)

    def _add(self, year, kind, subject, key, level, proposed, reason, decided_on, reference, decided_by,
             expected) -> cs.DecisionRow:
        def write(q: cs.Q) -> cs.DecisionRow:
            current = expected
            if current is ...:
                now = cs.current_decisions(q, year).get(subject)
                current = now.id if now else None
            d = cs.DecisionRow(id=str(uuid.uuid4()), rating_year=year, subject_kind=kind, subject=subject,
                               cell_key=key, level=level, proposed_level=proposed, reason=clean(reason),
                               decided_on=decided_on.isoformat(), reference=clean(reference),
                               decided_by=clean(decided_by), created_at=cs.now_iso(precise=True), replaces=current,
                               replaced_by=None)
            cs.add_decision(q, d, expected_current=current)
            return d

        return self.store.write(write)

    def preview_decisions(self, year: int, path: str | os.PathLike, *, decided_on: date) -> "DecisionPreview":
        """The decisions an XLSX asks for, each checked as ``decide`` checks it; nothing written."""
        from ..io.committee_tables import DECISION_HEADERS, DECISIONS_SHEET, read_table

        view = self.view(year)
        rows = read_table(path, DECISION_HEADERS, ("member_id", "level"), sheet=DECISIONS_SHEET)
        name = Path(path).name
        preview = DecisionPreview(year=year, file=name)
        seen: dict[str, int] = {}
        for r in rows:
            v = r.values
            level_text = v.get("level")
            if level_text is None or str(level_text).strip() == "":
                continue
            where = f"{name}, dòng {r.row}"
            try:
                m = view.member(str(v.get("member_id") or "").strip())
            except UserError as err:
                preview.errors.append(f"{where}, cột “Mã đảng viên”: {err}")
                continue
            if m.id in seen:
                preview.errors.append(f"{where}: {m.full_name} đã có ở dòng {seen[m.id]}.")
                continue
            seen[m.id] = r.row
            try:
                level = parse_level(str(level_text))
            except UserError as err:
                preview.errors.append(f"{where}, cột “Mức quyết định”: {err}")
                continue
            reason = clean(str(v.get("reason") or ""))
            try:
                self.check_member_decision(m, level, reason)
            except UserError as err:
                preview.errors.append(f"{where}: {err}")
                continue
            day = v.get("decided_on")
            if hasattr(day, "date"):
                day = day.date()
            elif isinstance(day, str) and day.strip():
                from ..vn.dates import DateError, parse_date

                try:
                    day = parse_date(day)
                except DateError as err:
                    preview.errors.append(f"{where}, cột “Ngày quyết định”: {err}")
                    continue
            preview.items.append(PlannedDecision(m, level, reason, day if isinstance(day, date) else decided_on,
                                                 clean(str(v.get("reference") or "")),
                                                 m.decision.id if m.decision else None))
        return preview

    def apply_decisions(self, preview: "DecisionPreview", *, decided_by: str = "") -> int:
        if preview.errors:
            raise DecisionRefused("\n".join(preview.errors) + "\nKhông ghi gì.")

        def write(q: cs.Q) -> int:
            for p in preview.items:
                d = cs.DecisionRow(id=str(uuid.uuid4()), rating_year=preview.year, subject_kind="member",
                                   subject=p.member.id, cell_key=p.member.cell_key, level=p.level,
                                   proposed_level=p.member.voted_level, reason=p.reason,
                                   decided_on=p.decided_on.isoformat(), reference=p.reference,
                                   decided_by=clean(decided_by), created_at=cs.now_iso(precise=True), replaces=p.expected,
                                   replaced_by=None)
                cs.add_decision(q, d, expected_current=p.expected)
            return len(preview.items)

        return self.store.write(write)

    # -- notices and the report -----------------------------------------------------------------------
    def record_notice(self, year: int, cell: CellLine, *, reference: str, decided_on: date, file_name: str,
                      sha256: str, recipient: str) -> None:
        self.store.write(lambda q: cs.record_notice(q, {
            "id": str(uuid.uuid4()), "rating_year": year, "cell_key": cell.key, "reference": clean(reference),
            "decided_on": decided_on.isoformat(), "file_name": file_name, "sha256": sha256, "recipient": recipient,
            "sent_at": cs.now_iso()}))

    def notices(self, year: int) -> list[dict]:
        return self.store.read(lambda q: cs.notices(q, year))

    def years(self) -> list[int]:
        return self.store.read(cs.years)


@dataclass
class OpenOutcome:
    path: Path
    state: str                 # verified, superseded, refused, untrusted
    message: str
    kind: str = ""
    opened: object = None
    decision: object = None
    folder: str = ""
    members: int = 0

    @property
    def ok(self) -> bool:
        return self.state in ("verified", "superseded")


@dataclass
class PlannedDecision:
    member: MemberLine
    level: str
    reason: str
    decided_on: date
    reference: str
    expected: str | None


@dataclass
class DecisionPreview:
    year: int
    file: str
    items: list[PlannedDecision] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = []
        for p in self.items:
            m = p.member
            change = ("giữ mức" if p.level == m.voted_level else "hạ mức")
            out.append(f"{m.full_name} ({m.cell_name}): chi bộ đề xuất {LEVEL_ABBREVIATIONS[Level(m.voted_level)]}"
                       f", quyết định {LEVEL_ABBREVIATIONS[Level(p.level)]} ({change})"
                       + (f"; lý do: {p.reason}" if p.reason else ""))
        return out


def build_view(year: int, cells: list[dict], inbox: list[dict], proposals: list[dict],
               members: dict[str, list[dict]], decisions: dict[str, cs.DecisionRow]) -> YearView:
    by_key: dict[str, CellLine] = {}
    for c in cells:
        by_key[c["cell_key"]] = CellLine(c["cell_key"], c["code"], c["name"], bool(c["listed"]), "expected", None, None)
    rows_by_cell: dict[str, list[dict]] = {}
    for r in inbox:
        rows_by_cell.setdefault(r["cell_key"], []).append(r)
        if r["cell_key"] not in by_key:
            by_key[r["cell_key"]] = CellLine(r["cell_key"], "", r["cell_name"], False, "expected", None, None)
    for key, rows in rows_by_cell.items():
        line = by_key[key]
        verified = [r for r in rows if r["state"] == "verified"]
        if verified:
            line.status = "superseded" if any(r["state"] == "superseded" for r in rows) else "verified"
            line.revision = max(r["revision"] or 0 for r in verified)
        elif any(r["state"] == "refused" for r in rows):
            refused = [r for r in rows if r["state"] == "refused"]
            line.status, line.revision, line.reason = "refused", refused[-1]["revision"], refused[-1]["reason"]
        elif rows:      # only superseded rows (a newer one refused later): the newest is still good
            line.status = "superseded"
            line.revision = max(r["revision"] or 0 for r in rows)
    for p in proposals:
        line = by_key.get(p["cell_key"])
        if line is None:
            continue
        line.package = p["package_sha256"]
        line.meeting_date = p["meeting_date"]
        line.cell_level, line.cell_votes, line.cell_base = p["cell_level"], p["cell_votes"], p["cell_base"]
        line.committee_level = p["committee_level"]
        line.decision = decisions.get(CELL_PREFIX + line.key)
        for m in members.get(p["package_sha256"], []):
            line.members.append(MemberLine(
                id=m["member_id"], cell_key=line.key, cell_name=line.name, full_name=m["full_name"],
                birth_year=m["birth_year"], post=m["post"], membership=m["membership"], quota_group=m["quota_group"],
                rated=bool(m["rated"]), self_level=m["self_level"], score=m["score"], voted_level=m["voted_level"],
                votes=m["votes"], base=m["base"], note=m["note"], decision=decisions.get(m["member_id"])))
    position = {c["cell_key"]: c["position"] for c in cells}
    ordered = sorted(by_key.values(), key=lambda c: (not c.listed, position.get(c.key, 0), fold(c.name)))
    all_members = [m for c in ordered for m in c.members]
    return YearView(year, ordered, _quota(year, all_members))


def _levels(members: list[MemberLine]) -> dict[str, int]:
    out = dict.fromkeys(LEVELS, 0)
    for m in members:
        if m.rated and m.level is not None:
            out[m.level] += 1
    return out


def expand_packages(items: Iterable[str | os.PathLike]) -> list[Path]:
    """Package files named, and every *.p7m of a folder named (sorted)."""
    out: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            out += sorted(x for x in p.iterdir() if x.suffix.lower() == ".p7m" and x.is_file())
        else:
            out.append(p)
    return out
