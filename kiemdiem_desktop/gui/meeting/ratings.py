"""Biểu quyết xếp loại: the rating_votes step (the committee, then its members, then the other
members) and the cell_rating step (the cell itself). The subjects in the order of
rating_subjects() with what each proposed, the score the cell accepts, the level voted; the
findings of the rule set (a blocking one keeps the step until a reason is typed); the facts the
rules read; the quota lines; the count by show of hands or by ballot (DOMAIN.md §2–§5)."""
from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSplitter,
    QStackedWidget, QTextBrowser, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from ...i18n import QT_TRANSLATE_NOOP
from ...model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS, Level
from ...model.rating import Finding, FindingKind, RatingFacts
from ...model.review import AgendaStep, StepKind
from ...model.vote import CELL, BallotLayout, Vote, VoteKind, VoteMethod
from ...voting import VotingDesk
from .ballot import BallotPanel, LevelGrid, RatingResults, counts_of
from .review import fmt_score
from .votes import AMBER, GREEN, RED, set_read_only
from ..common import list_table
from .widgets import AutoSaveText, ElidedLabel, Runner, core, tr

def level_considered(desk: VotingDesk, subject: str) -> tuple[Level | None, str]:
    """The level the rules are checked against: the one voted, else the one proposed."""
    voted = desk.voted_level(subject)
    if voted is not None:
        return voted, "voted"
    return desk.proposed_level(subject), "proposed"


def subject_findings(desk: VotingDesk, subject: str) -> list[Finding]:
    """rules/findings.findings_for through the desk, on the level voted (else proposed)."""
    return desk.findings(subject)


@dataclass(frozen=True)
class Blocking:
    subject: str
    finding: Finding


def unjustified(desk: VotingDesk, subjects: list[str]) -> list[Blocking]:
    """Blocking findings on a level voted with no reason typed yet (what session.check refuses on),
    in the order of the subjects."""
    return [Blocking(subject, f) for subject in subjects for f in desk.unjustified(subject)]


def level_short(level: Level | str | None) -> str:
    if not level:
        return ""
    return LEVEL_ABBREVIATIONS[Level(level)]


# -- the score the cell accepts ------------------------------------------------------------------------
class ScoreDialog(QDialog):
    """Điểm chi bộ chấp nhận: defaults to the self-score; a change needs a reason."""

    def __init__(self, desk: VotingDesk, subject: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk, self.subject = desk, subject
        self.setWindowTitle(tr("Điểm chi bộ chấp nhận — {name}").format(name=desk.subject_name(subject)))
        r = desk.record.self_reviews.get(subject) or desk.record.collective_reviews.get(subject)   # Mẫu 01
        p = desk.record.proposals.get(subject)
        self.general = QDoubleSpinBox()
        self.general.setRange(0, 30)
        self.task = QDoubleSpinBox()
        self.task.setRange(0, 70)
        for box in (self.general, self.task):
            box.setDecimals(1)
            box.setSingleStep(0.5)
        g = p.accepted_general if p and p.accepted_general is not None else (r.general_score if r else None)
        t = p.accepted_task if p and p.accepted_task is not None else (r.task_score if r else None)
        self.general.setValue(g or 0)
        self.task.setValue(t or 0)
        self.reason = QLineEdit(p.score_change_reason if p else "")
        self.reason.setPlaceholderText(tr("bắt buộc khi khác điểm tự chấm"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(tr("Tự chấm: chung {g}/30, nhiệm vụ {t}/70").format(
            g=fmt_score(r.general_score if r else None), t=fmt_score(r.task_score if r else None))))
        form.addRow(tr("Tiêu chí &chung (/30):"), self.general)
        form.addRow(tr("&Kết quả nhiệm vụ (/70):"), self.task)
        form.addRow(tr("&Lý do thay đổi:"), self.reason)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Ghi"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("&Hủy"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.run = Runner(self, self.error.setText)

    def save(self) -> None:
        if self.run(self.desk.accept_score, self.subject, self.general.value(), self.task.value(),
                    self.reason.text()):
            self.accept()


# -- the facts the rules read -----------------------------------------------------------------------------
PCT_FIELDS = [("tasks_on_time_pct", "Nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng (%)"),
              ("tasks_exceeded_pct", "Nhiệm vụ hoàn thành vượt mức (%)"),
              ("tasks_late_pct", "Nhiệm vụ chậm tiến độ (%)"),
              ("tasks_not_done_pct", "Nhiệm vụ chưa hoàn thành (%)")]
LEADER_FIELDS = [("unit_completion_pct", "Đơn vị phụ trách hoàn thành nhiệm vụ (%)"),
                 ("units_not_completed_pct", "Đơn vị trực thuộc không hoàn thành nhiệm vụ (%)"),
                 ("low_confidence_pct", "Phiếu tín nhiệm thấp (%)")]
FLAG_FIELDS = [("degradation_concluded", "Bị kết luận suy thoái, “tự diễn biến”, “tự chuyển hóa”"),
               ("prohibitions_breached", "Vi phạm những điều đảng viên không được làm"),
               ("example_duty_breached", "Vi phạm trách nhiệm nêu gương, ảnh hưởng uy tín"),
               ("admitted_and_remedied", "Đã tự nhận, tự phát hiện và khắc phục")]


class PctEdit(QLineEdit):
    """A percentage, or empty for "not entered" (the rules then check nothing)."""

    def __init__(self, value: float | None):
        super().__init__("" if value is None else fmt_score(value))
        self.setPlaceholderText(tr("chưa nhập"))
        self.setMaximumWidth(90)

    def value(self) -> float | None:
        t = self.text().strip().replace(",", ".").rstrip("%")
        if not t:
            return None
        return float(t)


class FactsDialog(QDialog):
    """Kết quả thực hiện nhiệm vụ và các sự việc trong năm: what the rules of the rule set read."""

    def __init__(self, desk: VotingDesk, subject: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk, self.subject = desk, subject
        self.setWindowTitle(tr("Kết quả thực hiện nhiệm vụ — {name}").format(name=desk.subject_name(subject)))
        f = desk.record.facts.get(subject) or RatingFacts(subject)
        self.pcts: dict[str, PctEdit] = {}
        self.flags: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        row = 0
        for key, label in PCT_FIELDS:
            self.pcts[key] = PctEdit(getattr(f, key))
            grid.addWidget(QLabel(tr(label)), row, 0)
            grid.addWidget(self.pcts[key], row, 1)
            row += 1
        self.fixed = QCheckBox(tr("Đã khắc phục các hạn chế chỉ ra kỳ trước"))
        self.fixed.setTristate(True)
        self.fixed.setCheckState(Qt.CheckState.PartiallyChecked if f.previous_shortcomings_fixed is None else
                                 Qt.CheckState.Checked if f.previous_shortcomings_fixed else Qt.CheckState.Unchecked)
        self.fixed.setToolTip(tr("Ô vuông mờ: chưa nhập"))
        grid.addWidget(self.fixed, row, 0, 1, 2)
        row += 1
        for key, label in FLAG_FIELDS:
            self.flags[key] = QCheckBox(tr(label))
            self.flags[key].setChecked(bool(getattr(f, key)))
            grid.addWidget(self.flags[key], row, 0, 1, 2)
            row += 1
        self.leader = QGroupBox(tr("Đảng viên giữ chức vụ lãnh đạo, quản lý"))
        self.leader.setCheckable(True)
        self.leader.setChecked(f.is_leader)
        lg = QGridLayout(self.leader)
        for i, (key, label) in enumerate(LEADER_FIELDS):
            self.pcts[key] = PctEdit(getattr(f, key))
            lg.addWidget(QLabel(tr(label)), i, 0)
            lg.addWidget(self.pcts[key], i, 1)
        self.flags["corruption_in_remit"] = QCheckBox(tr("Để xảy ra tham nhũng, lãng phí, tiêu cực trong phạm vi phụ trách"))
        self.flags["corruption_in_remit"].setChecked(f.corruption_in_remit)
        lg.addWidget(self.flags["corruption_in_remit"], len(LEADER_FIELDS), 0, 1, 2)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Ghi"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("&Hủy"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(tr("Để trống ô chưa biết: quy định liên quan chưa được kiểm tra (có nhắc)."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.leader)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.run = Runner(self, self.error.setText)

    def values(self) -> dict:
        out: dict = {}
        for key, e in self.pcts.items():
            try:
                v = e.value()
            except ValueError:
                raise ValueError(tr("“{text}” không phải là số phần trăm.").format(text=e.text())) from None
            if v is not None and not 0 <= v <= 100:
                raise ValueError(tr("Tỷ lệ phải từ 0 đến 100 (đã gõ {text}).").format(text=e.text()))
            out[key] = v
        state = self.fixed.checkState()
        out["previous_shortcomings_fixed"] = None if state == Qt.CheckState.PartiallyChecked else \
            state == Qt.CheckState.Checked
        for key, box in self.flags.items():
            out[key] = box.isChecked()
        out["is_leader"] = self.leader.isChecked()
        return out

    def save(self) -> None:
        try:
            values = self.values()
        except ValueError as err:
            self.error.setText(str(err))
            return
        if self.run(self.desk.set_facts, self.subject, **values):
            self.accept()


# -- the blocking findings panel ---------------------------------------------------------------------------
class BlockingPanel(QFrame):
    """A blocking finding in a strong panel: the subject, the article, the message, and the reason
    to type (printed in the minutes) before the step can be left."""

    justified = Signal()

    def __init__(self, desk: VotingDesk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("blockingPanel")
        self.items: list[Blocking] = []
        self.title = QLabel()
        self.title.setObjectName("blockingTitle")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.reason = QLineEdit()
        self.reason.setObjectName("justification")
        self.reason.setPlaceholderText(tr("Lý do hội nghị vẫn biểu quyết mức này (sẽ in trong biên bản)…"))
        self.reason.returnPressed.connect(self.save)
        self.save_button = QPushButton(tr("Ghi &lý do"))
        self.save_button.setObjectName("justifyButton")
        self.save_button.clicked.connect(self.save)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.error.hide()
        self.run = Runner(self, self._error)
        self.hide()

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_items(self, items: list[Blocking]) -> None:
        self.items = items
        self.setVisible(bool(items))
        if not items:
            return
        b = items[0]
        level, how = level_considered(self.desk, b.subject)
        what = tr("mức biểu quyết") if how == "voted" else tr("mức tự đề xuất")
        more = tr(" · còn {n} điều khác cần ghi lý do").format(n=len(items) - 1) if len(items) > 1 else ""
        self.title.setText(tr("✖ Chưa sang bước sau được: {name} — {what} {level} vướng quy định{more}").format(
            name=self.desk.subject_name(b.subject), what=what, level=level_short(level), more=more))
        self.text.setText(f"<b>{html.escape(b.finding.article)}</b>: {html.escape(b.finding.message)}")
        self._error("")

    def save(self) -> None:
        if not self.items:
            return
        b = self.items[0]
        if self.run(self.desk.justify, b.subject, b.finding.rule, self.reason.text()):
            self.reason.clear()
            self.justified.emit()


# -- the page ---------------------------------------------------------------------------------------------
SUBJECT_COLUMNS = ["STT", "Đảng viên / tập thể", "Tự xếp loại", "Điểm tự chấm", "Điểm chi bộ", "Mức biểu quyết",
                   "Phiếu / cơ sở", "Quy định"]
METHODS = [(VoteMethod.HANDS, None), (VoteMethod.BALLOT, BallotLayout.COMMON), (VoteMethod.BALLOT, BallotLayout.SINGLE)]


class RatingStepPage(QWidget):
    """The rating_votes and cell_rating steps."""

    changed = Signal()

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.w = window
        self.session = window.session
        self.desk = VotingDesk(self.session)
        self.step: AgendaStep | None = None
        self.subjects: list[str] = []
        self.run = Runner(self, self.report)

        # how to vote
        self.method_buttons = [QRadioButton(tr("&Giơ tay")), QRadioButton(tr("Bỏ phiếu — phiếu &chung")),
                               QRadioButton(tr("Bỏ phiếu — phiếu &riêng"))]
        self.method_group = QButtonGroup(self)
        for i, b in enumerate(self.method_buttons):
            b.setObjectName(f"method{i}")
            self.method_group.addButton(b, i)
        self.method_buttons[0].setChecked(True)
        self.start_button = QPushButton(tr("&Bắt đầu biểu quyết"))
        self.start_button.setObjectName("startVotes")
        self.start_button.clicked.connect(self.start_votes)
        self.method_state = ElidedLabel()       # one line that never widens the page (150 % on a laptop)
        self.method_state.setObjectName("hint")
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Cách biểu quyết:")))
        for b in self.method_buttons:
            top.addWidget(b)
        top.addWidget(self.start_button)
        top.addWidget(self.method_state, 1)

        self.blocking = BlockingPanel(self.desk)
        self.blocking.justified.connect(self._edited)

        # the subjects
        self.table = list_table(SUBJECT_COLUMNS, "ratingSubjects")
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.currentCellChanged.connect(lambda *_: self.show_selected())
        self.table.doubleClicked.connect(lambda *_: self.edit_score())
        self.score_button = QPushButton(tr("Điểm chi bộ chấp nhận… (F2)"))
        self.score_button.clicked.connect(self.edit_score)
        self.facts_button = QPushButton(tr("Kết quả nhiệm vụ, sự việc trong năm… (F6)"))
        self.facts_button.setObjectName("factsButton")
        self.facts_button.clicked.connect(self.edit_facts)
        for keys, slot in (("F2", self.edit_score), ("F6", self.edit_facts)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.findings = QTextBrowser()
        self.findings.setObjectName("subjectFindings")
        self.findings.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 10)
        self.findings.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.quota = QLabel()
        self.quota.setObjectName("quotaLines")
        self.quota.setWordWrap(True)
        self.quota.setTextFormat(Qt.TextFormat.RichText)
        list_tab = QWidget()
        lv = QVBoxLayout(list_tab)
        lv.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.score_button)
        buttons.addWidget(self.facts_button)
        buttons.addStretch(1)
        lv.addLayout(buttons)
        lv.addWidget(self.findings)
        lv.addWidget(self.quota)

        # the count
        self.entry = QStackedWidget()
        self.none_yet = QLabel(tr("Chọn cách biểu quyết rồi bấm “Bắt đầu biểu quyết”."))
        self.none_yet.setObjectName("hint")
        self.none_yet.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hands = QWidget()
        self.hands_grid = LevelGrid(with_blank=False)
        self.hands_grid.edited.connect(self.save_hands)
        self.hands_line = QLabel()
        self.hands_line.setObjectName("hint")
        self.hands_line.setWordWrap(True)
        self.hands_problems = QLabel()
        self.hands_problems.setObjectName("voteProblems")
        self.hands_problems.setWordWrap(True)
        self.hands_record = QPushButton(tr("Công &bố kết quả"))
        self.hands_record.setObjectName("recordHands")
        self.hands_record.clicked.connect(self.record_hands)
        self.hands_results = RatingResults(self.desk)
        self.hands_results.revote.connect(self.revote)
        hs = QSplitter(Qt.Orientation.Vertical)
        top_hands = QWidget()
        th = QVBoxLayout(top_hands)
        th.setContentsMargins(0, 0, 0, 0)
        th.addWidget(self.hands_line)
        th.addWidget(self.hands_grid, 1)
        rr = QHBoxLayout()
        rr.addWidget(self.hands_problems, 1)
        rr.addWidget(self.hands_record, 0, Qt.AlignmentFlag.AlignTop)
        th.addLayout(rr)
        hs.addWidget(top_hands)
        hs.addWidget(self.hands_results)
        hv = QVBoxLayout(self.hands)
        hv.setContentsMargins(0, 0, 0, 0)
        hv.addWidget(hs)
        self.ballot = BallotPanel(self.session)
        self.ballot.changed.connect(self._edited)
        for page in (self.none_yet, self.hands, self.ballot):
            self.entry.addWidget(page)

        self.notes = AutoSaveText(window.save_step_text, tr("Ghi chú cho bước này (tùy ý)…"))
        self.notes.setObjectName("notes")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("ratingTabs")
        self.tabs.addTab(list_tab, tr("Danh sách xếp loại"))
        self.tabs.addTab(self.entry, tr("Nhập kết quả biểu quyết"))
        self.tabs.addTab(self.notes, tr("Ghi chú"))

        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.blocking)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)

    # -- which votes -----------------------------------------------------------------------------------
    def step_votes(self) -> list[Vote]:
        if self.step is None:
            return []
        return [v for v in self.desk.record.votes if v.kind == VoteKind.RATING and v.step_id == self.step.id]

    def ballot_id(self) -> str | None:
        ids = [v.ballot_id for v in self.step_votes() if v.ballot_id]
        return ids[-1] if ids else None

    def hands_votes(self) -> list[Vote]:
        """Votes typed as counts per level without papers: a show of hands, and every re-vote."""
        return [v for v in self.step_votes() if not v.ballot_id]

    def show_step(self, step: AgendaStep) -> None:
        self.step = step
        self.error.clear()
        if step.kind == StepKind.CELL_RATING:
            self.subjects = [CELL]
        else:
            self.subjects = [s for s in self.desk.rating_subjects() if s != CELL]
            if step.subject_member_id:   # the vote right after this member's review
                self.subjects = [s for s in self.subjects if s == step.subject_member_id]
        self.notes.bind((step.id, "notes"), step.notes)
        self.refresh()
        if self.table.currentRow() < 0 and self.subjects:
            self.table.setCurrentCell(0, 1)

    def refresh(self) -> None:
        votes = self.step_votes()
        started = bool(votes)
        for b in self.method_buttons:
            b.setEnabled(not started)
        self.start_button.setVisible(not started)
        if started:
            first = votes[0]
            bid = self.ballot_id()
            if bid:
                layout = self.desk.record.ballots[bid].layout
                self.method_buttons[1 if layout == BallotLayout.COMMON else 2].setChecked(True)
            else:
                self.method_buttons[0].setChecked(True)
            self.method_state.setText(tr("Đã bắt đầu lúc {at}.").format(at=first.taken_at))
        else:
            self.method_state.setText("")
        self.fill_table()
        self.refresh_entry()
        self.blocking.show_items(self.blocking_unjustified())
        self.show_selected()
        self.show_quota()

    def fill_table(self) -> None:
        d = self.desk
        self.table.setRowCount(len(self.subjects))
        for r, subject in enumerate(self.subjects):
            review = d.record.self_reviews.get(subject) or d.record.collective_reviews.get(subject)   # Mẫu 01
            p = d.record.proposals.get(subject)
            own = fmt_score(review.total_score) if review and review.total_score is not None else ""
            accepted = ""
            if p and p.accepted_general is not None:
                accepted = fmt_score((p.accepted_general or 0) + (p.accepted_task or 0))
            v = d.final_vote(subject)
            voted, figures = "", ""
            if v is not None:
                res = d.result(v)
                voted = level_short(res.rating.reached) if res.rating.reached else (
                    tr("chưa đạt") if any(counts_of(v).values()) else "")
                base = res.headcount.base_count
                if any(counts_of(v).values()):
                    plain = counts_of(v)     # votes for each level itself, never the cumulated ones
                    figures = " · ".join(f"{level_short(lv)} {plain[lv.value]}" for lv in Level
                                         if plain.get(lv.value)) + tr(" (cơ sở {base})").format(base=base)
            fs = subject_findings(d, subject)
            done = p.justifications if p else {}
            blocking = [f for f in fs if f.kind is FindingKind.FINDING]
            open_blocking = [f for f in blocking if not done.get(f.rule)]
            warnings = [f for f in fs if f.kind is FindingKind.WARNING]
            bits = []
            if open_blocking:
                bits.append(tr("✖ {n} điều chặn").format(n=len(open_blocking)))
            elif blocking:
                bits.append(tr("đã ghi lý do ({n})").format(n=len(blocking)))
            if warnings:
                bits.append(tr("⚠ {n} lưu ý").format(n=len(warnings)))
            values = [str(r + 1), d.subject_name(subject), level_short(review.proposed_level if review else ""),
                      own, accepted + (" *" if p and p.score_change_reason else ""), voted, figures,
                      " · ".join(bits) or ("✓" if fs == [] and (voted or review) else "")]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c in (0, 2, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == 7 and open_blocking:
                    item.setForeground(QBrush(QColor(RED)))
                elif c == 7 and warnings:
                    item.setForeground(QBrush(QColor(AMBER)))
                if c == 4 and p and p.score_change_reason:
                    item.setToolTip(tr("Lý do: {reason}").format(reason=p.score_change_reason))
                if c == 5 and voted:
                    item.setForeground(QBrush(QColor(GREEN if v and d.result(v).rating.reached else RED)))
                self.table.setItem(r, c, item)

    def current_subject(self) -> str | None:
        r = self.table.currentRow()
        return self.subjects[r] if 0 <= r < len(self.subjects) else None

    def show_selected(self) -> None:
        subject = self.current_subject()
        if subject is None:
            self.findings.setText("")
            return
        level, how = level_considered(self.desk, subject)
        fs = subject_findings(self.desk, subject)
        p = self.desk.record.proposals.get(subject)
        done = p.justifications if p else {}
        name = html.escape(self.desk.subject_name(subject))
        if level is None:
            self.findings.setText(tr("<b>{name}</b>: chưa có mức tự đề xuất hay mức biểu quyết để kiểm tra.").format(
                name=name))
            return
        what = tr("mức biểu quyết") if how == "voted" else tr("mức tự đề xuất")
        lines = [tr("<b>{name}</b> — {what}: {level}").format(name=name, what=what,
                                                             level=html.escape(core(LEVEL_LABELS[level])))]
        for f in fs:
            if f.kind is FindingKind.FINDING:
                reason = done.get(f.rule)
                colour = GREEN if reason else RED
                tail = (" — " + tr("lý do: {r}").format(r=html.escape(reason))) if reason else ""
                lines.append(f'<span style="color:{colour}">✖ <b>{html.escape(f.article)}</b>: '
                             f"{html.escape(f.message)}{tail}</span>")
            else:
                lines.append(f'<span style="color:{AMBER}">⚠ <b>{html.escape(f.article)}</b>: '
                             f"{html.escape(f.message)}</span>")
        if not fs:
            lines.append(f'<span style="color:{GREEN}">' + tr("Không vướng quy định nào của {rules}.").format(
                rules=html.escape(self.session.rules.name)) + "</span>")
        self.findings.setText("<br>".join(lines))

    def show_quota(self) -> None:
        if self.step is None or self.step.kind == StepKind.CELL_RATING:
            self.quota.setVisible(False)
            return
        try:
            from ...rating_year import meeting_quota   # the year's lines at a supplementary session

            lines = meeting_quota(self.desk)
        except Exception as err:  # noqa: BLE001 - a rule set without a quota section: say so, do not fail
            self.quota.setText(html.escape(str(err)))
            self.quota.setVisible(True)
            return
        out = []
        for q in lines:
            group = q.group or tr("cả chi bộ")
            kind = tr("tham khảo") if q.advisory else tr("kiểm tra")
            colour = (RED if not q.advisory else AMBER) if q.over else GREEN
            out.append(f'<span style="color:{colour}">' + tr("Tỷ lệ HTXSNV so với HTTNV ({kind}), nhóm {group}: {text}").format(
                kind=kind, group=html.escape(group), text=html.escape(q.text)) + "</span>")
        self.quota.setText("<br>".join(out))
        self.quota.setVisible(bool(out))

    def refresh_entry(self) -> None:
        bid = self.ballot_id()
        hands = self.hands_votes()
        if bid:
            self.ballot.show_ballot(bid)
            self.entry.setCurrentWidget(self.ballot)
            if not hands:
                return
        if not hands and not bid:
            self.entry.setCurrentWidget(self.none_yet)
            return
        if hands and not bid:
            self.entry.setCurrentWidget(self.hands)
        self._refresh_hands(hands)
        if bid and hands:          # re-votes after a ballot: typed as counts per level
            self.entry.setCurrentWidget(self.hands)

    def _refresh_hands(self, hands: list[Vote]) -> None:
        d = self.desk
        self.hands_grid.set_rows([(v.id, d.subject_name(v.subject) + (tr(" (biểu quyết lại)") if v.supersedes else ""))
                                  for v in hands])
        problems = []
        for v in hands:
            self.hands_grid.show_counts(v.id, counts_of(v))
            r = d.result(v)
            self.hands_grid.mark_row(v.id, bool(r.problems))
            problems += [f"{d.subject_name(v.subject)}: {p}" for p in r.problems]
            for e in self.hands_grid.edits[v.id].values():
                set_read_only(e, v.recorded)
        if hands:
            h = d.result(hands[0]).headcount
            self.hands_line.setText(tr("Giơ tay: gõ số người biểu quyết cho từng mức (Tab hoặc Enter sang ô bên phải, "
                                       "rồi xuống dòng dưới). Đảng viên được tính {base} · có mặt {present} · "
                                       "{voters} người được biểu quyết · mỗi mức cần trên {half}: {n} phiếu.").format(
                base=h.base_count, present=h.present_in_base, voters=len(h.voters),
                half=str(h.base_count / 2).replace(".", ",").removesuffix(",0"), n=h.base_count // 2 + 1))
        self.hands_problems.setText("<br>".join(html.escape(p) for p in problems))
        pending = [v for v in hands if not v.recorded]
        self.hands_record.setEnabled(bool(pending) and not problems)
        self.hands_results.set_votes(hands)

    # -- edits -----------------------------------------------------------------------------------------------
    def report(self, text: str) -> None:
        self.error.setText(text)

    def _edited(self) -> None:
        self.refresh()
        self.changed.emit()

    def start_votes(self) -> None:
        if self.step is None or self.step_votes():
            return
        method, layout = METHODS[self.method_group.checkedId()]
        subjects = self.subjects
        def start():
            # one user action = one undo: every question (and the ballot) is one "Bắt đầu biểu quyết"
            with self.desk.s.action(QT_TRANSLATE_NOOP("core", "Bắt đầu biểu quyết")):
                return self.desk.new_rating_votes(method, subjects, layout or BallotLayout.COMMON,
                                                  step_id=self.step.id)
        votes = self.run(start)
        if votes in (None, True):
            return
        self.error.clear()
        self._edited()
        self.tabs.setCurrentWidget(self.entry)
        if method == VoteMethod.HANDS:
            first = self.hands_grid.first_edit()
            if first is not None:
                first.setFocus()
        else:
            self.ballot.team_pickers[0].setFocus()

    def save_hands(self, vote_id: str, counts: dict) -> None:
        if self.run(self.desk.set_levels, vote_id, counts):
            self._refresh_hands(self.hands_votes())
            self.fill_table()
            self.blocking.show_items(self.blocking_unjustified())
            self.changed.emit()

    def record_hands(self) -> None:
        for v in self.hands_votes():
            if not v.recorded and any(counts_of(v).values()):
                if not self.run(self.desk.record_result, v.id):
                    break
        self._edited()

    def revote(self, vote_id: str) -> None:
        v = self.run(self.desk.revote_next_level, vote_id)
        if v not in (None, True):
            self._edited()
            self.tabs.setCurrentWidget(self.entry)
            self.entry.setCurrentWidget(self.hands)

    def edit_score(self) -> None:
        subject = self.current_subject()
        if subject is None:
            return
        if ScoreDialog(self.desk, subject, self).exec():
            self._edited()

    def edit_facts(self) -> None:
        subject = self.current_subject()
        if subject is None:
            return
        if FactsDialog(self.desk, subject, self).exec():
            self._edited()

    # -- the step cannot be left … ----------------------------------------------------------------------------
    def blocking_unjustified(self) -> list[Blocking]:
        return unjustified(self.desk, self.subjects)

    def missing(self) -> list[str]:
        """What keeps the step: each blocking finding without a reason, with its article."""
        return [tr("{name}: {message} ({article}) — cần ghi lý do.").format(
            name=self.desk.subject_name(b.subject), message=b.finding.message, article=b.finding.article)
            for b in self.blocking_unjustified()]

    # the page's part in the guide (pages/__init__.py)
    def focus_step(self, step: AgendaStep) -> None:
        self.focus_first()

    def refresh_votes(self) -> None:
        self.refresh()

    def focus_first(self) -> None:
        if self.blocking.isVisible():
            self.blocking.reason.setFocus()
        elif self.start_button.isVisible():
            self.method_buttons[self.method_group.checkedId()].setFocus()
        else:
            self.table.setFocus()
