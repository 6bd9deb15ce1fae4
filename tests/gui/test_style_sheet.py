"""Issue 13: every style in ui/style.qss, states as dynamic properties. A message said to be an
error really shows in the error colour (pixels of the drawn window), at 100 % and at 150 % zoom;
the zoom keeps the whole sheet."""
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from kiemdiem_desktop.gui.common import set_style_property, style_property
from kiemdiem_desktop.gui.main_window import BASE_POINT_SIZE, ZOOM_MARK, apply_zoom

ERROR, OK = QColor("#b00020"), QColor("#1b5e20")


def colours(widget) -> set[tuple[int, int, int]]:
    QApplication.processEvents()
    img = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return {QColor(img.pixel(x, y)).getRgb()[:3] for y in range(img.height()) for x in range(img.width())}


def rgb(c: QColor):
    return c.getRgb()[:3]


def test_the_committee_message_shows_red_for_an_error_and_green_when_done(app, qtbot):
    from kiemdiem_desktop.gui.crypto.committee import CommitteeWindow

    w = CommitteeWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    label = w.message
    for step in (0, 6):                    # 100 %, then 150 % (17 pt of 11)
        size = apply_zoom(step)
        assert app.styleSheet().count(ZOOM_MARK) == 1 and 'QLabel[state="error"]' in app.styleSheet()
        w._say("Không chấp nhận gói: chứng thư không thuộc tổ chức chứng thực đã nhập. Không ghi gì.", error=True)
        assert style_property(label, "state") == "error"
        assert label.palette().color(QPalette.ColorRole.WindowText) == ERROR
        assert label.font().bold() and label.font().pointSizeF() == size >= BASE_POINT_SIZE
        seen = colours(label)
        assert rgb(ERROR) in seen and rgb(OK) not in seen
        w._say("Gói hợp lệ: Chi bộ Văn phòng, năm 2025, lần 1.")
        seen = colours(label)
        assert rgb(OK) in seen and rgb(ERROR) not in seen and not label.font().bold()
    apply_zoom(0)
    w.close()


def test_a_property_cleared_gives_the_ordinary_label_back(app, qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel("Đang mở và kiểm tra goi.p7m…")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    plain = label.palette().color(QPalette.ColorRole.WindowText)
    set_style_property(label, "state", "error")
    assert label.palette().color(QPalette.ColorRole.WindowText) == ERROR
    set_style_property(label, "state", "")
    assert label.palette().color(QPalette.ColorRole.WindowText) == plain
    assert rgb(ERROR) not in colours(label)
