"""The bundle: its size (the dist/kiemdiem folder and the .tar.gz) and its cold start to the first
painted window (``--exit-when-shown`` on a demo file), offscreen and under Xvfb (xcb), beside a bare
PySide6 window run with the venv's Python. Runs are paired (bare, bundle…); prints medians and ratios.

    make dist && .venv/bin/python bench/bundle.py [--runs 10] [--dist dist] [--before OLD/dist]

``--before``: an older build's dist folder, run in the same rounds (bare, bundle, older bundle…).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    return time.perf_counter() - start


def start_xvfb() -> tuple[subprocess.Popen, str] | None:
    if not shutil.which("Xvfb"):
        return None
    for n in range(90, 120):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1366x800x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(50):
                if Path(f"/tmp/.X11-unix/X{n}").exists():
                    return proc, f":{n}"
                time.sleep(0.1)
            proc.kill()
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--dist", default=str(ROOT / "dist"))
    ap.add_argument("--before", help="an older build's dist folder, timed in the same rounds")
    args = ap.parse_args()
    dist = Path(args.dist)
    exe = dist / "kiemdiem" / ("kiemdiem.exe" if sys.platform == "win32" else "kiemdiem")
    if not exe.exists():
        sys.exit(f"{exe} is missing: run make dist first")
    print(f"bundle folder {size_mb(dist / 'kiemdiem'):7.1f} MB   ({exe})")
    old = Path(args.before) / "kiemdiem" / exe.name if args.before else None
    if old:
        print(f"before        {size_mb(old.parent):7.1f} MB   ({old})")
    tar = dist / "kiemdiem-linux-x86_64.tar.gz"
    if tar.exists():
        print(f"archive       {size_mb(tar):7.1f} MB   ({tar.name})")
    internal = dist / "kiemdiem" / "_internal"
    biggest = sorted(((size_mb(p), p.name) for p in internal.iterdir()), reverse=True)[:6]
    print("largest parts: " + ", ".join(f"{name} {mb:.0f} MB" for mb, name in biggest))

    xvfb = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, KIEMDIEM_DATA_DIR=str(Path(tmp) / "data"), XDG_CONFIG_HOME=str(Path(tmp) / "config"))
            db = Path(tmp) / "demo.kiemdiem"
            # the roster on screen (the demo's meeting locked), as in bench/table.py's start-up rows
            subprocess.run([str(exe), "demo", "--db", str(db), "--members", "40", "--finished"], check=True, env=env,
                           stdout=subprocess.DEVNULL)
            platforms = [("offscreen", {"QT_QPA_PLATFORM": "offscreen"})]
            if xvfb:
                platforms.append(("xcb (Xvfb)", {"QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb[1]}))
            else:
                print("Xvfb not found: the xcb row is skipped")
            print(f"cold start to the first painted window, median of {args.runs} (40-member demo file)")
            for label, extra in platforms:
                e = dict(env, **extra)
                bundle_cmd = [str(exe), "--db", str(db), "--exit-when-shown"]
                bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py"), "1200", "760"]
                old_cmd = [str(old)] + bundle_cmd[1:] if old else None
                timed(bundle_cmd, e), timed(bare_cmd, e)  # warm the file cache
                if old_cmd:
                    timed(old_cmd, e)
                bare, ours, olds = [], [], []
                for _ in range(args.runs):
                    bare.append(timed(bare_cmd, e))
                    ours.append(timed(bundle_cmd, e))
                    if old_cmd:
                        olds.append(timed(old_cmd, e))
                mb, mo = statistics.median(bare), statistics.median(ours)
                paired = statistics.median(o / b for o, b in zip(ours, bare))
                print(f"  {label:<11} bare window (venv python) {mb * 1000:6.0f} ms   bundle {mo * 1000:6.0f} ms   "
                      f"ratio of medians {mo / mb:4.2f}   median paired ratio {paired:4.2f}")
                if olds:
                    mp = statistics.median(olds)
                    print(f"  {'':<11} before {mp * 1000:6.0f} ms   ratio of medians {mp / mb:4.2f}   "
                          f"median paired ratio {statistics.median(p / b for p, b in zip(olds, bare)):4.2f}")
    finally:
        if xvfb:
            xvfb[0].terminate()
            xvfb[0].wait(5)


if __name__ == "__main__":
    main()
