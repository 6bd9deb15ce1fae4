"""Sao lưu / Khôi phục / Chuyển sang máy khác: the dialog of Tệp › Sao lưu… (its form is
ui/backup_dialog.ui, compiled by `make forms`)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from .common import ask_yes_no, run_in_background, show_error
from .forms.ui_backup_dialog import Ui_BackupDialog

FILE_FILTER = "Tệp dữ liệu Kiểm điểm (*.kiemdiem);;Mọi tệp (*)"


class BackupDialog(QDialog, Ui_BackupDialog):
    """Sao lưu / Khôi phục / Chuyển sang máy khác (the form: ui/backup_dialog.ui)."""

    restored = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.setupUi(self)
        self.window_ = window
        self.cf = window.cf
        self.backup_button.clicked.connect(self.backup)
        self.restore_button.clicked.connect(self.restore)
        self.move_button.clicked.connect(self.explain_move)
        self.progress.hide()

    def _busy(self, on: bool, text: str = "") -> None:
        self.progress.setVisible(on)
        for b in (self.backup_button, self.restore_button, self.move_button):
            b.setEnabled(not on)
        self.status.setText(text)

    def backup(self, dest: str | None = None) -> None:
        if not dest:
            suggested = str(Path.home() / f"sao-luu-{date.today():%Y-%m-%d}.kiemdiem")
            dest, _ = QFileDialog.getSaveFileName(self, self.tr("Sao lưu ra tệp"), suggested, FILE_FILTER)
        if not dest:
            return
        self._busy(True, self.tr("Đang sao lưu…"))
        run_in_background(lambda: self.cf.backup(dest),
                          lambda path: self._busy(False, self.tr("Đã sao lưu vào {path}.").format(path=path)),
                          lambda err: (self._busy(False), show_error(self, err)))

    def restore(self, src: str | None = None) -> None:
        if not src:
            src, _ = QFileDialog.getOpenFileName(self, self.tr("Khôi phục từ bản sao lưu"), str(Path.home()),
                                                 FILE_FILTER)
        if not src:
            return
        if not ask_yes_no(self, self.tr("Khôi phục"), self.tr(
                "Dữ liệu hiện tại sẽ được thay bằng dữ liệu trong tệp {src}.\n\n"
                "Dữ liệu hiện tại không mất: chương trình giữ nó thành một bản sao tự động "
                "trong thư mục sao lưu.\n\nTiếp tục khôi phục?").format(src=src)):
            return
        self._busy(True, self.tr("Đang khôi phục…"))

        def done(saved):
            self._busy(False, self.tr("Đã khôi phục. Dữ liệu trước đó được giữ ở {path}.").format(path=saved))
            self.restored.emit()

        run_in_background(lambda: self.cf.restore(src), done, lambda err: (self._busy(False), show_error(self, err)))

    def explain_move(self) -> None:
        QMessageBox.information(self, self.tr("Chuyển sang máy khác"), self.tr(
            "1. Cắm USB vào máy này, bấm “Sao lưu…” và chọn ổ USB.\n"
            "2. Mang USB sang máy kia, cài Kiểm điểm Desktop nếu chưa có.\n"
            "3. Trên máy kia: mở chương trình, vào Tệp › Sao lưu / Khôi phục / Chuyển sang máy khác › "
            "“Khôi phục…” và chọn tệp trên USB (hoặc chép tệp vào máy rồi dùng Tệp › Mở…).\n\n"
            "Không mở tệp trực tiếp từ USB hoặc ổ mạng khi họp: hãy chép vào máy trước."))
