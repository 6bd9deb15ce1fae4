"""Self-contained copies of a data file with SQLite's backup API.

Copying the .db alone would lose what is still in its -wal file.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from .. import paths
from .atomic import os_error_detail, remove_stale_temps, write_atomically
from .errors import BackupFailedError, DamagedFileError, NewerVersionError, NotOurFileError, WriteFailedError, sqlite_detail
from .hashing import sha1_hex
from .migrations import APPLICATION_ID, LATEST_VERSION
from .schema import check_schema, check_types

KEEP_AUTOMATIC = 10
BACKUP_SUFFIX = ".kiemdiem"
# Copies taken before an operation that replaces or upgrades the data: never rotated away.
KEPT_REASONS = ("truoc-khoi-phuc", "truoc-nang-cap")


def _strip_ballot_papers(out: sqlite3.Connection) -> None:
    """Ballot papers (the marks of each anonymous paper while counting) never leave the live file."""
    if out.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ballot_paper'").fetchone():
        if out.execute("SELECT 1 FROM ballot_paper LIMIT 1").fetchone():
            out.execute("DELETE FROM ballot_paper")
            out.execute("VACUUM")           # no freed page keeps a paper's bytes


def write_backup(conn: sqlite3.Connection, dest: str | Path, *, committed: bool = False) -> Path:
    """One self-contained copy at ``dest`` (0600 from its first byte), without ballot papers.

    ``committed``: the caller's change is already in the data file (said so if the copy fails)."""
    dest = Path(dest)

    def produce(tmp: Path) -> None:
        out = sqlite3.connect(tmp, isolation_level=None)   # tmp already exists, empty, owner-only
        try:
            # No syncs of SQLite's own into the temporary copy: write_atomically syncs the finished
            # file once before giving it its name (a crash before that leaves only a stale temp).
            out.execute("PRAGMA synchronous=OFF")
            conn.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")  # one file, nothing beside it
            _strip_ballot_papers(out)
        finally:
            out.close()

    try:
        return write_atomically(dest, produce, private=True)
    except WriteFailedError as err:
        cause = err.__cause__
        detail = os_error_detail(cause) if isinstance(cause, OSError) else str(err)
        raise BackupFailedError(dest, detail, committed=committed) from err
    except sqlite3.Error as err:
        raise BackupFailedError(dest, sqlite_detail(err), committed=committed) from err


def automatic_backup_folder(db_path: Path) -> Path:
    key = sha1_hex(str(Path(db_path).resolve()).encode())[:8]
    folder = paths.backup_dir() / f"{Path(db_path).stem}-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def is_kept(path: Path) -> bool:
    return any(f"-{reason}" in path.name for reason in KEPT_REASONS)


def automatic_backup(conn: sqlite3.Connection, db_path: Path, reason: str, *, committed: bool = False) -> Path:
    """Reasons: bat-dau-hop, khoa, dong, truoc-nang-cap, truoc-khoi-phuc. The last 10 are kept, and
    every copy taken before a restore or an upgrade (outside the rotation)."""
    try:
        folder = automatic_backup_folder(db_path)
    except OSError as err:
        raise BackupFailedError(err.filename or "sao-luu", os_error_detail(err), committed=committed) from err
    remove_stale_temps(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = write_backup(conn, folder / f"{stamp}-{reason}{BACKUP_SUFFIX}", committed=committed)
    rotating = [p for p in sorted(folder.glob(f"*{BACKUP_SUFFIX}")) if not is_kept(p)]
    for old in rotating[:-KEEP_AUTOMATIC]:
        old.unlink(missing_ok=True)
    return path


def check_backup_file(src: Path) -> sqlite3.Connection:
    """Open a backup read-only, after checking it is one of ours and readable by this version."""
    if not src.is_file():
        raise NotOurFileError(src)
    with open(src, "rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise NotOurFileError(src)
    conn = sqlite3.connect(f"{src.resolve().as_uri()}?mode=ro", uri=True)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotOurFileError(src)
        if version > LATEST_VERSION:
            raise NewerVersionError(src, version, LATEST_VERSION)
        if conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
            raise DamagedFileError(src)
        check_schema(conn, src, version)     # no foreign trigger, view or table; no missing one
        check_types(conn, src)
    except sqlite3.DatabaseError as err:
        conn.close()
        raise NotOurFileError(src, str(err)) from err
    except Exception:
        conn.close()
        raise
    return conn
