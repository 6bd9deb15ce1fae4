"""Chuẩn bị hội nghị: the meeting's facts, delegates, the agenda, and what each member wrote
before the meeting. Every edit is saved as it is made (and can be undone)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGridLayout,
    QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox,
    QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from ...i18n import UserError
from ...flow.agenda import votes_after_each_review
from ...model import LEVEL_LABELS, Level, MeetingKind, MeetingState
from ...model.meeting import MEETING_KIND_LABELS
from ...model.review import WRITTEN_SOURCE_LABELS, GradeScale, StepKind, StepState, WrittenSource
from ...rules.ruleset import rule_set_for_year
from ...vn.dates import DateError
from ..common import DateField
from .widgets import AutoSaveText, MemberPicker, Runner, core, parse_time, tr

FILE_FILTER = "Bản tự kiểm điểm (*.pdf *.docx *.doc *.jpg *.jpeg *.png *.tif *.tiff);;Mọi tệp (*)"


class PrepareDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(tr("Chuẩn bị hội nghị kiểm điểm"))
        self.resize(980, 640)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.run = Runner(self, self.error.setText)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._info_tab(), tr("&1. Thông tin"))
        self.tabs.addTab(self._delegates_tab(), tr("&2. Đại biểu"))
        self.tabs.addTab(self._agenda_tab(), tr("&3. Chương trình"))
        self.tabs.addTab(self._reviews_tab(), tr("&4. Bản tự kiểm điểm"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        saved = QLabel(tr("Mọi thay đổi được lưu ngay."))
        saved.setObjectName("hint")
        bottom = QHBoxLayout()
        bottom.addWidget(saved, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.load_info()
        self.load_delegates()
        self.load_agenda()
        self.load_people()
        # Enter in a field does that field's action only: no button of the dialog is "default"
        # (a default button clicked by the same Enter added the delegate, then complained that
        # the name, just cleared, was empty)
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
            b.setDefault(False)

    # -- 1. the meeting ---------------------------------------------------------------------------
    def _info_tab(self) -> QWidget:
        w = QWidget()
        self.kind = QComboBox()
        for k in MeetingKind:
            self.kind.addItem(core(MEETING_KIND_LABELS[k]), k.value)
        self.kind.activated.connect(self.save_kind)
        self.year = QSpinBox()
        self.year.setRange(2023, 2100)
        self.year.editingFinished.connect(self.save_year)
        self.rules_label = QLabel()
        self.rules_label.setObjectName("hint")
        self.rules_label.setWordWrap(True)
        self.number = QLineEdit()
        self.number.setPlaceholderText(tr("ví dụ: 05-BB/CB (để trống nếu chưa có số)"))
        self.number.editingFinished.connect(lambda: self._set("document_number", self.number.text()))
        self.date = DateField()
        self.date.editingFinished.connect(self.save_date)
        self.start = QLineEdit()
        self.start.setPlaceholderText(tr("giờ:phút, ví dụ 08:00"))
        self.start.setMaximumWidth(140)
        self.start.editingFinished.connect(self.save_start)
        self.place = QLineEdit()
        self.place.editingFinished.connect(lambda: self._set("place", self.place.text()))
        self.chair = MemberPicker()
        self.chair.chosen.connect(lambda pid: self._set("chair_id", pid))
        self.minute_taker = MemberPicker()
        self.minute_taker.chosen.connect(lambda pid: self._set("minute_taker_id", pid))
        form = QFormLayout(w)
        form.addRow(tr("&Loại:"), self.kind)
        form.addRow(tr("&Năm đánh giá:"), self.year)
        self.rules_button = QPushButton(tr("&Xem bộ quy định…"))
        self.rules_button.setObjectName("showRuleSet")
        self.rules_button.clicked.connect(self.show_rule_set)
        rules_row = QHBoxLayout()
        rules_row.addWidget(self.rules_label, 1)
        rules_row.addWidget(self.rules_button)
        form.addRow("", rules_row)
        form.addRow(tr("&Số biên bản:"), self.number)
        form.addRow(tr("Ngà&y họp:"), self.date)
        form.addRow(tr("&Giờ bắt đầu:"), self.start)
        form.addRow(tr("Đị&a điểm:"), self.place)
        form.addRow(tr("&Chủ trì:"), self.chair)
        form.addRow(tr("T&hư ký hội nghị:"), self.minute_taker)
        return w

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
    def _delegates_tab(self) -> QWidget:
        w = QWidget()
        self.delegates = QTableWidget(0, 2)
        self.delegates.setHorizontalHeaderLabels([tr("Họ và tên"), tr("Chức vụ")])
        self.delegates.verticalHeader().setVisible(False)
        self.delegates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.delegates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.delegates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.delegate_name = QLineEdit()
        self.delegate_name.setPlaceholderText(tr("họ và tên đại biểu"))
        self.delegate_title = QLineEdit()
        self.delegate_title.setPlaceholderText(tr("chức vụ, ví dụ: Ủy viên Ban Thường vụ Đảng ủy"))
        self.delegate_title.returnPressed.connect(self.add_delegate)
        add = QPushButton(tr("&Thêm đại biểu"))
        add.clicked.connect(self.add_delegate)
        remove = QPushButton(tr("&Bỏ đại biểu đã chọn"))
        remove.clicked.connect(self.remove_delegate)
        row = QHBoxLayout()
        row.addWidget(self.delegate_name, 2)
        row.addWidget(self.delegate_title, 3)
        row.addWidget(add)
        lay = QVBoxLayout(w)
        lay.addWidget(QLabel(tr("Đại biểu được mời dự (có thể phát biểu; không tính vào số đảng viên).")))
        lay.addWidget(self.delegates, 1)
        lay.addLayout(row)
        lay.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        QWidget.setTabOrder(self.delegate_name, self.delegate_title)
        QWidget.setTabOrder(self.delegate_title, add)
        QWidget.setTabOrder(add, remove)
        return w

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
    def _agenda_tab(self) -> QWidget:
        w = QWidget()
        self.steps = QListWidget()
        self.steps.setObjectName("prepareAgenda")
        buttons = QVBoxLayout()
        for text, slot, keys in ((tr("Thêm mục… (Insert)"), self.add_step, ["Insert"]),
                                 (tr("Đổi tên… (F2)"), self.rename_step, ["F2"]),
                                 (tr("Bỏ mục (Delete)"), self.remove_step, ["Delete"]),
                                 (tr("Lên (Alt+↑)"), lambda: self.move_step(-1), ["Alt+Up"]),
                                 (tr("Xuống (Alt+↓)"), lambda: self.move_step(+1), ["Alt+Down"]),
                                 (tr("Tạo lại theo quy định"), self.regenerate_agenda, [])):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
            for k in keys:
                sc = QShortcut(QKeySequence(k), self.steps, slot)
                sc.setContext(Qt.ShortcutContext.WidgetShortcut)
        buttons.addStretch(1)
        self.vote_way = QComboBox()
        self.vote_way.setObjectName("voteWay")
        self.vote_way.addItem(tr("Biểu quyết xếp loại chung sau phần kiểm điểm"), False)
        self.vote_way.addItem(tr("Biểu quyết xếp loại sau khi kiểm điểm từng đồng chí"), True)
        self.vote_way.activated.connect(lambda _i: self.save_vote_way())
        way_label = QLabel(tr("&Biểu quyết xếp loại:"))
        way_label.setBuddy(self.vote_way)
        way = QHBoxLayout()
        way.addWidget(way_label)
        way.addWidget(self.vote_way, 1)
        row = QHBoxLayout()
        row.addWidget(self.steps, 1)
        row.addLayout(buttons)
        lay = QVBoxLayout(w)
        lay.addLayout(way)
        lay.addLayout(row, 1)
        return w

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
    def _reviews_tab(self) -> QWidget:
        w = QWidget()
        self.people = QListWidget()
        self.people.setObjectName("reviewPeople")
        self.people.currentRowChanged.connect(lambda _: self.show_person())
        self.summary = AutoSaveText(self._save_summary, tr("Tóm tắt bản tự kiểm điểm: ưu điểm, hạn chế, "
                                                           "nguyên nhân, phương hướng khắc phục…"))
        self.summary.setObjectName("summary")
        self.attach_label = QLabel()
        self.attach_button = QPushButton(tr("Đính &kèm tệp của đảng viên…"))
        self.attach_button.clicked.connect(lambda: self.attach())
        self.level = QComboBox()
        self.level.addItem(tr("(chưa đề xuất)"), "")
        for lv in Level:
            self.level.addItem(core(LEVEL_LABELS[lv]), lv.value)
        self.level.activated.connect(lambda _: self._save_review(proposed_level=self.level.currentData()))
        self.scores = QWidget()
        sl = QHBoxLayout(self.scores)
        sl.setContentsMargins(0, 0, 0, 0)
        self.general = self._score_box(30)
        self.task = self._score_box(70)
        self.total = QLabel()
        sl.addWidget(QLabel(tr("Điểm chung:")))
        sl.addWidget(self.general)
        sl.addWidget(QLabel("/30   " + tr("Kết quả thực hiện nhiệm vụ:")))
        sl.addWidget(self.task)
        sl.addWidget(QLabel("/70"))
        sl.addWidget(self.total)
        sl.addStretch(1)
        self.general.editingFinished.connect(lambda: self._save_scores())
        self.task.editingFinished.connect(lambda: self._save_scores())
        self.grades = QWidget()
        gl = QGridLayout(self.grades)
        gl.setContentsMargins(0, 0, 0, 0)
        self.grade_boxes: dict[str, QComboBox] = {}
        criteria = self.session.rules.data["scoring"].get("criteria", [])
        for i, crit in enumerate(criteria):
            box = QComboBox()
            box.addItem("—", "")
            for g in GradeScale:
                box.addItem(g.value, g.value)
            box.activated.connect(lambda _: self._save_grades())
            gl.addWidget(QLabel(crit + ":"), i // 2, (i % 2) * 2)
            gl.addWidget(box, i // 2, (i % 2) * 2 + 1)
            self.grade_boxes[crit] = box
        self.written = QListWidget()
        self.written.setObjectName("writtenList")
        self.source = QComboBox()
        for src in WrittenSource:
            self.source.addItem(core(WRITTEN_SOURCE_LABELS[src]), src.value)
        self.written_text = QLineEdit()
        self.written_text.setPlaceholderText(tr("nội dung ý kiến bằng văn bản (Enter để thêm)"))
        self.written_text.returnPressed.connect(self.add_written)
        add_written = QPushButton(tr("Thêm ý &kiến"))
        add_written.clicked.connect(self.add_written)

        self.review_form = QWidget()
        form = QFormLayout(self.review_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("&Tóm tắt:"), self.summary)
        att = QHBoxLayout()
        att.addWidget(self.attach_label, 1)
        att.addWidget(self.attach_button)
        form.addRow(tr("Tệp:"), att)
        if self.session.rules.scoring_kind == "points":
            form.addRow(tr("Tự chấm:"), self.scores)
        else:
            form.addRow(tr("Tự đánh giá:"), self.grades)
        form.addRow(tr("Tự đề xuất &mức:"), self.level)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.person_title = QLabel()
        self.person_title.setObjectName("sectionTitle")
        rl.addWidget(self.person_title)
        rl.addWidget(self.review_form, 3)
        rl.addWidget(QLabel(tr("Ý kiến bằng văn bản đã nhận:")))
        rl.addWidget(self.written, 1)
        row = QHBoxLayout()
        row.addWidget(self.source)
        row.addWidget(self.written_text, 1)
        row.addWidget(add_written)
        rl.addLayout(row)
        split = QSplitter()
        split.addWidget(self.people)
        split.addWidget(right)
        split.setSizes([260, 700])
        lay = QVBoxLayout(w)
        lay.addWidget(split)
        return w

    def _score_box(self, top: int) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(-1, top)
        box.setDecimals(1)
        box.setSingleStep(1)
        box.setSpecialValueText("—")
        box.setValue(-1)
        return box

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
