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
