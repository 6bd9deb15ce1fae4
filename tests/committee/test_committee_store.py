"""The committee's data file of the previous schema upgrades without loss, and a cell file is not
taken for a committee's."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from kiemdiem_desktop.committee.year import CommitteeOffice
from kiemdiem_desktop.committee.register import RegisterError
from kiemdiem_desktop.store.migrations import LATEST_VERSION
from tests.helpers import FIXTURES


def test_a_schema_6_committee_file_upgrades_keeping_its_register_and_inbox(tmp_path):
    path = tmp_path / "cap-uy.capuy"
    shutil.copy(FIXTURES / "db" / "v6-committee-register.capuy", path)
    old = sqlite3.connect(path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 6
    inbox = old.execute("SELECT package_sha256, cell_name, state, revision FROM inbox").fetchall()
    keys = old.execute("SELECT cell_key, fingerprint FROM cell_key").fetchall()
    old.close()
    with CommitteeOffice(path, create=False) as office:
        assert [(r["package_sha256"], r["cell_name"], r["state"], r["revision"]) for r in office.register.inbox()] == inbox
        assert office.register.fingerprints({"name": "Chi bộ Văn phòng"}) == [keys[0][1]]
        st = office.status(2025)
        # a package opened before the year's tables: its state is known, its proposal is read when reopened
        assert [(c["name"], c["status"], c["revision"], c["members"]) for c in st["cells"]] == [
            ("Chi bộ Văn phòng", "verified", 1, None)]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_a_cell_file_is_not_a_committee_store(tmp_path):
    path = tmp_path / "chi-bo.kiemdiem"
    shutil.copy(FIXTURES / "db" / "v5-meeting-locked.kiemdiem", path)
    with pytest.raises(RegisterError) as err:
        CommitteeOffice(path)
    assert "không phải tệp của cấp ủy cấp trên" in str(err.value)
