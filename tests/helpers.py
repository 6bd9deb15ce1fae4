"""Shared by tests: running the program as a user would."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def run_cli(*args: str, input_text: str | None = None, env: dict | None = None, timeout: float = 120):
    """Run ``python -m kiemdiem_desktop`` as a user would, in a child process."""
    import subprocess

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "kiemdiem_desktop", *args], capture_output=True,
                          input=input_text, env=full_env, timeout=timeout, cwd=str(ROOT))
