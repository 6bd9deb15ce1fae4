"""The collectives' self-rating in the collective review step (Mẫu 01): who presented the report,
its strengths, shortcomings and remedies, and for the committee and the cell their own score
(30 + 70 under Quy định 366, criteria grades under 124) and the level each proposes for itself.
Every field is saved as it is typed (MeetingSession.set_collective_review, undoable)."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QGridLayout, QLabel, QLineEdit, QScrollArea, QSizePolicy, QTabWidget, QWidget,
)

from ...model import LEVEL_LABELS, Level
from ...model.levels import LEVEL_ABBREVIATIONS
from ...model.vote import CELL, COMMITTEE
from .widgets import AutoSaveText, MatchCompleter, Runner, core, tr

GRADES = ("Xuất sắc", "Tốt", "Trung bình", "Kém")
LIMITS = {"general_score": 30, "task_score": 70}


def fmt_score(x: float | None) -> str:
    """27 -> "27"; 27.5 -> "27,5"; None -> "…"."""
    if x is None:
        return "…"
    return str(int(x)) if float(x).is_integer() else f"{x:g}".replace(".", ",")


def parse_score(text: str) -> float | None | bool:
    """"27,5" / "27.5" -> 27.5; "" -> None (not entered); anything else -> False."""
    t = text.strip().replace(",", ".")
    if not t:
        return None
    try:
        return float(t)
    except ValueError:
        return False


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class ScoreEdit(QLineEdit):
    """A score typed with a comma or a dot ("27,5"); empty = not entered."""

    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setToolTip(tr("từ 0 đến {n}; để trống nếu chưa có").format(n=LIMITS[field]))

    def sizeHint(self) -> QSize:      # "27,5" fits at any zoom
        return QSize(self.fontMetrics().horizontalAdvance("00,00") + 16, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class CollectiveRatingPanel(QTabWidget):
    """Two tabs: the report (Mẫu 01) of the collective reviewed at this step (with the summary of
    the report as presented, the step's own text), and the self-rating of the committee and of the
    cell. The pages scroll rather than force the window taller. ``changed`` after each saved edit."""

    changed = Signal()

    def __init__(self, session, run: Runner, report, save_step_text, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("collectiveRating")
        self.session = session
        self.run = run
        self.report = report
        self.step_id: str | None = None
        self.subject = COMMITTEE if session.cell.has_committee else CELL
        points = session.rules.scoring_kind == "points"

        # -- the report (Mẫu 01) ---------------------------------------------------------------------
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(6, 6, 6, 6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.presenter = QLineEdit()
        self.presenter.setObjectName("presenter")
        self.presenter.setPlaceholderText(tr("gõ tên: “hung”, “Hùng” hoặc chữ đầu “nvh”"))
        self.presenter_completer = MatchCompleter(self._people, self.presenter)
        self.presenter.editingFinished.connect(self._save_presenter)
        self.summary = AutoSaveText(save_step_text, tr("Tóm tắt báo cáo kiểm điểm được trình bày…"))
        self.summary.setObjectName("reportBox")
        self.strengths = AutoSaveText(self._save_text, tr("Ưu điểm, kết quả đạt được (tóm tắt)…"))
        self.strengths.setObjectName("strengths")
        self.shortcomings = AutoSaveText(self._save_text, tr("Hạn chế, khuyết điểm và nguyên nhân (tóm tắt)…"))
        self.shortcomings.setObjectName("shortcomings")
        self.remedies = AutoSaveText(self._save_text, tr("Phương hướng, biện pháp khắc phục (tóm tắt)…"))
        self.remedies.setObjectName("remedies")
        for label, tip, w in (
                (tr("&Trình bày:"), tr("Người trình bày báo cáo kiểm điểm của tập thể"), self.presenter),
                (tr("Tóm tắt:"), tr("Tóm tắt báo cáo kiểm điểm được trình bày"), self.summary),
                (tr("Ưu điểm:"), tr("Ưu điểm, kết quả đạt được"), self.strengths),
                (tr("Hạn chế:"), tr("Hạn chế, khuyết điểm và nguyên nhân"), self.shortcomings),
                (tr("Khắc phục:"), tr("Phương hướng, biện pháp khắc phục"), self.remedies)):
            lab = QLabel(label)
            lab.setToolTip(tip)
            lab.setBuddy(w)
            form.addRow(lab, w)
        self.fit_heights()
        self.addTab(_scrolling(page), tr("Báo cáo (Mẫu 01)"))
        self.setTabToolTip(0, tr("Báo cáo kiểm điểm của tập thể (Mẫu 01)"))

        # -- the self-rating of the committee and the cell -----------------------------------------------
        rating = QWidget()
        grid = QGridLayout(rating)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setHorizontalSpacing(6)
        subjects = ([(COMMITTEE, tr("Tập thể\nchi ủy"))] if session.cell.has_committee else []) + \
            [(CELL, tr("Chi bộ"))]
        self.criteria = [] if points else list(session.rules.data["scoring"].get("criteria", []))
        # one column per collective, one row per figure: narrow enough for the left column at 150 %
        rows = ([("general_score", tr("Chung /30"), tr("Điểm các tiêu chí chung (tối đa 30)")),
                 ("task_score", tr("Nhiệm vụ /70"), tr("Điểm kết quả thực hiện nhiệm vụ (tối đa 70)")),
                 ("total", tr("Tổng /100"), tr("Tổng điểm tự chấm (tối đa 100)"))] if points
                else [(c, c, c) for c in self.criteria])
        rows.append(("level", tr("Tự đề xuất"), tr("Mức xếp loại tập thể tự đề xuất")))
        for r, (_, text, tip) in enumerate(rows, 1):
            lab = QLabel(text)
            lab.setToolTip(tip)
            lab.setWordWrap(True)
            grid.addWidget(lab, r, 0)
        self.scores: dict[str, dict[str, ScoreEdit]] = {}
        self.totals: dict[str, QLabel] = {}
        self.grades: dict[str, dict[str, QComboBox]] = {}
        self.levels: dict[str, QComboBox] = {}
        for col, (subject, name) in enumerate(subjects, 1):
            head = QLabel(f"<b>{name.replace(chr(10), '<br>')}</b>")
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, col)
            row = 1
            if points:
                self.scores[subject] = {}
                for field in ("general_score", "task_score"):
                    e = ScoreEdit(field)
                    e.setObjectName(f"{subject}_{field}")
                    e.editingFinished.connect(lambda s=subject, e=e: self._save_score(s, e))
                    self.scores[subject][field] = e
                    grid.addWidget(e, row, col, alignment=Qt.AlignmentFlag.AlignCenter)
                    row += 1
                total = QLabel("…")
                total.setObjectName(f"{subject}_total")
                total.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.totals[subject] = total
                grid.addWidget(total, row, col)
                row += 1
            else:
                self.grades[subject] = {}
                for crit in self.criteria:
                    box = QComboBox()
                    box.addItem("", "")
                    for g in GRADES:
                        box.addItem(g, g)
                    box.setToolTip(crit)
                    box.activated.connect(lambda _=0, s=subject: self._save_grades(s))
                    self.grades[subject][crit] = box
                    grid.addWidget(box, row, col)
                    row += 1
            level = QComboBox()
            level.setObjectName(f"{subject}_level")
            level.addItem("", "")
            for lv in Level:      # the abbreviation keeps the column narrow; the full name as its tip
                level.addItem(core(LEVEL_ABBREVIATIONS[lv]), lv.value)
                level.setItemData(level.count() - 1, core(LEVEL_LABELS[lv]), Qt.ItemDataRole.ToolTipRole)
            level.setToolTip(tr("Mức tập thể tự đề xuất"))
            level.activated.connect(lambda _=0, s=subject, b=level: self._save(s, proposed_level=b.currentData()))
            self.levels[subject] = level
            grid.addWidget(level, row, col)
        note = QLabel(tr("In trong biên bản; tổng điểm được đối chiếu với quy định khi biểu quyết xếp loại tập thể."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        grid.addWidget(note, len(rows) + 1, 0, 1, len(subjects) + 2)
        grid.setRowStretch(len(rows) + 2, 1)
        grid.setColumnStretch(len(subjects) + 1, 1)
        self.addTab(_scrolling(rating), tr("Tự chấm, tự xếp loại"))
        self.setTabToolTip(1, tr("Tự chấm điểm, tự đề xuất mức xếp loại của chi ủy và chi bộ"))
        chain = [self.presenter, self.summary, self.strengths, self.shortcomings, self.remedies]
        for subject, level in self.levels.items():
            chain += [*self.scores.get(subject, {}).values(), *self.grades.get(subject, {}).values(), level]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def fit_heights(self) -> None:
        """Each text box holds 2–5 lines of the current font (again after a zoom)."""
        for box in (self.summary, self.strengths, self.shortcomings, self.remedies):
            line = box.fontMetrics().lineSpacing()
            box.setMinimumHeight(line * 2 + 12)
            box.setMaximumHeight(line * 5 + 12)

    # -- showing ------------------------------------------------------------------------------------
    def show_reviews(self, step) -> None:
        self.step_id = step.id
        self.summary.bind((step.id, "report"), step.report)
        reviews = self.session.record.collective_reviews
        own = reviews.get(self.subject)
        self.presenter.setText(own.presenter if own else "")
        self.strengths.bind((self.subject, "strengths"), own.strengths if own else "")
        self.shortcomings.bind((self.subject, "shortcomings"), own.shortcomings if own else "")
        self.remedies.bind((self.subject, "remedies"), own.remedies if own else "")
        for subject, level in self.levels.items():
            r = reviews.get(subject)
            level.setCurrentIndex(max(0, level.findData(r.proposed_level if r else "")))
            for field, e in self.scores.get(subject, {}).items():
                value = getattr(r, field) if r else None
                e.setText("" if value is None else fmt_score(value))
            if subject in self.totals:
                self.totals[subject].setText(fmt_score(r.total_score) if r else "…")
            for crit, box in self.grades.get(subject, {}).items():
                box.setCurrentIndex(max(0, box.findData((r.grades if r else {}).get(crit, ""))))

    def flush(self) -> None:
        for box in (self.summary, self.strengths, self.shortcomings, self.remedies):
            box.flush()

    # -- saving -------------------------------------------------------------------------------------
    def _people(self, query: str) -> list[str]:
        from ...vn.text import matches

        return [m.full_name for m in self.session.attendees() if matches(query, m.full_name)]

    def _save(self, subject: str, **fields) -> bool:
        ok = bool(self.run(self.session.set_collective_review, subject, **fields))
        if ok:
            self.report("")
            self.changed.emit()
        return ok

    def _save_text(self, key, text: str) -> None:
        subject, field = key
        self._save(subject, **{field: text})

    def _save_presenter(self) -> None:
        if self.presenter_completer.popup().isVisible():
            return
        own = self.session.record.collective_reviews.get(self.subject)
        text = self.presenter.text().strip()
        if text != (own.presenter if own else ""):
            self._save(self.subject, presenter=text)

    def _save_score(self, subject: str, edit: ScoreEdit) -> None:
        r = self.session.record.collective_reviews.get(subject)
        before = getattr(r, edit.field) if r else None
        value = parse_score(edit.text())
        if value is False:
            self.report(tr("“{text}” không phải là điểm: gõ số, ví dụ 27 hoặc 27,5.").format(text=edit.text()))
            edit.setText("" if before is None else fmt_score(before))
            return
        if value == before:
            return
        if not self._save(subject, **{edit.field: value}):
            edit.setText("" if before is None else fmt_score(before))
            return
        r = self.session.record.collective_reviews[subject]
        edit.setText("" if value is None else fmt_score(value))
        self.totals[subject].setText(fmt_score(r.total_score))

    def _save_grades(self, subject: str) -> None:
        self._save(subject, grades={c: b.currentData() for c, b in self.grades[subject].items() if b.currentData()})
