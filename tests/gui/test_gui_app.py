"""Start-up, the main window, Qt's own dialogs in Vietnamese, zoom, first run, locked files."""
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kiemdiem_desktop import paths
from kiemdiem_desktop.gui import app as gui_app
from kiemdiem_desktop.gui.app import FirstRunDialog, Launcher, is_first_run
from kiemdiem_desktop.gui.common import recent_files, settings
from kiemdiem_desktop.gui.main_window import MainWindow
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.services.demo import create_demo

ROOT = Path(__file__).resolve().parents[2]


def plain(text: str) -> str:
    return text.replace("&", "")


def show(qtbot, w):
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def test_message_box_buttons_read_in_vietnamese(app):
    box = QMessageBox(QMessageBox.Icon.Question, "Hỏi", "Tiếp tục?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    texts = {plain(b.text()) for b in box.buttons()}
    assert texts == {"Có", "Không", "Đồng ý", "Hủy"}
    box2 = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Save
                       | QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Discard)
    assert {plain(b.text()) for b in box2.buttons()} == {"Lưu", "Đóng", "Không lưu"}


def test_demo_banner_on_demo_data_only(qtbot, app, tmp_path, cell):
    demo = create_demo(tmp_path / "mau.kiemdiem", members=12)
    w = show(qtbot, MainWindow(demo))
    assert w.demo_banner.isVisible()
    assert w.demo_banner.text() == "DỮ LIỆU MẪU — không dùng cho cuộc họp thật"
    assert w.windowTitle().startswith("Kiểm điểm Desktop — ") and w.windowTitle().endswith("— mau.kiemdiem")
    w.close()
    real = show(qtbot, MainWindow(cell))
    assert not real.demo_banner.isVisible()
    assert real.windowTitle() == "Kiểm điểm Desktop — Chi bộ Phòng Tổ chức — chi-bo.kiemdiem"
    assert [real.tabs.tabText(i) for i in range(3)] == ["Chi bộ", "Đảng viên", "Cuộc họp"]
    assert [plain(a.text()) for a in real.menuBar().actions()] == ["Tệp", "Xem", "Gửi cấp trên", "Trợ giúp"]
    real.close()


def test_zoom_with_ctrl_equals_is_remembered(qtbot, app, cell):
    w = show(qtbot, MainWindow(cell))
    before = QApplication.font().pointSizeF()
    assert before == 11
    qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == 13
    assert w.roster.table.font().pointSizeF() == 13
    assert "13" in w.statusBar().currentMessage()
    qtbot.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == 12
    w.close()
    # next start: the size comes back
    QApplication.setFont(QApplication.font().__class__("Sans", 9))
    gui_app.setup_application(app)
    assert QApplication.font().pointSizeF() == 12
    w2 = show(qtbot, MainWindow(CellFile.open(cell.path)))
    qtbot.keyClick(w2, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == 11 and int(settings().value("zoom")) == 0
    w2.close()


def test_cell_page_saves_each_edit_without_a_save_button(qtbot, app, cell, type_text):
    w = show(qtbot, MainWindow(cell))
    w.tabs.setCurrentWidget(w.cell_page)
    page = w.cell_page
    page.name.setFocus()
    page.name.selectAll()
    type_text(page.name, "Chi bộ Văn phòng")
    qtbot.keyClick(page.name, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: cell.cell().name == "Chi bộ Văn phòng")
    qtbot.waitUntil(lambda: "Chi bộ Văn phòng" in w.windowTitle())
    page.has_committee.setFocus()
    qtbot.keyClick(page.has_committee, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: cell.cell().has_committee)
    w.close()


def test_meetings_page_says_what_to_do_then_lists_the_meeting(qtbot, app, cell):
    w = show(qtbot, MainWindow(cell))
    w.tabs.setCurrentWidget(w.meetings)
    page = w.meetings
    assert page.empty.isVisible() and page.empty.text().startswith("Chưa có cuộc họp nào.")
    page.new_button.click()
    assert not page.empty.isVisible()
    row = [page.table.item(0, c).text() for c in range(4)]
    from datetime import date
    assert row == [str(date.today().year), "Hội nghị kiểm điểm", "Đang chuẩn bị", "(chưa định ngày)"]
    w.close()


def test_first_run_offers_three_choices(qtbot, app, monkeypatch, tmp_path):
    assert is_first_run()
    dlg = FirstRunDialog()
    qtbot.addWidget(dlg)
    assert [plain(b.text()) for b in (dlg.new_button, dlg.demo_button, dlg.open_button)] == [
        "Tạo chi bộ mới", "Mở dữ liệu mẫu (để tập dùng thử)", "Mở tệp…"]
    launcher = Launcher(app)

    # 1. demo data: a separate demo file, with the banner
    dlg.demo_button.click()
    assert dlg.choice == FirstRunDialog.DEMO
    assert launcher.first_run(dlg)
    demo_file = paths.data_dir() / "du-lieu-mau.kiemdiem"
    assert demo_file.exists() and launcher.window.cf.path == demo_file.absolute()
    assert launcher.window.demo_banner.isVisible()
    assert len(launcher.window.roster.visible_names()) > 10

    # 2. a new cell: the default file, the cell page open to type the name
    dlg2 = FirstRunDialog()
    qtbot.addWidget(dlg2)
    dlg2.new_button.click()
    assert launcher.first_run(dlg2)
    assert paths.default_db_path().exists()
    assert launcher.window.cf.path == paths.default_db_path().absolute()
    assert not launcher.window.demo_banner.isVisible()
    assert launcher.window.tabs.currentWidget() is launcher.window.cell_page

    # 3. open a file chosen in the file dialog
    other = CellFile.open(tmp_path / "khac.kiemdiem", create=True)
    other.close(backup=False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(tmp_path / "khac.kiemdiem"), "")))
    dlg3 = FirstRunDialog()
    qtbot.addWidget(dlg3)
    dlg3.open_button.click()
    assert launcher.first_run(dlg3)
    assert launcher.window.cf.path.name == "khac.kiemdiem"
    assert recent_files()[0].endswith("khac.kiemdiem")
    assert not is_first_run()
    launcher.window.close()


def test_a_file_held_by_another_window_gives_the_vietnamese_message(qtbot, app, tmp_path, on_modal):
    path = tmp_path / "dang-mo.kiemdiem"
    holder = CellFile.open(path, create=True)           # "another window" holds the file
    try:
        seen = {}

        def read_and_quit(box):
            seen["title"] = box.windowTitle()
            seen["text"] = box.text()
            seen["buttons"] = [plain(b.text()) for b in box.buttons()]
            box.quit_button.click()

        on_modal(read_and_quit)
        assert gui_app.run(db=str(path)) == 1
        assert seen["title"] == "Không mở được tệp dữ liệu"
        assert "đang được mở trong một cửa sổ Kiểm điểm Desktop khác" in seen["text"]
        assert "Hãy đóng cửa sổ đó rồi thử lại." in seen["text"]
        assert sorted(seen["buttons"]) == ["Mở tệp khác…", "Thoát"]
    finally:
        holder.close(backup=False)


def test_backup_and_restore_from_the_dialog(qtbot, app, cell, tmp_path, on_modal):
    w = show(qtbot, MainWindow(cell))
    dlg = w.backup_dialog()
    dest = tmp_path / "usb" / "sao-luu.kiemdiem"
    dest.parent.mkdir()
    dlg.backup(str(dest))
    qtbot.waitUntil(lambda: dlg.backup_button.isEnabled() and dest.exists(), timeout=10000)
    assert dlg.status.text().startswith("Đã sao lưu vào")
    # change something, then restore the copy: the change goes away
    cell.save_cell(type(cell.cell())(name="Tên mới")).result()
    seen = {}

    def confirm(box):
        seen["text"] = box.text()
        seen["buttons"] = sorted(plain(b.text()) for b in box.buttons())
        box.button(QMessageBox.StandardButton.Yes).click()

    on_modal(confirm)
    dlg.restore(str(dest))
    qtbot.waitUntil(lambda: dlg.status.text().startswith("Đã khôi phục"), timeout=10000)
    assert "bản sao tự động" in seen["text"] and seen["buttons"] == ["Có", "Không"]
    assert cell.cell().name == "Chi bộ Phòng Tổ chức"
    assert w.cell_page.name.text() == "Chi bộ Phòng Tổ chức"
    dlg.close()
    w.close()


def test_window_starts_and_exits_when_shown(tmp_path):
    db = tmp_path / "chi-bo.kiemdiem"
    env = {"QT_QPA_PLATFORM": "offscreen", "KIEMDIEM_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "kiemdiem_desktop", "--db", str(db), "--exit-when-shown"],
                            cwd=ROOT, env=env, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert db.exists()
