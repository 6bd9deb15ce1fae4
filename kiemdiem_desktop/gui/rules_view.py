"""Xem › Bộ quy định: the rule set of a rating year as the program holds it — its name and
citation, one row per rule with its article, kind and whether the article was checked against
the original text (rules/citation.py ``rule_verification``), and the sources note (issue 10,
"Citations and rules"). Read-only; both rule sets selectable."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QPlainTextEdit, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from ..rules.citation import citation_text, rule_verification
from ..rules.ruleset import RuleSet, all_rule_sets
from .common import list_table

COLUMNS = ["Điều khoản", "Loại", "Áp dụng cho", "Đối chiếu văn bản"]
COL_ARTICLE, COL_KIND, COL_APPLIES, COL_VERIFIED = range(4)
RULE_ID = Qt.ItemDataRole.UserRole       # each row's rule id (also in its tooltip)

KIND_LABELS = {"finding": "Điều kiện xếp loại", "warning": "Cảnh báo"}
APPLIES_LABELS = {"member": "Đảng viên", "leader": "Người lãnh đạo, quản lý", "collective": "Tập thể"}


def tr(text: str) -> str:
    return QCoreApplication.translate("rules", text)


def years_text(rules: RuleSet) -> str:
    if rules.last_year is None:
        return tr("từ năm {first}").format(first=rules.first_year)
    if rules.last_year == rules.first_year:
        return tr("năm {first}").format(first=rules.first_year)
    return tr("các năm {first}–{last}").format(first=rules.first_year, last=rules.last_year)


def verification_text(verified: bool, note: str) -> str:
    if verified:
        return tr("Đã đối chiếu")
    text = tr("Chưa đối chiếu văn bản gốc")
    return f"{text}: {note}" if note else text


class RuleSetDialog(QDialog):
    """One rule set at a time, chosen in "Bộ quy định"; opens on ``rule_set_id`` when given."""

    def __init__(self, parent: QWidget | None = None, rule_set_id: str | None = None):
        super().__init__(parent)
        self.setObjectName("ruleSetDialog")
        self.setWindowTitle(tr("Bộ quy định đánh giá, xếp loại"))
        self.sets = list(all_rule_sets())
        self.choice = QComboBox()
        self.choice.setObjectName("ruleSetChoice")
        for r in self.sets:
            self.choice.addItem(f"{r.name} ({years_text(r)})", r.id)
        self.citation = QLabel()
        self.citation.setObjectName("ruleSetCitation")
        self.citation.setWordWrap(True)
        self.citation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts = QLabel()
        self.counts.setObjectName("hint")
        self.counts.setWordWrap(True)
        self.table = list_table(COLUMNS, "ruleSetTable", stretch=COL_VERIFIED)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(COL_ARTICLE, QHeaderView.ResizeMode.Interactive)
        self.table.setAccessibleName(tr("Các quy tắc của bộ quy định"))
        self.sources = QPlainTextEdit()
        self.sources.setObjectName("ruleSetSources")
        self.sources.setReadOnly(True)
        self.sources.setTabChangesFocus(True)
        self.sources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đó&ng"))

        form = QFormLayout()
        form.addRow(tr("&Bộ quy định:"), self.choice)
        form.addRow(tr("Căn cứ:"), self.citation)
        rules_label = QLabel(tr("&Các quy tắc:"))
        rules_label.setBuddy(self.table)
        sources_label = QLabel(tr("&Nguồn và mức độ đối chiếu:"))
        sources_label.setBuddy(self.sources)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(rules_label)
        box.addWidget(self.counts)
        box.addWidget(self.table, 1)
        box.addWidget(sources_label)
        box.addWidget(self.sources)
        box.addWidget(buttons)

        self.choice.currentIndexChanged.connect(lambda _i: self.show_rules())
        index = self.choice.findData(rule_set_id) if rule_set_id else -1
        self.choice.setCurrentIndex(index if index >= 0 else len(self.sets) - 1)
        self.show_rules()
        self.resize(1180, 640)
        self.choice.setFocus()

    def fit_columns(self) -> None:
        """The article column as wide as a usual article ("…, Điều 11 khoản 1"), longer ones wrap;
        the verification note takes the rest (nothing off to the right, at any zoom)."""
        usual = self.table.fontMetrics().horizontalAdvance("Quy định 366-QĐ/TW, Điều 11 khoản 1") + 24
        self.table.setColumnWidth(COL_ARTICLE, max(usual, int(self.table.viewport().width() * 0.3)))
        self.table.resizeRowsToContents()

    def resizeEvent(self, event) -> None:   # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()

    def showEvent(self, event) -> None:   # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fit_columns()

    def current(self) -> RuleSet:
        return next(r for r in self.sets if r.id == self.choice.currentData())

    def show_rules(self) -> None:
        rules = self.current()
        self.citation.setText(citation_text(rules))
        data = {r["id"]: r for r in rules.data.get("rules", [])}
        rows = rule_verification(rules)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            raw = data.get(row["id"], {})
            kind = raw.get("kind", "")
            cells = [row["article"], tr(KIND_LABELS.get(kind, kind)),
                     tr(APPLIES_LABELS.get(raw.get("applies_to", ""), raw.get("applies_to", ""))),
                     verification_text(row["verified"], row["note"])]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(RULE_ID, row["id"])
                item.setToolTip(f"{row['id']}: {raw['message']}" if raw.get("message") else row["id"])
                if c == COL_VERIFIED and not row["verified"]:
                    item.setForeground(QColor("#8a4b00"))
                self.table.setItem(i, c, item)
        self.fit_columns()
        done = sum(1 for r in rows if r["verified"])
        self.counts.setText(tr("{n} quy tắc; {done} đã đối chiếu điều khoản, {todo} chưa đối chiếu văn bản gốc.")
                            .format(n=len(rows), done=done, todo=len(rows) - done))
        self.sources.setPlainText(rules.sources)
        lines = self.sources.fontMetrics().lineSpacing()
        self.sources.setFixedHeight(int(lines * 3.6) + 2 * self.sources.frameWidth() + 8)
        if rows:
            self.table.setCurrentCell(0, 0)


def show_rule_sets(parent: QWidget | None, rule_set_id: str | None = None, *, show: bool = True) -> RuleSetDialog:
    dlg = RuleSetDialog(parent, rule_set_id)
    if show:
        dlg.exec()
    return dlg
