"""Trợ giúp › Bắt đầu (F1): a secretary's first meeting, step by step, in pictures the program
takes of itself. The pictures are made the first time the page is opened (from a demo cell in a
temporary folder, never the user's file) and kept in the data folder for this version."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget,
)

from .. import __version__, paths

SIZE = (1100, 640)       # the pictures: a laptop window, scaled down in the page


def tr(text: str) -> str:
    return QCoreApplication.translate("help", text)


# (file, title, what to do) — the meeting's path, in order
STEPS = [
    ("1-chi-bo.png", "1. Chi bộ và đảng viên",
     "Trang <b>Chi bộ</b>: tên chi bộ, đảng bộ cấp trên. Trang <b>Đảng viên</b>: nhập danh sách từ Excel "
     "hoặc CSV (Ctrl+I) hoặc thêm từng người (Ins). Mỗi thay đổi được lưu ngay."),
    ("2-chuan-bi.png", "2. Chuẩn bị cuộc họp",
     "Trang <b>Cuộc họp</b> › <b>Cuộc họp mới…</b>: số biên bản, ngày, giờ, địa điểm, chủ trì, thư ký, "
     "đại biểu, chương trình, bản tự kiểm điểm. Mở lại bất cứ lúc nào bằng <b>Chuẩn bị cuộc họp…</b> "
     "(F4 trong cửa sổ hội nghị)."),
    ("3-diem-danh.png", "3. Khai mạc và điểm danh",
     "Bấm <b>Khai mạc</b> (Alt+K), rồi <b>Tất cả có mặt</b> và sửa từng người: phím 1–4 cho tình trạng, "
     "Enter để ghi lý do, Tab để ghi giờ đến muộn, giờ về sớm. F3 mở lại bảng điểm danh lúc nào cũng được."),
    ("4-kiem-diem.png", "4. Kiểm điểm từng người",
     "Gõ tên người phát biểu (không dấu cũng được), Tab, gõ ý kiến, Ctrl+Enter để ghi. Rồi ý kiến tiếp thu "
     "và kết luận của chủ trì. <b>Tiếp ▶</b> (Alt+→) sang người sau; chương trình nói rõ còn thiếu gì."),
    ("5-bieu-quyet.png", "5. Biểu quyết xếp loại",
     "Chọn giơ tay hoặc bỏ phiếu, bấm <b>Bắt đầu biểu quyết</b>. Gõ số phiếu; số liệu không khớp thì chương "
     "trình chỉ đúng dòng sai và chưa cho công bố. Ctrl+Z hoàn tác cả thao tác vừa làm."),
    ("6-thong-qua.png", "6. Thông qua biên bản, bế mạc",
     "Biểu quyết thông qua biên bản; công bố kết quả sẽ khóa biên bản (chương trình hỏi trước). "
     "Ghi giờ bế mạc rồi <b>Tiếp ▶</b>."),
    ("7-van-ban.png", "7. Văn bản, ký số, gửi cấp trên",
     "<b>Văn bản hội nghị</b> (Ctrl+Shift+V): xem, in, lưu biên bản và các văn bản. <b>Ký số…</b> lần lượt "
     "chủ trì và thư ký; <b>Đóng gói gửi cấp trên…</b> lập gói đã ký và mã hóa."),
]


def pictures_dir() -> Path:
    return paths.data_dir() / f"tro-giup-{__version__}"


def make_pictures(folder: Path | None = None) -> Path:
    """Take the pictures of the meeting's path (help_pictures.make_pictures, found through
    start_help_hook: it draws the windows that open this page); returns the folder."""
    from . import start_help_hook

    if start_help_hook.take_pictures is None:
        raise RuntimeError("help: no picture taker (gui/__init__.py sets start_help_hook.take_pictures)")
    return start_help_hook.take_pictures(Path(folder or pictures_dir()))


def page_html(folder: Path) -> str:
    parts = [f"<h2>{html.escape(tr('Bắt đầu: hội nghị kiểm điểm đầu tiên'))}</h2>",
             "<p>" + html.escape(tr("Bảy bước, theo thứ tự của hội nghị. Hình dưới đây do chương trình tự chụp "
                                    "từ một chi bộ mẫu.")) + "</p>"]
    for name, title, text in STEPS:
        url = QUrl.fromLocalFile(str(folder / name)).toString()
        parts.append(f"<h3>{html.escape(tr(title))}</h3><p>{tr(text)}</p>"
                     f'<p><img src="{url}" width="{SIZE[0] * 6 // 10}"></p>')
    parts.append("<h3>" + html.escape(tr("Phím tắt hay dùng")) + "</h3><p>" + tr(
        "Ctrl+= phóng to chữ, Ctrl+- thu nhỏ, Ctrl+0 về cỡ mặc định · F3 điểm danh · F5 trình chiếu (bấm lại để "
        "tắt) · Ctrl+Z hoàn tác, tên thao tác ở menu Sửa · Esc hoặc Ctrl+W đóng cửa sổ văn bản.") + "</p>")
    return "\n".join(parts)


class StartHelp(QDialog):
    """The "Bắt đầu" page; the pictures are taken on its first opening (a few seconds)."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setObjectName("startHelp")
        self.setWindowTitle(tr("Bắt đầu — Kiểm điểm Desktop"))
        folder = Path(folder or pictures_dir())
        if not all((folder / name).exists() for name, _, _ in STEPS):
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                make_pictures(folder)
            finally:
                QApplication.restoreOverrideCursor()
        self.folder = folder
        self.page = QTextBrowser()
        self.page.setObjectName("startHelpPage")
        self.page.setOpenExternalLinks(False)
        self.page.setHtml(page_html(folder))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đó&ng"))
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+W"), self, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        from .meeting.widgets import fit_initial_size

        fit_initial_size(self, 900, 700)
        self.page.setFocus()


def show_start_help(parent: QWidget | None = None) -> StartHelp:
    dlg = StartHelp(parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dlg.show()
    return dlg
