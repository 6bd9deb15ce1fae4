"""What a cell's package proposes, read with the cell's own code: each meeting of the year in the
package (meeting.json and meeting-<id>.json) is imported into a cell data file in memory and its
figures computed by the same functions the cell used (MeetingSession, VotingDesk). Each member
appears once in the year, rated where reviewed (a supplementary session's rating wins over "absent"
at the main meeting); the cell's and the chi ủy's own voted levels come from the last meeting that
voted on them."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..i18n import UserError
from ..model import Category
from ..model.meeting import MeetingKind
from ..model.vote import CELL, COMMITTEE
from ..services import CellFile

@dataclass
class MemberProposal:
    member_id: str
    position: int
    full_name: str
    birth_year: int | None
    post: str
    membership: str              # Chính thức / Dự bị
    category: str
    quota_group: str
    rated: bool                  # rated at this cell (False: not reviewed here, see note)
    self_level: str | None
    score: float | None
    voted_level: str | None
    votes: int | None
    base: int | None
    note: str

    def as_row(self) -> dict:
        d = dict(self.__dict__)
        d["rated"] = 1 if self.rated else 0
        return d


@dataclass
class CellProposal:
    rating_year: int
    meeting_id: str
    meeting_date: str | None
    rule_set: str
    cell_level: str | None = None
    cell_votes: int | None = None
    cell_base: int | None = None
    committee_level: str | None = None
    members: list[MemberProposal] = field(default_factory=list)


def _meeting_members(cf: CellFile, meeting_id: str) -> tuple[dict, dict[str, MemberProposal]]:
    """The meeting's figures as the cell's own documents print them (figures.MeetingFigures: a vote
    below quorum decides nothing, notes as in the summary); members not rated at this cell apart."""
    from ..documents.common import kind_of, post_of
    from ..figures import MeetingFigures
    from ..model.category import CATEGORY_LABELS

    f = MeetingFigures.of(cf, meeting_id)
    s = f.s
    m = s.meeting
    rated_here = {x.subject: x for x in f.members}
    out: dict[str, MemberProposal] = {}
    for i, member in enumerate(s.member_list, 1):
        cat = s.categories[member.id]
        if cat in (Category.NOT_IN_CELL, Category.VISITING):
            continue                      # not this cell's member (a visitor is rated by their own cell)
        x = rated_here.get(member.id)
        if x is None:
            out[member.id] = MemberProposal(
                member_id=member.id, position=i, full_name=member.full_name,
                birth_year=member.birth_date.year if member.birth_date else None, post=post_of(member),
                membership=kind_of(cat), category=cat.value, quota_group=member.quota_group.strip(), rated=False,
                self_level=None, score=None, voted_level=None, votes=None, base=None,
                note=f"Không xếp loại tại chi bộ: {CATEGORY_LABELS[cat]}")
            continue
        notes = list(x.notes)
        if x.level is None and not any(x.outcome_text.lower() in n.lower() for n in notes):
            notes.append(x.outcome_text[0].upper() + x.outcome_text[1:])
        out[member.id] = MemberProposal(
            member_id=member.id, position=i, full_name=member.full_name,
            birth_year=member.birth_date.year if member.birth_date else None, post=post_of(member),
            membership=kind_of(cat), category=cat.value, quota_group=member.quota_group.strip(), rated=True,
            self_level=x.self_level.value if x.self_level else None, score=x.accepted_score,
            voted_level=x.level.value if x.level else None, votes=x.level_votes, base=x.level_base,
            note="; ".join(notes))
    collective = {}
    for c in f.collectives:
        if c.subject in (CELL, COMMITTEE) and c.rounds:
            collective[c.subject] = (c.level.value if c.level else None, c.level_votes, c.level_base)
    info = {"id": m.id, "kind": m.kind, "date": m.meeting_date, "rule_set": s.rules.id, "year": m.rating_year,
            "collective": collective}
    return info, out


def read_proposal(files: dict[str, bytes], manifest: dict, documents: dict | None = None) -> CellProposal:
    """The year's proposal of the cell that sent these package files. ``documents``: the meeting
    documents already checked when the package was read (name -> meeting_json.Parsed); any other
    is read and checked here. The figures are computed in a cell data file in memory."""
    from ..io.meeting_json import import_parsed, parse_document

    names = ["meeting.json"] + sorted(n for n in files if n.startswith("meeting-") and n.endswith(".json"))
    documents = documents or {}
    checked = []
    for name in names:
        if name in documents:
            checked.append((name, documents[name]))
            continue
        if name not in files:
            raise UserError(f"Gói không có {name}: không đọc được đề xuất của chi bộ.")
        try:
            data = json.loads(files[name].decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise UserError(f"{name} trong gói không đọc được: {err}.") from err
        checked.append((name, parse_document(data, name)))
    meetings = []
    cf = CellFile.in_memory()
    try:
        ids = [import_parsed(cf, parsed, file=name).meeting_id for name, parsed in checked]
        for mid in dict.fromkeys(ids):
            meetings.append(_meeting_members(cf, mid))
    finally:
        cf.close(backup=False)
    # the main meeting first, then the supplementary sessions in date order
    meetings.sort(key=lambda im: (im[0]["kind"] != MeetingKind.MAIN, im[0]["date"].isoformat() if im[0]["date"] else ""))
    main_id = manifest.get("meeting", {}).get("id") or meetings[0][0]["id"]
    main = next((info for info, _ in meetings if info["id"] == main_id), meetings[0][0])
    year = manifest.get("meeting", {}).get("rating_year") or main["year"]
    result = CellProposal(rating_year=int(year), meeting_id=main_id,
                          meeting_date=main["date"].isoformat() if main["date"] else None, rule_set=main["rule_set"])
    merged: dict[str, MemberProposal] = {}
    for _info, members in meetings:
        for mid, mp in members.items():
            old = merged.get(mid)
            if old is None or mp.voted_level is not None or (old.voted_level is None and mp.rated and not old.rated):
                if old is not None:
                    mp.position = old.position
                merged[mid] = mp
    result.members = sorted(merged.values(), key=lambda mp: mp.position)
    for info, _members in meetings:
        c = info["collective"]
        if CELL in c:
            result.cell_level, result.cell_votes, result.cell_base = c[CELL]
        if COMMITTEE in c:
            result.committee_level = c[COMMITTEE][0]
    return result

