"""Khóa và chứng thư số: make a key for the cell, try an existing key (a .p12 file or a token),
import the higher committee's certificate. Every key operation runs off the GUI thread; the
passphrases and PINs live only in their password fields and are cleared after use, never stored.

``KeyChooser`` is the one widget every screen uses to name a key (file or token); its
``loader()`` checks the fields in the GUI thread and returns a function the worker calls to
open the key (the caller closes the handle)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from ...crypto.keys import (
    TOKEN_PIN_WARNING, common_name, fingerprint, load_pkcs12_key, load_recipient_certificate, load_token_key,
    new_key, usual_token_modules,
)
from ...i18n import UserError
from ..common import error_text, run_in_background, settings

KEY_FILTER = "Tệp khóa (*.p12 *.pfx);;Mọi tệp (*)"
CERT_FILTER = "Chứng thư số (*.cer *.crt *.pem *.der);;Mọi tệp (*)"
BACKUP_REMINDER = ("Hãy sao lưu ngay tệp khóa (.p12) sang một USB cất giữ riêng, và ghi nhớ mật khẩu ở nơi an toàn: "
                   "mất tệp hoặc quên mật khẩu thì không dùng khóa này được nữa. Tệp chứng thư (.crt) bên cạnh "
                   "không bí mật: gửi nó cho cấp ủy cấp trên cùng dấu vân tay để đối chiếu.")


def tr(text: str) -> str:
    return QCoreApplication.translate("crypto", text)


def mono_font() -> QFont:
    f = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    f.setPointSizeF(max(f.pointSizeF(), 11))
    return f


def fingerprint_label(name: str) -> QLabel:
    """A fingerprint shown in groups of four, large enough to read aloud, selectable to copy."""
    lbl = QLabel()
    lbl.setObjectName(name)
    lbl.setFont(mono_font())
    lbl.setWordWrap(True)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return lbl


def split_fingerprint(fp: str) -> str:
    """16 groups on two lines of eight (easier to read over the phone)."""
    groups = fp.split()
    return " ".join(groups[:8]) + ("\n" + " ".join(groups[8:]) if len(groups) > 8 else "")


def message_label(name: str) -> QLabel:
    lbl = QLabel()
    lbl.setObjectName(name)
    lbl.setWordWrap(True)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lbl


def set_error(lbl: QLabel, text: str) -> None:
    lbl.setStyleSheet("color: #b00020; font-weight: bold;" if text else "")
    lbl.setText(text)


def browse_row(edit: QLineEdit, button_text: str, pick: Callable[[], str]) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    b = QPushButton(button_text)
    b.clicked.connect(lambda: (lambda p: p and edit.setText(p))(pick()))
    row.addWidget(b)
    edit.browse_button = b  # for tests
    return row


def add_row(form: QFormLayout, text: str, field, buddy: QWidget) -> None:
    """A form row whose label's mnemonic (&) reaches ``buddy`` even when the field is a layout."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field)


def password_field(name: str) -> QLineEdit:
    e = QLineEdit()
    e.setObjectName(name)
    e.setEchoMode(QLineEdit.EchoMode.Password)
    e.setMinimumWidth(260)
    return e


# -- choosing a key -----------------------------------------------------------------------------
class KeyChooser(QWidget):
    """A key as a .p12/.pfx file (passphrase) or on a token (module, labels, PIN).
    ``purpose`` names the settings entry that remembers the file and labels (never the secret)."""

    FILE, TOKEN = 0, 1

    def __init__(self, purpose: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.purpose = purpose
        s = settings()
        self.kind = QComboBox()
        self.kind.setObjectName("keyKind")
        self.kind.addItems([tr("Tệp khóa (.p12 / .pfx)"), tr("Thiết bị ký số (token USB)")])

        self.p12 = QLineEdit(str(s.value(f"keys/{purpose}/p12", "") or ""))
        self.p12.setObjectName("p12Path")
        self.passphrase = password_field("passphrase")
        file_page = QWidget()
        ff = QFormLayout(file_page)
        ff.setContentsMargins(0, 0, 0, 0)
        add_row(ff, tr("Tệp &khóa:"), browse_row(self.p12, tr("Chọn tệp…"), self._pick_p12), self.p12)
        ff.addRow(tr("&Mật khẩu:"), self.passphrase)

        self.module = QComboBox()
        self.module.setObjectName("tokenModule")
        self.module.setEditable(True)
        found = usual_token_modules()
        self.module.addItems(found)
        saved = str(s.value(f"keys/{purpose}/module", "") or "")
        if saved:
            self.module.setEditText(saved)
        self.module.lineEdit().setPlaceholderText(
            tr("không thấy thư viện của nhà cung cấp trên máy này — hãy chọn tệp") if not found else "")
        self.module.setMinimumContentsLength(30)
        self.token_label = QLineEdit(str(s.value(f"keys/{purpose}/token", "") or ""))
        self.token_label.setObjectName("tokenLabel")
        self.key_label = QLineEdit(str(s.value(f"keys/{purpose}/key_label", "") or ""))
        self.key_label.setObjectName("keyLabel")
        self.pin = password_field("pin")
        warning = QLabel(TOKEN_PIN_WARNING)
        warning.setObjectName("pinWarning")
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8a4b00;")
        module_row = QHBoxLayout()
        module_row.addWidget(self.module, 1)
        browse = QPushButton(tr("Chọn thư viện…"))
        browse.clicked.connect(self._pick_module)
        module_row.addWidget(browse)
        token_page = QWidget()
        tf = QFormLayout(token_page)
        tf.setContentsMargins(0, 0, 0, 0)
        add_row(tf, tr("Thư &viện PKCS#11:"), module_row, self.module)
        tf.addRow(tr("Nhãn &thiết bị:"), self.token_label)
        tf.addRow(tr("Nhãn k&hóa:"), self.key_label)
        tf.addRow(tr("Mã &PIN:"), self.pin)
        tf.addRow(warning)

        self.pages = QStackedWidget()
        self.pages.addWidget(file_page)
        self.pages.addWidget(token_page)
        self.kind.currentIndexChanged.connect(self._show_page)
        self.kind.setCurrentIndex(int(s.value(f"keys/{purpose}/kind", 0) or 0))
        self._show_page(self.kind.currentIndex())

        lay = QFormLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addRow(tr("&Loại khóa:"), self.kind)
        lay.addRow(self.pages)

    def _show_page(self, i: int) -> None:
        """The stack as tall as the page shown (a file key needs two rows, a token five)."""
        from PySide6.QtWidgets import QSizePolicy
        for j in range(self.pages.count()):
            pol = QSizePolicy.Policy.Preferred if j == i else QSizePolicy.Policy.Ignored
            self.pages.widget(j).setSizePolicy(pol, pol)
        self.pages.setCurrentIndex(i)
        self.pages.adjustSize()

    def _pick_p12(self) -> str:
        start = self.p12.text() or str(Path.home())
        return QFileDialog.getOpenFileName(self, tr("Chọn tệp khóa"), start, KEY_FILTER)[0]

    def _pick_module(self) -> None:
        flt = "Thư viện PKCS#11 (*.dll *.so *.dylib);;Mọi tệp (*)"
        path = QFileDialog.getOpenFileName(self, tr("Chọn thư viện PKCS#11 của thiết bị ký số"), "", flt)[0]
        if path:
            self.module.setEditText(path)

    def use_file(self, path: str | Path, passphrase: str) -> None:
        """Fill the file fields (tests, and a key just made)."""
        self.kind.setCurrentIndex(self.FILE)
        self.p12.setText(str(path))
        self.passphrase.setText(passphrase)

    def loader(self) -> Callable:
        """Check the fields now; return a function (run it off the GUI thread) that opens the key.
        The secret is taken out of its field here: the field is cleared."""
        s = settings()
        s.setValue(f"keys/{self.purpose}/kind", self.kind.currentIndex())
        if self.kind.currentIndex() == self.FILE:
            path = self.p12.text().strip()
            if not path:
                raise UserError(tr("Chưa chọn tệp khóa (.p12 / .pfx)."))
            secret = self.passphrase.text()
            self.passphrase.clear()
            s.setValue(f"keys/{self.purpose}/p12", path)
            s.sync()
            return lambda: load_pkcs12_key(path, secret)
        module = self.module.currentText().strip() or None
        token, label = self.token_label.text().strip(), self.key_label.text().strip()
        if not token or not label:
            raise UserError(tr("Cần nhãn thiết bị ký số và nhãn khóa trên thiết bị."))
        pin = self.pin.text()
        if not pin:
            raise UserError(tr("Chưa nhập mã PIN. ") + TOKEN_PIN_WARNING)
        self.pin.clear()
        s.setValue(f"keys/{self.purpose}/module", module or "")
        s.setValue(f"keys/{self.purpose}/token", token)
        s.setValue(f"keys/{self.purpose}/key_label", label)
        s.sync()
        return lambda: load_token_key(module, token, label, pin)


class KeyDialog(QDialog):
    """Ask for a key (committee mode: the committee's key to open a package)."""

    def __init__(self, purpose: str, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.chooser = KeyChooser(purpose)
        self.error = message_label("keyError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Dùng khóa này"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Thôi"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        lay.addWidget(text)
        lay.addWidget(self.chooser)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.load = None
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
class KeysDialog(QDialog):
    """Khóa và chứng thư số: three tabs — a new key, an existing key, the committee's certificate."""

    keyMade = Signal(str)           # the .p12 path
    keyChecked = Signal(str)        # the fingerprint
    certificateImported = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, cell_name: str = "", remember_as: str = "cell"):
        super().__init__(parent)
        self.remember_as = remember_as           # the KeyChooser purpose a new signing key fills
        self.setObjectName("keysDialog")
        self.setWindowTitle(tr("Khóa và chứng thư số"))
        self.busy = False
        self.tabs = QTabWidget()
        self.tabs.addTab(self._new_tab(cell_name), tr("Tạo &khóa mới cho chi bộ"))
        self.tabs.addTab(self._existing_tab(), tr("Khóa &có sẵn (tệp hoặc token)"))
        self.tabs.addTab(self._certificate_tab(), tr("Chứng thư của cấp &ủy cấp trên"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đó&ng"))
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(close)
        self.resize(900, 620)

    # -- a new key -------------------------------------------------------------------------------
    def _new_tab(self, cell_name: str) -> QWidget:
        w = QWidget()
        self.new_name = QLineEdit(cell_name)
        self.new_name.setObjectName("newName")
        self.new_purpose = QComboBox()
        self.new_purpose.setObjectName("newPurpose")
        for text, value in ((tr("Để ký (gói gửi cấp trên, biên bản)"), "signing"),
                            (tr("Để nhận gói (cấp ủy cấp trên)"), "encryption")):
            self.new_purpose.addItem(text, value)
        self.new_pass = password_field("newPassphrase")
        self.new_pass2 = password_field("newPassphrase2")
        start = Path(str(settings().value("keys/folder", "") or Path.home())) / "khoa-chi-bo.p12"
        self.new_out = QLineEdit(str(start))
        self.new_out.setObjectName("newOut")
        self.new_button = QPushButton(tr("&Tạo khóa"))
        self.new_button.setObjectName("makeKey")
        self.new_button.clicked.connect(self.make_key)
        self.new_result = message_label("newResult")
        self.new_fp = fingerprint_label("newFingerprint")
        form = QFormLayout()
        form.addRow(tr("&Tên người hoặc đơn vị giữ khóa:"), self.new_name)
        form.addRow(tr("&Dùng để:"), self.new_purpose)
        form.addRow(tr("&Mật khẩu bảo vệ khóa (ít nhất 8 ký tự):"), self.new_pass)
        form.addRow(tr("Nhập &lại mật khẩu:"), self.new_pass2)
        add_row(form, tr("&Lưu tệp khóa vào:"), browse_row(self.new_out, tr("Chọn nơi lưu…"), self._pick_new_out),
                self.new_out)
        lay = QVBoxLayout(w)
        intro = QLabel(tr("Chi bộ chưa có chữ ký số của nhà cung cấp thì chương trình tạo một khóa riêng (RSA-3072, "
                          "tự ký). Mật khẩu không được lưu ở đâu cả."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.new_result)
        lay.addWidget(self.new_fp)
        lay.addStretch(1)
        return w

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
    def _existing_tab(self) -> QWidget:
        w = QWidget()
        self.chooser = KeyChooser("cell")
        self.check_button = QPushButton(tr("&Kiểm tra khóa"))
        self.check_button.setObjectName("checkKey")
        self.check_button.clicked.connect(self.check_key)
        self.check_result = message_label("checkResult")
        self.check_fp = fingerprint_label("checkFingerprint")
        lay = QVBoxLayout(w)
        intro = QLabel(tr("Chọn khóa chữ ký số của nhà cung cấp (tệp .p12/.pfx hoặc thiết bị token) hoặc khóa đã tạo "
                          "bằng chương trình, rồi kiểm tra để xem tên và dấu vân tay. Mật khẩu, mã PIN không được lưu."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addWidget(self.chooser)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.check_result)
        lay.addWidget(self.check_fp)
        lay.addStretch(1)
        return w

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
    def _certificate_tab(self) -> QWidget:
        w = QWidget()
        known = committee_certificates()
        self.cert_path = QLineEdit(known[0] if known else "")
        self.cert_path.setObjectName("certPath")
        self.cert_button = QPushButton(tr("&Nhập chứng thư"))
        self.cert_button.setObjectName("importCertificate")
        self.cert_button.clicked.connect(self.import_certificate)
        self.cert_result = message_label("certResult")
        self.cert_fp = fingerprint_label("certFingerprint")
        form = QFormLayout()
        add_row(form, tr("Tệp &chứng thư (.cer/.crt/.pem/.der):"),
                browse_row(self.cert_path, tr("Chọn tệp…"), self._pick_cert), self.cert_path)
        lay = QVBoxLayout(w)
        intro = QLabel(tr("Gói gửi cấp trên được mã hóa cho chứng thư số của cấp ủy cấp trên: chỉ cấp ủy giữ khóa "
                          "tương ứng mở được. Sau khi nhập, hãy đọc dấu vân tay qua điện thoại với cấp ủy để đối chiếu."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.cert_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.cert_result)
        lay.addWidget(self.cert_fp)
        lay.addStretch(1)
        return w

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
