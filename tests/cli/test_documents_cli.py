"""`kiemdiem minutes` and `kiemdiem documents` on the finished demo meeting (CLI.md)."""
import json

from docx import Document
from pypdf import PdfReader

from tests.helpers import run_cli


def _locked_meeting(tmp_path):
    db = tmp_path / "mau.kiemdiem"
    assert run_cli("demo", "--db", str(db), "--finished").returncode == 0
    meetings = json.loads(run_cli("meeting", "list", "--db", str(db), "--json").stdout)
    return db, next(m["id"] for m in meetings if m["state"] == "locked")


def test_minutes_pdf_and_word(tmp_path):
    db, meeting = _locked_meeting(tmp_path)
    r = run_cli("minutes", "--db", str(db), "--meeting", meeting[:8], "--out", str(tmp_path / "bb.pdf"))
    assert r.returncode == 0, r.stderr.decode()
    assert "bản chính thức, lần 1" in r.stdout.decode()
    text = " ".join((p.extract_text() or "") for p in PdfReader(tmp_path / "bb.pdf").pages)
    assert "BIÊN BẢN" in text and "Bản sửa đổi" not in text and "DỰ THẢO" not in text   # revision 1: no marking
    r = run_cli("minutes", "--db", str(db), "--meeting", meeting, "--out", str(tmp_path / "bb.docx"), "--docx")
    assert r.returncode == 0, r.stderr.decode()
    assert any("BIÊN BẢN" in p.text for p in Document(tmp_path / "bb.docx").paragraphs)


def test_documents_writes_every_document_of_the_meeting(tmp_path):
    db, meeting = _locked_meeting(tmp_path)
    out = tmp_path / "van-ban"
    r = run_cli("documents", "--db", str(db), "--meeting", meeting, "--out", str(out))
    assert r.returncode == 0, r.stderr.decode()
    names = {p.name for p in out.iterdir()}
    assert {"bien-ban.pdf", "bien-ban.docx", "bien-ban-kiem-phieu.pdf", "phieu-bieu-quyet-chung.pdf",
            "phieu-bieu-quyet-rieng.pdf", "tong-hop-ket-qua.pdf", "tong-hop-ket-qua.xlsx",
            "danh-sach-dang-vien-du-hop.pdf", "kich-ban-dieu-hanh.pdf", "mau-01.docx"} <= names
    assert any(n.startswith("mau-2a-") for n in names) and any(n.startswith("mau-2b-") for n in names)
    assert not [n for n in names if n.startswith(".") or n.endswith(".tmp")]   # nothing half-written


def test_unknown_meeting_is_refused(tmp_path):
    db, _ = _locked_meeting(tmp_path)
    r = run_cli("minutes", "--db", str(db), "--meeting", "ffffffff", "--out", str(tmp_path / "x.pdf"))
    assert r.returncode == 2
    assert "Không có cuộc họp nào" in r.stderr.decode()
    assert not (tmp_path / "x.pdf").exists()
