"""Votes of the meeting: a show of hands or ballots, on any question (DOMAIN.md §5, §7)."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..i18n import QT_TRANSLATE_NOOP
from .member import new_id


class VoteKind(str, Enum):
    AGENDA = "agenda"                  # thông qua chương trình
    COUNTING_TEAM = "counting_team"    # bầu tổ kiểm phiếu
    RATING = "rating"                  # xếp loại một đảng viên, chi ủy hoặc chi bộ
    MINUTES = "minutes"                # thông qua biên bản
    OTHER = "other"


class VoteMethod(str, Enum):
    HANDS = "hands"                    # biểu quyết giơ tay
    BALLOT = "ballot"                  # bỏ phiếu


VOTE_METHOD_LABELS = {
    VoteMethod.HANDS: QT_TRANSLATE_NOOP("core", "Biểu quyết giơ tay"),
    VoteMethod.BALLOT: QT_TRANSLATE_NOOP("core", "Bỏ phiếu"),
}

COMMITTEE = "committee"   # the subject of the committee's collective rating
CELL = "cell"             # the subject of the cell's own rating
BLANK = "BLANK"           # a row left blank (v1 files: blank or ticked twice): invalid for that member only
MULTIPLE = "MULTIPLE"     # a row ticked twice or more: invalid for that member only, counted apart
INVALID_KEYS = (BLANK, MULTIPLE)


@dataclass
class Vote:
    kind: VoteKind
    question: str
    method: VoteMethod = VoteMethod.HANDS
    subject: str | None = None         # member id, COMMITTEE or CELL (rating votes)
    step_id: str | None = None
    ballot_id: str | None = None
    taken_at: str = ""                 # "HH:MM": presence and the base are taken then
    yes: int = 0                       # show of hands on a yes/no question
    no: int = 0
    abstain: int = 0
    levels: dict[str, int] = field(default_factory=dict)         # Level value or BLANK -> count (entry 1)
    second_entry: dict[str, int] = field(default_factory=dict)   # double entry, typed blind
    settings: dict = field(default_factory=dict)   # {"cumulative": bool, "excellent_two_thirds": bool}
    supersedes: str | None = None      # the vote this round repeats (below quorum, or on the next level down)
    recorded: bool = False             # the result was announced: undo stops here
    position: int = 0
    id: str = field(default_factory=new_id)
    offered: list[str] = field(default_factory=list)   # Level values this round offered; [] = all four
    revote_reason: str = ""            # why this round was held ("" for a first round)

    @property
    def invalid_rows(self) -> int:
        """Rows invalid for this subject: blank plus ticked twice."""
        return sum(self.levels.get(k, 0) for k in INVALID_KEYS)


class BallotLayout(str, Enum):
    COMMON = "common"   # one paper listing every member, four levels to tick
    SINGLE = "single"   # one paper per member


@dataclass
class Ballot:
    """One round of papers: the counts of papers, the counting team, and its state."""

    layout: BallotLayout = BallotLayout.COMMON
    step_id: str | None = None
    taken_at: str = ""
    issued: int = 0
    returned: int = 0
    valid: int = 0
    invalid: int = 0
    counting_team: list[str] = field(default_factory=list)   # member ids, the head first
    double_entry: bool = False
    accepted: bool = False
    id: str = field(default_factory=new_id)
    counted_at: str = ""               # "HH:MM": when the counting ended (the counting record states it)
    document_number: str = ""          # the counting record's number, "…-BBKP/CB"
