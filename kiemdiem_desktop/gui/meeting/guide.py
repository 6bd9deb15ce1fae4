"""Guided mode: the screen the minute-taker lives in during the meeting.

Left, the agenda with each step's state; on top, always visible, the step, where we are, the
clock, who chairs and the headcount; in the middle, what to do now; below, previous / next.
Everything typed goes to the MeetingSession (saved through the writer thread within a second).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow,
    QPushButton, QScrollArea, QSizePolicy, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from ...model import MeetingState
from ...model.review import STEP_STATE_LABELS, AgendaStep, StepKind, StepState
from ...model.meeting import MEETING_KIND_LABELS
from ...model.vote import VoteKind
from ...vn.dates import format_date
from .attendance import AttendancePanel, counted_text, headcount_line, voters_line
from .ratings import RatingStepPage
from .review import ReviewPanel
from .votes import HandsVotePanel, QuestionVoteDialog, ResultsView, confirm_effects, outcome_text
from .widgets import (  # noqa: F401 (scroller: kept importable from here)
    MEETING_QSS, AutoSaveText, ElidedLabel, MemberPicker, Runner, core, fit_initial_size, follow_meeting, notice_panel,
    parse_time,
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


VOTE_KINDS = (StepKind.RATING_VOTES, StepKind.CELL_RATING, StepKind.ADOPTION)
REVIEW_KINDS = (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW)


class OpeningPage(QWidget):
    """Khai mạc: chair and minute-taker, the start of the meeting, the roll call."""

    def __init__(self, window: "MeetingGuideWindow"):
        super().__init__()
        self.w = window
        s = window.session
        self.chair = MemberPicker()
        self.chair.setObjectName("chairPicker")
        self.minute_taker = MemberPicker()
        self.minute_taker.setObjectName("minuteTakerPicker")
        self.chair.chosen.connect(lambda pid: self._set("chair_id", pid))
        self.minute_taker.chosen.connect(lambda pid: self._set("minute_taker_id", pid))
        self.start_button = QPushButton(tr("&Khai mạc"))
        self.start_button.setObjectName("startButton")
        self.start_button.clicked.connect(window.start_meeting)
        self.info = QLabel()
        self.info.setObjectName("hint")
        self.info.setWordWrap(True)
        self.agenda_vote_button = QPushButton(tr("Biểu quyết thông qua &chương trình…"))
        self.agenda_vote_button.setObjectName("agendaVoteButton")
        self.agenda_vote_button.setToolTip("Ctrl+B")
        self.agenda_vote_button.clicked.connect(window.vote_agenda)
        self.agenda_vote = QLabel()
        self.agenda_vote.setObjectName("agendaVoteLine")
        self.agenda_vote.setWordWrap(True)
        lc = QLabel(tr("&Chủ trì:"))
        lc.setBuddy(self.chair)
        lm = QLabel(tr("T&hư ký hội nghị:"))
        lm.setBuddy(self.minute_taker)
        # three rows of their own (not one grid): the widest button does not widen the others,
        # so the page fits beside the agenda at 150 %
        people = QHBoxLayout()
        people.addWidget(lc)
        people.addWidget(self.chair, 1)
        people.addSpacing(8)
        people.addWidget(lm)
        people.addWidget(self.minute_taker, 1)
        people.addWidget(self.start_button)
        vote = QHBoxLayout()
        vote.addWidget(self.agenda_vote, 1)
        vote.addWidget(self.agenda_vote_button)
        for w in (self.chair, self.minute_taker):
            w.setMinimumWidth(160)
        top = QVBoxLayout()
        top.addLayout(people)
        top.addWidget(self.info)
        top.addLayout(vote)
        self.attendance = AttendancePanel(s)
        self.attendance.changed.connect(window.attendance_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.attendance, 1)

    def refresh(self) -> None:
        s = self.w.session
        m = s.meeting
        people = [(x.id, x.full_name) for x in s.attendees()]
        self.chair.set_people(people, m.chair_id)
        self.minute_taker.set_people(people, m.minute_taker_id)
        started = m.state != MeetingState.PREPARING
        self.start_button.setVisible(not started)
        bits = [core(MEETING_KIND_LABELS[m.kind]) + f" {m.rating_year}", s.rules.name]
        if m.meeting_date:
            bits.append(tr("ngày {date}").format(date=format_date(m.meeting_date)))
        if m.place:
            bits.append(m.place)
        if m.delegates:
            bits.append(tr("Đại biểu: {names}").format(names="; ".join(
                d.name + (f" ({d.title})" if d.title else "") for d in m.delegates)))
        if started:
            bits.append(tr("Khai mạc lúc {time}").format(time=m.start_time))
        else:
            bits.append(tr("Chưa khai mạc: chọn chủ trì, thư ký rồi bấm “Khai mạc” (Alt+K)."))
        self.info.setText(" · ".join(bits))
        self.agenda_vote_button.setEnabled(started)
        self.show_agenda_vote()
        self.attendance.reload()

    def show_agenda_vote(self) -> None:
        from ...voting import VotingDesk

        desk = VotingDesk(self.w.session)
        votes = [v for v in desk.record.votes if v.kind == VoteKind.AGENDA]
        if not votes:
            self.agenda_vote.setText(tr("Chương trình hội nghị: chưa biểu quyết."))
            return
        r = desk.result(votes[-1])
        state = tr("đã công bố") if votes[-1].recorded else tr("chưa công bố")
        self.agenda_vote.setText(tr("Biểu quyết thông qua chương trình ({state}): có mặt {present}/{base}; "
                                    "{outcome}.").format(state=state, present=r.headcount.present_in_base,
                                                          base=r.headcount.base_count, outcome=outcome_text(r)))

    def _set(self, field: str, pid) -> None:
        if getattr(self.w.session.meeting, field) != pid:
            self.w.run(self.w.session.update_meeting, **{field: pid})
            self.w.refresh_header()


class PlaceholderPage(QWidget):
    """Vote steps and the results: entry comes with the votes screen."""

    def __init__(self, window: "MeetingGuideWindow"):
        super().__init__()
        self.w = window
        frame, self.label = notice_panel("placeholder")
        frame.show()
        self.notes = AutoSaveText(window.save_step_text, tr("Ghi chú cho bước này (tùy ý)…"))
        self.notes.setObjectName("notes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)
        label = QLabel(tr("&Ghi chú:"))
        label.setBuddy(self.notes)
        layout.addWidget(label)
        layout.addWidget(self.notes, 1)

    def show_step(self, step: AgendaStep) -> None:
        if step.kind in VOTE_KINDS:
            text = tr("<b>{title}</b><br>Phần ghi biểu quyết sẽ có trong phiên bản sau. Bây giờ có thể ghi chú "
                      "diễn biến bên dưới; bấm “Tiếp ▶” để sang bước sau.")
        elif step.kind == StepKind.RESULTS:
            text = tr("<b>{title}</b><br>Bảng kết quả xếp loại sẽ có khi ghi được biểu quyết (phiên bản sau).")
        else:
            text = "<b>{title}</b>"
        import html

        self.label.setText(text.format(title=html.escape(step.title)))
        self.notes.bind((step.id, "notes"), step.notes)


class AdoptionPage(QWidget):
    """Thông qua biên bản: a show of hands on the minutes, and notes."""

    def __init__(self, window: "MeetingGuideWindow"):
        super().__init__()
        self.w = window
        self.vote = HandsVotePanel(window.session, VoteKind.MINUTES, tr("Thông qua biên bản hội nghị"))
        self.vote.title.setText(tr("Biểu quyết thông qua biên bản"))
        self.vote.changed.connect(window.votes_changed)
        self.notes = AutoSaveText(window.save_step_text, tr("Ý kiến về biên bản, chỉnh sửa đã thống nhất (tùy ý)…"))
        self.notes.setObjectName("notes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.vote)
        label = QLabel(tr("&Ghi chú:"))
        label.setBuddy(self.notes)
        layout.addWidget(label)
        layout.addWidget(self.notes, 1)

    def show_step(self, step: AgendaStep) -> None:
        self.vote.show_for(step.id)
        self.notes.bind((step.id, "notes"), step.notes)


class ResultsPage(QWidget):
    """Công bố kết quả: every vote of the meeting with its figures."""

    def __init__(self, window: "MeetingGuideWindow"):
        super().__init__()
        self.view = ResultsView(window.session)
        self.notes = AutoSaveText(window.save_step_text, tr("Ghi chú khi công bố kết quả (tùy ý)…"))
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)

    def show_step(self, step: AgendaStep) -> None:
        self.view.refresh()
        self.notes.bind((step.id, "notes"), step.notes)


class ClosingPage(QWidget):
    def __init__(self, window: "MeetingGuideWindow"):
        super().__init__()
        self.w = window
        self.end = QLineEdit()
        self.end.setObjectName("endTime")
        self.end.setPlaceholderText(tr("giờ:phút"))
        self.end.setMaximumWidth(100)
        self.end.returnPressed.connect(self.save)
        self.now = QPushButton(tr("&Bế mạc bây giờ"))
        self.now.clicked.connect(lambda: self.save(now=True))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.notes = AutoSaveText(window.save_step_text, tr("Ghi chú khi bế mạc (tùy ý)…"))
        row = QHBoxLayout()
        label = QLabel(tr("&Giờ bế mạc:"))
        label.setBuddy(self.end)
        row.addWidget(label)
        row.addWidget(self.end)
        row.addWidget(self.now)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addWidget(self.notes, 1)

    def show_step(self, step: AgendaStep) -> None:
        m = self.w.session.meeting
        self.end.setText(m.end_time)
        self.notes.bind((step.id, "notes"), step.notes)
        if m.state == MeetingState.HELD:
            self.state.setText(tr("Hội nghị đã bế mạc lúc {time}.").format(time=m.end_time))
        elif m.end_time:
            self.state.setText(tr("Giờ bế mạc: {time}. Bấm “Tiếp ▶” để kết thúc hội nghị.").format(time=m.end_time))
        else:
            self.state.setText(tr("Ghi giờ bế mạc rồi bấm “Tiếp ▶”."))

    def save(self, now: bool = False) -> None:
        at = self.w.session.clock() if now else parse_time(self.end.text())
        if at is None:
            self.w.show_problem(tr("Giờ bế mạc “{text}” không đọc được: gõ giờ:phút.").format(text=self.end.text()))
            return
        if self.w.run(self.w.session.close_meeting, at):
            self.show_step(self.w.session.current)
            self.w.changed.emit()


class OtherPage(QWidget):
    def __init__(self, window: "MeetingGuideWindow"):
        super().__init__()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setObjectName("sectionTitle")
        self.notes = AutoSaveText(window.save_step_text, tr("Nội dung, diễn biến của bước này…"))
        self.notes.setObjectName("notes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.notes, 1)

    def show_step(self, step: AgendaStep) -> None:
        self.title.setText(step.title)
        self.notes.bind((step.id, "notes"), step.notes)


class MeetingGuideWindow(QMainWindow):
    """The meeting, one step at a time. ``changed`` tells the presentation window to follow."""

    changed = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.presentation = None
        self.run = Runner(self, self.show_problem)
        self.setObjectName("meetingGuide")
        self.setStyleSheet(MEETING_QSS)
        self.setWindowTitle(tr("Hội nghị kiểm điểm năm {year} — Kiểm điểm Desktop").format(
            year=session.meeting.rating_year))

        # header
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

        # agenda
        self.agenda = QListWidget()
        self.agenda.setObjectName("agenda")
        self.agenda.setWordWrap(True)
        self.agenda.itemClicked.connect(self._agenda_clicked)
        self.agenda.itemActivated.connect(self._agenda_clicked)
        self.agenda.setMinimumWidth(250)

        # body pages
        self.opening = OpeningPage(self)
        self.review = ReviewPanel(session)
        self.review.changed.connect(self._review_changed)
        self.placeholder = PlaceholderPage(self)
        self.ratings = RatingStepPage(self)
        self.ratings.changed.connect(self.votes_changed)
        self.adoption = AdoptionPage(self)
        self.results_page = ResultsPage(self)
        self.closing = ClosingPage(self)
        self.other = OtherPage(self)
        self.roll = AttendancePanel(session)
        self.roll.changed.connect(self.attendance_changed)
        self.roll.confirm = self.confirm_correction
        self.opening.attendance.confirm = self.confirm_correction
        roll_page = QWidget()
        rl = QVBoxLayout(roll_page)
        rl.setContentsMargins(0, 0, 0, 0)
        roll_title = QLabel(tr("Điểm danh, đến muộn, về sớm — F3 hoặc Esc để trở lại bước đang họp"))
        roll_title.setObjectName("sectionTitle")
        rl.addWidget(roll_title)
        rl.addWidget(self.roll, 1)
        self.roll_page = roll_page
        self.body = PageStack()
        for page in (self.opening, self.review, self.placeholder, self.ratings, self.adoption, self.results_page,
                     self.closing, self.other, roll_page):
            self.body.addWidget(page)

        # the inline panel: what is missing before moving on. It takes at most a few lines and
        # scrolls beyond: shown, it never pushes the buttons below the screen.
        self.check_panel, self.check_label = notice_panel("checkPanel")
        self.check_label.setObjectName("checkText")
        inner = self.check_panel.layout()
        inner.removeWidget(self.check_label)
        self.check_scroll = scroller(self.check_label, "checkScroll")
        self.check_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.check_scroll.setStyleSheet("QScrollArea#checkScroll, QScrollArea#checkScroll > QWidget > QWidget "
                                        "{ background: transparent; }")
        inner.addWidget(self.check_scroll)

        # buttons
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

        self._build_actions()
        self._undo_filter = route_undo(self)
        self._apply_fonts()
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start()
        self._last_minute = ""
        self._size_before_zoom = None
        self.refresh()
        fit_initial_size(self, 1366, 768)
        # one live meeting shared with the documents window: an edit there shows here at once
        self._unfollow = follow_meeting(self, session, self._meeting_changed_elsewhere)
        self.changed.connect(lambda: self.session.notify(self))

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
        bar = self.menuBar()
        meeting = bar.addMenu(tr("&Hội nghị"))
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
        edit = bar.addMenu(tr("&Sửa"))
        self.undo_action = self._action(edit, tr("&Hoàn tác"), ["Ctrl+Z"], self.undo, "undoAction")
        self.redo_action = self._action(edit, tr("&Làm lại"), ["Ctrl+Y", "Ctrl+Shift+Z"], self.redo, "redoAction")
        edit.aboutToShow.connect(self.update_undo_labels)
        go = bar.addMenu(tr("&Đi tới"))
        self.next_action = self._action(go, tr("Bước &tiếp theo (xong bước này)"),
                                        ["Alt+Right", "Ctrl+Shift+Return", "Ctrl+Shift+Enter"], self.go_next)
        self.prev_action = self._action(go, tr("Bước t&rước"), ["Alt+Left"], self.go_previous)
        self._action(go, tr("Xem bước trên trong chương trình"), ["Ctrl+PgUp"], lambda: self.step_by(-1))
        self._action(go, tr("Xem bước dưới trong chương trình"), ["Ctrl+PgDown"], lambda: self.step_by(+1))
        self._action(None, "", ["Escape"], self._escape)
        helpm = bar.addMenu(tr("T&rợ giúp"))
        self._action(helpm, tr("&Bắt đầu: hội nghị đầu tiên, bằng hình"), ["F1"], self.show_start_help)
        self._action(helpm, tr("Bộ &quy định đánh giá, xếp loại…"), [], self.show_rule_set, "ruleSetAction")
        self.update_undo_labels()

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

    def show_current(self) -> None:
        step = self.session.current
        self.check_panel.hide()
        if step is None:
            return
        if step.kind == StepKind.OPENING:
            self.opening.refresh()
            self.body.setCurrentWidget(self.opening)
        elif step.kind in REVIEW_KINDS:
            self.review.show_step(step)
            self.body.setCurrentWidget(self.review)
        elif step.kind == StepKind.CLOSING:
            self.closing.show_step(step)
            self.body.setCurrentWidget(self.closing)
        elif step.kind in (StepKind.RATING_VOTES, StepKind.CELL_RATING):
            self.ratings.show_step(step)
            self.body.setCurrentWidget(self.ratings)
        elif step.kind == StepKind.ADOPTION:
            self.adoption.show_step(step)
            self.body.setCurrentWidget(self.adoption)
        elif step.kind == StepKind.RESULTS:
            self.results_page.show_step(step)
            self.body.setCurrentWidget(self.results_page)
        else:
            self.other.show_step(step)
            self.body.setCurrentWidget(self.other)
        self._focus_step()

    def _focus_step(self) -> None:
        step = self.session.current
        page = self.body.currentWidget()
        if page is self.review:
            if self.session.flow.needs_handover(step):
                self.review.handover_picker.setFocus()
            else:
                self.review.speaker.setFocus()
        elif page is self.opening:
            self.opening.attendance.table.setFocus()
        elif page is self.closing:
            self.closing.end.setFocus()
        elif page is self.placeholder:
            self.placeholder.notes.setFocus()
        elif page is self.ratings:
            self.ratings.focus_first()
        elif page is self.adoption:
            self.adoption.vote.yes.setFocus()
        elif page is self.results_page:
            self.results_page.view.table.setFocus()
        elif page is self.other:
            self.other.notes.setFocus()

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
        if page is self.roll_page and step is not None:
            page = {StepKind.RATING_VOTES: self.ratings, StepKind.CELL_RATING: self.ratings,
                    StepKind.ADOPTION: self.adoption, StepKind.RESULTS: self.results_page}.get(step.kind)
        if page is self.ratings:
            self.ratings.refresh()
        elif page is self.adoption:
            self.adoption.vote.refresh()
        elif page is self.results_page:
            self.results_page.view.refresh()
        elif page is self.opening:
            self.opening.show_agenda_vote()

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

    def _review_changed(self) -> None:
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
