"""Small pieces the screens share: settings, work off the GUI thread, messages, date fields."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QSettings, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLayout, QLineEdit, QWidget

from .. import paths
from ..vn.dates import DateError, format_date, parse_date

MAX_RECENT = 8


def tr(text: str) -> str:
    return QCoreApplication.translate("common", text)


def set_style_property(widget: QWidget, name: str, value) -> None:
    """A dynamic property that ui/style.qss reads (``QLabel[state="error"]``…); the widget is
    re-polished only when the value changes. The value is also kept on the Python side: PySide6's
    property() of a property never set returns None without its reference (see votes.flag)."""
    props = getattr(widget, "_style_props", None)
    if props is None:
        props = widget._style_props = {}
    if props.get(name) != value:
        props[name] = value
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def style_property(widget: QWidget, name: str):
    """The value last set by set_style_property (None when never set)."""
    return getattr(widget, "_style_props", {}).get(name)


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], None]):
        super().__init__(widget)
        self.fn = fn
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, obj, self.fn)    # after this frame is on screen
        return False


def after_first_paint(widget: QWidget, fn: Callable[[], None]) -> None:
    """Run ``fn`` once ``widget`` has painted its first frame: set-up that the first frame does not
    show and that would slow it down (see qt_values)."""
    _AfterFirstPaint(widget, fn)


def settings() -> QSettings:
    """The program's settings: an INI file in the data folder (portable, and private in tests)."""
    return QSettings(str(paths.data_dir() / "cai-dat.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in (value or [])][:MAX_RECENT]


def add_recent_file(path: str) -> None:
    current = recent_files()
    files = [path] + [f for f in current if f != path]
    if files[:MAX_RECENT] == current:       # already first: no write (a settings write costs a sync)
        return
    s = settings()
    s.setValue("recent_files", files[:MAX_RECENT])
    s.sync()


# -- work off the GUI thread ---------------------------------------------------------------
class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:  # in a pool thread
        try:
            result = self.fn()
        except BaseException as err:  # noqa: BLE001 - handed to the GUI thread
            self.signals.failed.emit(err)
        else:
            self.signals.done.emit(result)


_running: set[_Signals] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None]) -> None:
    """Run ``fn`` in the thread pool; the callbacks run later in the GUI thread."""
    signals = _Signals()          # created here: lives in the GUI thread, so emits are queued

    def finish(cb, value):
        _running.discard(signals)
        cb(value)

    signals.done.connect(lambda r: finish(on_done, r))
    signals.failed.connect(lambda e: finish(on_error, e))
    _running.add(signals)
    QThreadPool.globalInstance().start(_Job(fn, signals))


class FutureWatcher(QObject):
    """Calls back in the GUI thread when a ``concurrent.futures.Future`` is done.

    Each watched future gets a token, so with several writes pending every result reaches
    its own callbacks (the signal crosses threads as a queued connection)."""

    finished = Signal(int, object, object)   # token, result, error

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pending: dict[int, tuple] = {}
        self._next = 0
        self.finished.connect(self._dispatch)

    def watch(self, future, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        self._next += 1
        token = self._next
        self._pending[token] = (on_done, on_error)

        def done(f):
            err = f.exception()
            self.finished.emit(token, None if err else f.result(), err)

        future.add_done_callback(done)

    def _dispatch(self, token: int, result, error) -> None:
        on_done, on_error = self._pending.pop(token, (None, None))
        if error is not None:
            if on_error:
                on_error(error)
        elif on_done:
            on_done(result)


# -- messages --------------------------------------------------------------------------------
def error_text(err: BaseException) -> str:
    text = str(err)
    return text or err.__class__.__name__


def show_error(parent: QWidget | None, err: BaseException | str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox     # (message boxes: not loaded for the first frame)

    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("Có lỗi"),
                      err if isinstance(err, str) else error_text(err), QMessageBox.StandardButton.Ok, parent)
    box.exec()


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


# -- dates ---------------------------------------------------------------------------------------
def relayout(widget: QWidget) -> None:
    """After a compiled form's widgets were filled (items, rows shown or hidden): every layout
    under ``widget`` forgets the sizes it kept, so the window opens as large as its content needs."""
    for child in widget.findChildren(QWidget):
        child.updateGeometry()
    for layout in widget.findChildren(QLayout):
        layout.invalidate()


def refit(combo: QComboBox) -> None:
    """Size a combo box to the items given after a compiled form laid it out: its size hint was
    worked out (and kept) while it was still empty."""
    QCoreApplication.sendEvent(combo, QEvent(QEvent.Type.StyleChange))   # forgets both kept hints
    combo.updateGeometry()                                                # and so does its layout


class ValueCombo(QComboBox):
    """A combo box whose items carry Python values (enums stay enums: Qt would turn them into str)."""

    def __init__(self, items: list[tuple[str, object]] | QWidget | None = None, current: object = None,
                 parent: QWidget | None = None):
        if isinstance(items, QWidget):      # made by a compiled form (ui/*.ui): ValueCombo(parent)
            items, parent = None, items
        super().__init__(parent)
        self.values: list[object] = []
        if items is not None:
            self.set_items(items, current)

    def set_items(self, items: list[tuple[str, object]], current: object = None) -> None:
        self.clear()
        self.values = [value for _, value in items]
        for label, _ in items:
            self.addItem(label)
        self.setCurrentIndex(self.values.index(current) if current in self.values else 0)
        refit(self)

    def value(self):
        i = self.currentIndex()
        return self.values[i] if 0 <= i < len(self.values) else None


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy …); empty means no date."""

    def __init__(self, value: date | QWidget | None = None, parent: QWidget | None = None):
        if isinstance(value, QWidget):      # made by a compiled form (ui/*.ui): DateField(parent)
            value, parent = None, value
        super().__init__(parent)
        self.setPlaceholderText(tr("ngày/tháng/năm"))
        self.setMaxLength(20)
        self.set_date(value)
        self.editingFinished.connect(self._tidy)

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))

    def date(self) -> date | None:
        """The date typed, or None; raises DateError (Vietnamese text) when it cannot be read."""
        return parse_date(self.text())

    def error(self) -> str:
        try:
            self.date()
        except DateError as err:
            return str(err)
        return ""

    @Slot()
    def _tidy(self) -> None:
        try:
            d = self.date()
        except DateError:
            return
        self.setText(format_date(d))


def list_table(headers: list[str], name: str, stretch: int = -1, parent: QWidget | None = None):
    """A read-only table of rows to pick one from: translated headers, columns sized to their
    contents except ``stretch`` (default the last), Tab leaves the table (keyboard first)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([tr(h) for h in headers])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    for c in range(len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch % len(headers), QHeaderView.ResizeMode.Stretch)
    return table
