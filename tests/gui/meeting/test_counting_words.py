"""Issue 17 item 5 through the real rating page: cumulative columns labelled as cumulative with
the plain counts at hand, a quota line that says it counts members, "Phát ra" with separate
papers saying it is per member, and no "kiếm phiếu" anywhere the user reads."""
import unicodedata

from PySide6.QtCore import Qt

from kiemdiem_desktop.model.levels import Level
from kiemdiem_desktop.model.review import StepKind

from tests.gui.meeting.test_votes_ballot import ballot_started
from tests.gui.meeting.votes_helpers import type_into
from tests.helpers import ROOT

E, G, C, N = (lv.value for lv in Level)


def test_cumulative_columns_say_so_and_the_quota_line_counts_members(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who, page, ballot = ballot_started(w, qtbot, clock)
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    assert ballot.papers_of.text() == "<b>Số tờ phiếu chung:</b>"          # common paper: sheets
    for edit, n in ((ballot.issued, "10"), (ballot.returned, "10"), (ballot.valid, "10"), (ballot.invalid, "0")):
        type_into(qtbot, edit, n)
    hung, bich = who["Nguyễn Văn Hùng"], who["Phạm Thị Bích"]
    for v in ballot.votes():           # everyone HTTNV, except Hùng and Bích HTXSNV
        type_into(qtbot, ballot.grid.edit(v.id, E if v.subject in (hung, bich) else G), "10")
    ballot.accept_button.click()
    res = ballot.results
    heads = [res.table.horizontalHeaderItem(c).text().replace("\n", " ") for c in range(1, 5)]
    assert heads == ["HTXSNV", "Từ HTTNV trở lên", "Từ HTNV trở lên", "Từ KHTNV trở lên (mọi phiếu hợp lệ)"]
    assert "Cộng dồn từ mức cao" in res.how.text() and res.how.isVisible()
    assert res.how.text().endswith("Ngưỡng: trên 1/2 của 11: cần 6.") and res.table.isColumnHidden(5)
    # the level reached is on screen at 1366 px, not behind a horizontal scroll bar
    t = res.table
    assert t.columnViewportPosition(6) + t.columnWidth(6) <= t.viewport().width(), \
        [t.columnWidth(c) for c in range(7)]
    row = [v.subject for v in res.votes].index(who["Lê Văn An"])
    assert res.cell(row, 4) == "10/11 (90,9%), đạt"                          # all the votes, cumulated…
    assert res.table.item(row, 4).toolTip() == ("Từ KHTNV trở lên (mọi phiếu hợp lệ): 10/11 phiếu; riêng mức KHTNV: "
                                                "0 phiếu")                 # …and none of them for KHTNV
    assert res.table.item(row, 2).toolTip().endswith("riêng mức HTTNV: 10 phiếu")
    # the rating list gives the plain counts per level, never the cumulated ones under a bare name
    page.refresh() if hasattr(page, "refresh") else None
    heads = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    col = next(c for c, h in enumerate(heads) if h.startswith("Phiếu"))
    rows = [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
    assert page.table.item(rows.index("Lê Văn An"), col).text() == "HTTNV 10 (cơ sở 11)"
    assert page.table.item(rows.index("Nguyễn Văn Hùng"), col).text() == "HTXSNV 10 (cơ sở 11)"
    # the quota line on the same page: what is counted is said
    page.show_quota()
    quota = page.quota.text()
    assert "2 đảng viên HTXSNV / 8 đảng viên HTTNV = 25% &gt; 20% (tối đa 1 đảng viên HTXSNV)" in quota
    assert "Tỷ lệ HTXSNV so với HTTNV (tham khảo), nhóm cả chi bộ:" in quota
    # per level, when the cumulative counting is switched off
    w.session.update_meeting(settings={"cumulative": False}).result()
    res.refresh()
    assert [res.table.horizontalHeaderItem(c).text() for c in range(1, 5)] == ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    assert res.cell(row, 4) == "0/11 (0%)"


def test_separate_papers_say_the_figures_are_per_member(meeting_file, open_guide, qtbot, clock):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    who, page, ballot = ballot_started(w, qtbot, clock, layout=2)
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    assert ballot.tabs.tabText(1) == "2. Kiểm phiếu — phiếu riêng (mỗi người một tờ)"
    assert ballot.papers_of.text() == "<b>Phiếu của mỗi người được bầu:</b>"
    assert "không phải tổng số tờ" in ballot.paper_labels["issued"].toolTip()
    assert ballot.paper_labels["issued"].text() == "Phát &ra:" and ballot.paper_labels["issued"].buddy() is ballot.issued
    # nothing of the row is cut at 1366 px
    for lbl in [ballot.papers_of, *ballot.paper_labels.values(), ballot.double]:
        assert lbl.isVisible() and lbl.width() >= lbl.sizeHint().width(), lbl.objectName()

def test_no_kiem_phieu_typo_anywhere_the_user_reads():
    bad = unicodedata.normalize("NFC", "kiếm phiếu")
    found = []
    for folder in ("kiemdiem_desktop", "resources", "ui"):
        for p in (ROOT / folder).rglob("*"):
            if p.suffix in (".py", ".json", ".ts", ".qss", ".ui", ".md") and p.is_file():
                text = unicodedata.normalize("NFC", p.read_text(encoding="utf-8", errors="replace")).lower()
                if bad in text:
                    found.append(str(p.relative_to(ROOT)))
    assert found == []
    assert Qt  # the module is a GUI test module: Qt is importable here
