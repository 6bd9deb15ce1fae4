"""Văn bản hội nghị: every document of the meeting, built on demand off the GUI thread into a
temporary folder, previewed (QPdfView), printed (printing.print_pdf), opened in the system
program, saved to a chosen folder; and the adoption lock with its history (lock.LockPanel)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QMainWindow, QProgressBar, QProgressDialog, QPushButton, QSplitter, QStackedWidget,
    QToolButton, QVBoxLayout, QWidget,
)

from ...i18n import UserError
from ...model import MeetingState
from ..common import ask_yes_no, error_text, run_in_background, settings, show_error
from .catalogue import ALL_PATTERNS, BY_KEY, DOCUMENTS, DocumentSpec, build_all, existing_files
from .lock import LockPanel
from .printing import a4_printer, print_pdf

ZOOM_STEP = 1.2
ZOOM_MIN, ZOOM_MAX = 0.25, 5.0
ZOOM_IN_KEYS = ("Ctrl+=", "Ctrl++")
ZOOM_OUT_KEYS = ("Ctrl+-",)
ZOOM_FIT_KEYS = ("Ctrl+0",)


def tr(text: str) -> str:
    return QCoreApplication.translate("documents", text)


def status_text(meeting) -> str:
    """DỰ THẢO until the lock; then "Bản chính thức — lần n" (what the documents print)."""
    if meeting.state == MeetingState.LOCKED:
        return tr("Bản chính thức — lần {n}").format(n=meeting.revision)
    if meeting.revision:
        return tr("DỰ THẢO (đã mở lại sau lần {n})").format(n=meeting.revision)
    return tr("DỰ THẢO")


def snapshot_builder(session, build, progress=None):
    """``build(desk, folder)`` on a fresh, read-only copy of the meeting read from the file: the
    worker thread never touches the session the screens are editing. Edits already handed to
    the writer thread are committed before this read (one queue, in order). ``progress(done,
    total, path)`` is handed to the builder (called in the worker thread)."""
    cell_file, meeting_id = session.cf, session.meeting_id

    def job(folder: Path):
        from ...session import MeetingSession
        from ...voting import VotingDesk

        snap = MeetingSession(cell_file, meeting_id)
        folder.mkdir(parents=True, exist_ok=True)
        if progress is None or not takes_progress(build):
            return build(VotingDesk(snap), folder)
        return build(VotingDesk(snap), folder, progress=progress)
    return job


def takes_progress(build) -> bool:
    """Whether a builder reports its files (a ``progress`` parameter): the forms and "save all" do;
    a one-file builder need not."""
    import inspect

    try:
        return "progress" in inspect.signature(build).parameters
    except (TypeError, ValueError):
        return False


class _ProgressRelay(QObject):
    """Made in the GUI thread: the builder calls it in the worker thread and the signal, queued,
    reaches the window in the GUI thread (at most one update per 40 ms, and the last). Parented
    to the application, not the window: a window closed during the build never deletes it under
    the worker."""

    step = Signal(int, int, str)

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._last = 0.0

    def __call__(self, done: int, total: int, path) -> None:
        import time

        now = time.monotonic()
        if done >= total or now - self._last >= 0.04:
            self._last = now
            self.step.emit(done, total, Path(path).name)


class _ZoomKeys(QObject):
    """Ctrl+= / Ctrl+- / Ctrl+0 zoom the preview while this window is active, before the main
    window's application-wide font zoom (same keys) sees them."""

    def __init__(self, window: "DocumentsWindow"):
        super().__init__(window)
        self.w = window

    def _which(self, event) -> str:
        seq = QKeySequence(event.keyCombination())
        for name, keys in (("in", ZOOM_IN_KEYS), ("out", ZOOM_OUT_KEYS), ("fit", ZOOM_FIT_KEYS)):
            if any(seq.matches(QKeySequence(k)) == QKeySequence.SequenceMatch.ExactMatch for k in keys):
                return name
        return ""

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(obj, QWidget) or obj.window() is not self.w:
            return False
        which = self._which(event)
        if not which:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()            # we take the key: it comes back as a KeyPress
            return True
        {"in": self.w.zoom_in, "out": self.w.zoom_out, "fit": self.w.zoom_fit}[which]()
        return True


class DocumentsWindow(QMainWindow):
    """The meeting's documents; ``meetingChanged`` after a lock or a reopening (refresh the guide)."""

    meetingChanged = Signal()
    built = Signal(str)          # a document's key, when its files are ready (tests, status)
    progressed = Signal(int, int)   # files written, files planned, while building or saving

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("documentsWindow")
        m = session.meeting
        self.setWindowTitle(tr("Văn bản hội nghị — {cell} — năm {year}").format(
            cell=session.cell.name, year=m.rating_year))
        self.tmp = Path(tempfile.mkdtemp(prefix="kiemdiem-van-ban-"))
        self.generation = 0
        self.files: dict[str, list[Path]] = {}      # built in this generation
        self.building: dict[str, int] = {}          # key -> generation being built
        self.errors: dict[str, str] = {}
        self.busy_saving = False
        self.pdf = QPdfDocument(self)
        self._closed = False
        self.last_saved: list[Path] = []
        self.last_error = ""

        # -- left: the list, the status, the lock -------------------------------------------------
        self.status = QLabel()
        self.status.setObjectName("documentStatus")
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("documentList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for spec in DOCUMENTS:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(", ".join(spec.patterns))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(lambda cur, _prev: self._select(cur))
        self.list.itemActivated.connect(lambda _item: self.open_external())
        list_label = QLabel(tr("&Văn bản:"))
        list_label.setBuddy(self.list)
        self.lock_panel = LockPanel(session)
        self.lock_panel.changed.connect(self._meeting_changed)

        left = QWidget()
        left.setMinimumWidth(300)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(self.status)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 0)
        left_layout.addWidget(self.lock_panel, 1)
        # -- signing and the package for the higher committee (gui/crypto, issue 6) ------------------
        self.last_signed = ""
        self.sign_button = self._button(tr("&Ký số…"), "signMinutesButton", self.sign_minutes)
        self.package_button = self._button(tr("Đóng &gói gửi cấp trên…"), "packageForCommittee",
                                           self.package_for_committee)
        send_row = QHBoxLayout()
        send_row.addWidget(self.sign_button)
        send_row.addWidget(self.package_button)
        send_row.addStretch(1)
        send_row.setContentsMargins(8, 0, 4, 8)

        # -- right: the buttons and the preview --------------------------------------------------
        self.print_button = self._button(tr("&In…"), "printButton", self.print_document, "Ctrl+P")
        self.open_button = self._button(tr("Mở bằng chương trình đọc PDF"), "openExternal", self.open_external)
        self.save_button = self._button(tr("&Lưu ra thư mục…"), "saveButton", self.save_selected, "Ctrl+S")
        self.save_all_button = self._button(tr("Lưu &tất cả ra thư mục…"), "saveAllButton", self.save_all,
                                            "Ctrl+Shift+S")
        self.refresh_button = self._button(tr("Tạo lại"), "refreshButton", self.refresh, "F5")
        self.zoom_out_button = self._tool("−", "zoomOut", self.zoom_out, tr("Thu nhỏ (Ctrl+-)"))
        self.zoom_in_button = self._tool("+", "zoomIn", self.zoom_in, tr("Phóng to (Ctrl+=)"))
        self.fit_button = self._tool(tr("Vừa khổ"), "zoomFit", self.zoom_fit, tr("Vừa chiều rộng (Ctrl+0)"))
        self.fit_button.setMinimumWidth(self.fit_button.sizeHint().width() + 16)
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.page_label.setMinimumWidth(90)
        self.file_choice = QComboBox()
        self.file_choice.setObjectName("fileChoice")
        self.file_choice.setMinimumContentsLength(24)
        self.file_choice.currentIndexChanged.connect(lambda _i: self._show_file())
        self.file_choice.hide()

        self.save_bar = QProgressBar()         # in the status bar while saving: files written / planned
        self.save_bar.setObjectName("saveProgress")
        self.save_bar.setMaximumWidth(220)
        self.save_bar.setFormat(tr("%v/%m tệp"))
        self.statusBar().addPermanentWidget(self.save_bar)
        self.save_bar.hide()

        self.close_button = self._button(tr("Đó&ng"), "closeButton", self.close)
        self.close_button.setToolTip(tr("Đóng cửa sổ văn bản (Esc, Ctrl+W)"))
        for keys in ("Escape", "Ctrl+W"):
            a = QAction(self)
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(self.close)
            self.addAction(a)
        bar = QHBoxLayout()
        for w in (self.print_button, self.save_button, self.save_all_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        self.file_label = QLabel(tr("Tệ&p:"))
        self.file_label.setBuddy(self.file_choice)
        self.file_label.hide()
        view_bar = QHBoxLayout()
        view_bar.addWidget(self.open_button)         # on this row: the top one fits a laptop at 150 %
        view_bar.addWidget(self.refresh_button)
        view_bar.addWidget(self.file_label)
        view_bar.addWidget(self.file_choice)
        view_bar.addStretch(1)
        for w in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.page_label):
            view_bar.addWidget(w)

        self.view = QPdfView()
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._update_page_label())
        self.pdf.pageCountChanged.connect(lambda _n: self._update_page_label())
        # deleted with a parent window (the guide, the main window) without a close event: the PDF
        # goes first, so nothing may reach it afterwards
        self.pdf.destroyed.connect(lambda *_: setattr(self, "_closed", True))

        self.busy = QWidget()
        self.busy.setObjectName("busyPage")
        busy_layout = QVBoxLayout(self.busy)
        busy_layout.addStretch(1)
        self.busy_label = QLabel(tr("Đang tạo văn bản…"))
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(320)
        self.busy_bar.setTextVisible(False)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(2)

        self.info = QLabel()
        self.info.setObjectName("emptyHint")
        self.info.setWordWrap(True)
        self.info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        info_page = QWidget()
        info_layout = QVBoxLayout(info_page)
        info_layout.addStretch(1)
        info_layout.addWidget(self.info)
        info_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)       # 0
        self.stack.addWidget(self.busy)       # 1
        self.stack.addWidget(info_page)       # 2

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 8, 8, 8)
        right_layout.addLayout(bar)
        right_layout.addLayout(view_bar)
        right_layout.addWidget(self.stack, 1)

        from ..meeting.widgets import scroller

        # the list, the lock and its history scroll when the screen is short or the type large
        left.setMinimumWidth(0)
        left_scroll = scroller(left, "documentsLeft")
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(260)
        left_outer = QWidget()          # signing and packaging stay in sight below what scrolls
        lo = QVBoxLayout(left_outer)
        lo.setContentsMargins(0, 0, 0, 0)
        lo.addWidget(left_scroll, 1)
        lo.addLayout(send_row)
        split = QSplitter()
        split.addWidget(left_outer)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 926])
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self._split, self._left, self._left_scroll = split, left, left_scroll

        for keys, fn in (("PgDown", self.next_page), ("PgUp", self.previous_page)):
            a = QAction(self)
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(fn)
            self.addAction(a)
        self._zoom_keys = _ZoomKeys(self)
        QApplication.instance().installEventFilter(self._zoom_keys)

        self._update_status()
        self._shown_state = (m.state, m.revision)
        from ..meeting.widgets import fit_initial_size

        fit_initial_size(self, 1366, 768)
        self.list.setCurrentRow(0)
        self.list.setFocus()
        from ..meeting.widgets import follow_meeting

        # one live meeting shared with the guide: a lock or a reopening there shows here at once
        self._unfollow = follow_meeting(self, session, self._meeting_changed_elsewhere)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_list()
        self._fit_left()

    def _fit_left(self) -> None:
        """The left column as wide as its content needs at the current type size (at 150 % the
        list's names and the status line were cut at the fixed 440 px), the preview taking the rest."""
        need = (self._left.minimumSizeHint().width() + self._left_scroll.verticalScrollBar().sizeHint().width()
                + 2 * self._left_scroll.frameWidth() + 4)
        left, right = self._split.sizes()
        if left < need and left + right - need >= 400:
            self._split.setSizes([need, left + right - need])

    def _fit_list(self) -> None:
        """The list as tall as its rows (after the style sheet's font is applied), no taller."""
        rows = sum(max(self.list.sizeHintForRow(r), 1) for r in range(self.list.count()))
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 6)

    # -- small builders of widgets -----------------------------------------------------------------
    def _button(self, text: str, name: str, slot, keys: str = "") -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        if keys:
            a = QAction(self)
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(lambda: b.isEnabled() and slot())
            self.addAction(a)
            b.setToolTip(keys)
        return b

    def _tool(self, text: str, name: str, slot, tip: str) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.setMinimumWidth(34)
        b.clicked.connect(slot)
        return b

    # -- selection and building ---------------------------------------------------------------------
    def current_spec(self) -> DocumentSpec | None:
        item = self.list.currentItem()
        return BY_KEY.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def current_file(self) -> Path | None:
        spec = self.current_spec()
        files = self.files.get(spec.key, []) if spec else []
        if not files:
            return None
        i = self.file_choice.currentIndex() if len(files) > 1 else 0
        return files[i] if 0 <= i < len(files) else files[0]

    def select(self, key: str) -> None:
        for r in range(self.list.count()):
            if self.list.item(r).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(r)
                return
        raise KeyError(key)

    def _select(self, item) -> None:
        spec = BY_KEY.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        if spec is None:
            return
        if spec.key in self.files:
            self._show_built(spec)
        elif spec.key in self.errors:
            self._show_info(self.errors[spec.key])
        else:
            self._build(spec)

    def _build(self, spec: DocumentSpec) -> None:
        if self.building.get(spec.key) == self.generation:
            self._show_busy(spec)
            return
        gen = self.generation
        self.building[spec.key] = gen
        folder = self.tmp / f"lan-{gen}" / spec.key
        relay = self._relay(lambda done, total: self._building_step(spec, gen, done, total))
        job = snapshot_builder(self.session, spec.build, relay)
        self._show_busy(spec)
        run_in_background(lambda: job(folder),
                          lambda files: (relay.deleteLater(), self._built(spec, gen, files)),
                          lambda err: (relay.deleteLater(), self._failed(spec, gen, err)))

    def _relay(self, show) -> "_ProgressRelay":
        """A progress relay for one job, deleted (deleteLater, in this thread) when the job has ended:
        its last steps are queued before the job's end."""
        relay = _ProgressRelay(QApplication.instance())
        relay.step.connect(lambda done, total, _name: show(done, total))
        return relay

    def _building_step(self, spec: DocumentSpec, gen: int, done: int, total: int) -> None:
        """"Đang tạo “…”: 37/499 tệp…" under the title being built, the bar filling."""
        if gen != self.generation or self._closed or self.current_spec() is not spec:
            return
        self.busy_label.setText(tr("Đang tạo “{title}”: {done}/{total} tệp…").format(
            title=spec.title, done=done, total=total))
        self.busy_bar.setRange(0, total)
        self.busy_bar.setValue(done)
        self.progressed.emit(done, total)

    def _built(self, spec: DocumentSpec, gen: int, files: list[Path]) -> None:
        if self.building.get(spec.key) == gen:
            del self.building[spec.key]
        if gen != self.generation or self._closed:
            return
        self.files[spec.key] = [Path(f) for f in files]
        if self.current_spec() is spec:
            self._show_built(spec)
        self.built.emit(spec.key)

    def _failed(self, spec: DocumentSpec, gen: int, err: BaseException) -> None:
        if self.building.get(spec.key) == gen:
            del self.building[spec.key]
        if gen != self.generation or self._closed:
            return
        text = error_text(err) if isinstance(err, UserError) else tr(
            "Chưa tạo được “{title}”: {error}").format(title=spec.title, error=error_text(err))
        self.errors[spec.key] = text
        if self.current_spec() is spec:
            self._show_info(text)
        self.built.emit(spec.key)

    def refresh(self) -> None:
        """Build again from the meeting as it is now (after edits in the guide)."""
        m = self.session.meeting
        self._shown_state = (m.state, m.revision)
        self.generation += 1
        self.files.clear()
        self.errors.clear()
        self._close_pdf()
        self._update_status()
        self.lock_panel.refresh()
        item = self.list.currentItem()
        if item is not None:
            self._select(item)

    def _meeting_changed(self) -> None:
        self.refresh()
        self.session.notify(self)
        self.meetingChanged.emit()

    def _meeting_changed_elsewhere(self) -> None:
        """The guide changed the shared meeting: the status, the lock and the signing buttons follow
        at once; the documents are built again when the lock changed (DỰ THẢO or not)."""
        if self._closed:
            return
        m = self.session.meeting
        self._update_status()
        self.lock_panel.refresh()
        if (m.state, m.revision) != self._shown_state:
            self.refresh()
            self.meetingChanged.emit()

    # -- showing ------------------------------------------------------------------------------------
    def _show_busy(self, spec: DocumentSpec) -> None:
        self._close_pdf()
        self.busy_label.setText(tr("Đang tạo “{title}”…").format(title=spec.title))
        self.busy_bar.setRange(0, 0)            # busy, until the builder says how many files
        self.stack.setCurrentIndex(1)
        self._update_buttons()

    def _show_info(self, text: str) -> None:
        self._close_pdf()
        self.info.setText(text)
        self.stack.setCurrentIndex(2)
        self._update_buttons()

    def _show_built(self, spec: DocumentSpec) -> None:
        files = self.files.get(spec.key, [])
        self.file_choice.blockSignals(True)
        self.file_choice.clear()
        for f in files:
            self.file_choice.addItem(f.name, str(f))
        self.file_choice.blockSignals(False)
        self.file_choice.setVisible(len(files) > 1)
        self.file_label.setVisible(len(files) > 1)
        if not files:
            self._show_info(tr(spec.note) if spec.note else tr("Văn bản này chưa có nội dung."))
            return
        self._show_file()

    def _show_file(self) -> None:
        path = self.current_file()
        spec = self.current_spec()
        if path is None or spec is None:
            return
        if path.suffix.lower() == ".pdf":
            self._close_pdf()
            self.pdf.load(str(path))
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.pageNavigator().jump(0, QPointF(), 0)
            self.stack.setCurrentIndex(0)
        else:
            self._close_pdf()
            program = tr("chương trình soạn thảo văn bản (Word, LibreOffice, WPS…)") if path.suffix.lower() == ".docx" \
                else tr("chương trình bảng tính (Excel, LibreOffice, WPS…)")
            self.info.setText(tr("“{title}” là tệp {ext}: không xem trước ở đây.\nBấm “{button}” (hoặc Enter trên danh "
                                 "sách) để mở bằng {program}; bấm “Lưu ra thư mục…” để lưu bản sao.").format(
                title=spec.title, ext=path.suffix.lstrip(".").upper(), button=self._open_text(path), program=program))
            self.stack.setCurrentIndex(2)
        self._update_buttons()

    def _open_text(self, path: Path | None) -> str:
        ext = path.suffix.lower() if path else ".pdf"
        if ext == ".docx":
            return tr("Mở bằng chương trình soạn thảo")
        if ext == ".xlsx":
            return tr("Mở bằng chương trình bảng tính")
        return tr("Mở bằng chương trình đọc PDF")

    def _close_pdf(self) -> None:
        if self._closed:
            return
        if self.pdf.status() != QPdfDocument.Status.Null:
            self.pdf.close()
        self._update_page_label()

    def _update_buttons(self) -> None:
        path = self.current_file()
        is_pdf = path is not None and path.suffix.lower() == ".pdf" and self.stack.currentIndex() == 0
        self.print_button.setEnabled(is_pdf)
        for b in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            b.setVisible(is_pdf)
        self.open_button.setEnabled(path is not None)
        self.open_button.setText(self._open_text(path))
        self.save_button.setEnabled(self.current_spec() is not None and not self.busy_saving)
        self.save_all_button.setEnabled(not self.busy_saving)
        self._update_page_label()

    def _update_status(self) -> None:
        m = self.session.meeting
        text = status_text(m)
        self.status.setText(tr("Văn bản in ra ghi: <b>{status}</b>").format(status=text))
        self.status.setProperty("draft", m.state != MeetingState.LOCKED)
        locked = m.state == MeetingState.LOCKED
        for b in (self.sign_button, self.package_button):
            b.setEnabled(locked)
            b.setToolTip("" if locked else tr("Chỉ khi biên bản đã được thông qua và khóa."))

    def page_count(self) -> int:
        if self._closed:
            return 0
        return self.pdf.pageCount() if self.pdf.status() == QPdfDocument.Status.Ready else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _update_page_label(self) -> None:
        n = self.page_count()
        self.page_label.setText(tr("Trang {page}/{count}").format(page=min(self.current_page() + 1, n), count=n)
                                if n else "")

    # -- navigation and zoom ------------------------------------------------------------------------
    def go_to_page(self, page: int) -> None:
        n = self.page_count()
        if n:
            self.view.pageNavigator().jump(max(0, min(page, n - 1)), QPointF(), 0)
            self._update_page_label()

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def _zoom_by(self, factor: float) -> None:
        if not self.page_count():
            return
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._effective_zoom()
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        else:
            current = self.view.zoomFactor()
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, current * factor)))

    def _effective_zoom(self) -> float:
        """The zoom factor "fit to width" shows now (QPdfView keeps 1.0 in that mode)."""
        size = self.pdf.pagePointSize(max(self.current_page(), 0))
        if size.width() <= 0:
            return 1.0
        dpi_scale = self.view.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        avail = self.view.viewport().width() - margins.left() - margins.right()
        return max(ZOOM_MIN, avail / (size.width() * dpi_scale))

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def zoom_fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- open, print, save --------------------------------------------------------------------------
    def open_external(self) -> bool:
        path = self.current_file()
        if path is None:
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            show_error(self, tr("Máy chưa có chương trình mở được tệp {name}. Hãy lưu ra thư mục rồi mở bằng "
                                "chương trình khác.").format(name=path.name))
            return False
        return True

    def print_document(self) -> int:
        path = self.current_file()
        spec = self.current_spec()
        if path is None or path.suffix.lower() != ".pdf" or not self.page_count():
            return 0
        printer = a4_printer(spec.title if spec else path.stem)
        folder = Path(str(settings().value("documents/export_folder", "") or Path.home()))
        printer.setOutputFileName(str(folder / path.name))    # "In ra tệp": there, unless changed
        dlg = QPrintDialog(printer, self)
        dlg.setWindowTitle(tr("In “{title}”").format(title=spec.title if spec else path.name))
        opt = QPrintDialog.PrintDialogOption
        dlg.setOptions(opt.PrintPageRange | opt.PrintCurrentPage | opt.PrintCollateCopies | opt.PrintToFile
                       | opt.PrintShowPageSize)
        dlg.setMinMax(1, self.page_count())
        if dlg.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        return self.print_to(printer)

    def print_to(self, printer) -> int:
        """Print the document shown on ``printer`` (already set up), with a progress dialog."""
        path = self.current_file()
        if path is None:
            return 0
        bar = QProgressDialog(tr("Đang gửi tới máy in…"), tr("Thôi"), 0, 100, self)
        bar.setWindowTitle(tr("In"))
        bar.setWindowModality(Qt.WindowModality.WindowModal)
        bar.setMinimumDuration(400)

        def progress(done: int, total: int) -> bool:
            bar.setMaximum(total)
            bar.setValue(done)
            QApplication.processEvents()
            return not bar.wasCanceled()
        try:
            sent = print_pdf(path, printer, current_page=self.current_page(), progress=progress)
        except UserError as err:
            bar.close()
            show_error(self, err, tr("Chưa in được"))
            return 0
        bar.close()
        to_file = printer.outputFormat() == printer.OutputFormat.PdfFormat and printer.outputFileName()
        if sent and to_file:          # "In ra tệp": say where it went
            self.last_printed = printer.outputFileName()
            self.statusBar().showMessage(tr("Đã in {n} trang của {name} ra tệp {out}.").format(
                n=sent, name=path.name, out=printer.outputFileName()), 15000)
        elif sent:
            self.statusBar().showMessage(tr("Đã gửi {n} trang của {name} tới máy in.").format(n=sent, name=path.name),
                                         10000)
        else:
            self.statusBar().showMessage(tr("Đã thôi in."), 10000)
        return sent

    def _choose_folder(self) -> Path | None:
        s = settings()
        start = str(s.value("documents/export_folder", "") or Path.home())
        folder = QFileDialog.getExistingDirectory(self, tr("Chọn thư mục để lưu văn bản"), start)
        if not folder:
            return None
        s.setValue("documents/export_folder", folder)
        s.sync()
        return Path(folder)

    def save_selected(self, folder: Path | None = None) -> bool:
        spec = self.current_spec()
        if spec is None:
            return False
        return self._save(spec.title, spec.patterns, spec.build, folder)

    def save_all(self, folder: Path | None = None) -> bool:
        return self._save(tr("tất cả văn bản"), ALL_PATTERNS, build_all, folder)

    def _save(self, title: str, patterns: tuple[str, ...], build, folder: Path | None) -> bool:
        """Build straight into the chosen folder (every builder writes atomically: a temporary
        file, fsync, rename), so a failure leaves the old file or none, never half of one."""
        if self.busy_saving:
            return False
        folder = folder or self._choose_folder()
        if folder is None:
            return False
        folder = Path(folder)
        present = existing_files(folder, patterns)
        if present:
            names = ", ".join(p.name for p in present[:6]) + ("…" if len(present) > 6 else "")
            if not ask_yes_no(self, tr("Ghi đè?"), tr("Thư mục {folder} đã có: {names}.\nGhi đè bằng bản mới?").format(
                    folder=folder, names=names)):
                return False
        self.busy_saving = True
        self._update_buttons()
        self.statusBar().showMessage(tr("Đang lưu {title} vào {folder}…").format(title=title, folder=folder))
        self.save_bar.setRange(0, 0)
        self.save_bar.show()
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        relay = self._relay(lambda done, total: self._saving_step(title, folder, done, total))
        job = snapshot_builder(self.session, build, relay)
        run_in_background(lambda: job(folder),
                          lambda files: (relay.deleteLater(), self._saved(folder, files)),
                          lambda err: (relay.deleteLater(), self._save_failed(title, err)))
        return True

    def _saving_step(self, title: str, folder: Path, done: int, total: int) -> None:
        if self._closed or not self.busy_saving:
            return
        self.statusBar().showMessage(tr("Đang lưu {title} vào {folder}: {done}/{total} tệp…").format(
            title=title, folder=folder, done=done, total=total))
        self.save_bar.setRange(0, total)
        self.save_bar.setValue(done)
        self.progressed.emit(done, total)

    def _saved(self, folder: Path, files: list[Path]) -> None:
        if self._closed:
            return
        self._end_saving()
        names = ", ".join(Path(f).name for f in files[:4]) + ("…" if len(files) > 4 else "")
        self.last_saved = [Path(f) for f in files]
        self.statusBar().showMessage(tr("Đã lưu {n} tệp vào {folder}: {names}").format(
            n=len(files), folder=folder, names=names), 15000)
        self.saved.emit([str(f) for f in files])

    def _save_failed(self, title: str, err: BaseException) -> None:
        if self._closed:
            return
        self._end_saving()
        self.statusBar().clearMessage()
        text = error_text(err) if isinstance(err, UserError) else tr("Chưa lưu được {title}: {error}").format(
            title=title, error=error_text(err))
        self.last_error = text
        self.saveFailed.emit(text)
        show_error(self, text, tr("Chưa lưu được"))

    def _end_saving(self) -> None:
        self.busy_saving = False
        self.save_bar.hide()
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        self._update_buttons()

    saved = Signal(list)
    saveFailed = Signal(str)

    # -- signing and the package (gui/crypto) -------------------------------------------------------
    def sign_minutes(self, *, show: bool = True):
        """Ký số…: the signing dialog on the minutes PDF (or the file signed last)."""
        from ..crypto.send import SignDialog

        built = self.files.get("minutes_pdf") or []
        source = Path(self.last_signed) if self.last_signed else (built[0] if built else None)
        dlg = SignDialog(source, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.signed.connect(lambda path: setattr(self, "last_signed", path))
        self.sign_dialog = dlg
        if show:
            dlg.open()
        return dlg

    def package_for_committee(self, *, show: bool = True):
        """Đóng gói gửi cấp trên…: only for a locked meeting."""
        from ..crypto.send import PackageDialog

        if self.session.meeting.state != MeetingState.LOCKED:
            return None
        dlg = PackageDialog(self.session, self, signed_minutes=self.last_signed)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.package_dialog = dlg
        if show:
            dlg.open()
        return dlg

    # -- closing -------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self._close_pdf()
        self._closed = True
        self._unfollow()
        QApplication.instance().removeEventFilter(self._zoom_keys)
        shutil.rmtree(self.tmp, ignore_errors=True)   # a file still open in Word stays (Windows)
        super().closeEvent(event)


def open_documents(parent: QWidget | None, session, *, show: bool = True, select: str = "minutes_pdf") -> DocumentsWindow:
    """The documents window of ``session`` (the guide's MeetingSession), as its own top-level
    window, deleted on close; the minutes (PDF) selected and being built."""
    window = DocumentsWindow(session, parent)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if select != "minutes_pdf":
        window.select(select)
    if show:
        window.show()
        window.raise_()
        window.activateWindow()
    return window


def documents_action(parent: QWidget, session_of) -> QAction:
    """A "Văn bản hội nghị…" action (Ctrl+Shift+V) for a menu or toolbar: ``session_of()`` gives
    the current MeetingSession (or None: the action does nothing). Keeps one window per action."""
    action = QAction(tr("&Văn bản hội nghị…"), parent)
    action.setObjectName("documentsAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+V"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setStatusTip(tr("Xem, in và lưu biên bản và các văn bản của hội nghị; mở lại biên bản đã khóa"))
    state: dict = {"window": None}

    def trigger() -> None:
        session = session_of()
        if session is None:
            return
        w = state["window"]
        try:
            alive = w is not None and w.isVisible() and w.session is session
        except RuntimeError:      # deleted on close
            alive = False
        if alive:
            w.refresh()
            w.raise_()
            w.activateWindow()
            return
        state["window"] = open_documents(parent, session)
    action.triggered.connect(trigger)
    return action
