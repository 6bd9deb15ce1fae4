"""Khai mạc: chair and minute-taker, the start of the meeting, the agenda vote, the roll call."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ....model import MeetingState
from ....model.meeting import MEETING_KIND_LABELS
from ....model.review import AgendaStep
from ....model.vote import VoteKind
from ....vn.dates import format_date
from ..attendance import AttendancePanel
from ..votes import outcome_text
from ..widgets import MemberPicker, core, tr


class OpeningPage(QWidget):
    """Khai mạc: chair and minute-taker, the start of the meeting, the roll call."""

    def __init__(self, window):
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
        self.attendance.confirm = window.confirm_correction
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.attendance, 1)

    # -- the page's part in the guide (pages/__init__.py) --------------------------------------------
    def show_step(self, step: AgendaStep) -> None:
        self.refresh()

    def focus_step(self, step: AgendaStep) -> None:
        self.attendance.table.setFocus()

    def refresh_votes(self) -> None:
        self.show_agenda_vote()

    # -- its own ------------------------------------------------------------------------------------
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
        from ....voting import VotingDesk

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
