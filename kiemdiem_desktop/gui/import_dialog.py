"""Nhập danh sách đảng viên từ tệp CSV / Excel: preview every row, then import (the form:
ui/import_dialog.ui)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QTableWidgetItem, QWidget,
)

from ..vn.dates import format_date
from .common import error_text, refit, relayout, run_in_background
from .forms.ui_import_dialog import Ui_ImportDialog

ROW_COLOURS = {"new": "#e3f4e1", "update": "#e4eefb", "unchanged": "#ffffff", "error": "#fbe3e1",
               "conflict": "#fdf1d6"}
FILE_ENCODINGS = (("utf-8", "UTF-8"), ("utf-16", "UTF-16"), ("cp1258", "Windows-1258"),
                  ("tcvn3", "TCVN3 (ABC)"), ("vni", "VNI"))
COLUMN_ENCODINGS = (("unicode", "Unicode"), ("tcvn3", "TCVN3 (ABC)"), ("vni", "VNI"))
FIELD_LABELS = {
    "full_name": "Họ và tên", "birth_date": "Ngày sinh", "gender": "Giới tính", "admission_date": "Ngày vào Đảng",
    "official_date": "Ngày chính thức", "card_number": "Số thẻ", "party_post": "Chức vụ đảng",
    "government_post": "Chức vụ chính quyền", "work_unit": "Đơn vị công tác", "quota_group": "Nhóm tỷ lệ",
    "last_year_level": "Xếp loại năm trước", "declared_type": "Loại đảng viên", "note": "Ghi chú",
}


class ImportDialog(QDialog, Ui_ImportDialog):
    """Nhập danh sách đảng viên (the form: ui/import_dialog.ui)."""

    imported = Signal(object)      # the ImportSummary

    def __init__(self, cell_file, parent: QWidget | None = None, path: str | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.resize(1100, 680)
        self.cf = cell_file
        self.preview = None
        self.path: str | None = None
        self.summary = None
        self._loading = False

        self.pick_button.clicked.connect(self.pick_file)
        for value, label in FILE_ENCODINGS:
            self.encoding.addItem(label, value)
        refit(self.encoding)
        self.encoding.activated.connect(self._encoding_changed)
        self.file_problems.hide()
        self.file_warnings.hide()

        h = self.table.horizontalHeader()
        for c in range(3):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(3, 330)

        self.skip_errors.toggled.connect(self._update_buttons)
        # A row whose card number and birth date match a member but whose name differs renames that
        # member: never silently; the user confirms (or skips the row with the errors).
        self.confirm_renames.toggled.connect(self._update_buttons)
        self.confirm_renames.hide()
        self.progress.hide()

        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Nhập"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        QWidget.setTabOrder(self.import_button, self.cancel_button)
        self.buttons.accepted.connect(self.apply)
        QShortcut(QKeySequence("Ctrl+O"), self, self.pick_file)
        relayout(self)
        if path:
            self.load(path)

    # -- reading ---------------------------------------------------------------------------------
    def pick_file(self) -> None:
        start = str(Path(self.path).parent) if self.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp danh sách đảng viên"), start,
            self.tr("Danh sách (*.xlsx *.csv *.txt);;Excel (*.xlsx);;CSV (*.csv *.txt);;Mọi tệp (*)"))
        if path:
            self.load(path)

    def load(self, path: str, **options) -> None:
        """Read the file (off the GUI thread) and show what importing it would do."""
        self.path = str(path)
        self.file_edit.setText(self.path)
        self._options = options
        self._set_busy(True, self.tr("Đang đọc tệp…"))
        cf = self.cf
        run_in_background(lambda: cf.preview_import(path, **options), self._show_preview, self._read_failed)

    def _set_busy(self, on: bool, text: str = "") -> None:
        self._loading = on
        self.progress.setVisible(on)
        self.pick_button.setEnabled(not on)
        self.encoding.setEnabled(not on and self.preview is not None and self.preview.kind == "csv")
        self.status.setText(text)
        self._update_buttons()

    def _read_failed(self, err: BaseException) -> None:
        self.preview = None
        self._set_busy(False)
        self.table.setRowCount(0)
        self.counts.setText("")
        self.file_problems.setText(self.tr("Không đọc được tệp: {err}").format(err=error_text(err)))
        self.file_problems.show()

    @Slot(int)
    def _encoding_changed(self, _index: int) -> None:
        if self.path:
            self.load(self.path, encoding=self.encoding.currentData(),
                      column_encodings=self._options.get("column_encodings"))

    def _column_encoding_changed(self, column: str, value: str) -> None:
        if not self.path or self.preview is None:
            return
        encodings = dict(self.preview.column_encodings)
        encodings[column] = value
        options = dict(self._options)
        options["column_encodings"] = encodings
        if self.preview.kind == "csv":
            options["encoding"] = self.preview.encoding
        self.load(self.path, **options)

    def _show_preview(self, preview) -> None:
        self.preview = preview
        self._set_busy(False)
        # encoding
        idx = self.encoding.findData(preview.encoding)
        if idx < 0 and preview.encoding and preview.encoding.startswith("utf-16"):
            idx = self.encoding.findData("utf-16")
        if idx >= 0:
            self.encoding.setCurrentIndex(idx)
        guess = getattr(preview, "encoding_guess", None)
        if preview.kind != "csv":
            self.encoding_reason.setText(self.tr("Tệp Excel: chữ đã ở dạng Unicode."))
        elif guess is not None and "encoding" not in self._options:
            self.encoding_reason.setText(guess.reason)
        elif "encoding" in self._options:
            self.encoding_reason.setText(self.tr("Bạn đã chọn bảng mã này."))
        else:
            self.encoding_reason.setText("")
        # per-column legacy encodings
        while self.column_encodings_layout.count():
            item = self.column_encodings_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        headers = preview.columns or {}
        for column, enc in (preview.column_encodings or {}).items():
            label = QLabel(f"{headers.get(column, FIELD_LABELS.get(column, column))}:")
            box = QComboBox()
            for value, text in COLUMN_ENCODINGS:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(enc)))
            box.activated.connect(lambda _i, c=column, b=box: self._column_encoding_changed(c, b.currentData()))
            self.column_encodings_layout.addWidget(label)
            self.column_encodings_layout.addWidget(box)
        if not preview.column_encodings:
            self.column_encodings_layout.addWidget(QLabel(self.tr("(không có cột nào cần đổi bảng mã)")))
        self.column_encodings_layout.addStretch(1)
        # file details
        parts = [self.tr("tệp {kind}").format(kind="Excel" if preview.kind == "xlsx" else "CSV")]
        if preview.kind == "csv" and preview.delimiter:
            shown = {"\t": self.tr("dấu Tab"), ",": self.tr("dấu phẩy (,)"), ";": self.tr("dấu chấm phẩy (;)"),
                     "|": self.tr("dấu gạch đứng (|)")}.get(preview.delimiter, f"“{preview.delimiter}”")
            parts.append(self.tr("phân cách bằng {d}").format(d=shown))
        if preview.header_row:
            parts.append(self.tr("dòng tiêu đề là dòng {n}").format(n=preview.header_row))
        if headers:
            parts.append(self.tr("các cột dùng: {cols}").format(
                cols=", ".join(f"{FIELD_LABELS.get(f, f)} ← “{h}”" for f, h in headers.items())))
        self.details.setText("; ".join(parts) + ".")
        self.unknown.setText(self.tr("Cột không dùng: {cols}").format(
            cols=", ".join(f"“{c}”" for c in preview.unknown_columns)) if preview.unknown_columns else "")
        self.unknown.setVisible(bool(preview.unknown_columns))
        # file-level problems
        errors = self.file_errors()
        warnings = [p for p in preview.problems if getattr(p, "severity", "error") == "warning"]
        if errors:
            self.file_problems.setText(self.tr("Không nhập được tệp này:") + "\n" +
                                       "\n".join(f"• {self._problem_text(p, True)}" for p in errors))
            self.file_problems.show()
        else:
            self.file_problems.hide()
        self.file_warnings.setText("\n".join(f"• {self._problem_text(p, True)}" for p in warnings))
        self.file_warnings.setVisible(bool(warnings))
        self._fill_table(preview)
        self._update_buttons()

    @staticmethod
    def _problem_text(p, with_place: bool = False) -> str:
        if with_place:
            return str(p)
        message = getattr(p, "message", p)
        column = getattr(p, "column", None)
        text = str(message)
        if column and column not in text:
            text = f"{column}: {text}"
        return text

    def action_text(self, row) -> str:
        if row.action == "new":
            return self.tr("Thêm mới")
        if row.action == "update":
            fields = ", ".join(FIELD_LABELS.get(c, c) for c in row.changes)
            return self.tr("Cập nhật ({fields})").format(fields=fields) if fields else self.tr("Cập nhật")
        if row.action == "unchanged":
            return self.tr("Không đổi")
        if row.action == "conflict" and row.existing is not None and row.member is not None:
            return self.tr("Đổi họ tên «{old}» thành «{new}»: cần xác nhận").format(
                old=row.existing.full_name, new=row.member.full_name)
        return self.tr("Lỗi")

    def _fill_table(self, preview) -> None:
        self.table.setRowCount(len(preview.rows))
        for r, row in enumerate(preview.rows):
            member = row.member or row.existing
            name = member.full_name if member else row.name
            problems = [self._problem_text(p) for p in row.problems]
            if row.action == "conflict":
                problems.insert(0, self.tr("Số thẻ và ngày sinh khớp với đảng viên đã có; sẽ thay đổi: {fields}").format(
                    fields=", ".join(row.changes)))
            values = (str(row.row), name,
                      format_date(member.birth_date) if member else row.birth_text, self.action_text(row),
                      "; ".join(problems))
            brush = QBrush(QColor(ROW_COLOURS.get(row.action, "#ffffff")))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setBackground(brush)
                item.setForeground(QBrush(QColor("#1f1f1f")))
                if c == 3 and row.action == "error":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        counts = self.row_counts()
        text = self.tr("{new} thêm mới, {update} cập nhật, {unchanged} không đổi, {error} lỗi").format(**counts)
        if counts.get("conflict"):
            text += self.tr(", {conflict} đổi họ tên cần xác nhận").format(conflict=counts["conflict"])
        self.counts.setText(text)
        self.skip_errors.setEnabled(counts["error"] > 0 or counts.get("conflict", 0) > 0)
        self.confirm_renames.setVisible(counts.get("conflict", 0) > 0)
        self.confirm_renames.setChecked(False)

    def file_errors(self) -> list:
        """File-level problems that stop the import (warnings and notes do not)."""
        if self.preview is None:
            return []
        return [p for p in self.preview.problems if getattr(p, "severity", "error") == "error"]

    def row_counts(self) -> dict[str, int]:
        counts = {"new": 0, "update": 0, "unchanged": 0, "error": 0}
        for row in (self.preview.rows if self.preview else []):
            counts[row.action] = counts.get(row.action, 0) + 1
        return counts

    def shown_rows(self) -> list[list[str]]:
        """The preview table as the user sees it."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def excluded_rows(self) -> list[int]:
        if not self.preview or not self.skip_errors.isChecked():
            return []
        return [r.row for r in self.preview.rows
                if r.action == "error" or (r.action == "conflict" and not self.confirm_renames.isChecked())]

    def confirmed_rows(self) -> list[int]:
        if not self.preview or not self.confirm_renames.isChecked():
            return []
        return [r.row for r in self.preview.rows if r.action == "conflict"]

    def _unsettled_conflicts(self) -> int:
        if self.confirm_renames.isChecked() or self.skip_errors.isChecked():
            return 0
        return self.row_counts().get("conflict", 0)

    @Slot()
    def _update_buttons(self) -> None:
        p = self.preview
        ok = (p is not None and not self._loading and not self.file_errors()
              and (self.row_counts()["error"] == 0 or self.skip_errors.isChecked())
              and not self._unsettled_conflicts()
              and any(r.action in ("new", "update") or (r.action == "conflict" and r.row in self.confirmed_rows())
                      for r in p.rows))
        self.import_button.setEnabled(ok)
        if p is not None and not self._loading:
            if self.file_errors():
                self.status.setText(self.tr("Hãy sửa tệp rồi chọn lại."))
            elif self.row_counts()["error"] and not self.skip_errors.isChecked():
                self.status.setText(self.tr("Có dòng lỗi: sửa tệp rồi chọn lại, hoặc đánh dấu “Bỏ qua các dòng lỗi”."))
            elif self._unsettled_conflicts():
                self.status.setText(self.tr("Có dòng đổi họ tên của đảng viên đã có: kiểm tra rồi đánh dấu "
                                            "“Xác nhận đổi họ tên”, hoặc “Bỏ qua các dòng lỗi”."))
            elif not ok:
                self.status.setText(self.tr("Không có gì mới để nhập."))
            else:
                self.status.setText("")

    # -- importing ------------------------------------------------------------------------------
    def apply(self) -> None:
        if not self.import_button.isEnabled():
            return
        preview, excluded, confirmed, cf = self.preview, self.excluded_rows(), self.confirmed_rows(), self.cf
        self._set_busy(True, self.tr("Đang nhập…"))
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        run_in_background(lambda: cf.apply_import(preview, excluded, confirmed).result(), self._applied,
                          self._apply_failed)

    def summary_text(self, s) -> str:
        return self.tr("Đã nhập: {added} thêm mới, {updated} cập nhật, {unchanged} không đổi.").format(
            added=s.added, updated=s.updated, unchanged=s.unchanged)

    def _applied(self, summary) -> None:
        self.summary = summary
        self._set_busy(False, self.summary_text(summary))
        self.cancel_button.setEnabled(True)
        self.imported.emit(summary)
        self.accept()

    def _apply_failed(self, err: BaseException) -> None:
        self._set_busy(False)
        self.cancel_button.setEnabled(True)
        self.file_problems.setText(error_text(err))
        self.file_problems.show()
