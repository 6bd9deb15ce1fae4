"""Meeting guide GUI tests: a 12-member cell with a prepared meeting, a fixed clock."""
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from datetime import date  # noqa: E402

import pytest  # noqa: E402

from tests.flow.conftest import Clock, twelve_members  # noqa: E402


@pytest.fixture
def clock():
    return Clock("07:55")


@pytest.fixture
def meeting_file(tmp_path, app):
    """(path, meeting id) of a cell file with twelve members and a prepared 2025 meeting."""
    from kiemdiem_desktop.model import Cell
    from kiemdiem_desktop.model.levels import Level
    from kiemdiem_desktop.model.review import WrittenSource
    from kiemdiem_desktop.services import CellFile
    from kiemdiem_desktop.session import prepare_meeting

    path = tmp_path / "chi-bo.kiemdiem"
    cf = CellFile.open(path, create=True)
    cf.save_cell(Cell(name="Chi bộ Văn phòng", higher_org="Đảng bộ Sở Nội vụ", has_committee=True)).result()
    for m in twelve_members():
        cf.add_member(m).result()
    s = prepare_meeting(cf, 2025, meeting_date=date(2025, 12, 10), place="Phòng họp tầng 3",
                        document_number="05-BB/CB")
    who = {m.full_name: m.id for m in s.members.values()}
    s.add_delegate("Trần Quốc Toản", "Ủy viên Ban Thường vụ Đảng ủy")
    s.set_self_review(who["Nguyễn Văn Hùng"], summary="Lãnh đạo chi bộ hoàn thành các chỉ tiêu năm 2025.",
                      general_score=27, task_score=63, proposed_level=Level.GOOD.value)
    s.set_self_review(who["Phạm Thị Bích"], summary="Hoàn thành tốt nhiệm vụ chuyên môn; còn hạn chế về ngoại ngữ.",
                      general_score=28, task_score=66, proposed_level=Level.GOOD.value)
    s.add_written_comment(who["Phạm Thị Bích"], WrittenSource.RESIDENCE,
                          "Gương mẫu chấp hành quy định nơi cư trú, tích cực tham gia sinh hoạt khu phố.")
    s.add_written_comment(None, WrittenSource.PROMPT, "Làm rõ trách nhiệm của chi ủy về tiến độ phát triển đảng viên.")
    s.flush() if hasattr(s, "flush") else s.db.call(lambda c: None)
    meeting_id = s.meeting_id
    cf.close(backup=False)
    return path, meeting_id


@pytest.fixture
def open_guide(qtbot, clock):
    """Open the guide window on a file; returns (window, cell file). Files are closed afterwards."""
    from kiemdiem_desktop.gui.meeting import open_meeting_guide
    from kiemdiem_desktop.services import CellFile

    opened = []

    def _open(path, meeting_id, size=(1366, 768)):
        cf = CellFile.open(path)
        w = open_meeting_guide(None, cf, meeting_id, clock=clock, show=False)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(lambda: w.isActiveWindow() and w.focusWidget() is not None and w.focusWidget().hasFocus(),
                        timeout=2000)
        opened.append((w, cf))
        return w, cf

    yield _open
    for w, cf in opened:
        if not cf.db._closed:
            try:
                w.close()
            except RuntimeError:
                pass
            cf.close(backup=False)
