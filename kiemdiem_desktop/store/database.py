"""One data file, one connection, one writer thread.

The thread owns the SQLite connection: the window hands it work and never waits on
the disk for a write. ``PRAGMA locking_mode=EXCLUSIVE`` set before WAL is the
single-instance lock: SQLite's file lock dies with the process (a SIGKILL leaves no
stale lock), and in this mode WAL needs no shared-memory file.
"""
from __future__ import annotations

import atexit
import os
import sqlite3
import sys
import threading
import weakref
from concurrent.futures import Future
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from queue import SimpleQueue
from typing import Any, Callable, Iterator, TypeVar

from . import backup as backups
from .atomic import protect_data_file, remove_stale_temps, unprotect_data_file
from .errors import (
    DamagedFileError, DiskError, EmptyFileError, FileLockedError, KindMismatchError, MissingFileError,
    NetworkPathError, NewerVersionError, NotOurFileError, ReadOnlyError, sqlite_detail,
)
from .errors import value_detail as sqlite_detail_value
from .location import is_network_path
from .migrations import APPLICATION_ID, LATEST_VERSION, MIGRATIONS
from .schema import check_schema, check_types

T = TypeVar("T")
_STOP = object()
_memory_template: list[sqlite3.Connection] = []
_memory_template_lock = threading.Lock()
_open_databases: "weakref.WeakSet[Database]" = weakref.WeakSet()


def _is_locked(err: sqlite3.OperationalError) -> bool:
    text = str(err).lower()
    return "locked" in text or "busy" in text


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


class Database:
    """A Kiểm điểm data file held open (and locked) by this process."""

    def __init__(self, path: str | os.PathLike, *, create: bool = False, kind: str = "cell",
                 lock_timeout: float = 0.2, memory: bool = False):
        # ``memory``: a scratch database in memory, never on disk (the committee computes a
        # package's figures in one): the same schema and code, no file, no lock, no backup.
        self._memory = memory
        self.path = Path(":memory:") if memory else Path(path).absolute()
        self._kind_if_new = kind
        self._lock_timeout = lock_timeout
        self._queue: SimpleQueue = SimpleQueue()
        self._closed = False
        self._batch = False          # writer thread only: writes are savepoints of one open transaction
        self.writes = 0
        self.migrated_from: int | None = None   # the version an older file was upgraded from
        self._inline: sqlite3.Connection | None = None
        if memory:
            # Nothing to wait for on a disk: the work runs in the caller's thread, under a lock,
            # with the same transactions and errors as on the writer thread.
            self._inline_lock = threading.RLock()
            self._inline = self._open(create)
            self._thread = None
            _open_databases.add(self)
            return
        ready: Future = Future()
        self._thread = threading.Thread(target=self._run, args=(create, ready), name="kiemdiem-writer",
                                        daemon=True)
        self._thread.start()
        ready.result()  # raises the opening error, if any
        _open_databases.add(self)
        protect_data_file(self.path)     # no output of this process may replace it

    # -- the writer thread -------------------------------------------------------------
    def _run(self, create: bool, ready: Future) -> None:
        try:
            conn = self._open(create)
        except BaseException as err:  # noqa: BLE001 - handed to the caller
            ready.set_exception(err)
            return
        ready.set_result(None)
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    break
                fn, args, future, mode = item
                if not future.set_running_or_notify_cancel():
                    continue
                self._execute(conn, fn, args, future, mode)
        finally:
            conn.close()

    def _execute(self, conn: sqlite3.Connection, fn: Callable, args: tuple, future: Future, mode: str) -> None:
        """Run one piece of work on ``conn`` and settle its future (writer thread, or inline in memory)."""
        try:
            if mode == "write" and self._batch:
                conn.execute("SAVEPOINT kiemdiem_write")
                try:
                    result = fn(conn, *args)
                except BaseException:
                    if conn.in_transaction:      # (SQLite may have rolled back the whole of it)
                        conn.execute("ROLLBACK TO kiemdiem_write")
                        conn.execute("RELEASE kiemdiem_write")
                    raise
                conn.execute("RELEASE kiemdiem_write")
            elif mode == "write":
                conn.execute("BEGIN IMMEDIATE")
                try:
                    result = fn(conn, *args)
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            else:
                result = fn(conn, *args)
        except sqlite3.OperationalError as err:
            future.set_exception(self._disk_error(err))
        except (ValueError, TypeError, KeyError) as err:
            if mode == "read":
                # A stored value the program never writes (a date "abc", an unknown level, a
                # name stored as bytes): the file was changed outside the program.
                damaged = DamagedFileError(self.path, sqlite_detail_value(err))
                damaged.__cause__ = err
                future.set_exception(damaged)
            else:
                future.set_exception(err)
        except BaseException as err:  # noqa: BLE001
            future.set_exception(err)
        else:
            future.set_result(result)

    def _disk_error(self, err: sqlite3.OperationalError) -> Exception:
        text = str(err).lower()
        if "full" in text or "disk i/o" in text or "readonly" in text:
            return DiskError(self.path, str(err))
        return err

    def _open(self, create: bool) -> sqlite3.Connection:
        """Every check is made before anything is written: a file that is empty, another program's,
        damaged, from a newer version or with a foreign schema is refused untouched (not switched to
        WAL, its mode kept)."""
        if self._memory:
            self.created = True
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            with _memory_template_lock:           # the schema made once per process, then copied
                if not _memory_template:
                    template = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                    self._migrate_if_older(template, True)
                    _memory_template.append(template)
                _memory_template[0].backup(conn)
            conn.execute("PRAGMA foreign_keys=ON")
            return conn
        path = self.path
        if is_network_path(path):
            raise NetworkPathError(path)
        new = not path.exists()
        self.created = new
        if new:
            if not create:
                raise MissingFileError(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                # Owner-only from the first byte: never chmod afterwards (a file of another user, a
                # read-only file system).
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600))
            except OSError as err:
                raise ReadOnlyError(path, folder=True) from err
        else:
            check_header(path)
            if not os.access(path, os.R_OK | os.W_OK):
                raise ReadOnlyError(path)
            if not os.access(path.parent, os.W_OK | os.X_OK):
                raise ReadOnlyError(path, folder=True)
        try:
            remove_stale_temps(backups.automatic_backup_folder(path))   # left by a killed copy
        except OSError:
            pass        # no backup folder yet, or not writable: said when a copy is made
        try:
            conn = sqlite3.connect(path, timeout=self._lock_timeout, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as err:
            if new:
                path.unlink(missing_ok=True)
            raise NotOurFileError(path, sqlite_detail(err)) from err
        try:
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            if not new:
                self._check_existing(conn)      # reads only, before WAL or anything is written
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA secure_delete=ON")   # deleted ballot papers leave no bytes behind
            conn.execute("BEGIN IMMEDIATE")  # takes the exclusive lock, kept until close
            conn.execute("COMMIT")
            self._migrate_if_older(conn, new)
        except sqlite3.OperationalError as err:
            conn.close()
            if _is_locked(err):
                raise FileLockedError(path) from err
            if new:
                path.unlink(missing_ok=True)
            text = str(err).lower()
            if "readonly" in text or "read-only" in text or "unable to open" in text:
                raise ReadOnlyError(path, folder=True) from err
            if "full" in text or "i/o" in text:
                raise DiskError(path, str(err)) from err
            raise NotOurFileError(path, sqlite_detail(err)) from err
        except sqlite3.DatabaseError as err:
            conn.close()
            raise DamagedFileError(path, sqlite_detail(err)) from err
        except BaseException:
            conn.close()
            if new:
                path.unlink(missing_ok=True)
            raise
        return conn

    def _check_existing(self, conn: sqlite3.Connection) -> None:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotOurFileError(self.path)
        if version > LATEST_VERSION:
            raise NewerVersionError(self.path, version, LATEST_VERSION)
        check_integrity(conn, self.path)
        check_schema(conn, self.path, version)      # only our tables from here on
        check_types(conn, self.path)

    def _migrate_if_older(self, conn: sqlite3.Connection, new: bool) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == LATEST_VERSION:
            return
        if version > 0:
            backups.automatic_backup(conn, self.path, f"truoc-nang-cap-v{version}")
            self.migrated_from = version
        migrate(conn, version)
        if version == 0:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [
                ("kind", self._kind_if_new), ("is_demo", "0"), ("created_at", now_iso()),
            ])
            conn.execute("COMMIT")

    @property
    def closed(self) -> bool:
        return self._closed

    # -- the caller's side ---------------------------------------------------------------
    def _submit(self, fn: Callable[..., T], args: tuple, mode: str) -> "Future[T]":
        if self._closed:
            raise RuntimeError("database closed")
        future: Future = Future()
        if self._inline is not None:
            with self._inline_lock:
                future.set_running_or_notify_cancel()
                self._execute(self._inline, fn, args, future, mode)
            return future
        self._queue.put((fn, args, future, mode))
        return future

    def write(self, fn: Callable[..., T], *args: Any) -> "Future[T]":
        """Run ``fn(conn, *args)`` in one transaction on the writer thread; the future is
        done when it is committed (acknowledged) or rolled back (its exception).
        ``writes`` counts the writes handed over: what was computed from the data before may be stale."""
        self.writes += 1
        return self._submit(fn, args, "write")

    def read(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a reading ``fn(conn, *args)``; a stored value it cannot understand is a damaged file."""
        return self._submit(fn, args, "read").result()

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(conn, *args)`` on the writer thread outside a transaction and wait."""
        return self._submit(fn, args, "call").result()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Inside, every write runs as a savepoint of one transaction (a write that fails is undone
        alone, as it would be on its own) and reads see them; the transaction is committed at the
        end, even when the caller stops on an exception — what was written stays written, as if each
        write had been committed — with one sync of the disk instead of one per write."""
        def begin(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            self._batch = True

        def commit(conn: sqlite3.Connection) -> None:
            self._batch = False
            try:
                if conn.in_transaction:
                    conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

        self.call(begin)
        try:
            yield
        finally:
            self.call(commit)

    def backup_to(self, dest: str | Path) -> Path:
        return self.call(backups.write_backup, Path(dest))

    def automatic_backup(self, reason: str) -> Path:
        return self.call(backups.automatic_backup, self.path, reason)

    def restore_from(self, src: str | Path) -> Path:
        """Replace this file's content with a backup's; the current content is backed up first."""
        def restore(conn: sqlite3.Connection) -> Path:
            src_conn = backups.check_backup_file(Path(src))
            try:
                if not self.created:
                    theirs, ours = _kind(src_conn), _kind(conn)
                    if theirs and ours and theirs != ours:
                        raise KindMismatchError(Path(src), theirs, self.path, ours)
                saved = backups.automatic_backup(conn, self.path, "truoc-khoi-phuc")
                src_conn.backup(conn)
            finally:
                src_conn.close()
            migrate(conn, conn.execute("PRAGMA user_version").fetchone()[0])
            return saved

        return self.call(restore)

    def close(self, *, backup_reason: str | None = "dong", committed: bool = True) -> None:
        """Checkpoint and close; with ``backup_reason`` an automatic copy is kept first. A copy that
        fails raises BackupFailedError (saying the data itself is saved) after the file is closed."""
        if self._closed:
            return

        def finish(conn: sqlite3.Connection) -> None:
            try:
                if backup_reason:
                    backups.automatic_backup(conn, self.path, backup_reason, committed=committed)
            finally:
                try:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.OperationalError:
                    pass        # a reader left open by a failed read: closing checkpoints anyway

        if self._inline is not None:
            with self._inline_lock:
                self._closed = True
                self._inline.close()
            _open_databases.discard(self)
            return
        try:
            self.call(finish)
        finally:
            self._closed = True
            self._queue.put(_STOP)
            self._thread.join()
            _open_databases.discard(self)
            unprotect_data_file(self.path)

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(backup_reason=None)


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    for number, _description, statements in MIGRATIONS:
        if number <= from_version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql in statements:
                conn.execute(sql)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _kind(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone()
    except sqlite3.Error:
        return ""
    return row[0] if row else ""


SQLITE_MAGIC = b"SQLite format 3\x00"


def check_header(path: Path) -> None:
    """Refuse, from its first bytes alone, a file that is not one of ours: nothing is opened with
    SQLite, so nothing is changed (a journal rolled back, a mode switched)."""
    import stat as stat_mod

    try:
        if not stat_mod.S_ISREG(path.stat().st_mode):     # a folder, a device, a pipe
            raise NotOurFileError(path)
        with open(path, "rb") as f:
            head = f.read(112)
    except IsADirectoryError as err:
        raise NotOurFileError(path) from err
    except PermissionError as err:
        raise ReadOnlyError(path) from err
    except OSError as err:
        raise NotOurFileError(path, sqlite_detail(err)) from err
    if not head:
        raise EmptyFileError(path)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise NotOurFileError(path)
    app_id = int.from_bytes(head[68:72], "big")
    if app_id != APPLICATION_ID and not _has_wal(path):
        # With a -wal file beside it the header may be older than the content: SQLite reads it
        # (the file is already in WAL mode, so opening it switches nothing) and the checks follow.
        raise NotOurFileError(path)


def _has_wal(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    rows = [r[0] for r in conn.execute("PRAGMA quick_check(1)").fetchall()]
    if rows != ["ok"]:
        raise DamagedFileError(path)


@atexit.register
def _close_all() -> None:
    for db in list(_open_databases):
        try:
            db.close(backup_reason=None)
        except Exception:  # noqa: BLE001 - exiting anyway
            pass
