"""One figure, one function (DOMAIN.md §7, "The record is the meeting").

Every figure of a meeting that a reader sees — presence at a vote, the base, whether a vote
decided anything, each member's accepted score and level, the quota lines, what happened to
each member of the cell, the actual times — is computed here, once, from the stored meeting
alone. The results JSON (`meeting results`), the window, the minutes, the counting record, the
summary (PDF, XLSX) and the package all read :class:`MeetingFigures`; none computes a figure
of its own.

Usage (documents, services, the window)::

    figures = MeetingFigures.of(cell_file, meeting_id)      # a snapshot; no clock is read
    figures = MeetingFigures(desk)                         # over a live VotingDesk
    for entry in figures.roll: ...                          # everyone in the cell, numbered
    for m in figures.members: ...                           # each member rated at this cell
    figures.quota, figures.times, figures.citation, figures.rounds_of(subject) …

Nothing here reads the clock: a session built by :meth:`MeetingFigures.of` carries
``clock.NO_CLOCK``, which raises if anything asks it.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Iterator

from .clock import NO_CLOCK
from .model import CATEGORY_LABELS, Category, Level, Member, PartyPost
from .model.attendance import Attendance, Presence
from .model.category import add_months
from .model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from .model.meeting import MeetingKind
from .model.member import DISCIPLINE_LABELS
from .model.rating import DecisionKind, Finding, LevelDecision
from .model.vote import BLANK, CELL, COMMITTEE, MULTIPLE, Vote, VoteKind
from .rules.attendance import Headcount, eligibility
from .rules.citation import citation_text
from .rules.findings import highest_allowed, vn_number
from .rules.leave import long_leaves
from .rules.majority import LEVELS_TOP_DOWN, LevelCount
from .rules.quota import QuotaLine
from .session import MeetingSession, meeting_day
from .vn.dates import format_date
from .voting import VoteResult, VotingDesk

if TYPE_CHECKING:   # pragma: no cover
    from .services import CellFile

_POST_ORDER = {PartyPost.SECRETARY: 0, PartyPost.DEPUTY: 1, PartyPost.COMMITTEE: 2, PartyPost.MEMBER: 3}


def _score(x: float | None) -> str:
    return "" if x is None else vn_number(x)


# ------------------------------------------------------------------------------------------------
# Times
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MeetingTimes:
    """The meeting's times. The **actual** ones are what the minutes print; the planned date and
    time belong to preparation documents only (the invitation, the chair's script).

    - ``planned_date`` / ``planned_start``: as prepared ("08:00").
    - ``opened_on`` / ``opened_at``: when "Khai mạc" was pressed (as corrected); for a meeting
      imported without it, the first step's start on the planned date. None / "" if never opened.
    - ``adopted_at``: the time of the vote adopting the minutes ("" before it).
    - ``closed_at``: the closing time ("" before it).
    - ``vote_times``: each vote's id -> its recorded time (the time presence is taken).
    """

    planned_date: date | None
    planned_start: str
    opened_on: date | None
    opened_at: str
    adopted_at: str
    closed_at: str
    vote_times: dict[str, str] = field(default_factory=dict)

    @property
    def held_on(self) -> date | None:
        """The day the meeting was held (actual when recorded, else planned)."""
        return self.opened_on or self.planned_date


# ------------------------------------------------------------------------------------------------
# Votes
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Round:
    """One round of a rating vote on one subject, with its figures against the base at its time.

    ``number``: 1 for the first round, 2 for the re-vote…; ``why``: why this round was held ("" for
    the first); ``offered``: the levels it offered (all four when the record does not say);
    ``counts``: votes typed per level (plus "BLANK" blank rows and "MULTIPLE" rows ticked twice);
    ``cumulative``: the counts as the method counts them with the votes needed; ``reached``: the
    level decided — None below quorum (the round decides nothing) or when no level passed;
    ``counted_level``: what the counts alone give (shown beside "không đủ 2/3")."""

    vote: Vote
    number: int
    at: str
    base: int
    present: int                 # members of the base in the room
    present_total: int           # everyone of the cell in the room
    voters: int
    quorum_needed: int
    quorum_met: bool
    offered: tuple[Level, ...]
    counts: dict[str, int]
    blank: int
    multiple: int
    cumulative: tuple[LevelCount, ...]
    reached: Level | None
    counted_level: Level | None
    why: str
    summary: str                 # one line in words, for lists and the minutes

    @property
    def decided(self) -> bool:
        return self.reached is not None

    def votes_for(self, level: Level) -> int:
        """Votes counted for ``level`` by the meeting's method (cumulative by default)."""
        return next((c.votes for c in self.cumulative if c.level == level), 0)


def _round(desk: VotingDesk, v: Vote, number: int, why: str, result: VoteResult | None = None) -> Round:
    r: VoteResult = result if result is not None else desk.result(v)
    h = r.headcount
    offered = tuple(Level(x) for x in v.offered) or LEVELS_TOP_DOWN
    counts = {k: v.levels[k] for k in (*(lv.value for lv in LEVELS_TOP_DOWN), BLANK, MULTIPLE) if k in v.levels}
    return Round(v, number, desk.vote_time(v), h.base_count, h.present_in_base, len(h.present), len(h.voters),
                 h.quorum_needed, h.quorum_met, offered, counts, v.levels.get(BLANK, 0), v.levels.get(MULTIPLE, 0),
                 r.rating.counts if r.rating else (), r.rating.reached if r.rating else None, r.counted_level,
                 why, r.summary())


# ------------------------------------------------------------------------------------------------
# Ratings
# ------------------------------------------------------------------------------------------------
class Outcome(str, Enum):
    RATED = "rated"                  # a vote with a quorum reached a level
    NO_LEVEL = "no_level"            # voted with a quorum, no level had more than half of the base
    BELOW_QUORUM = "below_quorum"    # the last round was below quorum: it decided nothing
    NOT_VOTED = "not_voted"          # reviewed or due, never voted on
    ABSENT = "absent"                # absent for the whole meeting: the supplementary session


OUTCOME_TEXT = {
    Outcome.RATED: "",
    Outcome.NO_LEVEL: "chưa xếp loại: không mức nào được quá nửa số đảng viên được tính tán thành",
    Outcome.BELOW_QUORUM: "chưa xếp loại: biểu quyết không đủ 2/3 số đảng viên được tính có mặt nên không có giá trị",
    Outcome.NOT_VOTED: "chưa xếp loại: chưa biểu quyết",
    Outcome.ABSENT: "vắng mặt: kiểm điểm, xếp loại ở buổi kiểm điểm bổ sung",
}


@dataclass(frozen=True)
class SubjectFigures:
    """One member (or the committee, or the cell) as rated at this meeting.

    Scores: ``self_*`` what the member wrote; ``accepted_*`` what the cell accepted (the self-score
    unless changed); ``score_changed`` with ``score_change_reason`` when they differ — print both
    wherever the score is printed. ``level``: the level decided by a round with a quorum (None:
    unrated, see ``outcome`` and ``outcome_text``); ``level_votes`` / ``level_base``: its votes
    against the base. ``rounds``: every round, first to last, each with why it was held.
    ``findings``: on the level decided (else on the level proposed), with ``justifications``
    (rule id -> the reason the meeting typed). ``notes``: the summary's "ghi chú" items
    (discipline, long leave, absence, late arrival, early leaving, score change, unrated).
    ``reviewed_here``: reviewed at this meeting (False: absent, the supplementary session)."""

    subject: str
    name: str
    member: Member | None
    category: Category | None
    reviewed_here: bool
    self_level: Level | None
    self_general: float | None
    self_task: float | None
    self_score: float | None
    accepted_general: float | None
    accepted_task: float | None
    accepted_score: float | None
    score_changed: bool
    score_change_reason: str
    rounds: tuple[Round, ...]
    level: Level | None
    level_votes: int | None
    level_base: int | None
    outcome: Outcome
    outcome_text: str
    findings: tuple[Finding, ...]
    justifications: dict[str, str]
    highest_allowed: Level | None
    notes: tuple[str, ...]
    decisions: tuple[LevelDecision, ...]

    @property
    def note(self) -> str:
        """The "ghi chú" cell: the notes joined by "; "."""
        return "; ".join(self.notes)

    @property
    def score_text(self) -> str:
        """"81 (tự chấm 83; lý do: …)" when changed, else "83"; "" without a score."""
        if self.accepted_score is None:
            return ""
        if not self.score_changed:
            return _score(self.accepted_score)
        return (f"{_score(self.accepted_score)} (tự chấm {_score(self.self_score)}; "
                f"lý do: {self.score_change_reason})")

    @property
    def level_text(self) -> str:
        """"HTTNV (9/12)" or the reason it is unrated."""
        if self.level is None:
            return self.outcome_text
        return f"{LEVEL_ABBREVIATIONS[self.level]} ({self.level_votes}/{self.level_base})"


# ------------------------------------------------------------------------------------------------
# Everyone accounted for
# ------------------------------------------------------------------------------------------------
class RollStatus(str, Enum):
    RATED = "rated"                  # reviewed and rated here
    UNRATED = "unrated"              # reviewed here, no level (outcome says why)
    ABSENT = "absent"                # absent the whole meeting: the supplementary session
    NOT_REVIEWED = "not_reviewed"    # not reviewed here by category (reason says which)
    VISITING = "visiting"            # from another cell: attends and comments, not rated here


@dataclass(frozen=True)
class RollEntry:
    """One member of the cell and what happened to him at this meeting, numbered without gaps.
    ``text`` is the sentence for the minutes ("đã kiểm điểm; chi bộ đề xuất Hoàn thành tốt nhiệm
    vụ (9/12)"); ``reason`` the absence reason or why he is not reviewed here."""

    number: int
    member: Member
    category: Category
    category_label: str
    status: RollStatus
    reason: str
    text: str
    attendance: Attendance | None
    present_at_opening: bool
    ever_present: bool
    stretches: tuple[tuple[str, str], ...]


_NOT_REVIEWED_TEXT = {
    Category.PROBATIONARY_RECENT: "đảng viên dự bị chưa đủ 6 tháng: không kiểm điểm, xếp loại năm nay",
    Category.EXEMPTED: "được miễn công tác và sinh hoạt đảng: không kiểm điểm, xếp loại",
    Category.SUSPENDED: "đang bị đình chỉ sinh hoạt đảng: không kiểm điểm, xếp loại",
    Category.PROSECUTED: "bị khởi tố, truy tố hoặc tạm giam: không kiểm điểm tại chi bộ, báo cáo cấp trên xem xét",
    Category.TEMPORARY_ELSEWHERE: "sinh hoạt tạm thời nơi khác: không kiểm điểm tại hội nghị này",
    Category.VISITING: "sinh hoạt tạm thời tại chi bộ: dự họp, góp ý; chi bộ nhận xét gửi chi bộ nơi sinh hoạt chính thức",
}

_ABSENCE_TEXT = {
    Presence.ABSENT_APPROVED: "có lý do, được chủ trì chấp thuận",
    Presence.ABSENT_UNAPPROVED: "lý do không được chủ trì chấp thuận",
    Presence.ABSENT_NO_REASON: "không có lý do",
}


def absence_text(a: Attendance | None) -> str:
    """"vắng có lý do, được chủ trì chấp thuận (đi công tác)" — how an absence is printed."""
    if a is None:
        return "chưa điểm danh"
    reason = f" ({a.reason})" if a.reason else ""
    return f"vắng {_ABSENCE_TEXT.get(a.status, '')}{reason}".strip()


# ------------------------------------------------------------------------------------------------
# The meeting
# ------------------------------------------------------------------------------------------------
def higher_decision_note(decisions, subject: str, level: Level | None) -> tuple[str, ...]:
    """("Cấp ủy cấp trên quyết định: HTTNV (Thông báo số 15-TB/ĐU; ngày 20/12/2026; lý do: …)",) when
    the competent level's last decision differs from the level the cell voted; the vote stays."""
    decided = [d for d in decisions if d.subject == subject and d.kind == DecisionKind.DECIDED]
    if not decided or (level is not None and decided[-1].level == level.value):
        return ()
    d = decided[-1]
    where = "; ".join(x for x in (f"Thông báo số {d.reference}" if d.reference else "",
                                  f"ngày {format_date(d.decided_on)}" if d.decided_on else "",
                                  f"lý do: {d.reason}" if d.reason else "") if x)
    return (f"Cấp ủy cấp trên quyết định: {LEVEL_ABBREVIATIONS[Level(d.level)]}" + (f" ({where})" if where else ""),)


_SHARED: dict[int, "MeetingFigures | None"] = {}   # id(desk) → its figures (None: not yet), in computed_once


@contextmanager
def computed_once(desk: VotingDesk) -> Iterator[None]:
    """Inside the block, ``MeetingFigures(desk)`` is computed at its first call and every later call
    returns the same figures (``build_documents``: the minutes and the summary's PDF, Word and
    workbook read one computation instead of four). For a still meeting only — nothing recorded on
    the desk's meeting inside the block (the documents window builds on a read-only snapshot).
    Blocks nest; the outermost one drops the figures."""
    key = id(desk)
    if key in _SHARED:
        yield
        return
    _SHARED[key] = None
    try:
        yield
    finally:
        _SHARED.pop(key, None)


class MeetingFigures:
    """Every figure of one meeting, from the stored meeting only (see the module docstring).

    Attributes (computed once, read-only by convention):

    - ``times``: :class:`MeetingTimes`.
    - ``opening``: the headcount when the base was set (``base``, ``present_in_base``,
      ``quorum_needed``…); ``base`` its size.
    - ``present_at_opening``: members of the cell (visitors apart) in the room at the opening;
      ``attended``: those in the room at some time; ``cell_size``: the members of the cell.
    - ``roll``: :class:`RollEntry` for every member of the cell (and visitors), numbered 1…n.
    - ``members``: :class:`SubjectFigures` for each member rated at this cell (reviewed here or
      absent), bí thư, phó bí thư, chi ủy viên, then the others; ``collectives``: the committee
      and the cell when voted on.
    - ``quota``: the quota lines over the levels decided by a vote (never a proposal).
    - ``votes``: every vote's :class:`~kiemdiem_desktop.voting.VoteResult`, in order.
    - ``warnings``: meeting-level warnings naming the member (no admission date…).
    - ``citation``: "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị và Hướng dẫn số …".
    - ``settings_lines``: the settings used, for "căn cứ …".
    """

    def __new__(cls, desk: VotingDesk):
        shared = _SHARED.get(id(desk))
        if shared is not None and shared.desk is desk and cls is MeetingFigures:
            return shared          # inside computed_once(desk): the one computation, already made
        return super().__new__(cls)

    def __init__(self, desk: VotingDesk):
        if self.__dict__.get("desk") is desk:     # the shared figures (__new__): already computed
            return
        self.desk = desk
        self.s = s = desk.s
        self.rules = s.rules
        rec = s.record
        self.day = meeting_day(s.meeting)
        self.times = self._times()
        self.opening: Headcount = desk.headcount_at(desk.opening_time())
        self.base = self.opening.base_count
        in_cell = [m for m in s.member_list if s.categories[m.id] not in (Category.NOT_IN_CELL, Category.VISITING)]
        self.cell_size = len(in_cell)
        att = rec.attendance
        self.present_at_opening = sum(1 for m in in_cell if (a := att.get(m.id)) is not None
                                      and a.in_room(self.opening.at))
        self.attended = sum(1 for m in in_cell if (a := att.get(m.id)) is not None and a.ever_present)
        self.votes: list[VoteResult] = [desk.result(v) for v in rec.votes]
        self._results = {id(r.vote): r for r in self.votes}      # each vote's result, computed once
        self._votes_on: dict[str, list[Vote]] = {}
        self._by_subject: dict[str, SubjectFigures] = {}
        for v in rec.votes:
            self._votes_on.setdefault(v.subject, []).append(v)
        self._rated_here = set(desk.rating_subjects())
        self.members: list[SubjectFigures] = [self._subject(mid) for mid in self._member_ids()]
        collective_ids = ([COMMITTEE] if s.cell.has_committee or any(v.subject == COMMITTEE for v in rec.votes)
                          else []) + [CELL]
        if s.meeting.kind == MeetingKind.SUPPLEMENTARY:   # the collectives are rated at the main meeting only
            collective_ids = [x for x in collective_ids if any(v.subject == x for v in rec.votes)]
        self.collectives: list[SubjectFigures] = [self._subject(x) for x in collective_ids]
        for x in reversed((*self.members, *self.collectives)):     # the first of a subject wins, as before
            self._by_subject[x.subject] = x
        from .rating_year import meeting_quota   # the year's lines at a supplementary session

        self.quota: list[QuotaLine] = (meeting_quota(desk, lambda subject: self.member(subject).level)
                                       if "quota" in self.rules.data else [])
        self.roll: list[RollEntry] = self._roll()
        self.warnings: list[str] = self._warnings()
        self.citation = citation_text(self.rules)
        self.settings_lines = desk.settings.describe()
        if id(desk) in _SHARED and _SHARED[id(desk)] is None and type(self) is MeetingFigures:
            _SHARED[id(desk)] = self      # inside computed_once(desk): the later calls return these

    @classmethod
    def of(cls, cell_file: "CellFile", meeting_id: str) -> "MeetingFigures":
        """A snapshot of the stored meeting; the session refuses to read a clock."""
        return cls(VotingDesk(MeetingSession(cell_file, meeting_id, clock=NO_CLOCK)))

    # -- lookups ---------------------------------------------------------------------------------
    def member(self, subject: str) -> SubjectFigures:
        """The figures of one member (or COMMITTEE / CELL)."""
        found = self._by_subject.get(subject)
        return found if found is not None else self._subject(subject)

    def result_of(self, vote: Vote) -> VoteResult:
        """A vote's result, from the one computation (``votes``)."""
        found = self._results.get(id(vote))
        return found if found is not None and found.vote is vote else self.desk.result(vote)

    def final_result(self, subject: str) -> VoteResult | None:
        """The result of the last rating vote on a subject (a re-vote supersedes the one before)."""
        rounds = self.member(subject).rounds
        return self.result_of(rounds[-1].vote) if rounds else None

    def rounds_of(self, subject: str) -> tuple[Round, ...]:
        return self.member(subject).rounds

    @property
    def rated(self) -> list[SubjectFigures]:
        """Members with a level decided at this meeting."""
        return [m for m in self.members if m.level is not None]

    @property
    def unrated(self) -> list[SubjectFigures]:
        """Members rated at this cell without a level from this meeting, each with ``outcome_text``."""
        return [m for m in self.members if m.level is None]

    def level_totals(self) -> dict[Level, int]:
        """Members per level decided (voted levels only)."""
        return {lv: sum(1 for m in self.members if m.level == lv) for lv in LEVELS_TOP_DOWN}

    # -- building --------------------------------------------------------------------------------
    def _times(self) -> MeetingTimes:
        s, desk = self.s, self.desk
        m = s.meeting
        if m.started_at is not None:
            opened_on, opened_at = m.started_at.date(), m.started_at.strftime("%H:%M")
        else:
            started = [st.started_at for st in s.record.steps if st.started_at]
            opened_on = m.meeting_date if started else None
            opened_at = min(started) if started else ""
        adoption = [v for v in s.record.votes if v.kind == VoteKind.MINUTES]
        return MeetingTimes(m.meeting_date, m.start_time, opened_on, opened_at,
                            desk.vote_time(adoption[-1]) if adoption else "", m.end_time,
                            {v.id: desk.vote_time(v) for v in s.record.votes})

    def _member_ids(self) -> list[str]:
        s = self.s
        if s.meeting.kind == MeetingKind.SUPPLEMENTARY:   # only the members on its agenda (rating_year.py)
            from .rating_year import rated_here

            return [m.id for m in rated_here(s)]
        eligible = [m for m in s.member_list if s.categories[m.id] != Category.NOT_IN_CELL
                    and eligibility(self.rules, s.categories[m.id]).rated]
        voted_on = {v.subject for v in s.record.votes if v.kind == VoteKind.RATING}
        chosen = {m.id for m in eligible}
        eligible += [m for m in s.member_list if m.id in voted_on and m.id not in chosen]
        return [m.id for m in sorted(eligible, key=lambda m: _POST_ORDER[m.party_post])]

    def _subject(self, subject: str) -> SubjectFigures:
        s, desk, rec = self.s, self.desk, self.s.record
        member = s.members.get(subject)
        category = s.categories.get(subject)
        review = rec.self_reviews.get(subject) or rec.collective_reviews.get(subject)   # Mẫu 01 for collectives
        proposal = rec.proposals.get(subject)
        sg = review.general_score if review else None
        stt = review.task_score if review else None
        ag = proposal.accepted_general if proposal and proposal.accepted_general is not None else sg
        at = proposal.accepted_task if proposal and proposal.accepted_task is not None else stt
        self_score = None if sg is None or stt is None else sg + stt
        accepted = None if ag is None or at is None else ag + at
        changed = (ag, at) != (sg, stt) and accepted is not None
        votes = [v for v in self._votes_on.get(subject, ()) if v.kind == VoteKind.RATING]
        rounds = []
        for i, v in enumerate(votes, 1):
            why = v.revote_reason
            if i > 1 and not why:       # a file without the reason: say what the record shows
                prev = rounds[-1]
                why = ("lần biểu quyết trước không đủ 2/3 số đảng viên được tính có mặt" if not prev.quorum_met
                       else "lần biểu quyết trước không có mức nào được quá nửa số đảng viên được tính tán thành"
                       if prev.reached is None else "")
            rounds.append(_round(desk, v, i, why, self.result_of(v)))
        last = rounds[-1] if rounds else None
        level = last.reached if last else None
        reviewed = subject in self._rated_here or subject in (COMMITTEE, CELL)
        if level is not None:
            outcome = Outcome.RATED
        elif last is not None:
            outcome = Outcome.BELOW_QUORUM if not last.quorum_met else Outcome.NO_LEVEL
        else:
            outcome = Outcome.NOT_VOTED if reviewed else Outcome.ABSENT
        self_level = Level(review.proposed_level) if review and review.proposed_level else None
        considered = level or self_level
        findings = tuple(desk.findings(subject, considered)) if considered is not None else ()
        try:
            allowed = highest_allowed(self.rules, desk.context(subject))
        except KeyError:       # a subject unknown to this file
            allowed = None
        level_votes = last.votes_for(level) if last is not None and level is not None else None
        notes = self._notes(subject, member, changed, accepted, self_score,
                            proposal.score_change_reason if proposal else "", outcome)
        notes += higher_decision_note(rec.decisions, subject, level)
        return SubjectFigures(
            subject=subject, name=desk.subject_name(subject), member=member, category=category,
            reviewed_here=reviewed, self_level=self_level, self_general=sg, self_task=stt, self_score=self_score,
            accepted_general=ag, accepted_task=at, accepted_score=accepted, score_changed=changed,
            score_change_reason=proposal.score_change_reason if proposal and changed else "",
            rounds=tuple(rounds), level=level, level_votes=level_votes, level_base=last.base if level else None,
            outcome=outcome, outcome_text=OUTCOME_TEXT[outcome], findings=findings,
            justifications=dict(proposal.justifications) if proposal else {}, highest_allowed=allowed,
            notes=notes, decisions=tuple(d for d in rec.decisions if d.subject == subject))

    def _notes(self, subject, member, changed, accepted, self_score, reason, outcome) -> tuple[str, ...]:
        if member is None:
            return ()
        year = self.s.meeting.rating_year
        out = []
        for d in member.discipline:
            if d.decision_date and d.decision_date.year == year:
                text = f"Kỷ luật {DISCIPLINE_LABELS[d.form].lower()} ({format_date(d.decision_date)})"
                if d.self_detected_remedied:
                    text += ", tự phát hiện và khắc phục xong hậu quả"
                out.append(text)
        for leave in long_leaves(member, year):
            t = leave.text
            out.append(t[0].upper() + t[1:])
        if self.s.categories.get(subject) == Category.UNKNOWN:
            out.append("Chưa có ngày vào Đảng: chưa tính vào số đảng viên được tính")
        a = self.s.record.attendance.get(subject)
        if outcome == Outcome.ABSENT:
            out.append(absence_text(a)[0].upper() + absence_text(a)[1:] + "; kiểm điểm bổ sung")
        elif a is not None:
            stretches = a.stretches()
            if stretches and stretches[0][0]:
                out.append(f"Đến dự lúc {stretches[0][0]}")
            for (s0, e0), (s1, _e1) in zip(stretches, stretches[1:]):
                out.append(f"Vắng mặt từ {e0} đến {s1}")
            if stretches and stretches[-1][1]:
                out.append(f"Về sớm lúc {stretches[-1][1]}")
        if changed:
            out.append(f"Điểm chi bộ chấp nhận {_score(accepted)} (tự chấm {_score(self_score)}): {reason}")
        if outcome in (Outcome.NO_LEVEL, Outcome.BELOW_QUORUM):
            out.append(OUTCOME_TEXT[outcome][0].upper() + OUTCOME_TEXT[outcome][1:])
        return tuple(out)

    def _roll(self) -> list[RollEntry]:
        s = self.s
        people = [m for m in s.member_list if s.categories[m.id] != Category.NOT_IN_CELL]
        people.sort(key=lambda m: (s.categories[m.id] == Category.VISITING, _POST_ORDER[m.party_post]))
        figures = {f.subject: f for f in self.members}
        out = []
        for i, m in enumerate(people, 1):
            cat = s.categories[m.id]
            a = s.record.attendance.get(m.id)
            f = figures.get(m.id)
            if cat == Category.VISITING:
                status, reason, text = RollStatus.VISITING, "", _NOT_REVIEWED_TEXT[cat]
            elif f is None:
                status, reason = RollStatus.NOT_REVIEWED, _NOT_REVIEWED_TEXT.get(cat, CATEGORY_LABELS[cat])
                text = reason
                if cat == Category.PROBATIONARY_RECENT and m.admission_date:
                    text = (f"đảng viên dự bị chưa đủ 6 tháng (vào Đảng ngày {format_date(m.admission_date)}): "
                            f"không kiểm điểm, xếp loại năm nay")
                if cat == Category.EXEMPTED:
                    text += "; " + ("có mặt" if a is not None and a.ever_present else absence_text(a))
            elif f.outcome == Outcome.ABSENT:
                status, reason = RollStatus.ABSENT, a.reason if a else ""
                text = f"{absence_text(a)}: kiểm điểm, xếp loại ở buổi kiểm điểm bổ sung"
            elif f.level is not None:
                status, reason = RollStatus.RATED, ""
                text = f"đã kiểm điểm; chi bộ đề xuất {LEVEL_LABELS[f.level]} ({f.level_votes}/{f.level_base})"
            else:
                status, reason = RollStatus.UNRATED, f.outcome_text
                text = f"đã kiểm điểm; {f.outcome_text}"
            out.append(RollEntry(i, m, cat, CATEGORY_LABELS[cat], status, reason, text, a,
                                 a is not None and a.present_at_opening, a is not None and a.ever_present,
                                 tuple(a.stretches()) if a else ()))
        return out

    def _warnings(self) -> list[str]:
        out = []
        for m in self.s.member_list:
            if self.s.categories[m.id] == Category.UNKNOWN:
                out.append(f"Chưa có ngày vào Đảng của đồng chí {m.full_name}: chương trình không xác định được là "
                           f"đảng viên chính thức hay dự bị, nên chưa tính vào số đảng viên được tính; hãy bổ sung "
                           f"ngày vào Đảng, ngày chính thức trong danh sách đảng viên.")
        for m in self.s.member_list:
            if (self.s.categories[m.id] in (Category.PROBATIONARY, Category.PROBATIONARY_RECENT)
                    and m.admission_date is not None and add_months(m.admission_date, 12) <= self.day):
                out.append(f"Đồng chí {m.full_name} vào Đảng ngày {format_date(m.admission_date)}: đã hết 12 tháng "
                           f"dự bị mà chưa có ngày công nhận chính thức; chi bộ cần xem xét công nhận đảng viên "
                           f"chính thức hoặc cập nhật ngày chính thức.")
        for f in self.members:
            if f.outcome in (Outcome.NO_LEVEL, Outcome.BELOW_QUORUM) and f.reviewed_here:
                out.append(f"{f.name}: {f.outcome_text}; đề nghị biểu quyết lại.")
        return out
