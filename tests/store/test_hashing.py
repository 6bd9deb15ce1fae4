"""The opening path's digests (a backup folder's name, the schema digest) are hashlib's own, and
opening a file loads no OpenSSL (store/hashing.py): the window's start does not wait for it."""
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from kiemdiem_desktop.store.backup import automatic_backup_folder
from kiemdiem_desktop.store.hashing import sha1_hex, sha256_hex

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("data", [b"", b"abc", "Chi bộ Phòng Tổ chức\x1ftable".encode(), bytes(range(256)) * 300])
def test_same_digests_as_hashlib(data):
    assert sha1_hex(data) == hashlib.sha1(data).hexdigest()
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_backup_folder_name_as_before(tmp_path, monkeypatch):
    monkeypatch.setenv("KIEMDIEM_DATA_DIR", str(tmp_path / "data"))
    db = tmp_path / "chi-bo.kiemdiem"
    key = hashlib.sha1(str(db.resolve()).encode()).hexdigest()[:8]
    assert automatic_backup_folder(db).name == f"chi-bo-{key}"


OPEN = """
import sys
from kiemdiem_desktop.services import CellFile
cf = CellFile.open_in_background(sys.argv[1], create=True).result()
print("members", len(cf.roster()))
print("openssl loaded:", "_hashlib" in sys.modules)
cf.close(backup=False)
"""


def test_opening_a_file_loads_no_openssl(tmp_path):
    env = {"KIEMDIEM_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    db = tmp_path / "demo.kiemdiem"
    subprocess.run([sys.executable, "-m", "kiemdiem_desktop", "demo", "--db", str(db), "--members", "12"],
                   env=env, cwd=ROOT, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-c", OPEN, str(db)], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["members 12", "openssl loaded: False"]
