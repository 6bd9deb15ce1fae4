"""One member: every field, the dated periods and the discipline records (the form: ui/member_dialog.ui)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QWidget,
)

from ..i18n import UserError, translate
from ..model import DisciplineForm, DisciplineRecord, Member, PartyPost, Period, PeriodKind
from ..model.levels import LEVEL_LABELS
from ..model.member import DISCIPLINE_LABELS, GENDER_LABELS, PARTY_POST_LABELS, PERIOD_LABELS
from ..vn.dates import DateError, format_date, parse_date
from ..vn.text import clean
from .common import ValueCombo, error_text, relayout, set_style_property
from .forms.ui_member_dialog import Ui_MemberDialog

__all__ = ["MemberDialog", "ValueCombo"]     # ValueCombo lives in common (the compiled form makes it)


def _combo(items: list[tuple[str, object]], current: object) -> ValueCombo:
    return ValueCombo(items, current)


class MemberDialog(QDialog, Ui_MemberDialog):
    """Add or edit a member. Nothing is saved until every field is valid. The form (fields, labels,
    tabs, keyboard order) is ui/member_dialog.ui; here, the values and what the buttons do."""

    def __init__(self, cell_file, member: Member | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.cf = cell_file
        self.is_new = member is None
        self.original = member
        self.saved: Member | None = None
        self._refused: QWidget | None = None     # the field the core refused last (highlighted)
        m = member or Member(full_name="")
        self.setWindowTitle(self.tr("Thêm đảng viên") if self.is_new else self.tr("Sửa thông tin đảng viên"))

        self.full_name.setText(m.full_name)
        for field, value in ((self.birth_date, m.birth_date), (self.admission_date, m.admission_date),
                             (self.official_date, m.official_date), (self.declared_on, m.declared_on)):
            field.set_date(value)
        for field, value in ((self.card_number, m.card_number), (self.government_post, m.government_post),
                             (self.work_unit, m.work_unit), (self.quota_group, m.quota_group), (self.note, m.note)):
            field.setText(value)
        self.gender.set_items([(self.tr("(chưa rõ)"), None)] + [(v, k) for k, v in GENDER_LABELS.items()], m.gender)
        self.party_post.set_items([(v, k) for k, v in PARTY_POST_LABELS.items()], m.party_post)
        self.last_year_level.set_items([(self.tr("(chưa có)"), "")] + [(v, k.value) for k, v in LEVEL_LABELS.items()],
                                       m.last_year_level)
        self.declared_type.set_items([(self.tr("(theo các ngày ở trên)"), ""), (self.tr("Chính thức"), "official"),
                                      (self.tr("Dự bị"), "probationary")], m.declared_type)

        # dated periods
        self._setup_table(self.periods, stretch=3)
        for p in m.periods:
            self._add_period_row(p)
        # A new member's membership here starts, by default, on the admission date (followed as it
        # is typed, until the start is typed in the table), else today.
        self._auto_start = ""
        if self.is_new:
            self._add_period_row(None)
        self.admission_date.editingFinished.connect(self._follow_admission)
        self._table_buttons(self.periods, self._add_period_row, self.add_period_button, self.remove_period_button)

        # discipline
        self._setup_table(self.discipline, stretch=6)
        for d in m.discipline:
            self._add_discipline_row(d)
        self._table_buttons(self.discipline, self._add_discipline_row, self.add_discipline_button,
                            self.remove_discipline_button)

        self.error_label.hide()
        self.buttons.accepted.connect(self.try_save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        relayout(self)
        self.full_name.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Enter inside the periods or discipline table edits the table (opens the cell, or
        closes the cell being typed): it never saves and closes the whole dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = QApplication.focusWidget()
            for table in (self.periods, self.discipline):
                if focus is not None and (focus is table or table.isAncestorOf(focus)):
                    if table.state() != QAbstractItemView.State.EditingState and focus is table:
                        item = table.currentItem()
                        if item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
                            table.editItem(item)
                    event.accept()
                    return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # Enter anywhere in the form saves: Lưu is the default button once the dialog shows.
        for b in (self.findChildren(QPushButton)):
            b.setAutoDefault(False)
        self.save_button.setDefault(True)

    # -- tables -----------------------------------------------------------------------------
    def _setup_table(self, table: QTableWidget, stretch: int) -> None:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _table_buttons(self, table: QTableWidget, add, b_add: QPushButton, b_rm: QPushButton) -> None:
        b_add.clicked.connect(lambda: (add(None), self._edit_start(table)))
        b_rm.clicked.connect(lambda: table.removeRow(table.currentRow()) if table.currentRow() >= 0 else None)
        # Tab: the table, the kinds chosen in its rows, then its two buttons (the rows are filled
        # after the form made the buttons)
        chain = [table] + [w for r in range(table.rowCount()) if (w := table.cellWidget(r, 0)) is not None]
        for before, after in zip(chain, chain[1:] + [b_add, b_rm]):
            QWidget.setTabOrder(before, after)

    def _edit_start(self, table: QTableWidget) -> None:
        """A row just added: its first date open for typing (the default is selected)."""
        r = table.rowCount() - 1
        table.setFocus()
        table.setCurrentCell(r, 1)
        table.editItem(table.item(r, 1))

    def _has_membership_row(self) -> bool:
        return any(isinstance(self.periods.cellWidget(r, 0), ValueCombo)
                   and self.periods.cellWidget(r, 0).value() == PeriodKind.MEMBERSHIP
                   for r in range(self.periods.rowCount()))

    def _default_start(self, first_membership: bool) -> str:
        if first_membership:
            try:
                admitted = self.admission_date.date()
            except DateError:
                admitted = None
            if admitted is not None:
                return format_date(admitted)
        return format_date(date.today())

    def _follow_admission(self) -> None:
        if not self._auto_start:
            return
        for r in range(self.periods.rowCount()):
            item = self.periods.item(r, 1)
            if item is not None and item.text() == self._auto_start and \
                    self.periods.cellWidget(r, 0).value() == PeriodKind.MEMBERSHIP:
                self._auto_start = self._default_start(True)
                item.setText(self._auto_start)
                return

    def _add_period_row(self, p: Period | None) -> None:
        t = self.periods
        first_membership = p is None and not self._has_membership_row()
        r = t.rowCount()
        t.insertRow(r)
        default_kind = PeriodKind.MEMBERSHIP if first_membership else PeriodKind.SICK_LEAVE
        kind = _combo([(v, k) for k, v in PERIOD_LABELS.items()], p.kind if p else default_kind)
        t.setCellWidget(r, 0, kind)
        start = format_date(p.start) if p else self._default_start(first_membership)
        if first_membership:
            self._auto_start = start
        t.setItem(r, 1, QTableWidgetItem(start))
        t.setItem(r, 2, QTableWidgetItem(format_date(p.end) if p else ""))
        note = QTableWidgetItem(p.note if p else "")
        t.setItem(r, 3, note)
        if p is not None and p.id is not None:
            t.item(r, 1).setData(Qt.ItemDataRole.UserRole, p.id)

    def _add_discipline_row(self, d: DisciplineRecord | None) -> None:
        t = self.discipline
        r = t.rowCount()
        t.insertRow(r)
        form = _combo([(v, k) for k, v in DISCIPLINE_LABELS.items()], d.form if d else DisciplineForm.REPRIMAND)
        t.setCellWidget(r, 0, form)
        t.setItem(r, 1, QTableWidgetItem(format_date(d.decision_date) if d else ""))
        t.setItem(r, 2, QTableWidgetItem(format_date(d.violation_date) if d else ""))
        for col, flag in ((3, d.duty_linked if d else False), (4, d.self_detected_remedied if d else False),
                          (5, d.previous_unit if d else False)):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if flag else Qt.CheckState.Unchecked)
            t.setItem(r, col, item)
        t.setItem(r, 6, QTableWidgetItem(d.note if d else ""))
        if d is not None and d.id is not None:
            t.item(r, 1).setData(Qt.ItemDataRole.UserRole, d.id)

    @staticmethod
    def _text(table: QTableWidget, r: int, c: int) -> str:
        item = table.item(r, c)
        return item.text() if item else ""

    # -- reading and saving ------------------------------------------------------------------
    def _mark(self, widget: QWidget, bad: bool) -> None:
        set_style_property(widget, "invalid", bad)       # ui/style.qss: [invalid="true"]

    def build_member(self) -> tuple[Member | None, list[tuple[QWidget, str]]]:
        """The member as typed, or the list of (field, problem) that prevent it."""
        problems: list[tuple[QWidget, str]] = []
        dates = {}
        labels = {self.birth_date: self.tr("Ngày sinh"), self.admission_date: self.tr("Ngày vào Đảng"),
                  self.official_date: self.tr("Ngày chính thức"), self.declared_on: self.tr("Ngày ghi loại đảng viên")}
        for field, label in labels.items():
            try:
                dates[field] = field.date()
                self._mark(field, False)
            except DateError as err:
                problems.append((field, f"{label}: {err}"))
                self._mark(field, True)

        periods: list[Period] = []
        for r in range(self.periods.rowCount()):
            try:
                start = parse_date(self._text(self.periods, r, 1))
                end = parse_date(self._text(self.periods, r, 2))
            except DateError as err:
                problems.append((self.periods, self.tr("Khoảng thời gian dòng {n}: {err}").format(n=r + 1, err=err)))
                continue
            if start is None:
                problems.append((self.periods, self.tr("Khoảng thời gian dòng {n}: chưa có ngày bắt đầu.").format(n=r + 1)))
                continue
            pid = self.periods.item(r, 1).data(Qt.ItemDataRole.UserRole)
            periods.append(Period(self.periods.cellWidget(r, 0).value(), start, end,
                                  clean(self._text(self.periods, r, 3)), pid))

        records: list[DisciplineRecord] = []
        for r in range(self.discipline.rowCount()):
            try:
                decided = parse_date(self._text(self.discipline, r, 1))
                violated = parse_date(self._text(self.discipline, r, 2))
            except DateError as err:
                problems.append((self.discipline, self.tr("Kỷ luật dòng {n}: {err}").format(n=r + 1, err=err)))
                continue
            if decided is None:
                problems.append((self.discipline, self.tr("Kỷ luật dòng {n}: chưa có ngày quyết định.").format(n=r + 1)))
                continue
            checked = [self.discipline.item(r, c).checkState() == Qt.CheckState.Checked for c in (3, 4, 5)]
            rid = self.discipline.item(r, 1).data(Qt.ItemDataRole.UserRole)
            records.append(DisciplineRecord(self.discipline.cellWidget(r, 0).value(), decided, violated,
                                            checked[0], checked[1], checked[2],
                                            clean(self._text(self.discipline, r, 6)), rid))
        for table in (self.periods, self.discipline):
            self._mark(table, any(widget is table for widget, _ in problems))
        if problems:
            return None, problems

        base = self.original or Member(full_name="")
        member = replace(
            base, full_name=clean(self.full_name.text()), birth_date=dates[self.birth_date],
            gender=self.gender.value(), admission_date=dates[self.admission_date],
            official_date=dates[self.official_date], card_number=clean(self.card_number.text()),
            party_post=self.party_post.value() or PartyPost.MEMBER,
            government_post=clean(self.government_post.text()), work_unit=clean(self.work_unit.text()),
            last_year_level=self.last_year_level.value() or "",
            declared_type=self.declared_type.value() or "", declared_on=dates[self.declared_on],
            quota_group=clean(self.quota_group.text()), note=clean(self.note.text()),
            periods=periods, discipline=records)
        return member, []

    def _field_for(self, err: UserError) -> QWidget | None:
        """The widget a refusal of the core concerns, by the error's field (never by its words)."""
        return {"full_name": self.full_name, "birth_date": self.birth_date, "gender": self.gender,
                "admission_date": self.admission_date, "official_date": self.official_date,
                "card_number": self.card_number, "party_post": self.party_post,
                "government_post": self.government_post, "work_unit": self.work_unit,
                "last_year_level": self.last_year_level, "declared_type": self.declared_type,
                "declared_on": self.declared_on, "quota_group": self.quota_group, "note": self.note,
                "periods": self.periods, "discipline": self.discipline}.get(err.field)

    def _show_problems(self, problems: list[tuple[QWidget | None, str]]) -> None:
        self.error_label.setText("\n".join(text for _, text in problems))
        self.error_label.show()
        first = problems[0][0]
        if first is not None:
            if first in (self.periods, self.discipline):
                self.tabs.setCurrentIndex(1 if first is self.periods else 2)
            else:
                self.tabs.setCurrentIndex(0)
            first.setFocus()

    def _keep_on_the_roll(self, member: Member) -> Member | None:
        """A state (exemption, suspension, leave…) typed after the membership here was ended: the
        member would vanish from the roll. Offer to keep the membership running (its end date
        cleared); None when the user goes back to the table instead."""
        states = member.states_off_the_roll()
        ended = [r for r in range(self.periods.rowCount())
                 if self.periods.cellWidget(r, 0).value() == PeriodKind.MEMBERSHIP and self._text(self.periods, r, 2)]
        if not states or not ended:
            return member
        first = states[0]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Đảng viên vẫn thuộc chi bộ"), self.tr(
            "“{kind}” từ {start} là tình trạng của một đảng viên vẫn sinh hoạt trong danh sách chi bộ, không phải "
            "chuyển đi. Nếu giữ ngày kết thúc {end} của dòng “Sinh hoạt tại chi bộ”, đồng chí {name} sẽ bị coi như "
            "đã chuyển đi và không còn trong danh sách.\n\nBỏ ngày kết thúc đó để đồng chí vẫn ở trong chi bộ?").format(
            kind=translate(PERIOD_LABELS[first.kind]), start=format_date(first.start),
            end=self._text(self.periods, ended[-1], 2), name=member.full_name), parent=self)
        keep = box.addButton(self.tr("&Bỏ ngày kết thúc, vẫn thuộc chi bộ"), QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("keepOnRoll")
        back = box.addButton(self.tr("&Quay lại sửa"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(back)
        box.exec()
        if box.clickedButton() is not keep:
            self.tabs.setCurrentIndex(1)
            self.periods.setFocus()
            self.periods.setCurrentCell(ended[-1], 2)
            return None
        self.periods.item(ended[-1], 2).setText("")
        rebuilt, _problems = self.build_member()
        return rebuilt

    @Slot()
    def try_save(self) -> None:
        if self._refused is not None:           # the core's last refusal: checked again below
            self._mark(self._refused, False)
            self._refused = None
        member, problems = self.build_member()
        if problems:
            self._show_problems(problems)
            return
        member = self._keep_on_the_roll(member)
        if member is None:
            return
        try:
            future = self.cf.add_member(member) if self.is_new else self.cf.save_member(member)
            future.result()
        except UserError as err:
            field = self._field_for(err)
            if field is not None:
                self._mark(field, True)
                self._refused = field
            self._show_problems([(field, error_text(err))])
            return
        except Exception as err:  # noqa: BLE001 - a disk error: say it, keep the dialog open
            self._show_problems([(None, error_text(err))])
            return
        self.saved = member
        self.accept()
