"""The PyInstaller bundle: built from installer/kiemdiem.spec into a temporary folder, then run
the way a user runs it — under Xvfb with the real xcb platform, no Python of ours on the path.
Marked slow (about a minute); ``make test`` runs it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle")]

BUILD_TIMEOUT = 240


def _pyinstaller() -> list[str]:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:  # a venv made before the dist extra existed
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyinstaller==6.22.3"], check=True)
    return [sys.executable, "-m", "PyInstaller"]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("bundle")
    subprocess.run(_pyinstaller() + ["--noconfirm", "--log-level", "WARN", "--distpath", str(tmp / "dist"),
                                     "--workpath", str(tmp / "work"), str(ROOT / "installer" / "kiemdiem.spec")],
                   check=True, cwd=ROOT, timeout=BUILD_TIMEOUT, capture_output=True)
    exe = tmp / "dist" / "kiemdiem" / "kiemdiem"
    assert exe.is_file() and os.access(exe, os.X_OK)
    return exe


def _env(tmp_path: Path, **extra) -> dict:
    """A user's environment: no venv, no source tree on the path, the real X server."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "KIEMDIEM_DATA_DIR", "QT_QPA_PLATFORM", "DISPLAY")}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "home" / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "home" / "config"), XDG_RUNTIME_DIR=str(tmp_path / "run"),
               QT_QPA_PLATFORM="xcb", LANG="C.UTF-8")
    (tmp_path / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(extra)
    return env


def _xvfb(cmd: list, env: dict, cwd: Path, timeout: int = 90) -> subprocess.CompletedProcess:
    assert shutil.which("xvfb-run"), "xvfb-run is missing: make test installs xvfb"
    return subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"] + [str(c) for c in cmd],
                          env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def test_bundle_holds_resources_and_ui(bundle):
    internal = bundle.parent / "_internal"
    for rel in ("resources/fonts/LiberationSerif-Regular.ttf", "resources/fonts/LICENSE-LiberationSerif.txt",
                "resources/icons/kiemdiem.png", "resources/translations/qtbase_vi.qm",
                "resources/rulesets/qd124-hd25.json", "resources/schemas/meeting.schema.json", "ui/style.qss"):
        assert (internal / rel).is_file(), rel
    assert not list(internal.rglob("*WebEngine*")) and not list(internal.rglob("libQt6Quick*"))
    # the dialogs' compiled forms are in the archive; their Qt Designer sources are not shipped
    assert not list((internal / "ui").glob("*.ui")) and not (internal / "ui" / "compile.py").exists()
    from PyInstaller.archive.readers import CArchiveReader

    exe = CArchiveReader(str(bundle))
    pyz = exe.open_embedded_archive(next(n for n in exe.toc if n.endswith(".pyz") or n == "PYZ.pyz"))
    forms = {n for n in pyz.toc if n.startswith("kiemdiem_desktop.gui.forms.")}
    assert {"kiemdiem_desktop.gui.forms.ui_member_dialog", "kiemdiem_desktop.gui.forms.ui_prepare_dialog"} <= forms


def test_bundle_is_small_and_starts_lean(bundle, tmp_path):
    """Issue 15's budget and what installer/kiemdiem.spec does for it: at most 150 MB; one OpenSSL
    (Python's libcrypto/libssl names are links to psycopg's); no run-time hook that imports Qt,
    inspect or pkgutil at every start; the window's start-up modules stored uncompressed in the
    archive, the rest compressed; and a command without the window loads no Qt library at all."""
    import zlib

    from PyInstaller.archive.readers import CArchiveReader

    folder = bundle.parent
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= 150e6, f"{size / 1e6:.1f} MB"
    internal = folder / "_internal"
    for name in ("libcrypto.so.3", "libssl.so.3"):
        assert (internal / name).is_symlink() and "psycopg_binary.libs" in os.readlink(internal / name)
    exe = CArchiveReader(str(bundle))
    assert not {"pyi_rth_pyside6", "pyi_rth_inspect", "pyi_rth_pkgutil"} & set(exe.toc)
    pyz = exe.open_embedded_archive(next(n for n in exe.toc if n.endswith(".pyz") or n == "PYZ.pyz"))

    def stored(name: str) -> bool:
        _, offset, length = pyz.toc[name]
        with open(bundle, "rb") as f:
            f.seek(pyz._start_offset + offset)
            raw = f.read(length)
        return len(raw) > len(zlib.decompress(raw))          # zlib level 0: the bytes as they are
    assert all(stored(m) for m in ("kiemdiem_desktop.gui.app", "kiemdiem_desktop.gui.main_window", "PySide6"))
    assert not any(stored(m) for m in ("reportlab.pdfgen.canvas", "pyhanko.sign.signers.pdf_signer", "docx.document"))
    env = _env(tmp_path, LD_DEBUG="libs")
    demo = tmp_path / "mau.kiemdiem"
    r = subprocess.run([bundle, "demo", "--db", demo], env=env, cwd=tmp_path, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "libQt6Core" not in r.stderr and "libpyside6" not in r.stderr


def test_bundle_selftest_under_xvfb_xcb(bundle, tmp_path):
    r = _xvfb([bundle, "selftest"], _env(tmp_path), cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert lines[-1] == "OK", r.stdout
    assert any("cửa sổ chính: đạt (nền xcb" in line for line in lines), r.stdout
    assert not (tmp_path / "home" / "data" / "kiemdiem").exists()   # the user's data left alone


def test_bundle_shows_a_demo_file_under_xcb_and_portable_mode(bundle, tmp_path):
    env = _env(tmp_path)
    demo = tmp_path / "du-lieu-mau.kiemdiem"
    r = subprocess.run([bundle, "demo", "--db", demo, "--finished"], env=env, cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    r = _xvfb([bundle, "--db", demo, "--exit-when-shown"], env, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (tmp_path / "home" / "data" / "kiemdiem").is_dir()   # settings in the profile's data folder
    # portable: the marker beside the program moves data and settings beside it
    marker = bundle.parent / "portable.txt"
    marker.write_text("", encoding="utf-8")
    try:
        r = _xvfb([bundle, "--db", demo, "--exit-when-shown"], _env(tmp_path / "p", XDG_DATA_HOME=str(tmp_path / "p-data")),
                  cwd=tmp_path)
        assert r.returncode == 0, r.stdout + r.stderr
        assert (bundle.parent / "data").is_dir()
        assert not (tmp_path / "p-data").exists()
    finally:
        marker.unlink()
        shutil.rmtree(bundle.parent / "data", ignore_errors=True)


def test_bundle_packages_and_opens_into_a_postgresql_register(bundle, tmp_path):
    """The committee's shared PostgreSQL store from the bundle: psycopg with its libpq, and the one
    OpenSSL that Python's hashlib and ssl share with libpq (installer/kiemdiem.spec `one_openssl`).
    A cell's package made by the bundle is opened into a new PostgreSQL register, and the register
    then lists the cell as verified."""
    import json

    from tests.committee.conftest import pg_cluster

    env = _env(tmp_path)

    def run(*args) -> subprocess.CompletedProcess:
        r = subprocess.run([bundle, *map(str, args)], env=env, cwd=tmp_path, capture_output=True, text=True,
                           timeout=120)
        assert r.returncode == 0, f"{args[0]}: {r.stdout}{r.stderr}"
        return r

    demo = tmp_path / "chi-bo.kiemdiem"
    run("demo", "--db", demo, "--finished")
    meeting = [m for m in json.loads(run("meeting", "list", "--db", demo, "--json").stdout) if m["state"] == "locked"][0]
    pw = tmp_path / "mat-khau.txt"
    pw.write_text("mat-khau-goi\n", encoding="utf-8")
    run("keys", "new", "--name", "Chi bộ", "--out", tmp_path / "chi-bo.p12", "--for", "signing", "--passphrase-file", pw)
    run("keys", "new", "--name", "Cấp ủy", "--out", tmp_path / "cap-uy.p12", "--for", "encryption",
        "--passphrase-file", pw)
    package = tmp_path / "goi.p7m"
    run("package", "--db", demo, "--meeting", meeting["id"], "--key", tmp_path / "chi-bo.p12", "--passphrase-file", pw,
        "--to", tmp_path / "cap-uy.crt", "--out", package)
    with pg_cluster() as new_database:
        url = new_database()
        run("open", package, "--key", tmp_path / "cap-uy.p12", "--passphrase-file", pw, "--out", tmp_path / "mo",
            "--register", url, "--trust")
        status = json.loads(run("committee", "status", "--register", url, "--year", meeting["rating_year"],
                                "--json").stdout)
    assert [c["status"] for c in status["cells"]] == ["verified"], status
    assert any(p.suffix == ".pdf" for p in (tmp_path / "mo").rglob("*"))    # the cell's files unpacked
