"""Pulling the power: a writer killed with SIGKILL at random moments loses nothing it acknowledged."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


from kiemdiem_desktop.services import CellFile

CHILD = Path(__file__).with_name("kill_child.py")


def test_sigkill_loses_no_acknowledged_edit_and_leaves_no_stale_lock(tmp_path):
    db = tmp_path / "chi-bo.kiemdiem"
    rnd = random.Random(20251125)
    acknowledged: set[str] = set()
    for cycle in range(55):
        child = subprocess.Popen([sys.executable, str(CHILD), str(db), str(cycle * 1000)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "open", child.stderr.read()
        time.sleep(rnd.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        acknowledged.update(line for line in out.split() if len(line) == 36)

        # The file opens again at once: the lock died with the process.
        started = time.monotonic()
        cf = CellFile.open(db)
        assert time.monotonic() - started < 2
        ids = {m.id for m in cf.members()}
        cf.close(backup=False)
        missing = acknowledged - ids
        assert not missing, f"cycle {cycle}: {len(missing)} acknowledged edits lost"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert len(acknowledged) > 50
