"""Saving every document from the window with the largest PDFs written by a second process
(documents/render_worker.py, issue 15): the same progress, file by file up to the total, then the list —
the window's own test run with the second process asked for (a 500-member meeting has it by default)."""
import resource

from kiemdiem_desktop.documents.all_documents import WORKERS_ENV
from tests.gui.documents.test_documents_progress import (
    test_saving_everything_shows_files_written_of_planned_then_the_list as saving_everything,
)


def test_saving_everything_with_a_second_process_shows_the_same_progress(documents_window, qtbot, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setenv(WORKERS_ENV, "2")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    saving_everything(documents_window, qtbot, tmp_path)
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before > 0.1     # it wrote the PDFs
