"""Issue 11: the meeting on a 1366×768 laptop (1366×728 once the taskbar is taken), at 100, 125
and 150 % type. Run by test_laptop_screen.py in a process whose (offscreen) screen is 1366×728:
the file is named so that the ordinary run, on the default 800×800 screen, does not collect it."""
import json

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from kiemdiem_desktop.gui.main_window import BASE_POINT_SIZE, MainWindow

SCREEN = QRect(0, 0, 1366, 728)      # what Windows leaves a window on a 1366×768 screen
FRAME = (16, 39)                     # a Windows 10 window's borders and title bar, at 150 % (the most)
CLIENT = (SCREEN.width() - FRAME[0], SCREEN.height() - FRAME[1])


@pytest.fixture(scope="session")
def qapp_args(tmp_path_factory):
    """The application on a screen of 1366×728 (the -platform argument wins over QT_QPA_PLATFORM)."""
    config = tmp_path_factory.mktemp("screen") / "screen-1366x728.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN.width(),
                                               "height": SCREEN.height(), "logicalDpi": 96,
                                               "logicalBaseDpi": 96, "dpr": 1}]}))
    return ["kiemdiem-test", "-platform", f"offscreen:configfile={config}"]


def test_the_screen_is_the_laptop_one(qapp):
    assert qapp.primaryScreen().availableGeometry() == SCREEN


def fits(window) -> bool:
    low = window.minimumSizeHint().expandedTo(window.minimumSize())
    return low.width() <= CLIENT[0] and low.height() <= CLIENT[1]


def inside_screen(window, *widgets) -> bool:
    """Each widget entirely inside the window's client area placed on the 1366×728 screen."""
    client = QRect(FRAME[0] // 2, FRAME[1] - FRAME[0] // 2, window.width(), window.height())
    for w in widgets:
        top_left = w.mapTo(window, QPoint(0, 0)) + client.topLeft()
        rect = QRect(top_left, w.size())
        if not (w.isVisible() and SCREEN.contains(rect) and window.rect().contains(w.mapTo(window, QPoint(0, 0)))):
            return False
    return True


def zoom_to(qtbot, window, percent: int) -> None:
    """Ctrl+= as the user presses it, until the type is at least ``percent`` % (Ctrl+0 first when
    it is already larger)."""
    if QApplication.font().pointSizeF() > BASE_POINT_SIZE * percent / 100:
        qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    for _ in range(12):
        if QApplication.font().pointSizeF() >= BASE_POINT_SIZE * percent / 100:
            break
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() >= BASE_POINT_SIZE * percent / 100
    QApplication.processEvents()


def test_guide_fits_the_laptop_screen_at_every_zoom(qtbot, app, meeting_file, clock):
    from kiemdiem_desktop.gui.meeting import open_meeting_guide
    from kiemdiem_desktop.services import CellFile

    path, meeting_id = meeting_file
    cf = CellFile.open(path)
    main = MainWindow(cf)            # its Xem menu holds the zoom keys (Ctrl+=, Ctrl+-, Ctrl+0)
    qtbot.addWidget(main)
    main.show()
    guide = open_meeting_guide(main, cf, meeting_id, clock=clock)
    guide.resize(*CLIENT)
    qtbot.waitExposed(guide)
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    for percent in (100, 125, 150):
        zoom_to(qtbot, guide, percent)
        assert fits(guide), (percent, guide.minimumSizeHint())
        # "Tiếp" before the opening: the panel says what is missing, the buttons stay on screen
        qtbot.keyClick(guide.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert guide.check_panel.isVisible() and "Khai mạc" in guide.check_label.text()
        QApplication.processEvents()
        assert fits(guide), (percent, "with the panel", guide.minimumSizeHint())
        assert guide.height() <= CLIENT[1]
        assert inside_screen(guide, guide.next_button, guide.prev_button, guide.roll_button)
    qtbot.keyClick(guide, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: guide.height() <= CLIENT[1] and guide.size().toTuple() == CLIENT, timeout=2000)
    assert QApplication.font().pointSizeF() == BASE_POINT_SIZE
    guide.close()
    main.close()


# -- the whole meeting at 1366×728, 100 / 125 / 150 % -----------------------------------------------------
PASS = "mat-khau-thu-nghiem"


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    from kiemdiem_desktop.crypto.keys import new_key

    d = tmp_path_factory.mktemp("khoa")
    for stem, name, purpose in (("chu-tri", "Nguyễn Văn Hùng", "signing"), ("thu-ky", "Bùi Thị Giang", "signing"),
                                ("chi-bo", "Chi bộ Văn phòng", "signing"), ("cap-uy", "Đảng ủy Sở", "encryption")):
        new_key(name, d / f"{stem}.p12", PASS, purpose=purpose)
    return d


def check(window, *buttons) -> None:
    """The window's minimum size fits the laptop's free area and ``buttons`` are on the screen."""
    QApplication.processEvents()
    assert fits(window), (window.objectName(), window.minimumSizeHint(), QApplication.font().pointSizeF())
    assert window.width() <= CLIENT[0] and window.height() <= CLIENT[1], (window.objectName(), window.size())
    assert inside_screen(window, *buttons), [(b.objectName() or b.text(), b.isVisible()) for b in buttons]


def check_guide(guide) -> None:
    check(guide, guide.prev_button, guide.next_button, guide.roll_button)
    if guide.check_panel.isVisible():       # what is missing, shown with the buttons still on the screen
        assert inside_screen(guide, guide.check_panel)


@pytest.mark.parametrize("percent", [100, 125, 150])
def test_a_whole_meeting_on_the_laptop(qtbot, app, tmp_path, keys, on_modal, type_text, percent):
    from PySide6.QtWidgets import QMessageBox

    from kiemdiem_desktop.gui.main_window import MainWindow
    from kiemdiem_desktop.model import MeetingState
    from kiemdiem_desktop.model.levels import Level
    from kiemdiem_desktop.model.review import StepKind
    from tests.flow.conftest import Clock, twelve_member_cell
    from tests.gui.meeting.test_guide_meeting import ALT, CTRL, K, focus, focused, press, select_member

    cf = twelve_member_cell(tmp_path / "chi-bo.kiemdiem")
    main = MainWindow(cf)
    qtbot.addWidget(main)
    main.resize(*CLIENT)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    zoom_to(qtbot, main, percent)
    check(main)

    # -- preparation, from the Cuộc họp tab ------------------------------------------------------------
    main.tabs.setCurrentWidget(main.meetings)
    prepared = {}

    def prepare(dlg):
        check(dlg)
        for field, text in ((dlg.number, "07-BB/CB"), (dlg.place, "Hội trường tầng 2"), (dlg.chair, "nvh"),
                            (dlg.minute_taker, "bui thi giang")):
            focus(qtbot, field)
            field.selectAll()
            type_text(field, text)
            press(qtbot, K.Key_Tab)
        dlg.tabs.setCurrentIndex(1)
        focus(qtbot, dlg.delegate_name)
        type_text(dlg.delegate_name, "Trần Quốc Toản")
        focus(qtbot, dlg.delegate_title)
        type_text(dlg.delegate_title, "Đảng ủy viên")
        press(qtbot, K.Key_Return)
        prepared["delegates"] = dlg.delegates.rowCount()
        press(qtbot, K.Key_Escape)
    on_modal(prepare)
    qtbot.mouseClick(main.meetings.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "delegates" in prepared, timeout=10000)
    assert prepared["delegates"] == 1
    guide = main.meetings.guides[-1]
    s = guide.session
    s.clock = clock = Clock("07:55")
    who = {m.full_name: m.id for m in s.members.values()}
    assert (s.meeting.place, s.meeting.chair_id) == ("Hội trường tầng 2", who["Nguyễn Văn Hùng"])
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    guide.refresh()
    check_guide(guide)

    # -- opening, the roll call with a late arrival ----------------------------------------------------
    press(qtbot, K.Key_Right, ALT)                       # not opened yet: said, buttons still on screen
    assert guide.check_panel.isVisible()
    check_guide(guide)
    clock.t = "08:00"
    focus(qtbot, guide.opening.start_button)
    press(qtbot, K.Key_Space)
    assert s.meeting.state == MeetingState.IN_PROGRESS
    roll = guide.opening.attendance
    focus(qtbot, roll.all_present)
    press(qtbot, K.Key_Space)
    select_member(qtbot, roll, "Đỗ Văn Hải")
    press(qtbot, K.Key_Tab)
    assert roll.arrival.hasFocus()
    type_text(roll.arrival, "8:20")
    press(qtbot, K.Key_Return)
    assert s.record.attendance[who["Đỗ Văn Hải"]].arrived_at == "08:20"
    check_guide(guide)

    def agenda(dlg):
        check(dlg)
        qtbot.keyClicks(dlg.panel.yes, "11")
        dlg.panel.record_button.click()
        assert dlg.panel.vote().recorded, dlg.panel.problems.text()
        dlg.reject()
    on_modal(agenda)
    clock.t = "08:25"
    press(qtbot, K.Key_B, CTRL)
    guide.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    press(qtbot, K.Key_Right, ALT)

    # -- reviews: a comment and a conclusion each; an early leave through F3 -------------------------------
    minute = 30
    while s.current.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW):
        check_guide(guide)
        clock.t = f"{8 + minute // 60:02d}:{minute % 60:02d}"
        minute += 10
        step = s.current
        r = guide.review
        if s.flow.subject_absent(step, clock.t):
            press(qtbot, K.Key_Right, ALT)
            continue
        if s.flow.needs_handover(step):
            assert r.handover_picker.hasFocus()
            press(qtbot, K.Key_Return)
        focus(qtbot, r.speaker)
        qtbot.keyClicks(r.speaker, "toan")
        press(qtbot, K.Key_Tab)
        type_text(r.text, "Đồng chí cần phát huy ưu điểm, khắc phục hạn chế đã nêu.")
        press(qtbot, K.Key_Return, CTRL)
        focus(qtbot, r.conclusion)
        type_text(r.conclusion, "Hội nghị ghi nhận ý kiến; đồng chí tiếp thu.")
        if step.subject_member_id == who["Hoàng Văn Cường"]:     # then Vũ Thị Dung leaves early
            press(qtbot, K.Key_F3)
            select_member(qtbot, guide.roll, "Vũ Thị Dung")
            check_guide(guide)
            press(qtbot, K.Key_Tab, times=3)
            assert guide.roll.leaving.hasFocus()
            type_text(guide.roll.leaving, clock.t)
            press(qtbot, K.Key_Return)
            press(qtbot, K.Key_Escape)
        press(qtbot, K.Key_Right, ALT)
        assert s.current.id != step.id, guide.check_label.text()
    clock.t = "10:40"

    # -- the rating ballot, with a wrong count corrected ------------------------------------------------------
    assert s.current.kind == StepKind.RATING_VOTES
    page = guide.ratings
    check_guide(guide)
    page.method_buttons[1].setChecked(True)
    focus(qtbot, page.start_button)
    press(qtbot, K.Key_Space)
    ballot = page.ballot
    check_guide(guide)
    focus(qtbot, ballot.team_pickers[0])
    qtbot.keyClicks(ballot.team_pickers[0], "lva")
    press(qtbot, K.Key_Tab)
    qtbot.keyClicks(ballot.team_pickers[1], "pham thi bich")
    press(qtbot, K.Key_Tab)
    ballot.team_save.click()
    focus(qtbot, ballot.team_vote.yes)
    qtbot.keyClicks(ballot.team_vote.yes, "11")
    ballot.team_vote.record_button.click()
    assert ballot.team_vote.vote().recorded, ballot.team_vote.problems.text()
    ballot.tabs.setCurrentWidget(ballot.count_tab)
    check_guide(guide)
    for edit in (ballot.issued, ballot.returned, ballot.valid, ballot.invalid):
        focus(qtbot, edit)
        edit.selectAll()
        qtbot.keyClicks(edit, "0" if edit is ballot.invalid else "11")
    votes = ballot.votes()
    focus(qtbot, ballot.grid.first_edit())
    for i, v in enumerate(votes):
        for j, n in enumerate(["3", "7" if i < 6 else "8", "0", "0", "0"]):      # six rows add up to 10
            qtbot.keyClicks(QApplication.focusWidget(), n)
            press(qtbot, K.Key_Return if j == 4 else K.Key_Tab)
    assert ballot.problems.text().count("thiếu 1 phiếu") == 6 and not ballot.accept_button.isEnabled()
    check_guide(guide)
    row_height = ballot.grid.fontMetrics().lineSpacing()
    assert ballot.grid.height() >= 4 * row_height          # the list of errors does not squeeze the grid
    for v in votes[:6]:
        wrong = ballot.grid.edit(v.id, Level.GOOD.value)
        focus(qtbot, wrong)
        wrong.selectAll()
        qtbot.keyClicks(wrong, "8")
        press(qtbot, K.Key_Tab)
    assert ballot.accept_button.isEnabled(), ballot.problems.text()
    ballot.accept_button.click()
    check_guide(guide)
    guide.activateWindow()
    focus(qtbot, guide.agenda)
    press(qtbot, K.Key_Right, ALT)
    assert s.current.kind == StepKind.CELL_RATING, guide.check_label.text()

    # -- the cell's own rating by a show of hands -----------------------------------------------------------
    check_guide(guide)
    page.method_buttons[0].setChecked(True)
    focus(qtbot, page.start_button)
    press(qtbot, K.Key_Space)
    [cell_vote] = page.hands_votes()
    for level, n in ((Level.EXCELLENT, "2"), (Level.GOOD, "9")):
        e = page.hands_grid.edit(cell_vote.id, level.value)
        focus(qtbot, e)
        qtbot.keyClicks(e, n)
    press(qtbot, K.Key_Tab)
    check_guide(guide)
    assert page.hands_record.isEnabled(), page.hands_problems.text()
    page.hands_record.click()
    focus(qtbot, guide.agenda)
    press(qtbot, K.Key_Right, ALT)
    assert s.current.kind == StepKind.RESULTS, guide.check_label.text()
    check_guide(guide)
    press(qtbot, K.Key_Right, ALT)

    # -- adoption (asked before it locks), closing ------------------------------------------------------------
    assert s.current.kind == StepKind.ADOPTION
    check_guide(guide)
    focus(qtbot, guide.adoption.vote.yes)
    qtbot.keyClicks(guide.adoption.vote.yes, "11")
    on_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    guide.adoption.vote.record_button.click()
    assert s.meeting.state == MeetingState.LOCKED
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    press(qtbot, K.Key_Right, ALT)
    assert s.current.kind == StepKind.CLOSING
    check_guide(guide)
    focus(qtbot, guide.closing.end)
    qtbot.keyClicks(guide.closing.end, "11:30")
    press(qtbot, K.Key_Return)
    press(qtbot, K.Key_Right, ALT)
    assert "đã bế mạc" in guide.step_number.text()
    check_guide(guide)

    # -- documents, signed by both roles, the package ------------------------------------------------------------
    press(qtbot, K.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    docs = guide._documents
    qtbot.waitUntil(lambda: docs.page_count() > 0, timeout=60000)
    check(docs, docs.close_button, docs.print_button, docs.sign_button, docs.package_button)
    assert "lần 1" in docs.status.text()
    sign = docs.sign_minutes(show=False)
    sign.show()
    check(sign, sign.sign_button, sign.new_key_button)
    sign.out.setText(str(tmp_path / "bien-ban-ky-so.pdf"))
    for role, stem in (("chu-tri", "chu-tri"), ("thu-ky", "thu-ky")):
        assert sign.role.currentData() == role
        sign.chooser.use_file(keys / f"{stem}.p12", PASS)
        with qtbot.waitSignal(sign.signed, timeout=60000):
            qtbot.mouseClick(sign.sign_button, Qt.MouseButton.LeftButton)
    assert "Chủ trì" in sign.result.text() and "Thư ký" in sign.result.text()
    sign.close()
    package = docs.package_for_committee(show=False)
    package.show()
    check(package, package.go)
    package.chooser.use_file(keys / "chi-bo.p12", PASS)
    package.add_certificate(str(keys / "cap-uy.crt"))
    package.out.setText(str(tmp_path / "goi.p7m"))
    with qtbot.waitSignal(package.packaged, timeout=120000):
        qtbot.mouseClick(package.go, Qt.MouseButton.LeftButton)
    check(package, package.go)
    assert (tmp_path / "goi.p7m").exists() and (tmp_path / "goi-bien-nhan.pdf").exists()
    package.close()
    docs.close()
    guide.close()
    main.close()
