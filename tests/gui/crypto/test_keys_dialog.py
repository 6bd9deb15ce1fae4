"""Khóa và chứng thư số: a key made through the dialog; the committee certificate refused unless
RSA with keyEncipherment, with the core's Vietnamese message."""
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from tests.gui.crypto.conftest import PASS


def _dialog(qtbot):
    from kiemdiem_desktop.gui.crypto.keys import KeysDialog

    d = KeysDialog(cell_name="Chi bộ Văn phòng")
    qtbot.addWidget(d)
    d.show()
    return d


def test_make_a_key_through_the_dialog(app, qtbot, tmp_path, type_text):
    from kiemdiem_desktop.crypto.keys import load_pkcs12_key

    d = _dialog(qtbot)
    d.new_name.clear()
    type_text(d.new_name, "Chi bộ Phòng Tổ chức")
    qtbot.keyClicks(d.new_pass, PASS)
    qtbot.keyClicks(d.new_pass2, PASS + "x")
    d.new_out.setText(str(tmp_path / "khoa-chi-bo.p12"))
    qtbot.mouseClick(d.new_button, Qt.MouseButton.LeftButton)
    assert "không giống nhau" in d.new_result.text()
    assert not (tmp_path / "khoa-chi-bo.p12").exists()

    d.new_pass.clear()
    d.new_pass2.clear()
    qtbot.keyClicks(d.new_pass, PASS)
    qtbot.keyClicks(d.new_pass2, PASS)
    with qtbot.waitSignal(d.keyMade, timeout=30000) as made:
        qtbot.mouseClick(d.new_button, Qt.MouseButton.LeftButton)
    p12 = made.args[0]
    assert d.new_pass.text() == "" and d.new_pass2.text() == ""          # the secret is not kept
    key = load_pkcs12_key(p12, PASS)
    assert key.name == "Chi bộ Phòng Tổ chức"
    shown = d.new_fp.text().split()
    assert len(shown) == 16 and all(len(g) == 4 for g in shown)
    assert " ".join(shown) == key.fingerprint
    assert "sao lưu" in d.new_result.text()
    assert (tmp_path / "khoa-chi-bo.crt").exists()

    # the same place again: never overwrite a key
    qtbot.keyClicks(d.new_pass, PASS)
    qtbot.keyClicks(d.new_pass2, PASS)
    qtbot.mouseClick(d.new_button, Qt.MouseButton.LeftButton)
    assert "không ghi đè" in d.new_result.text()


def test_an_existing_key_is_checked_and_the_passphrase_not_kept(app, qtbot, gui_keys):
    d = _dialog(qtbot)
    d.tabs.setCurrentIndex(1)
    d.chooser.use_file(gui_keys / "chi-bo.p12", "sai-mat-khau")
    qtbot.mouseClick(d.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy, timeout=20000)
    assert "mật khẩu không đúng" in d.check_result.text()
    d.chooser.use_file(gui_keys / "chi-bo.p12", PASS)
    with qtbot.waitSignal(d.keyChecked, timeout=20000):
        qtbot.mouseClick(d.check_button, Qt.MouseButton.LeftButton)
    assert "Chi bộ Văn phòng" in d.check_result.text()
    assert d.chooser.passphrase.text() == ""


def test_token_page_shows_the_pin_warning(app, qtbot):
    d = _dialog(qtbot)
    d.tabs.setCurrentIndex(1)
    d.chooser.kind.setCurrentIndex(1)
    warning = d.chooser.findChild(type(d.check_result), "pinWarning")
    assert warning.isVisible() and "khóa sau vài lần nhập sai mã PIN" in warning.text()
    assert d.chooser.pin.echoMode() == d.chooser.pin.EchoMode.Password


def _ec_certificate(path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Cấp ủy EC")])
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=True, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    path.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    return path


def test_committee_certificate_refused_unless_rsa_with_key_encipherment(app, qtbot, gui_keys, tmp_path):
    from kiemdiem_desktop.crypto.keys import fingerprint, load_certificate

    d = _dialog(qtbot)
    d.tabs.setCurrentIndex(2)
    d.cert_path.setText(str(_ec_certificate(tmp_path / "cap-uy-ec.der")))
    qtbot.mouseClick(d.cert_button, Qt.MouseButton.LeftButton)
    assert "không dùng khóa RSA" in d.cert_result.text()
    assert d.cert_fp.text() == ""

    d.cert_path.setText(str(gui_keys / "chi-bo.crt"))          # RSA, signing only
    qtbot.mouseClick(d.cert_button, Qt.MouseButton.LeftButton)
    assert "keyEncipherment" in d.cert_result.text()
    assert d.cert_fp.text() == ""

    d.cert_path.setText(str(gui_keys / "cap-uy.crt"))
    with qtbot.waitSignal(d.certificateImported, timeout=2000):
        qtbot.mouseClick(d.cert_button, Qt.MouseButton.LeftButton)
    assert " ".join(d.cert_fp.text().split()) == fingerprint(load_certificate(gui_keys / "cap-uy.crt"))
    assert "Đảng ủy Sở Nội vụ" in d.cert_result.text()
