"""The meetings page opens the meeting guide; closing the main window closes the guide first."""
from kiemdiem_desktop.gui.main_window import MainWindow
from kiemdiem_desktop.session import MeetingSession


def test_prepare_opens_the_guide_and_closing_the_window_keeps_what_was_typed(qtbot, app, cell, on_modal):
    w = MainWindow(cell)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentWidget(w.meetings)
    assert w.meetings.empty.isVisible()
    seen = {}

    def prepare(dlg):          # a new meeting opens straight on its preparation (issue 11 item 7)
        seen["title"] = dlg.windowTitle()
        dlg.reject()
    on_modal(prepare)
    w.meetings.new_button.click()
    qtbot.waitUntil(lambda: "title" in seen, timeout=5000)
    qtbot.waitUntil(lambda: len(w.meetings.guides) == 1)
    guide = w.meetings.guides[0]
    assert guide.isVisible()
    session = guide.session
    assert session.rules.name.startswith("Quy định 366")
    assert w.meetings.table.rowCount() == 1 and not w.meetings.empty.isVisible()
    step = session.record.steps[1]
    session.set_step_text(step.id, "report", "Báo cáo kiểm điểm của chi ủy")
    meeting_id = session.meeting_id
    w.close()
    assert cell.closed
    from kiemdiem_desktop.services import CellFile

    again = CellFile.open(cell.path)
    try:
        assert MeetingSession(again, meeting_id).record.step(step.id).report == "Báo cáo kiểm điểm của chi ủy"
    finally:
        again.close(backup=False)


def test_documents_of_a_held_meeting_from_the_meetings_page(qtbot, app, tmp_path):
    from pypdf import PdfReader

    from tests.documents.conftest import hold_meeting
    from tests.flow.conftest import twelve_member_cell

    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    desk = hold_meeting(cf, {"t": "08:00"})
    w = MainWindow(cf)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentWidget(w.meetings)
    row = w.meetings._ids.index(desk.s.meeting_id)
    w.meetings.table.setCurrentCell(row, 0)
    w.meetings.documents_button.click()
    docs = w.meetings.guides[-1]
    qtbot.waitUntil(lambda: docs.page_label.text().startswith("Trang 1/"), timeout=20000)
    pages = int(docs.page_label.text().split("/")[1])
    assert pages == len(PdfReader(docs.current_file()).pages)
    assert "lần 1" in docs.status.text()
    w.close()
