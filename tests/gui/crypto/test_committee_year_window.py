"""The committee mode in the window (pytest-qt, offscreen), on a SQLite file and on PostgreSQL: the
year's cells with their state, the totals and the quota line, a cell's members, a lowered level
refused without a reason then recorded with one, the report and a notice written."""
from __future__ import annotations

import os

from kiemdiem_desktop.committee.year import CommitteeOffice
from tests.committee.conftest import postgres_server, register, year  # noqa: F401 - fixtures


def test_the_year_tab_decides_with_a_reason_and_writes_report_and_notice(app, year, register, tmp_path, qtbot):
    with CommitteeOffice(register) as office:
        office.set_identity(name="Đảng ủy phường Bến Nghé", higher_org="Đảng bộ quận 1", locality="Thành phố Hồ Chí Minh")
        office.open_packages(sorted(year.packages.glob("*.p7m")), year.key("capuy-mh"), out=None, trust=True)
    from kiemdiem_desktop.gui.crypto.committee import CommitteeWindow

    w = CommitteeWindow()
    qtbot.addWidget(w)
    assert (w.open_shared(register) if register.startswith("postgresql") else w.open_file(register))
    page = w.year_page
    w.tabs.setCurrentWidget(page)
    w.show()
    assert page.year.value() == 2026
    assert page.cells.rowCount() == 3
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
    # raising is refused
    good_row = next(r for r in range(page.members.rowCount()) if page.members.item(r, 2).text().startswith("HTTNV"))
    page.members.setCurrentCell(good_row, 0)
    page.level.setCurrentIndex(page.level.findData("EXCELLENT"))
    assert not page.decide() and "cao hơn mức chi bộ đã biểu quyết" in page.message.text()
    report = page.make_report(tmp_path / "bao-cao.pdf")
    assert report.exists() and report.read_bytes().startswith(b"%PDF")
    notice = page.make_notice(tmp_path / "tb.p7m", year.keys / "cb01-mh.crt", load=lambda: year.key("capuy-ky"))
    assert notice.exists() and "1 hạ mức" in page.message.text()
    w.resize(1366, 728)
    w.grab().save(str(tmp_path / "committee-year.png"))
    if os.environ.get("KD_SHOTS"):
        w.grab().save(os.path.join(os.environ["KD_SHOTS"], f"committee-year-{register[:6]}.png"))
    w.close()
