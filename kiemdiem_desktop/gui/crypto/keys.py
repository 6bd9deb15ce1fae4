"""Khóa và chứng thư số: make a key for the cell, try an existing key (a .p12 file or a token),
import the higher committee's certificate. Every key operation runs off the GUI thread; the
passphrases and PINs live only in their password fields and are cleared after use, never stored.
The forms are ui/keys_dialog.ui and ui/key_dialog.ui; ``KeyChooser`` (key_chooser.py, imported
from here too) is the one widget every screen uses to name a key (file or token)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QWidget

from ...crypto.keys import common_name, fingerprint, load_recipient_certificate, new_key
from ...i18n import UserError
from ..common import error_text, refit, relayout, run_in_background, set_style_property, settings
from ..forms.ui_key_dialog import Ui_KeyDialog
from ..forms.ui_keys_dialog import Ui_KeysDialog
from .key_chooser import KEY_FILTER, KeyChooser, connect_browse, tr  # noqa: F401 - imported from here too

CERT_FILTER = "Chứng thư số (*.cer *.crt *.pem *.der);;Mọi tệp (*)"
BACKUP_REMINDER = ("Hãy sao lưu ngay tệp khóa (.p12) sang một USB cất giữ riêng, và ghi nhớ mật khẩu ở nơi an toàn: "
                   "mất tệp hoặc quên mật khẩu thì không dùng khóa này được nữa. Tệp chứng thư (.crt) bên cạnh "
                   "không bí mật: gửi nó cho cấp ủy cấp trên cùng dấu vân tay để đối chiếu.")


def mono_font() -> QFont:
    f = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    f.setPointSizeF(max(f.pointSizeF(), 11))
    return f


def split_fingerprint(fp: str) -> str:
    """16 groups on two lines of eight (easier to read over the phone)."""
    groups = fp.split()
    return " ".join(groups[:8]) + ("\n" + " ".join(groups[8:]) if len(groups) > 8 else "")


def set_error(lbl: QLabel, text: str) -> None:
    """Show ``text`` as a failure (ui/style.qss: QLabel[state="error"]); "" clears the state."""
    set_style_property(lbl, "state", "error" if text else "")
    lbl.setText(text)


def fingerprint_font(*labels: QLabel) -> None:
    """Fingerprints in a fixed-width font, large enough to read aloud (the forms make the labels)."""
    for lbl in labels:
        lbl.setFont(mono_font())
        lbl.setText(" ")        # measured anew in this font (an empty label kept the height of the form's font)
        lbl.clear()


class KeyDialog(QDialog, Ui_KeyDialog):
    """Ask for a key (committee mode: the committee's key to open a package)."""

    def __init__(self, purpose: str, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.setWindowTitle(title)
        self.chooser.set_purpose(purpose)
        self.intro.setText(intro)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Dùng khóa này"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Thôi"))
        self.buttons.accepted.connect(self._accept)
        self.load = None
        relayout(self)
        self.resize(640, 0)

    def _accept(self) -> None:
        try:
            self.load = self.chooser.loader()
        except UserError as err:
            set_error(self.error, error_text(err))
            return
        self.accept()


# -- certificates remembered -------------------------------------------------------------------------
def committee_certificates() -> list[str]:
    value = settings().value("keys/committee_certificates", [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in value or []]


def remember_committee_certificate(path: str) -> None:
    s = settings()
    s.setValue("keys/committee_certificates", [path] + [p for p in committee_certificates() if p != path][:7])
    s.sync()


def require_signing_key(key) -> None:
    """Refuse a key whose certificate does not allow signing (a key made "only to receive
    packages", the committee's): it must not sign minutes or a package."""
    from cryptography import x509

    try:
        usage = key.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not (usage.digital_signature or usage.content_commitment):
        raise UserError(tr("Khóa “{name}” chỉ dùng để nhận gói (mã hóa), không dùng để ký được. Hãy chọn khóa ký "
                           "của chi bộ hoặc khóa cá nhân của người ký.").format(name=key.name))


# -- the dialog ---------------------------------------------------------------------------------------
class KeysDialog(QDialog, Ui_KeysDialog):
    """Khóa và chứng thư số: three tabs — a new key, an existing key, the committee's certificate."""

    keyMade = Signal(str)           # the .p12 path
    keyChecked = Signal(str)        # the fingerprint
    certificateImported = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, cell_name: str = "", remember_as: str = "cell"):
        super().__init__(parent)
        self.setObjectName("keysDialog")
        self.setupUi(self)
        self.remember_as = remember_as           # the KeyChooser purpose a new signing key fills
        self.busy = False
        self.close_box.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đó&ng"))
        fingerprint_font(self.new_fp, self.check_fp, self.cert_fp)
        # a new key
        self.new_name.setText(cell_name)
        for text, value in ((tr("Để ký (gói gửi cấp trên, biên bản)"), "signing"),
                            (tr("Để nhận gói (cấp ủy cấp trên)"), "encryption")):
            self.new_purpose.addItem(text, value)
        refit(self.new_purpose)
        start = Path(str(settings().value("keys/folder", "") or Path.home())) / "khoa-chi-bo.p12"
        self.new_out.setText(str(start))
        connect_browse(self.new_out, self.new_out_browse, self._pick_new_out)
        self.new_button.clicked.connect(self.make_key)
        # an existing key
        self.chooser.set_purpose("cell")
        self.check_button.clicked.connect(self.check_key)
        # the committee's certificate
        known = committee_certificates()
        self.cert_path.setText(known[0] if known else "")
        connect_browse(self.cert_path, self.cert_browse, self._pick_cert)
        self.cert_button.clicked.connect(self.import_certificate)
        relayout(self)
        self.resize(900, 620)

    def _pick_new_out(self) -> str:
        return QFileDialog.getSaveFileName(self, tr("Lưu tệp khóa"), self.new_out.text(), KEY_FILTER)[0]

    def make_key(self) -> None:
        if self.busy:
            return
        name, out = self.new_name.text().strip(), self.new_out.text().strip()
        p1, p2 = self.new_pass.text(), self.new_pass2.text()
        self.new_fp.clear()
        if not name:
            return set_error(self.new_result, tr("Cần tên của người hoặc đơn vị giữ khóa."))
        if len(p1) < 8:
            return set_error(self.new_result, tr("Mật khẩu bảo vệ khóa cần ít nhất 8 ký tự."))
        if p1 != p2:
            return set_error(self.new_result, tr("Hai lần nhập mật khẩu không giống nhau."))
        if not out:
            return set_error(self.new_result, tr("Chưa chọn nơi lưu tệp khóa."))
        path = Path(out)
        if path.suffix.lower() not in (".p12", ".pfx"):
            path = path.with_suffix(".p12")
        if path.exists():
            return set_error(self.new_result, tr("Tệp {path} đã có: không ghi đè một khóa. Hãy chọn tên khác.").format(
                path=path))
        purpose = self.new_purpose.currentData()
        self.new_pass.clear()
        self.new_pass2.clear()
        self._busy(True, self.new_result, tr("Đang tạo khóa (vài giây)…"))

        def job():
            from ...crypto.keys import load_certificate
            p12, crt = new_key(name, path, p1, purpose=purpose)
            return p12, crt, fingerprint(load_certificate(crt))
        run_in_background(job, self._made, lambda err: self._failed(self.new_result, err))

    def _made(self, result) -> None:
        p12, crt, fp = result
        self._busy(False)
        s = settings()
        s.setValue("keys/folder", str(Path(p12).parent))
        # a key that only receives packages (the committee's) is never offered to sign with
        purpose = self.new_purpose.currentData()
        if purpose != "encryption":
            s.setValue(f"keys/{self.remember_as}/p12", str(p12))
        else:
            s.setValue("keys/committee/p12", str(p12))
        s.sync()
        set_error(self.new_result, "")
        self.new_result.setText(tr("Đã tạo khóa <b>{p12}</b> (chỉ tài khoản của bạn đọc được) và chứng thư "
                                   "<b>{crt}</b>.<br><br>{backup}<br><br>Dấu vân tay (SHA-256) của chứng thư:").format(
            p12=p12, crt=crt, backup=BACKUP_REMINDER))
        self.new_fp.setText(split_fingerprint(fp))
        self.keyMade.emit(str(p12))

    # -- an existing key ---------------------------------------------------------------------------
    def check_key(self) -> None:
        if self.busy:
            return
        self.check_fp.clear()
        try:
            load = self.chooser.loader()
        except UserError as err:
            return set_error(self.check_result, error_text(err))
        self._busy(True, self.check_result, tr("Đang mở khóa…"))

        def job():
            with load() as key:
                return key.name, key.kind, key.fingerprint, key.certificate.not_valid_after_utc
        run_in_background(job, self._checked, lambda err: self._failed(self.check_result, err))

    def _checked(self, result) -> None:
        name, kind, fp, until = result
        self._busy(False)
        set_error(self.check_result, "")
        self.check_result.setText(tr("Khóa dùng được: <b>{name}</b> ({kind}), chứng thư hết hạn ngày {until}. "
                                     "Dấu vân tay (SHA-256):").format(
            name=name, kind=tr("tệp khóa") if kind == "file" else tr("thiết bị ký số"), until=f"{until:%d/%m/%Y}"))
        self.check_fp.setText(split_fingerprint(fp))
        self.keyChecked.emit(fp)

    # -- the committee's certificate ------------------------------------------------------------------
    def _pick_cert(self) -> str:
        return QFileDialog.getOpenFileName(self, tr("Chọn chứng thư của cấp ủy cấp trên"), self.cert_path.text(),
                                           CERT_FILTER)[0]

    def import_certificate(self) -> bool:
        path = self.cert_path.text().strip()
        self.cert_fp.clear()
        if not path:
            set_error(self.cert_result, tr("Chưa chọn tệp chứng thư."))
            return False
        try:
            cert = load_recipient_certificate(path)
        except UserError as err:
            set_error(self.cert_result, error_text(err))
            return False
        remember_committee_certificate(str(Path(path).absolute()))
        set_error(self.cert_result, "")
        self.cert_result.setText(tr("Đã nhập chứng thư của <b>{name}</b> (hết hạn ngày {until}); gói gửi cấp trên sẽ "
                                    "mã hóa cho chứng thư này. Dấu vân tay (SHA-256) — đọc để đối chiếu:").format(
            name=common_name(cert), until=f"{cert.not_valid_after_utc:%d/%m/%Y}"))
        fp = fingerprint(cert)
        self.cert_fp.setText(split_fingerprint(fp))
        self.certificateImported.emit(fp)
        return True

    # -- shared ---------------------------------------------------------------------------------------
    def _busy(self, on: bool, label: QLabel | None = None, text: str = "") -> None:
        self.busy = on
        for b in (self.new_button, self.check_button, self.cert_button):
            b.setEnabled(not on)
        if label is not None:
            set_error(label, "")
            label.setText(text)

    def _failed(self, label: QLabel, err: BaseException) -> None:
        self._busy(False)
        text = error_text(err) if isinstance(err, UserError) else tr("Không làm được: {e}").format(e=error_text(err))
        set_error(label, text)
