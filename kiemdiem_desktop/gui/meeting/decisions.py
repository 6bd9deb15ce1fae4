"""Kết quả của cấp có thẩm quyền: recorded after the meeting, per subject, the level decided or a
re-rating (Mẫu 03) with its date, reference and reason — its own record, allowed on a held or
locked meeting, without reopening the minutes (DOMAIN.md §2)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS, Level
from ...model.rating import DECISION_LABELS, DecisionKind
from ...model.vote import VoteKind
from ...vn.dates import format_date
from ..common import DateField, list_table
from .ratings import level_short
from .widgets import Runner, core, tr

COLUMNS = ["Đảng viên / tập thể", "Chi bộ đề xuất", "Cấp có thẩm quyền", "Ngày", "Văn bản", "Lý do"]


class DecisionsDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        from ...voting import VotingDesk

        self.session = session
        self.desk = VotingDesk(session)
        self.setWindowTitle(tr("Kết quả của cấp có thẩm quyền"))
        rated = [v.subject for v in self.desk.record.votes if v.kind == VoteKind.RATING and v.subject]
        self.subjects = list(dict.fromkeys(rated + self.desk.rating_subjects()))

        self.table = list_table(COLUMNS, "decisionsTable", stretch=5)
        self.table.currentCellChanged.connect(lambda r, *_: self._select(r))

        self.subject = QComboBox()
        self.subject.setObjectName("decisionSubject")
        for s in self.subjects:
            self.subject.addItem(self.desk.subject_name(s), s)
        self.kind = QComboBox()
        self.kind.setObjectName("decisionKind")
        for k in DecisionKind:
            self.kind.addItem(core(DECISION_LABELS[k]), k)
        self.level = QComboBox()
        self.level.setObjectName("decisionLevel")
        for lv in Level:
            self.level.addItem(f"{LEVEL_ABBREVIATIONS[lv]} — {core(LEVEL_LABELS[lv])}", lv)
        self.date = DateField()
        self.date.setObjectName("decisionDate")
        self.reference = QLineEdit()
        self.reference.setObjectName("decisionReference")
        self.reference.setPlaceholderText(tr("số, ký hiệu văn bản, ví dụ 15-QĐ/ĐU"))
        self.reason = QLineEdit()
        self.reason.setObjectName("decisionReason")
        self.reason.setPlaceholderText(tr("bắt buộc khi xếp loại lại"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.note = QLabel(tr("Ghi riêng, không mở lại biên bản hội nghị; ghi được cả khi biên bản đã khóa."))
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)

        form = QGridLayout()
        for row, (label, w) in enumerate(((tr("Đảng viên / &tập thể:"), self.subject), (tr("&Loại:"), self.kind),
                                          (tr("&Mức xếp loại:"), self.level), (tr("&Ngày (dd/mm/yyyy):"), self.date),
                                          (tr("&Văn bản:"), self.reference), (tr("Lý &do:"), self.reason))):
            lbl = QLabel(label)
            lbl.setBuddy(w)
            form.addWidget(lbl, row, 0)
            form.addWidget(w, row, 1)
        form.setColumnStretch(1, 1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("&Ghi kết quả"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("saveDecision")
        self.save_button.clicked.connect(self.save)
        close = buttons.addButton(tr("Đó&ng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.run = Runner(self, self.error.setText)
        self.resize(900, 560)
        self.fill()

    def fill(self) -> None:
        d = self.desk
        self.table.setRowCount(len(self.subjects))
        for r, s in enumerate(self.subjects):
            decisions = [x for x in d.record.decisions if x.subject == s]
            last = decisions[-1] if decisions else None
            values = [d.subject_name(s), level_short(d.voted_level(s)),
                      (f"{level_short(last.level)} — {core(DECISION_LABELS[last.kind])}" if last else ""),
                      format_date(last.decided_on) if last else "", last.reference if last else "",
                      last.reason if last else ""]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if len(decisions) > 1 and c == 2:
                    item.setToolTip("\n".join(f"{format_date(x.decided_on)}: {level_short(x.level)} "
                                              f"({core(DECISION_LABELS[x.kind])}) {x.reference}" for x in decisions))
                self.table.setItem(r, c, item)

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.subjects):
            self.subject.setCurrentIndex(row)
            voted = self.desk.voted_level(self.subjects[row])
            if voted is not None:
                self.level.setCurrentIndex(list(Level).index(voted))

    def save(self) -> None:
        try:
            day = self.date.date()
        except Exception as err:  # noqa: BLE001 - DateError: a Vietnamese message
            self.error.setText(str(err))
            return
        if day is None:
            self.error.setText(tr("Ghi ngày của văn bản (dd/mm/yyyy)."))
            self.date.setFocus()
            return
        kind = DecisionKind(self.kind.currentData())
        if kind == DecisionKind.RE_RATING and not self.reason.text().strip():
            self.error.setText(tr("Xếp loại lại (Mẫu 03) cần ghi lý do."))
            self.reason.setFocus()
            return
        subject = self.subject.currentData()
        if self.run(self.desk.record_decision, subject, kind, Level(self.level.currentData()), day,
                    self.reference.text(), self.reason.text()):
            self.error.clear()
            self.reference.clear()
            self.reason.clear()
            self.fill()
            self.table.setCurrentCell(self.subjects.index(subject), 0)
