"""Start the window: application set-up, first run, opening a file, errors while opening."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from .. import APP_NAME, paths
from ..i18n import install_translator
from ..store.errors import StoreError
from .common import error_text, recent_files, settings
from .screen import no_screen  # noqa: F401 - also gui.app.no_screen for the self-test

ORG_NAME = "KiemDiem"
DEMO_FILE_NAME = "du-lieu-mau.kiemdiem"
FILE_FILTER = "Tệp dữ liệu Kiểm điểm (*.kiemdiem);;Mọi tệp (*)"
_translators: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def ui_dir() -> Path:
    return paths.resource_dir().parent / "ui"


def demo_path() -> Path:
    return paths.data_dir() / DEMO_FILE_NAME


def setup_application(app: QApplication) -> None:
    """Names, Vietnamese translations (ours and Qt's own dialogs), style sheet, icon, font size."""
    if app.findChild(QObject, "gc_guard") is None:
        from .gc_guard import start as start_gc_guard

        start_gc_guard(app)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    translators = _translators
    folder = paths.resource("translations")
    for name in ("qtbase_vi.qm", "kiemdiem_vi.qm"):
        qm = folder / name
        if qm.exists():
            t = QTranslator(app)
            if t.load(str(qm)):
                app.installTranslator(t)
                translators.append(t)
    app.setProperty("kiemdiem_translators", len(translators))
    install_translator(QCoreApplication.translate)
    qss = ui_dir() / "style.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    icon = paths.resource("icons", "kiemdiem.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    from .main_window import apply_zoom

    apply_zoom(int(settings().value("zoom", 0)))


# -- first run ---------------------------------------------------------------------------------
def __getattr__(name: str):
    """``gui.app.FirstRunDialog`` still works (its own module, loaded only on a first run: its dialog
    classes are not needed for the window's first frame)."""
    if name == "FirstRunDialog":
        from .first_run import FirstRunDialog

        return FirstRunDialog
    raise AttributeError(name)


def is_first_run() -> bool:
    return not recent_files() and not paths.default_db_path().exists()


def error_box(err: BaseException, parent: QWidget | None = None) -> "QMessageBox":
    """The message shown when a file cannot be opened: the reason, and what one can do."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, tr("Không mở được tệp dữ liệu"), error_text(err),
                      QMessageBox.StandardButton.NoButton, parent)
    box.other_button = box.addButton(tr("Mở tệp &khác…"), QMessageBox.ButtonRole.AcceptRole)
    box.quit_button = box.addButton(tr("&Thoát"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.other_button)
    return box


class Launcher(QObject):
    """Opens files and keeps the one main window; the exit code says how it went."""

    def __init__(self, app: QApplication, exit_when_shown: bool = False):
        super().__init__()
        self.app = app
        self.exit_when_shown = exit_when_shown
        self.window = None

    # opening ------------------------------------------------------------------------------
    def ask_file(self, parent: QWidget | None = None) -> str:
        from PySide6.QtWidgets import QFileDialog

        start = str(paths.data_dir())
        path, _ = QFileDialog.getOpenFileName(parent, tr("Mở tệp dữ liệu"), start, FILE_FILTER)
        return path

    def open_file(self, path: str | Path, *, create: bool = False, demo: bool = False, opening=None):
        """Open a data file; on failure explain and offer another file. Returns a CellFile or None.
        ``opening``: the same file already being opened (CellFile.open_in_background)."""
        from ..services import CellFile

        while True:
            try:
                if opening is not None:
                    first, opening = opening, None
                    return first.result()
                if demo and not Path(path).exists():
                    from ..services.demo import create_demo

                    return create_demo(path, members=40)
                return CellFile.open(path, create=create)
            except StoreError as err:
                box = error_box(err, self.window)
                box.exec()
                if box.clickedButton() is not box.other_button:
                    return None
                path, create, demo = self.ask_file(self.window), False, False
                if not path:
                    return None

    def show_window(self, cell_file, *, focus_cell: bool = False):
        from .main_window import MainWindow

        old = self.window
        window = MainWindow(cell_file)
        window.open_requested.connect(self.switch_to)
        if focus_cell:
            window.tabs.setCurrentWidget(window.cell_page)
            window.cell_page.name.setFocus()
        if self.exit_when_shown:
            window.installEventFilter(_QuitWhenPainted(window, self.app))
        self.window = window
        if old is not None:
            old.close()
        window.show()
        return window

    def switch_to(self, path: str) -> None:
        if self.window is not None and Path(path).absolute() == self.window.cf.path:
            return
        cell_file = self.open_file(path)
        if cell_file is not None:
            self.show_window(cell_file)

    def start(self, db: str | None, opening=None) -> bool:
        """Open the first window. False when there is nothing to show (the user gave up).
        ``opening``: ``db`` already being opened (CellFile.open_in_background)."""
        if db:
            cf = self.open_file(db, create=True, opening=opening or self._begin_open(db, create=True))
            return cf is not None and bool(self.show_window(cf))
        if is_first_run():
            return self.first_run()
        candidates = [f for f in recent_files() if Path(f).exists()]
        if not candidates and paths.default_db_path().exists():
            candidates = [str(paths.default_db_path())]
        if not candidates:
            return self.first_run()
        cf = self.open_file(candidates[0], opening=self._begin_open(candidates[0]))
        return cf is not None and bool(self.show_window(cf))

    def _begin_open(self, path: str, *, create: bool = False):
        """Start opening ``path`` on its own thread, then load the window's modules while it opens."""
        from ..services import CellFile

        opening = CellFile.open_in_background(path, create=create)
        from . import main_window  # noqa: F401 - imported here to overlap the file's opening checks

        return opening

    def first_run(self, dialog: "FirstRunDialog | None" = None) -> bool:
        from PySide6.QtWidgets import QDialog

        from .first_run import FirstRunDialog

        dialog = dialog or FirstRunDialog()
        if dialog.choice is None and dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.handle_choice(dialog.choice)

    def handle_choice(self, choice: str | None) -> bool:
        from .first_run import FirstRunDialog

        if choice == FirstRunDialog.NEW:
            cf = self.open_file(paths.default_db_path(), create=True)
            return cf is not None and bool(self.show_window(cf, focus_cell=True))
        if choice == FirstRunDialog.DEMO:
            cf = self.open_file(demo_path(), create=True, demo=True)
            return cf is not None and bool(self.show_window(cf))
        if choice == FirstRunDialog.OPEN:
            path = self.ask_file()
            if not path:
                return False
            cf = self.open_file(path)
            return cf is not None and bool(self.show_window(cf))
        return False


class _QuitWhenPainted(QObject):
    """--exit-when-shown: quit (exit code 0) right after the first frame is painted, saying so on
    standard output ("painted cpu=… main=…" in ms: bench/ times the first frame by it, apart from
    closing the file)."""

    def __init__(self, window: QWidget, app: QApplication):
        super().__init__(window)
        self.app = app
        self.fired = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if not self.fired and event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            self.fired = True
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        import time

        # with the processor time to this frame, of the whole process and of its main thread: bench/
        # says them beside the wall time (a loaded machine stretches the wall clock far more)
        print(f"painted cpu={time.process_time() * 1000:.1f} main={time.thread_time() * 1000:.1f}", flush=True)
        self.app.quit()


def quit_on_termination(app: QApplication) -> None:
    """SIGTERM (logout, shutdown, kill) and Ctrl+C close the window as the close button does:
    what is typed is saved, the file checkpointed and an automatic backup kept."""
    import signal

    def close_windows(*_args) -> None:
        app.closeAllWindows()
        app.quit()

    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            signal.signal(sig, close_windows)
        except (ValueError, OSError):     # not the main thread, or not on this system
            return
    ticker = QTimer(app)                  # lets Python run its signal handlers during Qt's loop
    ticker.setObjectName("signal_ticker")
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def run(db: str | None = None, exit_when_shown: bool = False, opening=None) -> int:
    if QApplication.instance() is None and no_screen():
        print("Không tìm thấy màn hình (biến DISPLAY hoặc WAYLAND_DISPLAY chưa đặt): hãy chạy chương trình "
              "trong phiên làm việc có giao diện đồ họa. Các lệnh con (kiemdiem --help) vẫn dùng được.",
              file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    setup_application(app)
    launcher = Launcher(app, exit_when_shown)
    if not launcher.start(db, opening):
        return 1
    quit_on_termination(app)
    code = app.exec()
    if launcher.window is not None:
        launcher.window.close_file()
    return code
