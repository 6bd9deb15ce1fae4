"""The first run: what to do when there is no data file yet (a new cell, the demo, a file)."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstRunDialog(QDialog):
    NEW, DEMO, OPEN = "new", "demo", "open"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Chào mừng đến với Kiểm điểm Desktop"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr(
            "<h3>Bắt đầu</h3><p>Chương trình giúp thư ký ghi biên bản hội nghị kiểm điểm, đánh giá, "
            "xếp loại chất lượng đảng viên hằng năm. Dữ liệu chỉ nằm trên máy này.</p>"
            "<p>Bạn muốn làm gì?</p>"))
        intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&Tạo chi bộ mới"))
        self.demo_button = QPushButton(self.tr("Mở dữ liệu &mẫu (để tập dùng thử)"))
        self.open_button = QPushButton(self.tr("&Mở tệp…"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button, choice, hint in (
                (self.new_button, self.NEW, self.tr("Nhập thông tin chi bộ của bạn, rồi danh sách đảng viên.")),
                (self.demo_button, self.DEMO, self.tr("Một chi bộ giả định để tập dùng. "
                                                      "Không bao giờ lẫn vào dữ liệu thật.")),
                (self.open_button, self.OPEN, self.tr("Mở một tệp dữ liệu đã có, ví dụ chép từ máy khác."))):
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            layout.addWidget(button)
            label = QLabel(hint)
            label.setObjectName("hint")
            label.setWordWrap(True)
            layout.addWidget(label)
        self.help_button = QPushButton(self.tr("Xem &hướng dẫn bắt đầu, bằng hình (F1)"))
        self.help_button.setObjectName("startHelpButton")
        self.help_button.setAutoDefault(False)
        self.help_button.clicked.connect(self.show_start_help)
        layout.addWidget(self.help_button)
        QShortcut(QKeySequence("F1"), self, self.show_start_help)
        self.new_button.setDefault(True)
        self.new_button.setFocus()

    def show_start_help(self):
        from .help import show_start_help

        self.start_help = show_start_help(self)
        return self.start_help

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
