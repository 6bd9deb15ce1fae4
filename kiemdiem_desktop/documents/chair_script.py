"""Kịch bản điều hành (DOMAIN.md §6–§7): the chair's script — the agenda in order with the names,
the base, and what the chair says at each step. Figures not known before the meeting are left
as "……" to fill by hand; once the roll call is taken they are printed."""
from __future__ import annotations

import math
from pathlib import Path

from ..model import Category, PartyPost
from ..model.attendance import Presence
from ..model.review import StepKind
from ..model.vote import CELL
from ..rules.majority import LEVELS_TOP_DOWN
from ..model.levels import LEVEL_ABBREVIATIONS
from ..voting import VotingDesk
from .content import Block, Cue, DocumentBlocks, Heading, Para, Title
from .render import write_docx, write_pdf
from .text import HeaderInfo, Marking, date_words, time_words
from ..rules.citation import citation_text
from .common import BLANK

B = BLANK


class ChairScript:
    def __init__(self, session, locality: str = ""):
        self.s = session
        self.desk = VotingDesk(session)
        self.locality = locality

    # -- names and figures -------------------------------------------------------------------
    def name(self, member_id: str | None) -> str:
        m = self.s.members.get(member_id or "")
        return m.full_name if m else B

    @property
    def chair(self) -> str:
        return self.name(self.s.meeting.chair_id)

    def deputy(self) -> str:
        for m in self.s.member_list:
            if m.party_post == PartyPost.DEPUTY and self.s.categories[m.id] != Category.NOT_IN_CELL:
                return m.full_name
        return B

    def in_cell(self) -> list:
        return [m for m in self.s.member_list
                if self.s.categories[m.id] not in (Category.NOT_IN_CELL, Category.VISITING)]

    def opening_figures(self):
        """The headcount at the opening once the roll call is taken; None before."""
        if not self.s.record.attendance:
            return None
        return self.desk.headcount_at(self.s.meeting.start_time or "00:00")

    def needed(self, base: int) -> int:
        r = self.s.rules
        exact = r.majority * base
        return math.floor(exact) + 1 if r.majority_strict else math.ceil(exact)

    # -- building blocks -----------------------------------------------------------------------
    def say(self, text: str) -> Cue:
        return Cue([("Chủ trì:", "b"), (f" {text}", "")])

    def do(self, text: str) -> Cue:
        """What happens meanwhile, printed in italics between brackets."""
        return Cue([(text, "")], aside=True)

    def heading(self, n: int, title: str, who: str) -> list[Block]:
        return [Heading(f"{n}. {title}"),
                Para([("Người điều hành: đồng chí ", ""), (who, "b"), (".", "")], indent=False,
                     keep_with_next=True)]       # never the last line of a page: the first words go with it

    # -- the steps -----------------------------------------------------------------------------
    def opening(self) -> list:
        s, m, rules = self.s, self.s.meeting, self.s.rules
        members = self.in_cell()
        official = sum(1 for x_ in members if s.categories[x_.id] == Category.OFFICIAL)
        probation = sum(1 for x_ in members if s.categories[x_.id] in (Category.PROBATIONARY,
                                                                       Category.PROBATIONARY_RECENT))
        day = m.meeting_date
        when = date_words(day) if day else f"ngày {B} tháng {B} năm {B}"
        out = []
        greet = [f"đồng chí {d.name}" + (f", {d.title}" if d.title else "") for d in m.delegates]
        out.append(self.say("Kính thưa " + ("; ".join(greet) + "; " if greet else "các đồng chí đại biểu; ")
                            + "thưa toàn thể các đồng chí đảng viên!"))
        out.append(self.say(f"Hôm nay, {when}, tại {m.place or B}, {s.cell.name or 'Chi bộ ' + B} tổ chức hội nghị "
                            f"kiểm điểm, đánh giá, xếp loại chất lượng năm {m.rating_year} theo "
                            f"{citation_text(rules)}."))
        if greet:
            out.append(self.say("Đến dự hội nghị có: " + "; ".join(greet) + "."))
        else:
            out.append(self.say(f"Đến dự hội nghị có đồng chí {B}, đại diện {B} (nếu có)."))
        h = self.opening_figures()
        if h is None:
            base = present = absent = approved = other = quorum = B
        else:
            base, present = str(h.base_count), str(h.present_in_base)
            away = [a for x_ in members if (a := s.record.attendance.get(x_.id)) and not a.present_at_opening]
            absent = str(len(away))
            approved = str(sum(1 for a in away if a.status == Presence.ABSENT_APPROVED))
            other = str(len(away) - int(approved))
            quorum = str(h.quorum_needed)
        kinds = [f"{official} đồng chí là đảng viên chính thức"] if official else []
        if probation:
            kinds.append(f"{probation} đồng chí là đảng viên dự bị")
        other_labels = {Category.EXEMPTED: "được miễn công tác và sinh hoạt đảng",
                        Category.TEMPORARY_ELSEWHERE: "đang sinh hoạt tạm thời nơi khác",
                        Category.SUSPENDED: "đang bị đình chỉ sinh hoạt đảng",
                        Category.PROSECUTED: "đang bị khởi tố, truy tố hoặc tạm giam"}
        for cat, label in other_labels.items():
            n = sum(1 for x_ in members if s.categories[x_.id] == cat)
            if n:
                kinds.append(f"{n} đồng chí {label}")
        out.append(self.say(f"Chi bộ hiện có {len(members)} đảng viên, trong đó " + ", ".join(kinds) + ". "
                            f"Số đảng viên được tính để biểu quyết là {base} đồng chí; hôm nay có mặt {present} "
                            f"đồng chí, vắng mặt {absent} đồng chí, trong đó {approved} đồng chí vắng có lý do "
                            f"được chấp thuận và {other} đồng chí vắng vì lý do khác hoặc không có lý do."))
        out.append(self.say(f"Số đảng viên có mặt {'' if h is None else '(' + present + ') '}đạt ít nhất 2/3 số "
                            f"đảng viên được tính (cần {quorum} đồng chí): hội nghị đủ điều kiện tiến hành."))
        out.append(self.say(f"Chủ trì hội nghị: đồng chí {self.chair}. Đề nghị đồng chí "
                            f"{self.name(m.minute_taker_id)} làm thư ký hội nghị."))
        agenda = []
        seen_reviews = False
        for st in s.record.steps:
            if st.kind == StepKind.MEMBER_REVIEW:
                if not seen_reviews:
                    agenda.append("Kiểm điểm từng đảng viên")
                    seen_reviews = True
                continue
            agenda.append(st.title)
        out.append(self.say("Chương trình hội nghị gồm: " + "; ".join(f"({i}) {t}" for i, t in
                                                                       enumerate(agenda, 1)) + "."))
        out.append(self.say("Đồng chí nào nhất trí với chương trình hội nghị, đề nghị biểu quyết bằng giơ tay."))
        out.append(self.do(f"Đếm: tán thành {B}/{base}; không tán thành {B}; không biểu quyết {B}. "
                           "Thư ký ghi vào biên bản."))
        return out

    def collective_review(self, step) -> list:
        who = "chi ủy" if self.s.cell.has_committee else "chi bộ"
        return [self.say(f"Mời đồng chí {self.chair}, thay mặt {who}, trình bày báo cáo kiểm điểm tập thể {who} "
                         f"năm {self.s.meeting.rating_year} (Mẫu 01) và đề xuất mức tự xếp loại."),
                self.say("Mời các đồng chí phát biểu, đóng góp ý kiến vào báo cáo kiểm điểm tập thể."),
                self.do("Thư ký ghi từng ý kiến và người phát biểu."),
                self.say(f"Mời đồng chí {self.chair} tiếp thu, giải trình."),
                self.say(f"Kết luận: {B}")]

    def member_review(self, step) -> list:
        mid = step.subject_member_id
        name = self.name(mid)
        m = self.s.members.get(mid or "")
        from .forms import form_for

        form = form_for(m) if m else "2B"
        out = []
        at = step.started_at or self.s.meeting.start_time or "00:00"
        if self.s.record.attendance and self.s.flow.subject_absent(step, at):
            out.append(self.do(f"Đồng chí {name} vắng mặt: kiểm điểm tại buổi kiểm điểm bổ sung."))
        if mid and mid == self.s.meeting.chair_id:
            deputy = self.name(step.chair_id) if step.chair_id else self.deputy()
            out.append(self.do(f"Đồng chí {self.chair} là người được kiểm điểm: đồng chí {deputy} điều hành phần này; "
                               "thư ký ghi việc chuyển giao vào biên bản."))
        out += [self.say(f"Mời đồng chí {name} trình bày bản kiểm điểm, tự đánh giá, xếp loại (Mẫu {form}), "
                         + ("tự chấm điểm" if self.s.rules.scoring_kind == "points" else "tự đánh giá các tiêu chí")
                         + " và đề xuất mức xếp loại."),
                self.say(f"Mời các đồng chí phát biểu, góp ý, phê bình đối với đồng chí {name}."),
                self.do("Thư ký ghi từng ý kiến và người phát biểu; ý kiến bằng văn bản của nơi cư trú (nếu có) "
                        "được đọc tại đây."),
                self.say(f"Mời đồng chí {name} tiếp thu, giải trình."),
                self.say(f"Kết luận đối với đồng chí {name}: {B}")]
        return out

    def rating_votes(self, step) -> list:
        s = self.s
        h = self.opening_figures()
        ballots = [b for b in s.record.ballots.values() if b.step_id == step.id]
        team = [self.name(mid) for b in ballots for mid in b.counting_team][:3]
        team += [B] * (3 - len(team))
        out = [self.say("Để tiến hành bỏ phiếu biểu quyết xếp loại, đề nghị hội nghị bầu Tổ kiểm phiếu gồm "
                        f"{len(team):02d} đồng chí: " + "; ".join(
                            f"đồng chí {n}" + (" làm tổ trưởng" if i == 0 else "") for i, n in enumerate(team))
                        + ". Đồng chí nào nhất trí, đề nghị biểu quyết bằng giơ tay."),
               self.do(f"Đếm: tán thành {B}/{h.base_count if h else B}; không tán thành {B}.")]
        subjects = self.desk.rating_subjects()
        order = [self.desk.subject_name(x_) for x_ in subjects
                 if x_ != CELL and (not step.subject_member_id or x_ == step.subject_member_id)]
        out.append(self.say("Thứ tự biểu quyết: " + "; ".join(order) + "."))
        if h is not None:
            out.append(self.say(f"Số đảng viên được tính: {h.base_count} đồng chí. Một mức xếp loại được đề xuất "
                                f"khi có quá nửa số đảng viên được tính tán thành, tức ít nhất "
                                f"{self.needed(h.base_count)} phiếu."))
        else:
            out.append(self.say(f"Số đảng viên được tính: {B} đồng chí. Một mức xếp loại được đề xuất khi có quá "
                                f"nửa số đảng viên được tính tán thành, tức ít nhất {B} phiếu."))
        if self.desk.settings.cumulative:
            out.append(self.say("Phiếu tán thành mức cao hơn được tính cho các mức thấp hơn; mức đạt là mức "
                                "cao nhất được quá nửa tán thành."))
        out += [self.say("Mời Tổ kiểm phiếu phát phiếu. Mỗi dòng đánh dấu vào một ô; dòng không đánh dấu hoặc "
                         "đánh dấu từ hai ô trở lên không hợp lệ đối với đồng chí ở dòng đó."),
                self.do(f"Số phiếu phát ra: {B}; thu vào: {B}."),
                self.say("Mời Tổ kiểm phiếu làm việc và công bố biên bản kiểm phiếu.")]
        return out

    def cell_rating(self, step) -> list:
        return [self.say(f"Căn cứ kết quả thực hiện nhiệm vụ năm {self.s.meeting.rating_year} và kết quả kiểm "
                         f"điểm, đề nghị hội nghị biểu quyết mức tự xếp loại của {self.s.cell.name or 'chi bộ'}: "
                         f"{B}."),
                self.do(f"Đếm: tán thành {B}/{B}; ghi số phiếu cho từng mức.")]

    def results(self, step) -> list:
        levels = "; ".join(f"{LEVEL_ABBREVIATIONS[lv]}: {B} đồng chí" for lv in LEVELS_TOP_DOWN)
        return [self.say(f"Thay mặt chủ trì, tôi công bố kết quả biểu quyết xếp loại: {levels}. "
                         f"Tỷ lệ Hoàn thành xuất sắc nhiệm vụ so với Hoàn thành tốt nhiệm vụ: {B}%."),
                self.say("Kết quả được báo cáo cấp ủy cấp trên xem xét, quyết định.")]

    def adoption(self, step) -> list:
        taker = self.name(self.s.meeting.minute_taker_id)
        return [self.say(f"Mời đồng chí {taker}, thư ký hội nghị, đọc dự thảo biên bản hội nghị."),
                self.say("Đồng chí nào có ý kiến bổ sung, đề nghị phát biểu."),
                self.say("Đồng chí nào nhất trí thông qua biên bản hội nghị, đề nghị biểu quyết bằng giơ tay."),
                self.do(f"Đếm: tán thành {B}/{B}; không tán thành {B}. Biên bản được khóa từ lần biểu quyết này.")]

    def closing(self, step) -> list:
        return [self.say(f"Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm {self.s.meeting.rating_year} "
                         "đã hoàn thành chương trình đề ra. Xin cảm ơn các đồng chí đại biểu và toàn thể các đồng chí "
                         "đảng viên. Tôi tuyên bố bế mạc hội nghị."),
                self.do(f"Thư ký ghi giờ kết thúc: {B} giờ {B}.")]

    def blocks(self) -> DocumentBlocks:
        s = self.s
        m, cell = s.meeting, s.cell
        doc = DocumentBlocks(f"Kịch bản điều hành hội nghị kiểm điểm năm {m.rating_year}")
        doc.add(HeaderInfo(cell.higher_org, cell.name, None, self.locality or cell.locality, m.meeting_date),
                Title("KỊCH BẢN ĐIỀU HÀNH", f"hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm {m.rating_year}"),
                Para.of(f"- Thời gian: {time_words(m.start_time) if m.start_time else B}, "
                        + (f"ngày {m.meeting_date.day:02d}/{m.meeting_date.month:02d}/{m.meeting_date.year}"
                           if m.meeting_date else f"ngày {B}") + f"; địa điểm: {m.place or B}.", indent=False),
                Para([("- Chủ trì: đồng chí ", ""), (self.chair, "b"), ("; thư ký: đồng chí ", ""),
                      (self.name(m.minute_taker_id), "b"), (".", "")], indent=False))
        handlers = {StepKind.OPENING: lambda step: self.opening(), StepKind.COLLECTIVE_REVIEW: self.collective_review,
                    StepKind.MEMBER_REVIEW: self.member_review, StepKind.RATING_VOTES: self.rating_votes,
                    StepKind.CELL_RATING: self.cell_rating, StepKind.RESULTS: self.results,
                    StepKind.ADOPTION: self.adoption, StepKind.CLOSING: self.closing}
        for n, step in enumerate(s.record.steps, 1):
            who = self.chair
            if step.kind == StepKind.MEMBER_REVIEW and step.subject_member_id == m.chair_id:
                who = self.name(step.chair_id) if step.chair_id else self.deputy()
            doc.add(*self.heading(n, step.title, who))
            handler = handlers.get(step.kind)
            doc.add(*(handler(step) if handler else [self.say(f"{step.title}: {B}")]))
        return doc


def chair_script_content(session, locality: str = "") -> tuple[DocumentBlocks, Marking]:
    """The script's content and its marking: an aid for the chair, no DỰ THẢO or revision mark."""
    return ChairScript(session, locality).blocks(), Marking(draft=False, revision=0)


def build_chair_script(session, target: str | Path, *, locality: str = "") -> Path:
    blocks, marking = chair_script_content(session, locality)
    return write_pdf(blocks, target, marking)


def build_chair_script_docx(session, target: str | Path, *, locality: str = "") -> Path:
    """The same script in Word: the chair adds their own words before the meeting."""
    blocks, marking = chair_script_content(session, locality)
    return write_docx(blocks, target, marking)
