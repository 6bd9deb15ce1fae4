"""`kiemdiem minutes` opens the file and reads the meeting on a thread of its own while the document's
modules load: what it refuses, and how, is what every other command says of the same file."""
import sqlite3

from tests.helpers import run_cli


def test_a_file_that_is_not_ours_is_refused_as_by_any_command(tmp_path):
    bad = tmp_path / "khong-phai.kiemdiem"
    bad.write_text("không phải tệp dữ liệu\n", encoding="utf-8")
    r = run_cli("minutes", "--db", str(bad), "--meeting", "abc", "--out", str(tmp_path / "bb.pdf"))
    other = run_cli("meeting", "list", "--db", str(bad))
    assert r.returncode == other.returncode == 2
    assert r.stderr.decode() == other.stderr.decode()
    assert "không phải tệp dữ liệu Kiểm điểm Desktop" in r.stderr.decode()
    assert not (tmp_path / "bb.pdf").exists()


def test_a_wrong_value_in_a_table_is_named_and_nothing_written(tmp_path):
    db = tmp_path / "mau.kiemdiem"
    assert run_cli("demo", "--db", str(db), "--finished").returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE member SET full_name = CAST('Nguyễn Văn A' AS BLOB) WHERE rowid = "
                     "(SELECT max(rowid) FROM member)")
    conn.close()
    r = run_cli("minutes", "--db", str(db), "--meeting", "abc", "--out", str(tmp_path / "bb.pdf"))
    assert r.returncode == 2
    assert "member.full_name" in r.stderr.decode()
    assert not (tmp_path / "bb.pdf").exists()
