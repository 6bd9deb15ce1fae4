"""The one widget every screen uses to name a key: a .p12/.pfx file (passphrase) or a key on a
token (module, labels, PIN). Its form is ui/key_chooser.ui; ``loader()`` checks the fields in the
GUI thread and returns a function the worker calls to open the key (the caller closes the handle).
The passphrase and PIN live only in their fields and are cleared when taken, never stored."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton, QSizePolicy, QWidget

from ...crypto.keys import TOKEN_PIN_WARNING, load_pkcs12_key, load_token_key, usual_token_modules
from ...i18n import UserError
from ..common import settings
from ..forms.ui_key_chooser import Ui_KeyChooser

KEY_FILTER = "Tệp khóa (*.p12 *.pfx);;Mọi tệp (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("crypto", text)


def connect_browse(edit: QLineEdit, button: QPushButton, pick: Callable[[], str]) -> None:
    """The "Chọn tệp…" button beside ``edit``: what ``pick()`` returns (a path, or "") fills it."""
    button.clicked.connect(lambda: (lambda p: p and edit.setText(p))(pick()))
    edit.browse_button = button  # for tests


class KeyChooser(QWidget, Ui_KeyChooser):
    """A key as a .p12/.pfx file (passphrase) or on a token (module, labels, PIN).
    ``purpose`` names the settings entry that remembers the file and labels (never the secret);
    a form that makes the chooser (KeyChooser(parent)) names it with ``set_purpose``."""

    FILE, TOKEN = 0, 1

    def __init__(self, purpose: str | QWidget = "", parent: QWidget | None = None):
        if isinstance(purpose, QWidget):      # made by a compiled form: KeyChooser(parent)
            purpose, parent = "", purpose
        super().__init__(parent)
        self.setupUi(self)
        self.purpose = ""
        connect_browse(self.p12, self.p12_browse, self._pick_p12)
        found = usual_token_modules()
        self.module.addItems(found)
        self.module.lineEdit().setPlaceholderText(
            tr("không thấy thư viện của nhà cung cấp trên máy này — hãy chọn tệp") if not found else "")
        self.module_browse.clicked.connect(self._pick_module)
        self.pinWarning.setText(TOKEN_PIN_WARNING)
        self.kind.currentIndexChanged.connect(self._show_page)
        if purpose:
            self.set_purpose(purpose)
        else:
            self._show_page(self.kind.currentIndex())

    def set_purpose(self, purpose: str) -> None:
        """Name the settings entry, and fill the fields with the file and labels it remembers."""
        self.purpose = purpose
        s = settings()
        self.p12.setText(str(s.value(f"keys/{purpose}/p12", "") or ""))
        saved = str(s.value(f"keys/{purpose}/module", "") or "")
        if saved:
            self.module.setEditText(saved)
        self.token_label.setText(str(s.value(f"keys/{purpose}/token", "") or ""))
        self.key_label.setText(str(s.value(f"keys/{purpose}/key_label", "") or ""))
        self.kind.setCurrentIndex(int(s.value(f"keys/{purpose}/kind", 0) or 0))
        self._show_page(self.kind.currentIndex())

    def _show_page(self, i: int) -> None:
        """The stack as tall as the page shown (a file key needs two rows, a token five)."""
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
