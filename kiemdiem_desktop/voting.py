"""Votes, ballots and ratings of a meeting (DOMAIN.md §2–§5, §7), over a MeetingSession.

Results are never stored: they are computed from what was typed (counts, attendance,
settings), so any later correction recomputes them — and ``effects`` lists the results
whose outcome a correction would change before it is made. What the meeting did (counts,
proposals, justifications) is stored as typed and never rewritten.
"""
from __future__ import annotations

import copy
import json
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Callable, Mapping

from .i18n import QT_TRANSLATE_NOOP, UserError, UserMessage, msg
from .model import Category, Level, Member, PartyPost, leave_on
from .model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from .model.meeting import MeetingKind, meeting_day
from .model.rating import DecisionKind, Finding, LevelDecision, RatingFacts, RatingProposal
from .model.record import MeetingRecord
from .model.review import StepKind
from .model.vote import BLANK, CELL, COMMITTEE, MULTIPLE, Ballot, BallotLayout, Vote, VoteKind, VoteMethod
from .rules.attendance import Headcount, eligibility
from .rules.context import RatingContext
from .rules.findings import blocking, findings_for
from .rules.predicates import CollectiveContext
from .rules.quota import QuotaLine, quota_lines
from .rules.majority import LEVELS_TOP_DOWN, MAJORITY, RatingOutcome, rating_outcome
from .rules.settings import MeetingSettings
from .rules.tally import MemberTally, PaperCounts, check_ballot, compare_entries, level_counts_text, tally_papers
from .store import ballot_papers, decisions
from .store import changes as ch
from .store.changes import RowChange
from .vn.text import clean

if TYPE_CHECKING:   # the desk works over a session; the session imports the desk, never the reverse
    from .session import MeetingSession

_POST_ORDER = {PartyPost.SECRETARY: 0, PartyPost.DEPUTY: 1, PartyPost.COMMITTEE: 2, PartyPost.MEMBER: 3}


def supplementary_subjects(session: "MeetingSession") -> list[str]:
    """Who a supplementary session rates: the members on its agenda, present when reviewed (or
    reviewed and left early), never the collectives (rating_year.py: the year's meetings)."""
    order = {m.id: i for i, m in enumerate(session.member_list)}
    out = []
    for s in session.record.steps:
        mid = s.subject_member_id
        if s.kind != StepKind.MEMBER_REVIEW or not mid or mid not in session.members or mid in out:
            continue
        if session.categories[mid] == Category.NOT_IN_CELL or not eligibility(session.rules,
                                                                               session.categories[mid]).rated:
            continue
        out.append(mid)
    return sorted(out, key=lambda mid: (_POST_ORDER[session.members[mid].party_post], order[mid]))


@dataclass(frozen=True)
class VoteResult:
    """One vote against its base, at the vote's recorded time (never the clock).

    A vote below quorum decides nothing (DOMAIN.md §5): ``passed`` is False and
    ``rating.reached`` is None whatever the counts; ``counted_level`` keeps what the counts
    alone would have given, for the record of the vote."""

    vote: Vote
    headcount: Headcount
    passed: bool                       # decided: quorum met and more than half of the base said yes / reached a level
    rating: RatingOutcome | None       # rating votes (reached is None below quorum)
    problems: tuple[UserMessage, ...]  # counts that do not add up
    counted_level: Level | None = None  # the level the counts reach, quorum or not
    cumulative: bool = True            # how the counts were counted (the words of summary() say it)

    @property
    def quorum_met(self) -> bool:
        return self.headcount.quorum_met

    @property
    def reached(self) -> str:
        return self.rating.reached.value if self.rating and self.rating.reached else ""

    def summary(self) -> str:
        """One line with the figures against the base, for lists and the minutes (words, no symbols)."""
        h = self.headcount
        head = f"có mặt {h.present_in_base}/{h.base_count}"
        if not self.quorum_met:
            head += f" (không đủ 2/3, cần {h.quorum_needed})"
        if self.rating is not None:
            parts = [level_counts_text(self.rating.counts, h.base_count, self.cumulative)]
            if not self.quorum_met:
                end = "không đủ số lượng: biểu quyết không có giá trị, cần biểu quyết lại"
            elif self.rating.reached:
                end = LEVEL_LABELS[self.rating.reached]
            else:
                end = "không mức nào đạt quá nửa"
            return f"{head}; " + ", ".join(parts) + f"; kết quả: {end}"
        v = self.vote
        verdict = ("thông qua" if self.passed else "không thông qua" if self.quorum_met
                   else "không đủ số lượng, biểu quyết không có giá trị")
        return (f"{head}; tán thành {v.yes}/{h.base_count}, không tán thành {v.no}, "
                f"không biểu quyết {v.abstain}; kết quả: {verdict}")


class VotingDesk:
    def __init__(self, session: MeetingSession):
        self.s = session

    # -- helpers -----------------------------------------------------------------------------------
    @property
    def record(self) -> MeetingRecord:
        return self.s.record

    @property
    def settings(self) -> MeetingSettings:
        return MeetingSettings.of(self.s.rules, self.s.meeting.settings)

    def vote(self, vote_id: str) -> Vote:
        return next(v for v in self.record.votes if v.id == vote_id)

    def subject_name(self, subject: str | None) -> str:
        if subject == COMMITTEE:
            return "Tập thể chi ủy" if self.s.cell.has_committee else "Tập thể chi bộ"
        if subject == CELL:
            return self.s.cell.name or "Chi bộ"
        m = self.s.members.get(subject or "")
        return m.full_name if m else ""

    def vote_changes(self, v: Vote) -> list[RowChange]:
        """The rows of a vote and its counts, as the session commits them."""
        values = {"meeting_id": self.s.meeting_id, "step_id": v.step_id, "position": v.position, "kind": v.kind.value,
                  "question": clean(v.question), "subject": v.subject, "method": v.method.value,
                  "ballot_id": v.ballot_id, "taken_at": v.taken_at, "yes": v.yes, "no": v.no, "abstain": v.abstain,
                  "settings": json.dumps(v.settings, sort_keys=True), "supersedes": v.supersedes,
                  "recorded": int(v.recorded), "offered": json.dumps(list(v.offered)),
                  "revote_reason": clean(v.revote_reason)}
        out = [RowChange("vote", {"id": v.id}, values)]
        for entry, counts in ((1, v.levels), (2, v.second_entry)):
            for level in [*(lv.value for lv in LEVELS_TOP_DOWN), BLANK, MULTIPLE]:
                key = {"vote_id": v.id, "entry": entry, "level": level}
                out.append(RowChange("vote_level", key, {"count": counts[level]} if level in counts else None))
        return out

    def _ballot_change(self, b: Ballot) -> RowChange:
        return RowChange("ballot", {"id": b.id}, {
            "meeting_id": self.s.meeting_id, "step_id": b.step_id, "layout": b.layout.value, "taken_at": b.taken_at,
            "issued": b.issued, "returned": b.returned, "valid": b.valid, "invalid": b.invalid,
            "counting_team": json.dumps(b.counting_team), "double_entry": int(b.double_entry),
            "state": "accepted" if b.accepted else "counting", "counted_at": b.counted_at,
            "document_number": clean(b.document_number)})

    def _refuse_if_recorded(self, v: Vote) -> None:
        if v.recorded:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Kết quả biểu quyết “{question}” đã công bố: không sửa số liệu được nữa."), question=v.question))

    # -- questions ---------------------------------------------------------------------------------
    def new_question(self, kind: VoteKind, question: str, method: VoteMethod = VoteMethod.HANDS,
                     subject: str | None = None, step_id: str | None = None, at: str | None = None,
                     ballot_id: str | None = None) -> Vote:
        v = Vote(kind, clean(question), method, subject, step_id or (self.s.current.id if self.s.current else None),
                 ballot_id, at or self.s.clock(), position=len(self.record.votes))
        self.record.votes.append(v)
        started = self.s.step_start_changes(self.record.step(v.step_id)) if v.step_id else []   # a vote starts its step
        self.s.commit(QT_TRANSLATE_NOOP("core", "Đặt câu hỏi biểu quyết"), started + self.vote_changes(v))
        return v

    def rating_subjects(self) -> list[str]:
        """Who is rated here, in the order of 366 Điều 12: the committee first, then its members,
        then the other members, the cell last. Absent members wait for the supplementary session.

        From the stored meeting only: a member is rated here when he was in the room at some
        time of the meeting (at the opening, or arrived later; an early leaver was reviewed),
        or a rating vote on him was recorded. Never the clock. A supplementary session rates only
        the members on its agenda, never the collectives (rating_year.py)."""
        if self.s.meeting.kind == MeetingKind.SUPPLEMENTARY:
            voted_on = {v.subject for v in self.record.votes if v.kind == VoteKind.RATING}
            return [mid for mid in supplementary_subjects(self.s)
                    if (a := self.record.attendance.get(mid)) is None or a.ever_present or mid in voted_on]
        subjects = [COMMITTEE] if self.s.cell.has_committee else []
        members = [m for m in self.s.member_list
                   if eligibility(self.s.rules, self.s.categories[m.id]).rated
                   and self.s.categories[m.id] != Category.NOT_IN_CELL]
        voted_on = {v.subject for v in self.record.votes if v.kind == VoteKind.RATING}
        present = [m for m in members if (a := self.record.attendance.get(m.id)) is None or a.ever_present
                   or m.id in voted_on]
        subjects += [m.id for m in sorted(present, key=lambda m: _POST_ORDER[m.party_post])]
        return subjects + [CELL]

    def rating_question(self, subject: str) -> str:
        return f"Xếp loại chất lượng năm {self.s.meeting.rating_year}: {self.subject_name(subject)}"

    def new_rating_votes(self, method: VoteMethod, subjects: list[str] | None = None,
                         layout: BallotLayout = BallotLayout.COMMON, step_id: str | None = None) -> list[Vote]:
        subjects = subjects if subjects is not None else self.rating_subjects()
        ballot = None
        if method == VoteMethod.BALLOT:
            ballot = self.new_ballot(layout, step_id)
        return [self.new_question(VoteKind.RATING, self.rating_question(s), method, s, step_id,
                                  ballot_id=ballot.id if ballot else None) for s in subjects]

    def set_hands(self, vote_id: str, yes: int, no: int = 0, abstain: int = 0) -> Future:
        v = self.vote(vote_id)
        self._refuse_if_recorded(v)
        v.yes, v.no, v.abstain = yes, no, abstain
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Nhập kết quả biểu quyết"), self.vote_changes(v),
                              merge_key=f"vote:{v.id}")

    def set_levels(self, vote_id: str, counts: Mapping[str, int], entry: int = 1) -> Future:
        """Votes per level (Level values; BLANK for blank rows, MULTIPLE for rows ticked twice)."""
        v = self.vote(vote_id)
        self._refuse_if_recorded(v)
        clean_counts = {str(k.value if isinstance(k, Level) else k): int(n) for k, n in counts.items()}
        if any(n < 0 for n in clean_counts.values()):
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Số phiếu không được âm.")))
        if entry == 1:
            v.levels = clean_counts
        else:
            v.second_entry = clean_counts
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Nhập số phiếu"), self.vote_changes(v),
                              merge_key=f"vote:{v.id}:{entry}")

    def set_taken_at(self, vote_id: str, at: str) -> Future:
        v = self.vote(vote_id)
        self._refuse_if_recorded(v)
        v.taken_at = at
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Sửa giờ biểu quyết"), self.vote_changes(v))

    # -- ballots -----------------------------------------------------------------------------------
    def new_ballot(self, layout: BallotLayout = BallotLayout.COMMON, step_id: str | None = None) -> Ballot:
        b = Ballot(layout, step_id or (self.s.current.id if self.s.current else None), self.s.clock())
        self.record.ballots[b.id] = b
        self.s.commit(QT_TRANSLATE_NOOP("core", "Phát phiếu"), [self._ballot_change(b)])
        return b

    def ballot_votes(self, ballot_id: str) -> list[Vote]:
        return [v for v in self.record.votes if v.ballot_id == ballot_id]

    def set_counting_team(self, ballot_id: str, member_ids: list[str]) -> Future:
        b = self.record.ballots[ballot_id]
        at = b.taken_at or self.s.clock()
        absent = [m for m in member_ids if not ((a := self.record.attendance.get(m)) and a.in_room(at))]
        if absent:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Tổ kiểm phiếu phải gồm người có mặt: {names}."),
                                names=", ".join(self.subject_name(m) for m in absent)))
        b.counting_team = list(member_ids)
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Bầu tổ kiểm phiếu"), [self._ballot_change(b)])

    def set_papers(self, ballot_id: str, issued: int, returned: int, valid: int, invalid: int,
                   double_entry: bool | None = None) -> Future:
        b = self.record.ballots[ballot_id]
        if b.accepted:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Kết quả kiểm phiếu đã được chấp nhận.")))
        b.issued, b.returned, b.valid, b.invalid = issued, returned, valid, invalid
        if double_entry is not None:
            b.double_entry = double_entry
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Nhập số phiếu"), [self._ballot_change(b)],
                              merge_key=f"ballot:{b.id}")

    def set_counting_record(self, ballot_id: str, document_number: str | None = None,
                            counted_at: str | None = None) -> Future:
        """The counting record's number ("…-BBKP/CB") and the time the counting ended ("HH:MM");
        allowed after the count was accepted (they are the record's, not the count's)."""
        b = self.record.ballots[ballot_id]
        if document_number is not None:
            b.document_number = clean(document_number)
        if counted_at is not None:
            b.counted_at = counted_at
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Ghi số, giờ kết thúc kiểm phiếu"), [self._ballot_change(b)])

    def ballot_problems(self, ballot_id: str) -> list[UserMessage]:
        """Every figure that does not add up, named; empty when the count can be accepted."""
        b = self.record.ballots[ballot_id]
        h = self.headcount_at(b.taken_at)
        papers = PaperCounts(len(h.voters), b.issued, b.returned, b.valid, b.invalid)
        problems = check_ballot(papers, [self._tally(v, 1) for v in self.ballot_votes(ballot_id)])
        if b.double_entry:
            first = {v.id: self._tally(v, 1) for v in self.ballot_votes(ballot_id)}
            second = {v.id: self._tally(v, 2) for v in self.ballot_votes(ballot_id)}
            problems += compare_entries(first, second, b.returned)   # blind until the second is complete
        return problems

    def _tally(self, v: Vote, entry: int) -> MemberTally:
        counts = v.levels if entry == 1 else v.second_entry
        return MemberTally(self.subject_name(v.subject), {lv: counts.get(lv.value, 0) for lv in LEVELS_TOP_DOWN},
                           counts.get(BLANK, 0) + counts.get(MULTIPLE, 0), counts.get(MULTIPLE, 0))

    # paper by paper: anonymous rows, outside the undo log
    def add_paper(self, ballot_id: str, marks: Mapping[str, str | None]) -> Future:
        """One paper: subject -> Level value ticked (None: a blank row; "MULTIPLE": two ticks or more).
        No voter, no time, no order."""
        b = self.record.ballots[ballot_id]
        if b.accepted:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Kết quả kiểm phiếu đã được chấp nhận.")))
        return self.s.db.write(ballot_papers.add, ballot_id, dict(marks))

    def paper_count(self, ballot_id: str) -> int:
        return self.s.db.read(ballot_papers.count, ballot_id)

    def _paper_tallies(self, ballot_id: str) -> tuple[int, dict[str, dict[str, int]]]:
        """(number of papers typed, vote id -> counts per level and BLANK) from the papers so far."""
        votes = self.ballot_votes(ballot_id)
        papers = self.s.db.read(ballot_papers.marks, ballot_id)
        tallies = tally_papers([{k: (Level(v) if v and v != MULTIPLE else v) for k, v in p.items()} for p in papers],
                               {v.subject: self.subject_name(v.subject) for v in votes})
        out = {}
        for v in votes:
            t = tallies[v.subject]
            out[v.id] = {**{lv.value: t.votes.get(lv, 0) for lv in LEVELS_TOP_DOWN}, BLANK: t.blank_or_invalid - t.multiple}
            if t.multiple:                      # rows ticked twice: invalid, counted apart
                out[v.id][MULTIPLE] = t.multiple
        return len(papers), out

    def paper_replace_loss(self, ballot_id: str) -> list[UserMessage]:
        """What "tính kết quả từ các phiếu" would replace: every row already typed whose figures
        differ from the papers' (with the blind second entry, and the papers returned and valid).
        Empty when nothing typed would be lost."""
        b = self.record.ballots[ballot_id]
        n, new = self._paper_tallies(ballot_id)
        agreed = b.double_entry and not self.ballot_problems(ballot_id)

        def figures(counts: Mapping[str, int]) -> str:
            parts = [f"{LEVEL_ABBREVIATIONS[lv]} {counts[lv.value]}" for lv in LEVELS_TOP_DOWN if counts.get(lv.value)]
            if counts.get(BLANK):
                parts.append(f"trống/không hợp lệ {counts[BLANK]}")
            if counts.get(MULTIPLE):
                parts.append(f"đánh dấu hai ô trở lên {counts[MULTIPLE]}")
            return ", ".join(parts) or "0"

        lost: list[UserMessage] = []
        for v in self.ballot_votes(ballot_id):
            typed = {k: c for k, c in v.levels.items() if c}
            if typed and typed != {k: c for k, c in new[v.id].items() if c}:
                lost.append(msg(QT_TRANSLATE_NOOP("core", "{name}: {old} thành {new}"),
                                name=self.subject_name(v.subject), old=figures(v.levels), new=figures(new[v.id])))
        if not lost:
            return []
        head = msg(QT_TRANSLATE_NOOP(
            "core", "Số phiếu đã nhập ({returned} phiếu thu vào{agreed}) sẽ bị thay bằng kết quả của {n} phiếu "
                    "vừa gõ từng tờ, ở {rows} dòng:"),
            returned=b.returned, n=n, rows=len(lost), agreed=", hai lần nhập đã khớp nhau" if agreed else "")
        tail = []
        if b.returned != n or b.valid != n:
            tail.append(msg(QT_TRANSLATE_NOOP(
                "core", "Phiếu thu vào {returned} và hợp lệ {valid} thành {n} và {n}; không hợp lệ thành 0."),
                returned=b.returned, valid=b.valid, n=n))
        if any(v.second_entry for v in self.ballot_votes(ballot_id)):
            tail.append(msg(QT_TRANSLATE_NOOP(
                "core", "Lần nhập thứ hai bị xóa: người thứ hai phải nhập lại (không xem lần thứ nhất).")))
        return [head, *lost, *tail]

    def tally_from_papers(self, ballot_id: str, replace: bool = False) -> Future:
        """Compute the totals from the papers typed so far and put them in the count (entry 1).
        Figures already typed that differ are never replaced silently: refused unless ``replace``
        (the user chose it, told by ``paper_replace_loss`` what is lost). One undoable command."""
        b = self.record.ballots[ballot_id]
        if b.accepted:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Kết quả kiểm phiếu đã được chấp nhận.")))
        lost = self.paper_replace_loss(ballot_id)
        if lost and not replace:
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Số phiếu đã nhập khác kết quả của các phiếu vừa gõ: chưa thay. Hãy chọn thay hay giữ số đã "
                        "nhập.")))
        n, new = self._paper_tallies(ballot_id)
        votes = self.ballot_votes(ballot_id)
        for v in votes:
            v.levels = dict(new[v.id])
            if lost:
                v.second_entry = {}
        changes = [c for v in votes for c in self.vote_changes(v)]
        if lost or not (b.returned or b.valid):
            b.returned, b.valid, b.invalid = n, n, 0
            changes.append(self._ballot_change(b))
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Tính kết quả từ các phiếu"), changes)

    def accept_ballot(self, ballot_id: str) -> None:
        """The count is accepted: refused while anything does not add up (or the two entries differ).
        The papers are reduced to totals and deleted; with secure_delete and a checkpoint no
        trace of one paper remains in the file."""
        problems = self.ballot_problems(ballot_id)
        if problems:
            raise UserError(problems[0])
        b = self.record.ballots[ballot_id]
        b.accepted = True
        b.counted_at = b.counted_at or self.s.clock()     # the counting ends now (correctable: set_counting_record)
        for v in self.ballot_votes(ballot_id):
            v.recorded = True
        changes = [self._ballot_change(b)] + [c for v in self.ballot_votes(ballot_id) for c in self.vote_changes(v)]
        self.s.commit(QT_TRANSLATE_NOOP("core", "Chấp nhận kết quả kiểm phiếu"), changes).result()

        def erase(conn) -> None:
            ballot_papers.erase(conn, ballot_id)
            ch.barrier(conn, self.s.meeting_id, "Kiểm phiếu")

        self.s.db.write(erase).result()
        self.s.db.call(ballot_papers.checkpoint)

    # -- results -----------------------------------------------------------------------------------
    def opening_time(self, record: MeetingRecord | None = None) -> str:
        """When the base was set: the actual opening ("Khai mạc" pressed, as corrected), else the
        first step's start, else the time announced; "00:00" for a meeting never held."""
        rec = record or self.record
        m = rec.meeting
        if m.started_at is not None:
            return m.started_at.strftime("%H:%M")
        started = [st.started_at for st in rec.steps if st.started_at]
        if started:
            return min(started)
        return m.start_time or "00:00"

    def vote_time(self, vote: Vote, record: MeetingRecord | None = None) -> str:
        """The vote's recorded time; for a vote typed without one, its ballot's, its step's start,
        else the opening. Presence and the base are taken then."""
        rec = record or self.record
        if vote.taken_at:
            return vote.taken_at
        b = rec.ballots.get(vote.ballot_id or "")
        if b is not None and b.taken_at:
            return b.taken_at
        step = next((st for st in rec.steps if st.id == vote.step_id), None)
        if step is not None and step.started_at:
            return step.started_at
        return self.opening_time(rec)

    def headcount_at(self, at: str) -> Headcount:
        """Presence and the base at a recorded time ("HH:MM"); "" = at the opening."""
        return self.s.headcount_of(at or self.opening_time(), self.settings.exclude_absent_approved)

    def result(self, vote: Vote, record: MeetingRecord | None = None) -> VoteResult:
        record = record or self.record
        h = self.s.headcount_of(self.vote_time(vote, record),
                                MeetingSettings.of(self.s.rules, record.meeting.settings).exclude_absent_approved,
                                record)
        settings = MeetingSettings.of(self.s.rules, {**record.meeting.settings, **vote.settings})
        problems: list[UserMessage] = []
        if vote.kind == VoteKind.RATING:
            counts = {lv: vote.levels.get(lv.value, 0) for lv in LEVELS_TOP_DOWN}
            outcome = rating_outcome(counts, h.base_count, settings.counting())
            counted = outcome.reached
            if not h.quorum_met:                     # below quorum: decides nothing
                outcome = RatingOutcome(outcome.base, outcome.counts, None)
            if vote.method == VoteMethod.HANDS and sum(counts.values()) > len(h.voters):
                problems.append(msg(QT_TRANSLATE_NOOP(
                    "core", "Tổng số phiếu ({total}) nhiều hơn số người được biểu quyết có mặt ({voters})."),
                    total=sum(counts.values()), voters=len(h.voters)))
            return VoteResult(vote, h, outcome.reached is not None, outcome, tuple(problems), counted,
                              cumulative=settings.cumulative)
        if vote.yes + vote.no + vote.abstain > len(h.voters):
            problems.append(msg(QT_TRANSLATE_NOOP(
                "core", "Tán thành + không tán thành + không biểu quyết = {total}, nhiều hơn số người được "
                        "biểu quyết có mặt ({voters})."),
                total=vote.yes + vote.no + vote.abstain, voters=len(h.voters)))
        return VoteResult(vote, h, h.quorum_met and MAJORITY.passes(vote.yes, h.base_count), None, tuple(problems))

    def results(self, record: MeetingRecord | None = None) -> dict[str, VoteResult]:
        record = record or self.record
        return {v.id: self.result(v, record) for v in record.votes}

    def effects(self, change: Callable[[MeetingRecord], None]) -> list[str]:
        """The results whose outcome a correction would change, before it is made: ``change``
        edits a copy of the meeting (attendance, settings, counts)."""
        before = self.results()
        copy_rec = copy.deepcopy(self.record)
        change(copy_rec)
        after = self.results(copy_rec)
        lines = []
        for vote_id, old in before.items():
            new = after[vote_id]
            if (old.passed, old.reached, old.quorum_met) != (new.passed, new.reached, new.quorum_met):
                lines.append(f"{old.vote.question}: {old.summary()}  ⟶  {new.summary()}")
        return lines

    def record_result(self, vote_id: str) -> None:
        """Announce the result: the figures are frozen and undo stops here."""
        v = self.vote(vote_id)
        problems = self.result(v).problems
        if problems:
            raise UserError(problems[0])
        v.recorded = True
        if v.kind == VoteKind.MINUTES and self.result(v).passed:
            self.s.lock(with_changes=self.vote_changes(v))   # the lock starts with the adoption vote
            return
        self.s.commit(QT_TRANSLATE_NOOP("core", "Công bố kết quả biểu quyết"), self.vote_changes(v)).result()
        self.s.db.write(ch.barrier, self.s.meeting_id, "Biểu quyết").result()

    def round_needed(self, subject: str) -> str:
        """Why a new round of the rating vote on ``subject`` is needed ("" when none is): the last
        round was below quorum (it decided nothing), or no level reached more than half of the base."""
        v = self.final_vote(subject)
        if v is None:
            return ""
        r = self.result(v)
        h = r.headcount
        if not h.quorum_met:
            return (f"lần biểu quyết lúc {self.vote_time(v)} không đủ 2/3 số đảng viên được tính có mặt "
                    f"(có mặt {h.present_in_base}/{h.base_count}, cần {h.quorum_needed}) nên không có giá trị")
        if r.rating is not None and r.rating.reached is None:
            return (f"lần biểu quyết lúc {self.vote_time(v)} không có mức nào được quá nửa số đảng viên được tính "
                    f"({h.base_count}) tán thành")
        return ""

    def new_round(self, vote_id: str, reason: str = "") -> Vote:
        """A new round of a rating vote, kept beside the first (never replacing it), with why:
        below quorum, the same levels again; no level passed, from the next level down."""
        old = self.vote(vote_id)
        res = self.result(old)
        if res.rating is None:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Chỉ biểu quyết lại được khi xếp loại.")))
        why = self.round_needed(old.subject) if self.final_vote(old.subject) is old else ""
        if res.headcount.quorum_met and res.rating.reached is not None:
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Đã có mức đạt quá nửa: không cần biểu quyết lại.")))
        offered = list(old.offered)
        if res.headcount.quorum_met:
            proposed = self.proposed_level(old.subject) or Level.EXCELLENT
            if offered:     # a round that already started lower: go on from its highest level
                proposed = min((Level(x) for x in offered), key=LEVELS_TOP_DOWN.index)
            nxt = res.rating.next_vote_level(proposed)
            if nxt is None:
                raise UserError(msg(QT_TRANSLATE_NOOP("core", "Không còn mức thấp hơn để biểu quyết.")))
            offered = [lv.value for lv in LEVELS_TOP_DOWN if LEVELS_TOP_DOWN.index(lv) >= LEVELS_TOP_DOWN.index(nxt)]
            question = f"{self.rating_question(old.subject)}: biểu quyết lại từ mức {LEVEL_LABELS[nxt]}"
        else:
            question = f"{self.rating_question(old.subject)}: biểu quyết lại"
        number = len([v for v in self.record.votes_on(old.subject) if v.kind == VoteKind.RATING]) + 1
        v = self.new_question(VoteKind.RATING, f"{question} (lần {number})", old.method, old.subject, old.step_id)
        v.supersedes, v.offered = old.id, offered
        v.revote_reason = clean(reason) or why
        self.s.commit(QT_TRANSLATE_NOOP("core", "Biểu quyết lại"), self.vote_changes(v))
        return v

    def revote_next_level(self, vote_id: str) -> Vote:
        """No level passed (or the vote was below quorum): a new round (see new_round)."""
        return self.new_round(vote_id)

    # -- rules ------------------------------------------------------------------------------------
    def context(self, subject: str) -> RatingContext:
        """What the rules read about a subject: the member (or the collective), the year's facts,
        the self-review and the score accepted by the cell."""
        rec = self.record
        facts = rec.facts.get(subject) or RatingFacts(subject)
        if subject in (COMMITTEE, CELL):
            committee = tuple(m for m in self.s.member_list if m.party_post != PartyPost.MEMBER
                              and self.s.categories[m.id] != Category.NOT_IN_CELL)
            stand_in = Member(full_name=self.subject_name(subject), id=subject)
            degraded = facts.member_degradation_concluded
            if any((f := rec.facts.get(m.id)) is not None and f.degradation_concluded for m in committee):
                degraded = True     # a member of the leadership collective concluded degraded
            return CollectiveContext(stand_in, Category.OFFICIAL, self.s.meeting.rating_year, facts,
                                     self_review=rec.collective_reviews.get(subject),
                                     proposal=rec.proposals.get(subject), day=meeting_day(self.s.meeting),
                                     subject="committee" if subject == COMMITTEE else "collective",
                                     members=committee, personnel_wrongdoing=facts.personnel_wrongdoing,
                                     disunity=facts.disunity, member_degradation_concluded=degraded)
        member = self.s.members[subject]
        day = meeting_day(self.s.meeting)
        return RatingContext(member, self.s.categories[subject], self.s.meeting.rating_year, facts,
                             rec.self_reviews.get(subject), rec.proposals.get(subject), tuple(leave_on(member, day)),
                             day=day)

    def level_considered(self, subject: str) -> Level | None:
        """The level voted, or before the vote the level proposed."""
        return self.voted_level(subject) or self.proposed_level(subject)

    def findings(self, subject: str, level: Level | None = None) -> list[Finding]:
        level = level or self.level_considered(subject)
        if level is None:
            return []
        return findings_for(self.s.rules, self.context(subject), level)

    def unjustified(self, subject: str) -> list[Finding]:
        """Blocking findings on the level voted that still wait for a typed justification."""
        level = self.voted_level(subject)
        if level is None:
            return []
        done = self.proposal(subject).justifications if subject in self.record.proposals else {}
        return [f for f in blocking(self.findings(subject, level)) if not done.get(f.rule)]

    def quota(self, voted_level: Callable[[str], Level | None] | None = None) -> list[QuotaLine]:
        """The quota lines over the levels **voted** (with a quorum) only: a member with no level
        reached, or not voted on, is never counted at the level he proposed (DOMAIN.md §7).
        This meeting's own; a supplementary session shows the year's (rating_year.meeting_quota).
        ``voted_level``: the levels already computed (MeetingFigures), else each is computed here."""
        rated = []
        level_of = voted_level or self.voted_level
        for subject in self.rating_subjects():
            if subject in (COMMITTEE, CELL):
                continue
            level = level_of(subject)
            if level is not None:
                rated.append((self.s.members[subject], level))
        return quota_lines(rated, is_grassroots=self.s.cell.is_grassroots, quota=self.s.rules,
                           raised=self.settings.quota_raised)

    # -- ratings -----------------------------------------------------------------------------------
    def proposed_level(self, subject: str | None) -> Level | None:
        r = (self.record.collective_reviews.get(subject or "") if subject in (COMMITTEE, CELL)
             else self.record.self_reviews.get(subject or ""))
        return Level(r.proposed_level) if r and r.proposed_level else None

    def final_vote(self, subject: str) -> Vote | None:
        """The last vote on a subject (a re-vote supersedes the one before)."""
        votes = [v for v in self.record.votes_on(subject) if v.kind == VoteKind.RATING]
        return votes[-1] if votes else None

    def voted_level(self, subject: str) -> Level | None:
        v = self.final_vote(subject)
        if v is None:
            return None
        res = self.result(v)
        return res.rating.reached if res.rating else None

    def proposal(self, subject: str) -> RatingProposal:
        return self.record.proposals.setdefault(subject, RatingProposal(subject))

    def _rating_change(self, subject: str) -> RowChange:
        p = self.proposal(subject)
        f = self.record.facts.get(subject)
        facts = {k: v for k, v in (f.__dict__.items() if f else []) if k != "member_id"}
        return RowChange("rating", {"meeting_id": self.s.meeting_id, "subject": subject}, {
            "accepted_general": p.accepted_general, "accepted_task": p.accepted_task,
            "score_change_reason": clean(p.score_change_reason),
            "justifications": json.dumps(p.justifications, ensure_ascii=False, sort_keys=True),
            "facts": json.dumps(facts, ensure_ascii=False, sort_keys=True)})

    def accept_score(self, subject: str, general: float | None, task: float | None, reason: str = "") -> Future:
        """The score accepted by the cell; a change from the self-score needs a reason."""
        r = (self.record.collective_reviews.get(subject) if subject in (COMMITTEE, CELL)
             else self.record.self_reviews.get(subject))
        changed = r is not None and (general, task) != (r.general_score, r.task_score) and \
            not (general is None and task is None)
        if changed and not clean(reason):
            raise UserError(msg(QT_TRANSLATE_NOOP(
                "core", "Điểm chi bộ chấp nhận khác điểm tự chấm của {name}: cần ghi lý do."),
                name=self.subject_name(subject)))
        p = self.proposal(subject)
        p.accepted_general, p.accepted_task, p.score_change_reason = general, task, clean(reason)
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Điểm chi bộ chấp nhận"), [self._rating_change(subject)])

    def set_facts(self, member_id: str, **values) -> Future:
        f = self.record.facts.get(member_id) or RatingFacts(member_id)
        for k, v in values.items():
            if not hasattr(f, k) or k == "member_id":
                raise AttributeError(k)
            setattr(f, k, v)
        self.record.facts[member_id] = f
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Nhập kết quả thực hiện nhiệm vụ"),
                              [self._rating_change(member_id)])

    def justify(self, subject: str, rule_id: str, reason: str) -> Future:
        """The reason typed for going on despite a blocking finding; printed in the minutes."""
        if not clean(reason):
            raise UserError(msg(QT_TRANSLATE_NOOP("core", "Cần ghi lý do.")))
        self.proposal(subject).justifications[rule_id] = clean(reason)
        return self.s.commit(QT_TRANSLATE_NOOP("core", "Ghi lý do"), [self._rating_change(subject)])

    def record_decision(self, subject: str, kind: DecisionKind, level: Level, decided_on: date,
                        reference: str = "", reason: str = "") -> LevelDecision:
        """The level decided by the competent level, or a re-rating (Mẫu 03): its own record,
        allowed after the lock, without reopening the minutes."""
        d = LevelDecision(subject, kind, level.value, decided_on, clean(reference), clean(reason))
        self.record.decisions.append(d)
        from .store.database import now_iso

        self.s.db.write(decisions.add, self.s.meeting_id, d, now_iso()).result()
        return d
