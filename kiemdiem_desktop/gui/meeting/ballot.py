"""Bỏ phiếu: the counting team, the count typed per member and level with the papers issued /
returned / valid / invalid, checked as it is typed (VotingDesk.ballot_problems names every
mismatch), an optional blind second entry, a paper-by-paper mode, and the results per subject
with "phiếu / cơ sở" and the level reached (DOMAIN.md §5, §7)."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
    QScrollArea,
    QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from ...model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS, Level
from ...model.vote import BLANK, MULTIPLE, BallotLayout, Vote, VoteKind
from ...rules.majority import LEVELS_TOP_DOWN
from ...rules.tally import MemberTally, compare_entries, level_count_headings, second_entry_pending
from ...voting import VoteResult, VotingDesk
from .votes import (
    AMBER, GREEN, RED, CountEdit, HandsVotePanel, entered, pct, set_enabled, set_flag, verdict_text,
    set_read_only, set_text,
)
from ..common import list_table
from .widgets import MemberPicker, Runner, core, is_enter, mods, tr

LEVEL_KEYS = [lv.value for lv in LEVELS_TOP_DOWN]


def counts_of(v: Vote, entry: int = 1) -> dict[str, int]:
    return dict(v.levels if entry == 1 else v.second_entry)


def tally_of(name: str, counts: dict[str, int]) -> MemberTally:
    return MemberTally(name, {lv: counts.get(lv.value, 0) for lv in LEVELS_TOP_DOWN},
                       counts.get(BLANK, 0) + counts.get(MULTIPLE, 0), counts.get(MULTIPLE, 0))


# -- the grid subject × level ------------------------------------------------------------------------
class LevelGrid(QWidget):
    """One row per subject, one count per level (and blank/invalid rows): Tab or Enter moves right,
    then down to the next subject. ``edited(vote_id, counts)`` as each number is typed."""

    edited = Signal(str, object)

    def __init__(self, with_blank: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.with_blank = with_blank
        self.keys = LEVEL_KEYS + ([BLANK] if with_blank else [])
        self.rows: list[tuple[str, str]] = []
        self.edits: dict[str, dict[str, CountEdit]] = {}
        self.names: dict[str, QLabel] = {}
        self.totals: dict[str, QLabel] = {}
        self.inner = QWidget()
        self.inner.setObjectName("levelGrid")
        self.grid = QGridLayout(self.inner)
        self.head = QGridLayout()          # the column titles stay visible while the rows scroll
        for g in (self.grid, self.head):
            g.setContentsMargins(4, 2, 4, 2)
            g.setHorizontalSpacing(10)
            g.setVerticalSpacing(3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inner)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.head.setContentsMargins(5, 0, 5 + scroll.verticalScrollBar().sizeHint().width(), 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.head)
        layout.addWidget(scroll)

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        """(vote id, subject name) in the order of rating_subjects()."""
        if rows == self.rows:
            return
        for g in (self.grid, self.head):
            while g.count():
                item = g.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
        bold = self.font()
        bold.setBold(True)
        from PySide6.QtGui import QFontMetrics

        width = QFontMetrics(bold).horizontalAdvance("Trống / không hợp lệ") + 12
        count_w = max(80, self.fontMetrics().horizontalAdvance("HTXSNV") + 16)
        self.rows = list(rows)
        self.edits, self.names, self.totals = {}, {}, {}
        heads = [tr("Đảng viên / tập thể")] + [LEVEL_ABBREVIATIONS[lv] for lv in LEVELS_TOP_DOWN]
        if self.with_blank:
            heads.append(tr("Trống / không hợp lệ"))
        heads.append(tr("Cộng"))
        total_w = max(50, QFontMetrics(bold).horizontalAdvance(tr("Cộng")) + 14)   # "Cộng" whole when zoomed
        widths = [0] + [count_w] * len(LEVELS_TOP_DOWN) + ([width] if self.with_blank else []) + [total_w]
        for c, text in enumerate(heads):
            lbl = QLabel(f"<b>{html.escape(text)}</b>")
            lbl.setAlignment(Qt.AlignmentFlag.AlignCenter if c else Qt.AlignmentFlag.AlignLeft)
            if c and c <= len(LEVELS_TOP_DOWN):
                lbl.setToolTip(core(LEVEL_LABELS[LEVELS_TOP_DOWN[c - 1]]))
            self.head.addWidget(lbl, 0, c)
            for g in (self.head, self.grid):
                if widths[c]:
                    g.setColumnMinimumWidth(c, widths[c])
            if widths[c]:
                lbl.setFixedWidth(widths[c])
        previous = None
        for r, (vote_id, name) in enumerate(rows, start=1):
            name_label = QLabel(f"{r}. {name}")
            self.names[vote_id] = name_label
            self.grid.addWidget(name_label, r, 0)
            self.edits[vote_id] = {}
            for c, key in enumerate(self.keys, start=1):
                e = CountEdit(width=72)
                e.setFixedWidth(72)
                e.setObjectName(f"count_{r}_{key}")
                e.setAccessibleName(f"{name} — {heads[c]}")
                e.textEdited.connect(lambda _t, vid=vote_id: self._edited(vid))
                self.grid.addWidget(e, r, c, Qt.AlignmentFlag.AlignCenter)
                if widths[c]:
                    self.grid.setColumnMinimumWidth(c, widths[c])
                self.edits[vote_id][key] = e
                if previous is not None:
                    QWidget.setTabOrder(previous, e)
                previous = e
            total = QLabel()
            total.setFixedWidth(total_w)
            total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.totals[vote_id] = total
            self.grid.addWidget(total, r, len(self.keys) + 1)
        self.grid.setColumnStretch(0, 1)
        self.head.setColumnStretch(0, 1)
        self.grid.setRowStretch(len(rows) + 1, 1)

    def edit(self, vote_id: str, key: str) -> CountEdit:
        return self.edits[vote_id][key]

    def first_edit(self) -> CountEdit | None:
        return next(iter(self.edits[self.rows[0][0]].values())) if self.rows else None

    def counts(self, vote_id: str) -> dict[str, int]:
        return {k: e.value() for k, e in self.edits[vote_id].items() if e.text().strip()}

    def show_counts(self, vote_id: str, counts: dict[str, int]) -> None:
        for k, e in self.edits.get(vote_id, {}).items():
            if not e.hasFocus() or e.value() != counts.get(k, 0):
                e.set_value(counts.get(k))
        self._total(vote_id)

    def _total(self, vote_id: str) -> None:
        set_text(self.totals[vote_id], str(sum(e.value() for e in self.edits[vote_id].values())))

    def _edited(self, vote_id: str) -> None:
        self._total(vote_id)
        self.edited.emit(vote_id, self.counts(vote_id))

    def mark_row(self, vote_id: str, problem: bool) -> None:
        label = self.names.get(vote_id)
        if label is None:
            return
        set_flag(label, "problem", problem)            # red and bold (ui/style.qss)
        for e in self.edits[vote_id].values():
            set_flag(e, "problem", problem)
        set_flag(self.totals[vote_id], "problem", problem)

    def set_read_only(self, ro: bool) -> None:
        for row in self.edits.values():
            for e in row.values():
                set_read_only(e, ro)


# -- results per subject -------------------------------------------------------------------------------
RESULT_HEADS = ["Đảng viên / tập thể"] + [LEVEL_ABBREVIATIONS[lv] for lv in LEVELS_TOP_DOWN] + ["Ngưỡng", "Mức đạt"]


def threshold_text(r: VoteResult) -> str:
    counts = r.rating.counts
    needs = {c.needed for c in counts}
    base = r.headcount.base_count
    if len(needs) == 1:
        return tr("trên 1/2 của {base}: cần {n}").format(base=base, n=counts[0].needed)
    return tr("HTXSNV cần {e}, mức khác cần {n} (cơ sở {base})").format(e=counts[0].needed, n=counts[1].needed,
                                                                      base=base)


class RatingResults(QWidget):
    """Per subject: per level "phiếu / cơ sở" with the share of the base, the threshold, the level
    reached; when no level passed, says so and offers the vote on the next level down."""

    revote = Signal(str)     # vote id

    def __init__(self, desk: VotingDesk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.votes: list[Vote] = []
        self.table = list_table(RESULT_HEADS, "ratingResults")
        self.how = QLabel()
        self.how.setObjectName("hint")
        self.how.setWordWrap(True)
        self.table.currentCellChanged.connect(lambda *_: self._selected())
        self.none_passed = QLabel()
        self.none_passed.setWordWrap(True)
        self.none_passed.setObjectName("nonePassed")
        self.revote_button = QPushButton(tr("Biểu quyết lại"))
        self.revote_button.setObjectName("revoteButton")
        self.revote_button.clicked.connect(self._revote)
        row = QHBoxLayout()
        row.addWidget(self.none_passed, 1)
        row.addWidget(self.revote_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.how)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def set_votes(self, votes: list[Vote]) -> None:
        self.votes = list(votes)
        self.refresh()

    def cell(self, subject_row: int, col: int) -> str:
        return self.table.item(subject_row, col).text()

    def refresh(self) -> None:
        cumulative = self.desk.settings.cumulative
        heads = level_count_headings(cumulative)
        for c, text in enumerate(heads, start=1):     # two lines: the level columns stay narrow
            self.table.setHorizontalHeaderItem(c, QTableWidgetItem(text.replace(" trở lên", "\ntrở lên", 1)
                                                                   .replace(" (", "\n(", 1)))
        how = (tr("Cộng dồn từ mức cao: phiếu cho một mức được tính cả cho các mức thấp hơn, nên cột “Từ HTNV "
                            "trở lên” là số phiếu HTXSNV + HTTNV + HTNV. Mức đạt là mức cao nhất có trên một nửa số "
                            "đảng viên được tính. Số phiếu riêng từng mức: đưa chuột vào ô.") if cumulative else
                         tr("Mỗi cột là số phiếu riêng của mức đó; mức đạt là mức cao nhất có trên một nửa số đảng "
                            "viên được tính."))
        thresholds = {threshold_text(self.desk.result(v)) for v in self.votes}
        same = len(thresholds) == 1      # one threshold for every row: said once, its column hidden
        self.table.setColumnHidden(5, same)
        self.how.setText(how + (" " + tr("Ngưỡng: {t}.").format(t=next(iter(thresholds))) if same else ""))
        self.table.setRowCount(len(self.votes))
        for i, v in enumerate(self.votes):
            r = self.desk.result(v)
            base = r.headcount.base_count
            values = [self.desk.subject_name(v.subject)]
            # no verdict beside figures that cannot be, none before anything is typed (issue 11)
            sure = not r.problems and entered(r)
            tips = []
            for c in r.rating.counts:
                mark = tr(", đạt") if c.passed and sure else ""
                values.append(f"{c.votes}/{base} ({pct(c.votes, base)}){mark}")
                plain = v.levels.get(c.level.value, 0)
                tips.append(tr("{heading}: {n}/{base} phiếu; riêng mức {level}: {plain} phiếu").format(
                    heading=heads[len(tips)], n=c.votes, base=base, level=LEVEL_ABBREVIATIONS[c.level], plain=plain))
            values.append(threshold_text(r))
            values.append(verdict_text(r)[:1].upper() + verdict_text(r)[1:])
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if 1 <= c <= 4 and r.rating.counts[c - 1].passed and sure:
                    item.setForeground(QBrush(QColor(GREEN)))
                if c == len(values) - 1:
                    item.setForeground(QBrush(QColor(GREEN if r.rating.reached and sure else
                                                     RED if sure else AMBER if r.problems else "#6b675f")))
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                if 1 <= c <= 4:
                    item.setToolTip(tips[c - 1])
                if not r.quorum_met:
                    item.setToolTip(tr("Không đủ 2/3 số đảng viên được tính có mặt."))
                self.table.setItem(i, c, item)
        if self.table.currentRow() < 0 and self.votes:
            failing = [i for i, v in enumerate(self.votes) if not self.desk.result(v).rating.reached]
            self.table.setCurrentCell(failing[0] if failing else 0, 0)
        self._selected()

    def _next_level(self, v: Vote) -> Level | None:
        r = self.desk.result(v)
        if r.rating is None or r.rating.reached is not None:
            return None
        proposed = self.desk.proposed_level(v.subject) or Level.EXCELLENT
        return r.rating.next_vote_level(proposed)

    def _selected(self) -> None:
        i = self.table.currentRow()
        failing = [v for v in self.votes if not (r := self.desk.result(v)).rating.reached
                   and entered(r) and not r.problems]
        names = ", ".join(self.desk.subject_name(v.subject) for v in failing)
        self.none_passed.setText(tr("Không mức nào đạt quá nửa số đảng viên được tính: {names}.").format(names=names)
                                 if failing else "")
        self.none_passed.setVisible(bool(failing))
        v = self.votes[i] if 0 <= i < len(self.votes) else None
        nxt = self._next_level(v) if v is not None else None
        superseded = v is not None and any(x.supersedes == v.id for x in self.desk.record.votes)
        self.revote_button.setVisible(nxt is not None)
        self.revote_button.setEnabled(nxt is not None and not superseded)
        if nxt is not None:
            self.revote_button.setText(tr("Biểu quyết lại ở mức {level}").format(level=core(LEVEL_LABELS[nxt])))

    def _revote(self) -> None:
        i = self.table.currentRow()
        if 0 <= i < len(self.votes):
            self.revote.emit(self.votes[i].id)


# -- paper by paper ---------------------------------------------------------------------------------------
MARK_KEYS = {Qt.Key.Key_1: Level.EXCELLENT.value, Qt.Key.Key_2: Level.GOOD.value, Qt.Key.Key_3: Level.COMPLETED.value,
             Qt.Key.Key_4: Level.NOT_COMPLETED.value, Qt.Key.Key_0: None}


class PaperTable(QTableWidget):
    mark = Signal(object)     # Level value, or None for blank / invalid
    enter = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not mods(event) and event.key() in MARK_KEYS:
            self.mark.emit(MARK_KEYS[event.key()])
            return
        if is_enter(event) and not mods(event):
            self.enter.emit()
            return
        super().keyPressEvent(event)


class PaperByPaper(QWidget):
    """Each paper typed in turn: per subject 1 HTXSNV · 2 HTTNV · 3 HTNV · 4 KHTNV · 0 trống hoặc
    không hợp lệ; Enter stores the paper (anonymous: no voter, no time, no order) and starts the next."""

    tallied = Signal()

    def __init__(self, desk: VotingDesk, report, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.run = Runner(self, report)
        self.ballot_id: str | None = None
        self.subjects: list[str] = []
        self.marks: dict[str, str | None] = {}
        self.typed = 0
        self.stored = 0
        hint = QLabel(tr("Mỗi phiếu: chọn dòng, gõ 1 HTXSNV · 2 HTTNV · 3 HTNV · 4 KHTNV · 0 trống hoặc không hợp lệ "
                         "(dòng tự xuống). Enter: lưu phiếu này, sang phiếu sau. Dòng chưa gõ tính là trống."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.table = PaperTable(0, 2)
        self.table.setObjectName("paperTable")
        self.table.setHorizontalHeaderLabels([tr("Đảng viên / tập thể"), tr("Phiếu này ghi")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.mark.connect(self.set_mark)
        self.table.enter.connect(self.store)
        self.counter = QLabel()
        self.counter.setObjectName("sectionTitle")
        self.tally_button = QPushButton(tr("&Tính kết quả"))
        self.tally_button.setObjectName("tallyButton")
        self.tally_button.clicked.connect(self.tally)
        row = QHBoxLayout()
        row.addWidget(self.counter, 1)
        row.addWidget(self.tally_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def show_ballot(self, ballot_id: str, votes: list[Vote]) -> None:
        if ballot_id != self.ballot_id:
            self.ballot_id = ballot_id
            self.desk.s.flush()
            self.stored = self.desk.paper_count(ballot_id)
            self.typed = 0
        self.subjects = [v.subject for v in votes]
        self.table.setRowCount(len(self.subjects))
        for r, subject in enumerate(self.subjects):
            self.table.setItem(r, 0, QTableWidgetItem(f"{r + 1}. {self.desk.subject_name(subject)}"))
        self.reset()

    def reset(self) -> None:
        self.marks = {}
        for r in range(len(self.subjects)):
            self.table.setItem(r, 1, QTableWidgetItem("·"))
        if self.subjects:
            self.table.setCurrentCell(0, 0)
        self._count()

    def _count(self) -> None:
        self.counter.setText(tr("Phiếu số {n} · đã lưu {stored} phiếu").format(n=self.stored + 1, stored=self.stored))

    def set_mark(self, level: str | None) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.subjects):
            return
        self.marks[self.subjects[r]] = level
        text = LEVEL_ABBREVIATIONS[Level(level)] if level else tr("trống / không hợp lệ")
        item = QTableWidgetItem(text)
        item.setForeground(QBrush(QColor(AMBER if level is None else "#1d1b16")))
        self.table.setItem(r, 1, item)
        if r + 1 < len(self.subjects):
            self.table.setCurrentCell(r + 1, 0)

    def store(self) -> None:
        if self.ballot_id is None:
            return
        marks = {s: self.marks.get(s) for s in self.subjects}
        if self.run(self.desk.add_paper, self.ballot_id, marks):
            self.stored += 1
            self.reset()

    def tally(self) -> None:
        """The totals from the papers typed. Figures already in the count are never replaced
        silently: the user chooses, told which figures are lost."""
        if not self.ballot_id:
            return
        lost = self.desk.paper_replace_loss(self.ballot_id)
        rows = [m for m in lost[1:] if m.template == "{name}: {old} thành {new}"]
        if lost and not self.confirm_replace(str(lost[0]), [str(m) for m in rows],
                                             [str(m) for m in lost[1:] if m not in rows]):
            self.run.report(tr("Đã giữ số phiếu đã nhập; các phiếu gõ từng tờ vẫn được lưu ({n} phiếu).")
                            .format(n=self.stored))
            return
        if self.run(self.desk.tally_from_papers, self.ballot_id, bool(lost)):
            self.tallied.emit()

    SHOWN_ROWS = 5       # the box stays on a 768 px screen: the other rows under "Hiện chi tiết"

    def confirm_replace(self, head: str, rows: list[str], also: list[str]) -> bool:
        """Thay or giữ: "Giữ số đã nhập" is the default and Esc. Names what is lost: the first rows
        (all of them in the details), the papers' figures and the second entry."""
        shown = [f"• {r}" for r in rows[:self.SHOWN_ROWS]]
        if len(rows) > self.SHOWN_ROWS:
            shown.append(tr("• … và {n} dòng khác (bấm “Hiện chi tiết…”).").format(n=len(rows) - self.SHOWN_ROWS))
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Thay số phiếu đã nhập?"),
                          head + "\n" + "\n".join(shown + [f"• {a}" for a in also]), parent=self)
        if len(rows) > self.SHOWN_ROWS:
            box.setDetailedText("\n".join(rows))
        box.setObjectName("replaceCountBox")
        replace = box.addButton(tr("&Thay bằng kết quả các phiếu vừa gõ"), QMessageBox.ButtonRole.DestructiveRole)
        replace.setObjectName("replaceCount")
        keep = box.addButton(tr("&Giữ số đã nhập"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepCount")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is replace


# -- the whole ballot ---------------------------------------------------------------------------------------
class BallotPanel(QWidget):
    """One ballot of rating votes: the counting team, the count, the second entry, paper by paper,
    the results. ``changed`` after every edit (the rating list and the results follow)."""

    changed = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.desk = VotingDesk(session)
        self.ballot_id: str | None = None
        self.run = Runner(self, self.report)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("ballotTabs")

        # 1. the counting team
        team = QWidget()
        self.team_pickers = [MemberPicker() for _ in range(3)]
        for i, p in enumerate(self.team_pickers):
            p.setObjectName(f"teamPicker{i}")
        self.team_save = QPushButton(tr("&Ghi tổ kiểm phiếu"))
        self.team_save.setObjectName("teamSave")
        self.team_save.clicked.connect(self.save_team)
        self.team_state = QLabel()
        self.team_state.setWordWrap(True)
        self.team_vote = HandsVotePanel(session, VoteKind.COUNTING_TEAM, tr("Bầu tổ kiểm phiếu"))
        self.team_vote.title.setText(tr("Biểu quyết bầu tổ kiểm phiếu (giơ tay)"))
        self.team_vote.changed.connect(self.changed)
        tg = QGridLayout(team)
        for i, (label, p) in enumerate(zip((tr("Tổ &trưởng:"), tr("Thành viên &1:"), tr("Thành viên &2 (tùy chọn):")),
                                           self.team_pickers)):
            lbl = QLabel(label)
            lbl.setBuddy(p)
            tg.addWidget(lbl, i, 0)
            tg.addWidget(p, i, 1)
        tg.addWidget(self.team_save, 2, 2)
        tg.addWidget(self.team_state, 3, 0, 1, 3)
        tg.addWidget(self.team_vote, 4, 0, 1, 3)
        tg.setRowStretch(5, 1)
        tg.setColumnStretch(1, 1)
        self.tabs.addTab(team, tr("1. Tổ kiểm phiếu"))

        # 2. the count
        count = QWidget()
        self.issued, self.returned, self.valid, self.invalid = (CountEdit() for _ in range(4))
        papers = QHBoxLayout()
        self.papers_of = QLabel()          # whose papers the figures are: all sheets, or each member's
        self.papers_of.setObjectName("papersOf")
        papers.addWidget(self.papers_of)
        self.paper_labels: dict[str, QLabel] = {}
        for name, e in (("issued", self.issued), ("returned", self.returned), ("valid", self.valid),
                        ("invalid", self.invalid)):
            e.setObjectName(f"papers_{name}")
            e.textEdited.connect(lambda _t: self.save_papers())
            lbl = QLabel()
            lbl.setObjectName(f"label_{name}")
            lbl.setBuddy(e)
            self.paper_labels[name] = lbl
            papers.addWidget(lbl)
            papers.addWidget(e)
        self.set_paper_labels(BallotLayout.COMMON)
        self.double = QCheckBox(tr("Nhập &hai lần (người thứ hai nhập độc lập)"))
        self.double.setObjectName("doubleEntry")
        self.double.toggled.connect(lambda _on: self.save_papers())
        papers.addStretch(1)
        self.voters = QLabel()
        self.voters.setObjectName("hint")
        self.voters.setWordWrap(True)
        self.grid = LevelGrid(with_blank=True)
        self.grid.edited.connect(lambda vid, c: self.save_levels(vid, c, 1))
        self.problems = QLabel()
        self.problems.setObjectName("ballotProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.accept_button = QPushButton(tr("&Chấp nhận kết quả kiểm phiếu"))
        self.accept_button.setObjectName("acceptBallot")
        self.accept_button.clicked.connect(self.accept)
        cv = QVBoxLayout(count)
        cv.addLayout(papers)
        under = QHBoxLayout()          # the hint and the double-entry choice: the figures' row stays whole
        under.addWidget(self.voters, 1)
        under.addWidget(self.double, 0, Qt.AlignmentFlag.AlignTop)
        cv.addLayout(under)
        cv.addWidget(self.grid, 1)
        # while the blind second entry is being typed, the first entry is covered here too
        self.cover = QWidget()
        self.cover.setObjectName("firstEntryCover")
        cover_text = QLabel(tr("Đang nhập lần hai: bảng của lần nhập thứ nhất được che cho đến khi người thứ hai nhập "
                               "xong (mọi dòng đủ số phiếu thu vào)."))
        cover_text.setWordWrap(True)
        self.uncover_button = QPushButton(tr("&Hiện bảng lần thứ nhất"))
        self.uncover_button.setObjectName("uncoverFirstEntry")
        self.uncover_button.clicked.connect(self._uncover)
        cl = QVBoxLayout(self.cover)
        cl.addWidget(cover_text)
        cl.addWidget(self.uncover_button, 0, Qt.AlignmentFlag.AlignLeft)
        cl.addStretch(1)
        self.cover.hide()
        self._uncovered = False
        cv.addWidget(self.cover, 1)
        bottom = QHBoxLayout()
        # the list of errors takes at most four lines and scrolls: a long one never squeezes
        # the entry grid (issue 11)
        from PySide6.QtWidgets import QFrame, QScrollArea

        self.problems_scroll = QScrollArea()
        self.problems_scroll.setObjectName("ballotProblemsScroll")
        self.problems_scroll.setWidget(self.problems)
        self.problems_scroll.setWidgetResizable(True)
        self.problems_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.problems_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_scroll.setMaximumHeight(4 * self.problems.fontMetrics().lineSpacing() + 8)
        bottom.addWidget(self.problems_scroll, 1)
        bottom.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignTop)
        cv.addLayout(bottom)
        self.grid.setMinimumHeight(5 * self.problems.fontMetrics().lineSpacing())
        self.count_tab = count
        self.tabs.addTab(count, tr("2. Kiểm phiếu"))

        # 3. the second entry, typed blind
        second = QWidget()
        hint2 = QLabel(tr("Người thứ hai nhập lại cùng các phiếu mà không xem lần nhập thứ nhất. "
                          "Kết quả chỉ được chấp nhận khi hai lần nhập khớp nhau."))
        hint2.setWordWrap(True)
        hint2.setObjectName("hint")
        self.grid2 = LevelGrid(with_blank=True)
        self.grid2.edited.connect(lambda vid, c: self.save_levels(vid, c, 2))
        self.differences = QLabel()
        self.differences.setObjectName("entryDifferences")
        self.differences.setWordWrap(True)
        self.differences.setTextFormat(Qt.TextFormat.RichText)
        sv = QVBoxLayout(second)
        sv.addWidget(hint2)
        sv.addWidget(self.grid2, 1)
        sv.addWidget(self.differences)
        self.second_tab = second
        self.tabs.addTab(second, tr("Nhập lần hai"))

        # 4. paper by paper
        self.papers = PaperByPaper(self.desk, self.report)
        self.papers.tallied.connect(self._tallied)
        self.tabs.addTab(self.papers, tr("Nhập từng phiếu"))

        # 5. results
        self.results = RatingResults(self.desk)
        self.results.revote.connect(self.revote)
        self.tabs.addTab(self.results, tr("Kết quả"))

        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- data ----------------------------------------------------------------------------------------
    @property
    def ballot(self):
        return self.desk.record.ballots.get(self.ballot_id or "")

    def votes(self) -> list[Vote]:
        return self.desk.ballot_votes(self.ballot_id) if self.ballot_id else []

    def show_ballot(self, ballot_id: str) -> None:
        first = ballot_id != self.ballot_id
        self.ballot_id = ballot_id
        b = self.ballot
        votes = self.votes()
        rows = [(v.id, self.desk.subject_name(v.subject)) for v in votes]
        self.grid.set_rows(rows)
        self.grid2.set_rows(rows)
        people = [(m.id, m.full_name) for m in self.session.attendees()
                  if (a := self.desk.record.attendance.get(m.id)) and a.in_room(b.taken_at or self.session.clock())]
        for i, p in enumerate(self.team_pickers):
            p.set_people(people, b.counting_team[i] if i < len(b.counting_team) else None)
        self.team_vote.show_for(b.step_id)
        self.papers.show_ballot(ballot_id, votes)
        layout = tr("phiếu chung (một tờ ghi tất cả)") if b.layout == BallotLayout.COMMON \
            else tr("phiếu riêng (mỗi người một tờ)")
        self.set_paper_labels(b.layout)
        self.tabs.setTabText(1, tr("2. Kiểm phiếu — {layout}").format(layout=layout))
        if first:
            self.tabs.setCurrentIndex(4 if b.accepted else (1 if b.counting_team else 0))
        self.refresh()

    def set_paper_labels(self, layout: BallotLayout) -> None:
        """Common paper: one sheet per voter, the figures are sheets. Separate papers: one sheet
        per member rated, the figures are those of each member's sheets (not all sheets together)."""
        common = layout == BallotLayout.COMMON
        self.papers_of.setText(tr("<b>Số tờ phiếu chung:</b>") if common else tr("<b>Phiếu của mỗi người được bầu:</b>"))
        tip = (tr("Số tờ phiếu chung (mỗi người biểu quyết một tờ ghi tất cả).") if common else
               tr("Số tờ phiếu của một đồng chí được bầu (mỗi người biểu quyết một tờ cho đồng chí đó), không phải "
                  "tổng số tờ của mọi người."))
        self.papers_of.setToolTip(tip)
        texts = {"issued": tr("Phát &ra:"), "returned": tr("Thu &vào:"), "valid": tr("Hợp &lệ:"),
                 "invalid": tr("Không hợ&p lệ:")}
        for name, text in texts.items():
            self.paper_labels[name].setText(text)
            self.paper_labels[name].setToolTip(tip)

    def refresh(self) -> None:
        b = self.ballot
        if b is None:
            return
        votes = self.votes()
        for e, n in ((self.issued, b.issued), (self.returned, b.returned), (self.valid, b.valid),
                     (self.invalid, b.invalid)):
            if not e.hasFocus():
                e.set_value(n if (b.issued or b.returned or b.valid or b.invalid) else None)
        self.double.blockSignals(True)
        self.double.setChecked(b.double_entry)
        self.double.blockSignals(False)
        for v in votes:
            self.grid.show_counts(v.id, counts_of(v, 1))
            self.grid2.show_counts(v.id, counts_of(v, 2))
        h = self.desk.headcount_at(b.taken_at)
        self.voters.setText(tr("Phát phiếu lúc {at}: {voters} người được biểu quyết có mặt · đảng viên được tính {base} · "
                               "mỗi mức cần trên một nửa: {needed} phiếu. Mỗi dòng: các mức + trống/không hợp lệ "
                               "= số phiếu thu vào.").format(at=b.taken_at, voters=len(h.voters), base=h.base_count,
                                                              needed=(h.base_count // 2) + 1))
        team = [self.desk.subject_name(m) for m in b.counting_team]
        self.team_state.setText(tr("Tổ kiểm phiếu: {names} (tổ trưởng đứng đầu).").format(names=", ".join(team))
                                if team else tr("Chưa có tổ kiểm phiếu: chọn 2–3 người có mặt, tổ trưởng trước."))
        # live checks
        problems = [str(p) for p in self.desk.ballot_problems(b.id)] if not b.accepted else []
        for v in votes:
            total = sum(counts_of(v, 1).values())
            self.grid.mark_row(v.id, not b.accepted and total != b.returned)
        lines = [f"• {html.escape(p)}" for p in problems]
        if not b.accepted and b.returned == 0:
            lines.insert(0, html.escape(tr("Gõ số phiếu phát ra, thu vào, hợp lệ, không hợp lệ rồi số phiếu từng mức.")))
        if b.accepted:
            self.problems.setText(f'<span style="color:{GREEN}"><b>'
                                  + html.escape(tr("Đã chấp nhận kết quả kiểm phiếu. Các phiếu đã được xóa, chỉ giữ "
                                                   "số tổng.")) + "</b></span>")
        elif problems:
            self.problems.setText(f'<span style="color:{RED}"><b>'
                                  + html.escape(tr("Chưa khớp ({n}):").format(n=len(problems))) + "</b><br>"
                                  + "<br>".join(lines) + "</span>")
        else:
            self.problems.setText("<br>".join(lines) if lines else
                                  f'<span style="color:{GREEN}">' + html.escape(tr("Các số liệu khớp nhau.")) + "</span>")
        set_enabled(self.accept_button, not b.accepted and not problems and b.returned > 0)
        self.grid.set_read_only(b.accepted)
        self.grid2.set_read_only(b.accepted)
        for e in (self.issued, self.returned, self.valid, self.invalid):
            set_read_only(e, b.accepted)
        set_enabled(self.double, not b.accepted)
        # second entry: its own differences only
        self.tabs.setTabVisible(2, b.double_entry)
        pending_second = b.double_entry and not b.accepted and bool(
            second_entry_pending({v.id: tally_of("", counts_of(v, 2)) for v in votes}, b.returned))
        started_second = any(counts_of(v, 2) for v in votes)
        covered = pending_second and started_second and not self._uncovered
        if not pending_second:
            self._uncovered = False
        self.grid.setVisible(not covered)
        self.cover.setVisible(covered)
        if b.double_entry:
            first = {v.id: tally_of(self.desk.subject_name(v.subject), counts_of(v, 1)) for v in votes}
            second = {v.id: tally_of(self.desk.subject_name(v.subject), counts_of(v, 2)) for v in votes}
            pending = [str(d) for d in second_entry_pending(second, b.returned)]
            diffs = [str(d) for d in compare_entries(first, second)]
            if pending:       # blind: nothing of the first entry until the second is complete
                self.differences.setText(html.escape(pending[0]) + "".join(
                    f'<br><span style="color:{RED}">• {html.escape(d)}</span>' for d in pending[1:]))
            elif diffs:
                self.differences.setText(f'<span style="color:{RED}"><b>'
                                         + html.escape(tr("Hai lần nhập khác nhau ({n}):").format(n=len(diffs)))
                                         + "</b><br>" + "<br>".join(f"• {html.escape(d)}" for d in diffs) + "</span>")
            else:
                self.differences.setText(f'<span style="color:{GREEN}">'
                                         + html.escape(tr("Hai lần nhập khớp nhau.")) + "</span>")
        self.tabs.setTabVisible(3, not b.accepted)
        self.results.set_votes(votes)
        self.tabs.setTabEnabled(4, b.accepted)

    def _uncover(self) -> None:
        """The first person shows the first entry again (explicitly) while the second is typed."""
        self._uncovered = True
        self.refresh()

    def _tab_changed(self, i: int) -> None:
        # the first entry is not shown while the second person types
        if self.tabs.widget(i) is self.second_tab:
            self.grid2.first_edit() and self.grid2.first_edit().setFocus()

    def report(self, text: str) -> None:
        self.message.setText(text)

    # -- edits ---------------------------------------------------------------------------------------------
    def save_team(self) -> None:
        ids = [p.current_id() for p in self.team_pickers]
        ids = [i for i in ids if i]
        if len(ids) < 2 or len(set(ids)) != len(ids):
            self.report(tr("Tổ kiểm phiếu gồm 2–3 người khác nhau, có mặt tại hội nghị; tổ trưởng ghi trước."))
            return
        if self.run(self.desk.set_counting_team, self.ballot_id, ids):
            self.message.clear()
            self.refresh()
            self.changed.emit()

    def save_papers(self) -> None:
        b = self.ballot
        if b is None or b.accepted:
            return
        if self.run(self.desk.set_papers, b.id, self.issued.value(), self.returned.value(), self.valid.value(),
                    self.invalid.value(), self.double.isChecked()):
            self.refresh()
            self.changed.emit()

    def save_levels(self, vote_id: str, counts: dict, entry: int) -> None:
        if self.run(self.desk.set_levels, vote_id, counts, entry):
            self.refresh()
            self.changed.emit()

    def _tallied(self) -> None:
        b = self.ballot
        if b is not None and not (b.returned or b.valid):
            n = self.papers.stored
            self.run(self.desk.set_papers, b.id, b.issued, n, n, 0)
        self.refresh()
        self.tabs.setCurrentWidget(self.count_tab)
        self.changed.emit()

    def accept(self) -> None:
        if self.run(self.desk.accept_ballot, self.ballot_id):
            self.message.clear()
            self.refresh()
            self.tabs.setCurrentWidget(self.results)
            self.results.table.setFocus()
            self.changed.emit()

    def revote(self, vote_id: str) -> None:
        v = self.run(self.desk.revote_next_level, vote_id)
        if v not in (None, True):
            self.refresh()
            self.changed.emit()
