"""Adopt and lock, seen from the documents window: the lock state, "Mở lại biên bản…" with its
required reason, "Khóa biên bản" when the adoption vote passed but the minutes are not locked
(after a reopening), and the append-only history (DOMAIN.md §7, issue 5 item 6)."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...i18n import UserError
from ...model import MeetingState
from ..common import ask_yes_no, error_text, show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("documents", text)


ACTION_LABELS = {"lock": "Khóa", "reopen": "Mở lại", "change": "Sửa"}
HISTORY_COLUMNS = ("Thời điểm", "Việc", "Lần", "Lý do")


def format_at(value: str) -> str:
    """"2025-12-10T11:20:05" → "10/12/2025 11:20"; other text as it is."""
    try:
        return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return value or ""


def history_rows(history: list[dict]) -> list[tuple[str, str, str, str]]:
    """(thời điểm, việc, lần, lý do) per history row, oldest first."""
    out = []
    for h in history:
        action = tr(ACTION_LABELS.get(h.get("action", ""), h.get("action", "")))
        what = h.get("what") or ""
        if h.get("action") == "change":
            from ...flow.history import detail_lines
            from ...i18n import translate

            # the field, where, the old and the new value; older rows kept only the command's name
            lines = detail_lines(h.get("detail", ""))
            if lines:
                action = f"{action} " + "; ".join(lines)
            elif what:
                action = f"{action}: {translate(what)}"
        out.append((format_at(h.get("at", "")), action, str(h.get("revision") or ""), h.get("why") or ""))
    return out


class ReopenDialog(QDialog):
    """Ask why the locked minutes are reopened; "Mở lại" stays disabled while the reason is empty."""

    def __init__(self, revision: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Mở lại biên bản"))
        self.setModal(True)
        self.setMinimumWidth(580)
        intro = QLabel(tr("Biên bản đã được hội nghị thông qua và khóa: bản chính thức lần {n}.\n\n"
                          "Mở lại để sửa: mọi thay đổi sau đó được ghi vào lịch sử cùng lý do dưới đây. "
                          "Sửa xong, khóa lại sẽ thành bản chính thức lần {next}.").format(n=revision, next=revision + 1))
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reopenReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(tr("Ví dụ: ghi sai số phiếu của đồng chí … khi nhập kết quả"))
        self.reason_edit.setMinimumHeight(110)
        label = QLabel(tr("&Lý do mở lại (bắt buộc):"))
        label.setBuddy(self.reason_edit)
        self.hint = QLabel(tr("Ctrl+Enter để mở lại; Esc để thôi."))
        self.hint.setObjectName("hint")
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(tr("&Mở lại biên bản"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("reopenOk")
        cancel = self.buttons.addButton(tr("&Thôi"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("reopenCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setEnabled(False)
        self.reason_edit.textChanged.connect(self._changed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._accept_if_ready)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.reason_edit.setFocus()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _changed(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def _accept_if_ready(self) -> None:
        if self.reason():
            self.accept()

    def accept(self) -> None:
        if not self.reason():       # never without a reason (a click slipping past the disabled state)
            self.reason_edit.setFocus()
            return
        super().accept()


def ask_reopen_reason(parent: QWidget | None, revision: int) -> str | None:
    dlg = ReopenDialog(revision, parent)
    return dlg.reason() if dlg.exec() == QDialog.DialogCode.Accepted else None


class LockPanel(QGroupBox):
    """The lock state of the minutes, its buttons and the history of changes after the lock."""

    changed = Signal()      # the meeting was locked or reopened

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(tr("Thông qua và khóa biên bản"), parent)
        self.session = session
        self.setObjectName("lockPanel")
        self.state = QLabel()
        self.state.setObjectName("lockState")
        self.state.setWordWrap(True)
        self.reopen_button = QPushButton(tr("&Mở lại biên bản…"))
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.clicked.connect(self.reopen)
        self.lock_button = QPushButton(tr("&Khóa biên bản"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(self.lock)
        self.message = QLabel()
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.message.hide()

        self.history = QTableWidget(0, len(HISTORY_COLUMNS))
        self.history.setObjectName("historyTable")
        self.history.setHorizontalHeaderLabels([tr(c) for c in HISTORY_COLUMNS])
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setTabKeyNavigation(False)
        self.history.setMinimumHeight(4 * self.history.fontMetrics().height() + 24)   # three rows at least
        self.history.setWordWrap(False)       # one line a row here; in full below and in "Xem toàn bộ…"
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        hh = self.history.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.currentCellChanged.connect(lambda r, *_: self._show_detail(r))
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        history_label = QLabel(tr("Lịc&h sử (không xóa, không sửa được):"))
        history_label.setBuddy(self.history)
        self.full_button = QPushButton(tr("Xem toàn &bộ lịch sử…"))
        self.full_button.setObjectName("fullHistory")
        self.full_button.clicked.connect(self.show_full_history)

        buttons = QHBoxLayout()
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.lock_button)
        buttons.addWidget(self.full_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.detail)
        self.refresh()

    # -- state --------------------------------------------------------------------------------------
    def adoption_passed(self) -> bool:
        from ...voting import VotingDesk

        vote = self.session.adoption_vote()
        if vote is None or not vote.recorded:
            return False
        try:
            return VotingDesk(self.session).result(vote).passed
        except Exception:  # noqa: BLE001 - a vote that cannot be counted is not a passed one
            return False

    def refresh(self) -> None:
        m = self.session.meeting
        locked = m.state == MeetingState.LOCKED
        passed = (not locked) and m.state == MeetingState.HELD and self.adoption_passed()
        if locked:
            text = tr("<b>Đã khóa — bản chính thức lần {n}.</b> Mọi sửa đổi đều bị từ chối; muốn sửa, "
                      "bấm “Mở lại biên bản…” và ghi lý do.").format(n=m.revision)
        elif m.revision:
            text = tr("<b>Đã mở lại</b> sau bản chính thức lần {n}. Lý do: {why}<br>Mọi thay đổi đang được "
                      "ghi vào lịch sử. Sửa xong, bấm “Khóa biên bản” (lần {next}).").format(
                n=m.revision, why=_html(m.reopen_reason) or "…", next=m.revision + 1)
        elif passed:
            text = tr("<b>Biên bản đã được thông qua nhưng chưa khóa.</b> Bấm “Khóa biên bản”.")
        else:
            text = tr("<b>Dự thảo.</b> Biên bản được khóa khi hội nghị biểu quyết thông qua biên bản "
                      "(bước “Thông qua biên bản” trong hướng dẫn hội nghị).")
        self.state.setText(text)
        self.reopen_button.setVisible(locked)
        self.lock_button.setVisible(passed)
        self._fill_history()

    def _fill_history(self) -> None:
        try:
            rows = history_rows(self.session.history())
        except Exception as err:  # noqa: BLE001 - a closed file: say so instead of failing
            rows = []
            self._show(error_text(err))
        self.history.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.history.setItem(r, c, item)
        self._rows = rows
        self.full_button.setEnabled(bool(rows))
        if rows:
            self.history.setCurrentCell(len(rows) - 1, 0)
            self.history.scrollToBottom()
        self._show_detail(len(rows) - 1)

    def _show_detail(self, row: int) -> None:
        """The selected row in full under the table (the cells are cut to fit)."""
        rows = getattr(self, "_rows", [])
        if not 0 <= row < len(rows):
            self.detail.setText("")
            return
        at, what, revision, why = rows[row]
        text = tr("{at} — {what} (lần {n})").format(at=at, what=what, n=revision)
        self.detail.setText(text + (tr(". Lý do: {why}").format(why=why) if why else ""))

    def show_full_history(self) -> None:
        """Every row in full, wide: when, what (field, where, old and new value), revision, why."""
        dlg = HistoryDialog(getattr(self, "_rows", []), self.window())
        dlg.exec()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- actions ------------------------------------------------------------------------------------
    def reopen(self) -> bool:
        m = self.session.meeting
        if m.state != MeetingState.LOCKED:
            return False
        reason = ask_reopen_reason(self.window(), m.revision)
        if reason is None:
            return False
        try:
            # An edit refused on the locked meeting may have changed the session in memory before
            # the refusal (session.update_meeting sets the field, then _commit refuses): read the
            # meeting back from the file first, so the reopening does not write that change.
            self.session.reload()
            self.session.reopen(reason).result()
        except UserError as err:
            self._show(error_text(err))
            return False
        except Exception as err:  # noqa: BLE001 - a failed write is reported, the window stays
            show_error(self.window(), tr("Chưa mở lại được biên bản: {error}").format(error=error_text(err)))
            self.session.reload()
            return False
        self._show("")
        self.refresh()
        self.changed.emit()
        return True

    def lock(self) -> bool:
        m = self.session.meeting
        if not ask_yes_no(self.window(), tr("Khóa biên bản"),
                          tr("Khóa biên bản thành bản chính thức lần {n}?\nSau khi khóa, muốn sửa phải mở lại "
                             "và ghi lý do.").format(n=m.revision + 1)):
            return False
        try:
            self.session.flush()
            self.session.reload()      # lock writes the meeting row: the file's, nothing refused
            self.session.lock()
        except UserError as err:
            self._show(error_text(err))
            return False
        except Exception as err:  # noqa: BLE001
            show_error(self.window(), tr("Chưa khóa được biên bản: {error}").format(error=error_text(err)))
            self.session.reload()
            return False
        self._show("")
        self.refresh()
        self.changed.emit()
        return True


class HistoryDialog(QDialog):
    """The whole history, each row wrapped in full (nothing cut); Esc or Đóng closes it."""

    def __init__(self, rows: list[tuple[str, str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Lịch sử biên bản sau khi khóa"))
        self.table = QTableWidget(len(rows), len(HISTORY_COLUMNS))
        self.table.setObjectName("fullHistoryTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in HISTORY_COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(3, 300)
        hh.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        buttons = QDialogButtonBox()
        close = buttons.addButton(tr("Đó&ng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("closeHistory")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1100, 520)
        self.table.resizeRowsToContents()
        if rows:
            self.table.scrollToBottom()


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
