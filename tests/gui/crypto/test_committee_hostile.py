"""The committee window against forged packages (issue 12, items 5 and 14): the first-seen dialog
shows the fingerprint computed from the certificate in its own field whatever the cell's name
holds, and a manifest of the wrong shape is refused without leaving the window on "Đang mở…"."""
import copy

from PySide6.QtWidgets import QLabel, QMessageBox

from kiemdiem_desktop.crypto.keys import load_pkcs12_key
from tests.hostile.package_forge import (  # noqa: F401 - fixtures
    PASS, forge_dir, forge_key, forge_zip, genuine, seal, sealed,
)

FAKE = "AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111\n2222 3333 4444 5555 6666 7777 8888 9999"


def _window(qtbot, tmp_path):
    from kiemdiem_desktop.gui.crypto.committee import CommitteeWindow

    w = CommitteeWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.create_file(tmp_path / "cap-uy.capuy")
    return w


def test_a_name_cannot_push_the_real_fingerprint_out_of_the_first_seen_dialog(qtbot, tmp_path, forge_dir, forge_key,
                                                                              genuine, on_modal, app):
    src = tmp_path / "goi.p7m"
    src.write_bytes(sealed(genuine, forge_key, name="Chi bộ Văn phòng\n\n\n  " + FAKE + "\n\x1b[31m<b>x</b>"))
    w = _window(qtbot, tmp_path)
    seen = {}

    def look(box):
        box.resize(900, 420)
        seen["png"] = tmp_path / "lan-dau.png"
        box.grab().save(str(seen["png"]))
        seen["text"] = box.text()
        seen["field"] = box.findChild(QLabel, "firstSeenFingerprint").text()
        [b for b in box.buttons() if "Không khớp" in b.text()][0].click()
    on_modal(look)
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(src, load=lambda: load_pkcs12_key(forge_dir / "cap-uy.p12", PASS))
    assert done.args[0] == "cancelled"
    real = forge_key("chi-bo").fingerprint
    assert " ".join(seen["field"].split()) == real
    assert "AAAA" in seen["text"] and "⟨U+000A⟩" in seen["text"] and "⟨U+001B⟩" in seen["text"]
    assert "<b>x</b>" not in seen["text"] and "&lt;b&gt;x" in seen["text"]      # shown, not rendered
    assert "\n" not in seen["text"]
    assert not (tmp_path / "cap-uy-goi-da-mo").exists()


def test_a_manifest_of_the_wrong_shape_is_refused_and_the_window_says_so(qtbot, tmp_path, forge_dir, forge_key,
                                                                         genuine, on_modal, app):
    manifest, files = genuine
    m = copy.deepcopy(manifest)
    m["meeting"]["rating_year"] = "2025"
    m["cell"] = {"name": ["x"], "code": 1}
    src = tmp_path / "goi-sai.p7m"
    src.write_bytes(seal(forge_zip(m, files), forge_key("chi-bo"), forge_key("cap-uy").certificate))
    w = _window(qtbot, tmp_path)
    on_modal(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(src, load=lambda: load_pkcs12_key(forge_dir / "cap-uy.p12", PASS))
    assert done.args[0] == "damaged"
    text = w.message.text()
    assert "Đang mở" not in text and "goi-sai.p7m" in text and "meeting.rating_year" in text and "cell.name" in text
    assert w.open_button.isEnabled() and w.register.inbox() == []
    assert not (tmp_path / "cap-uy-goi-da-mo").exists()


def test_a_certificate_expired_before_receipt_needs_confirmation_in_the_window(qtbot, tmp_path, forge_dir, forge_key,
                                                                               genuine, on_modal, app):
    from datetime import datetime, timedelta, timezone

    from tests.hostile.package_forge import forge_zip, recoded, seal_raw
    from tests.hostile.test_certificates_hostile import _self_signed

    now = datetime.now(timezone.utc)
    p12 = _self_signed(tmp_path / "k.p12", start=now - timedelta(days=400), end=now - timedelta(days=2))
    signer = load_pkcs12_key(p12, PASS)
    m, files = recoded(genuine, signer_fp=signer.fingerprint)
    src = tmp_path / "goi-het-han.p7m"
    src.write_bytes(seal_raw(forge_zip(m, files), signer, forge_key("cap-uy").certificate, now - timedelta(days=20)))
    w = _window(qtbot, tmp_path)
    seen = {}

    def look(box):
        seen["name"] = box.objectName()
        seen["text"] = box.text()
        box.resize(820, 300)
        box.grab().save(str(tmp_path / "het-han.png"))
        [b for b in box.buttons() if "Không mở" in b.text()][0].click()
    on_modal(look)
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(src, load=lambda: load_pkcs12_key(forge_dir / "cap-uy.p12", PASS))
    assert done.args[0] == "cancelled" and seen["name"] == "expiredBox"
    assert "đã hết hạn" in seen["text"] and "gọi điện" in seen["text"]
    assert "Chưa mở gói goi-het-han.p7m" in w.message.text()
    assert w.register.inbox() == [] and not (tmp_path / "cap-uy-goi-da-mo").exists()


def test_a_refusal_naming_the_cell_is_shown_as_plain_text(qtbot, tmp_path, forge_dir, forge_key, genuine, on_modal, app):
    src = tmp_path / "goi-html.p7m"
    src.write_bytes(sealed(genuine, forge_key, code="", name="<h1 style='color:green'>ĐÃ XÁC MINH</h1>"))
    w = _window(qtbot, tmp_path)
    seen = {}

    def look(box):
        from PySide6.QtCore import Qt
        seen["format"] = box.textFormat() == Qt.TextFormat.PlainText
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.Ok).click()
    on_modal(look)
    with qtbot.waitSignal(w.opened, timeout=60000) as done:
        w.open_package(src, load=lambda: load_pkcs12_key(forge_dir / "cap-uy.p12", PASS))
    assert done.args[0] == "refused" and seen["format"] and "<h1" in seen["text"]
    assert "không ghi mã chi bộ" in seen["text"]
