"""Results of background writes reach the callback that asked for them, in the GUI thread."""
import threading
from concurrent.futures import Future

from PySide6.QtCore import QThread

from kiemdiem_desktop.gui.common import FutureWatcher


def test_each_future_reaches_its_own_callback(qtbot):
    watcher = FutureWatcher()
    futures = [Future() for _ in range(5)]
    got: list[tuple[int, object, bool]] = []
    for i, f in enumerate(futures):
        watcher.watch(f, lambda r, i=i: got.append((i, r, QThread.currentThread().isMainThread())),
                      lambda e, i=i: got.append((i, str(e), QThread.currentThread().isMainThread())))
    def finish():
        for i, f in reversed(list(enumerate(futures))):
            f.set_exception(ValueError("hỏng")) if i == 2 else f.set_result(i * 10)
    t = threading.Thread(target=finish)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(got) == 5, timeout=2000)
    assert sorted(got) == [(0, 0, True), (1, 10, True), (2, "hỏng", True), (3, 30, True), (4, 40, True)]
