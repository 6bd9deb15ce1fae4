"""`open` refuses a genuinely signed package whose content is hostile (issue 12, items 14 and 15):
a manifest of the wrong shape, a decompression bomb, a huge manifest, symlink entries, names
Windows cannot create, JSON that breaks readers, a meeting the window would refuse. Exit 2, a
Vietnamese message naming the package and the field, the target folder not created, no traceback."""
import copy
import json
import time
import zipfile
import zlib

import pytest

from kiemdiem_desktop.crypto import package as pkg
from kiemdiem_desktop.crypto.open_package import PackageRefused, read_package
from tests.helpers import run_cli

from tests.hostile.package_forge import (  # noqa: F401 - fixtures
    PASS, forge_dir, forge_key, forge_zip, genuine, relist, seal, symlink_info, zip_entries,
)


def _open(tmp_path, forge_dir, blob: bytes, *, name="goi-gia.p7m"):
    src = tmp_path / name
    src.write_bytes(blob)
    out = tmp_path / "mo-ra"
    t0 = time.monotonic()
    r = run_cli("open", str(src), "--key", str(forge_dir / "cap-uy.p12"), "--passphrase-file",
                str(forge_dir / "matkhau.txt"), "--out", str(out))
    return r, out, time.monotonic() - t0


def _refused(tmp_path, forge_dir, blob: bytes, *, where: str):
    r, out, _ = _open(tmp_path, forge_dir, blob)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2, err
    assert "Traceback" not in err
    assert "goi-gia.p7m" in err and where in err, err
    assert "Không ghi gì" in err
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "goi-gia.p7m"]
    return err


def _with_manifest(genuine, forge_key, change) -> bytes:
    manifest, files = genuine
    m = copy.deepcopy(manifest)
    change(m)
    return seal(forge_zip(m, files), forge_key("chi-bo"), forge_key("cap-uy").certificate)


def test_the_forged_genuine_package_opens(tmp_path, forge_dir, forge_key, genuine):
    blob = _with_manifest(genuine, forge_key, lambda m: None)
    r, out, _ = _open(tmp_path, forge_dir, blob)
    assert r.returncode == 0, r.stderr.decode()
    assert (out / "meeting.json").exists()


@pytest.mark.parametrize("path, value, where", [
    ("meeting.rating_year", "2025", "meeting.rating_year"),
    ("meeting.rating_year", 2 ** 40, "meeting.rating_year"),
    ("meeting.rating_year", True, "meeting.rating_year"),
    ("meeting.revision", None, "meeting.revision"),
    ("meeting.revision", 2 ** 63, "meeting.revision"),
    ("meeting.id", 7, "meeting.id"),
    ("meeting.kind", ["main"], "meeting.kind"),
    ("meeting.meeting_date", "31/12/2025", "meeting.meeting_date"),
    ("cell", [], "cell"),
    ("cell", "Chi bộ Văn phòng", "cell"),
    ("cell.name", {"x": 1}, "cell.name"),
    ("cell.name", "", "cell.name"),
    ("cell.code", 12, "cell.code"),
    ("meeting", None, "meeting"),
    ("files", {}, "files"),
    ("created_at", 20251210, "created_at"),
])
def test_a_manifest_field_of_the_wrong_type_is_refused_before_anything_is_written(
        tmp_path, forge_dir, forge_key, genuine, path, value, where):
    def change(m):
        node = m
        *parents, last = path.split(".")
        for p in parents:
            node = node[p]
        node[last] = value
    blob = _with_manifest(genuine, forge_key, change)
    if path in ("meeting.rating_year", "cell") and value in ("2025", []):      # through the command line
        _refused(tmp_path, forge_dir, blob, where=where)
        return
    with pytest.raises(PackageRefused) as info:
        read_package(blob, forge_key("cap-uy"), file_name="goi-gia.p7m")
    assert "goi-gia.p7m" in str(info.value) and where in str(info.value) and "Không ghi gì" in str(info.value)


def test_a_decompression_bomb_is_refused_without_inflating_it(tmp_path, forge_dir, forge_key, genuine):
    # A 1000 MB file of zeros, about 1 MB deflated: the opener refuses it on the declared sizes.
    manifest, files = genuine
    size = 1000 << 20
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    parts = [comp.compress(chunk) for _ in range(1000)] + [comp.flush()]
    deflated = b"".join(parts)
    crc = 0                                  # never checked: the entry is refused before it is read
    m = copy.deepcopy(manifest)
    m["files"].append({"name": "bom.pdf", "size": size, "sha256": "0" * 64})
    body = forge_zip(m, files)
    body = _append_raw_deflated(body, "bom.pdf", deflated, crc, size)
    assert len(body) < 2 << 20
    blob = seal(body, forge_key("chi-bo"), forge_key("cap-uy").certificate)
    r, out, seconds = _open(tmp_path, forge_dir, blob)
    err = r.stderr.decode()
    assert r.returncode == 2 and "bom.pdf" in err and ("nén quá mức" in err or "quá lớn" in err), err
    assert seconds < 30 and not out.exists()


def _append_raw_deflated(zip_bytes: bytes, name: str, deflated: bytes, crc: int, size: int) -> bytes:
    """A ZIP with one more entry whose deflated bytes are given (so no gigabyte is ever built)."""
    import io
    import struct

    src = zipfile.ZipFile(io.BytesIO(zip_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            z.writestr(info, src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    data = out.getvalue()
    # Rebuild by hand: local headers + data, then the central directory with the new entry.
    cd_start = data.rfind(b"PK\x05\x06")
    eocd = data[cd_start:]
    n_entries, cd_size, cd_offset = struct.unpack("<HII", eocd[10:20])
    local_part, central = data[:cd_offset], data[cd_offset:cd_offset + cd_size]
    fname = name.encode()
    offset = len(local_part)
    if size >= 0xFFFFFFFF:
        raise ValueError("keep the bomb below 4 GiB")
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(deflated), size, len(fname), 0) + fname
    cdir = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(deflated), size, len(fname),
                       0, 0, 0, 0, 0o644 << 16, offset) + fname
    new_local = local_part + local + deflated
    new_central = central + cdir
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n_entries + 1, n_entries + 1, len(new_central), len(new_local), 0)
    return new_local + new_central + end


def test_a_300_mb_manifest_is_refused_unread(tmp_path, forge_dir, forge_key, genuine):
    manifest, files = genuine
    size = 300 << 20
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = json.dumps(manifest, ensure_ascii=False)[:-1].encode() + b', "x": "'
    pad = b" " * (1 << 20)
    total = len(head)
    crc = zlib.crc32(head)
    parts = [comp.compress(head)]
    while total + len(pad) + 2 <= size:
        parts.append(comp.compress(pad))
        crc = zlib.crc32(pad, crc)
        total += len(pad)
    parts += [comp.compress(b'"}'), comp.flush()]
    crc = zlib.crc32(b'"}', crc)
    total += 2
    body = _append_raw_deflated(zip_entries(list(files.items())), pkg.MANIFEST, b"".join(parts), crc, total)
    blob = seal(body, forge_key("chi-bo"), forge_key("cap-uy").certificate)
    err = _refused(tmp_path, forge_dir, blob, where="manifest.json")
    assert "quá" in err


def test_a_symlink_entry_is_refused_not_written_as_a_file(tmp_path, forge_dir, forge_key, genuine):
    manifest, files = genuine
    target = b"/etc/passwd"
    m = relist(manifest, {**files, "lien-ket.pdf": target})
    body = forge_zip(m, files, extra=[(symlink_info("lien-ket.pdf"), target)])
    err = _refused(tmp_path, forge_dir, seal(body, forge_key("chi-bo"), forge_key("cap-uy").certificate),
                   where="lien-ket.pdf")
    assert "liên kết tượng trưng" in err


@pytest.mark.parametrize("name", ["con.pdf", "nul", "aux.json", "ban-quet.", "a..b"])
def test_names_windows_cannot_create_are_refused(tmp_path, forge_dir, forge_key, genuine, name):
    manifest, files = genuine
    files = {**files, name: b"%PDF-1.4\n"}
    body = forge_zip(relist(manifest, files), files)
    with pytest.raises(PackageRefused) as info:
        read_package(seal(body, forge_key("chi-bo"), forge_key("cap-uy").certificate), forge_key("cap-uy"),
                     file_name="goi-gia.p7m")
    assert name in str(info.value) and "goi-gia.p7m" in str(info.value)


@pytest.mark.parametrize("raw, where", [
    (lambda t: t.replace('"Chi bộ Văn phòng"', '"Chi bộ \\ud800"', 1), "cell.name"),
    (lambda t: t.replace('"revision": 1', '"revision": NaN', 1), "meeting.revision"),
    (lambda t: t.replace('"revision": 1', '"revision": ' + "[" * 5000 + "]" * 5000, 1), "lồng nhau quá sâu"),
    (lambda t: t.replace('"revision": 1', '"revision": 9223372036854775808', 1), "meeting.revision"),
])
def test_manifest_json_that_breaks_readers_is_refused(tmp_path, forge_dir, forge_key, genuine, raw, where):
    manifest, files = genuine
    text = raw(json.dumps(manifest, ensure_ascii=False))
    body = zip_entries([(pkg.MANIFEST, text.encode("utf-8")), *files.items()])
    with pytest.raises(PackageRefused) as info:
        read_package(seal(body, forge_key("chi-bo"), forge_key("cap-uy").certificate), forge_key("cap-uy"),
                     file_name="goi-gia.p7m")
    assert where in str(info.value) and "goi-gia.p7m" in str(info.value)
    str(info.value).encode("utf-8")


def _meeting_changed(genuine, change) -> tuple[dict, dict]:
    manifest, files = genuine
    doc = json.loads(files["meeting.json"])
    change(doc)
    files = {**files, "meeting.json": json.dumps(doc, ensure_ascii=False).encode()}
    return relist(manifest, files), files


def test_a_signed_meeting_with_more_votes_than_people_is_refused(tmp_path, forge_dir, forge_key, genuine):
    def change(doc):
        doc["meeting"]["votes"][0]["yes"] = 999
    m, files = _meeting_changed(genuine, change)
    err = _refused(tmp_path, forge_dir, seal(forge_zip(m, files), forge_key("chi-bo"), forge_key("cap-uy").certificate),
                   where="meeting.json: meeting.votes[0]")
    assert "999" in err


def test_a_meeting_json_of_another_cell_or_meeting_is_refused(tmp_path, forge_dir, forge_key, genuine):
    m, files = _meeting_changed(genuine, lambda doc: doc["cell"].update(code="CB-KHAC"))
    _refused(tmp_path, forge_dir, seal(forge_zip(m, files), forge_key("chi-bo"), forge_key("cap-uy").certificate),
             where="meeting.json: cell.code")
    m2 = copy.deepcopy(m)
    m2, files2 = _meeting_changed(genuine, lambda doc: None)
    m2["meeting"]["revision"] = 7
    _refused(tmp_path, forge_dir, seal(forge_zip(m2, files2), forge_key("chi-bo"), forge_key("cap-uy").certificate),
             where="meeting.revision")


def test_a_stored_inconsistent_meeting_is_not_packaged(tmp_path, forge_key):
    """A meeting stored before the checks existed (999 votes with fewer present) is not signed."""
    import shutil
    import sqlite3

    from kiemdiem_desktop.crypto.package import PackageError
    from kiemdiem_desktop.services.package import make_package
    from kiemdiem_desktop.services import CellFile
    from tests.helpers import FIXTURES

    db = tmp_path / "chi-bo.kiemdiem"
    shutil.copy(FIXTURES / "db" / "v4-meeting-locked.kiemdiem", db)
    with CellFile.open(db) as cf:
        cell = cf.cell()
        cell.code = "CB-VP"
        cf.save_cell(cell).result()
        mid = cf.meetings()[0].id
    con = sqlite3.connect(db)
    with con:
        vote = con.execute("SELECT id FROM vote WHERE kind = 'agenda' ORDER BY position LIMIT 1").fetchone()[0]
        con.execute("DROP TRIGGER IF EXISTS vote_locked_update")
        triggers = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'vote'")]
        for t in triggers:
            con.execute(f"DROP TRIGGER {t}")
        con.execute("UPDATE vote SET yes = 999 WHERE id = ?", (vote,))
    con.close()
    with CellFile.open(db) as cf, pytest.raises(PackageError) as info:
        make_package(cf, mid, forge_key("chi-bo"), [forge_key("cap-uy").certificate], out=tmp_path / "goi.p7m")
    assert "meeting.json" in str(info.value) and "999" in str(info.value)
    assert not (tmp_path / "goi.p7m").exists()


def test_a_package_file_over_the_limit_is_refused_unread(tmp_path, forge_dir):
    big = tmp_path / "goi-gia.p7m"
    with open(big, "wb") as f:                     # sparse: nothing is really written
        f.truncate(301 << 20)
    r, out, seconds = _open_path(tmp_path, forge_dir, big)
    err = r.stderr.decode()
    assert r.returncode == 2 and "tệp quá lớn" in err and "goi-gia.p7m" in err and not out.exists(), err


def test_a_fifo_or_a_folder_is_not_read_as_a_package(tmp_path, forge_dir):
    import os
    fifo = tmp_path / "goi-gia.p7m"
    os.mkfifo(fifo)
    r, out, _ = _open_path(tmp_path, forge_dir, fifo)
    assert r.returncode == 2 and "không phải một tệp gói" in r.stderr.decode()


def _open_path(tmp_path, forge_dir, src):
    out = tmp_path / "mo-ra"
    t0 = time.monotonic()
    r = run_cli("open", str(src), "--key", str(forge_dir / "cap-uy.p12"), "--passphrase-file",
                str(forge_dir / "matkhau.txt"), "--out", str(out))
    return r, out, time.monotonic() - t0


def test_an_envelope_with_thousands_of_recipients_is_refused_before_any_trial(tmp_path, forge_key, genuine):
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7
    from cryptography.hazmat.primitives.ciphers import algorithms

    from kiemdiem_desktop.crypto.open_package import PackageRefused, read_package

    other = forge_key("cap-uy").certificate
    b = pkcs7.PKCS7EnvelopeBuilder().set_data(b"x" * 100).set_content_encryption_algorithm(algorithms.AES256)
    for _ in range(60):
        b = b.add_recipient(forge_key("chi-bo").certificate)
    blob = b.encrypt(Encoding.DER, [pkcs7.PKCS7Options.Binary])
    t0 = time.monotonic()
    with pytest.raises(PackageRefused) as info:
        read_package(blob, forge_key("cap-uy"), file_name="goi-gia.p7m")
    assert "quá nhiều người nhận" in str(info.value) and time.monotonic() - t0 < 5
    assert other is not None
