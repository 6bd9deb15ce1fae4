"""The package made from the documents window of a locked meeting, then opened in committee mode:
first seen asks for the fingerprint, a known cell's new key is refused loudly, a tampered package
and a package for another key are refused in their class."""
import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui.crypto.conftest import PASS


def test_sign_the_minutes_per_role_from_the_documents_window(documents_window, qtbot, gui_keys, tmp_path):
    w = documents_window
    assert w.sign_button.isEnabled()
    dlg = w.sign_minutes(show=False)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.out.setText(str(tmp_path / "bien-ban-ky-so.pdf"))
    dlg.chooser.use_file(gui_keys / "chu-tri.p12", PASS)
    with qtbot.waitSignal(dlg.signed, timeout=60000):
        qtbot.mouseClick(dlg.sign_button, Qt.MouseButton.LeftButton)
    assert [r.field for r in dlg.reports] == ["ChuTri"] and dlg.reports[0].ok
    assert "Nguyễn Văn Hùng" in dlg.result.text() and "Chủ trì" in dlg.result.text()
    assert "ChuTri" not in dlg.result.text() and "trường" not in dlg.result.text()
    assert dlg.pdf.pageCount() > 1
    assert w.last_signed == str(tmp_path / "bien-ban-ky-so.pdf")
    assert dlg.role.currentData() == "thu-ky"          # the next role signs the same file


def _package(w, qtbot, gui_keys, out, minutes=""):
    dlg = w.package_for_committee(show=False)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.chooser.use_file(gui_keys / "chi-bo.p12", PASS)
    dlg.add_certificate(str(gui_keys / "cap-uy.crt"))
    dlg.out.setText(str(out))
    if minutes:
        dlg.minutes.setText(minutes)
    with qtbot.waitSignal(dlg.packaged, timeout=120000):
        qtbot.mouseClick(dlg.go, Qt.MouseButton.LeftButton)
    return dlg


def test_package_a_locked_meeting_shows_size_sha256_and_committee_fingerprint(documents_window, qtbot, gui_keys,
                                                                                tmp_path):
    from kiemdiem_desktop.crypto.keys import fingerprint, load_certificate

    w = documents_window
    assert w.package_button.isEnabled()
    out = tmp_path / "goi.p7m"
    dlg = _package(w, qtbot, gui_keys, out)
    data = out.read_bytes()
    assert dlg.result_box.isVisible()
    assert f"{len(data):,}".replace(",", ".") + " byte" in dlg.summary.text()
    assert "".join(dlg.sha.text().split()).lower() == hashlib.sha256(data).hexdigest()
    assert " ".join(dlg.cert_fp.text().split()) == fingerprint(load_certificate(gui_keys / "cap-uy.crt"))
    assert (tmp_path / "goi-bien-nhan.pdf").exists()
    assert dlg.chooser.passphrase.text() == ""
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []   # nothing half-written


def test_package_refuses_a_wrong_passphrase_and_writes_nothing(documents_window, qtbot, gui_keys, tmp_path):
    dlg = documents_window.package_for_committee(show=False)
    qtbot.addWidget(dlg)
    dlg.chooser.use_file(gui_keys / "chi-bo.p12", "sai-mat-khau")
    dlg.add_certificate(str(gui_keys / "cap-uy.crt"))
    out = tmp_path / "ra"
    out.mkdir()
    dlg.out.setText(str(out / "goi.p7m"))
    with qtbot.waitSignal(dlg.failed, timeout=60000) as failed:
        qtbot.mouseClick(dlg.go, Qt.MouseButton.LeftButton)
    assert "mật khẩu không đúng" in failed.args[0]
    assert list(out.iterdir()) == []


def test_the_buttons_wait_for_the_lock(documents_window, held_desk, qtbot, on_modal):
    w = documents_window
    held_desk.s.reopen("Sửa lỗi chính tả")
    w._meeting_changed()
    assert not w.package_button.isEnabled() and not w.sign_button.isEnabled()
    assert w.package_for_committee(show=False) is None


def _make_package(held_desk, gui_keys, out, stem="chi-bo"):
    from kiemdiem_desktop.crypto.keys import load_pkcs12_key, load_recipient_certificate
    from kiemdiem_desktop.services.package import make_package

    key = load_pkcs12_key(gui_keys / f"{stem}.p12", PASS)
    return make_package(held_desk.s.cf, held_desk.s.meeting_id, key, [load_recipient_certificate(gui_keys / "cap-uy.crt")],
                        out=out)


def _committee(qtbot, tmp_path):
    from kiemdiem_desktop.gui.crypto.committee import CommitteeWindow

    w = CommitteeWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.create_file(tmp_path / "cap-uy.capuy")
    return w


def _row(w, r=0):
    return [w.table.item(r, c).text() for c in range(w.table.columnCount())]


def test_committee_mode_first_seen_confirmed_then_new_key_refused(held_desk, qtbot, gui_keys, load_key, tmp_path,
                                                                 on_modal):
    pkg = _make_package(held_desk, gui_keys, tmp_path / "goi.p7m")
    w = _committee(qtbot, tmp_path)
    seen = {}

    def confirm(box):
        from PySide6.QtWidgets import QLabel
        seen["text"] = box.text()
        seen["fingerprint"] = " ".join(box.findChild(QLabel, "firstSeenFingerprint").text().split())
        seen["advice"] = box.findChild(QLabel, "firstSeenAdvice").text()
        yes = [b for b in box.buttons() if "ghi vào sổ" in b.text()][0]
        yes.click()
    on_modal(confirm)
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(pkg.path, load=load_key("cap-uy"))
    assert done.args[0] == "verified"
    assert seen["fingerprint"] == pkg.manifest["signer_fingerprint"]      # in its own field
    assert "phiếu bàn giao" in seen["advice"] and "Chi bộ Văn phòng" in seen["text"]
    row = _row(w)
    assert row[0] == "Chi bộ Văn phòng" and row[4] == "đã xác minh" and row[2] == "1"
    assert w.year.currentData() == 2025

    # the same cell, another key: a loud warning, refused, nothing unpacked
    other = _make_package(held_desk, gui_keys, tmp_path / "goi-khoa-moi.p7m", stem="chi-bo-moi")
    shown = {}
    on_modal(lambda box: (shown.setdefault("text", box.text()), shown.setdefault("icon", box.icon()),
                          box.button(QMessageBox.StandardButton.Ok).click()))
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(other.path, load=load_key("cap-uy"))
    assert done.args[0] == "refused"
    assert "CẢNH BÁO" in shown["text"] and shown["icon"] == QMessageBox.Icon.Critical
    # kept in the inbox as refused, and the text says so (the register's own sentence, not "Không ghi gì.")
    for text in (shown["text"], w.last_message):
        assert "hộp thư ghi gói này là “bị từ chối”" in text and "Không ghi gì" not in text
    states = sorted(_row(w, r)[4] for r in range(w.table.rowCount()))
    assert states == ["bị từ chối", "đã xác minh"]
    folders = list((tmp_path / "cap-uy-goi-da-mo").iterdir())
    assert len(folders) == 1


def test_committee_mode_first_seen_not_confirmed_writes_nothing(held_desk, qtbot, gui_keys, load_key, tmp_path,
                                                                on_modal):
    pkg = _make_package(held_desk, gui_keys, tmp_path / "goi.p7m")
    w = _committee(qtbot, tmp_path)
    on_modal(lambda box: [b for b in box.buttons() if "Không khớp" in b.text()][0].click())
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(pkg.path, load=load_key("cap-uy"))
    assert done.args[0] == "cancelled"
    assert w.table.rowCount() == 0
    assert not (tmp_path / "cap-uy-goi-da-mo").exists()


def test_committee_mode_refuses_tampered_and_misaddressed_packages(held_desk, qtbot, gui_keys, load_key, tmp_path,
                                                                   on_modal):
    pkg = _make_package(held_desk, gui_keys, tmp_path / "goi.p7m")
    data = bytearray(pkg.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "goi-bi-sua.p7m"
    bad.write_bytes(bytes(data))
    w = _committee(qtbot, tmp_path)
    titles = []
    on_modal(lambda box: (titles.append(box.windowTitle()), box.button(QMessageBox.StandardButton.Ok).click()))
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(bad, load=load_key("cap-uy"))
    assert done.args[0] == "damaged"
    assert "Tệp hỏng hoặc đã bị sửa" in w.last_message and titles == ["Tệp hỏng hoặc đã bị sửa"]

    on_modal(lambda box: (titles.append(box.windowTitle()), box.button(QMessageBox.StandardButton.Ok).click()))
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(pkg.path, load=load_key("cap-uy-khac"))     # not a recipient
    assert done.args[0] == "not_for_key"
    assert "Gói không gửi cho khóa này" in w.last_message
    assert w.table.rowCount() == 0
    assert not (tmp_path / "cap-uy-goi-da-mo").exists()


def test_a_cell_data_file_is_not_a_committee_file(app, qtbot, tmp_path, on_modal):
    from kiemdiem_desktop.gui.crypto.committee import CommitteeWindow
    from kiemdiem_desktop.services import CellFile

    CellFile.open(tmp_path / "chi-bo.kiemdiem", create=True).close(backup=False)

    w = CommitteeWindow()
    qtbot.addWidget(w)
    texts = []
    on_modal(lambda box: (texts.append(box.text()), box.button(QMessageBox.StandardButton.Ok).click()))
    assert not w.open_file(tmp_path / "chi-bo.kiemdiem")
    assert "không phải tệp của cấp ủy cấp trên" in texts[0]
    assert not w.open_button.isEnabled()
