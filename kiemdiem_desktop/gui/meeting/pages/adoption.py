"""Thông qua biên bản: a show of hands on the minutes, and notes."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ....model.review import AgendaStep
from ....model.vote import VoteKind
from ..votes import HandsVotePanel
from ..widgets import AutoSaveText, tr


class AdoptionPage(QWidget):
    """Thông qua biên bản: a show of hands on the minutes, and notes."""

    def __init__(self, window):
        super().__init__()
        self.w = window
        self.vote = HandsVotePanel(window.session, VoteKind.MINUTES, tr("Thông qua biên bản hội nghị"))
        self.vote.title.setText(tr("Biểu quyết thông qua biên bản"))
        self.vote.changed.connect(window.votes_changed)
        self.notes = AutoSaveText(window.save_step_text, tr("Ý kiến về biên bản, chỉnh sửa đã thống nhất (tùy ý)…"))
        self.notes.setObjectName("notes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.vote)
        label = QLabel(tr("&Ghi chú:"))
        label.setBuddy(self.notes)
        layout.addWidget(label)
        layout.addWidget(self.notes, 1)

    def show_step(self, step: AgendaStep) -> None:
        self.vote.show_for(step.id)
        self.notes.bind((step.id, "notes"), step.notes)

    def focus_step(self, step: AgendaStep) -> None:
        self.vote.yes.setFocus()

    def refresh_votes(self) -> None:
        self.vote.refresh()
