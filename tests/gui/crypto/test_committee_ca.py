"""Committee mode with a CA-issued cell certificate: refused until the CA's root is imported with
"Nhập chứng thư gốc (CA)…", then accepted with the chain status shown for the selected row."""
from PySide6.QtWidgets import QMessageBox

from tests.crypto.test_chain import CA
from tests.gui.crypto.conftest import PASS
from tests.gui.crypto.test_package_and_committee import _committee


def test_ca_issued_certificate_refused_then_accepted_after_importing_the_root(held_desk, qtbot, gui_keys, load_key,
                                                                              tmp_path, on_modal):
    from kiemdiem_desktop.crypto.keys import load_pkcs12_key, load_recipient_certificate
    from kiemdiem_desktop.services.package import make_package

    ca = CA("VN Test CA")
    key = load_pkcs12_key(ca.p12(tmp_path / "chi-bo-ca.p12", "Chi bộ Văn phòng"), PASS)
    pkg = make_package(held_desk.s.cf, held_desk.s.meeting_id, key,
                       [load_recipient_certificate(gui_keys / "cap-uy.crt")], out=tmp_path / "goi.p7m")
    w = _committee(qtbot, tmp_path)
    assert w.root_button.isEnabled()
    titles = []
    on_modal(lambda box: (titles.append(box.windowTitle()), box.button(QMessageBox.StandardButton.Ok).click()))
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(pkg.path, load=load_key("cap-uy"))
    assert done.args[0] == "refused"
    assert "chứng thư không thuộc tổ chức chứng thực đã nhập" in w.last_message
    assert titles == ["Chứng thư không thuộc tổ chức chứng thực đã nhập"]
    assert not (tmp_path / "cap-uy-goi-da-mo").exists()

    assert w.import_root(ca.root_pem(tmp_path / "goc.crt"))
    assert "Đã nhập chứng thư gốc “VN Test CA Root”" in w.last_message and "Dấu vân tay" in w.last_message
    on_modal(lambda box: [b for b in box.buttons() if "ghi vào sổ" in b.text()][0].click())
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(pkg.path, load=load_key("cap-uy"))
    assert done.args[0] == "verified"
    assert "thu hồi chưa kiểm tra (không có mạng)" in w.last_message
    for r in range(w.table.rowCount()):
        if w.table.item(r, 4).text() == "đã xác minh":
            w.table.setCurrentCell(r, 0)
    assert "hợp lệ theo gốc VN Test CA Root; thu hồi chưa kiểm tra (không có mạng)" in w.detail.text()


def test_import_root_refuses_a_certificate_that_is_not_a_ca(app, qtbot, tmp_path, on_modal):
    from cryptography.hazmat.primitives import serialization

    ca = CA("VN Test CA")
    leaf = tmp_path / "la.crt"
    leaf.write_bytes(ca.issue("Chi bộ Văn phòng")[1].public_bytes(serialization.Encoding.PEM))
    w = _committee(qtbot, tmp_path)
    on_modal(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    assert not w.import_root(leaf)
    assert "không phải chứng thư của tổ chức chứng thực" in w.last_message
