"""A step the user added (and any kind without a page of its own): its title and notes."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ....model.review import AgendaStep
from ..widgets import AutoSaveText, tr


class OtherPage(QWidget):
    """A step the user added: its title and what was said."""

    def __init__(self, window):
        super().__init__()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setObjectName("sectionTitle")
        self.notes = AutoSaveText(window.save_step_text, tr("Nội dung, diễn biến của bước này…"))
        self.notes.setObjectName("notes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.notes, 1)

    def show_step(self, step: AgendaStep) -> None:
        self.title.setText(step.title)
        self.notes.bind((step.id, "notes"), step.notes)

    def focus_step(self, step: AgendaStep) -> None:
        self.notes.setFocus()
