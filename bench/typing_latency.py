"""Keystroke to committed, and switching to the next member, in a 500-member cell.

    .venv/bin/python bench/typing_latency.py [--dir DIR] [--members 500] [--keys 300]
    sudo .venv/bin/python bench/typing_latency.py --slow-disk   # also on a loop device mounted -o sync

"Keystroke to committed": the session hands the edit to the writer thread; we time until
the writer has committed it (synchronous=FULL, so fsync included). The window itself never
waits for this: it only shows how far behind the disk is. "Next member": go_next (finish the
step, start the next) until committed, plus the reads the guide does for the new step
(check, headcount, speakers).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path
from kiemdiem_desktop.services.demo import create_demo


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(folder: Path, members: int, keys: int) -> None:
    os.environ["KIEMDIEM_DATA_DIR"] = str(folder / "data")
    from kiemdiem_desktop.model.review import StepKind
    from kiemdiem_desktop.services import CellFile
    from kiemdiem_desktop.session import prepare_meeting

    db = folder / f"bench-{members}.kiemdiem"
    for suffix in ("", "-wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    cf = create_demo(db, members=members)
    s = prepare_meeting(cf, date.today().year, meeting_date=date.today())
    ids = [m.id for m in s.attendees()]
    s.update_meeting(chair_id=ids[0], minute_taker_id=ids[1])
    s.start()
    s.mark_all_present()
    s.flush()
    assert s.go_next().ok
    s.flush()
    text = "Đồng chí cần phát huy hơn nữa tinh thần trách nhiệm trong công tác được giao. " * 3
    typing, comments, switches = [], [], []
    step = s.current
    for i in range(keys):
        t0 = time.perf_counter()
        s.set_step_text(step.id, "report", text[: (i % len(text)) + 1]).result()
        typing.append(time.perf_counter() - t0)
    speaker = s.speakers()[0]
    for i in range(40):
        t0 = time.perf_counter()
        s.add_comment(step.id, speaker, f"Ý kiến {i}: {text[:120]}")
        s.flush()
        comments.append(time.perf_counter() - t0)
    s.set_step_text(step.id, "conclusion", "Kết luận").result()
    for _ in range(40):
        cur = s.current
        if cur.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW):
            if s.flow.needs_handover(cur):
                s.set_step_chair(cur.id, ids[1])
            s.set_step_text(cur.id, "conclusion", "Kết luận").result()
        t0 = time.perf_counter()
        assert s.go_next().ok
        s.flush()
        s.check(), s.headcount(), s.speakers("")
        switches.append(time.perf_counter() - t0)
    cf.close(backup=False)
    ms = lambda v: f"p50 {statistics.median(v) * 1000:6.2f} ms  p99 {pct(v, 99) * 1000:6.2f} ms"  # noqa: E731
    print(f"  keystroke → committed ({keys} edits):      {ms(typing)}")
    print(f"  comment recorded → committed (40):         {ms(comments)}")
    print(f"  next member, committed and read (40):      {ms(switches)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir")
    ap.add_argument("--members", type=int, default=500)
    ap.add_argument("--keys", type=int, default=300)
    ap.add_argument("--slow-disk", action="store_true", help="also run on a loop device mounted with -o sync (root)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.dir) if args.dir else Path(tmp)
        print(f"{args.members} members, normal disk ({folder}):")
        run(folder, args.members, args.keys)
    if args.slow_disk:
        with tempfile.TemporaryDirectory() as tmp:
            img, mnt = Path(tmp) / "slow.img", Path(tmp) / "mnt"
            mnt.mkdir()
            subprocess.run(["dd", "if=/dev/zero", f"of={img}", "bs=1M", "count=96", "status=none"], check=True)
            subprocess.run(["mkfs.ext4", "-q", str(img)], check=True)
            subprocess.run(["mount", "-o", "loop,sync", str(img), str(mnt)], check=True)
            try:
                print(f"{args.members} members, slow disk (loop device mounted -o sync):")
                run(mnt, args.members, args.keys)
            finally:
                subprocess.run(["umount", str(mnt)], check=True)


if __name__ == "__main__":
    main()
