"""Issue 11 item 5: the package is never signed with the committee's receive-only key, minutes
signed by one role only are not packaged without a word, the signer can make a personal key."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.crypto.conftest import PASS


def _make_key(qtbot, dlg, name, purpose, out, type_text):
    dlg.tabs.setCurrentIndex(0)
    dlg.new_name.setFocus()
    dlg.new_name.selectAll()
    type_text(dlg.new_name, name)
    dlg.new_purpose.setCurrentIndex(dlg.new_purpose.findData(purpose))
    dlg.new_pass.setText(PASS)
    dlg.new_pass2.setText(PASS)
    dlg.new_out.setText(str(out))
    with qtbot.waitSignal(dlg.keyMade, timeout=60000):
        qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)


def test_the_committee_key_made_here_is_never_offered_to_sign(documents_window, qtbot, gui_keys, tmp_path,
                                                              type_text):
    from kiemdiem_desktop.gui.crypto.keys import KeysDialog

    keys = KeysDialog(documents_window)
    qtbot.addWidget(keys)
    keys.show()
    _make_key(qtbot, keys, "Đảng ủy Sở Nội vụ", "encryption", tmp_path / "cap-uy-nhan.p12", type_text)
    dlg = documents_window.package_for_committee(show=False)
    qtbot.addWidget(dlg)
    assert dlg.chooser.p12.text() != str(tmp_path / "cap-uy-nhan.p12")        # not pre-filled with it
    # chosen by hand anyway: refused, with the reason, nothing written
    dlg.chooser.use_file(gui_keys / "cap-uy.p12", PASS)
    dlg.add_certificate(str(gui_keys / "cap-uy.crt"))
    dlg.out.setText(str(tmp_path / "goi.p7m"))
    with qtbot.waitSignal(dlg.failed, timeout=60000) as failed:
        qtbot.mouseClick(dlg.go, Qt.MouseButton.LeftButton)
    assert "chỉ dùng để nhận gói" in failed.args[0]
    assert not (tmp_path / "goi.p7m").exists()


def test_minutes_signed_by_the_chair_only_are_not_packaged_silently(documents_window, qtbot, gui_keys, tmp_path,
                                                                    on_modal):
    w = documents_window
    sign = w.sign_minutes(show=False)
    qtbot.addWidget(sign)
    sign.out.setText(str(tmp_path / "bien-ban-ky-so.pdf"))
    sign.chooser.use_file(gui_keys / "chu-tri.p12", PASS)
    with qtbot.waitSignal(sign.signed, timeout=60000):
        qtbot.mouseClick(sign.sign_button, Qt.MouseButton.LeftButton)
    dlg = w.package_for_committee(show=False)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.minutes.text() == str(tmp_path / "bien-ban-ky-so.pdf")
    dlg.chooser.use_file(gui_keys / "chi-bo.p12", PASS)
    dlg.add_certificate(str(gui_keys / "cap-uy.crt"))
    dlg.out.setText(str(tmp_path / "goi.p7m"))
    asked = {}

    def answer_no(box):
        asked["text"] = box.text()
        box.button(QMessageBox.StandardButton.No).click()
    on_modal(answer_no)
    with qtbot.waitSignal(dlg.failed, timeout=10000) as failed:
        qtbot.mouseClick(dlg.go, Qt.MouseButton.LeftButton)
    assert "chưa có chữ ký của: Thư ký" in asked["text"]
    assert "Thư ký" in failed.args[0]
    assert not (tmp_path / "goi.p7m").exists()


def test_the_sign_dialog_makes_a_personal_key(documents_window, qtbot, tmp_path, type_text):
    sign = documents_window.sign_minutes(show=False)
    qtbot.addWidget(sign)
    sign.show()
    qtbot.mouseClick(sign.new_key_button, Qt.MouseButton.LeftButton)
    keys = sign.key_dialog
    assert keys.new_purpose.currentData() == "signing"
    _make_key(qtbot, keys, "Nguyễn Văn Hùng", "signing", tmp_path / "khoa-ca-nhan.p12", type_text)
    assert sign.chooser.p12.text() == str(tmp_path / "khoa-ca-nhan.p12")
    sign.chooser.passphrase.setText(PASS)
    sign.out.setText(str(tmp_path / "bien-ban-ky-so.pdf"))
    with qtbot.waitSignal(sign.signed, timeout=60000):
        qtbot.mouseClick(sign.sign_button, Qt.MouseButton.LeftButton)
    assert "Nguyễn Văn Hùng" in sign.result.text()
