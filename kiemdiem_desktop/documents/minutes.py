"""Biên bản hội nghị kiểm điểm, đánh giá, xếp loại chất lượng (DOMAIN.md §7), from the
meeting's data, in the order of the meeting; PDF (the record) and Word from the same blocks.
Vietnamese, never translated."""
from __future__ import annotations

from pathlib import Path

from ..flow.history import revision_sentences
from ..model import CATEGORY_LABELS, Category, Level
from ..model.attendance import Presence
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.meeting import MeetingKind, MeetingState
from ..model.member import PARTY_POST_LABELS
from ..model.review import WRITTEN_SOURCE_LABELS, StepKind
from ..model.vote import CELL, VoteKind, VoteMethod
from ..rules.findings import vn_number
from ..voting import VotingDesk
from .base import HeaderInfo, Marking
from .blocks import DocumentBlocks, Gap, Heading, Para, Signatures, TableBlock, Title, write_docx, write_pdf


def _time_words(hhmm: str) -> str:
    if not hhmm or ":" not in hhmm:
        return "… giờ …"
    h, m = hhmm.split(":")[:2]
    return f"{int(h)} giờ {m}"


def _score(value) -> str:
    return "" if value is None else vn_number(value, decimals=2)


class MinutesWriter:
    """The minutes as blocks, read from a VotingDesk (the session and its votes)."""

    def __init__(self, desk: VotingDesk, locality: str | None = None):
        self.desk, self.s = desk, desk.s
        self.locality = desk.s.cell.locality if locality is None else locality
        self.doc = DocumentBlocks(f"Biên bản hội nghị kiểm điểm năm {self.s.meeting.rating_year}")

    def name(self, member_id: str | None) -> str:
        m = self.s.members.get(member_id or "")
        return m.full_name if m else "…"

    def post(self, member_id: str | None) -> str:
        m = self.s.members.get(member_id or "")
        return PARTY_POST_LABELS[m.party_post] if m and m.party_post.value != "member" else ""

    def line(self, text: str) -> None:
        self.doc.add(Para.of(text, indent=False))

    # -- opening ----------------------------------------------------------------------------------------
    def opening(self) -> None:
        m, cell = self.s.meeting, self.s.cell
        kind = ("hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm" if m.kind == MeetingKind.MAIN
                else "buổi kiểm điểm bổ sung, đánh giá, xếp loại chất lượng năm")
        self.doc.add(HeaderInfo(cell.higher_org, cell.name, m.document_number, self.locality, m.meeting_date),
                     Title("BIÊN BẢN", f"{kind} {m.rating_year}"))
        day = m.meeting_date
        when = f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}" if day else "ngày … tháng … năm …"
        self.doc.add(Para.of(f"Hồi {_time_words(m.start_time)} {when}, tại {m.place or '…'}, {cell.name} "
                             f"tiến hành {kind} {m.rating_year}."))
        post = self.post(m.chair_id)
        self.doc.add(Para([("- Chủ trì: đồng chí ", ""), (self.name(m.chair_id), "b"),
                           (f", {post}." if post else ".", "")], indent=False),
                     Para([("- Thư ký hội nghị: đồng chí ", ""), (self.name(m.minute_taker_id), "b"), (".", "")],
                          indent=False))
        if m.delegates:
            self.line("- Đại biểu dự:")
            for d in m.delegates:
                self.line(f"   + Đồng chí {d.name}" + (f", {d.title}" if d.title else "") + ".")
        self.membership()
        self.grounds()

    def membership(self) -> None:
        s, cats = self.s, self.s.categories
        in_cell = [m for m in s.member_list if cats[m.id] not in (Category.NOT_IN_CELL, Category.VISITING)]
        official = sum(1 for m in in_cell if cats[m.id] == Category.OFFICIAL)
        probation = sum(1 for m in in_cell if cats[m.id] in (Category.PROBATIONARY, Category.PROBATIONARY_RECENT))
        h = self.desk.headcount_at(s.meeting.start_time or "00:00")
        share = vn_number(100 * h.present_in_base / h.base_count, 1) if h.base_count else "0"
        self.doc.add(Heading("Số lượng đảng viên:"))
        others: dict[str, int] = {}
        for m in in_cell:
            if cats[m.id] not in (Category.OFFICIAL, Category.PROBATIONARY, Category.PROBATIONARY_RECENT):
                label = CATEGORY_LABELS[cats[m.id]].lower()
                others[label] = others.get(label, 0) + 1
        extra = "".join(f"; {label}: {n}" for label, n in others.items())
        self.line(f"- Tổng số đảng viên của chi bộ: {len(in_cell)} đồng chí (chính thức: {official}; "
                  f"dự bị: {probation}{extra}).")
        self.line(f"- Số đảng viên được tính khi khai mạc: {h.base_count} đồng chí; có mặt: {h.present_in_base} "
                  f"đồng chí ({share}%); cần có mặt ít nhất {h.quorum_needed} đồng chí (2/3).")
        absent = [(m, a) for m in in_cell if (a := s.record.attendance.get(m.id)) is not None
                  and not a.present_at_opening]
        if absent:
            self.line(f"- Vắng mặt khi khai mạc: {len(absent)} đồng chí:")
            reasons = {Presence.ABSENT_APPROVED: "có lý do, được chủ trì chấp thuận",
                       Presence.ABSENT_UNAPPROVED: "lý do không được chấp thuận",
                       Presence.ABSENT_NO_REASON: "không có lý do"}
            for m, a in absent:
                extra = f" ({a.reason})" if a.reason else ""
                late = f"; đến dự từ {a.arrived_at}" if a.arrived_at else ""
                self.line(f"   + Đồng chí {m.full_name}: {reasons.get(a.status, '')}{extra}{late}.")
        for m in in_cell:
            a = s.record.attendance.get(m.id)
            if a and a.left_at:
                self.line(f"- Đồng chí {m.full_name} xin về sớm lúc {a.left_at}" + (f" ({a.reason})" if a.reason
                                                                                     else "") + ".")

    def grounds(self) -> None:
        rules = self.s.rules
        self.doc.add(Heading("Căn cứ và cách tính:"))
        self.line(f"- Quy định {rules.regulation_code} và Hướng dẫn {rules.guidance_code} "
                  f"(áp dụng cho năm đánh giá {self.s.meeting.rating_year}).")
        for line in self.desk.settings.describe():
            self.line(f"- {line}.")

    # -- the steps -------------------------------------------------------------------------------------
    def step(self, step) -> None:
        self.doc.add(Heading(f"{step.position + 1}. {step.title}"))
        if step.chair_id and step.chair_id != self.s.meeting.chair_id:
            reviewed = step.subject_member_id == self.s.meeting.chair_id
            self.doc.add(Para.of(f"Đồng chí {self.name(step.chair_id)} chủ trì phần này"
                                 + (f" (đồng chí {self.name(self.s.meeting.chair_id)} là người được kiểm điểm)"
                                    if reviewed else "") + "."))
        if step.kind == StepKind.MEMBER_REVIEW:
            self.self_review(step)
        elif step.report:
            self.doc.add(Para.of(step.report))
        self.comments(step)
        if step.answer:
            who = f"Đồng chí {self.name(step.subject_member_id)} tiếp thu, giải trình: " \
                if step.kind == StepKind.MEMBER_REVIEW else "Tiếp thu, giải trình: "
            self.doc.add(Para.of(who + step.answer))
        if step.conclusion:
            self.doc.add(Para([("Kết luận của chủ trì: ", "b"), (step.conclusion, "")]))
        if step.notes:     # what the guide's "Ghi chú" holds is part of the record (issue 17 item 3)
            self.doc.add(Para.of(step.notes))
        for v in self.s.record.votes:
            if v.step_id == step.id and not (v.kind == VoteKind.RATING and v.method == VoteMethod.BALLOT):
                self.vote_line(v)
        if step.kind in (StepKind.RATING_VOTES, StepKind.CELL_RATING):
            self.ballots(step)
            self.results(cell=step.kind == StepKind.CELL_RATING)
        if step.kind == StepKind.RESULTS and not (step.report or step.conclusion):
            self.doc.add(Para.of(f"Đồng chí {self.name(self.s.flow.chair_of(step))} công bố kết quả biểu quyết "
                                 f"xếp loại chất lượng năm {self.s.meeting.rating_year} như các bảng trên."))

    def self_review(self, step) -> None:
        mid = step.subject_member_id
        review = self.s.record.self_reviews.get(mid or "")
        if review:
            level = LEVEL_LABELS[Level(review.proposed_level)] if review.proposed_level else "…"
            scores = ""
            if review.total_score is not None:
                scores = (f", tự chấm {_score(review.total_score)}/100 điểm (chung {_score(review.general_score)}/30; "
                          f"kết quả thực hiện nhiệm vụ {_score(review.task_score)}/70)")
            elif review.grades:
                scores = ", tự đánh giá: " + "; ".join(f"{k}: {v}" for k, v in review.grades.items())
            self.doc.add(Para.of(f"Đồng chí {self.name(mid)} trình bày bản tự kiểm điểm{scores}; "
                                 f"tự xếp loại mức “{level}”."))
            if review.summary:
                self.doc.add(Para.of(review.summary))
        elif step.report:
            self.doc.add(Para.of(step.report))
        for w in self.s.record.written:
            if w.member_id == mid:
                self.doc.add(Para.of(f"{WRITTEN_SOURCE_LABELS[w.source]}: {w.text}"))

    def comments(self, step) -> None:
        cs = self.s.record.comments_of(step.id)
        if cs:
            self.line("Ý kiến phát biểu:")
        for c in cs:
            self.doc.add(Para([("- Đồng chí ", ""), (c.speaker_name, "b"),
                               (f" ({c.spoken_at})" if c.spoken_at else "", ""), (f": {c.text}", "")]))

    def vote_line(self, v) -> None:
        r = self.desk.result(v)
        how = "bỏ phiếu kín" if v.method == VoteMethod.BALLOT else "biểu quyết giơ tay"
        self.doc.add(Para([(f"Biểu quyết ({how}, lúc {v.taken_at})", "i"), (f" — {v.question}: {r.summary()}.", "")]))

    def ballots(self, step) -> None:
        for b in self.s.record.ballots.values():
            if b.step_id != step.id or not b.accepted:
                continue
            team = ", ".join(self.name(m) for m in b.counting_team) or "…"
            h = self.desk.headcount_at(b.taken_at)
            self.doc.add(Para.of(f"Hội nghị bỏ phiếu kín lúc {b.taken_at}. Tổ kiểm phiếu: {team}. Số đảng viên được "
                                 f"tính: {h.base_count}; có mặt: {h.present_in_base}; số phiếu phát ra: {b.issued}; "
                                 f"thu vào: {b.returned}; hợp lệ: {b.valid}; không hợp lệ: {b.invalid}."))

    def results(self, cell: bool) -> None:
        subjects = [s for s in self.desk.rating_subjects() if (s == CELL) == cell]
        rows = []
        for i, subj in enumerate(subjects, 1):
            v = self.desk.final_vote(subj)
            r = self.desk.result(v) if v else None
            proposed = self.desk.proposed_level(subj)
            review = self.s.record.self_reviews.get(subj)
            base = r.headcount.base_count if r else 0
            counts = [f"{c.votes}/{base}" for c in r.rating.counts] if r and r.rating else ["", "", "", ""]
            reached = (LEVEL_ABBREVIATIONS[r.rating.reached] if r and r.rating and r.rating.reached
                       else ("chưa đạt" if r else ""))
            rows.append([str(i), self.desk.subject_name(subj), LEVEL_ABBREVIATIONS.get(proposed, "") if proposed else "",
                         _score(review.total_score) if review and review.total_score is not None else "",
                         *counts, reached])
        if not rows:
            return
        how = ("số phiếu / số đảng viên được tính; phiếu cho mức cao được cộng cho mức thấp hơn"
               if self.desk.settings.cumulative else "số phiếu / số đảng viên được tính")
        self.line(f"Kết quả biểu quyết xếp loại ({how}):")
        self.doc.add(TableBlock(["STT", "Họ và tên", "Tự xếp loại", "Điểm", "HTXSNV", "HTTNV", "HTNV", "KHTNV",
                                 "Chi bộ đề xuất"], rows, [10, 32, 18, 12, 18, 18, 18, 18], bold_columns=(8,)),
                     Gap(2))
        self.findings_notes(subjects)
        if not cell:
            for q in self.desk.quota():
                tail = (" — để cấp ủy cấp trên xem xét." if q.advisory and q.over
                        else " — vượt tỷ lệ cho phép." if q.over else ".")
                self.line(f"Tỷ lệ Hoàn thành xuất sắc nhiệm vụ ({q.group or 'toàn chi bộ'}): {q.text}{tail}")

    def findings_notes(self, subjects: list[str]) -> None:
        """Every blocking finding with the reason the meeting gave, then the warnings shown."""
        lines: list[Para] = []
        for subj in subjects:
            level = self.desk.voted_level(subj)
            if level is None:
                continue
            reasons = self.desk.record.proposals.get(subj)
            for f in self.desk.findings(subj, level):
                if f.rule.startswith("chua-nhap."):
                    continue
                if f.kind.value == "finding":
                    why = (reasons.justifications.get(f.rule, "") if reasons else "").rstrip(" .")
                    lines.append(Para([("- ", ""), (self.desk.subject_name(subj), "b"),
                                       (f": {f.message} ({f.article}). Hội nghị vẫn đề xuất mức "
                                        f"{LEVEL_LABELS[level]}, lý do: {why or '(chưa ghi)'}.", "")], indent=False))
                else:
                    lines.append(Para.of(f"- {self.desk.subject_name(subj)} (lưu ý): {f.message} ({f.article}).",
                                         indent=False))
        if lines:
            self.line("Đối chiếu với quy định:")
            self.doc.add(*lines)

    # -- closing ----------------------------------------------------------------------------------------
    def closing(self) -> None:
        m = self.s.meeting
        if m.end_time:
            self.doc.add(Para.of(f"Hội nghị kết thúc vào hồi {_time_words(m.end_time)} cùng ngày."))
        for sentence in revision_sentences(self.s.history()):     # each reopening, when and why
            self.doc.add(Para.of(sentence))
        self.doc.add(Signatures("THƯ KÝ", self.name(m.minute_taker_id), "CHỦ TRÌ", self.name(m.chair_id)))

    def build(self) -> DocumentBlocks:
        self.opening()
        self.doc.add(Heading("NỘI DUNG HỘI NGHỊ"))
        for step in self.s.record.steps:
            if (step.kind == StepKind.MEMBER_REVIEW and self.s.flow.subject_absent(step, step.started_at or "23:59")
                    and not self.s.record.comments_of(step.id)):
                continue   # absent: reviewed at the supplementary session
            self.step(step)
        self.closing()
        return self.doc


def minutes_marking(desk: VotingDesk) -> Marking:
    """DỰ THẢO until the adoption vote locks the minutes; then the revision number (1, 2…)."""
    m = desk.s.meeting
    return Marking(draft=m.state != MeetingState.LOCKED, revision=m.revision)


def build_minutes(desk: VotingDesk, target: str | Path, *, locality: str | None = None) -> Path:
    return write_pdf(MinutesWriter(desk, locality).build(), target, minutes_marking(desk))


def build_minutes_docx(desk: VotingDesk, target: str | Path, *, locality: str | None = None) -> Path:
    return write_docx(MinutesWriter(desk, locality).build(), target, minutes_marking(desk))
