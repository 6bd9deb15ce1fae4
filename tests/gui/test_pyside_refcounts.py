"""The pinned PySide6 must not leak references to None (void Qt calls) or True (Signal.emit):
PySide6 6.12.0 on Python 3.11 did, and the program aborted after a long day of clicks
("Fatal Python error: none_dealloc / bool_dealloc"). No interpreter patch stands in for this."""
import subprocess
import sys

from tests.helpers import ROOT

CODE = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
class Emitter(QObject):
    changed = Signal()
e = Emitter()
for i in range(1000):            # warm up: caches, interned strings
    label.setText("Kiểm điểm"); e.changed.emit()
none0, true0 = sys.getrefcount(None), sys.getrefcount(True)
for i in range(100_000):         # a long day of clicks, keystrokes and redraws
    label.setText("Kiểm điểm")
    label.clear()
    e.changed.emit()
print(sys.getrefcount(None) - none0, sys.getrefcount(True) - true0)
"""


def test_100000_void_calls_and_emits_leave_none_and_true_counts_unchanged():
    r = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, cwd=ROOT, timeout=300,
                       env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr[-500:]
    d_none, d_true = map(int, r.stdout.split())
    # A leaking build loses 200,000 / 100,000 here; a sound one changes by a handful at most.
    assert abs(d_none) < 100, d_none
    assert abs(d_true) < 100, d_true
