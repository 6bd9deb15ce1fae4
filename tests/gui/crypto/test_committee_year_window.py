"""The committee mode in the window (pytest-qt, offscreen), on a SQLite file and on PostgreSQL: the
year's cells with their state, the totals and the quota line, a cell's members, a lowered level
refused without a reason then recorded with one, the report and a notice written."""
from __future__ import annotations

import os

import pytest

from kiemdiem_desktop.committee.year import CommitteeOffice
from tests.committee.conftest import postgres_server, register, year  # noqa: F401 - fixtures


def test_the_year_tab_decides_with_a_reason_and_writes_report_and_notice(app, year, register, tmp_path, qtbot):
    with CommitteeOffice(register) as office:
        office.set_identity(name="Đảng ủy phường Bến Nghé", higher_org="Đảng bộ quận 1", locality="Thành phố Hồ Chí Minh")
    from kiemdiem_desktop.gui.crypto.committee import CommitteeWindow

    w = CommitteeWindow()
    qtbot.addWidget(w)
    assert (w.open_shared(register) if register.startswith("postgresql") else w.open_file(register))
    page = w.year_page
    cells = tmp_path / "chi-bo.csv"
    cells.write_text("Mã;Tên chi bộ\nCB01;Chi bộ Khu phố 1\nCB02;Chi bộ Khu phố 2\nCB03;Chi bộ Khu phố 3\n"
                     "CB04;Chi bộ Khu phố 4\n", encoding="utf-8")
    assert page.import_cells(cells) and "4 mới" in page.message.text()
    # the whole folder of packages, in the background, with progress; every first-seen key confirmed
    asked = []
    with qtbot.waitSignal(w.folder_done, timeout=120_000) as done:
        assert w.open_folder(year.packages, load=lambda: year.key("capuy-mh"),
                             confirm=lambda opened, decision: asked.append(opened.cell["name"]) or True)
        assert "Đang mở gói 1/3" in w.message.text()
    assert [r.state for r in done.args[0]] == ["verified"] * 3 and len(asked) == 3
    assert "Đã mở 3/3 gói." in w.message.text()
    w.tabs.setCurrentWidget(page)
    w.show()
    page.year.setValue(2026)
    assert page.cells.rowCount() == 4
    assert page.cells.item(3, 1).text() == "Chưa gửi"
    assert [page.cells.item(r, 1).text() for r in range(3)] == ["Đã nhận, đã xác minh"] * 3
    assert "HTXSNV" in page.quota.text() and "VƯỢT" in page.quota.text()
    page.cells.setCurrentCell(0, 0)
    names = [page.members.item(r, 0).text() for r in range(page.members.rowCount())]
    row = next(r for r in range(len(names)) if page.members.item(r, 2).text().startswith("HTXSNV"))
    page.members.setCurrentCell(row, 0)
    page.level.setCurrentIndex(page.level.findData("GOOD"))
    page.reason.clear()
    qtbot.mouseClick(page.decide_button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    assert "cần ghi lý do" in page.message.text()
    assert "Cấp ủy đã quyết định 0" in page.totals.text()
    page.reason.setText("Vượt tỷ lệ 20% của đảng bộ")
    page.reference.setText("15-TB/ĐU")
    assert page.decide()
    assert "Cấp ủy đã quyết định 1" in page.totals.text()
    assert page.members.item(row, 3).text() == "HTTNV"
    assert page.members.item(row, 4).text() == "Vượt tỷ lệ 20% của đảng bộ"
    page.members.setCurrentCell(row, 0)
    assert "Vượt tỷ lệ 20% của đảng bộ" in page.history.text() and "15-TB/ĐU" in page.history.text()
    # the cell's own level, kept as voted
    page.level.setCurrentIndex(page.level.findData("GOOD"))
    assert page.decide_cell() and "Đã ghi mức của Chi bộ Khu phố 1: HTTNV" in page.message.text()
    # drill-down: the cell's minutes as received, with its signatures' state
    path, reports = page.show_minutes(tmp_path / "bb", open_it=False)
    assert path.read_bytes().startswith(b"%PDF") and "Biên bản của Chi bộ Khu phố 1" in page.message.text()
    # raising is refused
    good_row = next(r for r in range(page.members.rowCount()) if page.members.item(r, 2).text().startswith("HTTNV"))
    page.members.setCurrentCell(good_row, 0)
    page.level.setCurrentIndex(page.level.findData("EXCELLENT"))
    assert not page.decide() and "cao hơn mức chi bộ đã biểu quyết" in page.message.text()
    # decisions from the workbook the report writes: a raise refused with its row, then a preview confirmed
    sheet = page.make_report(tmp_path / "bao-cao.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(sheet)
    ws = wb["Quyết định"]
    rows = [r for r in ws.iter_rows(min_row=2) if r[3].value == "HTTNV"]
    rows[0][4].value = "HTXSNV"
    wb.save(sheet)
    assert page.decide_from_sheet(sheet, confirm=lambda p: pytest.fail("no preview when a row is wrong")) == 0
    assert f"dòng {rows[0][0].row}" in page.message.text() and "chưa ghi gì" in page.message.text()
    rows[0][4].value = "HTNV"
    rows[0][5].value = "Chưa hoàn thành chỉ tiêu"
    wb.save(sheet)
    previews = []
    assert page.decide_from_sheet(sheet, confirm=lambda p: previews.append(p.lines()) or True) >= 1
    assert any("quyết định HTNV (hạ mức); lý do: Chưa hoàn thành chỉ tiêu" in line for line in previews[0])
    report = page.make_report(tmp_path / "bao-cao.pdf")
    assert report.exists() and report.read_bytes().startswith(b"%PDF")
    notice = page.make_notice(tmp_path / "tb.p7m", year.keys / "cb01-mh.crt", load=lambda: year.key("capuy-ky"))
    assert notice.exists() and "hạ mức so với đề xuất" in page.message.text()
    w.resize(1366, 728)
    w.grab().save(str(tmp_path / "committee-year.png"))
    if os.environ.get("KD_SHOTS"):
        w.grab().save(os.path.join(os.environ["KD_SHOTS"], f"committee-year-{register[:6]}.png"))
    w.close()


def test_the_cell_imports_the_notice_from_its_window_confirming_the_committee_key(app, year, tmp_path, qtbot):
    """Gửi cấp trên › Nhập thông báo kết quả của cấp ủy…: the first time the committee's fingerprint is
    shown and confirmed; the decided level is recorded beside the cell's vote."""
    import shutil
    from datetime import date

    from kiemdiem_desktop.committee.notice import make_notice
    from kiemdiem_desktop.gui.main_window import MainWindow
    from kiemdiem_desktop.services import CellFile

    with CommitteeOffice(tmp_path / "cap-uy.capuy") as office:
        office.open_packages([year.packages / "cb01.p7m"], year.key("capuy-mh"), out=None, trust=True)
        m = next(x for x in office.view(2026).members() if x.voted_level == "EXCELLENT")
        office.decide_member(2026, m.id, "GOOD", reason="Vượt tỷ lệ của đảng bộ", decided_on=date(2026, 12, 20),
                             reference="15-TB/ĐU")
        make_notice(office, 2026, "CB01", year.key("capuy-ky"), year.cert("cb01-mh"), tmp_path / "tb.p7m",
                    day=date(2026, 12, 20), reference="15-TB/ĐU")
    cell = tmp_path / "cb01.kiemdiem"
    shutil.copy(year.cells["CB01"], cell)
    w = MainWindow(CellFile.open(cell))
    qtbot.addWidget(w)
    assert w.findChild(type(w.menuBar().actions()[0]), "decisionsImportAction") is not None
    shown = []
    result = w.import_decisions(tmp_path / "tb.p7m", load=lambda: year.key("cb01-mh"),
                                confirm=lambda err: shown.append(err.fingerprint) or True)
    assert shown == [year.key("capuy-ky").fingerprint]
    assert any(f"{m.full_name}: chi bộ biểu quyết HTXSNV, cấp ủy quyết định HTTNV" in line for line in result.recorded)
    assert "Kết quả biểu quyết của chi bộ giữ nguyên" in w._decisions_box.text()
    # again: nothing new, no question asked (the key is pinned)
    again = w.import_decisions(tmp_path / "tb.p7m", load=lambda: year.key("cb01-mh"),
                               confirm=lambda err: pytest.fail("asked again"))
    assert again.recorded == [] and again.unchanged == len(result.recorded)
    w.close()
