"""Biểu quyết: any question put to a show of hands (the agenda, the counting team, the minutes…),
the table of every vote of the meeting, and the confirmation asked before a correction changes
an announced result (DOMAIN.md §5).

Nothing here computes a result: the figures come from VotingDesk.result() / results(), which
recompute from what was typed every time they are asked.
"""
from __future__ import annotations

import html
from fractions import Fraction
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QGridLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...model.levels import LEVEL_LABELS
from ...model.vote import VOTE_METHOD_LABELS, Vote, VoteKind, VoteMethod
from ...rules.attendance import Headcount
from ...rules.majority import MAJORITY
from ...voting import VoteResult, VotingDesk
from .widgets import Runner, core, is_enter, mods, parse_time, tr

RED = "#8c1d18"
AMBER = "#9a5b00"
GREEN = "#1f5f2a"

# The votes screens' styles (verdicts, problems, panels) are in ui/style.qss.


def vn_num(x) -> str:
    """5.5 -> "5,5"; 6 -> "6"."""
    if isinstance(x, Fraction):
        x = float(x)
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x).replace(".", ",")


def pct(votes: int, base: int) -> str:
    if base <= 0:
        return "—"
    return vn_num(round(votes * 100 / base, 1)) + "%"


def needed_line(h: Headcount, what: str | None = None) -> str:
    """"Đảng viên được tính 11 · có mặt 10 · cần trên 5,5 (6) phiếu tán thành"."""
    half = Fraction(h.base_count, 2)
    return tr("Đảng viên được tính {base} · có mặt {present} · cần trên {half} ({needed}) phiếu {what}").format(
        base=h.base_count, present=h.present_in_base, half=vn_num(half), needed=MAJORITY.votes_needed(h.base_count),
        what=what or tr("tán thành"))


def quorum_text(h: Headcount) -> str:
    return tr("Không đủ số lượng: có mặt {present}/{base}, cần {needed} (2/3) — kết quả biểu quyết bị đánh dấu.").format(
        present=h.present_in_base, base=h.base_count, needed=h.quorum_needed)


def set_read_only(widget, ro: bool) -> None:
    if widget.isReadOnly() != ro:
        widget.setReadOnly(ro)


def set_enabled(widget: QWidget, on: bool) -> None:
    if widget.isEnabled() != on:
        widget.setEnabled(on)


def set_text(widget, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def flag(widget: QWidget, name: str) -> bool:
    """The flag last set by set_flag (kept on the Python side: PySide6's QObject.property() of a
    property never set returns None without its reference — called per keystroke, it ends in
    "Fatal Python error: none_dealloc")."""
    return getattr(widget, "_style_flags", {}).get(name, False)


def set_flag(widget: QWidget, name: str, value: bool) -> None:
    """A dynamic property the style sheet reads (re-polished only when it changes)."""
    flags = getattr(widget, "_style_flags", None)
    if flags is None:
        flags = widget._style_flags = {}
    if flags.get(name, False) != value:
        flags[name] = value
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def set_object_name(widget: QWidget, name: str) -> None:
    if widget.objectName() != name:
        widget.setObjectName(name)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class CountEdit(QLineEdit):
    """A count typed with the keyboard: digits only, the whole text selected on entry,
    Enter moves on like Tab. ``value()`` is 0 when empty."""

    def __init__(self, parent: QWidget | None = None, width: int = 64):
        super().__init__(parent)
        self.setValidator(QIntValidator(0, 9999, self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(width)
        self.setMinimumWidth(min(width, 48))

    def value(self) -> int:
        t = self.text().strip()
        return int(t) if t.isdigit() else 0

    def set_value(self, n: int | None) -> None:
        text = "" if n is None else str(n)
        if self.text() != text:
            self.setText(text)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_enter(event) and not mods(event):
            self.editingFinished.emit()
            self.focusNextChild()
            return
        super().keyPressEvent(event)


def ask_effects(parent: QWidget | None, lines: list[str], action: str) -> bool:
    """Ask before a correction changes announced results; the lines name each one."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Sửa số liệu làm thay đổi kết quả"))
    box.setText(tr("{action} sẽ làm thay đổi kết quả của {n} cuộc biểu quyết:").format(action=action, n=len(lines)))
    box.setInformativeText("\n".join(f"• {line}" for line in lines))
    apply = box.addButton(tr("&Vẫn sửa"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("&Không sửa"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.buttons()[-1])
    box.exec()
    return box.clickedButton() is apply


def confirm_effects(parent: QWidget | None, desk: VotingDesk, change: Callable, action: str,
                    ask: Callable[[QWidget | None, list[str], str], bool] | None = None) -> bool:
    """True when the correction may be made: nothing announced changes, or the user confirmed.
    ``change`` edits a copy of the meeting record (VotingDesk.effects)."""
    if not any(v.recorded for v in desk.record.votes):
        return True
    lines = desk.effects(change)
    if not lines:
        return True
    return (ask or ask_effects)(parent, lines, action)


# -- a yes/no question by show of hands ------------------------------------------------------------
class HandsVotePanel(QWidget):
    """Biểu quyết giơ tay on one question: question, time, for / against / abstain, and live the
    base, presence, the votes needed and the verdict. ``recorded`` after "Công bố kết quả"."""

    recorded = Signal()
    changed = Signal()

    def __init__(self, session, kind: VoteKind, question: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.desk = VotingDesk(session)
        self.kind = kind
        self.default_question = question
        self.step_id: str | None = None
        self.vote_id: str | None = None
        self.run = Runner(self, self.report)

        self.title = QLabel(tr("Biểu quyết"))
        self.title.setObjectName("sectionTitle")
        self.question = QLineEdit()
        self.question.setObjectName("voteQuestion")
        self.method = QLabel(core(VOTE_METHOD_LABELS[VoteMethod.HANDS]))
        self.time = QLineEdit()
        self.time.setObjectName("voteTime")
        self.time.setPlaceholderText(tr("giờ:phút"))
        self.time.setMaximumWidth(80)
        self.time.editingFinished.connect(self._time_edited)
        self.yes = CountEdit()
        self.yes.setObjectName("voteYes")
        self.no = CountEdit()
        self.no.setObjectName("voteNo")
        self.abstain = CountEdit()
        self.abstain.setObjectName("voteAbstain")
        for e in (self.yes, self.no, self.abstain):
            e.textEdited.connect(self._counts_edited)
        self.record_button = QPushButton(tr("Công &bố kết quả"))
        self.record_button.setObjectName("recordVote")
        self.record_button.clicked.connect(self.record)

        self.base_line = QLabel()
        self.base_line.setObjectName("voteBase")
        self.base_line.setWordWrap(True)
        self.quorum = QLabel()
        self.quorum.setObjectName("quorumLow")
        self.quorum.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setObjectName("voteVerdictOk")
        self.verdict.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("voteProblems")
        self.problems.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("hint")
        self.state.setWordWrap(True)

        form = QGridLayout()
        lq = QLabel(tr("&Nội dung:"))
        lq.setBuddy(self.question)
        form.addWidget(lq, 0, 0)
        form.addWidget(self.question, 0, 1, 1, 7)
        form.addWidget(QLabel(tr("Hình thức:")), 1, 0)
        form.addWidget(self.method, 1, 1, 1, 3)
        lt = QLabel(tr("&Lúc:"))
        lt.setBuddy(self.time)
        form.addWidget(lt, 1, 4, Qt.AlignmentFlag.AlignRight)
        form.addWidget(self.time, 1, 5)
        for col, (text, edit) in enumerate(((tr("&Tán thành:"), self.yes), (tr("Không tán thàn&h:"), self.no),
                                            (tr("Không biểu &quyết:"), self.abstain))):
            lbl = QLabel(text)
            lbl.setBuddy(edit)
            form.addWidget(lbl, 2, col * 2)
            form.addWidget(edit, 2, col * 2 + 1)
        form.addWidget(self.record_button, 2, 6, 1, 2)
        form.setColumnStretch(7, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.base_line)
        layout.addWidget(self.quorum)
        layout.addWidget(self.verdict)
        layout.addWidget(self.problems)
        layout.addWidget(self.state)
        self.setTabOrder(self.question, self.time)
        self.setTabOrder(self.time, self.yes)
        self.setTabOrder(self.yes, self.no)
        self.setTabOrder(self.no, self.abstain)
        self.setTabOrder(self.abstain, self.record_button)

    # -- which vote --------------------------------------------------------------------------------
    def vote(self) -> Vote | None:
        if self.vote_id is None:
            return None
        return next((v for v in self.desk.record.votes if v.id == self.vote_id), None)

    def show_for(self, step_id: str | None, fresh: bool = False) -> None:
        """The last vote of this kind at this step (or none yet); ``fresh``: a new question."""
        self.step_id = step_id
        votes = [v for v in self.desk.record.votes if v.kind == self.kind and (step_id is None or v.step_id == step_id)]
        self.vote_id = votes[-1].id if votes and not fresh else None
        v = self.vote()
        self.question.setText(v.question if v else self.default_question)
        self.time.setText(v.taken_at if v else self.session.clock())
        for e, n in ((self.yes, v.yes if v else None), (self.no, v.no if v else None),
                     (self.abstain, v.abstain if v else None)):
            e.set_value(n if (v and (v.yes or v.no or v.abstain)) else None)
        self.refresh()

    def _ensure_vote(self) -> Vote | None:
        v = self.vote()
        if v is not None:
            return v
        at = parse_time(self.time.text()) or self.session.clock()
        question = self.question.text().strip() or self.default_question
        v = self.run(self.desk.new_question, self.kind, question, VoteMethod.HANDS, step_id=self.step_id, at=at)
        if v is None or v is True:
            return None
        self.vote_id = v.id
        return v

    # -- edits -----------------------------------------------------------------------------------
    def _counts_edited(self, _text: str = "") -> None:
        v = self._ensure_vote()
        if v is None or v.recorded:
            return
        self.run(self.desk.set_hands, v.id, self.yes.value(), self.no.value(), self.abstain.value())
        self.refresh()
        self.changed.emit()

    def _time_edited(self) -> None:
        at = parse_time(self.time.text())
        if at is None:
            self.report(tr("Giờ biểu quyết “{text}” không đọc được: gõ giờ:phút.").format(text=self.time.text()))
            return
        self.time.setText(at)
        v = self.vote()
        if v is not None and v.taken_at != at and not v.recorded:
            self.run(self.desk.set_taken_at, v.id, at)
            self.changed.emit()
        self.refresh()

    def record(self) -> None:
        v = self._ensure_vote()
        if v is None:
            return
        r = self.desk.result(v)
        if v.kind == VoteKind.MINUTES and r.passed and not r.problems:
            # announcing the adoption locks the minutes: say so and ask first (issue 11)
            from ..common import ask_yes_no

            n = self.session.meeting.revision + 1
            if not ask_yes_no(self.window(), tr("Thông qua và khóa biên bản"), tr(
                    "Hội nghị biểu quyết thông qua biên bản: {outcome}.\n\nCông bố kết quả sẽ khóa biên bản thành bản "
                    "chính thức lần {n}; sau đó muốn sửa phải mở lại và ghi lý do.\n\nCông bố và khóa?").format(
                    outcome=outcome_text(r), n=n)):
                return
            self.window().activateWindow()       # the keyboard back to the guide after the question
            self.record_button.setFocus()
        if self.run(self.desk.record_result, v.id):
            self.refresh()
            self.recorded.emit()
            self.changed.emit()

    def report(self, text: str) -> None:
        self.problems.setText(html.escape(text))
        self.problems.show()

    # -- showing ---------------------------------------------------------------------------------
    def result(self) -> VoteResult | None:
        v = self.vote()
        return self.desk.result(v) if v is not None else None

    def refresh(self) -> None:
        v = self.vote()
        if v is not None:
            r = self.desk.result(v)
            h = r.headcount
        else:
            r = None
            h = self.desk.headcount_at(parse_time(self.time.text()) or self.session.clock())
        self.base_line.setText(needed_line(h))
        self.quorum.setText(quorum_text(h))
        self.quorum.setVisible(not h.quorum_met)
        problems = [str(p) for p in r.problems] if r else []
        self.problems.setText("<br>".join(html.escape(p) for p in problems))
        self.problems.setVisible(bool(problems))
        for e in (self.yes, self.no, self.abstain):
            set_flag(e, "problem", bool(problems))
        if r is None:
            self.verdict.setText(tr("Gõ số tán thành, không tán thành, không biểu quyết."))
            set_object_name(self.verdict, "hint")
        else:
            # the verdict in words at the end, and only beside figures that can be
            self.verdict.setText(tr("Có mặt {present}/{base}; {outcome}.").format(
                present=r.headcount.present_in_base, base=r.headcount.base_count, outcome=outcome_text(r)))
            set_object_name(self.verdict, "hint" if problems or not entered(r) else
                            "voteVerdictOk" if r.passed else "voteVerdictNo")
        done = v is not None and v.recorded
        for w in (self.yes, self.no, self.abstain, self.time):
            w.setReadOnly(done)
        self.question.setReadOnly(v is not None)
        self.record_button.setEnabled(not done and r is not None and not problems)
        self.state.setText(tr("Đã công bố kết quả — số liệu không sửa được nữa.") if done else "")
        self.state.setVisible(done)


class QuestionVoteDialog(QDialog):
    """A show of hands in its own window (the agenda at the opening, any other question)."""

    def __init__(self, session, kind: VoteKind, question: str, step_id: str | None, parent: QWidget | None = None,
                 fresh: bool = False):
        super().__init__(parent)
        self.setWindowTitle(tr("Biểu quyết — {question}").format(question=question) if question else tr("Biểu quyết"))
        self.panel = HandsVotePanel(session, kind, question)
        self.panel.show_for(step_id, fresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đó&ng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.resize(760, 300)
        (self.panel.question if fresh else self.panel.yes).setFocus()


# -- every vote of the meeting ------------------------------------------------------------------------
RESULT_COLUMNS = ["STT", "Nội dung biểu quyết", "Cách", "Lúc", "Có mặt", "Số liệu (phiếu / số được tính) và kết quả",
                  "Trạng thái"]
SHORT_METHOD = {VoteMethod.HANDS: "Giơ tay", VoteMethod.BALLOT: "Bỏ phiếu"}


def entered(r: VoteResult) -> bool:
    """Has anything been typed for this vote?"""
    if r.rating is not None:
        return any(c.votes for c in r.rating.counts)
    return bool(r.vote.yes or r.vote.no or r.vote.abstain)


def verdict_text(r: VoteResult) -> str:
    """The outcome in words, never beside figures that cannot be (no "→", no "✓")."""
    if r.problems:
        return tr("số liệu chưa khớp, chưa có kết quả")
    if not entered(r):
        return tr("chưa nhập số liệu")
    if r.rating is not None:
        return core(LEVEL_LABELS[r.rating.reached]) if r.rating.reached else tr("không mức nào đạt quá nửa")
    return tr("thông qua") if r.passed else tr("không thông qua")


def outcome_text(r: VoteResult) -> str:
    base = r.headcount.base_count
    if r.rating is not None:
        from ...rules.tally import level_counts_text

        figures = level_counts_text(r.rating.counts, base, r.cumulative)
    else:
        v = r.vote
        figures = tr("tán thành {yes}/{base} ({pct}), không tán thành {no}, không biểu quyết {abstain}").format(
            yes=v.yes, base=base, pct=pct(v.yes, base), no=v.no, abstain=v.abstain)
    return tr("{figures}: {verdict}").format(figures=figures, verdict=verdict_text(r))


class ResultsView(QWidget):
    """One table of every vote of the meeting with its figures, recomputed on every refresh()."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.desk = VotingDesk(session)
        self.title = QLabel(tr("Kết quả các cuộc biểu quyết của hội nghị"))
        self.title.setObjectName("sectionTitle")
        self.table = QTableWidget(0, len(RESULT_COLUMNS))
        self.table.setObjectName("resultsTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in RESULT_COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # the figures wrap onto a second line rather than lose their middle ("khô… biểu quyết 0")
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh = self.table.horizontalHeader()
        for c in range(len(RESULT_COLUMNS)):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeaderItem(4).setToolTip(tr("Có mặt / số đảng viên được tính lúc biểu quyết"))
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def refresh(self) -> None:
        results = list(self.desk.results().values())
        self.table.setRowCount(len(results))
        low = 0
        for i, r in enumerate(results):
            v = r.vote
            h = r.headcount
            state = tr("Đã công bố") if v.recorded else tr("Đang nhập")
            if r.problems:
                state = tr("Số liệu chưa khớp")
            presence = f"{h.present_in_base}/{h.base_count}"
            if not r.quorum_met:
                presence += " " + tr("(không đủ 2/3)")
                low += 1
            question = v.question
            if v.kind == VoteKind.RATING and v.subject:     # "Xếp loại chất lượng năm 2025: X" → "Xếp loại: X"
                question = tr("Xếp loại: {name}").format(name=self.desk.subject_name(v.subject)) + (
                    tr(" (biểu quyết lại)") if v.supersedes else "")
            values = [str(i + 1), question, tr(SHORT_METHOD[v.method]), v.taken_at, presence,
                      outcome_text(r), state]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if r.problems or not r.quorum_met:
                    item.setForeground(QBrush(QColor(RED)))
                elif c == 5 and ((r.rating is not None and r.rating.reached is None) or
                                 (r.rating is None and not r.passed)):
                    item.setForeground(QBrush(QColor(AMBER)))
                item.setToolTip(text)
                if c == 5 and r.problems:
                    item.setToolTip(text + "\n" + "\n".join(str(p) for p in r.problems))
                self.table.setItem(i, c, item)
        settings = self.desk.settings.describe()
        bits = [tr("Tính trên số đảng viên được tính tại thời điểm từng cuộc biểu quyết.")] + settings
        if low:
            bits.insert(0, tr("{n} cuộc biểu quyết không đủ 2/3 số đảng viên được tính có mặt.").format(n=low))
        if not results:
            bits.insert(0, tr("Chưa có cuộc biểu quyết nào."))
        self.note.setText(" · ".join(bits))
