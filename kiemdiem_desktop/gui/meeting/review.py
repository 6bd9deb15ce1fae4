"""A review step: the committee's collective review, or one member's — the self-review, the
comments with their speakers, the member's answer and the chair's conclusion."""
from __future__ import annotations

import html
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QPushButton,
    QSplitter, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget,
)

from ...model import LEVEL_LABELS, Level
from ...model.review import WRITTEN_SOURCE_LABELS, AgendaStep, StepKind
from ...vn.text import fold
from .collective import CollectiveRatingPanel
from .widgets import (
    AutoSaveText, CommentText, MatchCompleter, MemberPicker, Runner, best, core, is_enter, mods, ranked, tr,
)


class CommentEditDialog(QDialog):
    """Sửa ý kiến: a box as wide as the comment needs and several lines tall; Ctrl+Enter saves
    (as it records a new comment), Esc leaves it unchanged."""

    def __init__(self, speaker: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Sửa ý kiến"))
        self.box = CommentText()
        self.box.setObjectName("commentEdit")
        self.box.setPlainText(text)
        self.box.submit.connect(self.accept)
        line = self.box.fontMetrics().lineSpacing()
        self.box.setMinimumHeight(6 * line)
        label = QLabel(tr("Ý kiến của {name}:").format(name=speaker))
        label.setBuddy(self.box)
        hint = QLabel(tr("Ctrl+Enter để lưu · Esc để thôi"))
        hint.setObjectName("hint")
        buttons = QDialogButtonBox()
        ok = buttons.addButton(tr("&Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAutoDefault(False)
        cancel = buttons.addButton(tr("&Thôi"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(self.box, 1)
        lay.addWidget(hint)
        lay.addWidget(buttons)
        width = max(560, min(900, self.box.fontMetrics().horizontalAdvance("m") * 60))
        self.resize(width, 14 * line)
        self.box.setFocus()
        cursor = self.box.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.box.setTextCursor(cursor)

    def text(self) -> str:
        return self.box.toPlainText()


def level_text(value: str) -> str:
    try:
        return core(LEVEL_LABELS[Level(value)])
    except ValueError:
        return value


def fmt_score(x: float | None) -> str:
    if x is None:
        return "…"
    return str(int(x)) if float(x).is_integer() else f"{x:g}".replace(".", ",")


class CommentTable(QTableWidget):
    edit_requested = Signal()
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and not mods(event):
            self.delete_requested.emit()
            return
        if (event.key() == Qt.Key.Key_F2 or is_enter(event)) and not mods(event):
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)


class ReviewPanel(QWidget):
    """One review step. ``changed`` is emitted after an edit that the header or the agenda shows
    (a comment recorded or removed, the chair of the step)."""

    changed = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.step: AgendaStep | None = None
        self.run = Runner(self, self.report)

        # the chair reviewed: who chairs this part
        self.handover = QFrame()
        self.handover.setObjectName("handover")
        self.handover_text = QLabel()
        self.handover_text.setObjectName("handoverText")
        self.handover_text.setWordWrap(True)
        self.handover_picker = MemberPicker()
        self.handover_picker.setObjectName("handoverPicker")
        self.handover_button = QPushButton(tr("&Giao chủ trì"))
        self.handover_button.clicked.connect(self.hand_over)
        self.handover_picker.returnPressed.connect(self.hand_over)
        hl = QGridLayout(self.handover)
        hl.addWidget(self.handover_text, 0, 0, 1, 3)
        hl.addWidget(QLabel(tr("Người chủ trì phần này:")), 1, 0)
        hl.addWidget(self.handover_picker, 1, 1)
        hl.addWidget(self.handover_button, 1, 2)
        hl.setColumnStretch(1, 1)
        self.handover.hide()

        # what the member wrote, and written comments
        self.self_review_title = QLabel()
        self.self_review_title.setWordWrap(True)
        self.self_review_title.setObjectName("sectionTitle")
        self.self_review = QTextBrowser()
        self.self_review.setObjectName("selfReview")
        self.self_review.setOpenLinks(False)
        self.self_review.anchorClicked.connect(self.open_link)
        self.self_review.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.report_box = AutoSaveText(self._save_text, tr("Tóm tắt báo cáo kiểm điểm được trình bày…"))
        self.report_box.setObjectName("reportBox")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 4, 0)
        ll.addWidget(self.self_review_title)
        ll.addWidget(self.self_review, 3)
        self.report_label = QLabel(tr("Báo cáo được trình bày (tóm tắt):"))
        ll.addWidget(self.report_label)
        ll.addWidget(self.report_box, 2)
        # a collective step: the report (Mẫu 01) and the collectives' self-rating
        self.collective = CollectiveRatingPanel(session, self.run, self.report, self._save_text)
        self.collective.changed.connect(self.changed)
        ll.addWidget(self.collective, 5)
        self.left_layout = ll

        # the comment being typed
        self.speaker = QLineEdit()
        self.speaker.setObjectName("speaker")
        self.speaker.setPlaceholderText(tr("gõ tên: “hung”, “Hùng” hoặc chữ đầu “nvh”"))
        self.completer = MatchCompleter(self._speaker_names, self.speaker)
        self.speaker.returnPressed.connect(self._speaker_enter)
        self.when = QLabel()
        self.when.setObjectName("hint")
        self.text = CommentText()
        self.text.setObjectName("commentText")
        self.text.setPlaceholderText(tr("Nội dung ý kiến… (Ctrl+Enter: ghi và nhập ý kiến tiếp theo)"))
        self.text.submit.connect(self.record_comment)
        self.record = QPushButton(tr("&Ghi ý kiến (Ctrl+Enter)"))
        self.record.setObjectName("recordComment")
        self.record.clicked.connect(self.record_comment)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.comments = CommentTable(0, 3)
        self.comments.setObjectName("comments")
        self.comments.setHorizontalHeaderLabels([tr("Người phát biểu"), tr("Lúc"), tr("Nội dung")])
        self.comments.verticalHeader().setVisible(False)
        self.comments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.comments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.comments.setWordWrap(True)
        self.comments.setTabKeyNavigation(False)
        self.comments.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        ch = self.comments.horizontalHeader()
        ch.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        ch.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        ch.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.comments.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.comments.doubleClicked.connect(lambda _: self.edit_comment())
        self.comments.edit_requested.connect(self.edit_comment)
        self.comments.delete_requested.connect(self.delete_comment)
        self.comments_title = QLabel()
        self.comments_title.setObjectName("sectionTitle")
        self.comments_title.setBuddy(self.comments)
        self.edit_button = QPushButton(tr("Sửa (F2)"))
        self.edit_button.clicked.connect(self.edit_comment)
        self.delete_button = QPushButton(tr("Xóa (Delete)"))
        self.delete_button.clicked.connect(self.delete_comment)
        for b in (self.edit_button, self.delete_button):
            b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        right = QWidget()
        rl = QGridLayout(right)
        rl.setContentsMargins(4, 0, 0, 0)
        title = QLabel(tr("Ý kiến phê bình, góp ý"))
        title.setObjectName("sectionTitle")
        rl.addWidget(title, 0, 0, 1, 3)
        speaker_label = QLabel(tr("&Người phát biểu:"))
        speaker_label.setBuddy(self.speaker)
        rl.addWidget(speaker_label, 1, 0)
        rl.addWidget(self.speaker, 1, 1)
        rl.addWidget(self.when, 1, 2)
        rl.addWidget(self.text, 2, 0, 1, 3)
        under = QHBoxLayout()          # the button's width must not squeeze the speaker field above it
        under.addWidget(self.error, 1)
        under.addWidget(self.record)
        rl.addLayout(under, 3, 0, 1, 3)
        row = QHBoxLayout()
        row.addWidget(self.comments_title, 1)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        rl.addLayout(row, 4, 0, 1, 3)
        rl.addWidget(self.comments, 5, 0, 1, 3)
        rl.setRowStretch(2, 1)
        rl.setRowStretch(5, 3)
        self.fit_heights()
        rl.setColumnStretch(1, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([420, 600])
        self.split = split

        # answer and conclusion
        self.answer = AutoSaveText(self._save_text, tr("Ý kiến tiếp thu, giải trình của người được kiểm điểm…"))
        self.answer.setObjectName("answer")
        self.conclusion = AutoSaveText(self._save_text, tr("Kết luận của người chủ trì…"))
        self.conclusion.setObjectName("conclusion")
        self.answer_label = QLabel(tr("&Tiếp thu, giải trình"))
        self.answer_label.setBuddy(self.answer)
        self.answer_label.setObjectName("sectionTitle")
        conclusion_label = QLabel(tr("&Kết luận của chủ trì"))
        conclusion_label.setBuddy(self.conclusion)
        conclusion_label.setObjectName("sectionTitle")
        bottom = QGridLayout()
        bottom.addWidget(self.answer_label, 0, 0)
        bottom.addWidget(conclusion_label, 0, 1)
        bottom.addWidget(self.answer, 1, 0)
        bottom.addWidget(self.conclusion, 1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.handover)
        layout.addWidget(split, 5)
        layout.addLayout(bottom, 2)

        self.setTabOrder(self.handover_picker, self.handover_button)
        self.setTabOrder(self.handover_button, self.speaker)
        self.setTabOrder(self.speaker, self.text)
        self.setTabOrder(self.text, self.record)
        self.setTabOrder(self.record, self.answer)
        self.setTabOrder(self.answer, self.conclusion)
        self.setTabOrder(self.conclusion, self.report_box)

    def fit_heights(self) -> None:
        """The comment box holds 2–4 lines of the current font (again after a zoom)."""
        line = self.text.fontMetrics().lineSpacing()
        self.text.setMinimumHeight(line * 2 + 14)
        self.text.setMaximumHeight(line * 4 + 14)
        if hasattr(self, "collective"):
            self.collective.fit_heights()

    # -- showing ------------------------------------------------------------------------------
    def focus_step(self, step: AgendaStep) -> None:
        """Where the keyboard goes on this step (the guide's pages registry, pages/__init__.py)."""
        if self.session.flow.needs_handover(step):
            self.handover_picker.setFocus()
        else:
            self.speaker.setFocus()

    def show_step(self, step: AgendaStep) -> None:
        self.flush()
        self.step = step
        member = step.kind == StepKind.MEMBER_REVIEW
        self.error.clear()
        self.speaker.setText("")
        self.text.clear()
        collective = step.kind == StepKind.COLLECTIVE_REVIEW     # the report's summary is in its Mẫu 01 tab
        self.report_box.setVisible(not member and not collective)
        self.report_label.setVisible(not member and not collective)
        self.collective.setVisible(collective)
        self.left_layout.setStretchFactor(self.self_review, 1 if collective else 3)
        self.answer_label.setText(tr("&Tiếp thu, giải trình") if member else tr("&Tiếp thu, giải trình của chi ủy"))
        self.answer.setPlaceholderText(tr("Ý kiến tiếp thu, giải trình của người được kiểm điểm…") if member
                                       else tr("Ý kiến tiếp thu, giải trình của chi ủy…"))
        self.report_box.bind(None if collective else (step.id, "report"), "" if collective else step.report)
        if collective:
            self.collective.show_reviews(step)
        self.answer.bind((step.id, "answer"), step.answer)
        self.conclusion.bind((step.id, "conclusion"), step.conclusion)
        self.self_review.setHtml(self._self_review_html(step))
        self.self_review_title.setText(tr("Bản tự kiểm điểm") if member else tr("Báo cáo kiểm điểm của tập thể"))
        self.update_handover()
        self.fill_comments()
        self.update_time()

    def update_time(self) -> None:
        self.when.setText(tr("lúc {time}").format(time=self.session.clock()))

    def update_handover(self) -> None:
        s, step = self.session, self.step
        needs = step is not None and s.flow.needs_handover(step)
        self.handover.setVisible(needs)
        if not needs:
            return
        name = s.flow.name(step.subject_member_id)
        self.handover_text.setText(tr("Đồng chí {name} đang được kiểm điểm: chọn người chủ trì phần này").format(
            name=name))
        at = s.clock()
        people = [(m.id, m.full_name) for m in s.attendees()
                  if m.id != step.subject_member_id and (a := s.record.attendance.get(m.id)) and a.in_room(at)]
        # the deputy first when there is one
        from ...model import PartyPost

        people.sort(key=lambda p: {PartyPost.DEPUTY: 0, PartyPost.COMMITTEE: 1}.get(s.members[p[0]].party_post, 2))
        self.handover_picker.set_people(people, people[0][0] if people else None)

    def _self_review_html(self, step: AgendaStep) -> str:
        s = self.session
        e = html.escape
        parts = []
        if step.kind == StepKind.MEMBER_REVIEW:
            r = s.record.self_reviews.get(step.subject_member_id or "")
            if r is None or not (r.summary.strip() or r.attachment_name or r.proposed_level):
                parts.append("<p><i>" + e(tr("Chưa nhập bản tự kiểm điểm (Chuẩn bị hội nghị › Bản tự kiểm điểm).")) + "</i></p>")
            else:
                if r.proposed_level:
                    parts.append("<p><b>" + e(tr("Tự đề xuất:")) + "</b> " + e(level_text(r.proposed_level)) + "</p>")
                if s.rules.scoring_kind == "points" and (r.general_score is not None or r.task_score is not None):
                    parts.append("<p><b>" + e(tr("Tự chấm điểm:")) + "</b> " + e(tr(
                        "chung {g}/30 · kết quả thực hiện nhiệm vụ {t}/70 · tổng {total}/100").format(
                        g=fmt_score(r.general_score), t=fmt_score(r.task_score), total=fmt_score(r.total_score)))
                        + "</p>")
                elif r.grades:
                    rows = "".join(f"<li>{e(k)}: <b>{e(v)}</b></li>" for k, v in r.grades.items())
                    parts.append("<p><b>" + e(tr("Tự đánh giá các tiêu chí:")) + "</b></p><ul>" + rows + "</ul>")
                if r.attachment_name:
                    parts.append(f'<p>📎 <a href="open:{e(r.member_id)}">' + e(tr("Mở tệp {name}").format(
                        name=r.attachment_name)) + "</a></p>")
                if r.summary.strip():
                    parts.append("<p>" + e(r.summary).replace("\n", "<br>") + "</p>")
            written = [w for w in s.record.written if w.member_id == step.subject_member_id]
        else:
            written = [w for w in s.record.written if w.member_id is None]
        if written:
            parts.append("<p><b>" + e(tr("Ý kiến bằng văn bản đã nhận:")) + "</b></p><ul>")
            for w in written:
                parts.append(f"<li><i>{e(core(WRITTEN_SOURCE_LABELS[w.source]))}:</i> {e(w.text)}</li>")
            parts.append("</ul>")
        if not parts:
            parts.append("<p><i>" + e(tr("Không có ý kiến bằng văn bản.")) + "</i></p>")
        return "".join(parts)

    def fill_comments(self) -> None:
        comments = self.session.record.comments_of(self.step.id) if self.step else []
        comments = sorted(comments, key=lambda c: c.position)
        self._comment_ids = [c.id for c in comments]
        self.comments.setRowCount(len(comments))
        for r, c in enumerate(comments):
            for col, v in enumerate((c.speaker_name, c.spoken_at, c.text)):
                item = QTableWidgetItem(v)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.comments.setItem(r, col, item)
        self.comments_title.setText(tr("Ý kiến đã &ghi: {n}").format(n=len(comments)))
        if comments:
            self.comments.scrollToBottom()

    def comment_rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.comments.item(r, c).text() for c in range(3)) for r in range(self.comments.rowCount())]

    # -- editing --------------------------------------------------------------------------------
    def report(self, text: str) -> None:
        self.error.setText(text)

    def flush(self) -> None:
        for box in (self.report_box, self.answer, self.conclusion):
            box.flush()
        self.collective.flush()

    @property
    def text_boxes(self) -> tuple[AutoSaveText, ...]:
        return (self.report_box, self.answer, self.conclusion)

    def _save_text(self, key, text: str) -> None:
        step_id, field = key
        self.run(self.session.set_step_text, step_id, field, text)

    def _speakers(self, query: str):
        """Who may speak now, best match first ("yen" → Yến before Nguyễn…; "trinh nga" finds
        Trịnh Thị Nga)."""
        return ranked(query, self.session.speakers("", at=self.session.clock()), lambda p: p.name)

    def _speaker_names(self, query: str) -> list[str]:
        return [p.name for p in self._speakers(query)]

    def _speaker_enter(self) -> None:
        if self.completer.popup().isVisible():
            return
        self.text.setFocus()

    def resolve_speaker(self):
        typed = self.speaker.text().strip()
        if not typed:
            self.report(tr("Chưa ghi người phát biểu."))
            self.speaker.setFocus()
            return None
        found = self._speakers(typed)
        exact = [p for p in found if fold(p.name) == fold(typed)]
        if len(exact) == 1:
            return exact[0]
        top = best(typed, found, lambda p: p.name)
        if len(top) == 1:
            return top[0]
        found = top or found
        if not found:
            self.report(tr("Không có ai đang có mặt hay đại biểu tên “{typed}”.").format(typed=typed))
        else:
            self.report(tr("“{typed}” khớp với {n} người ({names}): gõ thêm cho rõ.").format(
                typed=typed, n=len(found), names=", ".join(p.name for p in found[:4])))
        self.speaker.setFocus()
        return None

    def record_comment(self) -> None:
        if self.step is None:
            return
        body = self.text.toPlainText()
        if not body.strip():
            self.report(tr("Ý kiến chưa có nội dung."))
            self.text.setFocus()
            return
        speaker = self.resolve_speaker()
        if speaker is None:
            return
        if self.run(self.session.add_comment, self.step.id, speaker, body):
            self.error.clear()
            self.speaker.setText("")
            self.text.clear()
            self.completer.popup().hide()
            self.fill_comments()
            self.update_time()
            self.speaker.setFocus()
            self.changed.emit()

    def _selected_comment(self) -> str | None:
        r = self.comments.currentRow()
        return self._comment_ids[r] if 0 <= r < len(self._comment_ids) else None

    def edit_comment(self) -> None:
        cid = self._selected_comment()
        if cid is None:
            return
        c = next(c for c in self.session.record.comments if c.id == cid)
        dlg = CommentEditDialog(c.speaker_name, c.text, self)
        self.comment_dialog = dlg
        ok = dlg.exec() == CommentEditDialog.DialogCode.Accepted
        text = dlg.text()
        if ok and text.strip() and text != c.text:
            if self.run(self.session.edit_comment, cid, text):
                self.fill_comments()
                self.changed.emit()

    def delete_comment(self) -> None:
        cid = self._selected_comment()
        if cid is None:
            return
        if self.run(self.session.delete_comment, cid):
            self.fill_comments()
            self.report(tr("Đã xóa ý kiến (Ctrl+Z để khôi phục)."))
            self.changed.emit()

    def hand_over(self) -> None:
        if self.step is None:
            return
        pid = self.handover_picker.current_id()
        if pid is None:
            self.report(tr("Chọn một đồng chí đang có mặt để chủ trì phần này."))
            return
        if self.run(self.session.set_step_chair, self.step.id, pid):
            self.update_handover()
            self.speaker.setFocus()
            self.changed.emit()

    def open_link(self, url: QUrl) -> None:
        member_id = url.toString().removeprefix("open:")
        found = self.session.attachment(member_id)
        if not found:
            self.report(tr("Không tìm thấy tệp đính kèm."))
            return
        name, data = found
        folder = Path(tempfile.mkdtemp(prefix="kiemdiem-"))
        path = folder / name
        path.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
