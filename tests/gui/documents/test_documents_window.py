"""The documents window: the minutes' preview with its page count, printing page by page onto a
QPrinter (PDF output here) at the real size, page ranges and copies, saving to a folder
atomically, and the reopen/lock cycle with its history (issue 5, items 5, 6 and 8)."""
from pathlib import Path

import pytest
from pypdf import PdfReader

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter

A4_PT = (595.28, 841.89)


def pdf_printer(path: Path) -> QPrinter:
    from kiemdiem_desktop.gui.documents import a4_printer

    printer = a4_printer("Biên bản")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def text_of(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def left_ink(path: Path, page: int = 0, dpi: int = 72) -> tuple[int, int]:
    """(leftmost, topmost) non-white pixel of a page rendered at ``dpi``: where the text starts."""
    doc = QPdfDocument()
    doc.load(str(path))
    size = doc.pagePointSize(page)
    rendered = doc.render(page, (size * dpi / 72).toSize())
    doc.close()
    img = QImage(rendered.size(), QImage.Format.Format_RGB32)
    img.fill(QColor("white"))                      # the page may be rendered on a transparent ground
    painter = QPainter(img)
    painter.drawImage(0, 0, rendered)
    painter.end()
    xs, ys = [], []
    for y in range(0, img.height(), 2):
        for x in range(img.width()):
            if QColor(img.pixel(x, y)).lightness() < 128:
                xs.append(x)
                ys.append(y)
                break
    return min(xs), min(ys)


def test_preview_shows_the_page_count_of_the_minutes(documents_window, qtbot):
    w = documents_window
    path = w.current_file()
    assert path.name == "bien-ban.pdf"
    n = len(PdfReader(str(path)).pages)
    assert n >= 2
    assert w.page_label.text() == f"Trang 1/{n}"
    assert "Bản chính thức — lần 1" in w.status.text()
    assert w.print_button.isEnabled() and w.open_button.text() == "Mở bằng chương trình đọc PDF"

    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: w.page_label.text() == f"Trang 2/{n}", timeout=3000)
    qtbot.keyClick(w.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: w.page_label.text() == f"Trang 1/{n}", timeout=3000)

    assert w.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    qtbot.keyClick(w.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = w.view.zoomFactor()
    qtbot.keyClick(w.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert w.view.zoomFactor() < bigger
    qtbot.keyClick(w.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert w.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_word_and_excel_are_opened_in_the_system_program(documents_window, qtbot, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    w = documents_window
    w.select("minutes_docx")
    qtbot.waitUntil(lambda: "minutes_docx" in w.files, timeout=20000)
    assert w.stack.currentIndex() == 2 and "không xem trước" in w.info.text()
    assert not w.print_button.isEnabled()
    assert w.open_button.text() == "Mở bằng chương trình soạn thảo"
    w.open_button.click()
    assert opened and opened[-1].endswith("bien-ban.docx")
    w.select("summary_xlsx")
    qtbot.waitUntil(lambda: "summary_xlsx" in w.files, timeout=20000)
    qtbot.keyClick(w.list, Qt.Key.Key_Return)       # Enter on the list opens it
    assert opened[-1].endswith("tong-hop-ket-qua.xlsx")


def test_print_to_a_pdf_printer_keeps_pages_size_and_margins(documents_window, tmp_path):
    from kiemdiem_desktop.gui.documents import print_pdf

    source = documents_window.current_file()
    n = len(PdfReader(str(source)).pages)
    out = tmp_path / "in.pdf"
    assert print_pdf(source, pdf_printer(out)) == n
    printed = PdfReader(str(out))
    assert len(printed.pages) == n
    for page in printed.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - A4_PT[0]) < 1.5 and abs(h - A4_PT[1]) < 1.5
    # no fit-to-page scaling: the text starts where it starts in the document (30 mm left margin)
    lx, ty = left_ink(source)
    px, py = left_ink(out)
    assert abs(lx - px) <= 2 and abs(ty - py) <= 2
    assert abs(lx - 30 / 25.4 * 72) < 12      # about 85 pt from the left edge


def test_page_range_and_copies(documents_window, tmp_path):
    from kiemdiem_desktop.gui.documents import print_pdf

    source = documents_window.current_file()
    out = tmp_path / "trang-2-3.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pdf(source, printer) == 2
    assert len(PdfReader(str(out)).pages) == 2
    # the printed pages are images: they look like pages 2 and 3 of the document, not page 1
    n = len(PdfReader(str(source)).pages)
    for printed, expected in ((0, 1), (1, 2)):
        d = [difference(out, printed, source, j) for j in range(n)]
        assert min(range(n), key=d.__getitem__) == expected, d

    out2 = tmp_path / "hai-ban.pdf"
    printer = pdf_printer(out2)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 2)
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    expected = 2 if printer.supportsMultipleCopies() else 4
    assert print_pdf(source, printer) == expected
    assert len(PdfReader(str(out2)).pages) == expected


def grey(path: Path, page: int, dpi: int = 36) -> list[int]:
    doc = QPdfDocument()
    doc.load(str(path))
    rendered = doc.render(page, (doc.pagePointSize(page) * dpi / 72).toSize())
    doc.close()
    img = QImage(rendered.size(), QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return [QColor(img.pixel(x, y)).lightness() for y in range(img.height()) for x in range(img.width())]


def difference(a: Path, page_a: int, b: Path, page_b: int) -> float:
    """Mean difference of lightness (0–255) between two pages rendered at 36 dpi."""
    ga, gb = grey(a, page_a), grey(b, page_b)
    assert len(ga) == len(gb)
    return sum(abs(x - y) for x, y in zip(ga, gb)) / len(ga)


def test_print_order_collated_or_not():
    from kiemdiem_desktop.gui.documents.printing import print_order

    assert print_order([0, 1, 2], 2, True) == [0, 1, 2, 0, 1, 2]
    assert print_order([0, 1, 2], 2, False) == [0, 0, 1, 1, 2, 2]
    assert print_order([4], 0, True) == [4]


def test_print_from_the_window_with_a_prepared_printer(documents_window, tmp_path):
    w = documents_window
    out = tmp_path / "cua-so.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    w.go_to_page(1)
    assert w.print_to(printer) == 1
    assert len(PdfReader(str(out)).pages) == 1
    assert "1 trang" in w.statusBar().currentMessage()
    # "print to file" writes the document's own page (text, vector), not a picture, and says where
    assert str(out) in w.statusBar().currentMessage()
    page = PdfReader(str(out)).pages[0]
    assert "BIÊN BẢN" in page.extract_text() or len(page.extract_text()) > 200
    assert out.stat().st_size < 300_000


def test_save_to_a_folder_writes_atomically(documents_window, qtbot, tmp_path):
    w = documents_window
    folder = tmp_path / "xuat"
    folder.mkdir()
    with qtbot.waitSignal(w.saved, timeout=20000) as got:
        assert w.save_selected(folder)
    assert got.args[0] == [str(folder / "bien-ban.pdf")]
    assert sorted(p.name for p in folder.iterdir()) == ["bien-ban.pdf"]     # no temporary file left
    assert "Bản sửa đổi" not in text_of(folder / "bien-ban.pdf")      # revision 1: no marking
    assert "DỰ THẢO" not in text_of(folder / "bien-ban.pdf")
    assert "Đã lưu 1 tệp" in w.statusBar().currentMessage()


def test_save_all_writes_every_document(documents_window, qtbot, tmp_path):
    w = documents_window
    folder = tmp_path / "tat-ca"
    with qtbot.waitSignal(w.saved, timeout=60000) as got:
        assert w.save_all(folder)
    names = {Path(p).name for p in got.args[0]}
    assert {"bien-ban.pdf", "bien-ban.docx", "danh-sach-dang-vien-du-hop.pdf", "bien-ban-kiem-phieu.pdf",
            "phieu-bieu-quyet-chung.pdf", "phieu-bieu-quyet-rieng.pdf", "tong-hop-ket-qua.pdf",
            "tong-hop-ket-qua.xlsx", "kich-ban-dieu-hanh.pdf", "mau-01.docx"} <= names
    assert any(n.startswith("mau-2") for n in names)
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]


def test_a_save_that_cannot_write_says_which_file_and_leaves_nothing(documents_window, qtbot, tmp_path, on_modal):
    from PySide6.QtWidgets import QMessageBox

    w = documents_window
    folder = tmp_path / "hong"
    (folder / "bien-ban.pdf").mkdir(parents=True)     # the target cannot be replaced
    seen = []

    def read_and_close(box):
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()
    on_modal(read_and_close)
    with qtbot.waitSignal(w.saveFailed, timeout=20000):
        assert w.save_selected(folder)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "bien-ban.pdf" in seen[0] and "Không ghi được tệp" in seen[0]
    assert "Không có tệp nào bị ghi dở" in seen[0]
    assert sorted(p.name for p in folder.iterdir()) == ["bien-ban.pdf"]   # only the folder that was there
    assert w.save_button.isEnabled()


def test_saving_over_existing_files_asks_first(documents_window, qtbot, tmp_path, on_modal):
    from PySide6.QtWidgets import QMessageBox

    w = documents_window
    folder = tmp_path / "co-san"
    folder.mkdir()
    (folder / "bien-ban.pdf").write_bytes(b"cu")
    on_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())
    assert not w.save_selected(folder)
    assert (folder / "bien-ban.pdf").read_bytes() == b"cu"


def test_reopen_needs_a_reason_then_history_then_lock_gives_revision_2(documents_window, held_desk, qtbot,
                                                                      on_modal, type_text):
    from PySide6.QtWidgets import QMessageBox

    from kiemdiem_desktop.model import MeetingState
    from kiemdiem_desktop.model.review import StepKind

    w, s = documents_window, held_desk.s
    panel = w.lock_panel
    assert s.meeting.state == MeetingState.LOCKED and s.meeting.revision == 1
    assert panel.reopen_button.isVisible() and not panel.lock_button.isVisible()
    assert "Đã khóa" in panel.state.text()

    reason = "Ghi sai kết luận của đồng chí Hùng"
    checked = []

    def fill(dlg):
        assert not dlg.ok_button.isEnabled()
        dlg.accept()                                   # refused: no reason
        assert dlg.isVisible()
        type_text(dlg.reason_edit, "   ")
        assert not dlg.ok_button.isEnabled()
        dlg.reason_edit.clear()
        type_text(dlg.reason_edit, reason)
        assert dlg.ok_button.isEnabled()
        checked.append(True)
        dlg.ok_button.click()
    on_modal(fill)
    with qtbot.waitSignal(w.meetingChanged, timeout=5000):
        panel.reopen_button.click()
    assert checked
    assert s.meeting.state == MeetingState.HELD and s.meeting.reopen_reason == reason
    rows = panel.history.rowCount()
    last = [panel.history.item(rows - 1, c).text() for c in range(4)]
    assert last[1] == "Mở lại" and last[2] == "1" and last[3] == reason
    assert len(last[0]) == 16 and last[0][2] == "/" and last[0][5] == "/"     # dd/mm/yyyy HH:MM
    assert panel.lock_button.isVisible() and not panel.reopen_button.isVisible()
    assert "DỰ THẢO" in w.status.text()

    # a change while reopened is kept in the history with the reason
    step = next(st for st in s.record.steps if st.kind == StepKind.MEMBER_REVIEW)
    s.set_step_text(step.id, "conclusion", "Hội nghị ghi nhận; đã sửa kết luận.").result()
    panel.refresh()
    rows = panel.history.rowCount()
    assert panel.history.item(rows - 1, 1).text().startswith("Sửa")
    assert panel.history.item(rows - 1, 3).text() == reason

    on_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(w.meetingChanged, timeout=5000):
        panel.lock_button.click()
    assert s.meeting.state == MeetingState.LOCKED and s.meeting.revision == 2
    assert "lần 2" in w.status.text()
    assert panel.history.item(panel.history.rowCount() - 1, 1).text() == "Khóa"
    qtbot.waitUntil(lambda: "minutes_pdf" in w.files and w.page_count() > 0, timeout=20000)
    text = text_of(w.current_file())
    assert "Bản sửa đổi lần 2, khóa ngày" in text and "đã sửa kết luận" in text


def test_reopen_can_be_cancelled(documents_window, held_desk, on_modal):
    from kiemdiem_desktop.model import MeetingState

    on_modal(lambda dlg: dlg.reject())
    assert not documents_window.lock_panel.reopen()
    assert held_desk.s.meeting.state == MeetingState.LOCKED


def test_edits_on_a_locked_meeting_show_the_core_refusal(held_desk, app):
    """The guide's screens run edits through Runner: on a locked meeting the user reads the
    core's "Biên bản đã khóa…", for the session's edits and the vote desk's."""
    from PySide6.QtWidgets import QWidget

    from kiemdiem_desktop.gui.meeting.widgets import Runner
    from kiemdiem_desktop.model.attendance import Presence
    from kiemdiem_desktop.model.review import StepKind
    from kiemdiem_desktop.model.vote import VoteKind

    s, desk = held_desk.s, held_desk
    parent = QWidget()
    said: list[str] = []
    run = Runner(parent, said.append)
    step = next(st for st in s.record.steps if st.kind == StepKind.MEMBER_REVIEW)
    member = next(iter(s.members))
    edits = [
        (s.set_step_text, step.id, "conclusion", "sửa"),
        (s.set_attendance, member, Presence.ABSENT_APPROVED, "ốm"),
        (s.update_meeting, dict(place="Nơi khác")),
        (desk.new_question, VoteKind.OTHER if hasattr(VoteKind, "OTHER") else VoteKind.AGENDA, "Câu hỏi mới"),
    ]
    for fn, *args in edits:
        if args and isinstance(args[0], dict):
            assert run(fn, **args[0]) is None
        else:
            assert run(fn, *args) is None
    assert len(said) == len(edits)
    assert all(t.startswith("Biên bản đã khóa: muốn sửa phải “mở lại” và ghi lý do.") for t in said), said



def test_a_refused_edit_is_not_written_by_the_reopening(documents_window, held_desk, on_modal, type_text):
    """update_meeting on a locked meeting changes the session in memory before the core refuses;
    reopening from the documents window reads the meeting back first, so the refused change is not
    written with the reopening (and never escapes the history)."""
    from kiemdiem_desktop.i18n import UserError
    from kiemdiem_desktop.session import MeetingSession

    s = held_desk.s
    place = s.meeting.place
    with pytest.raises(UserError):
        s.update_meeting(place="Nơi khác")

    def fill(dlg):
        type_text(dlg.reason_edit, "Sửa số biên bản")
        dlg.ok_button.click()
    on_modal(fill)
    assert documents_window.lock_panel.reopen()
    assert MeetingSession(s.cf, s.meeting_id).meeting.place == place
    assert s.meeting.place == place


def test_building_runs_off_the_gui_thread_with_a_busy_page(held_desk, qtbot):
    from kiemdiem_desktop.gui.documents import open_documents

    w = open_documents(None, held_desk.s)
    qtbot.addWidget(w)
    assert w.stack.currentIndex() == 1 and w.busy_bar.maximum() == 0     # busy, not blocked
    assert "Biên bản hội nghị (PDF)" in w.busy_label.text()
    w.select("attendance")                                               # the list still answers
    qtbot.waitUntil(lambda: "attendance" in w.files and w.page_count() > 0, timeout=20000)
    assert w.current_file().name == "danh-sach-dang-vien-du-hop.pdf"
    assert w.page_label.text().startswith("Trang 1/")
    w.select("counting")
    qtbot.waitUntil(lambda: "counting" in w.files, timeout=20000)
    assert w.current_file().name == "bien-ban-kiem-phieu.pdf"


def test_the_print_dialog_opens_and_can_be_cancelled(documents_window, on_modal):
    seen = []

    def cancel(dlg):
        seen.append(dlg.windowTitle())
        dlg.reject()
    on_modal(cancel)
    assert documents_window.print_document() == 0
    assert seen and "Biên bản hội nghị (PDF)" in seen[0]
