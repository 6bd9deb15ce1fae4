"""Opening a file compares its schema's digest with a table kept in store/schema.py instead of replaying
every migration: the table must be exactly the replay's, and a file one statement away from ours must
still be refused with the differences named."""
from __future__ import annotations

import sqlite3

import pytest

from kiemdiem_desktop.store.errors import ForeignSchemaError
from kiemdiem_desktop.store.migrations import MIGRATIONS
from kiemdiem_desktop.store.schema import (
    EXPECTED_DIGESTS, check_schema, expected_schema, schema_digest,
)


def test_every_version_has_the_digest_of_its_replay():
    versions = [number for number, _d, _s in MIGRATIONS]
    got = {v: schema_digest(expected_schema(v)) for v in versions}
    assert EXPECTED_DIGESTS == got, (
        "store/schema.py EXPECTED_DIGESTS is stale; the replayed migrations give " + repr(got))


def _file_at(version: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for number, _d, statements in MIGRATIONS:
        if number > version:
            break
        for sql in statements:
            conn.execute(sql)
    return conn


def test_exact_schema_accepted_at_every_version(tmp_path):
    for number, _d, _s in MIGRATIONS:
        check_schema(_file_at(number), tmp_path / "x.kiemdiem", number)


@pytest.mark.parametrize("change, named", [
    ("CREATE TRIGGER rename_all AFTER INSERT ON member BEGIN UPDATE member SET full_name = 'x'; END",
     "trigger rename_all"),
    ("CREATE VIEW everyone AS SELECT 1", "view everyone"),
])
def test_one_statement_more_is_refused_by_name(tmp_path, change, named):
    latest = MIGRATIONS[-1][0]
    conn = _file_at(latest)
    conn.execute(change)
    with pytest.raises(ForeignSchemaError) as err:
        check_schema(conn, tmp_path / "x.kiemdiem", latest)
    assert named in str(err.value)
    assert "x.kiemdiem" in str(err.value)


def test_a_missing_history_trigger_is_refused(tmp_path):
    latest = MIGRATIONS[-1][0]
    conn = _file_at(latest)
    trigger = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchone()[0]
    conn.execute(f'DROP TRIGGER "{trigger}"')
    with pytest.raises(ForeignSchemaError) as err:
        check_schema(conn, tmp_path / "x.kiemdiem", latest)
    assert f"thiếu trigger {trigger}" in str(err.value)
