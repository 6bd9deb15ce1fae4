"""One member: every field, the dated periods and the discipline records."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QMessageBox,
    QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
    QWidget,
)

from ..i18n import UserError, translate
from ..model import DisciplineForm, DisciplineRecord, Member, PartyPost, Period, PeriodKind
from ..model.levels import LEVEL_LABELS
from ..model.member import DISCIPLINE_LABELS, GENDER_LABELS, PARTY_POST_LABELS, PERIOD_LABELS
from ..vn.dates import DateError, format_date, parse_date
from ..vn.text import clean
from .common import DateField, error_text


class ValueCombo(QComboBox):
    """A combo box whose items carry Python values (enums stay enums: Qt would turn them into str)."""

    def __init__(self, items: list[tuple[str, object]], current: object):
        super().__init__()
        self.values = [value for _, value in items]
        for label, _ in items:
            self.addItem(label)
        self.setCurrentIndex(self.values.index(current) if current in self.values else 0)

    def value(self):
        i = self.currentIndex()
        return self.values[i] if 0 <= i < len(self.values) else None


def _combo(items: list[tuple[str, object]], current: object) -> ValueCombo:
    return ValueCombo(items, current)


class MemberDialog(QDialog):
    """Add or edit a member. Nothing is saved until every field is valid."""

    def __init__(self, cell_file, member: Member | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.cf = cell_file
        self.is_new = member is None
        self.original = member
        self.saved: Member | None = None
        self._refused: QWidget | None = None     # the field the core refused last (highlighted)
        m = member or Member(full_name="")
        self.setWindowTitle(self.tr("Thêm đảng viên") if self.is_new else self.tr("Sửa thông tin đảng viên"))
        self.setMinimumWidth(760)

        self.tabs = QTabWidget()
        general = QWidget()
        form = QFormLayout(general)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.full_name = QLineEdit(m.full_name)
        self.full_name.setPlaceholderText(self.tr("ví dụ: Nguyễn Văn Hùng"))
        self.birth_date = DateField(m.birth_date)
        self.gender = _combo([(self.tr("(chưa rõ)"), None)] + [(v, k) for k, v in GENDER_LABELS.items()], m.gender)
        self.admission_date = DateField(m.admission_date)
        self.official_date = DateField(m.official_date)
        self.card_number = QLineEdit(m.card_number)
        self.party_post = _combo([(v, k) for k, v in PARTY_POST_LABELS.items()], m.party_post)
        self.government_post = QLineEdit(m.government_post)
        self.work_unit = QLineEdit(m.work_unit)
        self.last_year_level = _combo([(self.tr("(chưa có)"), "")] + [(v, k.value) for k, v in LEVEL_LABELS.items()],
                                      m.last_year_level)
        self.declared_type = _combo([(self.tr("(theo các ngày ở trên)"), ""), (self.tr("Chính thức"), "official"),
                                     (self.tr("Dự bị"), "probationary")], m.declared_type)
        self.declared_on = DateField(m.declared_on)
        self.quota_group = QLineEdit(m.quota_group)
        self.quota_group.setPlaceholderText(self.tr("để trống nếu chi bộ chỉ có một nhóm"))
        self.note = QLineEdit(m.note)

        form.addRow(self.tr("&Họ và tên:"), self.full_name)
        form.addRow(self.tr("Ngày &sinh:"), self.birth_date)
        form.addRow(self.tr("&Giới tính:"), self.gender)
        form.addRow(self.tr("Ngày &vào Đảng:"), self.admission_date)
        form.addRow(self.tr("Ngày &chính thức:"), self.official_date)
        form.addRow(self.tr("Số &thẻ đảng viên:"), self.card_number)
        form.addRow(self.tr("Chức vụ đả&ng:"), self.party_post)
        form.addRow(self.tr("Chức vụ chính &quyền / đoàn thể:"), self.government_post)
        form.addRow(self.tr("Đơn vị công tác:"), self.work_unit)
        form.addRow(self.tr("Xếp loại năm trước:"), self.last_year_level)
        form.addRow(self.tr("Loại đảng viên ghi trong danh sách:"), self.declared_type)
        form.addRow(self.tr("… ghi ngày:"), self.declared_on)
        form.addRow(self.tr("Nhóm tính tỷ lệ xuất sắc:"), self.quota_group)
        form.addRow(self.tr("Ghi chú:"), self.note)
        self.tabs.addTab(general, self.tr("Thông tin chung"))

        # dated periods
        self.periods = QTableWidget(0, 4)
        self.periods.setHorizontalHeaderLabels([self.tr("Loại"), self.tr("Từ ngày"), self.tr("Đến ngày"),
                                                self.tr("Ghi chú")])
        self._setup_table(self.periods, stretch=3)
        for p in m.periods:
            self._add_period_row(p)
        # A new member's membership here starts, by default, on the admission date (followed as it
        # is typed, until the start is typed in the table), else today.
        self._auto_start = ""
        if self.is_new:
            self._add_period_row(None)
        self.admission_date.editingFinished.connect(self._follow_admission)
        self.tabs.addTab(self._with_buttons(self.periods, self._add_period_row,
                                            self.tr("Thêm khoảng thời gian"), self.tr("Xóa dòng đã chọn")),
                         self.tr("Quá trình sinh hoạt"))

        # discipline
        self.discipline = QTableWidget(0, 7)
        self.discipline.setHorizontalHeaderLabels([
            self.tr("Hình thức"), self.tr("Ngày quyết định"), self.tr("Ngày vi phạm"),
            self.tr("Gắn với công vụ"), self.tr("Tự phát hiện, khắc phục"), self.tr("Vi phạm ở đơn vị trước"),
            self.tr("Ghi chú")])
        self._setup_table(self.discipline, stretch=6)
        for d in m.discipline:
            self._add_discipline_row(d)
        self.tabs.addTab(self._with_buttons(self.discipline, self._add_discipline_row,
                                            self.tr("Thêm kỷ luật"), self.tr("Xóa dòng đã chọn")),
                         self.tr("Kỷ luật"))

        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
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
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(220)

    def _with_buttons(self, table: QTableWidget, add, add_text: str, remove_text: str) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(table)
        row = QHBoxLayout()
        b_add = QPushButton(add_text)
        b_add.clicked.connect(lambda: (add(None), self._edit_start(table)))
        b_rm = QPushButton(remove_text)
        b_rm.clicked.connect(lambda: table.removeRow(table.currentRow()) if table.currentRow() >= 0 else None)
        row.addWidget(b_add)
        row.addWidget(b_rm)
        row.addStretch(1)
        v.addLayout(row)
        return w

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
        widget.setProperty("invalid", bad)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

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
