"""Chuẩn bị hội nghị: the meeting's facts, delegates, the agenda, and what each member wrote
before the meeting. Every edit is saved as it is made (and can be undone). The form is
ui/prepare_dialog.ui."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidgetItem, QPushButton,
    QTableWidgetItem, QWidget,
)

from ...i18n import UserError
from ...flow.agenda import votes_after_each_review
from ...model import LEVEL_LABELS, Level, MeetingKind, MeetingState
from ...model.meeting import MEETING_KIND_LABELS
from ...model.review import WRITTEN_SOURCE_LABELS, GradeScale, StepKind, StepState, WrittenSource
from ...rules.ruleset import rule_set_for_year
from ...vn.dates import DateError
from ..common import refit, relayout
from ..forms.ui_prepare_dialog import Ui_PrepareDialog
from .widgets import Runner, core, parse_time, tr

FILE_FILTER = "Bản tự kiểm điểm (*.pdf *.docx *.doc *.jpg *.jpeg *.png *.tif *.tiff);;Mọi tệp (*)"


class PrepareDialog(QDialog, Ui_PrepareDialog):
    """The four tabs of the preparation (the form: ui/prepare_dialog.ui); every edit is saved at once."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.resize(980, 640)
        self.session = session
        self.run = Runner(self, self.error.setText)
        self._info_tab()
        self._delegates_tab()
        self._agenda_tab()
        self._reviews_tab()
        self.load_info()
        self.load_delegates()
        self.load_agenda()
        self.load_people()
        relayout(self)
        # Enter in a field does that field's action only: no button of the dialog is "default"
        # (a default button clicked by the same Enter added the delegate, then complained that
        # the name, just cleared, was empty)
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
            b.setDefault(False)

    # -- 1. the meeting ---------------------------------------------------------------------------
    def _info_tab(self) -> None:
        for k in MeetingKind:
            self.kind.addItem(core(MEETING_KIND_LABELS[k]), k.value)
        refit(self.kind)
        self.kind.activated.connect(self.save_kind)
        self.year.editingFinished.connect(self.save_year)
        self.number.editingFinished.connect(lambda: self._set("document_number", self.number.text()))
        self.date.editingFinished.connect(self.save_date)
        self.start.editingFinished.connect(self.save_start)
        self.place.editingFinished.connect(lambda: self._set("place", self.place.text()))
        self.chair.chosen.connect(lambda pid: self._set("chair_id", pid))
        self.minute_taker.chosen.connect(lambda pid: self._set("minute_taker_id", pid))
        self.rules_button.clicked.connect(self.show_rule_set)

    def load_info(self) -> None:
        s = self.session
        m = s.meeting
        self.kind.setCurrentIndex(self.kind.findData(m.kind.value))
        self.year.setValue(m.rating_year)
        self.rules_label.setText(tr("Áp dụng: {name}").format(name=s.rules.name))
        self.number.setText(m.document_number)
        self.date.set_date(m.meeting_date)
        self.start.setText(m.start_time)
        self.place.setText(m.place)
        people = [(x.id, x.full_name) for x in s.attendees()]
        self.chair.set_people(people, m.chair_id)
        self.minute_taker.set_people(people, m.minute_taker_id)
        started = m.state != MeetingState.PREPARING
        self.kind.setEnabled(not started)
        self.year.setEnabled(not started)

    def _set(self, field: str, value) -> bool:
        if getattr(self.session.meeting, field) == value:
            return True
        self.error.clear()
        return bool(self.run(self.session.update_meeting, **{field: value}))

    def save_start(self) -> None:
        text = self.start.text().strip()
        at = parse_time(text) if text else ""
        if at is None:
            self.error.setText(tr("Giờ bắt đầu “{text}” không đọc được: gõ giờ:phút.").format(text=text))
            return
        self.start.setText(at)
        self._set("start_time", at)

    def save_date(self) -> None:
        try:
            day = self.date.date()
        except DateError as err:
            self.error.setText(str(err))
            return
        if self._set("meeting_date", day):
            self.session.reload()       # categories are computed as of the meeting day

    def _regenerate(self) -> None:
        if any(st.state != StepState.NOT_STARTED for st in self.session.record.steps):
            return
        self.run(self.session.generate_agenda)
        self.load_agenda()
        self.load_people()

    def show_rule_set(self) -> None:
        from ..rules_view import show_rule_sets

        show_rule_sets(self, self.session.rules.id)

    def save_kind(self) -> None:
        if self._set("kind", MeetingKind(self.kind.currentData())):
            self._regenerate()

    def save_year(self) -> None:
        year = self.year.value()
        if year == self.session.meeting.rating_year:
            return
        try:
            rules = rule_set_for_year(year)
        except UserError as err:
            self.error.setText(str(err))
            return
        if self.run(self.session.update_meeting, rating_year=year, rule_set_id=rules.id):
            self.session.reload()
            self.rules_label.setText(tr("Áp dụng: {name}").format(name=self.session.rules.name))
            self._regenerate()

    # -- 2. delegates -------------------------------------------------------------------------------
    def _delegates_tab(self) -> None:
        self.delegates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.delegate_title.returnPressed.connect(self.add_delegate)
        self.add_delegate_button.clicked.connect(self.add_delegate)
        self.remove_delegate_button.clicked.connect(self.remove_delegate)

    def load_delegates(self) -> None:
        ds = self.session.meeting.delegates
        self.delegates.setRowCount(len(ds))
        for r, d in enumerate(ds):
            self.delegates.setItem(r, 0, QTableWidgetItem(d.name))
            self.delegates.setItem(r, 1, QTableWidgetItem(d.title))

    def add_delegate(self) -> None:
        name = self.delegate_name.text().strip()
        if not name:
            self.error.setText(tr("Chưa nhập họ và tên đại biểu."))
            self.delegate_name.setFocus()
            return
        if self.run(self.session.add_delegate, name, self.delegate_title.text()):
            self.error.clear()                 # the earlier "Chưa nhập…" is no longer true
            self.delegate_name.clear()
            self.delegate_title.clear()
            self.load_delegates()
            self.delegate_name.setFocus()

    def remove_delegate(self) -> None:
        r = self.delegates.currentRow()
        ds = self.session.meeting.delegates
        if 0 <= r < len(ds) and self.run(self.session.remove_delegate, ds[r].id):
            self.error.clear()
            self.load_delegates()

    # -- 3. agenda ----------------------------------------------------------------------------------
    def _agenda_tab(self) -> None:
        for button, slot, keys in ((self.add_step_button, self.add_step, ["Insert"]),
                                   (self.rename_step_button, self.rename_step, ["F2"]),
                                   (self.remove_step_button, self.remove_step, ["Delete"]),
                                   (self.up_button, lambda: self.move_step(-1), ["Alt+Up"]),
                                   (self.down_button, lambda: self.move_step(+1), ["Alt+Down"]),
                                   (self.regenerate_button, self.regenerate_agenda, [])):
            button.clicked.connect(slot)
            for k in keys:
                sc = QShortcut(QKeySequence(k), self.steps, slot)
                sc.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.vote_way.addItem(tr("Biểu quyết xếp loại chung sau phần kiểm điểm"), False)
        self.vote_way.addItem(tr("Biểu quyết xếp loại sau khi kiểm điểm từng đồng chí"), True)
        refit(self.vote_way)
        self.vote_way.activated.connect(lambda _i: self.save_vote_way())

    def save_vote_way(self) -> None:
        """Where the rating votes sit in the agenda: regenerates it (before the meeting starts)."""
        after_each = bool(self.vote_way.currentData())
        if after_each != votes_after_each_review(self.session.record.steps):
            if self.run(self.session.generate_agenda, after_each) is not None:
                self.error.clear()
            self.load_agenda()

    def load_agenda(self, select: str | None = None) -> None:
        self.steps.clear()
        self.vote_way.setCurrentIndex(self.vote_way.findData(votes_after_each_review(self.session.record.steps)))
        for i, st in enumerate(self.session.record.steps):
            item = QListWidgetItem(f"{i + 1}. {st.title}")
            item.setData(Qt.ItemDataRole.UserRole, st.id)
            self.steps.addItem(item)
            if st.id == select:
                self.steps.setCurrentItem(item)

    def _selected_step(self):
        item = self.steps.currentItem()
        return self.session.record.step(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def add_step(self) -> None:
        after = self._selected_step()
        title, ok = QInputDialog.getText(self, tr("Thêm mục"), tr("Tên mục mới:"))
        if ok and title.strip():
            step = self.run(self.session.add_step, title, after.id if after else None)
            if step:
                self.load_agenda(step.id)

    def rename_step(self) -> None:
        st = self._selected_step()
        if st is None:
            return
        title, ok = QInputDialog.getText(self, tr("Đổi tên mục"), tr("Tên mục:"), QLineEdit.EchoMode.Normal, st.title)
        if ok and title.strip() and self.run(self.session.rename_step, st.id, title):
            self.load_agenda(st.id)

    def remove_step(self) -> None:
        st = self._selected_step()
        if st is not None and self.run(self.session.remove_step, st.id):
            self.load_agenda()

    def move_step(self, delta: int) -> None:
        st = self._selected_step()
        if st is not None and self.run(self.session.move_step, st.id, delta):
            self.load_agenda(st.id)

    def regenerate_agenda(self) -> None:
        self._regenerate()

    # -- 4. self-reviews and written comments ----------------------------------------------------------
    def _reviews_tab(self) -> None:
        self.people.currentRowChanged.connect(lambda _: self.show_person())
        self.summary.set_save(self._save_summary)
        self.attach_button.clicked.connect(lambda: self.attach())
        self.level.addItem(tr("(chưa đề xuất)"), "")
        for lv in Level:
            self.level.addItem(core(LEVEL_LABELS[lv]), lv.value)
        refit(self.level)
        self.level.activated.connect(lambda _: self._save_review(proposed_level=self.level.currentData()))
        self.general.editingFinished.connect(lambda: self._save_scores())
        self.task.editingFinished.connect(lambda: self._save_scores())
        self.grade_boxes: dict[str, QComboBox] = {}
        criteria = self.session.rules.data["scoring"].get("criteria", [])
        for i, crit in enumerate(criteria):
            box = QComboBox()
            box.addItem("—", "")
            for g in GradeScale:
                box.addItem(g.value, g.value)
            box.activated.connect(lambda _: self._save_grades())
            self.grades_layout.addWidget(QLabel(crit + ":"), i // 2, (i % 2) * 2)
            self.grades_layout.addWidget(box, i // 2, (i % 2) * 2 + 1)
            self.grade_boxes[crit] = box
        # points (general and task scores) or a grade per criterion, as the rule set says
        points = self.session.rules.scoring_kind == "points"
        self.review_form_layout.setRowVisible(self.scores, points)
        self.review_form_layout.setRowVisible(self.grades, not points)
        for src in WrittenSource:
            self.source.addItem(core(WRITTEN_SOURCE_LABELS[src]), src.value)
        refit(self.source)
        self.written_text.returnPressed.connect(self.add_written)
        self.add_written_button.clicked.connect(self.add_written)
        self.split.setSizes([260, 700])

    def load_people(self) -> None:
        s = self.session
        subjects = [st.subject_member_id for st in s.record.steps
                    if st.kind == StepKind.MEMBER_REVIEW and st.subject_member_id in s.members]
        self._people = [None] + subjects
        row = max(0, self.people.currentRow())
        self.people.blockSignals(True)
        self.people.clear()
        self.people.addItem(tr("Tập thể chi ủy / chi bộ"))
        for mid in subjects:
            r = s.record.self_reviews.get(mid)
            done = r is not None and (r.summary.strip() or r.attachment_name)
            self.people.addItem(("✓ " if done else "   ") + s.members[mid].full_name)
        self.people.blockSignals(False)
        self.people.setCurrentRow(min(row, len(self._people) - 1))
        self.show_person()

    def current_person(self) -> str | None:
        r = self.people.currentRow()
        return self._people[r] if 0 <= r < len(self._people) else None

    def show_person(self) -> None:
        s = self.session
        mid = self.current_person()
        self.review_form.setEnabled(mid is not None)
        if mid is None:
            self.person_title.setText(tr("Tập thể chi ủy / chi bộ: ý kiến bằng văn bản"))
            self.summary.bind(None, "")
        else:
            r = s.record.self_reviews.get(mid)
            self.person_title.setText(tr("Đồng chí {name}").format(name=s.members[mid].full_name))
            self.summary.bind(mid, r.summary if r else "")
            self.attach_label.setText(r.attachment_name if r and r.attachment_name else tr("(chưa có tệp)"))
            self.level.setCurrentIndex(max(0, self.level.findData(r.proposed_level if r else "")))
            self.general.setValue(r.general_score if r and r.general_score is not None else -1)
            self.task.setValue(r.task_score if r and r.task_score is not None else -1)
            self._show_total()
            for crit, box in self.grade_boxes.items():
                box.setCurrentIndex(max(0, box.findData((r.grades if r else {}).get(crit, ""))))
        self.written.clear()
        for w in s.record.written:
            if w.member_id == mid:
                self.written.addItem(f"{core(WRITTEN_SOURCE_LABELS[w.source])}: {w.text}")

    def _show_total(self) -> None:
        g, t = self.general.value(), self.task.value()
        self.total.setText(tr("   Tổng: {total}/100").format(total=f"{g + t:g}") if g >= 0 and t >= 0 else "")

    def _save_review(self, **fields) -> None:
        mid = self.current_person()
        if mid is not None:
            self.error.clear()
            self.run(self.session.set_self_review, mid, **fields)

    def _save_summary(self, member_id, text: str) -> None:
        if member_id is not None:
            self.run(self.session.set_self_review, member_id, summary=text)

    def _save_scores(self) -> None:
        g, t = self.general.value(), self.task.value()
        self._save_review(general_score=g if g >= 0 else None, task_score=t if t >= 0 else None)
        self._show_total()

    def _save_grades(self) -> None:
        self._save_review(grades={c: b.currentData() for c, b in self.grade_boxes.items() if b.currentData()})

    def attach(self, path: str | None = None) -> None:
        mid = self.current_person()
        if mid is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Đính kèm bản tự kiểm điểm"), "", FILE_FILTER)
        if path and self.run(self.session.attach_self_review_file, mid, path):
            self.load_people()

    def add_written(self) -> None:
        text = self.written_text.text().strip()
        if not text:
            return
        if self.run(self.session.add_written_comment, self.current_person(), WrittenSource(self.source.currentData()), text):
            self.written_text.clear()
            self.show_person()

    def done(self, result: int) -> None:
        self.summary.flush()
        super().done(result)
