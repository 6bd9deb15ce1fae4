"""Issue 17 items 6 and 7 in the committee inbox: local dd/mm/yyyy HH:MM times, no raw meeting id,
the committee's passphrase asked once per sitting (kept in memory only, forgotten on close), and
the year box not cut."""
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.gui.crypto.conftest import PASS
from tests.gui.crypto.test_package_and_committee import _committee, _make_package, _row


def test_one_passphrase_per_sitting_local_times_no_raw_id(held_desk, qtbot, gui_keys, tmp_path, on_modal):
    from kiemdiem_desktop.gui.crypto.keys import KeyDialog

    first = _make_package(held_desk, gui_keys, tmp_path / "goi-1.p7m")
    second = _make_package(held_desk, gui_keys, tmp_path / "goi-2.p7m")
    w = _committee(qtbot, tmp_path)
    asked = []

    def give_key(dlg):
        assert isinstance(dlg, KeyDialog)
        asked.append(dlg.windowTitle())
        dlg.chooser.use_file(gui_keys / "cap-uy.p12", PASS)
        dlg._accept()

    def confirm(box):
        next(b for b in box.buttons() if "ghi vào sổ" in b.text()).click()

    # the first package: the key is asked for, then the first-seen cell confirmed
    on_modal(lambda dlg: (give_key(dlg), on_modal(confirm)))
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(first.path)
    assert done.args[0] == "verified" and len(asked) == 1 and w.key_remembered
    # the second, in the same sitting: not asked again
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(second.path)
    assert done.args[0] == "verified" and len(asked) == 1
    assert QApplication.activeModalWidget() is None

    row = _row(w)
    assert row[1] == "Năm 2025"                                      # no "mã 01b8e458"
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", row[3]), row[3]  # local, dd/mm/yyyy HH:MM
    assert not any(held_desk.s.meeting_id[:8] in cell for r in range(w.table.rowCount()) for cell in _row(w, r))
    # the year box shows "Tất cả các năm" whole
    w.year.setFocus()
    qtbot.keyClick(w.year, Qt.Key.Key_Home)                           # chosen with the keyboard
    assert w.year.currentText() == "Tất cả các năm"
    assert w.year.width() >= w.year.sizeHint().width()

    # closed: the key is forgotten; a new sitting asks again
    w.close()
    assert not w.key_remembered
    w2 = _committee_again(qtbot, tmp_path)
    assert not w2.key_remembered
    on_modal(lambda dlg: (asked.append(dlg.windowTitle()), dlg.reject()))
    assert not w2.open_package(second.path)
    assert len(asked) == 2 and isinstance(QDialog, type)


def _committee_again(qtbot, tmp_path):
    from kiemdiem_desktop.gui.crypto.committee import CommitteeWindow

    w = CommitteeWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_file(tmp_path / "cap-uy.capuy")
    return w


def test_a_wrong_passphrase_is_not_remembered(held_desk, qtbot, gui_keys, tmp_path, on_modal):
    from kiemdiem_desktop.crypto.keys import load_pkcs12_key

    pkg = _make_package(held_desk, gui_keys, tmp_path / "goi.p7m")
    w = _committee(qtbot, tmp_path)
    on_modal(lambda box: box.accept() if hasattr(box, "accept") else box.close())
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(pkg.path, load=lambda: load_pkcs12_key(gui_keys / "cap-uy.p12", "sai mật khẩu"))
    assert done.args[0] == "error"
    assert not w.key_remembered
