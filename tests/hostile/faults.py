"""Run command-line scenarios on a small or read-only file system: a tmpfs mounted in a private mount
namespace (``unshare``; as an ordinary user with ``--map-root-user``), gone when the scenario ends."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.helpers import ROOT

DRIVER = r'''
import json, os, subprocess, sys
steps = json.loads(sys.argv[1])
out = []
for step in steps:
    if step[0] == "fill":                     # fill the mount, leaving about step[2] bytes free
        path, leave = step[1], step[2]
        st = os.statvfs(os.path.dirname(path))
        free = st.f_bavail * st.f_frsize
        with open(path, "wb") as f:
            f.write(b"\0" * max(0, free - leave))
        out.append(None)
    elif step[0] == "readonly":
        out.append(subprocess.run(["mount", "-o", "remount,ro", step[1]], capture_output=True).returncode)
    else:
        r = subprocess.run([sys.executable, "-m", "kiemdiem_desktop", *step[1:]], capture_output=True,
                           env=dict(os.environ, KIEMDIEM_DEBUG=""))
        out.append({"rc": r.returncode, "out": r.stdout.decode("utf-8", "replace"),
                    "err": r.stderr.decode("utf-8", "replace")})
print(json.dumps(out))
'''


def on_small_disk(mount: Path, size: str, steps: list[list], env: dict | None = None) -> list:
    """Mount a tmpfs of ``size`` at ``mount`` (private), run ``steps`` there; returns each step's result.
    A step is ["fill", FILE, BYTES_LEFT], ["readonly", MOUNT] or ["cli", ARG…]."""
    mount.mkdir(parents=True, exist_ok=True)
    unshare = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        unshare.insert(1, "--map-root-user")
    script = f"mount -t tmpfs -o size={size},mode=0777 tmpfs '{mount}' && exec '{sys.executable}' -c \"$DRIVER\" \"$STEPS\""
    full_env = dict(os.environ, DRIVER=DRIVER, STEPS=json.dumps(steps), **(env or {}))
    r = subprocess.run([*unshare, "sh", "-c", script], capture_output=True, env=full_env, cwd=str(ROOT),
                       timeout=300)
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    return json.loads(r.stdout.decode("utf-8").strip().splitlines()[-1])


def dedent(text: str) -> str:
    return textwrap.dedent(text)
