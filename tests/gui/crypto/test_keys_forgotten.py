"""A key unlocked to sign the minutes is not kept in memory after its data file is closed or another
file is opened: signing again after reopening the file asks for the key's passphrase again and
unlocks the key file afresh."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.crypto.conftest import PASS


def _documents(launcher, meeting_id, qtbot):
    launcher.window.meetings.open_documents(meeting_id)
    docs = launcher.window.meetings.guides[-1]
    qtbot.waitUntil(lambda: "minutes_pdf" in docs.files and docs.page_count() > 0, timeout=30000)
    return docs


def _sign(dlg, qtbot, *, expect_failure: bool = False) -> str:
    signal = dlg.failed if expect_failure else dlg.signed
    with qtbot.waitSignal(signal, timeout=60000) as got:
        qtbot.mouseClick(dlg.sign_button, Qt.MouseButton.LeftButton)
    return got.args[0]


def test_a_second_signature_after_reopening_the_file_asks_for_the_passphrase_again(held_desk, qtbot, gui_keys,
                                                                                      tmp_path):
    from kiemdiem_desktop.crypto import keys
    from kiemdiem_desktop.gui.app import Launcher
    from kiemdiem_desktop.services import CellFile

    cf, meeting_id = held_desk.s.cf, held_desk.s.meeting_id
    path = cf.path
    cf.close(backup=False)                                  # the window opens the file itself
    CellFile.open(tmp_path / "chi-bo-khac.kiemdiem", create=True).close(backup=False)
    keys.forget_unlocked_keys()
    launcher = Launcher(QApplication.instance())
    launcher.switch_to(str(path))
    qtbot.addWidget(launcher.window)

    docs = _documents(launcher, meeting_id, qtbot)
    dlg = docs.sign_minutes(show=False)
    dlg.out.setText(str(tmp_path / "bien-ban-ky-so.pdf"))
    dlg.chooser.use_file(gui_keys / "chu-tri.p12", PASS)
    assert _sign(dlg, qtbot) == str(tmp_path / "bien-ban-ky-so.pdf")
    assert dlg.chooser.passphrase.text() == ""             # taken out of the field when used
    assert len(keys._UNLOCKED) == 1                         # kept while the file is open
    dlg.close()

    launcher.switch_to(str(tmp_path / "chi-bo-khac.kiemdiem"))    # another file: the first window closes
    qtbot.addWidget(launcher.window)
    assert launcher.window.cf.path.name == "chi-bo-khac.kiemdiem"
    assert keys._UNLOCKED == {}                             # the key is not kept after its file

    launcher.switch_to(str(path))                           # reopened
    qtbot.addWidget(launcher.window)
    docs = _documents(launcher, meeting_id, qtbot)
    dlg = docs.sign_minutes(show=False)                     # deleted with its documents window
    assert dlg.chooser.p12.text() == str(gui_keys / "chu-tri.p12")   # the file is remembered, not the secret
    assert dlg.chooser.passphrase.text() == ""
    dlg.out.setText(str(tmp_path / "bien-ban-ky-so-2.pdf"))
    assert "mật khẩu không đúng" in _sign(dlg, qtbot, expect_failure=True)   # no passphrase: refused
    assert not (tmp_path / "bien-ban-ky-so-2.pdf").exists() and keys._UNLOCKED == {}
    dlg.chooser.passphrase.setText(PASS)
    assert _sign(dlg, qtbot) == str(tmp_path / "bien-ban-ky-so-2.pdf")
    assert len(keys._UNLOCKED) == 1

    launcher.window.close()                                 # closing the file (and the program)
    assert keys._UNLOCKED == {}
