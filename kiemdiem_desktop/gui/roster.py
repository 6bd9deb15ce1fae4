"""The roster screen: every member of the cell, searchable with or without diacritics."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QSortFilterProxyModel, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from ..i18n import UserError
from ..model import Category
from ..model.member import GENDER_LABELS, PARTY_POST_LABELS
from ..services import RosterEntry
from ..vn.collation import name_sort_key
from ..vn.dates import DateError, format_date
from ..vn.text import clean, matches
from .common import after_first_paint, error_text, show_error
from .qt_values import (
    ALIGN_CENTER, DISPLAY_ROLE, FOREGROUND_ROLE, TEXT_ALIGNMENT_ROLE, TOOLTIP_ROLE, WIDGET_WITH_CHILDREN_SHORTCUT,
)

COL_STT, COL_NAME, COL_BIRTH, COL_GENDER, COL_POST, COL_GOV, COL_UNIT, COL_STATUS, COL_ADMIT, COL_OFFICIAL, COL_CARD = range(11)
DATE_COLUMNS = {COL_BIRTH: "birth_date", COL_ADMIT: "admission_date", COL_OFFICIAL: "official_date"}


def __getattr__(name: str):
    """``gui.roster.LeaveDialog`` still works (its own module, loaded when it opens)."""
    if name == "LeaveDialog":
        from .leave_dialog import LeaveDialog

        return LeaveDialog
    raise AttributeError(name)


_ROLES = frozenset((DISPLAY_ROLE, FOREGROUND_ROLE, TEXT_ALIGNMENT_ROLE, TOOLTIP_ROLE))


class RosterModel(QAbstractTableModel):
    HEADERS = ("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ đảng", "Chức vụ chính quyền",
               "Đơn vị công tác", "Loại / tình trạng", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[RosterEntry] = []
        self.numbering: QSortFilterProxyModel | None = None     # the view's filter: STT is the row shown
        self._headers = [self.tr("STT"), self.tr("Họ và tên"), self.tr("Ngày sinh"), self.tr("Giới tính"),
                         self.tr("Chức vụ đảng"), self.tr("Chức vụ chính quyền"), self.tr("Đơn vị công tác"),
                         self.tr("Loại / tình trạng"), self.tr("Ngày vào Đảng"), self.tr("Ngày chính thức"),
                         self.tr("Số thẻ")]

    def set_entries(self, entries: list[RosterEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def header_model(self, parent) -> QStandardItemModel:
        """The column titles in a C++ model, for the view's horizontal header: a Python headerData()
        would be called with a Qt.Orientation, building PySide6's whole Qt namespace before the first
        frame (see qt_values)."""
        model = QStandardItemModel(0, len(self._headers), parent)
        model.setHorizontalHeaderLabels(self._headers)
        return model

    def text(self, row: int, col: int) -> str:
        e = self.entries[row]
        m = e.member
        if col == COL_STT:
            return str(row + 1)
        if col == COL_NAME:
            return m.full_name
        if col in DATE_COLUMNS:
            return format_date(getattr(m, DATE_COLUMNS[col]))
        if col == COL_GENDER:
            return GENDER_LABELS.get(m.gender, "") if m.gender else ""
        if col == COL_POST:
            return PARTY_POST_LABELS[m.party_post]
        if col == COL_GOV:
            return m.government_post
        if col == COL_UNIT:
            return m.work_unit
        if col == COL_STATUS:
            text = e.status_text
            if e.left_on:
                text += self.tr(" (chuyển đi {day})").format(day=format_date(e.left_on))
            return text
        if col == COL_CARD:
            return m.card_number
        return ""

    def sort_key(self, row: int, col: int):
        m = self.entries[row].member
        if col == COL_STT:
            return row
        if col == COL_NAME:
            return name_sort_key(m.full_name), row
        if col in DATE_COLUMNS:
            d = getattr(m, DATE_COLUMNS[col])
            return (d is None, d or date.min, row)
        return self.text(row, col).casefold(), row

    def data(self, index: QModelIndex, role=DISPLAY_ROLE):
        if role not in _ROLES or not index.isValid():     # asked for every role of every cell painted
            return None
        row, col = index.row(), index.column()
        if role == DISPLAY_ROLE:
            if col == COL_STT and self.numbering is not None:
                # STT counts the rows shown: hiding former members never makes the numbers jump
                return str(self.numbering.mapFromSource(index).row() + 1)
            return self.text(row, col)
        if role == FOREGROUND_ROLE and self.entries[row].category == Category.NOT_IN_CELL:
            return QBrush(QColor("#777777"))
        if role == TEXT_ALIGNMENT_ROLE and col in (COL_STT, COL_BIRTH, COL_ADMIT, COL_OFFICIAL):
            return ALIGN_CENTER
        if role == TOOLTIP_ROLE and col == COL_STATUS:
            return self.text(row, col)
        return None


class RosterFilter(QSortFilterProxyModel):
    """Search by name (with or without diacritics, or by initials); hides former members."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""
        self.show_former = False

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self.query = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_former(self, on: bool) -> None:
        self.beginFilterChange()
        self.show_former = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model: RosterModel = self.sourceModel()
        entry = model.entries[source_row]
        if not self.show_former and entry.category == Category.NOT_IN_CELL:
            return False
        return matches(self.query, entry.member.full_name)

    def lessThan(self, left, right) -> bool:  # noqa: N802
        if left.column() == COL_STT:        # the service's order (Vietnamese name order)
            return left.row() < right.row()
        model: RosterModel = self.sourceModel()
        return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())


class RosterScreen(QWidget):
    """Danh sách đảng viên."""

    changed = Signal()            # the roster was edited (other screens may refresh)
    import_requested = Signal()

    def __init__(self, cell_file, parent=None, *, load: bool = True):
        """``load=False``: the members are read when the screen is first shown (or asked for), not
        while the window starts on another tab."""
        super().__init__(parent)
        self.cf = cell_file
        self._loaded = False
        self.model = RosterModel(self)
        self.proxy = RosterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.model.numbering = self.proxy

        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Tìm theo tên, có dấu hoặc không dấu, hoặc chữ cái đầu: hung, nvh"))
        self.search.textChanged.connect(self._search)
        search_label = QLabel(self.tr("&Tìm:"))
        search_label.setBuddy(self.search)
        self.show_former = QCheckBox(self.tr("Hiện cả người đã &chuyển đi"))
        self.show_former.toggled.connect(self._toggle_former)

        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setModel(self.model.header_model(self.table))
        # A header click sorts from the first frame on (setting it up names a Qt.SortOrder: see qt_values).
        # (The screen's frame, not the table's viewport: PySide6 finding viewport()'s Python type builds
        # the types of every dialog class, ~5 ms.)
        after_first_paint(self, self._enable_sorting)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Enter / Return on a row and double-click both "activate" it: open it for editing.
        self.table.activated.connect(lambda _: self.edit_member())

        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCount")

        self.add_button = QPushButton(self.tr("&Thêm…"))
        self.add_button.setToolTip(self.tr("Thêm đảng viên (Ins hoặc Ctrl+N)"))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button = QPushButton(self.tr("&Sửa…"))
        self.edit_button.setToolTip(self.tr("Sửa đảng viên đang chọn (Enter hoặc F2)"))
        self.edit_button.clicked.connect(self.edit_member)
        self.leave_button = QPushButton(self.tr("Đánh dấu đã chuyển đi…"))
        self.leave_button.clicked.connect(self.mark_left)
        self.import_button = QPushButton(self.tr("&Nhập từ tệp…"))
        self.import_button.setToolTip(self.tr("Nhập danh sách từ tệp Excel hoặc CSV (Ctrl+I)"))
        self.import_button.clicked.connect(self.import_requested)

        for keys, slot in (((QKeySequence("Ins"), QKeySequence("Ctrl+N")), self.add_member),
                           ((QKeySequence("F2"),), self.edit_member),
                           ((QKeySequence("Ctrl+I"),), self.import_requested.emit),
                           ((QKeySequence("Ctrl+F"),), self.focus_search)):
            for k in keys:
                sc = QShortcut(k, self)
                sc.setProperty("context", WIDGET_WITH_CHILDREN_SHORTCUT)    # setContext() takes a Qt enum
                sc.activated.connect(slot)
        self.search.returnPressed.connect(self._search_enter)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_former)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.leave_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        if load:
            self.reload()

    def _enable_sorting(self) -> None:
        from PySide6.QtCore import Qt

        self.table.setSortingEnabled(True)
        # The service already gives the Vietnamese name order: no sort until a header is clicked.
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

    # -- data -----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self, select_id: str | None = None) -> None:
        current = select_id or (self.current_member_id() if self._loaded else None)
        self._loaded = True
        self.model.set_entries(self.cf.roster())
        self.fit_columns()
        self._update_count()
        if current:
            self.select_member(current)

    def fit_columns(self) -> None:
        """Widths from the header and the first rows' text, measured here: Qt's own
        resizeColumnsToContents asks the model for every role of every cell it measures."""
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        rows = range(min(self.model.rowCount(), 30))
        # caps in characters of the current font: a zoomed font widens them with the text
        char = max(metrics.averageCharWidth(), 1)
        caps = {COL_NAME: 32 * char, COL_UNIT: 36 * char, COL_STATUS: 52 * char, COL_GOV: 28 * char}
        for col in range(self.model.columnCount()):
            width = header_metrics.horizontalAdvance(self.model._headers[col]) + 30
            # each different text measured once (a column repeats its genders, posts, units, statuses):
            # the same widest text, a third fewer text layouts before the first frame
            for text in {self.model.text(row, col) for row in rows}:
                width = max(width, metrics.horizontalAdvance(text) + 16)
            if col in caps:
                width = min(max(width, 120), caps[col])
            self.table.setColumnWidth(col, width)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:       # Ctrl+= / Ctrl+-: the columns follow the text
            QTimer.singleShot(0, self.fit_columns)       # once the table has its new font too

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        in_cell = sum(1 for e in self.model.entries if e.category != Category.NOT_IN_CELL)
        if self.search.text().strip():
            self.count_label.setText(self.tr("Tìm thấy {shown} / {total} đảng viên").format(
                shown=shown, total=in_cell))
        else:
            self.count_label.setText(self.tr("{total} đảng viên đang sinh hoạt").format(total=in_cell))

    def visible_names(self) -> list[str]:
        """The names in the order shown (what the user sees, top to bottom)."""
        self.ensure_loaded()
        return [self.proxy.index(r, COL_NAME).data() for r in range(self.proxy.rowCount())]

    def current_member_id(self) -> str | None:
        self.ensure_loaded()
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        src = self.proxy.mapToSource(idx)
        return self.model.entries[src.row()].member.id

    def select_member(self, member_id: str) -> bool:
        self.ensure_loaded()
        for r, e in enumerate(self.model.entries):
            if e.member.id == member_id:
                idx = self.proxy.mapFromSource(self.model.index(r, COL_NAME))
                if idx.isValid():
                    self.table.setCurrentIndex(idx)
                    self.table.scrollTo(idx)
                    return True
        return False

    # -- actions ---------------------------------------------------------------------------------
    @Slot(str)
    def _search(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, COL_NAME))
        self._update_count()

    def _search_enter(self) -> None:
        if self.proxy.rowCount():
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.proxy.index(0, COL_NAME))
            self.table.setFocus()

    @Slot(bool)
    def _toggle_former(self, on: bool) -> None:
        self.proxy.set_show_former(on)
        self._update_count()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def add_member(self) -> None:
        from .member_dialog import MemberDialog

        dlg = MemberDialog(self.cf, None, self)
        if dlg.exec() == dlg.DialogCode.Accepted and dlg.saved:
            self.search.clear()
            self.reload(select_id=dlg.saved.id)
            self.table.setFocus()
            self.changed.emit()

    def edit_member(self) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            return
        from .member_dialog import MemberDialog

        try:
            member = self.cf.member(member_id)
        except UserError as err:
            show_error(self, err)
            return
        dlg = MemberDialog(self.cf, member, self)
        if dlg.exec() == dlg.DialogCode.Accepted:
            self.reload(select_id=member_id)
            self.table.setFocus()
            self.changed.emit()

    def mark_left(self) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            show_error(self, self.tr("Hãy chọn một đảng viên trong danh sách trước."))
            return
        from .leave_dialog import LeaveDialog

        entry = next(e for e in self.model.entries if e.member.id == member_id)
        dlg = LeaveDialog(entry.member.full_name, self)
        if dlg.exec() != dlg.DialogCode.Accepted:
            return
        try:
            self.cf.mark_left(member_id, dlg.day.date(), clean(dlg.reason.text())).result()
        except (UserError, DateError) as err:
            show_error(self, error_text(err))
            return
        self.reload()
        self.changed.emit()
