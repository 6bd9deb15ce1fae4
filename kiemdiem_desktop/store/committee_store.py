"""The committee's store behind one interface: a SQLite data file of kind "committee" (one laptop;
the file is locked by the process that opens it), or a shared PostgreSQL store given as a libpq URL
(``postgresql://kd@/kd?host=/run/socket-dir``) that several staff use at once.

Every statement of the committee's register, inbox and year lives in this module (the repository
functions below take a :class:`Q`, a connection inside one transaction). SQL is written once, with
``?`` placeholders and the syntax both engines share (``ON CONFLICT``, partial unique indexes,
``RETURNING``); the PostgreSQL side only turns ``?`` into ``%s``.

Concurrency. On SQLite one process holds the file and its writer thread runs one transaction at a
time. On PostgreSQL each writer runs in its own READ COMMITTED transaction, and no update is lost:
an inbox row is written with ``ON CONFLICT``, a cell's packages are serialised by a row lock on the
cell (``lock_cell``), and a decision replaces the current one only if it is still the one the
staff member saw (``UPDATE … WHERE replaced_by IS NULL``; the first decision for a subject is
guarded by the unique index of current decisions) — the loser is told, nothing is overwritten.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from ..i18n import QT_TRANSLATE_NOOP, UserError, msg
from . import committee_schema
from .errors import ConflictError, StoreError

T = TypeVar("T")


def is_postgres_url(location: str | os.PathLike) -> bool:
    text = str(location)
    return text.startswith("postgresql://") or text.startswith("postgres://")


def now_iso(precise: bool = False) -> str:
    return datetime.now().astimezone().isoformat(timespec="microseconds" if precise else "seconds")


class Q:
    """A connection inside one transaction, with the placeholders of its engine."""

    def __init__(self, conn: Any, dialect: str):
        self.conn = conn
        self.dialect = dialect

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def all(self, sql: str, params: Iterable = ()) -> list[tuple]:
        cur = self.conn.execute(self._sql(sql), tuple(params))
        return [tuple(r) for r in cur.fetchall()]

    def one(self, sql: str, params: Iterable = ()) -> tuple | None:
        row = self.conn.execute(self._sql(sql), tuple(params)).fetchone()
        return tuple(row) if row is not None else None

    def run(self, sql: str, params: Iterable = ()) -> int:
        return self.conn.execute(self._sql(sql), tuple(params)).rowcount

    def many(self, sql: str, rows: list[tuple]) -> None:
        if not rows:
            return
        if self.dialect == "postgresql":
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)
        else:
            self.conn.executemany(sql, rows)

    def is_unique_violation(self, err: BaseException) -> bool:
        if self.dialect == "sqlite":
            return isinstance(err, sqlite3.IntegrityError) and "UNIQUE" in str(err)
        import psycopg

        return isinstance(err, psycopg.errors.UniqueViolation)


# -- backends ------------------------------------------------------------------------------------------
class SqliteBackend:
    dialect = "sqlite"

    def __init__(self, path: str | os.PathLike, *, create: bool):
        from .database import Database

        self.db = Database(path, create=create, kind="committee")
        self.path = Path(path)
        self.location = str(self.path)
        self.kind = self.db.read(lambda c: (c.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone()
                                            or ["cell"])[0])

    def read(self, fn: Callable[[Q], T]) -> T:
        return self.db.read(lambda conn: fn(Q(conn, "sqlite")))

    def write(self, fn: Callable[[Q], T]) -> T:
        return self.db.write(lambda conn: fn(Q(conn, "sqlite"))).result()

    def batch(self):
        """Many writes in one transaction (Database.batch): opening a folder of packages."""
        return self.db.batch()

    def close(self) -> None:
        self.db.close(backup_reason=None)


class PostgresBackend:
    """One connection (for this window or command), used from one thread at a time."""

    dialect = "postgresql"
    kind = "committee"

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError as err:   # pragma: no cover - psycopg is a dependency
            raise StoreError("Thiếu thư viện psycopg để kết nối PostgreSQL.") from err
        self.location = url
        self.path = None
        self._lock = threading.RLock()
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(msg(QT_TRANSLATE_NOOP(
                "core", "Không kết nối được kho dữ liệu dùng chung {url}: {detail}"),
                url=_safe_url(url), detail=str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__)
            ) from err
        self._migrate()

    def _migrate(self) -> None:
        with self._lock, self.conn.transaction():
            # one migrating process at a time; the others wait here, then find nothing to do
            self.conn.execute("SELECT pg_advisory_xact_lock(1262765361)")   # 0x4B444D31, "KDM1"
            self.conn.execute("CREATE TABLE IF NOT EXISTS committee_migration ("
                              "name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = {r[0] for r in self.conn.execute("SELECT name FROM committee_migration").fetchall()}
            unknown = done - set(committee_schema.STEP_NAMES)
            if unknown:
                raise StoreError(msg(QT_TRANSLATE_NOOP(
                    "core", "Kho dữ liệu {url} được tạo bởi phiên bản Kiểm điểm Desktop mới hơn (bước {steps}). "
                            "Hãy cập nhật chương trình; kho không bị thay đổi."),
                    url=_safe_url(self.location), steps=", ".join(sorted(unknown))))
            for name in committee_schema.STEP_NAMES:
                if name in done:
                    continue
                for sql in committee_schema.step(name, "postgresql"):
                    self.conn.execute(sql)
                self.conn.execute("INSERT INTO committee_migration (name, applied_at) VALUES (%s, %s)",
                                  (name, now_iso()))

    def _run(self, fn: Callable[[Q], T]) -> T:
        import psycopg

        with self._lock:
            for attempt in range(5):
                try:
                    with self.conn.transaction():
                        return fn(Q(self.conn, "postgresql"))
                except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                    if attempt == 4:
                        raise
                except psycopg.OperationalError as err:
                    raise StoreError(msg(QT_TRANSLATE_NOOP(
                        "core", "Mất kết nối đến kho dữ liệu dùng chung {url}: {detail}. Việc vừa làm chưa được ghi."),
                        url=_safe_url(self.location), detail=str(err).strip())) from err
        raise AssertionError("unreachable")

    read = _run
    write = _run

    def batch(self):
        """Each write keeps its own transaction on a shared store: a long one would hold the rows
        other staff are writing."""
        from contextlib import nullcontext

        return nullcontext()

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def _safe_url(url: str) -> str:
    """The URL with its password hidden, to show."""
    import re

    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


def url_without_password(url: str) -> str:
    """The URL to remember (settings): never a password (libpq's .pgpass or the server's trust keep it)."""
    import re

    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1@", url)


safe_url = _safe_url


def open_backend(location: str | os.PathLike, *, create: bool = True) -> SqliteBackend | PostgresBackend:
    if is_postgres_url(location):
        return PostgresBackend(str(location))
    return SqliteBackend(location, create=create)


def location_exists(location: str | os.PathLike) -> bool:
    return is_postgres_url(location) or Path(location).exists()


# -- the register of cell keys and the CA roots ----------------------------------------------------------
def fingerprints(q: Q, cell_key: str) -> list[str]:
    return [r[0] for r in q.all("SELECT fingerprint FROM cell_key WHERE cell_key = ? ORDER BY id", (cell_key,))]


def trust_key(q: Q, *, cell_key: str, code: str, name: str, higher_org: str, fingerprint: str, subject: str,
              certificate: bytes) -> None:
    q.run("INSERT INTO cell_key (cell_key, cell_code, cell_name, higher_org, fingerprint, subject, certificate, "
          "trusted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          (cell_key, code, name, higher_org, fingerprint, subject, certificate, now_iso()))


def insert_root(q: Q, fingerprint: str, subject: str, certificate: bytes) -> bool:
    return q.run("INSERT INTO ca_root (fingerprint, subject, certificate, imported_at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT DO NOTHING", (fingerprint, subject, certificate, now_iso())) > 0


def root_certificates(q: Q) -> list[bytes]:
    return [bytes(r[0]) for r in q.all("SELECT certificate FROM ca_root ORDER BY id")]


def root_list(q: Q) -> list[dict]:
    return [{"fingerprint": r[0], "subject": r[1], "imported_at": r[2]}
            for r in q.all("SELECT fingerprint, subject, imported_at FROM ca_root ORDER BY id")]


# -- the inbox -----------------------------------------------------------------------------------------------
INBOX_COLUMNS = ("package_sha256", "received_at", "file_name", "size", "cell_key", "cell_name", "meeting_id",
                 "rating_year", "revision", "created_at", "signer_fingerprint", "state", "reason", "folder", "chain")


def lock_cell(q: Q, cell_key: str, *, code: str = "", name: str = "", higher_org: str = "") -> None:
    """Make sure the cell is in the list, and hold its row until the end of the transaction: two
    packages of one cell are recorded one after the other (the revision check sees the first)."""
    q.run("INSERT INTO committee_cell (cell_key, code, name, higher_org, listed, position, added_at) "
          "VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT (cell_key) DO NOTHING",
          (cell_key, code, name or code, higher_org, now_iso()))
    if q.dialect == "postgresql":
        q.one("SELECT cell_key FROM committee_cell WHERE cell_key = ? FOR UPDATE", (cell_key,))


def record_package(q: Q, row: dict, *, supersede_same_key: bool = True) -> str:
    """One row per package (its SHA-256), replaced when the same package is recorded again. A
    verified package supersedes the older verified revisions of the same meeting from the same cell
    (and key); it is itself superseded if a newer revision is already in. Returns its state."""
    values = tuple(row.get(c, "" if c not in ("size", "rating_year", "revision") else None) for c in INBOX_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in INBOX_COLUMNS if c != "package_sha256")
    q.run(f"INSERT INTO inbox ({', '.join(INBOX_COLUMNS)}) VALUES ({', '.join('?' * len(INBOX_COLUMNS))}) "
          f"ON CONFLICT (package_sha256) DO UPDATE SET {updates}", values)
    state = row["state"]
    if state == "verified":
        same = "meeting_id = ? AND cell_key = ?" + (" AND signer_fingerprint = ?" if supersede_same_key else "")
        args = [row["meeting_id"], row["cell_key"]] + ([row["signer_fingerprint"]] if supersede_same_key else [])
        q.run(f"UPDATE inbox SET state = 'superseded' WHERE {same} AND state = 'verified' AND revision < ?",
              (*args, row["revision"]))
        newer = q.one(f"SELECT 1 FROM inbox WHERE {same} AND state IN ('verified', 'superseded') AND revision > ?",
                      (*args, row["revision"]))
        if newer:
            q.run("UPDATE inbox SET state = 'superseded' WHERE package_sha256 = ?", (row["package_sha256"],))
            state = "superseded"
    return state


def inbox(q: Q, year: int | None = None) -> list[dict]:
    sql = f"SELECT {', '.join(INBOX_COLUMNS)} FROM inbox" + (" WHERE rating_year = ?" if year else "") + \
          " ORDER BY rating_year, cell_name, revision"
    return [dict(zip(INBOX_COLUMNS, r)) for r in q.all(sql, (year,) if year else ())]


def years(q: Q) -> list[int]:
    return [r[0] for r in q.all("SELECT DISTINCT rating_year FROM inbox WHERE rating_year IS NOT NULL "
                                "UNION SELECT DISTINCT rating_year FROM decision ORDER BY 1")]


# -- the committee's identity -----------------------------------------------------------------------------------
def get_meta(q: Q) -> dict[str, str]:
    return {k: v for k, v in q.all("SELECT key, value FROM committee_meta")}


def set_meta(q: Q, values: dict[str, str]) -> None:
    for k, v in values.items():
        q.run("INSERT INTO committee_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
              (k, v))


# -- the cells ----------------------------------------------------------------------------------------------------
CELL_COLUMNS = ("cell_key", "code", "name", "higher_org", "listed", "position")


def upsert_listed_cells(q: Q, cells: list[dict]) -> tuple[int, int]:
    """The đảng bộ's list of cells (imported): (added, updated)."""
    added = updated = 0
    for i, c in enumerate(cells, 1):
        old = q.one("SELECT code, name, listed, position FROM committee_cell WHERE cell_key = ?", (c["cell_key"],))
        if old is None:
            q.run("INSERT INTO committee_cell (cell_key, code, name, higher_org, listed, position, added_at) "
                  "VALUES (?, ?, ?, ?, 1, ?, ?)", (c["cell_key"], c["code"], c["name"], c.get("higher_org", ""), i,
                                                   now_iso()))
            added += 1
        elif tuple(old) != (c["code"], c["name"], 1, i):
            q.run("UPDATE committee_cell SET code = ?, name = ?, listed = 1, position = ? WHERE cell_key = ?",
                  (c["code"], c["name"], i, c["cell_key"]))
            updated += 1
    return added, updated


def cells(q: Q) -> list[dict]:
    return [dict(zip(CELL_COLUMNS, r)) for r in q.all(
        f"SELECT {', '.join(CELL_COLUMNS)} FROM committee_cell ORDER BY listed DESC, position, name")]


# -- proposals ------------------------------------------------------------------------------------------------------
PROPOSAL_COLUMNS = ("package_sha256", "rating_year", "cell_key", "meeting_id", "revision", "created_at",
                    "meeting_date", "rule_set", "cell_level", "cell_votes", "cell_base", "committee_level",
                    "minutes_name")
MEMBER_COLUMNS = ("member_id", "position", "full_name", "birth_year", "post", "membership", "category", "quota_group",
                  "rated", "self_level", "score", "voted_level", "votes", "base", "note")


def save_proposal(q: Q, proposal: dict, members: list[dict], minutes: bytes | None) -> None:
    sha = proposal["package_sha256"]
    if q.one("SELECT 1 FROM proposal WHERE package_sha256 = ?", (sha,)):
        return                                   # the same package again: the same content
    q.run(f"INSERT INTO proposal ({', '.join(PROPOSAL_COLUMNS)}, minutes) "
          f"VALUES ({', '.join('?' * (len(PROPOSAL_COLUMNS) + 1))})",
          (*(proposal.get(c) for c in PROPOSAL_COLUMNS), minutes))
    q.many(f"INSERT INTO proposal_member (package_sha256, {', '.join(MEMBER_COLUMNS)}) "
           f"VALUES ({', '.join('?' * (len(MEMBER_COLUMNS) + 1))})",
           [(sha, *(m.get(c) for c in MEMBER_COLUMNS)) for m in members])


def current_proposals(q: Q, year: int) -> list[dict]:
    """Per cell, the proposal of its newest verified package of the year (a package carries every
    meeting of the year, so the newest is the whole year)."""
    rows = q.all(f"SELECT {', '.join('p.' + c for c in PROPOSAL_COLUMNS)} FROM proposal p "
                 "JOIN inbox i ON i.package_sha256 = p.package_sha256 "
                 "WHERE p.rating_year = ? AND i.state = 'verified' ORDER BY p.cell_key, p.created_at, p.revision",
                 (year,))
    current: dict[str, dict] = {}
    for r in rows:
        d = dict(zip(PROPOSAL_COLUMNS, r))
        current[d["cell_key"]] = d               # ordered: the newest wins
    return list(current.values())


def proposal_members(q: Q, shas: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {s: [] for s in shas}
    if not shas:
        return out
    for start in range(0, len(shas), 500):
        chunk = shas[start:start + 500]
        for r in q.all(f"SELECT package_sha256, {', '.join(MEMBER_COLUMNS)} FROM proposal_member "
                       f"WHERE package_sha256 IN ({', '.join('?' * len(chunk))}) ORDER BY package_sha256, position",
                       chunk):
            out[r[0]].append(dict(zip(MEMBER_COLUMNS, r[1:])))
    return out


def minutes_of(q: Q, sha: str) -> tuple[str, bytes] | None:
    r = q.one("SELECT minutes_name, minutes FROM proposal WHERE package_sha256 = ?", (sha,))
    return (r[0], bytes(r[1])) if r and r[1] is not None else None


# -- decisions -------------------------------------------------------------------------------------------------------
DECISION_COLUMNS = ("id", "rating_year", "subject_kind", "subject", "cell_key", "level", "proposed_level", "reason",
                    "decided_on", "reference", "decided_by", "created_at", "replaces", "replaced_by")


@dataclass(frozen=True)
class DecisionRow:
    id: str
    rating_year: int
    subject_kind: str
    subject: str
    cell_key: str
    level: str
    proposed_level: str | None
    reason: str
    decided_on: str
    reference: str
    decided_by: str
    created_at: str
    replaces: str | None
    replaced_by: str | None


def current_decisions(q: Q, year: int) -> dict[str, DecisionRow]:
    return {r[3]: DecisionRow(*r) for r in q.all(
        f"SELECT {', '.join(DECISION_COLUMNS)} FROM decision WHERE rating_year = ? AND replaced_by IS NULL", (year,))}


def decision_history(q: Q, year: int, subject: str | None = None) -> list[DecisionRow]:
    sql = f"SELECT {', '.join(DECISION_COLUMNS)} FROM decision WHERE rating_year = ?"
    args: list = [year]
    if subject is not None:
        sql += " AND subject = ?"
        args.append(subject)
    return [DecisionRow(*r) for r in q.all(sql + " ORDER BY created_at, id", args)]


def add_decision(q: Q, d: DecisionRow, *, expected_current: str | None) -> None:
    """Record ``d`` as the subject's current decision, replacing ``expected_current`` (the one the
    staff member saw; None: there was none). If another decision got there first, ConflictError."""
    if expected_current is not None:
        if q.run("UPDATE decision SET replaced_by = ? WHERE id = ? AND replaced_by IS NULL",
                 (d.id, expected_current)) != 1:
            raise ConflictError(msg(QT_TRANSLATE_NOOP(
                "core", "Mức của {subject} vừa được người khác quyết định lại trong lúc bạn làm; "
                        "chưa ghi gì — hãy xem lại quyết định mới nhất rồi làm lại."), subject=d.subject))
    try:
        q.run(f"INSERT INTO decision ({', '.join(DECISION_COLUMNS)}) VALUES ({', '.join('?' * len(DECISION_COLUMNS))})",
              tuple(getattr(d, c) for c in DECISION_COLUMNS))
    except Exception as err:
        if q.is_unique_violation(err):
            raise ConflictError(msg(QT_TRANSLATE_NOOP(
                "core", "Mức của {subject} vừa được người khác quyết định trong lúc bạn làm; "
                        "chưa ghi gì — hãy xem lại quyết định mới nhất rồi làm lại."), subject=d.subject)) from err
        raise


# -- notices -------------------------------------------------------------------------------------------------------------
def record_notice(q: Q, row: dict) -> None:
    cols = ("id", "rating_year", "cell_key", "reference", "decided_on", "file_name", "sha256", "recipient", "sent_at")
    q.run(f"INSERT INTO notice ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", tuple(row[c] for c in cols))


def notices(q: Q, year: int) -> list[dict]:
    cols = ("id", "rating_year", "cell_key", "reference", "decided_on", "file_name", "sha256", "recipient", "sent_at")
    return [dict(zip(cols, r)) for r in q.all(f"SELECT {', '.join(cols)} FROM notice WHERE rating_year = ? "
                                               "ORDER BY sent_at, id", (year,))]
