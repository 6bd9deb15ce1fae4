"""The voting papers and the counting record, old code against new, on the demo meeting of 500
members: each builder timed in a fresh process (after the meeting is loaded, so the figure is the
document's own), the two trees alternated after a warm-up of each, medians with min–max, the load
average before and after. With --documents, also the whole `kiemdiem documents` process paired.

    .venv/bin/python bench/ballots.py [--before REV] [--runs 5] [--members 500] [--documents]

REV (default: main) is exported with `git archive` into a temporary folder and run with the same
interpreter and packages as this tree.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import KIEMDIEM, PY, ROOT, bench_env, demo, fmt, load, meeting_id, paired  # noqa: E402

BUILDERS = ("single_ballots", "common_ballot", "counting_record", "attendance_sheet")

CODE = """
import json, sys, time
from pathlib import Path
from kiemdiem_desktop.clock import NO_CLOCK
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk
from kiemdiem_desktop.documents import attendance_sheet, ballots, counting_record
from kiemdiem_desktop.documents.common import meeting_marking
db, mid, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
cf = CellFile.open(db)
desk = VotingDesk(MeetingSession(cf, mid, clock=NO_CLOCK))
s = desk.s
jobs = {
    "single_ballots": lambda: ballots.build_single_ballots(s, out / "phieu-bieu-quyet-rieng.pdf"),
    "common_ballot": lambda: ballots.build_common_ballot(s, out / "phieu-bieu-quyet-chung.pdf"),
    "counting_record": lambda: counting_record.build_counting_records(desk, out),
    "attendance_sheet": lambda: attendance_sheet.build_attendance_sheet(s, out / "ds.pdf", meeting_marking(s)),
}
times = {}
for name, job in jobs.items():
    t = time.perf_counter(); job(); times[name] = time.perf_counter() - t
cf.close(backup=False)
print(json.dumps(times))
"""


def export(rev: str, into: Path) -> Path:
    tree = into / "before"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def sample(tree: Path, db: Path, mid: str, out: Path, env: dict) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    e = dict(env, PYTHONPATH=str(tree))
    res = subprocess.run([PY, "-c", CODE, str(db), mid, str(out)], env=e, cwd=tree, capture_output=True, text=True)
    if res.returncode:
        raise RuntimeError(res.stderr[-800:])
    return json.loads(res.stdout.strip().splitlines()[-1])


def spread(xs: list[float]) -> str:
    return f"{fmt(statistics.median(xs))} ({fmt(min(xs))}–{fmt(max(xs))})"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", default="main")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--members", type=int, default=500)
    ap.add_argument("--documents", action="store_true", help="also the whole `kiemdiem documents` process")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kd-ballots-") as t:
        tmp = Path(t)
        env = bench_env(tmp)
        db = demo(tmp, args.members, env)
        mid = meeting_id(db, env)
        old_tree = export(args.before, tmp)
        print(f"load average before: {load()}", flush=True)
        old: dict[str, list[float]] = {k: [] for k in BUILDERS}
        new: dict[str, list[float]] = {k: [] for k in BUILDERS}
        sample(old_tree, db, mid, tmp / "o", env)          # warm-up of each
        sample(ROOT, db, mid, tmp / "n", env)
        for _ in range(args.runs):
            for tree, acc, out in ((old_tree, old, tmp / "o"), (ROOT, new, tmp / "n")):
                for k, v in sample(tree, db, mid, out, env).items():
                    acc[k].append(v)
        print(f"{args.members} members, {args.runs} paired runs, {args.before} -> this tree:")
        for k in BUILDERS:
            print(f"  {k:18s} {spread(old[k]):>28s} -> {spread(new[k]):>28s}  "
                  f"({statistics.median(old[k]) / statistics.median(new[k]):.1f}× faster)")
        if args.documents:
            out = tmp / "tai-lieu"

            def clean() -> None:
                shutil.rmtree(out, ignore_errors=True)
            cmd = KIEMDIEM + ["documents", "--db", str(db), "--meeting", mid, "--out", str(out)]
            # `python -m` puts the working folder first on the path: the old tree runs from its own
            wrapped = ["sh", "-c", f'cd "{old_tree}" && PYTHONPATH="{old_tree}" exec "$@"', "sh"] + cmd
            o, a = paired(cmd, wrapped, max(2, args.runs // 2), env, before=clean)
            print(f"  kiemdiem documents {a.text():>28s} -> {o.text():>28s}  (whole process; peak "
                  f"{a.peak:.0f} -> {o.peak:.0f} MiB)")
        print(f"load average after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
