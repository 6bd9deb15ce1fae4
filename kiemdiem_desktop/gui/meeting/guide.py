"""Guided mode: the screen the minute-taker lives in during the meeting.

Left, the agenda with each step's state; on top, always visible, the step, where we are, the
clock, who chairs and the headcount; in the middle, what to do now; below, previous / next.
Everything typed goes to the MeetingSession (saved through the writer thread within a second).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QPushButton, QSplitter,
    QStackedWidget, QVBoxLayout, QWidget,
)

from ...model import MeetingState
from ...model.review import STEP_STATE_LABELS, AgendaStep, StepKind, StepState
from ...model.vote import VoteKind
from .attendance import counted_text, headcount_line, voters_line
from .pages import (  # noqa: F401 (the page classes: kept importable from here)
    AdoptionPage, ClosingPage, OpeningPage, OtherPage, ResultsPage, RollPage, all_pages, page_for,
)
from .votes import QuestionVoteDialog, confirm_effects
from .widgets import (  # noqa: F401 (scroller: kept importable from here)
    AutoSaveText, ElidedLabel, Runner, core, fit_initial_size, follow_meeting, notice_panel,
    route_undo, scaled_font, scroller, tr,
)


def wait_saved(session) -> None:
    """Wait until every edit handed to the writer so far is committed."""
    flush = getattr(session, "flush", None)
    if flush is not None:
        flush()
    else:
        session.db.call(lambda conn: None)


class PageStack(QStackedWidget):
    """The step pages: as tall as the page shown, not as the tallest page (a stack's default), so
    a step with little on it does not make the window taller than a 1366×768 screen."""

    def __init__(self):
        super().__init__()
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:
        w = self.currentWidget()
        return w.sizeHint() if w is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        w = self.currentWidget()
        return w.minimumSizeHint() if w is not None else super().minimumSizeHint()


class MeetingGuideWindow(QMainWindow):
    """The meeting, one step at a time. ``changed`` tells the presentation window to follow.

    The step pages come from the registry in pages/__init__.py (one module per page); each is
    kept as an attribute (``self.opening``, ``self.review``, ``self.ratings``…)."""

    changed = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.presentation = None
        self.run = Runner(self, self.show_problem)
        self.setObjectName("meetingGuide")             # ui/style.qss scopes the guide's styles by it
        self.setWindowTitle(tr("Hội nghị kiểm điểm năm {year} — Kiểm điểm Desktop").format(
            year=session.meeting.rating_year))
        self._build_header()
        self._build_agenda()
        self._build_pages()
        self._build_check_panel()
        self._build_buttons()
        self._lay_out()
        self._build_actions()
        self._undo_filter = route_undo(self)
        self._apply_fonts()
        self._start_clock()
        self._size_before_zoom = None
        self.refresh()
        fit_initial_size(self, 1366, 768)
        # one live meeting shared with the documents window: an edit there shows here at once
        self._unfollow = follow_meeting(self, session, self._meeting_changed_elsewhere)
        self.changed.connect(lambda: self.session.notify(self))

    # -- building -----------------------------------------------------------------------------------
    def _build_header(self) -> None:
        """On top, always visible: the step, where we are, the clock, who chairs, the headcount."""
        self.header = QFrame()
        self.header.setObjectName("guideHeader")
        # one line each, so the header keeps its height at any zoom; the whole title is its tooltip
        self.step_title = ElidedLabel()
        self.step_title.setObjectName("stepTitle")
        self.step_number = QLabel()
        self.step_number.setObjectName("stepNumber")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        self.chair_label = ElidedLabel()
        self.chair_label.setObjectName("chairLine")
        self.counts = ElidedLabel()
        self.counts.setObjectName("countsOk")
        self.voters = QLabel()
        self.voters.setObjectName("votersLine")
        hl = QGridLayout(self.header)
        hl.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        top.addWidget(self.step_title, 1)
        top.addWidget(self.step_number)
        top.addSpacing(18)
        top.addWidget(self.clock_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.chair_label, 2)
        bottom.addSpacing(18)
        bottom.addWidget(self.counts, 5)
        bottom.addSpacing(18)
        bottom.addWidget(self.voters)
        self.counts.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        hl.addLayout(top, 0, 0)
        hl.addLayout(bottom, 1, 0)

    def _build_agenda(self) -> None:
        self.agenda = QListWidget()
        self.agenda.setObjectName("agenda")
        self.agenda.setWordWrap(True)
        self.agenda.itemClicked.connect(self._agenda_clicked)
        self.agenda.itemActivated.connect(self._agenda_clicked)
        self.agenda.setMinimumWidth(250)

    def _build_pages(self) -> None:
        """One page per entry of the registry (pages/__init__.py), each an attribute of the window."""
        self.body = PageStack()
        for page in all_pages():
            widget = page.make(self)
            setattr(self, page.name, widget)
            self.body.addWidget(widget)
        self.roll = self.roll_page.roll

    def _build_check_panel(self) -> None:
        """The inline panel: what is missing before moving on. It takes at most a few lines and
        scrolls beyond: shown, it never pushes the buttons below the screen."""
        self.check_panel, self.check_label = notice_panel("checkPanel")
        self.check_label.setObjectName("checkText")
        inner = self.check_panel.layout()
        inner.removeWidget(self.check_label)
        self.check_scroll = scroller(self.check_label, "checkScroll")
        self.check_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner.addWidget(self.check_scroll)

    def _build_buttons(self) -> None:
        self.prev_button = QPushButton(tr("◀ Trước"))
        self.prev_button.setObjectName("prevButton")
        self.prev_button.setToolTip("Alt+←")
        self.prev_button.clicked.connect(self.go_previous)
        self.next_button = QPushButton(tr("Tiếp ▶"))
        self.next_button.setObjectName("nextButton")
        self.next_button.setToolTip("Alt+→ · Ctrl+Shift+Enter")
        self.next_button.clicked.connect(self.go_next)
        self.roll_button = QPushButton(tr("Điểm danh (F3)"))
        self.roll_button.clicked.connect(self.toggle_roll)
        self.show_button = QPushButton(tr("Trình chiếu (F5)"))
        self.show_button.clicked.connect(self.show_presentation)
        for b in (self.prev_button, self.next_button, self.roll_button, self.show_button):
            b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.progress = QLabel()
        self.progress.setObjectName("hint")

    def _lay_out(self) -> None:
        """Header on top; the agenda on the left; the step page, the check panel and the buttons."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.roll_button)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.progress, 1, Qt.AlignmentFlag.AlignCenter)
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(6, 0, 0, 0)
        self.body_scroll = scroller(self.body, "bodyScroll")
        rv.addWidget(self.body_scroll, 1)
        rv.addWidget(self.check_panel)
        rv.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.agenda)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 1000])
        split.setChildrenCollapsible(False)
        central = QWidget()
        cv = QVBoxLayout(central)
        cv.setContentsMargins(8, 8, 8, 6)
        cv.addWidget(self.header)
        cv.addWidget(split, 1)
        self.setCentralWidget(central)

    def _start_clock(self) -> None:
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start()
        self._last_minute = ""

    # -- actions and keys ------------------------------------------------------------------------
    def _action(self, menu, text: str, keys: list[str], slot: Callable, name: str = "") -> QAction:
        a = QAction(text, self)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.triggered.connect(slot)
        if name:
            a.setObjectName(name)
        menu.addAction(a) if menu is not None else self.addAction(a)
        return a

    def _build_actions(self) -> None:
        """The menus; every action carries its keys (the window's shortcuts are these actions)."""
        bar = self.menuBar()
        self._build_meeting_menu(bar.addMenu(tr("&Hội nghị")))
        self._build_edit_menu(bar.addMenu(tr("&Sửa")))
        self._build_go_menu(bar.addMenu(tr("&Đi tới")))
        self._action(None, "", ["Escape"], self._escape)
        self._build_help_menu(bar.addMenu(tr("T&rợ giúp")))
        self.update_undo_labels()

    def _build_meeting_menu(self, meeting) -> None:
        self.prepare_action = self._action(meeting, tr("&Chuẩn bị hội nghị…"), ["F4"], self.open_prepare)
        self.start_action = self._action(meeting, tr("&Khai mạc"), [], self.start_meeting)
        self.roll_action = self._action(meeting, tr("Đ&iểm danh, đến muộn, về sớm"), ["F3"], self.toggle_roll)
        self.show_action = self._action(meeting, tr("&Trình chiếu (bật, tắt)"), ["F5"], self.show_presentation)
        meeting.addSeparator()
        self.agenda_vote_action = self._action(meeting, tr("&Biểu quyết thông qua chương trình…"), ["Ctrl+B"],
                                               self.vote_agenda)
        self.other_vote_action = self._action(meeting, tr("Biểu quyết &một vấn đề khác…"), [], self.vote_other)
        self.decisions_action = self._action(meeting, tr("Kết quả của cấp có thẩm &quyền…"), [], self.open_decisions)
        meeting.addSeparator()
        self.documents_action = self._action(meeting, tr("&Văn bản hội nghị: xem, in, lưu, mở lại…"),
                                             ["Ctrl+Shift+V"], self.open_documents)
        meeting.addSeparator()
        self.close_action = self._action(meeting, tr("Đó&ng cửa sổ hội nghị"), ["Ctrl+W"], self.close)

    def _build_edit_menu(self, edit) -> None:
        self.undo_action = self._action(edit, tr("&Hoàn tác"), ["Ctrl+Z"], self.undo, "undoAction")
        self.redo_action = self._action(edit, tr("&Làm lại"), ["Ctrl+Y", "Ctrl+Shift+Z"], self.redo, "redoAction")
        edit.aboutToShow.connect(self.update_undo_labels)

    def _build_go_menu(self, go) -> None:
        self.next_action = self._action(go, tr("Bước &tiếp theo (xong bước này)"),
                                        ["Alt+Right", "Ctrl+Shift+Return", "Ctrl+Shift+Enter"], self.go_next)
        self.prev_action = self._action(go, tr("Bước t&rước"), ["Alt+Left"], self.go_previous)
        self._action(go, tr("Xem bước trên trong chương trình"), ["Ctrl+PgUp"], lambda: self.step_by(-1))
        self._action(go, tr("Xem bước dưới trong chương trình"), ["Ctrl+PgDown"], lambda: self.step_by(+1))

    def _build_help_menu(self, helpm) -> None:
        self._action(helpm, tr("&Bắt đầu: hội nghị đầu tiên, bằng hình"), ["F1"], self.show_start_help)
        self._action(helpm, tr("Bộ &quy định đánh giá, xếp loại…"), [], self.show_rule_set, "ruleSetAction")

    def _escape(self) -> None:
        if self.body.currentWidget() is self.roll_page:
            self.toggle_roll()

    # -- showing ------------------------------------------------------------------------------
    def _apply_fonts(self) -> None:
        scaled_font(self.step_title, 1.35, True)
        scaled_font(self.step_number, 1.15, True)
        scaled_font(self.clock_label, 1.25, True)
        scaled_font(self.counts, 1.05, True)
        scaled_font(self.review.handover_text, 1.2, True)
        self.review.fit_heights()
        line = self.fontMetrics().lineSpacing()
        self.check_scroll.setMinimumHeight(2 * line + 4)
        self.check_scroll.setMaximumHeight(5 * line + 4)
        self.body_scroll.setMinimumHeight(8 * line)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ApplicationFontChange:
            if self._size_before_zoom is None:
                self._size_before_zoom = self.size()
            self._apply_fonts()
            QTimer.singleShot(0, self, self.fit_screen)
        return super().event(e)

    def resizeEvent(self, e) -> None:
        if e.spontaneous():             # the user sized the window: that is the size to keep
            self._size_before_zoom = None
        super().resizeEvent(e)

    def fit_screen(self) -> None:
        """After a zoom (Ctrl+= / Ctrl+- / Ctrl+0): the window within the screen's free area and
        back to the size it had before zooming when that is enough (Ctrl+0 shrinks it back)."""
        if self.isMaximized() or self.isFullScreen():
            return
        screen = self.screen().availableGeometry() if self.screen() else None
        want = self._size_before_zoom or self.size()
        low = self.minimumSizeHint()
        w, h = max(want.width(), low.width()), max(want.height(), low.height())
        if screen is not None:
            frame = self.frameGeometry().size() - self.geometry().size()
            w = min(w, screen.width() - frame.width())
            h = min(h, screen.height() - frame.height())
        if (w, h) != (self.width(), self.height()):
            self.resize(w, h)

    def refresh(self) -> None:
        """Everything from the session (after a step change, undo/redo, reopening)."""
        self.fill_agenda()
        self.show_current()
        self.refresh_header()
        self.update_undo_labels()
        self.changed.emit()

    def step_state_text(self, step: AgendaStep) -> str:
        s = self.session
        if step.kind == StepKind.MEMBER_REVIEW and s.flow.subject_absent(step, s.time_of(step)):
            a = s.record.attendance.get(step.subject_member_id or "")
            # a step still to come: someone expected later (arrival time ahead) is not shown absent
            if not (step.state == StepState.NOT_STARTED and a is not None and a.arrived_at > s.clock()):
                return tr("vắng — kiểm điểm bổ sung")
        return core(STEP_STATE_LABELS[step.state])

    def short_title(self, step: AgendaStep) -> str:
        """The agenda list is narrow: a member's step shows the name, the opening its first words."""
        if step.kind == StepKind.MEMBER_REVIEW and step.subject_member_id in self.session.members:
            return tr("Đ/c {name}").format(name=self.session.flow.name(step.subject_member_id))
        if step.kind == StepKind.RATING_VOTES and step.subject_member_id in self.session.members:   # votes after each
            return tr("Xếp loại đ/c {name}").format(name=self.session.flow.name(step.subject_member_id))
        head, sep, _ = step.title.partition(":")
        return head if sep and len(step.title) > 40 else step.title

    def fill_agenda(self) -> None:
        s = self.session
        steps = s.record.steps
        current = s.current
        self.agenda.blockSignals(True)
        if self.agenda.count() != len(steps):
            self.agenda.clear()
            for _ in steps:
                self.agenda.addItem(QListWidgetItem())
        for i, step in enumerate(steps):
            item = self.agenda.item(i)
            mark = {StepState.DONE: "✓", StepState.IN_PROGRESS: "▶"}.get(step.state, "·")
            item.setText(f"{mark} {i + 1}. {self.short_title(step)}\n      {self.step_state_text(step)}")
            item.setToolTip(step.title)
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            if current and step.id == current.id:
                self.agenda.setCurrentRow(i)
        self.agenda.blockSignals(False)
        done, total = s.flow.progress()
        self.progress.setText(tr("Đã xong {done}/{total} bước").format(done=done, total=total))

    def page_of(self, step: AgendaStep) -> QWidget:
        """The page that shows ``step`` (the registry in pages/__init__.py)."""
        return getattr(self, page_for(step.kind).name)

    def show_current(self) -> None:
        step = self.session.current
        self.check_panel.hide()
        if step is None:
            return
        page = self.page_of(step)
        page.show_step(step)
        self.body.setCurrentWidget(page)
        self._focus_step()

    def _focus_step(self) -> None:
        step = self.session.current
        page = self.body.currentWidget()
        if step is not None and page is not self.roll_page:
            page.focus_step(step)

    def header_at(self) -> str:
        """Presence for the header: now for the step being held, the step's start for a finished one."""
        step = self.session.current
        if step is not None and step.state == StepState.DONE and step.started_at:
            return step.started_at
        return self.session.clock()

    def refresh_header(self) -> None:
        s = self.session
        step = s.current
        steps = s.record.steps
        if step is None:
            self.step_title.setText(tr("Chưa có chương trình hội nghị"))
            return
        i = s.flow.index_of(step.id)
        self.step_title.setText(step.title)
        state = ""
        if s.meeting.state == MeetingState.PREPARING:
            state = " · " + tr("chưa khai mạc")
        elif s.meeting.state == MeetingState.HELD:
            state = " · " + tr("đã bế mạc")
        elif s.meeting.state == MeetingState.LOCKED:     # adopted by its vote
            state = " · " + (tr("đã bế mạc, biên bản đã khóa") if s.meeting.end_time else tr("biên bản đã khóa"))
        self.step_number.setText(tr("Bước {n}/{total}").format(n=i + 1, total=len(steps)) + state)
        chair = s.flow.name(s.flow.chair_of(step))
        if step.chair_id:
            self.chair_label.setText(tr("Chủ trì phần này: đồng chí {name}").format(name=chair))
        else:
            self.chair_label.setText(tr("Chủ trì: đồng chí {name}").format(name=chair) if chair
                                     else tr("Chủ trì: (chưa chọn)"))
        h = s.headcount(self.header_at())
        self.counts.setText(headcount_line(s, h))
        self.counts.setToolTip(counted_text(s, h))          # who counts, by name
        name = "countsOk" if h.quorum_met else "countsLow"
        if self.counts.objectName() != name:
            self.counts.setObjectName(name)
            self.counts.style().unpolish(self.counts)
            self.counts.style().polish(self.counts)
        self.voters.setText(voters_line(h))
        self._tick()

    def _tick(self) -> None:
        now = self.session.clock()
        self.clock_label.setText(now)
        if now != self._last_minute:
            self._last_minute = now
            if self.body.currentWidget() is self.review:
                self.review.update_time()

    # -- edits ----------------------------------------------------------------------------------
    def show_problem(self, text: str) -> None:
        import html

        self.check_label.setText(f'<span style="color:#8c1d18">{html.escape(text)}</span>')
        self.check_panel.show()
        self.statusBar().showMessage(text, 8000)

    def save_step_text(self, key, text: str) -> None:
        step_id, field = key
        self.run(self.session.set_step_text, step_id, field, text)

    def flush(self) -> None:
        """Hand every text being typed to the session now."""
        for box in self.findChildren(AutoSaveText):
            box.flush()

    def attendance_changed(self) -> None:
        self.refresh_header()
        self.fill_agenda()
        self.refresh_votes()
        self.changed.emit()

    # -- votes --------------------------------------------------------------------------------------
    def refresh_votes(self) -> None:
        """Results are recomputed from what was typed: redraw the vote screens after any edit."""
        step = self.session.current
        page = self.body.currentWidget()
        if page is self.roll_page:          # the roll call over a step: that step's page
            page = self.page_of(step) if step is not None else None
        refresh = getattr(page, "refresh_votes", None)
        if refresh is not None:
            refresh()

    def votes_changed(self) -> None:
        self.refresh_header()
        self.changed.emit()

    def confirm_correction(self, change, action: str) -> bool:
        """Before an attendance (or other) correction: the announced results it would change, and
        the user's go-ahead. ``change`` edits a copy of the meeting record."""
        from ...voting import VotingDesk

        return confirm_effects(self, VotingDesk(self.session), change, action)

    def vote_agenda(self) -> None:
        s = self.session
        if s.meeting.state == MeetingState.PREPARING:
            self.show_check([tr("Hội nghị chưa khai mạc: chọn chủ trì, thư ký rồi bấm “Khai mạc” (Alt+K).")], [])
            return
        opening = next((st for st in s.record.steps if st.kind == StepKind.OPENING), None)
        self.flush()
        dlg = QuestionVoteDialog(s, VoteKind.AGENDA, tr("Thông qua chương trình hội nghị"),
                                 opening.id if opening else None, self)
        dlg.exec()
        self.opening.show_agenda_vote()
        self.refresh_votes()
        self.activateWindow()
        self._focus_step()

    def vote_other(self) -> None:
        s = self.session
        if s.meeting.state == MeetingState.PREPARING:
            self.show_check([tr("Hội nghị chưa khai mạc: chọn chủ trì, thư ký rồi bấm “Khai mạc” (Alt+K).")], [])
            return
        self.flush()
        dlg = QuestionVoteDialog(s, VoteKind.OTHER, "", s.current.id if s.current else None, self, fresh=True)
        dlg.exec()
        self.refresh_votes()

    def open_documents(self) -> None:
        """The minutes and every document: preview, print, save; reopen or lock the minutes."""
        from ..documents import open_documents

        self.flush()
        window = getattr(self, "_documents", None)
        try:
            if window is not None and window.isVisible():
                window.refresh()
                window.raise_()
                window.activateWindow()
                return
        except RuntimeError:       # deleted on close
            pass
        self._documents = open_documents(self, self.session)

    def _meeting_changed_elsewhere(self) -> None:
        """The documents window (locked, reopened…) changed the shared meeting: show it."""
        if self.isVisible():
            self.refresh()

    def recover_meeting(self) -> bool:
        """A write failed on the writer thread: show what the file holds (Runner says so)."""
        if not self.session.recover():
            return False
        self.refresh()
        self.session.notify(self)
        return True

    def open_decisions(self) -> None:
        from .decisions import DecisionsDialog

        self.flush()
        DecisionsDialog(self.session, self).exec()

    def review_changed(self) -> None:
        self.refresh_header()
        self.changed.emit()

    def start_meeting(self) -> None:
        if self.session.meeting.state != MeetingState.PREPARING:
            return
        if self.run(self.session.start):
            self.refresh()
            self.statusBar().showMessage(tr("Đã khai mạc lúc {time}.").format(time=self.session.meeting.start_time),
                                         5000)

    def go_next(self) -> None:
        self.flush()
        s = self.session
        if s.meeting.state == MeetingState.PREPARING:
            self.show_check([tr("Hội nghị chưa khai mạc: chọn chủ trì, thư ký rồi bấm “Khai mạc” (Alt+K).")], [])
            return
        if s.meeting.state == MeetingState.HELD:
            self.show_check([], [tr("Hội nghị đã bế mạc.")])
            return
        before = s.current.id if s.current else None
        result = self.run(s.go_next)
        if result is None:
            return
        if not result.ok:            # e.g. a blocking finding without its reason (session.check)
            self.show_check([str(m) for m in result.missing], [str(w) for w in result.warnings])
            if self.body.currentWidget() is self.ratings:
                self.ratings.focus_first()
            return
        self.refresh()
        if s.current and s.current.id == before and s.meeting.state == MeetingState.HELD:
            self.show_check([], [tr("Hội nghị đã bế mạc lúc {time}.").format(time=s.meeting.end_time)])

    def show_check(self, missing: list[str], warnings: list[str]) -> None:
        import html

        lines = []
        if missing:
            lines.append("<b>" + html.escape(tr("Chưa sang bước sau được — còn thiếu:")) + "</b>")
            lines += [f"• {html.escape(m)}" for m in missing]
        for w in warnings:
            lines.append(f'<span style="color:#9a5b00">⚠ {html.escape(w)}</span>')
        self.check_label.setText("<br>".join(lines))
        self.check_panel.setVisible(bool(lines))

    def go_previous(self) -> None:
        self.flush()
        if self.run(self.session.go_previous):
            self.refresh()

    def step_by(self, delta: int) -> None:
        s = self.session
        i = s.flow.index_of(s.meeting.current_step_id) + delta
        if 0 <= i < len(s.record.steps):
            self.go_to(s.record.steps[i].id)

    def go_to(self, step_id: str) -> None:
        self.flush()
        if self.run(self.session.go_to, step_id):
            self.refresh()

    def _agenda_clicked(self, item: QListWidgetItem) -> None:
        step_id = item.data(Qt.ItemDataRole.UserRole)
        if self.session.current is None or step_id != self.session.current.id:
            self.go_to(step_id)
        elif self.body.currentWidget() is self.roll_page:
            self.toggle_roll()

    def toggle_roll(self) -> None:
        self.flush()
        if self.body.currentWidget() is self.roll_page:
            self.show_current()
        else:
            self.roll.reload()
            self.body.setCurrentWidget(self.roll_page)
            self.roll.table.setFocus()

    # -- undo / redo ------------------------------------------------------------------------------
    def update_undo_labels(self) -> None:
        try:
            undo, redo = self.session.undo_redo_labels()
        except Exception:  # noqa: BLE001 - a closed file: keep the old labels
            return
        self.undo_action.setText(tr("&Hoàn tác: {label}").format(label=core(undo)) if undo else tr("&Hoàn tác"))
        self.redo_action.setText(tr("&Làm lại: {label}").format(label=core(redo)) if redo else tr("&Làm lại"))
        self.undo_action.setEnabled(bool(undo))
        self.redo_action.setEnabled(bool(redo))

    def undo(self) -> None:
        self.flush()
        wait_saved(self.session)
        label = self.run(self.session.undo)
        self.refresh()
        if isinstance(label, str):
            self.statusBar().showMessage(tr("Đã hoàn tác: {label}").format(label=core(label)), 5000)

    def redo(self) -> None:
        self.flush()
        wait_saved(self.session)
        label = self.run(self.session.redo)
        self.refresh()
        if isinstance(label, str):
            self.statusBar().showMessage(tr("Đã làm lại: {label}").format(label=core(label)), 5000)

    # -- other windows ----------------------------------------------------------------------------
    def show_presentation(self) -> None:
        from .presentation import PresentationWindow

        if self.presentation is None:
            self.presentation = PresentationWindow(self)
        if self.presentation.isVisible():        # F5 again closes it
            self.presentation.close()
            return
        self.presentation.show()
        self.presentation.raise_()
        self.activateWindow()                    # the keyboard stays with the guide

    def show_start_help(self):
        from ..help import show_start_help

        self.start_help = show_start_help(self)
        return self.start_help

    def show_rule_set(self) -> None:
        from ..rules_view import show_rule_sets

        show_rule_sets(self, self.session.rules.id)

    def open_prepare(self) -> None:
        from .prepare import PrepareDialog

        if not self.isVisible() or self.session.cf.closed:     # opened from the list, closed meanwhile
            return
        self.flush()
        dlg = PrepareDialog(self.session, self)
        self._prepare_dialog = dlg
        dlg.exec()
        if self.session.cf.closed:        # the file was closed while the dialog was open
            return
        wait_saved(self.session)
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._focus_step()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        try:
            wait_saved(self.session)
        except Exception:  # noqa: BLE001 - already closed
            pass
        self.clock_timer.stop()
        self._unfollow()
        if self.presentation is not None:
            self.presentation.close()
        documents = getattr(self, "_documents", None)
        if documents is not None:
            try:
                documents.close()      # before Qt deletes it with this window (its PDF with it)
            except RuntimeError:
                pass
        super().closeEvent(event)
