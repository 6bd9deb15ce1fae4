"""The main window: the cell, the roster and the meetings of one data file."""
from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMainWindow, QProgressBar, QPushButton, QTabWidget,
    QVBoxLayout, QWidget, QAbstractItemView,
)

from .. import APP_NAME, __version__
from ..i18n import UserError
from ..model import Cell
from ..model.meeting import MEETING_KIND_LABELS, MEETING_STATE_LABELS
from ..vn.dates import format_date
from ..vn.text import clean
from .common import (
    FutureWatcher, add_recent_file, ask_yes_no, recent_files, settings, show_error,
)
from .qt_values import APPLICATION_SHORTCUT
from .roster import RosterScreen

BASE_POINT_SIZE = 11.0
ZOOM_MIN, ZOOM_MAX = -3, 10
ZOOM_MARK = "\n/* cỡ chữ "
FILE_FILTER = "Tệp dữ liệu Kiểm điểm (*.kiemdiem);;Mọi tệp (*)"


def __getattr__(name: str):
    """``from kiemdiem_desktop.gui.main_window import BackupDialog`` still works (the dialog has its own
    module, imported when it opens, not with the window)."""
    if name == "BackupDialog":
        from .backup_dialog import BackupDialog

        return BackupDialog
    raise AttributeError(name)


def apply_zoom(step: int) -> float:
    """Set the application font to the base size plus ``step`` points; returns the new size."""
    step = max(ZOOM_MIN, min(ZOOM_MAX, step))
    app = QApplication.instance()
    font = QFont(app.font())
    size = BASE_POINT_SIZE + step
    font.setPointSizeF(size)
    app.setFont(font)
    sheet = app.styleSheet()
    if sheet:
        # Widgets polished by a style sheet keep the font they had: polish them again, once (a
        # changed sheet re-polishes every widget; clearing it first would do it twice, seconds
        # with the meeting guide open).
        base = sheet.split(ZOOM_MARK)[0]
        app.setStyleSheet(f"{base}{ZOOM_MARK}{size:g} */")
    return size


class _MadeWhenShown(QWidget):
    """A tab page whose widgets are made when it is first shown or one of them is first named
    (``page.name``…): the window's first frame makes only the page it shows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._made = False

    def __getattr__(self, name: str):
        if name.startswith("__") or self.__dict__.get("_made", True):
            raise AttributeError(name)
        self._make()
        return getattr(self, name)

    def _make(self) -> None:
        self._made = True
        self.make()
        if self.isVisible():
            # Widgets put in the layout of a page being shown are shown by a queued call (QLayout): make
            # it now, and lay them out, so that they are in the page's first frame.
            for child in self.findChildren(QWidget):
                QCoreApplication.sendPostedEvents(child, QEvent.Type.MetaCall)
            self.layout().activate()

    def make(self) -> None:
        raise NotImplementedError

    def showEvent(self, event) -> None:  # noqa: N802
        if not self._made:
            self._make()
        super().showEvent(event)


class CellPage(_MadeWhenShown):
    """Chi bộ: every edit is saved as it is made (no Save button)."""

    saved = Signal()
    failed = Signal(object)

    def __init__(self, cell_file, parent=None):
        super().__init__(parent)
        self.cf = cell_file

    def make(self) -> None:
        # (PySide6 makes a class's Python type, with its enums, when it is first named: the page's own
        # classes are named when the page is made, not before the window's first frame)
        from PySide6.QtWidgets import QFormLayout

        self.watcher = FutureWatcher(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("ví dụ: Chi bộ Phòng Tổ chức – Hành chính"))
        self.higher_org = QLineEdit()
        self.higher_org.setPlaceholderText(self.tr("ví dụ: Đảng bộ Sở Nội vụ"))
        self.code = QLineEdit()
        self.locality = QLineEdit()
        self.locality.setPlaceholderText(self.tr("ví dụ: Hà Nội — in ở dòng “…, ngày … tháng … năm …” của văn bản"))
        self.is_grassroots = QCheckBox(self.tr("Chi bộ cơ sở (tự quyết định xếp loại đảng viên)"))
        self.has_committee = QCheckBox(self.tr("Có chi ủy (được bầu)"))
        form = QFormLayout()
        form.addRow(self.tr("&Tên chi bộ:"), self.name)
        form.addRow(self.tr("Đảng bộ / đảng ủy &cấp trên:"), self.higher_org)
        form.addRow(self.tr("&Mã chi bộ:"), self.code)
        form.addRow(self.tr("Địa &danh:"), self.locality)
        form.addRow("", self.is_grassroots)
        form.addRow("", self.has_committee)
        hint = QLabel(self.tr("Mọi thay đổi được lưu ngay khi bạn rời ô đang nhập."))
        hint.setObjectName("hint")
        self.state = QLabel()
        self.state.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.state)
        layout.addStretch(1)
        self.load()
        for w in (self.name, self.higher_org, self.code, self.locality):
            w.editingFinished.connect(self.save)
        for c in (self.is_grassroots, self.has_committee):
            c.toggled.connect(self.save)

    def load(self) -> None:
        if not self._made:               # read when the page is made
            return
        cell = self.cf.cell()
        self._loading = True
        self.name.setText(cell.name)
        self.higher_org.setText(cell.higher_org)
        self.code.setText(cell.code)
        self.locality.setText(cell.locality)
        self.is_grassroots.setChecked(cell.is_grassroots)
        self.has_committee.setChecked(cell.has_committee)
        self._loading = False
        self._last = cell

    def current(self) -> Cell:
        return Cell(name=clean(self.name.text()), higher_org=clean(self.higher_org.text()),
                    code=clean(self.code.text()), is_grassroots=self.is_grassroots.isChecked(),
                    has_committee=self.has_committee.isChecked(), locality=clean(self.locality.text()))

    def flush(self) -> None:
        """Save what is typed now and wait for it (before the file closes)."""
        if not self._made or self._loading or self.current() == self._last:
            return
        cell = self._last = self.current()
        try:
            self.cf.save_cell(cell).result()
        except Exception as err:  # noqa: BLE001
            self.failed.emit(err)

    @Slot()
    def save(self) -> None:
        if self._loading:
            return
        cell = self.current()
        if cell == self._last:
            return
        self._last = cell
        try:
            future = self.cf.save_cell(cell)
        except UserError as err:
            self.failed.emit(err)
            return
        self.watcher.watch(future, lambda _: self._done(), self.failed.emit)

    def _done(self) -> None:
        self.state.setText(self.tr("Đã lưu."))
        self.saved.emit()


class MeetingsPage(_MadeWhenShown):
    """Cuộc họp: the meetings of the file."""

    def __init__(self, cell_file, parent=None):
        super().__init__(parent)
        self.cf = cell_file
        self.guides: list[QWidget] = []
        self._followed: set[str] = set()
        self._ids: list[str] = []
        self._loaded = False

    def make(self) -> None:
        from PySide6.QtWidgets import QTableWidget       # (see CellPage.make)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("meetingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Năm đánh giá"), self.tr("Loại"), self.tr("Trạng thái"),
                                              self.tr("Ngày họp")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr(
            "Chưa có cuộc họp nào. Hãy kiểm tra danh sách đảng viên (trang “Đảng viên”), "
            "rồi bấm “Cuộc họp mới…” để tạo và chuẩn bị hội nghị kiểm điểm của năm nay."))
        self.empty.setObjectName("emptyHint")
        self.empty.setWordWrap(True)
        # what is under way, said as the file opens (a meeting being prepared or held)
        self.in_progress = QLabel()
        self.in_progress.setObjectName("inProgress")
        self.in_progress.setWordWrap(True)
        self.in_progress.hide()
        self.new_button = QPushButton(self.tr("Cuộc họp &mới…"))
        self.new_button.setObjectName("newMeeting")
        self.new_button.clicked.connect(self.prepare_meeting)
        self.prepare_button = QPushButton(self.tr("&Chuẩn bị cuộc họp…"))
        self.prepare_button.setObjectName("prepareMeeting")
        self.prepare_button.setToolTip(self.tr("Số biên bản, ngày, giờ, địa điểm, chủ trì, thư ký, đại biểu, "
                                               "chương trình, bản tự kiểm điểm (F4 trong cửa sổ hội nghị)"))
        self.prepare_button.clicked.connect(lambda: self.open_meeting(prepare=True))
        self.open_button = QPushButton(self.tr("&Mở cuộc họp"))
        self.open_button.clicked.connect(lambda: self.open_meeting())
        self.documents_button = QPushButton(self.tr("&Văn bản hội nghị…"))
        self.documents_button.clicked.connect(lambda: self.open_documents())
        self.table.cellActivated.connect(lambda *_: self.open_meeting())
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.prepare_button)
        row.addWidget(self.open_button)
        row.addWidget(self.documents_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_progress)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def showEvent(self, event) -> None:  # noqa: N802
        # Read the meetings when the page is first shown, not while the window starts.
        if not self._loaded:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self._loaded = True
        selected = self.selected_meeting_id()
        meetings = sorted(self.cf.meetings(), key=lambda m: (-m.rating_year, m.meeting_date or date.max))
        self.table.setRowCount(len(meetings))
        self._ids = [m.id for m in meetings]
        self.open_button.setEnabled(bool(meetings))
        self.prepare_button.setEnabled(bool(meetings))
        self.documents_button.setEnabled(bool(meetings))
        from ..model import MeetingState

        going = [m for m in meetings if m.state in (MeetingState.PREPARING, MeetingState.IN_PROGRESS)]
        if going:
            m = going[0]
            what = (self.tr("đang họp") if m.state == MeetingState.IN_PROGRESS else self.tr("đang chuẩn bị"))
            self.in_progress.setText(self.tr("Hội nghị kiểm điểm năm {year} {what}. Chọn dòng của nó rồi bấm "
                                             "“Mở cuộc họp” (Enter) để tiếp tục đúng bước đang dừng.").format(
                year=m.rating_year, what=what))
            if selected is None:
                selected = m.id
        self.in_progress.setVisible(bool(going))
        from PySide6.QtWidgets import QTableWidgetItem

        for r, m in enumerate(meetings):
            for c, text in enumerate((str(m.rating_year), MEETING_KIND_LABELS.get(m.kind, str(m.kind)),
                                      MEETING_STATE_LABELS.get(m.state, str(m.state)),
                                      format_date(m.meeting_date) or self.tr("(chưa định ngày)"))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if selected in self._ids:
            self.table.setCurrentCell(self._ids.index(selected), 0)
        self.empty.setVisible(not meetings)
        self.table.setVisible(bool(meetings))

    def prepare_meeting(self) -> None:
        from ..model import MeetingKind
        from ..session import prepare_meeting

        year = date.today().year
        kind = MeetingKind.MAIN
        if any(m.rating_year == year for m in self.cf.meetings()):
            if not ask_yes_no(self, self.tr("Chuẩn bị cuộc họp"), self.tr(
                    "Đã có cuộc họp đánh giá năm {year}. Tạo thêm một buổi kiểm điểm bổ sung?").format(year=year)):
                return
            kind = MeetingKind.SUPPLEMENTARY
        try:
            session = prepare_meeting(self.cf, year, kind)
        except UserError as err:
            show_error(self, err)
            return
        self.reload()
        self.open_meeting(session.meeting_id, prepare=True)     # straight to its preparation

    def selected_meeting_id(self) -> str | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def open_meeting(self, meeting_id: str | None = None, prepare: bool = False) -> None:
        """The meeting guide, in its own window; ``prepare``: with its preparation dialog (F4)."""
        from PySide6.QtCore import QTimer

        from .meeting import open_meeting_guide

        meeting_id = meeting_id or self.selected_meeting_id()
        if meeting_id is None:
            return
        if self._raise_open(meeting_id, "meetingGuide"):
            if prepare:
                guide = next(w for w in self.guides if w.objectName() == "meetingGuide"
                             and w.session.meeting_id == meeting_id)
                QTimer.singleShot(0, guide, guide.open_prepare)
            return
        try:
            window = open_meeting_guide(self.window(), self.cf, meeting_id)
        except UserError as err:
            show_error(self, err)
            return
        window.destroyed.connect(lambda *_: self._guide_closed(window))
        self.guides.append(window)
        self._follow(window.session)
        if prepare:
            QTimer.singleShot(0, window, window.open_prepare)

    def _follow(self, session) -> None:
        """The list shows the meeting's state as the guide moves it on (Đang họp, Đã họp…)."""
        from .meeting.widgets import follow_meeting

        if session.meeting_id not in self._followed:
            self._followed.add(session.meeting_id)
            follow_meeting(self, session, lambda: None if self.cf.closed else self.reload())

    def open_documents(self, meeting_id: str | None = None) -> None:
        """The documents of a meeting (preview, print, save, reopen), without the guide."""
        from ..session import live_session
        from .documents import open_documents

        meeting_id = meeting_id or self.selected_meeting_id()
        if meeting_id is None:
            return
        if self._raise_open(meeting_id, "documentsWindow"):
            return
        try:
            window = open_documents(self.window(), live_session(self.cf, meeting_id))
        except UserError as err:
            show_error(self, err)
            return
        window.meetingChanged.connect(self.reload)
        self.guides.append(window)
        self._follow(window.session)
        window.destroyed.connect(lambda *_: self._guide_closed(window))

    def _raise_open(self, meeting_id: str, name: str) -> bool:
        """A window of that kind already showing the meeting comes to the front (one per meeting)."""
        for w in list(self.guides):
            try:
                if w.objectName() == name and w.session.meeting_id == meeting_id and w.isVisible():
                    w.raise_()
                    w.activateWindow()
                    return True
            except RuntimeError:        # deleted on close
                self.guides.remove(w)
        return False

    def _guide_closed(self, window) -> None:
        if window in self.guides:
            self.guides.remove(window)
        if not self.cf.closed:
            self.reload()


def _forget_unlocked_keys() -> None:
    """Keys unlocked while this file was open are not kept after it is closed or another file is
    opened: the next signature unlocks its key file again. Nothing imported when no key was used."""
    keys = sys.modules.get(__name__.split(".")[0] + ".crypto.keys")
    if keys is not None:
        keys.forget_unlocked_keys()


class MainWindow(QMainWindow):
    open_requested = Signal(str)     # the application opens another file in a new window

    def __init__(self, cell_file, parent=None):
        super().__init__(parent)
        self.cf = cell_file
        self._closed = False
        self.setObjectName("mainWindow")
        add_recent_file(str(self.cf.path))

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 8)
        self.demo_banner = QLabel(self.tr("DỮ LIỆU MẪU — không dùng cho cuộc họp thật"))
        self.demo_banner.setObjectName("demoBanner")       # centred by ui/style.qss
        self.demo_banner.setVisible(self.cf.is_demo)
        layout.addWidget(self.demo_banner)

        try:
            going = self.cf.meeting_under_way()
        except Exception:  # noqa: BLE001 - an unreadable list shows on the tab itself
            going = False
        self.tabs = QTabWidget()
        self.cell_page = CellPage(self.cf)
        self.roster = RosterScreen(self.cf, load=not going)     # read when shown if the window opens elsewhere
        self.meetings = MeetingsPage(self.cf)
        self.tabs.addTab(self.cell_page, self.tr("Chi bộ"))
        self.tabs.addTab(self.roster, self.tr("Đảng viên"))
        self.tabs.addTab(self.meetings, self.tr("Cuộc họp"))
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.cell_page.saved.connect(self.update_title)
        self.cell_page.saved.connect(lambda: self.statusBar().showMessage(self.tr("Đã lưu thông tin chi bộ."), 4000))
        self.cell_page.failed.connect(lambda err: show_error(self, err))
        self.roster.import_requested.connect(self.import_roster)
        self.roster.changed.connect(lambda: self.statusBar().showMessage(self.tr("Đã lưu."), 4000))

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.file_label = QLabel(str(self.cf.path))
        self.statusBar().addPermanentWidget(self.file_label)

        self._build_menus()
        self.update_title(self.cf.cell())     # (read ahead with the file: see CellFile.read_ahead)
        self._restore_state()
        self.tabs.setCurrentWidget(self.roster)
        if going:          # reopening the program during a meeting: the meeting first, said
            self.tabs.setCurrentWidget(self.meetings)
            self.meetings.table.setFocus()

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        # setShortcuts([…]), not setShortcut(…): PySide6's choice among setShortcut's overloads builds
        # its whole Qt namespace (about 12 ms before the first frame, see qt_values).
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Tệp"))
        act = file_menu.addAction(self.tr("&Mở…"))
        act.setShortcuts([QKeySequence(QKeySequence.StandardKey.Open)])
        act.triggered.connect(self.open_other)
        self.recent_menu = file_menu.addMenu(self.tr("Tệp &gần đây"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        act = file_menu.addAction(self.tr("&Nhập danh sách đảng viên từ tệp…"))
        act.triggered.connect(self.import_roster)
        act = file_menu.addAction(self.tr("&Sao lưu / Khôi phục / Chuyển sang máy khác…"))
        act.triggered.connect(self.backup_dialog)
        file_menu.addSeparator()
        act = file_menu.addAction(self.tr("T&hoát"))
        act.setShortcuts([QKeySequence("Ctrl+Q")])
        act.triggered.connect(self.close)

        view = bar.addMenu(self.tr("&Xem"))
        self.zoom_in_action = view.addAction(self.tr("Phóng &to"))
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_in_action.triggered.connect(lambda: self.zoom(+1))
        self.zoom_out_action = view.addAction(self.tr("Thu &nhỏ"))
        self.zoom_out_action.setShortcuts([QKeySequence("Ctrl+-")])
        self.zoom_out_action.triggered.connect(lambda: self.zoom(-1))
        self.zoom_reset_action = view.addAction(self.tr("Cỡ chữ &mặc định"))
        self.zoom_reset_action.setShortcuts([QKeySequence("Ctrl+0")])
        self.zoom_reset_action.triggered.connect(lambda: self.zoom(None))
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            action.setProperty("shortcutContext", APPLICATION_SHORTCUT)   # setShortcutContext() takes a Qt enum

        send = bar.addMenu(self.tr("&Gửi cấp trên"))
        act = send.addAction(self.tr("&Khóa và chứng thư số…"))
        act.setObjectName("keysAction")
        act.triggered.connect(self.keys_dialog)
        act = send.addAction(self.tr("Mở chế độ &cấp ủy cấp trên…"))
        act.setObjectName("committeeAction")
        act.triggered.connect(self.committee_mode)
        act = send.addAction(self.tr("&Nhập thông báo kết quả của cấp ủy…"))
        act.setObjectName("decisionsImportAction")
        act.triggered.connect(lambda: self.import_decisions())

        help_menu = bar.addMenu(self.tr("T&rợ giúp"))
        act = help_menu.addAction(self.tr("&Bắt đầu: hội nghị đầu tiên, bằng hình"))
        act.setObjectName("startHelpAction")
        act.setShortcuts([QKeySequence("F1")])
        act.triggered.connect(self.show_start_help)
        act = help_menu.addAction(self.tr("&Hướng dẫn nhanh"))
        act.triggered.connect(self.show_help)
        act = help_menu.addAction(self.tr("Bộ &quy định đánh giá, xếp loại…"))
        act.setObjectName("ruleSetAction")
        act.triggered.connect(self.show_rule_sets)
        act = help_menu.addAction(self.tr("&Giới thiệu"))
        act.triggered.connect(self.show_about)

    def show_rule_sets(self) -> None:
        """Trợ giúp › Bộ quy định: the rule sets, their articles and what is verified (rules_view)."""
        from .rules_view import show_rule_sets

        show_rule_sets(self)

    def keys_dialog(self, *, show: bool = True):
        """Gửi cấp trên › Khóa và chứng thư số… (gui/crypto)."""
        from PySide6.QtCore import Qt

        from .crypto.keys import KeysDialog

        dlg = KeysDialog(self, cell_name=self.cf.cell().name)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        if show:
            dlg.open()
        return dlg

    def committee_mode(self, *, show: bool = True):
        """Gửi cấp trên › Mở chế độ cấp ủy cấp trên…: the committee's own window."""
        from .crypto.committee import open_committee_window

        self.committee_window = open_committee_window(self, show=show)
        return self.committee_window

    def import_decisions(self, path=None, load=None, confirm=None):
        """Gửi cấp trên › Nhập thông báo kết quả của cấp ủy… (gui/crypto/decisions_import.py)."""
        from .crypto.decisions_import import import_notice

        return import_notice(self, self.cf, path, load, confirm)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [f for f in recent_files() if f != str(self.cf.path)]
        if not files:
            a = self.recent_menu.addAction(self.tr("(chưa có)"))
            a.setEnabled(False)
        for i, f in enumerate(files, 1):
            a = self.recent_menu.addAction(f"&{i} {f}")
            a.triggered.connect(lambda _=False, f=f: self.open_requested.emit(f))

    # -- title, zoom, state ----------------------------------------------------------------------
    def update_title(self, cell: Cell | None = None) -> None:
        """``cell``: the cell as just read (else read now)."""
        if self._closed:
            return
        name = (cell or self.cf.cell()).name or self.tr("(chưa đặt tên chi bộ)")
        self.setWindowTitle(f"{APP_NAME} — {name} — {self.cf.path.name}")

    def zoom(self, delta: int | None) -> None:
        s = settings()
        step = 0 if delta is None else int(s.value("zoom", 0)) + delta
        step = max(ZOOM_MIN, min(ZOOM_MAX, step))
        s.setValue("zoom", step)
        s.sync()
        size = apply_zoom(step)
        self.statusBar().showMessage(self.tr("Cỡ chữ: {size} pt").format(size=f"{size:g}"), 3000)
        self.roster.fit_columns()

    def _restore_state(self) -> None:
        s = settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _save_state(self) -> None:
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.sync()

    def set_busy(self, on: bool, text: str = "") -> None:
        self.busy.setVisible(on)
        if text:
            self.statusBar().showMessage(text, 0 if on else 5000)

    # -- actions ---------------------------------------------------------------------------------
    def open_other(self) -> None:
        from PySide6.QtWidgets import QFileDialog     # (dialogs: not loaded for the first frame)

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Mở tệp dữ liệu"), str(self.cf.path.parent), FILE_FILTER)
        if path:
            self.open_requested.emit(path)

    def import_roster(self) -> None:
        from .import_dialog import ImportDialog

        dlg = ImportDialog(self.cf, self)
        dlg.imported.connect(lambda summary: (self.roster.reload(), self.statusBar().showMessage(
            dlg.summary_text(summary), 8000)))
        dlg.exec()

    def backup_dialog(self) -> "BackupDialog":
        from .backup_dialog import BackupDialog

        dlg = BackupDialog(self)
        dlg.restored.connect(self.reload_all)
        dlg.open()
        return dlg

    def reload_all(self) -> None:
        self.cell_page.load()
        self.roster.reload()
        self.meetings.reload()
        self.demo_banner.setVisible(self.cf.is_demo)
        self.update_title()

    def show_start_help(self):
        """Trợ giúp › Bắt đầu (F1): the meeting's path in pictures the program takes of itself."""
        from .help import show_start_help

        self.set_busy(True, self.tr("Đang chuẩn bị trang hướng dẫn (lần đầu: chụp hình màn hình)…"))
        try:
            self.start_help = show_start_help(self)
        finally:
            self.set_busy(False)
        return self.start_help

    def show_help(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, self.tr("Hướng dẫn"), self.tr(
            "<p><b>Trước cuộc họp</b></p><ol>"
            "<li>Trang <b>Chi bộ</b>: nhập tên chi bộ và đảng bộ cấp trên.</li>"
            "<li>Trang <b>Đảng viên</b>: nhập danh sách (Ctrl+I để nhập từ tệp Excel hoặc CSV, "
            "Ins để thêm từng người, Enter để sửa người đang chọn).</li>"
            "<li>Trang <b>Cuộc họp</b>: bấm “Chuẩn bị cuộc họp”.</li></ol>"
            "<p>Ô <b>Tìm</b> (Ctrl+F) nhận tên có dấu hoặc không dấu, hoặc chữ cái đầu: "
            "“hung” hay “nvh” đều tìm được Nguyễn Văn Hùng.</p>"
            "<p>Chữ nhỏ quá? Ctrl+= để phóng to, Ctrl+- để thu nhỏ, Ctrl+0 để về cỡ mặc định.</p>"))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Giới thiệu"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(self.tr("<h3>{app}</h3><p>Phiên bản {version}</p>").format(app=APP_NAME, version=__version__))
        box.setInformativeText(self.tr(
            "<p>Giúp thư ký hội nghị chi bộ ghi biên bản kiểm điểm, đánh giá, xếp loại chất lượng "
            "đảng viên hằng năm. Chạy hoàn toàn trên máy này, không cần Internet.</p>"
            "<p>Các văn bản chương trình tuân theo:</p><ul>"
            "<li>Điều lệ Đảng Cộng sản Việt Nam (Điều 5: quyền biểu quyết của đảng viên dự bị).</li>"
            "<li>Quy định số 366-QĐ/TW năm 2025 về kiểm điểm, đánh giá, xếp loại chất lượng "
            "hằng năm (áp dụng từ năm đánh giá 2025).</li>"
            "<li>Quy định số 124-QĐ/TW năm 2023 (các năm đánh giá 2023–2024).</li>"
            "<li>Hướng dẫn của Ban Tổ chức Trung ương về kiểm điểm, đánh giá, xếp loại hằng năm.</li></ul>"
            "<p>Những điểm là thông lệ (không có trong văn bản trung ương) được ghi rõ là "
            "“mặc định” và có thể thay đổi.</p>"))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    # -- closing -----------------------------------------------------------------------------------
    def close_file(self) -> None:
        if not self._closed:
            for guide in list(self.meetings.guides):   # they save what is being typed first
                try:
                    guide.close()
                except RuntimeError:                   # already deleted by Qt
                    pass
            self.meetings.guides.clear()
            self._closed = True
            _forget_unlocked_keys()
            try:
                self.cf.close()
            except Exception as err:  # noqa: BLE001
                show_error(self, err)

    def closeEvent(self, event: QEvent) -> None:  # noqa: N802
        if not self._closed:
            self.cell_page.flush()
        self._save_state()
        self.close_file()
        super().closeEvent(event)
