"""Typing through the real window, in a 500-member cell: a key event into the meeting guide's
comment box (the widget's own handling), and Ctrl+Enter on a typed comment until its row is durable
(the writer thread has committed it, fsync included). A part of `make bench`.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/typing_widget.py [--members 500] [--comments 40]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=500)
    ap.add_argument("--comments", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KIEMDIEM_DATA_DIR"] = str(Path(tmp) / "data")
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from kiemdiem_desktop.gui.app import setup_application
        from kiemdiem_desktop.gui.meeting import open_meeting_guide
        from kiemdiem_desktop.services.demo import create_demo
        from kiemdiem_desktop.session import prepare_meeting

        app = QApplication.instance() or QApplication([])
        setup_application(app)
        cf = create_demo(Path(tmp) / "bench.kiemdiem", members=args.members)
        day = date(2026, 12, 10)
        s = prepare_meeting(cf, day.year, meeting_date=day)
        ids = [m.id for m in s.attendees()]
        s.update_meeting(chair_id=ids[0], minute_taker_id=ids[1])
        s.start()
        s.mark_all_present()
        s.flush()
        assert s.go_next().ok          # the collective review: a comment box
        s.flush()
        mid = s.meeting_id
        w = open_meeting_guide(None, cf, mid, clock=lambda: "08:30", show=True)
        w.resize(1366, 728)
        app.processEvents()
        review = w.review
        session = w.session
        text = "Đồng chí cần phát huy hơn nữa tinh thần trách nhiệm trong công tác được giao."
        keys, saves = [], []
        for i in range(args.comments):
            review.speaker.setText(session.speakers()[0].name if hasattr(session.speakers()[0], "name")
                                   else str(session.speakers()[0]))
            review.text.setFocus()
            for ch in text[: 20 + i % 40]:
                # As Unikey/EVKey deliver a Vietnamese letter: a key event carrying the character.
                t0 = time.perf_counter()
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(review.text, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                                  Qt.KeyboardModifier.NoModifier, ch))
                app.processEvents()
                keys.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            QTest.keyClick(review.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            session.flush()                  # until the writer has committed the row
            saves.append(time.perf_counter() - t0)
        rows = review.comments.rowCount()
        w.close()
        cf.close(backup=False)
        ms = lambda v: f"p50 {statistics.median(v) * 1000:6.2f} ms  p99 {pct(v, 99) * 1000:6.2f} ms"  # noqa: E731
        print(f"{args.members} members, through the window ({rows} comments recorded):")
        print(f"  key event into the comment box ({len(keys)} keys):   {ms(keys)}")
        print(f"  Ctrl+Enter until the row is durable ({len(saves)}):   {ms(saves)}")


if __name__ == "__main__":
    main()
