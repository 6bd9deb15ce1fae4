"""Logging out or shutting down (SIGTERM) closes the window as the close button does."""
import os
import signal
import subprocess
import sys
import time

from tests.helpers import ROOT, run_cli


def test_sigterm_closes_cleanly_checkpointed_and_backed_up(tmp_path):
    db = tmp_path / "chi-bo.kiemdiem"
    assert run_cli("demo", "--db", str(db)).returncode == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIEMDIEM_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "-m", "kiemdiem_desktop", "--db", str(db)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = tmp_path / "chi-bo.kiemdiem-wal"
    deadline = time.monotonic() + 30
    while not wal.exists() and time.monotonic() < deadline:     # the window has the file open
        time.sleep(0.1)
    time.sleep(1.0)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0, proc.stderr.read().decode()
    assert not wal.exists()                                        # checkpointed on close
    backups = list((tmp_path / "data" / "sao-luu").rglob("*-dong.kiemdiem"))
    assert len(backups) == 1                                       # the automatic backup on close
