"""Keys made once per session, a locked meeting (the schema-4 fixture, upgraded), a SoftHSM2 token
created in a temporary folder, and a helper to run the command line in-process."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiemdiem_desktop.crypto.keys import load_pkcs12_key, load_recipient_certificate, new_key
from kiemdiem_desktop.services import CellFile
from tests.helpers import FIXTURES

PASS = "mat-khau-thu-nghiem"
PIN = "1234"
SOFTHSM_MODULE = next((p for p in ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")
                       if os.path.exists(p)), "/usr/lib/softhsm/libsofthsm2.so")
KEYS = {  # stem: (name, purpose)
    "chi-bo": ("Chi bộ Văn phòng", "signing"),
    "chi-bo-moi": ("Chi bộ Văn phòng", "signing"),
    "cap-uy": ("Đảng ủy Sở Nội vụ", "encryption"),
    "cap-uy-khac": ("Đảng ủy Sở Tài chính", "encryption"),
    "chu-tri": ("Nguyễn Văn Hùng", "signing"),
    "thu-ky": ("Bùi Thị Giang", "signing"),
}


@pytest.fixture(scope="session")
def keydir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("khoa")
    for stem, (name, purpose) in KEYS.items():
        new_key(name, d / f"{stem}.p12", PASS, purpose=purpose)
    (d / "matkhau.txt").write_text(PASS + "\n", encoding="utf-8")
    (d / "pin.txt").write_text(PIN + "\n", encoding="utf-8")
    return d


@pytest.fixture(scope="session")
def key(keydir):
    return lambda stem: load_pkcs12_key(keydir / f"{stem}.p12", PASS)


@pytest.fixture(scope="session")
def cert(keydir):
    return lambda stem: load_recipient_certificate(keydir / f"{stem}.crt")


@pytest.fixture(scope="session")
def locked_db(tmp_path_factory) -> Path:
    """The 12-member cell with its 2025 meeting adopted and locked (revision 1)."""
    path = tmp_path_factory.mktemp("chi-bo") / "chi-bo.kiemdiem"
    shutil.copy(FIXTURES / "db" / "v4-meeting-locked.kiemdiem", path)
    with CellFile.open(path) as cf:                  # upgraded once, here; a package names its cell by code
        cell = cf.cell()
        cell.code = "CB-VP"
        cf.save_cell(cell).result()
    return path


@pytest.fixture(scope="session")
def meeting_id(locked_db) -> str:
    with CellFile.open(locked_db) as cf:
        return cf.meetings()[0].id


@pytest.fixture(scope="session")
def package(tmp_path_factory, locked_db, meeting_id, key, cert):
    from kiemdiem_desktop.services.package import make_package

    out = tmp_path_factory.mktemp("goi") / "goi.p7m"
    with CellFile.open(locked_db) as cf:
        return make_package(cf, meeting_id, key("chi-bo"), [cert("cap-uy")], out=out)


def run_cli(*args: str | os.PathLike, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command line in a child process (exit codes, stdout, stderr as the user sees them)."""
    return subprocess.run([sys.executable, "-m", "kiemdiem_desktop", *map(str, args)], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, cwd=Path(__file__).parents[2], timeout=120)


@pytest.fixture(scope="session")
def token(tmp_path_factory, keydir):
    """A SoftHSM2 token "CAPUY" in a temporary folder holding the committee's key and certificate
    (label cap-uy) and the cell's (label chi-bo); returns the environment that points to it."""
    d = tmp_path_factory.mktemp("softhsm")
    (d / "tokens").mkdir()
    conf = d / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {d / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    os.environ["SOFTHSM2_CONF"] = str(conf)          # for python-pkcs11 in this process
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "CAPUY", "--pin", PIN, "--so-pin", "87654321"],
                   check=True, capture_output=True, env=env)
    for i, stem in enumerate(("cap-uy", "chi-bo"), 1):
        subprocess.run(["openssl", "pkcs12", "-in", keydir / f"{stem}.p12", "-nocerts", "-nodes", "-passin",
                        f"pass:{PASS}", "-out", d / f"{stem}.pem"], check=True, capture_output=True)
        subprocess.run(["openssl", "pkey", "-in", d / f"{stem}.pem", "-outform", "DER", "-out", d / f"{stem}.key.der"],
                       check=True, capture_output=True)
        subprocess.run(["openssl", "x509", "-in", keydir / f"{stem}.crt", "-outform", "DER", "-out",
                        d / f"{stem}.crt.der"], check=True, capture_output=True)
        for obj, typ in ((f"{stem}.key.der", "privkey"), (f"{stem}.crt.der", "cert")):
            extra = ["--usage-decrypt", "--usage-sign"] if typ == "privkey" else []
            subprocess.run(["pkcs11-tool", "--module", SOFTHSM_MODULE, "--token-label", "CAPUY", "--login", "--pin", PIN,
                            "--write-object", d / obj, "--type", typ, "--label", stem, "--id", f"0{i}", *extra],
                           check=True, capture_output=True, env=env)
    return {"SOFTHSM2_CONF": str(conf)}
