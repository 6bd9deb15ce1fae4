"""Biên bản hội nghị kiểm điểm, đánh giá, xếp loại chất lượng (DOMAIN.md §7), from the
meeting's data, in the order of the meeting; PDF (the record) and Word from the same blocks.
Vietnamese, never translated.

The record is the meeting: every time printed is the one recorded (the opening when it was
opened, each vote, the adoption, the closing), never the planned one; every member of the cell
is accounted for; every vote round is printed with its figures against the base."""
from __future__ import annotations

from pathlib import Path

from ..flow.history import revision_sentences
from ..model import Category, Level
from ..model.attendance import Presence
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.meeting import MeetingKind
from ..model.member import PARTY_POST_LABELS, PartyPost
from ..model.review import WRITTEN_SOURCE_LABELS, StepKind
from ..model.vote import CELL, VoteKind, VoteMethod
from ..rules.attendance import eligibility
from ..rules.findings import vn_number
from ..rules.tally import level_count_headings, level_counts_text
from ..voting import VotingDesk
from .text import HeaderInfo, Marking, date_vn, date_words, time_words
from .content import DocumentBlocks, Heading, Para, Signatures, TableBlock, Title
from .render import write_docx, write_pdf
from ..figures import MeetingFigures
from ..rules.citation import article_citation, guidance_citation, regulation_citation
from .collective_minutes import collective_paragraphs, presenter_of
from .common import Score, meeting_marking, pct, printed_article
from .supplementary_minutes import supplementary_paragraphs

# kept for callers that imported it from here
_time_words = time_words

RATING_STEPS = (StepKind.RATING_VOTES, StepKind.CELL_RATING)


def _score(value) -> str:
    return "" if value is None else vn_number(value, decimals=2)


def opening_of(meeting) -> tuple:
    """(day, "HH:MM") of the actual opening ("Khai mạc" pressed, correctable); (None, "") before it."""
    if meeting.started_at is not None:
        return meeting.started_at.date(), meeting.started_at.strftime("%H:%M")
    return None, ""


class MinutesWriter:
    """The minutes as blocks, read from a VotingDesk (the session and its votes)."""

    def __init__(self, desk: VotingDesk, locality: str | None = None):
        self.desk, self.s = desk, desk.s
        self.locality = desk.s.cell.locality if locality is None else locality
        self.doc = DocumentBlocks(f"Biên bản hội nghị kiểm điểm năm {self.s.meeting.rating_year}")
        self.f = MeetingFigures(desk)          # every figure, from the one computation
        self.item = 0
        self.members_table_done = False
        self.cell_table_done = False
        self._reviewed_here: set | None = None
        self._by_step: tuple[dict, dict] | None = None

    # -- small helpers ----------------------------------------------------------------------------------
    def name(self, member_id: str | None) -> str:
        m = self.s.members.get(member_id or "")
        return m.full_name if m else "…"

    def post(self, member_id: str | None) -> str:
        m = self.s.members.get(member_id or "")
        return PARTY_POST_LABELS[m.party_post] if m and m.party_post != PartyPost.MEMBER else ""

    def secretary(self) -> str | None:
        return next((m.id for m in self.s.member_list if m.party_post == PartyPost.SECRETARY
                     and self.s.categories[m.id] != Category.NOT_IN_CELL), None)

    def line(self, text: str, keep: bool = False) -> None:
        self.doc.add(Para.of(text, indent=False, keep_with_next=keep))

    def in_cell(self) -> list:
        cats = self.s.categories
        return [m for m in self.s.member_list if cats[m.id] not in (Category.NOT_IN_CELL, Category.VISITING)]

    def opening_at(self) -> str:
        return self.f.times.opened_at

    def score(self, subject: str) -> Score:
        x = self.f.member(subject)
        return Score(x.accepted_score, x.accepted_general, x.accepted_task, x.self_score, x.score_change_reason)

    def level(self, subject: str):
        return self.f.member(subject).level

    def at(self, vote) -> str:
        return self.desk.vote_time(vote)

    # -- opening ----------------------------------------------------------------------------------------
    def opening(self) -> None:
        m, cell = self.s.meeting, self.s.cell
        kind = ("hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm" if m.kind == MeetingKind.MAIN
                else "buổi kiểm điểm bổ sung, đánh giá, xếp loại chất lượng năm")
        self.doc.add(HeaderInfo(cell.higher_org, cell.name, m.document_number, self.locality, m.meeting_date),
                     Title("BIÊN BẢN", f"{kind} {m.rating_year}"))
        day, hhmm = self.f.times.opened_on, self.f.times.opened_at
        self.doc.add(Para.of(f"Hồi {time_words(hhmm)} {date_words(day)}, tại {m.place or '…'}, {cell.name} "
                             f"tiến hành {kind} {m.rating_year}."))
        self.doc.add(*supplementary_paragraphs(self.desk))       # its place in the rating year
        post = self.post(m.chair_id)
        self.doc.add(Para([("- Chủ trì: đồng chí ", ""), (self.name(m.chair_id), "b"),
                           (f", {post}." if post else ".", "")], indent=False),
                     Para([("- Thư ký hội nghị: đồng chí ", ""), (self.name(m.minute_taker_id), "b"), (".", "")],
                          indent=False))
        if m.delegates:
            self.line("- Đại biểu dự:", keep=True)
            for d in m.delegates:
                self.line(f"   + Đồng chí {d.name}" + (f", {d.title}" if d.title else "") + ".")
        self.membership()
        self.grounds()

    def status_of(self, member) -> tuple[str, bool]:
        """What happened to a member at this meeting, and whether the member is reviewed here."""
        s, cat = self.s, self.s.categories[member.id]
        elig = eligibility(s.rules, cat)
        a = s.record.attendance.get(member.id)
        present = a is None or a.present_at_opening or bool(a.arrived_at)
        if cat == Category.PROBATIONARY_RECENT:
            since = f" (vào Đảng ngày {date_vn(member.admission_date)})" if member.admission_date else ""
            return (f"Đảng viên dự bị chưa đủ 6 tháng{since}: chưa kiểm điểm, xếp loại năm nay", False)
        if cat == Category.EXEMPTED:
            return ("Được miễn công tác và sinh hoạt đảng: không kiểm điểm, xếp loại"
                    + ("; có mặt" if present else "; vắng mặt"), False)
        if cat == Category.SUSPENDED:
            return ("Đang bị đình chỉ sinh hoạt đảng: không kiểm điểm, xếp loại", False)
        if cat == Category.PROSECUTED:
            return ("Đang bị khởi tố, truy tố hoặc tạm giam: không kiểm điểm tại chi bộ, báo cáo cấp trên", False)
        if cat == Category.UNKNOWN:
            return ("Chưa rõ ngày vào Đảng: chưa xác định được việc kiểm điểm", False)
        if not elig.reviewed:
            return ("Không kiểm điểm tại hội nghị này", False)
        if member.id not in self.reviewed_here():
            if s.meeting.kind == MeetingKind.SUPPLEMENTARY:
                return ("Đã kiểm điểm, xếp loại tại hội nghị của chi bộ; không kiểm điểm tại buổi này", False)
            return ("Không có trong chương trình kiểm điểm của hội nghị này", False)
        if not present:
            why = (f" ({a.reason})" if a and a.reason else "")
            how = {Presence.ABSENT_APPROVED: "Vắng mặt có lý do được chủ trì chấp thuận",
                   Presence.ABSENT_UNAPPROVED: "Vắng mặt, lý do không được chủ trì chấp thuận",
                   Presence.ABSENT_NO_REASON: "Vắng mặt không có lý do"}.get(a.status if a else None, "Vắng mặt")
            return (f"{how}{why}: sẽ kiểm điểm tại buổi kiểm điểm bổ sung", False)
        parts = ["Có mặt"]
        if a and a.arrived_at:
            parts = [f"Đến dự lúc {time_words(a.arrived_at)}"]
        if a and a.left_at:
            parts.append(f"về sớm lúc {time_words(a.left_at)}" + (f" ({a.reason})" if a.reason else ""))
        if cat == Category.TEMPORARY_ELSEWHERE:
            parts.append("đang sinh hoạt tạm thời nơi khác, kiểm điểm tại chi bộ")
        elif cat == Category.PROBATIONARY:
            parts.append("đảng viên dự bị, kiểm điểm, xếp loại, không biểu quyết")
        return ("; ".join(parts) + "; kiểm điểm tại hội nghị", True)

    def _step_index(self) -> tuple[dict, dict]:
        """(step id -> its votes, step id -> its comments), each in the record's order, made once
        (a 500-member meeting has 500 steps, 500 votes and 500 comments)."""
        if self._by_step is None:
            votes: dict[str, list] = {}
            comments: dict[str, list] = {}
            for v in self.s.record.votes:
                votes.setdefault(v.step_id, []).append(v)
            for c in self.s.record.comments:
                comments.setdefault(c.step_id, []).append(c)
            self._by_step = (votes, comments)
        return self._by_step

    def votes_in(self, step_id: str) -> list:
        return self._step_index()[0].get(step_id, [])

    def comments_in(self, step_id: str) -> list:
        """record.comments_of(step_id), from the index."""
        return self._step_index()[1].get(step_id, [])

    def reviewed_here(self) -> set:
        """The members with a review step on this meeting's agenda (read once)."""
        if self._reviewed_here is None:
            self._reviewed_here = {st.subject_member_id for st in self.s.record.steps
                                   if st.kind == StepKind.MEMBER_REVIEW}
        return self._reviewed_here

    def membership(self) -> None:
        s, cats = self.s, self.s.categories
        in_cell = self.in_cell()
        counts: dict[str, int] = {}
        labels = {Category.OFFICIAL: "đảng viên chính thức", Category.PROBATIONARY: "đảng viên dự bị",
                  Category.PROBATIONARY_RECENT: "đảng viên dự bị", Category.EXEMPTED:
                  "đảng viên được miễn công tác và sinh hoạt đảng", Category.SUSPENDED: "đảng viên bị đình chỉ "
                  "sinh hoạt đảng", Category.PROSECUTED: "đảng viên bị khởi tố, truy tố hoặc tạm giam",
                  Category.TEMPORARY_ELSEWHERE: "đảng viên đang sinh hoạt tạm thời nơi khác",
                  Category.UNKNOWN: "đảng viên chưa rõ ngày vào Đảng"}
        order = [Category.OFFICIAL, Category.PROBATIONARY, Category.PROBATIONARY_RECENT]
        for m in sorted(in_cell, key=lambda m: order.index(cats[m.id]) if cats[m.id] in order else 9):
            label = labels.get(cats[m.id], "đảng viên")
            counts[label] = counts.get(label, 0) + 1
        parts = ", ".join(f"{n} {label}" for label, n in counts.items())
        at = self.opening_at()
        h = self.desk.headcount_at(at or "00:00")
        present_all = [m for m in in_cell if m.id in h.present]
        self.doc.add(Heading("Thành phần dự hội nghị:"))
        self.line(f"- Tổng số đảng viên của chi bộ: {len(in_cell)} đồng chí, gồm {parts}.")
        excluded = [m for m in in_cell if m.id not in h.base and cats[m.id] == Category.OFFICIAL]
        share = vn_number(100 * h.present_in_base / h.base_count, 1) if h.base_count else "0"
        self.line(f"- Số đảng viên được tính (để tính tỷ lệ biểu quyết) khi khai mạc: {h.base_count} đồng chí"
                  + (f" (không tính {len(excluded)} đồng chí vắng mặt có lý do được chủ trì chấp thuận)"
                     if excluded else "") + ".")
        enough = "đủ" if h.quorum_met else "không đủ"
        self.line(f"- Có mặt khi khai mạc: {len(present_all)} đồng chí; trong đó có mặt {h.present_in_base}/"
                  f"{h.base_count} đảng viên được tính ({share}%), {enough} 2/3 theo quy định (cần ít nhất "
                  f"{h.quorum_needed} đồng chí).")
        absent = [m for m in in_cell if m.id not in h.present]
        if absent:
            self.line(f"- Vắng mặt khi khai mạc: {len(absent)} đồng chí.")
        self.line("Điểm danh từng đảng viên:", keep=True)
        rows = []
        for i, m in enumerate(in_cell, 1):
            text, _ = self.status_of(m)
            rows.append([str(i), m.full_name, CATEGORY_SHORT.get(cats[m.id], ""), text + "."])
        self.doc.add(TableBlock(["STT", "Họ và tên", "Đảng viên", "Tình hình dự họp và kiểm điểm"], rows,
                                [11, 42, 30], left_columns=(1, 2, 3), font_size=11.5))
        self.others_in_room()

    def others_in_room(self) -> None:
        visiting = [m for m in self.s.member_list if self.s.categories[m.id] == Category.VISITING]
        for m in visiting:
            self.line(f"- Đồng chí {m.full_name} (sinh hoạt tạm thời tại chi bộ) dự họp, tham gia góp ý; "
                      f"không xếp loại tại chi bộ.")

    def grounds(self) -> None:
        rules = self.s.rules
        self.doc.add(Heading("Căn cứ và cách tính:"))
        self.line(f"- {regulation_citation(rules)}; {guidance_citation(rules)} "
                  f"(áp dụng cho năm đánh giá {self.s.meeting.rating_year}).")
        for line in self.desk.settings.describe():
            self.line(f"- {line}.")

    # -- the steps -------------------------------------------------------------------------------------
    def step(self, step) -> None:
        self.item += 1
        self.doc.add(Heading(f"{self.item}. {step.title}", level=2))
        if step.chair_id and step.chair_id != self.s.meeting.chair_id:
            reviewed = step.subject_member_id == self.s.meeting.chair_id
            self.doc.add(Para.of(f"Đồng chí {self.name(step.chair_id)} chủ trì phần này"
                                 + (f" (đồng chí {self.name(self.s.meeting.chair_id)} là người được kiểm điểm)"
                                    if reviewed else "") + "."))
        if step.kind == StepKind.OPENING:
            self.opening_step(step)
        elif step.kind == StepKind.MEMBER_REVIEW:
            if self.absent_subject(step):
                return
            self.self_review(step)
        elif step.kind == StepKind.COLLECTIVE_REVIEW:
            self.collective_report(step)
        elif step.report:
            self.doc.add(Para.of(step.report))
        if step.kind == StepKind.CELL_RATING:
            self.doc.add(*collective_paragraphs(self.desk, step))   # the cell's own self-rating (Mẫu 01)
        self.comments(step)
        if step.answer:
            if step.kind == StepKind.MEMBER_REVIEW:
                who = f"Đồng chí {self.name(step.subject_member_id)} tiếp thu, giải trình: "
            elif step.kind == StepKind.COLLECTIVE_REVIEW:
                who = self.collective_speaker() + " tiếp thu, giải trình: "
            else:
                who = "Tiếp thu, giải trình: "
            self.doc.add(Para.of(who + step.answer))
        if step.conclusion:
            self.doc.add(Para([("Kết luận của chủ trì: ", "b"), (step.conclusion, "")]))
        if step.notes:     # what the guide's "Ghi chú" holds is part of the record (issue 17 item 3)
            self.doc.add(Para.of(step.notes))
        self.votes_of(step)
        if step.kind == StepKind.RATING_VOTES and not step.subject_member_id and self.any_member_votes():
            self.results(cell=False)
        if step.kind == StepKind.CELL_RATING and self.has_votes(CELL):
            self.results(cell=True)
        if step.kind == StepKind.RESULTS:
            self.results_announced(step)

    def opening_step(self, step) -> None:
        m, cell = self.s.meeting, self.s.cell
        rules = self.s.rules
        chair = self.name(m.chair_id)
        higher = f" và kế hoạch của {cell.higher_org}" if cell.higher_org else ""
        self.doc.add(Para.of(f"Đồng chí {chair} khai mạc hội nghị, nêu lý do: thực hiện {regulation_citation(rules)} "
                             f"về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ "
                             f"thống chính trị, {guidance_citation(rules)}{higher}, {cell.name} tổ chức "
                             f"kiểm điểm, đánh giá, xếp loại chất lượng năm {m.rating_year}."))
        if m.delegates:
            self.doc.add(Para.of("Chủ trì giới thiệu đại biểu dự hội nghị: " + "; ".join(
                f"đồng chí {d.name}" + (f", {d.title}" if d.title else "") for d in m.delegates) + "."))
        h = self.desk.headcount_at(self.opening_at() or "00:00")
        in_cell = self.in_cell()
        present = sum(1 for x in in_cell if x.id in h.present)
        self.doc.add(Para.of(f"Chủ trì điểm danh và công bố: có mặt {present}/{len(in_cell)} đảng viên của chi bộ; "
                             f"số đảng viên được tính là {h.base_count} đồng chí, có mặt {h.present_in_base} đồng chí "
                             f"({pct(h.present_in_base, h.base_count)}); hội nghị "
                             f"{'đủ' if h.quorum_met else 'không đủ'} điều kiện tiến hành (tình hình từng đảng viên "
                             f"như danh sách trên)."))
        self.doc.add(Para.of(f"Hội nghị cử đồng chí {self.name(m.minute_taker_id)} làm thư ký hội nghị; chủ trì "
                             f"trình bày chương trình hội nghị."))
        if step.report:
            self.doc.add(Para.of(step.report))

    def collective_speaker(self) -> str:
        sec = self.secretary()
        who = f"Đồng chí {self.name(sec)}, {self.post(sec) or 'Bí thư'}," if sec else "Đồng chí chủ trì"
        return who + (" thay mặt chi ủy" if self.s.cell.has_committee else " thay mặt chi bộ")

    def collective_report(self, step) -> None:
        whose = "chi ủy" if self.s.cell.has_committee else "chi bộ"
        presenter = presenter_of(self.desk, step)      # Mẫu 01: who presented, when typed
        speaker = (f"Đồng chí {presenter}, thay mặt {whose}," if presenter else self.collective_speaker())
        self.doc.add(Para.of(f"{speaker} trình bày báo cáo kiểm điểm tập thể {whose} năm "
                             f"{self.s.meeting.rating_year}" + (":" if step.report else ".")))
        if step.report:
            self.doc.add(Para([("Tóm tắt báo cáo: ", "i"), (step.report, "")]))
        self.doc.add(*collective_paragraphs(self.desk, step))   # strengths, shortcomings, self-rating
        for w in self.s.record.written:
            if w.member_id is None:
                self.doc.add(Para.of(f"{WRITTEN_SOURCE_LABELS[w.source]}: {w.text}"))

    def absent_subject(self, step) -> bool:
        """An absent member keeps an item: why, and that the supplementary session reviews them."""
        mid = step.subject_member_id
        a = self.s.record.attendance.get(mid or "")
        if a is None or a.present_at_opening or a.arrived_at or self.comments_in(step.id):
            return False
        text, _ = self.status_of(self.s.members[mid])
        self.doc.add(Para.of(f"Đồng chí {self.name(mid)}: {text[0].lower() + text[1:]}."))
        return True

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
        sc = self.score(mid)
        if sc.changed:
            self.doc.add(Para.of(f"Chi bộ thống nhất chấm {_score(sc.total)}/100 điểm (chung {_score(sc.general)}/30; "
                                 f"kết quả thực hiện nhiệm vụ {_score(sc.task)}/70), khác điểm tự chấm "
                                 f"{_score(sc.self_total)}, lý do: {sc.reason.rstrip('.') or 'chưa ghi'}."))

    def comments(self, step) -> None:
        cs = self.comments_in(step.id)
        if cs:
            self.line("Ý kiến phát biểu:", keep=True)
        for c in cs:
            self.doc.add(Para([("- Đồng chí ", ""), (c.speaker_name, "b"),
                               (f" (lúc {time_words(c.spoken_at)})" if c.spoken_at else "", ""),
                               (f": {c.text}", "")]))

    # -- votes ------------------------------------------------------------------------------------------
    def figures(self, r) -> str:
        """"có mặt 6/7 đảng viên được tính; tán thành 6/7, …" in words, no symbols."""
        h = r.headcount
        head = f"có mặt {h.present_in_base}/{h.base_count} đảng viên được tính"
        if not r.quorum_met:
            head += f", không đủ 2/3 (cần ít nhất {h.quorum_needed} đồng chí)"
        if r.rating is not None:
            return f"{head}; số phiếu: " + level_counts_text(r.rating.counts, h.base_count, r.cumulative)
        v = r.vote
        return (f"{head}; tán thành {v.yes}/{h.base_count}, không tán thành {v.no}, không biểu quyết {v.abstain}")

    def verdict(self, r) -> str:
        if not r.quorum_met:
            return "biểu quyết không đủ 2/3 số đảng viên được tính có mặt nên không có giá trị quyết định"
        if r.rating is not None:
            if r.rating.reached is None:
                return "không mức nào được quá nửa số đảng viên được tính tán thành"
            return f"đạt mức {LEVEL_LABELS[r.rating.reached]}"
        return "thông qua" if r.passed else "không thông qua"

    def vote_line(self, v) -> None:
        r = self.f.result_of(v)
        how = "Biểu quyết bằng phiếu kín" if v.method == VoteMethod.BALLOT else "Biểu quyết giơ tay"
        self.doc.add(Para([(f"{how} lúc {time_words(self.at(v))}", "i"),
                           (f", nội dung: {v.question}. Kết quả: {self.figures(r)}; {self.verdict(r)}.", "")]))

    def votes_of(self, step) -> None:
        """The votes put during this step: show-of-hands questions and rating votes by hand one by one;
        the ballots by their counting figures (the results table follows)."""
        for v in self.votes_in(step.id):
            if v.kind == VoteKind.RATING and (v.method == VoteMethod.BALLOT or step.kind in RATING_STEPS):
                continue
            self.vote_line(v)
        self.ballots(step)

    def ballots(self, step) -> None:
        for b in sorted(self.s.record.ballots.values(), key=lambda b: b.taken_at or ""):
            if b.step_id != step.id or not b.accepted:
                continue
            team = ", ".join(self.name(m) for m in b.counting_team) or "…"
            h = self.desk.headcount_at(b.taken_at)
            self.doc.add(Para.of(f"Hội nghị bỏ phiếu kín lúc {time_words(b.taken_at)}. Tổ kiểm phiếu gồm các đồng "
                                 f"chí: {team}. Số đảng viên được tính: {h.base_count}; có mặt: {h.present_in_base}; "
                                 f"số phiếu phát ra: {b.issued}; thu vào: {b.returned}; hợp lệ: {b.valid}; "
                                 f"không hợp lệ: {b.invalid}."
                                 + (f" Tổ kiểm phiếu kết thúc kiểm phiếu lúc {time_words(b.counted_at)} và công bố "
                                    f"kết quả." if b.counted_at else "")))

    def has_votes(self, subject: str) -> bool:
        return bool(self.f.rounds_of(subject))

    def any_member_votes(self) -> bool:
        return any(v.kind == VoteKind.RATING and v.subject not in (CELL,) for v in self.s.record.votes)

    # -- results ---------------------------------------------------------------------------------------
    def subjects(self, cell: bool) -> list[str]:
        voted = {v.subject for v in self.s.record.votes if v.kind == VoteKind.RATING}
        out = [s for s in self.desk.rating_subjects() if (s == CELL) == cell]
        out += [s for s in voted if s not in out and (s == CELL) == cell]
        return out

    def outcome_text(self, subject: str) -> str:
        r = self.f.final_result(subject)
        if r is None:
            return "chưa biểu quyết"
        if not r.quorum_met:
            return "chưa xếp loại (không đủ 2/3)"
        level = self.level(subject)
        return LEVEL_ABBREVIATIONS[level] if level else "chưa đạt quá nửa"

    def results(self, cell: bool) -> None:
        if (cell and self.cell_table_done) or (not cell and self.members_table_done):
            return
        subjects = self.subjects(cell)
        rows = []
        for i, subj in enumerate(subjects, 1):
            r = self.f.final_result(subj)
            proposed = self.desk.proposed_level(subj)
            sc = self.score(subj)
            base = r.headcount.base_count if r else 0
            counts = [f"{c.votes}/{base}" for c in r.rating.counts] if r and r.rating else ["", "", "", ""]
            score = _score(sc.total) + ("*" if sc.changed else "")
            own = self.s.record.collective_reviews.get(subj)      # a collective's own rating (Mẫu 01)
            if own is not None and proposed is None:
                proposed = Level(own.proposed_level) if own.proposed_level else None
                score = _score(own.total_score)
            rows.append([str(i), self.desk.subject_name(subj), LEVEL_ABBREVIATIONS.get(proposed, "") if proposed else "",
                         score, *counts, self.outcome_text(subj)])
        if not rows:
            return
        if cell:
            self.cell_table_done = True
        else:
            self.members_table_done = True
        how = ("số phiếu / số đảng viên được tính; phiếu cho mức cao được cộng cho mức thấp hơn"
               if self.desk.settings.cumulative else "số phiếu / số đảng viên được tính")
        title = "Kết quả biểu quyết xếp loại chi bộ" if cell else "Kết quả biểu quyết xếp loại"
        self.line(f"{title} ({how}):", keep=True)
        heads = level_count_headings(self.desk.settings.cumulative, short=True)    # cumulative columns named so
        self.doc.add(TableBlock(["STT", "Họ và tên", "Tự xếp loại", "Điểm", *heads, "Chi bộ đề xuất"], rows,
                                [11, 35, 17, 12, 17, 17, 17, 17], bold_columns=(8,), font_size=10))
        self.rounds_note(subjects)
        self.below_quorum_note(subjects)
        self.scores_note(subjects)
        self.findings_notes(subjects)
        if not cell:
            self.quota_lines()

    def rounds_note(self, subjects: list[str]) -> None:
        """Every round of a subject voted more than once, with its figures and why it was voted again."""
        lines = []
        for subj in subjects:
            rounds = self.f.rounds_of(subj)
            if len(rounds) < 2:
                continue
            lines.append(Para([("- ", ""), (self.desk.subject_name(subj), "b"), (":", "")], indent=False,
                              keep_with_next=True))
            for rd in rounds:
                v, n = rd.vote, rd.number
                r = self.f.result_of(v)
                how = "phiếu kín" if v.method == VoteMethod.BALLOT else "giơ tay"
                text = f"   + Lần {n} ({how}, lúc {time_words(rd.at)}): {self.figures(r)}; {self.verdict(r)}"
                if n < len(rounds):
                    nxt = rounds[n]
                    text += f"; hội nghị biểu quyết lại{self.offered_text(nxt.vote)}"
                    text += f" vì {nxt.why}." if nxt.why else "."
                else:
                    text += "."
                lines.append(Para.of(text, indent=False))
        if lines:
            self.line("Các lần biểu quyết (biểu quyết lại khi lần trước không có mức nào đạt quá nửa hoặc "
                      "không đủ 2/3 số đảng viên được tính có mặt):", keep=True)
            self.doc.add(*lines)

    @staticmethod
    def offered_text(vote) -> str:
        """" ở mức Hoàn thành tốt nhiệm vụ": the level a re-vote offered (from the record when it says so)."""
        offered = list(getattr(vote, "offered", None) or [])
        if offered:
            top = offered[0].value if isinstance(offered[0], Level) else offered[0]
            return f" từ mức {LEVEL_LABELS[Level(top)]}" if len(offered) > 1 else f" ở mức {LEVEL_LABELS[Level(top)]}"
        q = vote.question or ""
        for marker in ("biểu quyết lại ở mức ", "biểu quyết lại từ mức "):
            if marker in q:
                return f" {marker.split()[-2]} mức {q.split(marker, 1)[1].split(' (')[0].rstrip('.')}"
        return ""

    def below_quorum_note(self, subjects: list[str]) -> None:
        for subj in subjects:
            r = self.f.final_result(subj)
            if r is not None and not r.quorum_met:
                self.line(f"- {self.desk.subject_name(subj)}: biểu quyết lúc {time_words(self.at(r.vote))} không đủ "
                          f"2/3 số đảng viên được tính có mặt ({r.headcount.present_in_base}/{r.headcount.base_count}), "
                          f"không có giá trị quyết định; chưa xếp loại, sẽ biểu quyết lại khi đủ điều kiện.")

    def scores_note(self, subjects: list[str]) -> None:
        lines = []
        for subj in subjects:
            sc = self.score(subj)
            if sc.changed:
                lines.append(f"- {self.desk.subject_name(subj)}: tự chấm {_score(sc.self_total)} điểm, chi bộ "
                             f"chấp nhận {_score(sc.total)} điểm; lý do: {sc.reason.rstrip('.') or 'chưa ghi'}.")
        if lines:
            self.line("(*) Điểm chi bộ chấp nhận khác điểm tự chấm:", keep=True)
            for text in lines:
                self.line(text)

    def findings_notes(self, subjects: list[str]) -> None:
        """Every blocking finding with the reason the meeting gave, then the warnings shown."""
        lines: list[Para] = []
        for subj in subjects:
            level = self.level(subj)
            if level is None:
                continue
            reasons = self.desk.record.proposals.get(subj)
            for f in self.f.member(subj).findings:     # on the level decided, computed once
                if f.rule.startswith("chua-nhap."):
                    continue
                article = printed_article(article_citation(self.s.rules, f.article))
                art = f" ({article})" if article else ""
                if f.kind.value == "finding":
                    why = (reasons.justifications.get(f.rule, "") if reasons else "").rstrip(" .")
                    lines.append(Para([("- ", ""), (self.desk.subject_name(subj), "b"),
                                       (f": {printed_article(f.message)}{art}. Hội nghị vẫn đề xuất mức "
                                        f"{LEVEL_LABELS[level]}, lý do: {why or 'chưa ghi'}.", "")], indent=False))
                else:
                    lines.append(Para.of(f"- {self.desk.subject_name(subj)} (lưu ý): {printed_article(f.message)}{art}.",
                                         indent=False))
        if lines:
            self.line("Đối chiếu với quy định:", keep=True)
            self.doc.add(*lines)

    def quota_lines(self) -> None:
        for q in self.f.quota:
            tail = ("; đề nghị cấp ủy cấp trên xem xét." if q.advisory and q.over
                    else "; vượt tỷ lệ cho phép." if q.over else ".")
            self.line(f"Tỷ lệ Hoàn thành xuất sắc nhiệm vụ ({q.group or 'toàn chi bộ'}): {q.text}{tail}")

    def results_announced(self, step) -> None:
        if not self.members_table_done and self.any_member_votes():
            self.results(cell=False)
        if not self.cell_table_done and self.has_votes(CELL):
            self.results(cell=True)
        if not (step.report or step.conclusion):
            self.doc.add(Para.of(f"Đồng chí {self.name(self.s.flow.chair_of(step))} công bố kết quả biểu quyết "
                                 f"xếp loại chất lượng năm {self.s.meeting.rating_year} như các bảng trên."))

    # -- closing ----------------------------------------------------------------------------------------
    def closing(self) -> None:
        m = self.s.meeting
        if not self.members_table_done and self.any_member_votes():
            self.results(cell=False)
        if not self.cell_table_done and self.has_votes(CELL):
            self.results(cell=True)
        if m.end_time:
            self.doc.add(Para.of(f"Hội nghị kết thúc vào hồi {time_words(m.end_time)} cùng ngày."))
        for sentence in revision_sentences(self.s.history()):     # each reopening, when and why
            self.doc.add(Para.of(sentence))
        self.doc.add(Signatures("THƯ KÝ", self.name(m.minute_taker_id), "CHỦ TRÌ", self.name(m.chair_id)))

    def build(self) -> DocumentBlocks:
        self.opening()
        self.doc.add(Heading("NỘI DUNG HỘI NGHỊ"))
        for step in self.s.record.steps:
            if step.kind == StepKind.ADOPTION and not self.members_table_done and self.any_member_votes():
                self.results(cell=False)       # votes taken after each review: the table before the adoption
            self.step(step)
        self.closing()
        return self.doc


CATEGORY_SHORT = {Category.OFFICIAL: "Chính thức", Category.PROBATIONARY: "Dự bị",
                  Category.PROBATIONARY_RECENT: "Dự bị", Category.EXEMPTED: "Miễn sinh hoạt",
                  Category.SUSPENDED: "Đình chỉ sinh hoạt", Category.PROSECUTED: "Bị khởi tố, tạm giam",
                  Category.TEMPORARY_ELSEWHERE: "Sinh hoạt tạm thời nơi khác",
                  Category.UNKNOWN: "Chưa rõ"}


def minutes_marking(desk: VotingDesk) -> Marking:
    """DỰ THẢO until the adoption vote locks the minutes; from revision 2 the foot line."""
    return meeting_marking(desk.s)


def build_minutes(desk: VotingDesk, target: str | Path, *, locality: str | None = None) -> Path:
    return write_pdf(MinutesWriter(desk, locality).build(), target, minutes_marking(desk))


def build_minutes_docx(desk: VotingDesk, target: str | Path, *, locality: str | None = None) -> Path:
    return write_docx(MinutesWriter(desk, locality).build(), target, minutes_marking(desk))
