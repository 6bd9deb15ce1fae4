"""Công bố kết quả: every vote of the meeting with its figures."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ....model.review import AgendaStep
from ..votes import ResultsView
from ..widgets import AutoSaveText, tr


class ResultsPage(QWidget):
    """Công bố kết quả: every vote of the meeting with its figures."""

    def __init__(self, window):
        super().__init__()
        self.view = ResultsView(window.session)
        self.notes = AutoSaveText(window.save_step_text, tr("Ghi chú khi công bố kết quả (tùy ý)…"))
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)

    def show_step(self, step: AgendaStep) -> None:
        self.view.refresh()
        self.notes.bind((step.id, "notes"), step.notes)

    def focus_step(self, step: AgendaStep) -> None:
        self.view.table.setFocus()

    def refresh_votes(self) -> None:
        self.view.refresh()
