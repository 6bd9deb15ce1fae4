"""Điểm danh: the roll call at the opening, late arrivals and early leaves at any time."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...model import CATEGORY_LABELS, Category
from ...model.attendance import PRESENCE_LABELS, Attendance, Presence
from ...rules.attendance import Headcount
from .widgets import Runner, core, is_enter, mods, parse_time, tr

STATUSES = [Presence.PRESENT, Presence.ABSENT_APPROVED, Presence.ABSENT_UNAPPROVED, Presence.ABSENT_NO_REASON]
COLUMNS = ["STT", "Họ và tên", "Loại", "Tình trạng", "Lý do", "Đến muộn lúc", "Về sớm lúc"]


def headcount_line(session, h: Headcount) -> str:
    q = session.rules.quorum
    state = tr("đủ số lượng") if h.quorum_met else tr("chưa đủ số lượng")
    return tr("Có mặt {present}/{base} đảng viên được tính · cần {needed} ({q}) · {state}").format(
        present=h.present_in_base, base=h.base_count, needed=h.quorum_needed,
        q=f"{q.numerator}/{q.denominator}", state=state)


def counted_text(session, h: Headcount) -> str:
    """Who counts, by name (the tooltip of the figures): in the base and present, in the base and
    not in the room, present and not counted."""
    def names(ids) -> str:
        people = [m.full_name for m in session.member_list if m.id in ids]
        return ", ".join(people) if people else tr("không có")
    return "\n".join([
        tr("Được tính và có mặt ({n}): {names}").format(n=len(h.base & h.present), names=names(h.base & h.present)),
        tr("Được tính, không có mặt ({n}): {names}").format(n=len(h.base - h.present), names=names(h.base - h.present)),
        tr("Có mặt, không tính ({n}): {names}").format(n=len(h.present - h.base), names=names(h.present - h.base)),
    ])


def voters_line(h: Headcount) -> str:
    return tr("{n} người được biểu quyết").format(n=len(h.voters))


def status_text(a: Attendance | None) -> str:
    """The status as the table shows it: a late arrival is "Đến muộn lúc 08:20", never only
    "Vắng …" beside a time (the roll call at the opening follows in brackets)."""
    if a is None:
        return tr("(chưa điểm danh)")
    if a.arrived_at and a.status != Presence.PRESENT:
        opening = {Presence.ABSENT_APPROVED: tr("lý do được chấp thuận"),
                   Presence.ABSENT_UNAPPROVED: tr("lý do không được chấp thuận"),
                   Presence.ABSENT_NO_REASON: tr("chưa có lý do")}[a.status]
        return tr("Đến muộn lúc {time} ({opening})").format(time=a.arrived_at, opening=opening)
    return core(PRESENCE_LABELS[a.status])


class RollTable(QTableWidget):
    status_key = Signal(int)     # 0..3
    enter = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not mods(event) and Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_4:
            self.status_key.emit(event.key() - Qt.Key.Key_1)
            return
        if is_enter(event) and not mods(event):
            self.enter.emit()
            return
        super().keyPressEvent(event)


class AttendancePanel(QWidget):
    """Every member on the roll, the status and times of the selected one, and the counts."""

    changed = Signal()

    def __init__(self, session, parent: QWidget | None = None, show_counts: bool = False):
        super().__init__(parent)
        self.session = session
        self.run = Runner(self, self.report)
        # confirm(change, action) -> bool: asked before an edit that may change announced vote
        # results (the guide sets it: gui/meeting/votes.confirm_effects); None: no question.
        self.confirm = None
        self.people = []
        self.counts = QLabel()
        self.counts.setObjectName("countsLine")
        self.all_present = QPushButton(tr("&Tất cả có mặt"))
        self.all_present.clicked.connect(self.mark_all_present)
        self.counts.setVisible(show_counts)
        self.who_counts = QLabel()               # the list of who counts, shown on request
        self.who_counts.setObjectName("hint")
        self.who_counts.setWordWrap(True)
        self.who_counts.hide()
        self.who_button = QPushButton(tr("&Ai được tính?"))
        self.who_button.setObjectName("whoCounts")
        self.who_button.setCheckable(True)
        self.who_button.toggled.connect(self.who_counts.setVisible)

        self.table = RollTable(0, len(COLUMNS))
        self.table.setObjectName("rollTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        hh = self.table.horizontalHeader()
        for c in range(len(COLUMNS)):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.status_key.connect(self.status_digit)
        self.table.enter.connect(lambda: self.reason.setFocus())
        self.table.currentCellChanged.connect(lambda *_: self._show_selected())

        hint = QLabel(tr("Phím 1–4: tình trạng (số như trong ô Tình trạng) · Enter: lý do · "
                         "Tab: giờ đến muộn, rồi giờ về sớm"))
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        self.status = QComboBox()
        for i, p in enumerate(STATUSES):
            self.status.addItem(f"{i + 1}. {core(PRESENCE_LABELS[p])}", p)
        self.status.activated.connect(lambda i: self.set_status(STATUSES[i]))
        # as wide as its longest choice: "Vắng, lý do không được chấp thuận" is never cut
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("lý do vắng"))
        self.reason.editingFinished.connect(self.save_reason)
        self.reason.returnPressed.connect(lambda: self.table.setFocus())
        self.arrival = QLineEdit()
        self.arrival.setPlaceholderText(tr("giờ:phút"))
        self.arrival.setMaximumWidth(90)
        self.arrival.returnPressed.connect(self.save_arrival)
        self.arrive_now = QPushButton(tr("Đến &bây giờ"))
        self.arrive_now.clicked.connect(lambda: self.save_arrival(now=True))
        self.leaving = QLineEdit()
        self.leaving.setPlaceholderText(tr("giờ:phút"))
        self.leaving.setMaximumWidth(90)
        self.leaving.returnPressed.connect(self.save_leave)
        self.leave_now = QPushButton(tr("&Về bây giờ"))
        self.leave_now.clicked.connect(lambda: self.save_leave(now=True))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.notice = QLabel()               # what a key just did (a digit, an arrival)
        self.notice.setObjectName("hint")
        self.notice.setWordWrap(True)
        self._pending_digit: tuple[str, Presence] | None = None

        self.who = QLabel()
        self.who.setObjectName("sectionTitle")
        grid = QGridLayout()
        grid.addWidget(self.who, 0, 0, 1, 6)
        grid.addWidget(QLabel(tr("Tình trạng:")), 1, 0)
        grid.addWidget(self.status, 1, 1)
        grid.addWidget(QLabel(tr("Lý do:")), 1, 2)
        grid.addWidget(self.reason, 1, 3, 1, 3)
        grid.addWidget(QLabel(tr("Đến muộn lúc:")), 2, 0)
        arr = QHBoxLayout()
        arr.addWidget(self.arrival)
        arr.addWidget(self.arrive_now)
        arr.addStretch(1)
        grid.addLayout(arr, 2, 1)
        grid.addWidget(QLabel(tr("Về sớm lúc:")), 2, 2)
        lv = QHBoxLayout()
        lv.addWidget(self.leaving)
        lv.addWidget(self.leave_now)
        lv.addStretch(1)
        grid.addLayout(lv, 2, 3)
        grid.setColumnStretch(3, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.who_button)
        row.addWidget(self.all_present)
        layout.addLayout(row)
        layout.addWidget(self.who_counts)
        layout.addLayout(grid)
        messages = QVBoxLayout()
        messages.setSpacing(0)
        messages.addWidget(self.error)
        messages.addWidget(self.notice)
        self.messages = QWidget()
        self.messages.setLayout(messages)
        messages.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.messages)
        self._fit_messages()
        # Tab from the table goes where the hint says: the arrival time, then the leaving time
        self.setTabOrder(self.table, self.arrival)
        self.setTabOrder(self.arrival, self.arrive_now)
        self.setTabOrder(self.arrive_now, self.leaving)
        self.setTabOrder(self.leaving, self.leave_now)
        self.setTabOrder(self.leave_now, self.status)
        self.setTabOrder(self.status, self.reason)
        self.reload()

    # -- showing ------------------------------------------------------------------------------
    def reload(self) -> None:
        s = self.session
        row = max(0, self.table.currentRow())
        self.people = s.attendees()
        self.table.setRowCount(len(self.people))
        for r in range(len(self.people)):
            self._fill_row(r)
        if self.people:
            self.table.setCurrentCell(min(row, len(self.people) - 1), 1)
        self._show_selected()
        self.update_counts()

    def _fill_row(self, r: int) -> None:
        s = self.session
        m = self.people[r]
        cat = s.categories[m.id]
        a = s.record.attendance.get(m.id)
        visiting = cat == Category.VISITING
        cat_text = tr("sinh hoạt tạm thời — không tính") if visiting else core(CATEGORY_LABELS[cat])
        status = status_text(a)
        values = [str(r + 1), m.full_name, cat_text, status, a.reason if a else "",
                  a.arrived_at if a else "", a.left_at if a else ""]
        for c, v in enumerate(values):
            item = QTableWidgetItem(v)
            if c == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if a is None and c == 3:
                item.setForeground(QBrush(QColor("#8c1d18")))
            elif a is not None and a.status != Presence.PRESENT and c in (1, 3) and not a.arrived_at:
                item.setForeground(QBrush(QColor("#7a5a00")))
            if visiting:
                item.setForeground(QBrush(QColor("#6b675f")))
            self.table.setItem(r, c, item)

    def _fit_messages(self) -> None:
        """Room for two lines of message, always: a message appearing never moves the table."""
        self.messages.setFixedHeight(2 * self.fontMetrics().lineSpacing() + 4)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FontChange and hasattr(self, "messages"):
            self._fit_messages()

    def say(self, text: str) -> None:
        self.error.clear()
        self.notice.setText(text)

    def current_member(self):
        r = self.table.currentRow()
        return self.people[r] if 0 <= r < len(self.people) else None

    def _show_selected(self) -> None:
        m = self.current_member()
        self.error.clear()
        if self._pending_digit and (m is None or m.id != self._pending_digit[0]):
            self._pending_digit = None
            self.notice.clear()
        for w in (self.status, self.reason, self.arrival, self.leaving, self.arrive_now, self.leave_now):
            w.setEnabled(m is not None)
        if m is None:
            self.who.setText("")
            return
        a = self.session.record.attendance.get(m.id)
        self.who.setText(tr("Đồng chí {name}").format(name=m.full_name))
        self.status.blockSignals(True)
        self.status.setCurrentIndex(STATUSES.index(a.status) if a else -1)
        self.status.blockSignals(False)
        self.reason.setText(a.reason if a else "")
        self.arrival.setText(a.arrived_at if a else "")
        self.leaving.setText(a.left_at if a else "")

    def update_counts(self) -> None:
        h = self.session.headcount(self.session.clock())
        self.counts.setText(headcount_line(self.session, h) + " · " + voters_line(h))
        self.counts.setToolTip(counted_text(self.session, h))
        self.who_counts.setText(counted_text(self.session, h))

    def _edited(self, row: int | None = None) -> None:
        if row is None:
            for r in range(len(self.people)):
                self._fill_row(r)
        else:
            self._fill_row(row)
        self._show_selected()
        self.update_counts()
        self.changed.emit()

    def report(self, text: str) -> None:
        self.notice.clear()
        self.error.setText(text)

    # -- editing --------------------------------------------------------------------------------
    def _allowed(self, member_id: str, action: str, **fields) -> bool:
        """Ask ``confirm`` with the attendance as it would be after the edit."""
        if self.confirm is None:
            return True
        a = self.session.record.attendance.get(member_id) or Attendance(member_id, Presence.ABSENT_NO_REASON)
        new = replace(a, **fields)
        if fields.get("status") == Presence.PRESENT:
            new.arrived_at = ""
        return self.confirm(lambda rec: rec.attendance.__setitem__(member_id, new), action)

    def mark_all_present(self) -> None:
        if self.run(self.session.mark_all_present):
            self._edited()

    def status_digit(self, index: int) -> None:
        """Keys 1–4 on the table. On a member not yet called they set the status (and say so);
        on a member who has one, a different digit only asks: the same digit again changes it.
        A digit typed where a time was meant never changes a status unseen."""
        m = self.current_member()
        if m is None:
            return
        status = STATUSES[index]
        a = self.session.record.attendance.get(m.id)
        label = core(PRESENCE_LABELS[status])
        if a is not None and a.status != status and self._pending_digit != (m.id, status):
            self._pending_digit = (m.id, status)
            self.say(tr("Đồng chí {name} đang ghi “{old}”. Gõ {key} lần nữa để đổi thành “{new}”; "
                        "phím khác để thôi.").format(name=m.full_name, old=status_text(a), key=index + 1, new=label))
            return
        self._pending_digit = None
        if a is not None and a.status == status:
            self.say(tr("Đồng chí {name}: {status} (không đổi).").format(name=m.full_name, status=status_text(a)))
            return
        if self.set_status(status):
            self.say(tr("Đã ghi đồng chí {name}: {status}. Ctrl+Z để hoàn tác.").format(
                name=m.full_name, status=label))

    def set_status(self, status: Presence) -> bool:
        m = self.current_member()
        if m is None:
            return
        a = self.session.record.attendance.get(m.id)
        if a is not None and a.status == status:
            return False
        if a is not None and not self._allowed(m.id, tr("Sửa tình trạng có mặt của đồng chí {name}").format(
                name=m.full_name), status=status):
            return False
        if self.run(self.session.set_attendance, m.id, status, a.reason if a else ""):
            self._edited(self.table.currentRow())
            return True
        return False

    def save_reason(self) -> None:
        m = self.current_member()
        if m is None:
            return
        a = self.session.record.attendance.get(m.id)
        text = self.reason.text().strip()
        if (a.reason if a else "") == text:
            return
        status = a.status if a else Presence.ABSENT_APPROVED
        if self.run(self.session.set_attendance, m.id, status, text):
            self._edited(self.table.currentRow())

    def save_arrival(self, now: bool = False) -> None:
        m = self.current_member()
        if m is None:
            return
        at = None if now else parse_time(self.arrival.text())
        if not now and at is None:
            self.report(tr("Giờ đến “{text}” không đọc được: gõ giờ:phút, ví dụ 08:45.").format(text=self.arrival.text()))
            return
        if not self._allowed(m.id, tr("Ghi đồng chí {name} đến lúc {at}").format(
                name=m.full_name, at=at or self.session.clock()), arrived_at=at or self.session.clock()):
            return
        was_present = (a := self.session.record.attendance.get(m.id)) is not None and a.present_at_opening
        if self.run(self.session.arrive, m.id, at):
            self._edited(self.table.currentRow())
            self.table.setFocus()
            a = self.session.record.attendance[m.id]
            text = tr("Đã ghi đồng chí {name} đến lúc {time}.").format(name=m.full_name, time=a.arrived_at)
            if was_present:
                text += " " + tr("Không có mặt khi khai mạc: nếu có lý do, gõ Enter để ghi; phím 2 nếu chủ trì "
                                 "chấp thuận.")
            self.say(text)

    def save_leave(self, now: bool = False) -> None:
        m = self.current_member()
        if m is None:
            return
        at = None if now else parse_time(self.leaving.text())
        if not now and at is None:
            self.report(tr("Giờ về “{text}” không đọc được: gõ giờ:phút, ví dụ 10:30.").format(text=self.leaving.text()))
            return
        if not self._allowed(m.id, tr("Ghi đồng chí {name} về lúc {at}").format(
                name=m.full_name, at=at or self.session.clock()), left_at=at or self.session.clock()):
            return
        if self.run(self.session.leave, m.id, at):
            self._edited(self.table.currentRow())
            self.table.setFocus()
            self.say(tr("Đã ghi đồng chí {name} về lúc {time}.").format(
                name=m.full_name, time=self.session.record.attendance[m.id].left_at))
