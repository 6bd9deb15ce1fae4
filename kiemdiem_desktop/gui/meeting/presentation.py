"""The projector window: the step, the member under review and the headcount, in large type."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ...model import MeetingState
from ...model.review import StepKind
from .widgets import tr

BASE_POINT_SIZE = 11.0      # the main window's default application font (Xem › Cỡ chữ mặc định)


class PresentationWindow(QWidget):
    """Follows the guide (its ``changed`` signal). Ctrl+= / Ctrl+- enlarge or reduce the type;
    the main window's zoom (the application font) applies too."""

    def __init__(self, guide):
        super().__init__(None, Qt.WindowType.Window)
        self.guide = guide
        self.extra = 1.0
        self.setObjectName("presentation")
        self.setWindowTitle(tr("Trình chiếu — hội nghị kiểm điểm"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # its colours (light on dark) are in ui/style.qss, under QWidget#presentation
        self.cell = QLabel()
        self.step_number = QLabel()
        self.step_number.setObjectName("showStep")
        self.title = QLabel()
        self.title.setObjectName("showTitle")
        self.subject = QLabel()
        self.subject.setObjectName("showSubject")
        self.counts = QLabel()
        self.counts.setObjectName("showCounts")
        self.time = QLabel()
        self.time.setObjectName("showTime")
        self.hint = QLabel(tr("F5 hoặc Esc: đóng cửa sổ trình chiếu · F11: toàn màn hình · Ctrl+= / Ctrl+-: cỡ chữ"))
        self.hint.setObjectName("showHint")
        for lbl in (self.cell, self.step_number, self.title, self.subject, self.counts, self.time, self.hint):
            lbl.setWordWrap(True)
            lbl.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.cell)
        layout.addStretch(1)
        layout.addWidget(self.step_number)
        layout.addWidget(self.title)
        layout.addSpacing(10)
        layout.addWidget(self.subject)
        layout.addStretch(1)
        layout.addWidget(self.counts)
        layout.addWidget(self.time)
        layout.addWidget(self.hint)
        for keys, f in ((("Ctrl+=", "Ctrl++"), 1.15), (("Ctrl+-",), 1 / 1.15)):
            for k in keys:
                QShortcut(QKeySequence(k), self, lambda f=f: self.zoom(f))
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)
        QShortcut(QKeySequence("Escape"), self, self._escape)
        QShortcut(QKeySequence("F5"), self, self.close)          # the key that opened it closes it
        # shown beside the guide (a projector), it leaves the keyboard to the guide
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        guide.changed.connect(self.refresh)
        guide.clock_timer.timeout.connect(self._tick)
        self.resize(1280, 720)
        self.apply_fonts()
        self.refresh()

    # -- type size -------------------------------------------------------------------------------
    def scale(self) -> float:
        return QApplication.font().pointSizeF() / BASE_POINT_SIZE * self.extra

    def apply_fonts(self) -> None:
        k = self.scale()
        for lbl, size, bold in ((self.cell, 20, False), (self.step_number, 26, False), (self.title, 32, True),
                                (self.subject, 40, True), (self.counts, 34, True), (self.time, 26, False)):
            f = QApplication.font()
            f.setPointSizeF(size * k)
            f.setBold(bold)
            lbl.setFont(f)

    def zoom(self, factor: float) -> None:
        self.extra = max(0.5, min(3.0, self.extra * factor))
        self.apply_fonts()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ApplicationFontChange:
            self.apply_fonts()
        return super().event(e)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _escape(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.close()

    # -- content ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.guide.session
        step = s.current
        self.cell.setText(s.cell.name + " · " + tr("Hội nghị kiểm điểm, đánh giá, xếp loại năm {year}").format(
            year=s.meeting.rating_year))
        if step is None:
            self.title.setText("")
            return
        i = s.flow.index_of(step.id)
        self.step_number.setText(tr("Bước {n}/{total}").format(n=i + 1, total=len(s.record.steps)))
        if step.kind == StepKind.MEMBER_REVIEW:
            self.title.setText(tr("Kiểm điểm đảng viên"))
            subject = tr("Đồng chí {name}").format(name=s.flow.name(step.subject_member_id))
            chair = s.flow.chair_of(step)
            if step.chair_id and chair:
                subject += "\n" + tr("Chủ trì phần này: đồng chí {name}").format(name=s.flow.name(chair))
            self.subject.setText(subject)
        else:
            self.title.setText(step.title)
            self.subject.setText("")
        self.subject.setVisible(bool(self.subject.text()))
        h = s.headcount(self.guide.header_at())
        self.counts.setText(tr("Có mặt {present} / {base} · cần {needed}").format(
            present=h.present_in_base, base=h.base_count, needed=h.quorum_needed)
            + ("" if h.quorum_met else " · " + tr("chưa đủ")))
        name = "showCounts" if h.quorum_met else "showCountsLow"
        if self.counts.objectName() != name:
            self.counts.setObjectName(name)
            self.counts.style().unpolish(self.counts)
            self.counts.style().polish(self.counts)
        self._tick()

    def _tick(self) -> None:
        s = self.guide.session
        text = s.clock()
        if s.meeting.state == MeetingState.HELD:
            text += " · " + tr("đã bế mạc")
        self.time.setText(text)
