"""Marking a member as left: the day and the reason."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ..vn.dates import DateError
from .common import DateField


class LeaveDialog(QDialog):
    """Asks the day a member left the cell and why."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đánh dấu đã chuyển đi"))
        self.day = DateField(date.today())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("ví dụ: chuyển sinh hoạt đảng về Đảng bộ phường …"))
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(QLabel(self.tr("<b>{name}</b> thôi sinh hoạt tại chi bộ. Mọi thông tin cũ vẫn được giữ.")
                           .format(name=name)))
        form.addRow(self.tr("&Ngày chuyển đi:"), self.day)
        hint = QLabel(self.tr("Từ ngày này đồng chí không còn tính là đang sinh hoạt tại chi bộ."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(self.tr("&Lý do:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _check(self) -> None:
        try:
            d = self.day.date()
        except DateError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        if d is None:
            self.error.setText(self.tr("Hãy nhập ngày chuyển đi."))
            self.error.show()
            return
        self.accept()
