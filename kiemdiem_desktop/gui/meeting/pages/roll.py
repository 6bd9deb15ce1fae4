"""Điểm danh (F3): the roll call at any step, over the step being held (not a step of its own)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..attendance import AttendancePanel
from ..widgets import tr


class RollPage(QWidget):
    """The roll call, late arrivals and early leavers; F3 or Esc goes back to the step."""

    def __init__(self, window):
        super().__init__()
        self.roll = AttendancePanel(window.session)
        self.roll.changed.connect(window.attendance_changed)
        self.roll.confirm = window.confirm_correction
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(tr("Điểm danh, đến muộn, về sớm — F3 hoặc Esc để trở lại bước đang họp"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        layout.addWidget(self.roll, 1)
