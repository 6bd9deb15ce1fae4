"""The committee's year on both stores: a SQLite data file, and a real PostgreSQL server started
for the session (Debian's postgresql, run as the postgres user with runuser, in a temporary folder,
on a Unix socket, trust authentication) — every test using ``register`` runs against both.

Three cells (10, 12 and 14 members, demo meetings held and locked) send signed, encrypted packages
to the committee; keys are made once per session."""
from __future__ import annotations

import glob
import io
import itertools
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from kiemdiem_desktop.crypto.keys import load_pkcs12_key, load_recipient_certificate, new_key
from kiemdiem_desktop.services import CellFile

PASS = "mat-khau-thu-nghiem"
CELLS = [("CB01", "Chi bộ Khu phố 1", 10), ("CB02", "Chi bộ Khu phố 2", 12), ("CB03", "Chi bộ Khu phố 3", 14)]


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    assert found, "PostgreSQL is not installed (make test installs Debian's postgresql)"
    return Path(found[-1]).parent


@pytest.fixture(scope="session")
def postgres_server():
    """A throw-away PostgreSQL cluster; yields a function that makes a new empty database's URL."""
    with pg_cluster() as new_database:
        yield new_database


@contextmanager
def pg_cluster():
    """Start a PostgreSQL cluster in a temporary folder (as the postgres user, Unix socket only,
    trust authentication); stop and remove it at the end (also used by bench/committee.py)."""
    bindir = _pg_bin()
    root = Path(tempfile.mkdtemp(prefix="kd-pg-"))
    shutil.chown(root, "postgres", "postgres")
    os.chmod(root, 0o755)
    data = root / "data"
    as_pg = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_pg, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log.txt"), "-o",
                    f"-c listen_addresses='' -k {root} -c fsync=off", "start"], check=True, capture_output=True)
    counter = itertools.count(1)

    def new_database() -> str:
        name = f"kd_{next(counter)}"
        subprocess.run([*as_pg, str(bindir / "createdb"), "-h", str(root), "-U", "postgres", name], check=True,
                       capture_output=True)
        return f"postgresql://postgres@/{name}?host={root}"

    try:
        yield new_database
    finally:
        subprocess.run([*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def register(request, tmp_path) -> str:
    """Where the committee's data lives: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "cap-uy.kiemdiem")
    return request.getfixturevalue("postgres_server")()


@dataclass
class Year:
    folder: Path
    keys: Path
    packages: Path            # the three cells' packages
    cells: dict[str, Path]    # code -> the cell's data file (session copy: tests copy before writing)
    meetings: dict[str, str]
    passfile: Path

    def key(self, stem: str):
        return load_pkcs12_key(self.keys / f"{stem}.p12", PASS)

    def cert(self, stem: str):
        return load_recipient_certificate(self.keys / f"{stem}.crt")

    def keyargs(self, stem: str) -> list[str]:
        return ["--key", str(self.keys / f"{stem}.p12"), "--passphrase-file", str(self.passfile)]


@pytest.fixture(scope="session")
def year(tmp_path_factory) -> Year:
    from kiemdiem_desktop.services.package import make_package
    from kiemdiem_desktop.services.demo import create_demo

    d = tmp_path_factory.mktemp("nam")
    keys = d / "khoa"
    keys.mkdir()
    for stem, name, purpose in [("capuy-ky", "Đảng ủy phường Bến Nghé", "signing"),
                                ("capuy-mh", "Đảng ủy phường Bến Nghé", "encryption"),
                                ("capuy-khac", "Đảng ủy giả mạo", "signing")] + \
            [(f"{c.lower()}-ky", n, "signing") for c, n, _ in CELLS] + \
            [(f"{c.lower()}-mh", n, "encryption") for c, n, _ in CELLS] + [("cb01-moi", CELLS[0][1], "signing")]:
        new_key(name, keys / f"{stem}.p12", PASS, purpose=purpose)
    passfile = d / "matkhau.txt"
    passfile.write_text(PASS + "\n", encoding="utf-8")
    packages = d / "goi"
    packages.mkdir()
    cells, meetings = {}, {}
    for code, name, n in CELLS:
        path = d / f"{code.lower()}.kiemdiem"
        cf = create_demo(path, members=n, finished=True)
        cf.save_cell(replace(cf.cell(), code=code, name=name, higher_org="Đảng bộ phường Bến Nghé",
                             locality="Thành phố Hồ Chí Minh")).result()
        mid = cf.meetings()[0].id
        make_package(cf, mid, load_pkcs12_key(keys / f"{code.lower()}-ky.p12", PASS),
                     [load_recipient_certificate(keys / "capuy-mh.crt")], out=packages / f"{code.lower()}.p7m",
                     slip=False)
        cf.close(backup=False)
        cells[code], meetings[code] = path, mid
    return Year(d, keys, packages, cells, meetings, passfile)


def cli(*args) -> tuple[int, str, str]:
    """The command line in this process: (exit code, stdout, stderr)."""
    from kiemdiem_desktop.cli import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    err = io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    out.flush()
    return code, out.buffer.getvalue().decode("utf-8"), err.getvalue()
