"""Bế mạc: the closing time, and notes."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ....model import MeetingState
from ....model.review import AgendaStep
from ..widgets import AutoSaveText, parse_time, tr


class ClosingPage(QWidget):
    """Bế mạc: the closing time (typed, or now), and notes."""

    def __init__(self, window):
        super().__init__()
        self.w = window
        self.end = QLineEdit()
        self.end.setObjectName("endTime")
        self.end.setPlaceholderText(tr("giờ:phút"))
        self.end.setMaximumWidth(100)
        self.end.returnPressed.connect(self.save)
        self.now = QPushButton(tr("&Bế mạc bây giờ"))
        self.now.clicked.connect(lambda: self.save(now=True))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.notes = AutoSaveText(window.save_step_text, tr("Ghi chú khi bế mạc (tùy ý)…"))
        row = QHBoxLayout()
        label = QLabel(tr("&Giờ bế mạc:"))
        label.setBuddy(self.end)
        row.addWidget(label)
        row.addWidget(self.end)
        row.addWidget(self.now)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addWidget(self.notes, 1)

    def show_step(self, step: AgendaStep) -> None:
        m = self.w.session.meeting
        self.end.setText(m.end_time)
        self.notes.bind((step.id, "notes"), step.notes)
        if m.state == MeetingState.HELD:
            self.state.setText(tr("Hội nghị đã bế mạc lúc {time}.").format(time=m.end_time))
        elif m.end_time:
            self.state.setText(tr("Giờ bế mạc: {time}. Bấm “Tiếp ▶” để kết thúc hội nghị.").format(time=m.end_time))
        else:
            self.state.setText(tr("Ghi giờ bế mạc rồi bấm “Tiếp ▶”."))

    def focus_step(self, step: AgendaStep) -> None:
        self.end.setFocus()

    def save(self, now: bool = False) -> None:
        at = self.w.session.clock() if now else parse_time(self.end.text())
        if at is None:
            self.w.show_problem(tr("Giờ bế mạc “{text}” không đọc được: gõ giờ:phút.").format(text=self.end.text()))
            return
        if self.w.run(self.w.session.close_meeting, at):
            self.show_step(self.w.session.current)
            self.w.changed.emit()
