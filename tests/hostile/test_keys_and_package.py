"""Issue 12 item 4 (`keys new` never replaces a .p12 or a .crt) and item 1 for the package (its
output and its handover slip never replace the data file or an input)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.store_helpers import (  # noqa: F401 (fixtures)
    PASS, cli, db, digest, finished_db, meeting_id, refused,
)


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("khoa")
    pw = d / "mk.txt"
    pw.write_text(PASS + "\n", encoding="utf-8")
    out = {"pw": pw}
    for stem, purpose in (("chi-bo", "signing"), ("cap-uy", "encryption")):
        r = cli("keys", "new", "--name", stem, "--out", str(d / f"{stem}.p12"), "--for", purpose,
                "--passphrase-file", str(pw))
        assert r.returncode == 0, r.stderr.decode()
        out[stem] = d / f"{stem}.p12"
        out[stem + ".crt"] = d / f"{stem}.crt"
    return out


def test_keys_new_never_replaces_a_key_or_a_certificate(tmp_path, keys):
    pw = keys["pw"]
    # An existing .crt beside a new .p12: refused, neither file written.
    crt = tmp_path / "k.crt"
    crt.write_text("chứng thư của người khác", encoding="utf-8")
    r = cli("keys", "new", "--name", "A", "--out", str(tmp_path / "k.p12"), "--passphrase-file", str(pw))
    refused(r, str(crt), "không ghi đè")
    assert not (tmp_path / "k.p12").exists()
    assert crt.read_text(encoding="utf-8") == "chứng thư của người khác"
    # An existing .p12 (its .crt missing): refused, nothing written.
    p12 = tmp_path / "m.p12"
    p12.write_bytes(b"khoa cu")
    refused(cli("keys", "new", "--name", "A", "--out", str(p12), "--passphrase-file", str(pw)), "không ghi đè")
    assert p12.read_bytes() == b"khoa cu" and not (tmp_path / "m.crt").exists()
    # --out naming the certificate itself would write the key and then the certificate over it.
    refused(cli("keys", "new", "--name", "A", "--out", str(tmp_path / "n.crt"), "--passphrase-file", str(pw)),
            ".p12")
    assert list(tmp_path.glob("n.*")) == []
    # A dangling symbolic link where the certificate goes: not followed, not replaced.
    (tmp_path / "s.crt").symlink_to(tmp_path / "khong-co")
    refused(cli("keys", "new", "--name", "A", "--out", str(tmp_path / "s.p12"), "--passphrase-file", str(pw)),
            "không ghi đè")
    assert not (tmp_path / "khong-co").exists() and not (tmp_path / "s.p12").exists()


def test_the_core_refuses_too(tmp_path):
    """The window calls the same function: it refuses without the command line's check."""
    from kiemdiem_desktop.crypto.keys import KeyError_, new_key

    (tmp_path / "k.crt").write_text("x", encoding="utf-8")
    with pytest.raises(KeyError_, match="không ghi đè"):
        new_key("A", tmp_path / "k.p12", PASS, purpose="signing")
    assert not (tmp_path / "k.p12").exists()


def test_package_never_writes_over_the_data_file_or_its_inputs(db, tmp_path, keys):
    mid = meeting_id(db)
    base = ["package", "--db", str(db), "--meeting", mid, "--key", str(keys["chi-bo"]),
            "--passphrase-file", str(keys["pw"]), "--to", str(keys["cap-uy.crt"])]
    before = digest(db)
    for out in (db, Path(f"{db}-wal"), keys["cap-uy.crt"], keys["chi-bo"], keys["pw"]):
        protected = digest(out) if out.exists() else None
        r = cli(*base, "--out", str(out))
        refused(r, str(out), "không ghi gì")
        if protected:
            assert digest(out) == protected
    # The handover slip goes beside the package (stem + "-bien-nhan.pdf"): it may not be the data file.
    slip_victim = tmp_path / "goi-bien-nhan.pdf"
    db.rename(slip_victim)
    r = cli(*[a if a != str(db) else str(slip_victim) for a in base], "--out", str(tmp_path / "goi.p7m"))
    refused(r, "goi-bien-nhan.pdf", "tệp dữ liệu đang mở")
    assert not (tmp_path / "goi.p7m").exists()
    assert digest(slip_victim) == before


def test_tampered_or_damaged_pdfs_get_a_verdict_never_a_traceback(db, tmp_path, keys):
    """Item 16: pyHanko's errors on a tampered PDF reach the user as a Vietnamese verdict (exit 2)."""
    import re

    pdf = tmp_path / "bien-ban.pdf"
    assert cli("minutes", "--db", str(db), "--meeting", meeting_id(db), "--out", str(pdf)).returncode == 0
    signed = tmp_path / "da-ky.pdf"
    r = cli("sign", str(pdf), "--role", "chu-tri", "--key", str(keys["chi-bo"]), "--passphrase-file",
            str(keys["pw"]), "--out", str(signed))
    assert r.returncode == 0, r.stderr.decode()
    data = signed.read_bytes()
    assert cli("verify", str(signed)).returncode == 0
    m = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    i = data.find(b"/Contents <")
    j = data.find(b">", i)
    variants = {
        "sua-noi-dung": data[:len(data) // 3] + bytes([data[len(data) // 3] ^ 1]) + data[len(data) // 3 + 1:],
        "cat-cuoi": data[:-500],
        "chu-ky-rac": data[:i + 11] + b"Z" * (j - i - 11) + data[j:],
        "chu-ky-ngan": data[:i + 11] + b"30" * ((j - i - 11) // 2) + data[j:],
        "byte-range-xa": data[:m.start()] + (b"/ByteRange [0 %s %s 99999999]" % (m.group(2), m.group(3))).ljust(
            m.end() - m.start()) + data[m.end():],
        "khong-phai-pdf": b"%PDF-1.7\n" + b"rac" * 100,
    }
    for name, body in variants.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(body)
        r = cli("verify", str(path))
        assert r.returncode == 2, (name, r.stdout.decode(), r.stderr.decode())
        out = r.stdout.decode("utf-8") + r.stderr.decode("utf-8")
        assert "KHÔNG HỢP LỆ" in out or ("Không đọc được PDF" in out and "tệp bị hỏng" in out), (name, out)
        if name not in ("chu-ky-rac", "khong-phai-pdf"):
            continue
        r = cli("sign", str(path), "--role", "thu-ky", "--key", str(keys["chi-bo"]), "--passphrase-file",
                str(keys["pw"]), "--out", str(tmp_path / f"{name}-ky.pdf"))
        assert r.returncode == 2 and "Không đọc được PDF" in r.stderr.decode(), (name, r.stderr.decode())
        assert not (tmp_path / f"{name}-ky.pdf").exists()
