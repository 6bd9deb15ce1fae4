"""Qt objects are never collected off the GUI thread."""
import gc
import threading

from kiemdiem_desktop.gui import gc_guard


def test_automatic_collection_is_off_and_the_gui_thread_collects(qtbot, app):
    from PySide6.QtWidgets import QWidget

    assert not gc.isenabled()
    collected_in = []

    class Cycle:
        def __init__(self):
            self.me = self
            self.widget = QWidget()

        def __del__(self):
            collected_in.append(threading.current_thread() is threading.main_thread())

    for _ in range(800):          # enough net allocations to pass the first threshold
        Cycle()

    def churn():   # a worker allocating a lot, as a document build does
        junk = [[i] for i in range(200_000)]
        del junk

    t = threading.Thread(target=churn)
    t.start()
    t.join()
    assert collected_in == []              # the worker did not collect them
    qtbot.waitUntil(lambda: len(collected_in) == 800, timeout=3000)   # the GUI thread's timer did
    assert all(collected_in)
    gc_guard.collect_if_due()
