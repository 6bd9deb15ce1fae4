"""What a cell's package proposes, read with the cell's own code: each meeting of the year in the
package (meeting.json and meeting-<id>.json) is imported into a temporary cell data file and its
figures computed by the same functions the cell used (MeetingSession, VotingDesk). Each member
appears once in the year, rated where reviewed (a supplementary session's rating wins over "absent"
at the main meeting); the cell's and the chi ủy's own voted levels come from the last meeting that
voted on them."""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import UserError
from ..model import Category, leave_on
from ..model.attendance import Presence
from ..model.member import DISCIPLINE_LABELS, PERIOD_LABELS
from ..model.meeting import MeetingKind
from ..model.vote import CELL, COMMITTEE
from ..rules.attendance import eligibility
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


def _outcome(desk, subject: str) -> tuple[str | None, int | None, int | None, bool]:
    """(level reached, its votes, the base, voted at all) of the subject's last rating vote. A vote
    below quorum decides nothing (DOMAIN.md §5): no level, as the cell's own documents say."""
    from ..documents.common import decided_level

    v = desk.final_vote(subject)
    if v is None:
        return None, None, None, False
    r = desk.result(v)
    base = r.headcount.base_count
    if decided_level(desk, subject) is None or r.rating is None or r.rating.reached is None:
        return None, None, base, True
    count = next(c for c in r.rating.counts if c.level == r.rating.reached)
    return r.rating.reached.value, count.votes, base, True


def _score(desk, subject: str) -> float | None:
    review = desk.record.self_reviews.get(subject)
    prop = desk.record.proposals.get(subject)
    general = review.general_score if review else None
    task = review.task_score if review else None
    if prop and (prop.accepted_general is not None or prop.accepted_task is not None):
        general = prop.accepted_general if prop.accepted_general is not None else general
        task = prop.accepted_task if prop.accepted_task is not None else task
    return None if general is None or task is None else float(general + task)


def _meeting_members(cf: CellFile, meeting_id: str) -> tuple[dict, dict[str, MemberProposal]]:
    from ..documents.common import kind_of, post_of
    from ..model.category import CATEGORY_LABELS
    from ..session import MeetingSession
    from ..voting import VotingDesk

    s = MeetingSession(cf, meeting_id)
    desk = VotingDesk(s)
    m = s.meeting
    day = m.meeting_date
    out: dict[str, MemberProposal] = {}
    for i, member in enumerate(s.member_list, 1):
        cat = s.categories[member.id]
        if cat == Category.NOT_IN_CELL:
            continue
        level, votes, base, voted = _outcome(desk, member.id)
        rated = eligibility(s.rules, cat).rated or voted
        notes = []
        for d in member.discipline:
            if d.decision_date and d.decision_date.year == m.rating_year:
                notes.append(f"Kỷ luật {DISCIPLINE_LABELS[d.form].lower()} ({d.decision_date:%d/%m/%Y})")
        if day is not None:
            notes += [PERIOD_LABELS[k] for k in leave_on(member, day)]
        if not rated:
            notes.append(f"Không xếp loại tại chi bộ: {CATEGORY_LABELS[cat]}")
        elif not voted:
            a = s.record.attendance.get(member.id)
            if a is not None and not a.present_at_opening and not a.arrived_at:
                why = f" ({a.reason})" if a.status == Presence.ABSENT_APPROVED and a.reason else ""
                notes.append(f"Vắng{why}, kiểm điểm bổ sung")
            else:
                notes.append("Chưa biểu quyết xếp loại")
        elif level is None:
            r = desk.result(desk.final_vote(member.id))
            notes.append("Biểu quyết không đủ số đảng viên có mặt (dưới 2/3 số được tính): chưa xếp loại"
                         if not r.headcount.quorum_met else "Biểu quyết chưa đạt quá nửa số đảng viên được tính")
        review = desk.record.self_reviews.get(member.id)
        out[member.id] = MemberProposal(
            member_id=member.id, position=i, full_name=member.full_name,
            birth_year=member.birth_date.year if member.birth_date else None, post=post_of(member),
            membership=kind_of(cat), category=cat.value, quota_group=member.quota_group.strip(), rated=rated,
            self_level=review.proposed_level if review and review.proposed_level else None,
            score=_score(desk, member.id), voted_level=level, votes=votes, base=base, note="; ".join(notes))
    collective = {}
    for subject in (CELL, COMMITTEE):
        level, votes, base, voted = _outcome(desk, subject)
        if voted:
            collective[subject] = (level, votes, base)
    info = {"id": m.id, "kind": m.kind, "date": m.meeting_date, "rule_set": s.rules.id, "year": m.rating_year,
            "collective": collective}
    return info, out


def read_proposal(files: dict[str, bytes], manifest: dict) -> CellProposal:
    """The year's proposal of the cell that sent these package files."""
    from ..io.meeting_json import import_meeting_report

    names = ["meeting.json"] + sorted(n for n in files if n.startswith("meeting-") and n.endswith(".json"))
    documents = []
    for name in names:
        if name not in files:
            raise UserError(f"Gói không có {name}: không đọc được đề xuất của chi bộ.")
        try:
            documents.append((name, json.loads(files[name].decode("utf-8"))))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise UserError(f"{name} trong gói không đọc được: {err}.") from err
    meetings = []
    with tempfile.TemporaryDirectory(prefix="kiemdiem-de-xuat-") as tmp:
        cf = CellFile.open(Path(tmp) / "chi-bo.kiemdiem", create=True)
        try:
            ids = [import_meeting_report(cf, data, file=name).meeting_id for name, data in documents]
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

