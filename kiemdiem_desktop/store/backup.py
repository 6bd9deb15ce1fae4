"""Self-contained copies of a data file with SQLite's backup API.

Copying the .db alone would lose what is still in its -wal file.
"""
from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

from .. import paths
from .atomic import write_atomically
from .errors import NewerVersionError, NotOurFileError
from .migrations import APPLICATION_ID, LATEST_VERSION

KEEP_AUTOMATIC = 10
BACKUP_SUFFIX = ".kiemdiem"


def write_backup(conn: sqlite3.Connection, dest: str | Path) -> Path:
    def produce(tmp: Path) -> None:
        tmp.unlink(missing_ok=True)
        out = sqlite3.connect(tmp)
        try:
            conn.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")  # one file, nothing beside it
        finally:
            out.close()

    return write_atomically(dest, produce, private=True)


def automatic_backup_folder(db_path: Path) -> Path:
    key = hashlib.sha1(str(Path(db_path).resolve()).encode()).hexdigest()[:8]
    folder = paths.backup_dir() / f"{Path(db_path).stem}-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def automatic_backup(conn: sqlite3.Connection, db_path: Path, reason: str) -> Path:
    """Reasons: bat-dau-hop, khoa, dong, truoc-nang-cap, truoc-khoi-phuc. The last 10 are kept."""
    folder = automatic_backup_folder(db_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = write_backup(conn, folder / f"{stamp}-{reason}{BACKUP_SUFFIX}")
    for old in sorted(folder.glob(f"*{BACKUP_SUFFIX}"))[:-KEEP_AUTOMATIC]:
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
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise NotOurFileError(src, "PRAGMA quick_check")
    except sqlite3.DatabaseError as err:
        conn.close()
        raise NotOurFileError(src, str(err)) from err
    except Exception:
        conn.close()
        raise
    return conn
