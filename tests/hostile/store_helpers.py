"""Hostile inputs and faults: helpers and fixtures shared by the store/roster tests of this folder
(imported by each test module, so the folder needs no conftest of its own).

``KIEMDIEM_FUZZ`` (any positive number; ``make fuzz`` sets it) multiplies the number of inputs each
fuzz test tries; without it every test here runs in seconds inside ``make test``.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import run_cli

PASS = "mat-khau-thu-nghiem"


def fuzz_factor() -> int:
    try:
        return max(1, int(os.environ.get("KIEMDIEM_FUZZ", "1")))
    except ValueError:
        return 1


def cli(*args: str, env: dict | None = None, input_text=None):
    """Run the program as a user would; never with KIEMDIEM_DEBUG (a user sees no traceback)."""
    full = {"KIEMDIEM_DEBUG": ""}
    full.update(env or {})
    r = run_cli(*args, env=full, input_text=input_text)
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return r


def stderr(r) -> str:
    return r.stderr.decode("utf-8")


def refused(r, *needles: str) -> str:
    """Exit 2 with a Vietnamese message containing each needle."""
    err = stderr(r)
    assert r.returncode == 2, (r.returncode, err, r.stdout.decode("utf-8", "replace"))
    for n in needles:
        assert n.lower() in err.lower(), (n, err)
    return err


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def roster_json(db: Path) -> list:
    r = cli("roster", "list", "--db", str(db), "--json")
    assert r.returncode == 0, stderr(r)
    return json.loads(r.stdout.decode("utf-8"))


def meeting_id(db: Path) -> str:
    r = cli("meeting", "list", "--db", str(db), "--json")
    assert r.returncode == 0, stderr(r)
    return json.loads(r.stdout.decode("utf-8"))[-1]["id"]


@pytest.fixture(scope="session")
def finished_db(tmp_path_factory) -> Path:
    """A demo cell with a meeting held, adopted and locked (made once; copy it before changing it)."""
    d = tmp_path_factory.mktemp("mau")
    db = d / "mau.kiemdiem"
    r = run_cli("demo", "--db", str(db), "--members", "12", "--finished",
                env={"KIEMDIEM_DATA_DIR": str(d / "appdata")})
    assert r.returncode == 0, r.stderr.decode()
    return db


@pytest.fixture
def db(finished_db, tmp_path) -> Path:
    path = tmp_path / "chi-bo.kiemdiem"
    shutil.copy(finished_db, path)
    return path


def sql(db: Path, query: str, *params):
    """Read (or change, between commands) a closed data file directly, as another program would."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(query, params).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()

