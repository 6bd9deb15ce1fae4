"""Issue 10 item 4: the window's rule-set view — Trợ giúp › Bộ quy định, from the keyboard: each rule with
its article, kind and whether the article is verified, the citation and the sources note; both rule sets."""
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

K = Qt.Key


def test_rule_set_view_through_the_main_menu_from_the_keyboard(qtbot, cell):
    from kiemdiem_desktop.gui.main_window import MainWindow
    from kiemdiem_desktop.gui.rules_view import (
        COL_APPLIES, COL_ARTICLE, COL_KIND, COL_VERIFIED, RULE_ID, RuleSetDialog,
    )

    w = MainWindow(cell)
    qtbot.addWidget(w)
    w.resize(1366, 728)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    seen = {}

    def rows(dlg):
        t = dlg.table
        return {t.item(r, 0).data(RULE_ID): tuple(t.item(r, c).text() for c in (COL_KIND, COL_APPLIES, COL_ARTICLE,
                                                                               COL_VERIFIED))
                for r in range(t.rowCount())}

    def look(left=250):
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, RuleSetDialog):
            if left:
                QTimer.singleShot(20, lambda: look(left - 1))
            return
        try:
            dlg.activateWindow()
            qtbot.waitUntil(dlg.isActiveWindow, timeout=2000)
            assert QApplication.focusWidget() is dlg.choice     # the keyboard starts on "Bộ quy định"
            seen["366"] = (dlg.choice.currentText(), dlg.citation.text(), rows(dlg), dlg.counts.text(),
                           dlg.sources.toPlainText())
            qtbot.keyClick(dlg.choice, K.Key_Up)              # the other rule set, from the keyboard
            seen["124"] = (dlg.choice.currentText(), dlg.citation.text(), rows(dlg), dlg.sources.toPlainText())
            qtbot.keyClick(dlg.choice, K.Key_Escape)
        finally:
            if dlg.isVisible():
                dlg.reject()

    QTimer.singleShot(0, look)
    qtbot.keyClick(w, K.Key_R, Qt.KeyboardModifier.AltModifier)        # T&rợ giúp
    menu = QApplication.activePopupWidget()
    assert menu is not None, "the Trợ giúp menu did not open"
    qtbot.keyClick(menu, K.Key_Q)                                      # Bộ &quy định đánh giá, xếp loại…
    qtbot.waitUntil(lambda: "124" in seen, timeout=5000)

    name, citation, table, counts, sources = seen["366"]
    assert name == "Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW (từ năm 2025)"
    assert citation == ("Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị và Hướng dẫn số 43-HD/BTCTW, "
                        "ngày 31/10/2025 của Ban Tổ chức Trung ương")
    assert len(table) == 38 and counts == "38 quy tắc; 18 đã đối chiếu điều khoản, 20 chưa đối chiếu văn bản gốc."
    assert table["366.ca-nhan.htxs.diem"] == ("Điều kiện xếp loại", "Đảng viên", "Quy định 366-QĐ/TW, Điều 11 khoản 1",
                                              "Đã đối chiếu")
    unverified = [v for v in table.values() if v[3] != "Đã đối chiếu"]
    assert len(unverified) == 20
    assert all(v[3].startswith("Chưa đối chiếu văn bản gốc: ") and len(v[3]) > 30 for v in unverified)
    assert {v[0] for v in table.values()} == {"Điều kiện xếp loại", "Cảnh báo"}
    assert sources.startswith("Nội dung Quy định 366 được đọc qua các trang hỏi đáp")

    name, citation, table, sources = seen["124"]
    assert name == "Quy định 124-QĐ/TW và Hướng dẫn 25-HD/BTCTW (các năm 2023–2024)"
    assert citation.startswith("Quy định số 124-QĐ/TW") and "Hướng dẫn số 25-HD/BTCTW" in citation
    assert len(table) == 19
    assert table["124.ca-nhan.htxs.tieu-chi"] == (
        "Điều kiện xếp loại", "Đảng viên", "Quy định 124-QĐ/TW, Điều 12",
        "Chưa đối chiếu văn bản gốc: Theo nguồn thứ cấp; chưa đối chiếu bản gốc.")
    assert sum(1 for v in table.values() if v[3] == "Đã đối chiếu") == 2
    assert sources.startswith("Theo nguồn thứ cấp")


def test_rule_set_view_fits_1366_by_728_at_100_and_150_percent(qtbot, cell, tmp_path):
    from kiemdiem_desktop.gui.main_window import apply_zoom
    from kiemdiem_desktop.gui.rules_view import COL_ARTICLE, RuleSetDialog

    out = tmp_path
    for step, tag in ((0, "100"), (5, "150")):
        apply_zoom(step)
        dlg = RuleSetDialog(None, "qd366-hd43")
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        assert dlg.width() <= 1366 and dlg.height() <= 728 - 40, (tag, dlg.size())
        assert dlg.minimumSizeHint().height() <= 728 - 40
        assert dlg.table.columnWidth(COL_ARTICLE) >= dlg.table.fontMetrics().horizontalAdvance(
            "Quy định 366-QĐ/TW, Điều 11 khoản 1"), tag
        header = dlg.table.horizontalHeader()
        assert header.length() <= dlg.table.viewport().width() + 1, tag          # nothing off to the right
        dlg.grab().save(str(out / f"rules-{tag}.png"))
        import os
        if os.environ.get("KIEMDIEM_PNG_DIR"):
            dlg.grab().save(os.path.join(os.environ["KIEMDIEM_PNG_DIR"], f"rules-{tag}.png"))
        dlg.close()
    apply_zoom(0)
