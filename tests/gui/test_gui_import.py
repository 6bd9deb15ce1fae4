"""Importing a roster file through the dialog, from the main window (Ctrl+I)."""
from PySide6.QtCore import Qt

from kiemdiem_desktop.gui.import_dialog import ImportDialog
from kiemdiem_desktop.gui.main_window import MainWindow
from kiemdiem_desktop.vn.legacy import unicode_to_legacy

CSV = ("DANH SÁCH ĐẢNG VIÊN CHI BỘ PHÒNG TỔ CHỨC\n"
       "\n"
       "STT;Họ và tên;Ngày sinh;Giới tính;Ngày vào Đảng;Ngày chính thức;Số thẻ;Quê quán\n"
       "1;Nguyễn Văn Hùng;02/09/1975;Nam;19/05/2010;19/05/2011;01.000001;Hà Nội\n"
       "2;Hoàng Thị Xuân;12/05/1980;Nữ;03/02/2005;03/02/2006;12.345678;Nam Định\n"
       "3;Lê Văn Tám;31/02/1979;Nam;01/01/2000;01/01/2001;;Huế\n"
       "4;Đặng Quốc Việt;07/11/1990;Nam;19/05/2015;19/05/2016;12.000777;Đà Nẵng\n"
       "5;Trần Thị Ánh;15/01/1982;Nữ;19/05/2010;19/05/2011;01.000002;Hải Phòng\n")


def open_window(qtbot, cf) -> MainWindow:
    w = MainWindow(cf)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def test_import_a_csv_through_the_dialog(qtbot, cell, tmp_path, on_modal):
    path = tmp_path / "danh-sach.csv"
    path.write_text(CSV, encoding="utf-8")
    # one existing member gets a changed card number: an update
    hung = next(m for m in cell.members() if m.full_name == "Nguyễn Văn Hùng")
    hung.card_number = "01.999999"
    cell.save_member(hung).result()
    w = open_window(qtbot, cell)
    w.roster.table.setFocus()
    seen = {}

    def preview_and_import(dlg):
        assert isinstance(dlg, ImportDialog)
        assert dlg.windowTitle() == "Nhập danh sách đảng viên"
        dlg.load(str(path))
        qtbot.waitUntil(lambda: dlg.preview is not None and not dlg._loading, timeout=10000)
        seen["rows"] = dlg.shown_rows()
        seen["counts"] = dlg.counts.text()
        seen["encoding"] = dlg.encoding.currentText()
        seen["reason"] = dlg.encoding_reason.text()
        seen["unknown"] = dlg.unknown.text()
        seen["details"] = dlg.details.text()
        seen["enabled_with_error"] = dlg.import_button.isEnabled()
        seen["colour_error"] = dlg.table.item(2, 0).background().color().name()
        qtbot.keyClick(dlg.skip_errors, Qt.Key.Key_Space)
        seen["enabled_skipping"] = dlg.import_button.isEnabled()
        dlg.import_button.click()
        qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10000)

    on_modal(preview_and_import)
    qtbot.keyClick(w.roster.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)

    rows = seen["rows"]
    assert [r[0] for r in rows] == ["4", "5", "6", "7", "8"]                # line numbers in the file
    assert rows[0][1] == "Nguyễn Văn Hùng" and rows[0][3].startswith("Cập nhật (") and "Số thẻ" in rows[0][3]
    assert rows[1][1:4] == ["Hoàng Thị Xuân", "12/05/1980", "Thêm mới"]
    assert rows[2][3] == "Lỗi" and "31/02/1979" in rows[2][4]
    assert rows[2][1] and rows[2][2] == "31/02/1979"   # the row in error still shows its name and date
    assert rows[3][3] == "Thêm mới"
    assert rows[4][3] == "Không đổi"
    assert seen["counts"] == "2 thêm mới, 1 cập nhật, 1 không đổi, 1 lỗi"
    assert seen["encoding"] == "UTF-8" and "UTF-8" in seen["reason"]
    assert seen["unknown"] == "Cột không dùng: “Quê quán”"
    assert "dấu chấm phẩy" in seen["details"] and "dòng tiêu đề là dòng 3" in seen["details"]
    assert seen["colour_error"] == "#fbe3e1"
    assert seen["enabled_with_error"] is False and seen["enabled_skipping"] is True

    names = w.roster.visible_names()
    assert names == ["Trần Thị Ánh", "Lê Văn Bình", "Nguyễn Văn Hùng", "Đặng Quốc Việt", "Hoàng Thị Xuân",
                     "Phạm Thị Yến"]
    assert "Lê Văn Tám" not in names
    assert "2 thêm mới" in w.statusBar().currentMessage()
    w.close()


def test_changing_the_encoding_rereads_the_file(qtbot, cell, tmp_path):
    path = tmp_path / "cu.csv"
    text = "Họ và tên,Ngày sinh,Ngày vào Đảng\nĐỗ Thị Hằng,01/02/1980,03/02/2005\n"
    path.write_bytes(unicode_to_legacy(text, "cp1258").encode("cp1258"))
    dlg = ImportDialog(cell, None, str(path))
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.preview is not None and not dlg._loading, timeout=10000)
    assert dlg.encoding.currentText() == "Windows-1258"
    assert dlg.shown_rows()[0][1] == "Đỗ Thị Hằng"
    dlg.encoding.setCurrentIndex(dlg.encoding.findData("utf-8"))
    dlg.encoding.activated.emit(dlg.encoding.currentIndex())
    qtbot.waitUntil(lambda: not dlg._loading and dlg.preview.encoding == "utf-8", timeout=10000)
    assert dlg.encoding_reason.text() == "Bạn đã chọn bảng mã này."
    rows = dlg.shown_rows()
    assert not rows or rows[0][1] != "Đỗ Thị Hằng"          # the wrong table garbles or refuses the text
    dlg.encoding.setCurrentIndex(dlg.encoding.findData("cp1258"))
    dlg.encoding.activated.emit(dlg.encoding.currentIndex())
    qtbot.waitUntil(lambda: not dlg._loading and dlg.preview.encoding == "cp1258", timeout=10000)
    assert dlg.shown_rows()[0][1] == "Đỗ Thị Hằng"


def test_file_level_problem_blocks_the_import(qtbot, cell, tmp_path):
    path = tmp_path / "sai.csv"
    path.write_text("Tên cơ quan;Địa chỉ\nSở Nội vụ;Hà Nội\n", encoding="utf-8")
    dlg = ImportDialog(cell, None, str(path))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.preview is not None and not dlg._loading, timeout=10000)
    assert dlg.file_problems.isVisible()
    text = dlg.file_problems.text()
    assert text.startswith("Không nhập được tệp này:") and "sai.csv" in text and "tiêu đề" in text
    assert not dlg.import_button.isEnabled()


def test_a_rename_of_a_matched_member_waits_for_the_users_confirmation(qtbot, cell, tmp_path):
    """Issue 12 item 3: same card number and birth date, another name: shown, never applied silently."""
    path = tmp_path / "doi-ten.csv"
    path.write_text("Họ và tên;Ngày sinh;Ngày vào Đảng;Số thẻ đảng viên;Chức vụ đảng\n"
                    "Kẻ Mạo Danh;02/09/1975;19/05/2010;01.000001;Bí thư\n"
                    "Vũ Văn Mới;01/01/1991;19/05/2016;01.000009;\n", encoding="utf-8")
    dlg = ImportDialog(cell, None, str(path))
    qtbot.addWidget(dlg)
    dlg.resize(1366, 728)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.preview is not None and not dlg._loading, timeout=10000)
    rows = dlg.shown_rows()
    assert rows[0][1] == "Kẻ Mạo Danh" and rows[0][3] == "Đổi họ tên «Nguyễn Văn Hùng» thành «Kẻ Mạo Danh»: cần xác nhận"
    assert "1 đổi họ tên cần xác nhận" in dlg.counts.text()
    assert dlg.confirm_renames.isVisible() and not dlg.import_button.isEnabled()
    assert "Xác nhận đổi họ tên" in dlg.status.text()
    dlg.grab().save(str(tmp_path / "doi-ten.png"))
    qtbot.keyClick(dlg.skip_errors, Qt.Key.Key_Space)              # skip it: only the new member
    assert dlg.import_button.isEnabled() and dlg.excluded_rows() == [2]
    qtbot.keyClick(dlg.skip_errors, Qt.Key.Key_Space)
    qtbot.keyClick(dlg.confirm_renames, Qt.Key.Key_Space)          # or confirm it
    assert dlg.import_button.isEnabled() and dlg.confirmed_rows() == [2] and dlg.excluded_rows() == []
    dlg.import_button.click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10000)
    names = [m.full_name for m in cell.members()]
    assert "Kẻ Mạo Danh" in names and "Nguyễn Văn Hùng" not in names and "Vũ Văn Mới" in names
