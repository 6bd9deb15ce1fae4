"""Pieces the meeting screens share: name pickers that match Vietnamese names with or without
diacritics and by initials, text boxes that save as they are typed, small helpers."""
from __future__ import annotations

import re
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCompleter, QFrame, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from ...i18n import translate
from ...vn.text import fold, matches

SAVE_DELAY_MS = 700
TIME_RE = re.compile(r"^\s*(\d{1,2})\s*[:hg.]\s*(\d{1,2})\s*$")


def tr(text: str) -> str:
    return QCoreApplication.translate("meeting", text)


def core(text: str) -> str:
    """A label marked in the core (QT_TRANSLATE_NOOP("core", …)), translated for display."""
    return translate(text)


def parse_time(text: str) -> str | None:
    """"9:5", "09h05", "9.05" → "09:05"; None when it is not a time of day."""
    m = TIME_RE.match(text or "")
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 23 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def mods(event: QKeyEvent) -> Qt.KeyboardModifier:
    """Modifiers without the keypad flag (Enter on the keypad)."""
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


# -- matching completers ------------------------------------------------------------------------
def name_rank(query: str, name: str) -> int | None:
    """How well ``query`` designates ``name`` (lower is better; None: not at all), without
    diacritics: 0 the given name itself ("yen" → Phạm Thị Yến), 1 another whole word, 2 every
    word typed begins a word of the name in order ("trinh nga" → Trịnh Thị Nga), 3 a word
    begins with it, 4 anywhere inside or the initials ("nvh") — "yen" inside "Nguyễn" last."""
    q = fold(query).split()
    if not q:
        return 4
    words = fold(name).split()
    if len(q) == 1:
        if words and words[-1] == q[0]:
            return 0
        if q[0] in words:
            return 1
    i = 0
    for w in words:
        if i < len(q) and w.startswith(q[i]):
            i += 1
    if i == len(q):
        return 2 if len(q) > 1 else 3
    return 4 if matches(query, name) else None


def ranked(query: str, items: list, name=lambda x: x) -> list:
    """``items`` that ``query`` designates, best first (ties keep their order)."""
    scored = [(r, i, x) for i, x in enumerate(items) if (r := name_rank(query, name(x))) is not None]
    return [x for _, _, x in sorted(scored, key=lambda t: (t[0], t[1]))]


def best(query: str, items: list, name=lambda x: x) -> list:
    """The items of the best rank only (one of them is the person meant when it is alone)."""
    scored = [(name_rank(query, name(x)), x) for x in items]
    scored = [(r, x) for r, x in scored if r is not None]
    if not scored:
        return []
    top = min(r for r, _ in scored)
    return [x for r, x in scored if r == top] if top <= 2 else [x for _, x in scored]
class MatchCompleter(QCompleter):
    """A completer whose candidates come from a function: Qt's own prefix match would not match
    "hung" or "nvh" to "Nguyễn Văn Hùng"; vn.text.matches does."""

    def __init__(self, candidates: Callable[[str], list[str]], line: QLineEdit):
        self._model = QStringListModel()
        super().__init__(self._model, line)
        self.candidates = candidates
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(8)
        self.line = line
        line.setCompleter(self)
        line.textEdited.connect(self.refresh)

    def refresh(self, text: str) -> None:
        names = self.candidates(text) if text.strip() else []
        self._model.setStringList(names)
        if names and self.line.hasFocus():
            self.complete()       # nothing pre-selected: selecting would replace the text typed
        else:
            self.popup().hide()


class MemberPicker(QLineEdit):
    """Pick one person by typing part of the name (with or without diacritics, or initials);
    the completer lists the matches, Down shows everyone. ``chosen`` is emitted with the id
    when the text designates one person (an exact name, or a single match) and focus leaves."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._people: list[tuple[str, str]] = []
        self._current: str | None = None
        self.setPlaceholderText(tr("gõ tên, không dấu cũng được, hoặc chữ đầu: nvh"))
        self.completer_ = MatchCompleter(self._candidates, self)
        self.completer_.activated.connect(self._picked)
        self.editingFinished.connect(self._resolve)
        self.setMinimumWidth(220)

    def set_people(self, people: list[tuple[str, str]], current: str | None = None) -> None:
        """``people``: (id, name) pairs in the order to show."""
        self._people = list(people)
        self.set_current(current)

    def set_current(self, person_id: str | None) -> None:
        self._current = person_id
        self.setText(next((n for pid, n in self._people if pid == person_id), ""))
        self._mark(True)

    def current_id(self) -> str | None:
        return self.resolve(self.text())

    def _candidates(self, query: str) -> list[str]:
        return [name for _, name in ranked(query, self._people, lambda p: p[1])]

    def resolve(self, text: str) -> str | None:
        """The id of the one person the text designates: an exact name, else a single match."""
        t = fold(text)
        if not t:
            return None
        exact = [pid for pid, name in self._people if fold(name) == t]
        if len(exact) == 1:
            return exact[0]
        found = best(text, self._people, lambda p: p[1])
        return found[0][0] if len(found) == 1 else None

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.completer_.popup().hide()
        self._resolve()
        super().focusOutEvent(event)

    def event(self, e) -> bool:
        # Tab and Enter resolve the name first (the completer's popup may swallow the focus-out)
        if e.type() == QEvent.Type.KeyPress and e.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
                                                             Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not (self.completer_.popup().isVisible() and self.completer_.popup().currentIndex().isValid()):
                self.completer_.popup().hide()
                self._resolve()
        return super().event(e)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not self.completer_.popup().isVisible():
            self.completer_._model.setStringList(self._candidates(""))
            self.completer_.complete()
            return
        super().keyPressEvent(event)

    def _mark(self, ok: bool) -> None:
        if self.property("invalid") != (not ok):
            self.setProperty("invalid", not ok)
            self.style().unpolish(self)
            self.style().polish(self)

    def _picked(self, text: str) -> None:
        self.setText(text)
        self._resolve()

    def _resolve(self) -> None:
        text = self.text()
        pid = self.resolve(text)
        if pid is None:
            self._mark(not text.strip())
            return
        self._mark(True)
        self.setText(next(n for p, n in self._people if p == pid))
        if pid != self._current:
            self._current = pid
            self.chosen.emit(pid)


# -- text that saves itself ----------------------------------------------------------------------
class AutoSaveText(QPlainTextEdit):
    """A text box bound to one field of one step: what is typed is handed to ``save(key, text)``
    at most SAVE_DELAY_MS after the last keystroke, and at once on focus-out or ``flush()``."""

    def __init__(self, save: Callable[[Any, str], None] | QWidget | None = None, placeholder: str = "",
                 parent: QWidget | None = None):
        if isinstance(save, QWidget):     # made by a compiled form (ui/*.ui): AutoSaveText(parent), then set_save
            save, parent = None, save
        super().__init__(parent)
        self._save = save
        self._key: Any = None
        self._dirty = False
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.textChanged.connect(self._changed)

    def set_save(self, save: Callable[[Any, str], None]) -> None:
        self._save = save

    def bind(self, key: Any, text: str) -> None:
        """Show ``text`` for ``key`` (what was typed for the previous key is saved first)."""
        self.flush()
        self._key = key
        self.blockSignals(True)
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.blockSignals(False)
        self._dirty = False

    def _changed(self) -> None:
        if self._key is None:
            return
        self._dirty = True
        self.timer.start()

    def flush(self) -> None:
        self.timer.stop()
        if self._dirty and self._key is not None and self._save is not None:
            self._dirty = False
            self._save(self._key, self.toPlainText())

    @property
    def pending(self) -> bool:
        return self._dirty

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)


class CommentText(QPlainTextEdit):
    """The comment being typed: Ctrl+Enter records it (Tab leaves the box)."""

    submit = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_enter(event) and mods(event) == Qt.KeyboardModifier.ControlModifier:
            self.submit.emit()
            return
        super().keyPressEvent(event)


class ElidedLabel(QLabel):
    """One line that never pushes its neighbours or the window wider: what does not fit ends in
    "…", and the whole text is the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        from PySide6.QtWidgets import QSizePolicy

        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def minimumSizeHint(self):  # noqa: N802
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), self.fontMetrics().horizontalAdvance("…") * 6))
        return hint

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance(self._full) + 4)
        return hint

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 10))
        super().setText(shown)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


def notice_panel(object_name: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName(object_name)
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(10, 6, 10, 6)
    lay.addWidget(label)
    frame.hide()
    return frame, label


# The guide's styles (header, panels, agenda) are in ui/style.qss, scoped by QMainWindow#meetingGuide.


def scaled_font(widget: QWidget, factor: float, bold: bool = False):
    """The application font times ``factor`` (so the zoom setting applies)."""
    from PySide6.QtWidgets import QApplication

    f = QApplication.font()
    f.setPointSizeF(max(6.0, f.pointSizeF() * factor))
    f.setBold(bold)
    widget.setFont(f)


class _Failures(QObject):
    failed = Signal(str)


class Runner:
    """Run a session edit: a refusal (UserError) or a failed write is reported through
    ``report(text)`` instead of raising; returns the edit's result, or None when refused.
    A write that fails later on the writer thread is reported in the GUI thread (queued); the
    window then reads the meeting again from the file (its ``recover_meeting``), so the screen
    never shows what the file does not hold, and the message says so."""

    def __init__(self, parent, report: Callable[[str], None]):
        self.failures = _Failures(parent)
        self.failures.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.report = report

    def _failed(self, text: str) -> None:
        owner = self.failures.parent()
        window = owner.window() if isinstance(owner, QWidget) else None
        recover = getattr(window, "recover_meeting", None)
        if recover is not None and recover():
            text += " " + tr("Đã đọc lại cuộc họp từ tệp: màn hình nay đúng với những gì đã lưu.")
        self.report(text)

    def __call__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        from concurrent.futures import Future

        from ...i18n import UserError
        from ..common import error_text

        try:
            result = fn(*args, **kwargs)
        except (UserError, ValueError) as err:
            self.report(error_text(err))
            return None
        if isinstance(result, Future):
            failures = self.failures

            def done(f: Future) -> None:
                err = f.exception()
                if err is not None:
                    failures.failed.emit(tr("Chưa lưu được: {error}").format(error=error_text(err)))

            result.add_done_callback(done)
        return result if result is not None else True


class UndoPassThrough(QObject):
    """Ctrl+Z / Ctrl+Y in a text field undo its own typing while it has some; when it has none
    (an empty speaker field right after a comment was recorded), they reach the window's
    undo/redo of the meeting instead of being swallowed."""

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtGui import QKeySequence

        if event.type() == QEvent.Type.ShortcutOverride:
            if event.matches(QKeySequence.StandardKey.Undo):
                can = obj.isUndoAvailable() if isinstance(obj, QLineEdit) else obj.document().isUndoAvailable()
            elif event.matches(QKeySequence.StandardKey.Redo) or (
                    event.key() == Qt.Key.Key_Y and mods(event) == Qt.KeyboardModifier.ControlModifier):
                can = obj.isRedoAvailable() if isinstance(obj, QLineEdit) else obj.document().isRedoAvailable()
            else:
                return False
            if not can:
                event.ignore()
                return True
        return False


def fit_initial_size(widget: QWidget, width: int, height: int) -> None:
    """Open at ``width`` × ``height``, or smaller on a smaller screen (a 1366×768 laptop leaves a
    window 1366×728 with the taskbar): never taller or wider than the screen's free area."""
    from PySide6.QtGui import QGuiApplication

    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - 16)           # the frame's borders
        height = min(height, free.height() - 40)        # and its title bar
    widget.resize(width, height)


def follow_meeting(window: QObject, session, on_change: Callable[[], None]) -> Callable[[], None]:
    """Call ``on_change()`` when another window changes the live meeting ``session`` (its
    ``notify``); stops when ``window`` is destroyed. Returns the function that stops it."""
    def observer(source) -> None:
        if source is window:
            return
        try:
            on_change()
        except RuntimeError:           # the window was deleted by Qt before ``destroyed`` ran
            stop()

    def stop(*_) -> None:
        if observer in session.observers:
            session.observers.remove(observer)

    session.observers.append(observer)
    window.destroyed.connect(stop)
    return stop


def route_undo(window: QWidget) -> UndoPassThrough:
    f = UndoPassThrough(window)
    for w in window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit):
        w.installEventFilter(f)
    return f


def scroller(inner: QWidget, name: str) -> QScrollArea:
    """``inner`` in a frameless scroll area: when the window is smaller than ``inner`` wants
    (a small screen, a large font), it scrolls instead of pushing the window off the screen."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return area
