"""Năm đánh giá của đảng bộ: the committee's year in the window — each cell with its state and
figures, the quota lines across the đảng bộ, a cell's members with the level proposed and decided,
deciding with a reason, the notice to a cell and the report upward. Every figure and check comes
from committee/year.py (the same functions as the command line); no SQL here."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...committee.year import LEVELS, STATUS_LABELS, CommitteeOffice, YearView
from ...i18n import UserError, translate
from ...store.errors import ConflictError
from ...model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS, Level
from ..common import error_text, set_style_property, show_error
from .keys import tr

CELL_COLUMNS = ("Chi bộ", "Tình trạng", "Lần", "Số ĐV", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Chưa XL", "Mức chi bộ")
MEMBER_COLUMNS = ("Họ và tên", "Tự xếp loại", "Chi bộ đề xuất", "Cấp ủy quyết định", "Lý do / ghi chú")
STATUS_COLOURS = {"verified": "#1b5e20", "superseded": "#1b5e20", "refused": "#b00020", "expected": "#6d6d6d"}


def _abbr(level: str | None) -> str:
    return LEVEL_ABBREVIATIONS[Level(level)] if level else "—"


class YearPage(QWidget):
    """The committee's year on an open CommitteeOffice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("committeeYear")
        self.office: CommitteeOffice | None = None
        self.view: YearView | None = None
        self.year = QSpinBox()
        self.year.setObjectName("yearSpin")
        self.year.setRange(2023, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda _v: self.reload())
        year_label = QLabel(tr("&Năm đánh giá:"))
        year_label.setBuddy(self.year)
        self.totals = QLabel()
        self.totals.setObjectName("yearTotals")
        self.totals.setWordWrap(True)
        self.quota = QLabel()
        self.quota.setObjectName("yearQuota")
        self.quota.setWordWrap(True)

        self.cells = QTableWidget(0, len(CELL_COLUMNS))
        self.cells.setObjectName("yearCells")
        self.cells.setHorizontalHeaderLabels([tr(c) for c in CELL_COLUMNS])
        self._table(self.cells)
        self.cells.currentCellChanged.connect(lambda *_: self._show_members())
        self.members = QTableWidget(0, len(MEMBER_COLUMNS))
        self.members.setObjectName("yearMembers")
        self.members.setHorizontalHeaderLabels([tr(c) for c in MEMBER_COLUMNS])
        self._table(self.members)
        self.members.horizontalHeader().setSectionResizeMode(len(MEMBER_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.members.currentCellChanged.connect(lambda *_: self._member_selected())

        self.level = QComboBox()
        self.level.setObjectName("decideLevel")
        for lv in LEVELS:
            self.level.addItem(f"{LEVEL_ABBREVIATIONS[Level(lv)]} — {translate(LEVEL_LABELS[Level(lv)])}", lv)
        self.reason = QLineEdit()
        self.reason.setObjectName("decideReason")
        self.reason.setPlaceholderText(tr("bắt buộc khi hạ mức so với chi bộ đề xuất"))
        self.reference = QLineEdit()
        self.reference.setObjectName("decideReference")
        self.reference.setPlaceholderText(tr("ví dụ 15-TB/ĐU"))
        self.decide_button = QPushButton(tr("&Ghi quyết định"))
        self.decide_button.setObjectName("decideButton")
        self.decide_button.clicked.connect(lambda: self.decide())
        self.cell_button = QPushButton(tr("Mức của ch&i bộ"))
        self.cell_button.setObjectName("decideCellButton")
        self.cell_button.setToolTip(tr("Mức xếp loại chất lượng của chi bộ đang chọn (tổ chức đảng)"))
        self.cell_button.clicked.connect(lambda: self.decide_cell())
        self.cells_button = QPushButton(tr("D&anh sách chi bộ…"))
        self.cells_button.setObjectName("importCells")
        self.cells_button.setToolTip(tr("Nhập danh sách chi bộ của đảng bộ (CSV/XLSX: mã, tên chi bộ)"))
        self.cells_button.clicked.connect(lambda: self.import_cells())
        self.sheet_button = QPushButton(tr("&Quyết định từ bảng tính…"))
        self.sheet_button.setObjectName("decideFromSheet")
        self.sheet_button.setToolTip(tr("Ghi các quyết định cán bộ đã điền trong bảng tính (trang “Quyết định” của "
                                        "báo cáo .xlsx), sau khi kiểm tra và xem trước"))
        self.sheet_button.clicked.connect(lambda: self.decide_from_sheet())
        self.minutes_button = QPushButton(tr("Biên bản, chữ &ký…"))
        self.minutes_button.setObjectName("minutesButton")
        self.minutes_button.clicked.connect(lambda: self.show_minutes())
        self.history = QLabel()
        self.history.setObjectName("decisionHistory")
        self.history.setWordWrap(True)
        self.notice_button = QPushButton(tr("Thông bá&o…"))
        self.notice_button.setObjectName("noticeButton")
        self.notice_button.setToolTip(tr("Lập thông báo kết quả cho chi bộ đang chọn: ký số và mã hóa gửi chi bộ"))
        self.notice_button.clicked.connect(lambda: self.make_notice())
        self.report_button = QPushButton(tr("Báo &cáo…"))
        self.report_button.setObjectName("reportButton")
        self.report_button.setToolTip(tr("Báo cáo kết quả xếp loại lên cấp trên (PDF, Word hoặc bảng tính)"))
        self.report_button.clicked.connect(lambda: self.make_report())
        self.message = QLabel()
        self.message.setObjectName("yearMessage")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.totals, 1)
        top.addWidget(self.cells_button)
        fields = QHBoxLayout()
        reason_row = QHBoxLayout()
        for row, text, widget, stretch in ((fields, tr("&Mức quyết định:"), self.level, 0),
                                           (fields, tr("&Số thông báo:"), self.reference, 0),
                                           (reason_row, tr("&Lý do:"), self.reason, 1)):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        fields.addStretch(1)
        self.reference.setMinimumWidth(self.reference.fontMetrics().horizontalAdvance("ví dụ 15-TB/ĐU") + 24)
        self.reference.setMaximumWidth(self.reference.minimumWidth())
        self.level.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decide_button)
        buttons.addWidget(self.cell_button)
        buttons.addWidget(self.sheet_button)
        buttons.addStretch(1)
        for b in (self.minutes_button, self.notice_button, self.report_button):
            buttons.addWidget(b)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("yearSplit")
        split.addWidget(self.cells)
        split.addWidget(self.members)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.quota)
        lay.addWidget(split, 1)
        lay.addWidget(self.history)
        lay.addLayout(fields)
        lay.addLayout(reason_row)
        lay.addLayout(buttons)
        lay.addWidget(self.message)
        self._update()

    @staticmethod
    def _table(t: QTableWidget) -> None:
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().hide()
        h = t.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)

    def set_office(self, office: CommitteeOffice | None) -> None:
        self.office = office
        if office is not None:
            years = office.years()
            if years and self.year.value() not in years:
                self.year.setValue(years[-1])
        self.reload()

    # -- showing ------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.office is None:
            self.view = None
            self.cells.setRowCount(0)
            self.members.setRowCount(0)
            self.totals.clear()
            self.quota.clear()
            self._update()
            return
        keep = self.cells.currentRow()
        self.view = self.office.view(self.year.value())
        self.cells.setRowCount(len(self.view.cells))
        for r, c in enumerate(self.view.cells):
            rated = [m for m in c.members if m.rated]
            counts = [str(sum(1 for m in rated if m.level == lv)) if c.package else "" for lv in LEVELS]
            values = [c.name, translate(STATUS_LABELS[c.status]), str(c.revision or ""),
                      str(len(rated)) if c.package else "", *counts,
                      str(sum(1 for m in rated if m.level is None)) if c.package else "",
                      _abbr(c.level) if c.package else ""]
            for col, v in enumerate(values):
                item = QTableWidgetItem(v)
                if col == 1:
                    item.setForeground(QBrush(QColor(STATUS_COLOURS[c.status])))
                    if c.reason:
                        item.setToolTip(c.reason)
                self.cells.setItem(r, col, item)
        s = self.office.summary(self.year.value(), self.view)
        m = s["members"]
        self.totals.setText(tr("{total} đảng viên được xếp loại ở {sent} chi bộ đã gửi ({missing} chi bộ chưa gửi): "
                               "{levels}; chưa xếp loại {unrated}. Cấp ủy đã quyết định {decided}.").format(
            total=m["total"], sent=s["cells"]["total"], missing=s["cells"]["expected"],
            levels=", ".join(f"{m['levels'][lv]} {LEVEL_ABBREVIATIONS[Level(lv)]}" for lv in LEVELS),
            unrated=m["unrated"], decided=s["decided"]))
        lines = [f"{q['label']}: {q['text']}" + (tr(" — VƯỢT tỷ lệ") if q["over"] else "") for q in s["quota"]]
        self.quota.setText(tr("Tỷ lệ HTXSNV: ") + ("; ".join(lines) if lines else tr("chưa có kết quả để tính.")))
        set_style_property(self.quota, "over", any(q["over"] for q in s["quota"]))     # ui/style.qss
        if self.view.cells:
            self.cells.setCurrentCell(min(max(keep, 0), len(self.view.cells) - 1), 0)
        self._show_members()
        self.changed.emit()

    def current_cell(self):
        r = self.cells.currentRow()
        if self.view is None or not (0 <= r < len(self.view.cells)):
            return None
        return self.view.cells[r]

    def _rated(self, cell) -> list:
        return [m for m in cell.members if m.rated] if cell else []

    def _show_members(self) -> None:
        cell = self.current_cell()
        keep = self.members.currentRow()
        rows = self._rated(cell)
        self.members.setRowCount(len(rows))
        for r, m in enumerate(rows):
            proposed = _abbr(m.voted_level) + (f" ({m.votes}/{m.base})" if m.voted_level and m.votes is not None else "")
            note = (m.decision.reason if m.decision and m.decision.reason else m.note)
            for col, v in enumerate((m.full_name, _abbr(m.self_level), proposed,
                                     _abbr(m.decision.level) if m.decision else "", note)):
                item = QTableWidgetItem(v)
                if col == 3 and m.decision and m.decision.level != m.voted_level:
                    item.setForeground(QBrush(QColor("#b00020")))
                self.members.setItem(r, col, item)
        if rows:
            self.members.blockSignals(True)
            self.members.setCurrentCell(min(max(keep, 0), len(rows) - 1), 0)
            self.members.blockSignals(False)
        self._member_selected()

    def current_member(self):
        r = self.members.currentRow()
        rows = self._rated(self.current_cell())
        return rows[r] if 0 <= r < len(rows) else None

    def _member_selected(self) -> None:
        m = self.current_member()
        shown = (m.id, m.decision.id if m.decision else None) if m is not None else None
        if m is not None and shown != getattr(self, "_shown", None) and (m.decision or m.voted_level):
            # a newly chosen member (or a new decision): the fields show what counts now; the same
            # member after a refusal keeps what the user typed
            self.level.setCurrentIndex(self.level.findData(m.level))
            self.reason.setText(m.decision.reason if m.decision else "")
        self._shown = shown
        self.history.clear()
        if m is not None and m.decision is not None and self.office is not None:
            lines = []
            for h in self.office.history(self.year.value(), m.id):
                lines.append(tr("{day}: {level}{ref}{why}{by}").format(
                    day="/".join(reversed(h.decided_on.split("-"))), level=_abbr(h.level),
                    ref=f" ({h.reference})" if h.reference else "", why=f", {h.reason}" if h.reason else "",
                    by=f" — {h.decided_by}" if h.decided_by else "")
                    + ("" if h.replaced_by is None else tr(" (đã được thay)")))
            self.history.setText(tr("Các quyết định: ") + "; ".join(lines))
        self._update()

    def _update(self) -> None:
        m = self.current_member()
        cell = self.current_cell()
        self.decide_button.setEnabled(m is not None and m.voted_level is not None)
        self.cell_button.setEnabled(cell is not None and cell.cell_level is not None)
        self.notice_button.setEnabled(cell is not None and cell.package is not None)
        self.minutes_button.setEnabled(cell is not None and cell.package is not None)
        self.report_button.setEnabled(self.office is not None)
        self.cells_button.setEnabled(self.office is not None)
        self.sheet_button.setEnabled(self.office is not None and self.view is not None and bool(self.view.members()))

    def say(self, text: str, *, error: bool = False) -> None:
        set_style_property(self.message, "state", "error" if error else "ok")     # ui/style.qss
        self.message.setText(text)

    # -- acting ---------------------------------------------------------------------------------------
    def decide(self) -> bool:
        m = self.current_member()
        if self.office is None or m is None:
            return False
        try:
            d = self.office.decide_member(self.year.value(), m.id, self.level.currentData(), reason=self.reason.text(),
                                          decided_on=date.today(), reference=self.reference.text(),
                                          expected=m.decision.id if m.decision else None, view=self.view)
        except UserError as err:
            self.say(error_text(err), error=True)
            if isinstance(err, ConflictError):      # someone else decided meanwhile: show it
                self.reload()
                self.say(error_text(err), error=True)
            return False
        self.say(tr("Đã ghi: {name} — {level}{why}.").format(
            name=m.full_name, level=_abbr(d.level), why=(tr(", lý do: {r}").format(r=d.reason) if d.reason else "")))
        self.reload()
        return True

    def decide_cell(self) -> bool:
        cell = self.current_cell()
        if self.office is None or cell is None:
            return False
        try:
            d = self.office.decide_cell(self.year.value(), cell.code or cell.name, self.level.currentData(),
                                        reason=self.reason.text(), decided_on=date.today(),
                                        reference=self.reference.text(),
                                        expected=cell.decision.id if cell.decision else None, view=self.view)
        except UserError as err:
            self.say(error_text(err), error=True)
            if isinstance(err, ConflictError):
                self.reload()
                self.say(error_text(err), error=True)
            return False
        self.say(tr("Đã ghi mức của {cell}: {level}.").format(cell=cell.name, level=_abbr(d.level)))
        self.reload()
        return True

    def decide_from_sheet(self, path: str | Path | None = None, confirm=None) -> int:
        """Decisions from a filled workbook: every row checked as one decision is; any error and
        nothing is written; otherwise a preview to confirm (``confirm(preview)``: tests)."""
        if self.office is None:
            return 0
        if path is None:
            path = QFileDialog.getOpenFileName(self, tr("Bảng tính quyết định (trang “Quyết định”)"), "",
                                               tr("Bảng tính (*.xlsx)"))[0]
            if not path:
                return 0
        try:
            preview = self.office.preview_decisions(self.year.value(), path, decided_on=date.today())
        except UserError as err:
            self.say(error_text(err), error=True)
            return 0
        if preview.errors:
            text = tr("{file}: {n} dòng không ghi được; chưa ghi gì.").format(file=preview.file, n=len(preview.errors))
            self.say(text + " " + preview.errors[0], error=True)
            if confirm is None:
                box = QMessageBox(QMessageBox.Icon.Warning, tr("Bảng tính có lỗi"), text, QMessageBox.StandardButton.Ok,
                                  self)
                box.setDetailedText("\n".join(preview.errors))
                box.exec()
            return 0
        if not preview.items:
            self.say(tr("{file}: không có dòng nào ghi mức quyết định.").format(file=preview.file), error=True)
            return 0
        if confirm is None:
            def confirm(p) -> bool:
                lowered = sum(1 for i in p.items if i.level != i.member.voted_level)
                box = QMessageBox(QMessageBox.Icon.Question, tr("Xem trước các quyết định"),
                                  tr("{file}: {n} quyết định, trong đó {low} hạ mức so với chi bộ đề xuất. Ghi vào?").format(
                                      file=p.file, n=len(p.items), low=lowered),
                                  QMessageBox.StandardButton.NoButton, self)
                box.setDetailedText("\n".join(p.lines()))
                yes = box.addButton(tr("&Ghi các quyết định"), QMessageBox.ButtonRole.YesRole)
                no = box.addButton(tr("&Hủy"), QMessageBox.ButtonRole.NoRole)
                box.setDefaultButton(no)
                box.exec()
                return box.clickedButton() is yes
        if not confirm(preview):
            self.say(tr("Chưa ghi gì."))
            return 0
        try:
            n = self.office.apply_decisions(preview)
        except UserError as err:
            self.say(error_text(err), error=True)
            self.reload()
            return 0
        self.say(tr("Đã ghi {n} quyết định từ {file}.").format(n=n, file=preview.file))
        self.reload()
        return n

    def import_cells(self, path: str | Path | None = None) -> bool:
        if self.office is None:
            return False
        if path is None:
            path = QFileDialog.getOpenFileName(self, tr("Danh sách chi bộ của đảng bộ (mã, tên chi bộ)"), "",
                                               tr("Bảng tính hoặc CSV (*.xlsx *.csv);;Mọi tệp (*)"))[0]
            if not path:
                return False
        try:
            added, updated = self.office.import_cells(path)
        except UserError as err:
            self.say(error_text(err), error=True)
            return False
        self.say(tr("Đã nhập danh sách chi bộ: {a} mới, {u} cập nhật.").format(a=added, u=updated))
        self.reload()
        return True

    def show_minutes(self, folder: str | Path | None = None, *, open_it: bool = True):
        """The selected cell's minutes as received, opened in the PDF reader, with its signatures."""
        cell = self.current_cell()
        if self.office is None or cell is None:
            return None
        import tempfile

        folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="kiemdiem-bien-ban-"))
        found = self.office.minutes_file(self.year.value(), cell, folder)
        if found is None:
            self.say(tr("Chưa có biên bản của {cell}.").format(cell=cell.name), error=True)
            return None
        path, reports = found
        if reports:
            sigs = "; ".join(tr("{role}: {who}, {state}").format(
                role={"chu-tri": "chủ trì", "thu-ky": "thư ký"}.get(r.role, r.role or r.field), who=r.signer,
                state=tr("còn nguyên vẹn") if r.ok else tr("KHÔNG HỢP LỆ hoặc đã bị sửa")) for r in reports)
        else:
            sigs = tr("biên bản không có chữ ký số (bản lập từ dữ liệu; bản giấy có chữ ký gửi kèm nếu có)")
        self.say(tr("Biên bản của {cell}: {path}. Chữ ký: {sigs}.").format(cell=cell.name, path=path, sigs=sigs),
                 error=any(not r.ok for r in reports))
        if open_it:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path, reports

    def make_report(self, path: str | Path | None = None) -> Path | None:
        if self.office is None:
            return None
        if path is None:
            path = QFileDialog.getSaveFileName(self, tr("Lưu báo cáo lên cấp trên"),
                                               f"bao-cao-{self.year.value()}.pdf",
                                               tr("PDF (*.pdf);;Word (*.docx);;Bảng tính (*.xlsx)"))[0]
            if not path:
                return None
        from ...committee.notice import decisions_sheet, report_data
        from ...documents.committee_report import build_report_docx, build_report_pdf, build_report_xlsx

        path = Path(path)
        try:
            data = report_data(self.office, self.year.value(), day=date.today(), reference="")
            if path.suffix.lower() == ".docx":
                out = build_report_docx(data, path)
            elif path.suffix.lower() == ".xlsx":
                out = build_report_xlsx(data, path, decisions_sheet(self.view))
            else:
                out = build_report_pdf(data, path.with_suffix(".pdf"))
        except (UserError, OSError) as err:
            self.say(error_text(err), error=True)
            return None
        self.say(tr("Đã ghi báo cáo vào {path}.").format(path=out))
        return out

    def make_notice(self, out: str | Path | None = None, cert: str | Path | None = None, load=None) -> Path | None:
        """The notice for the selected cell; ``load`` opens the committee's signing key (tests)."""
        cell = self.current_cell()
        if self.office is None or cell is None:
            return None
        if cert is None:
            cert = QFileDialog.getOpenFileName(self, tr("Chứng thư mã hóa của {cell}").format(cell=cell.name), "",
                                               tr("Chứng thư số (*.crt *.cer *.pem *.der)"))[0]
            if not cert:
                return None
        if out is None:
            out = QFileDialog.getSaveFileName(self, tr("Lưu thông báo"), f"thong-bao-{cell.code or 'chi-bo'}.p7m",
                                              tr("Thông báo (*.p7m)"))[0]
            if not out:
                return None
        if load is None:
            from .keys import KeyDialog

            dlg = KeyDialog("committee-signing", tr("Khóa ký của cấp ủy"), tr("Chọn khóa ký của cấp ủy để ký thông báo."), self)
            if not dlg.exec():
                return None
            load = dlg.load
        from ...committee.notice import make_notice
        from ...crypto.keys import load_recipient_certificate

        try:
            with load() as key:
                r = make_notice(self.office, self.year.value(), cell.code or cell.name, key,
                                load_recipient_certificate(cert), out, day=date.today(),
                                reference=self.reference.text())
        except UserError as err:
            self.say(error_text(err), error=True)
            show_error(self, err, tr("Không lập được thông báo"))
            return None
        self.say(tr("Đã lập thông báo {path}: {n} đảng viên, {low} hạ mức so với đề xuất.").format(
            path=r.path, n=r.members, low=r.lowered))
        return r.path
