"""Biên bản hội nghị kiểm điểm, đánh giá, xếp loại chất lượng (DOMAIN.md §7), from the
meeting's data, in the order of the meeting. Vietnamese, never translated."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from ..model import Category, Level
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.member import PARTY_POST_LABELS
from ..model.attendance import Presence
from ..model.meeting import MeetingKind, MeetingState
from ..model.review import StepKind
from ..model.vote import CELL, VoteMethod
from ..rules.findings import vn_number
from ..voting import VotingDesk
from .base import (
    TEXT_WIDTH, HeaderInfo, Marking, build_pdf, grid, header_block, markup, p, signature_block, styles, x,
)


def _time_words(hhmm: str) -> str:
    if not hhmm or ":" not in hhmm:
        return "… giờ …"
    h, m = hhmm.split(":")[:2]
    return f"{int(h)} giờ {m}"


def _score(value) -> str:
    return "" if value is None else vn_number(value, decimals=2)


class MinutesWriter:
    """Builds the story of the minutes from a VotingDesk (session + votes)."""

    def __init__(self, desk: VotingDesk, locality: str = ""):
        self.desk = desk
        self.s = desk.s
        self.st = styles()
        self.locality = locality

    def name(self, member_id: str | None) -> str:
        m = self.s.members.get(member_id or "")
        return m.full_name if m else "…"

    def title_of(self, member_id: str | None) -> str:
        m = self.s.members.get(member_id or "")
        if not m:
            return ""
        post = PARTY_POST_LABELS[m.party_post]
        return "" if m.party_post.value == "member" else post

    # -- parts -----------------------------------------------------------------------------------
    def opening(self) -> list:
        m, cell, st = self.s.meeting, self.s.cell, self.st
        kind = ("hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm" if m.kind == MeetingKind.MAIN
                else "buổi kiểm điểm bổ sung, đánh giá, xếp loại chất lượng năm")
        story = [header_block(HeaderInfo(cell.higher_org, cell.name, m.document_number, self.locality,
                                         m.meeting_date)),
                 Spacer(1, 8 * mm), p("BIÊN BẢN", st.title), p(f"{kind} {m.rating_year}", st.subtitle)]
        day = m.meeting_date
        when = (f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}" if day else "ngày … tháng … năm …")
        story.append(p(f"Hồi {_time_words(m.start_time)} {when}, tại {m.place or '…'}, {cell.name} tiến hành "
                       f"{kind} {m.rating_year}."))
        chair, taker = m.chair_id, m.minute_taker_id
        story.append(markup(f"- Chủ trì: đồng chí <b>{x(self.name(chair))}</b>"
                            + (f", {x(self.title_of(chair))}" if self.title_of(chair) else "") + ".", st.body_left))
        story.append(markup(f"- Thư ký hội nghị: đồng chí <b>{x(self.name(taker))}</b>.", st.body_left))
        if m.delegates:
            story.append(p("- Đại biểu dự:", st.body_left))
            for d in m.delegates:
                story.append(p(f"   + Đồng chí {d.name}" + (f", {d.title}" if d.title else "") + ".", st.body_left))
        story += self.membership()
        story += self.grounds()
        return story

    def membership(self) -> list:
        st, s = self.st, self.s
        cats = s.categories
        in_cell = [m for m in s.member_list if cats[m.id] not in (Category.NOT_IN_CELL, Category.VISITING)]
        official = sum(1 for m in in_cell if cats[m.id] == Category.OFFICIAL)
        probation = sum(1 for m in in_cell if cats[m.id] in (Category.PROBATIONARY, Category.PROBATIONARY_RECENT))
        opening = s.record.meeting.start_time or "00:00"
        h = self.desk.headcount_at(opening)
        absent = [(m, s.record.attendance.get(m.id)) for m in in_cell
                  if (a := s.record.attendance.get(m.id)) is not None and not a.present_at_opening]
        out = [p("Số lượng đảng viên:", st.heading),
               p(f"- Tổng số đảng viên của chi bộ: {len(in_cell)} đồng chí (chính thức: {official}; "
                 f"dự bị: {probation}).", st.body_left),
               p(f"- Số đảng viên được tính khi khai mạc: {h.base_count} đồng chí; có mặt: {h.present_in_base} "
                 f"đồng chí ({vn_number(100 * h.present_in_base / h.base_count, 1) if h.base_count else 0}%); "
                 f"cần có mặt ít nhất {h.quorum_needed} đồng chí (2/3).", st.body_left)]
        if absent:
            out.append(p(f"- Vắng mặt khi khai mạc: {len(absent)} đồng chí:", st.body_left))
            for m, a in absent:
                reason = {Presence.ABSENT_APPROVED: "có lý do, được chủ trì chấp thuận",
                          Presence.ABSENT_UNAPPROVED: "lý do không được chấp thuận",
                          Presence.ABSENT_NO_REASON: "không có lý do"}.get(a.status, "")
                extra = f" ({a.reason})" if a.reason else ""
                late = f"; đến dự từ {a.arrived_at}" if a.arrived_at else ""
                out.append(p(f"   + Đồng chí {m.full_name}: {reason}{extra}{late}.", st.body_left))
        leavers = [(m, a) for m in in_cell if (a := s.record.attendance.get(m.id)) and a.left_at]
        for m, a in leavers:
            out.append(p(f"- Đồng chí {m.full_name} xin về sớm lúc {a.left_at}"
                         + (f" ({a.reason})" if a.reason else "") + ".", st.body_left))
        return out

    def grounds(self) -> list:
        st, rules = self.st, self.s.rules
        out = [p("Căn cứ và cách tính:", st.heading),
               p(f"- Quy định {rules.regulation_code} và Hướng dẫn {rules.guidance_code} "
                 f"(áp dụng cho năm đánh giá {self.s.meeting.rating_year}).", st.body_left)]
        out += [p(f"- {line}.", st.body_left) for line in self.desk.settings.describe()]
        return out

    def step(self, step) -> list:
        st = self.st
        out: list = [CondPageBreak(30 * mm), p(f"{step.position + 1}. {step.title}", st.heading)]
        if step.chair_id and step.chair_id != self.s.meeting.chair_id:
            out.append(p(f"Đồng chí {self.name(step.chair_id)} chủ trì phần này"
                         + (f" (đồng chí {self.name(self.s.meeting.chair_id)} là người được kiểm điểm)"
                            if step.subject_member_id == self.s.meeting.chair_id else "") + ".", st.body))
        if step.kind == StepKind.MEMBER_REVIEW:
            out += self.member_review(step)
        else:
            if step.report:
                out.append(p(step.report))
            out += self.comments(step)
            if step.answer:
                out.append(p(f"Tiếp thu, giải trình: {step.answer}"))
            if step.conclusion:
                out.append(markup(f"<b>Kết luận của chủ trì:</b> {x(step.conclusion)}"))
        for v in [v for v in self.s.record.votes if v.step_id == step.id]:
            out.append(self.vote_line(v))
        if step.kind == StepKind.RATING_VOTES or step.kind == StepKind.CELL_RATING:
            out += self.results_table(cell=step.kind == StepKind.CELL_RATING)
        return out

    def member_review(self, step) -> list:
        st, mid = self.st, step.subject_member_id
        review = self.s.record.self_reviews.get(mid or "")
        out = []
        if review:
            level = LEVEL_LABELS.get(Level(review.proposed_level)) if review.proposed_level else "…"
            scores = ""
            if review.total_score is not None:
                scores = (f", tự chấm {_score(review.total_score)}/100 điểm (chung {_score(review.general_score)}/30; "
                          f"kết quả thực hiện nhiệm vụ {_score(review.task_score)}/70)")
            elif review.grades:
                scores = ", tự đánh giá: " + "; ".join(f"{k}: {v}" for k, v in review.grades.items())
            out.append(p(f"Đồng chí {self.name(mid)} trình bày bản tự kiểm điểm{scores}; tự xếp loại mức "
                         f"“{level}”."))
            if review.summary:
                out.append(p(review.summary))
        elif step.report:
            out.append(p(step.report))
        written = [w for w in self.s.record.written if w.member_id == mid]
        for w in written:
            out.append(p(f"Ý kiến bằng văn bản ({w.source.value.replace('_', ' ')}): {w.text}"))
        out += self.comments(step)
        if step.answer:
            out.append(p(f"Đồng chí {self.name(mid)} tiếp thu, giải trình: {step.answer}"))
        if step.conclusion:
            out.append(markup(f"<b>Kết luận của chủ trì:</b> {x(step.conclusion)}"))
        return out

    def comments(self, step) -> list:
        cs = self.s.record.comments_of(step.id)
        if not cs:
            return []
        out = [p("Ý kiến phát biểu:", self.st.body_left)]
        for c in cs:
            out.append(markup(f"- Đồng chí <b>{x(c.speaker_name)}</b>" + (f" ({x(c.spoken_at)})" if c.spoken_at else "")
                              + f": {x(c.text)}", self.st.body))
        return out

    def vote_line(self, v) -> object:
        r = self.desk.result(v)
        how = "bỏ phiếu kín" if v.method == VoteMethod.BALLOT else "biểu quyết giơ tay"
        return markup(f"<i>Biểu quyết ({how}, lúc {x(v.taken_at)})</i> — {x(v.question)}: {x(r.summary())}.",
                      self.st.body)

    def results_table(self, cell: bool) -> list:
        st = self.st
        subjects = [s for s in self.desk.rating_subjects() if (s == CELL) == cell]
        if not subjects:
            return []
        small = ParagraphStyle("results_head", parent=st.cell_bold, fontSize=10.5, leading=12.5)
        body = ParagraphStyle("results_cell", parent=st.cell_center, fontSize=11, leading=13)
        name_style = ParagraphStyle("results_name", parent=st.cell, fontSize=11.5, leading=13.5)
        head = [markup(f"<b>{t}</b>", small) for t in
                ("STT", "Họ và tên", "Tự xếp loại", "Điểm", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Chi bộ đề xuất")]
        rows = [head]
        for i, subj in enumerate(subjects, 1):
            v = self.desk.final_vote(subj)
            r = self.desk.result(v) if v else None
            proposed = self.desk.proposed_level(subj)
            review = self.s.record.self_reviews.get(subj)
            score = _score(review.total_score) if review and review.total_score is not None else ""
            base = r.headcount.base_count if r else 0
            counts = [f"{c.votes}/{base}" for c in r.rating.counts] if r and r.rating else ["", "", "", ""]
            reached = LEVEL_ABBREVIATIONS[r.rating.reached] if r and r.rating and r.rating.reached else (
                "chưa đạt" if r else "")
            rows.append([p(str(i), body), p(self.desk.subject_name(subj), name_style),
                         p(LEVEL_ABBREVIATIONS.get(proposed, "") if proposed else "", body),
                         p(score, body)] + [p(c, body) for c in counts]
                        + [markup(f"<b>{x(reached)}</b>", body)])
        widths = [10 * mm, 35 * mm, 18 * mm, 12 * mm, 18 * mm, 18 * mm, 18 * mm, 18 * mm]
        widths.append(TEXT_WIDTH - sum(widths))
        notes = self.findings_notes(subjects)
        if not cell:
            notes += [p(f"Tỷ lệ Hoàn thành xuất sắc nhiệm vụ ({q.group or 'toàn chi bộ'}): {q.text}"
                        + (" — để cấp ủy cấp trên xem xét." if q.advisory and q.over else
                           " — vượt tỷ lệ cho phép." if q.over else "."), st.body_left) for q in self.desk.quota()]
        return [Spacer(1, 2 * mm), p("Kết quả biểu quyết xếp loại (số phiếu / số đảng viên được tính; "
                                     "phiếu cho mức cao được cộng cho mức thấp hơn):" if self.desk.settings.cumulative
                                     else "Kết quả biểu quyết xếp loại (số phiếu / số đảng viên được tính):",
                                     st.body_left),
                grid(rows, widths, align_center=range(0, 9)), Spacer(1, 3 * mm)] + notes

    def findings_notes(self, subjects: list[str]) -> list:
        """Every blocking finding with the reason the meeting gave, then the warnings shown."""
        st, out = self.st, []
        for subj in subjects:
            level = self.desk.voted_level(subj)
            if level is None:
                continue
            reasons = self.desk.record.proposals.get(subj)
            for f in self.desk.findings(subj, level):
                if f.rule.startswith("chua-nhap."):
                    continue
                if f.kind.value == "finding":
                    why = reasons.justifications.get(f.rule, "") if reasons else ""
                    out.append(markup(f"- <b>{x(self.desk.subject_name(subj))}</b>: {x(f.message)} ({x(f.article)}). "
                                      f"Hội nghị vẫn đề xuất mức {x(LEVEL_LABELS[level])}, lý do: "
                                      f"{x(why) if why else '(chưa ghi)'}.", st.body_left))
                else:
                    out.append(markup(f"- {x(self.desk.subject_name(subj))} (lưu ý): {x(f.message)} "
                                      f"({x(f.article)}).", st.body_left))
        if out:
            out.insert(0, p("Đối chiếu với quy định:", st.body_left))
        return out

    def closing(self) -> list:
        st, m = self.st, self.s.meeting
        out = []
        if m.end_time:
            out.append(p(f"Hội nghị kết thúc vào hồi {_time_words(m.end_time)} cùng ngày.", st.body))
        out.append(Spacer(1, 6 * mm))
        out.append(KeepTogether(signature_block("THƯ KÝ", self.name(m.minute_taker_id),
                                                "CHỦ TRÌ", self.name(m.chair_id))))
        return out

    def story(self) -> list:
        story = self.opening()
        story.append(p("NỘI DUNG HỘI NGHỊ", self.st.heading))
        for step in self.s.record.steps:
            if step.kind == StepKind.MEMBER_REVIEW and self.s.flow.subject_absent(step, step.started_at or "23:59") \
                    and not self.s.record.comments_of(step.id):
                continue   # absent: reviewed at the supplementary session
            story += self.step(step)
        story += self.closing()
        return story


def build_minutes(desk: VotingDesk, target: str | Path, *, locality: str = "") -> Path:
    """DỰ THẢO until the adoption vote locks the minutes; then the revision number (1, 2…)."""
    m = desk.s.meeting
    marking = Marking(draft=m.state != MeetingState.LOCKED, revision=m.revision)
    return build_pdf(target, MinutesWriter(desk, locality).story(),
                     title=f"Biên bản hội nghị kiểm điểm năm {m.rating_year}", marking=marking)
