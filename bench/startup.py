"""Start-up to the first painted frame: our window on a 40- and a 500-member cell beside a
bare PySide6 window of the same size. Runs are paired (bare, ours, bare, ours…); prints medians
and the ratio. Target: at most 2× at 500 members, aiming for 1.3×.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 10]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        env["KIEMDIEM_DATA_DIR"] = str(Path(tmp) / "data")
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        print(f"platform={env['QT_QPA_PLATFORM']} runs={args.runs} python={sys.version.split()[0]}")
        for count in (40, 500):
            db = Path(tmp) / f"cell-{count}.kiemdiem"
            subprocess.run([sys.executable, "-m", "kiemdiem_desktop", "demo", "--db", str(db),
                            "--members", str(count)], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
            ours_cmd = [sys.executable, "-m", "kiemdiem_desktop", "--db", str(db), "--exit-when-shown"]
            bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py"), "1200", "760"]
            timed(ours_cmd, env), timed(bare_cmd, env)  # warm the file cache
            bare, ours = [], []
            for _ in range(args.runs):
                bare.append(timed(bare_cmd, env))
                ours.append(timed(ours_cmd, env))
            mb, mo = statistics.median(bare), statistics.median(ours)
            ratios = statistics.median(o / b for o, b in zip(ours, bare))
            print(f"{count:>4} members: bare window {mb * 1000:7.0f} ms   ours {mo * 1000:7.0f} ms   "
                  f"ratio of medians {mo / mb:4.2f}   median paired ratio {ratios:4.2f}")


if __name__ == "__main__":
    main()
