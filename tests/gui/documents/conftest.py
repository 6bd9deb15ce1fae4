"""Documents window tests: a 12-member meeting held through the real code (tests/documents)."""
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402

from tests.documents.conftest import hold_meeting  # noqa: E402
from tests.flow.conftest import twelve_members  # noqa: E402


def _cell_file(tmp_path):
    from kiemdiem_desktop.model import Cell
    from kiemdiem_desktop.services import CellFile

    cf = CellFile.open(tmp_path / "chi-bo.kiemdiem", create=True)
    cf.save_cell(Cell(name="Chi bộ Văn phòng", higher_org="Đảng bộ Sở Nội vụ", code="CB-VP", has_committee=True,
                      locality="Hà Nội")).result()
    for m in twelve_members():
        cf.add_member(m).result()
    return cf


@pytest.fixture
def held_desk(tmp_path, app):
    """A VotingDesk over a meeting held, adopted by vote and locked (revision 1)."""
    cf = _cell_file(tmp_path)
    desk = hold_meeting(cf, {"t": "08:00"})
    yield desk
    cf.close(backup=False)


@pytest.fixture
def documents_window(held_desk, qtbot):
    """The documents window on the held meeting, the minutes PDF built and shown."""
    from kiemdiem_desktop.gui.documents import open_documents

    w = open_documents(None, held_desk.s)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: "minutes_pdf" in w.files and w.page_count() > 0, timeout=20000)
    yield w
    if not w._closed:
        w.close()
