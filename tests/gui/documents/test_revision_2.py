"""Issue 17 item 3 through the real windows: a locked meeting reopened with a reason in the
documents window, its closing note edited in the meeting guide, locked again as revision 2.
The PDF and the Word minutes hold the edit and say when and why the minutes were reopened;
the history row names the field, where, the old and the new value."""
from pathlib import Path

from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kiemdiem_desktop.model import MeetingState
from kiemdiem_desktop.model.review import StepKind

REASON = "Bổ sung ghi chú khi bế mạc theo ý kiến của đồng chí Bí thư"
NOTE = "Đồng chí Bí thư nhắc các đồng chí hoàn thiện hồ sơ trước ngày 15/12/2025."


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def docx_text(path: Path) -> str:
    return " ".join(p.text for p in Document(str(path)).paragraphs)


def test_reopen_edit_the_closing_note_relock_revision_2(held_desk, qtbot, on_modal, type_text):
    from kiemdiem_desktop.gui.meeting import open_meeting_guide

    cf, meeting_id = held_desk.s.cf, held_desk.s.meeting_id
    guide = open_meeting_guide(None, cf, meeting_id, clock=lambda: "11:40", show=False)
    qtbot.addWidget(guide)
    guide.resize(1366, 728)
    guide.show()
    qtbot.waitExposed(guide)
    guide.open_documents()
    docs = guide._documents
    qtbot.waitUntil(lambda: "minutes_pdf" in docs.files and docs.page_count() > 0, timeout=20000)
    panel = docs.lock_panel
    assert guide.session.meeting.state == MeetingState.LOCKED

    # reopen, with a reason
    def give_reason(dlg):
        type_text(dlg.reason_edit, REASON)
        dlg.ok_button.click()
    on_modal(give_reason)
    with qtbot.waitSignal(docs.meetingChanged, timeout=5000):
        panel.reopen_button.click()
    assert guide.session.meeting.state == MeetingState.HELD

    # the closing note, typed in the guide
    closing = next(st for st in guide.session.record.steps if st.kind == StepKind.CLOSING)
    guide.go_to(closing.id)
    assert guide.body.currentWidget() is guide.closing
    notes = guide.closing.notes
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow, timeout=2000)
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus, timeout=2000)
    type_text(notes, NOTE)
    guide.flush()
    guide.session.flush()

    # the history: the field, where, the old and the new value, and why
    panel.refresh()
    last = [panel.history.item(panel.history.rowCount() - 1, c).text() for c in range(4)]
    where = f"mục {closing.position + 1}. {closing.title}"
    assert last[1] == f"Sửa Ghi chú ({where}): (trống) thành “{NOTE}”", last[1]
    assert last[3] == REASON
    whats = [panel.history.item(r, 1).text() for r in range(panel.history.rowCount())]
    assert whats == ["Khóa", "Mở lại", last[1]]          # moving to another step is not a change of the record
    # in full under the table, and in the whole history, wrapped, nothing cut
    assert f"(trống) thành “{NOTE}”" in panel.detail.text() and REASON in panel.detail.text()
    seen = {}

    def look(dlg):
        t = dlg.table
        r = t.rowCount() - 1
        seen["what"] = t.item(r, 1).text()
        t.resizeRowsToContents()
        seen["fits"] = t.rowHeight(r) >= t.sizeHintForRow(r) and t.columnWidth(1) > 400
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    on_modal(look)
    panel.full_button.click()
    assert seen == {"what": last[1], "fits": True}

    # locked again: revision 2
    on_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(docs.meetingChanged, timeout=5000):
        panel.lock_button.click()
    assert guide.session.meeting.revision == 2 and guide.session.meeting.state == MeetingState.LOCKED
    qtbot.waitUntil(lambda: "minutes_pdf" in docs.files and docs.page_count() > 0, timeout=20000)
    text = pdf_text(docs.current_file())
    assert NOTE in text
    assert "Bản sửa đổi lần 2, khóa ngày" in text                     # the foot line (record-documents)
    assert "được mở lại lúc" in text and f"lý do: {REASON}" in text
    assert "khóa lại ngày" in text and "thành bản sửa đổi lần 2." in text

    # the Word minutes, built by the same window
    docs.select("minutes_docx")
    qtbot.waitUntil(lambda: "minutes_docx" in docs.files, timeout=20000)
    word = docx_text(docs.files["minutes_docx"][0])
    assert NOTE in word and f"lý do: {REASON}" in word
    QApplication.processEvents()
