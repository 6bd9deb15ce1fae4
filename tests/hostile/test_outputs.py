"""Issue 12 item 1: no output of a command replaces the open data file, its -wal/-shm, or an input of
the same command (by path, symbolic link or hard link); exit 2, nothing written."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile.store_helpers import (  # noqa: F401 (fixtures)
    PASS, cli, db, digest, finished_db, meeting_id, refused, roster_json,
)


def _aliases(db: Path, tmp_path: Path) -> dict[str, Path]:
    link = tmp_path / "lien-ket.pdf"
    link.symlink_to(db)
    hard = tmp_path / "cung-inode.pdf"
    os.link(db, hard)
    return {"same path": db, "relative": Path(os.path.relpath(db)), "symlink": link, "hard link": hard,
            "wal": Path(f"{db}-wal"), "shm": Path(f"{db}-shm")}


@pytest.mark.parametrize("command", ["minutes", "minutes-docx", "meeting-export", "backup", "documents"])
def test_no_command_writes_over_the_open_data_file(db, tmp_path, command):
    mid = meeting_id(db)
    before_roster = roster_json(db)
    before = digest(db)
    for kind, out in _aliases(db, tmp_path).items():
        args = {
            "minutes": ["minutes", "--db", str(db), "--meeting", mid, "--out", str(out)],
            "minutes-docx": ["minutes", "--db", str(db), "--meeting", mid, "--out", str(out), "--docx"],
            "meeting-export": ["meeting", "export", "--db", str(db), "--meeting", mid, "--out", str(out)],
            "backup": ["backup", "--db", str(db), "--out", str(out)],
            "documents": ["documents", "--db", str(db), "--meeting", mid, "--out", str(out)],
        }[command]
        r = cli(*args)
        err = refused(r, "không ghi gì")
        assert "tệp dữ liệu đang mở" in err or "tệp đi kèm" in err, (kind, err)
        assert digest(db) == before, kind
        if kind in ("wal", "shm"):
            assert not out.exists(), kind
    assert roster_json(db) == before_roster


def test_documents_into_the_folder_of_the_data_file_still_work_but_never_over_it(db, tmp_path):
    """The folder holding the data file is a fine place for documents: only the file itself is kept."""
    mid = meeting_id(db)
    r = cli("documents", "--db", str(db), "--meeting", mid, "--out", str(db.parent))
    assert r.returncode == 0, r.stderr.decode()
    assert (db.parent / "bien-ban.pdf").exists()
    # A data file named like a document in the output folder: refused before anything is written.
    other = tmp_path / "khac"
    other.mkdir()
    renamed = other / "tong-hop-ket-qua.xlsx"
    db.rename(renamed)
    before = digest(renamed)
    r = cli("documents", "--db", str(renamed), "--meeting", mid, "--out", str(other))
    refused(r, "tong-hop-ket-qua.xlsx", "tệp dữ liệu đang mở")
    assert digest(renamed) == before
    assert sorted(p.name for p in other.iterdir()) == ["tong-hop-ket-qua.xlsx"]


def test_sign_never_writes_over_its_input_pdf_or_key(db, tmp_path):
    mid = meeting_id(db)
    pdf = tmp_path / "bien-ban.pdf"
    assert cli("minutes", "--db", str(db), "--meeting", mid, "--out", str(pdf)).returncode == 0
    pw = tmp_path / "mk.txt"
    pw.write_text(PASS + "\n", encoding="utf-8")
    key = tmp_path / "chu-tri.p12"
    assert cli("keys", "new", "--name", "Nguyễn Văn Hùng", "--out", str(key), "--for", "signing",
               "--passphrase-file", str(pw)).returncode == 0
    for out in (pdf, key, pw):
        before = digest(out)
        r = cli("sign", str(pdf), "--role", "chu-tri", "--key", str(key), "--passphrase-file", str(pw),
                "--out", str(out))
        refused(r, "tệp đầu vào của lệnh này", str(out))
        assert digest(out) == before


def test_restore_of_the_data_file_into_itself_is_refused(db):
    before = digest(db)
    refused(cli("restore", str(db), "--db", str(db)), "không ghi gì")
    assert digest(db) == before
