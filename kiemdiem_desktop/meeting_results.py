"""The results of a meeting as data: every vote against its base, each member's levels with
the findings of the rule set, and the quota lines (`kiemdiem meeting results`, CLI.md).

Nothing here is stored: it is computed from what was typed, with the same code paths as
the window (MeetingSession, VotingDesk, rules.findings, rules.quota).
"""
from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from .model import Category, Level, leave_on
from .model.levels import LEVEL_ABBREVIATIONS
from .model.meeting import MeetingKind
from .model.rating import RatingFacts
from .model.vote import CELL, COMMITTEE, VoteKind
from .rules.attendance import eligibility
from .rules.context import RatingContext
from .rules.majority import MAJORITY
from .services import CellFile
from .session import MeetingSession
from .voting import VotingDesk


def _num(x: Fraction | None) -> float | None:
    return None if x is None else round(float(x), 4)


def opening_time(s: MeetingSession) -> str:
    """The base is set at the opening: the announced start, else when the first step started."""
    if s.meeting.start_time:
        return s.meeting.start_time
    started = [st.started_at for st in s.record.steps if st.started_at]
    return min(started) if started else "00:00"


def _vote_json(desk: VotingDesk, v) -> dict[str, Any]:
    r = desk.result(v)
    h = r.headcount
    out: dict[str, Any] = {
        "id": v.id, "question": v.question, "kind": v.kind.value, "method": v.method.value,
        "subject": v.subject, "subject_name": desk.subject_name(v.subject) if v.subject else None,
        "taken_at": v.taken_at, "base": h.base_count, "present": h.present_in_base, "present_total": len(h.present),
        "voters": len(h.voters), "quorum_needed": h.quorum_needed, "quorum_met": h.quorum_met,
        "ballot_id": v.ballot_id, "supersedes": v.supersedes, "recorded": v.recorded,
    }
    if r.rating is not None:
        out["levels"] = {k: v.levels[k] for k in ("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED", "BLANK")
                         if k in v.levels}
        out["counts"] = [{"level": c.level.value, "votes": c.votes, "needed": c.needed, "passed": c.passed}
                         for c in r.rating.counts]
        out["reached"] = r.rating.reached.value if r.rating.reached else None
    else:
        out.update(yes=v.yes, no=v.no, abstain=v.abstain, needed=MAJORITY.votes_needed(h.base_count))
    out["passed"] = r.passed
    out["summary"] = r.summary()
    out["problems"] = [str(p) for p in r.problems]
    return out


def _findings(s: MeetingSession, member, category: Category, level: str | None) -> tuple[list[dict], str | None]:
    try:
        from .rules.findings import findings_for, highest_allowed
    except ImportError:   # pragma: no cover - the rules arrive with their own issue
        return [], None
    rec = s.record
    day = s.meeting.meeting_date or date.today()
    ctx = RatingContext(member=member, category=category, rating_year=s.meeting.rating_year,
                        facts=rec.facts.get(member.id) or RatingFacts(member.id),
                        self_review=rec.self_reviews.get(member.id), proposal=rec.proposals.get(member.id),
                        leave=tuple(leave_on(member, day)))
    justified = rec.proposals[member.id].justifications if member.id in rec.proposals else {}
    out = []
    if level:
        for f in findings_for(s.rules, ctx, level):
            out.append({"rule": f.rule, "kind": f.kind.value, "article": f.article, "message": f.message,
                        "caps_at": f.caps_at or None, "justified": f.rule in justified,
                        "justification": justified.get(f.rule)})
    return out, highest_allowed(s.rules, ctx).value


def meeting_results(cf: CellFile, meeting_id: str) -> dict[str, Any]:
    s = MeetingSession(cf, meeting_id)
    desk = VotingDesk(s)
    rec = s.record
    settings = desk.settings
    opening = desk.headcount_at(opening_time(s))
    votes = [_vote_json(desk, v) for v in rec.votes]

    rated_ids = [m.id for m in s.member_list
                 if s.categories[m.id] != Category.NOT_IN_CELL and eligibility(s.rules, s.categories[m.id]).rated]
    if s.meeting.kind == MeetingKind.SUPPLEMENTARY:   # only the members on its agenda (rating_year.py)
        from .rating_year import rated_here

        rated_ids = [m.id for m in rated_here(s)]
    voted_on = {v.subject for v in rec.votes if v.kind == VoteKind.RATING}
    rated_ids += [m.id for m in s.member_list if m.id in voted_on and m.id not in rated_ids]
    members = []
    counted: list[tuple[Any, str]] = []
    for mid in rated_ids:
        m = s.members[mid]
        review = rec.self_reviews.get(mid)
        proposal = rec.proposals.get(mid)
        voted = desk.voted_level(mid)
        final = desk.final_vote(mid)
        self_level = review.proposed_level if review and review.proposed_level else None
        findings, allowed = _findings(s, m, s.categories[mid], voted.value if voted else self_level)
        a = rec.attendance.get(mid)
        members.append({
            "id": mid, "full_name": m.full_name, "category": s.categories[mid].value,
            "attendance": a.status.value if a else None,
            "self_level": self_level,
            "self_score": review.total_score if review else None,
            "accepted_score": (None if proposal is None or proposal.accepted_general is None
                               or proposal.accepted_task is None
                               else proposal.accepted_general + proposal.accepted_task),
            "score_change_reason": proposal.score_change_reason if proposal else "",
            "voted_level": voted.value if voted else None,
            "vote": final.id if final else None,
            "highest_allowed": allowed,
            "findings": findings,
            "decisions": [{"kind": d.kind.value, "level": d.level, "decided_on": d.decided_on.isoformat(),
                           "reference": d.reference} for d in rec.decisions if d.subject == mid],
        })
        if voted:
            counted.append((m, voted.value))
    collectives = []
    for subject in (COMMITTEE, CELL):
        if any(v.subject == subject for v in rec.votes):
            lv = desk.voted_level(subject)
            own = rec.collective_reviews.get(subject)     # Mẫu 01: the collective's self-rating
            collectives.append({"subject": subject, "name": desk.subject_name(subject),
                                "self_level": (own.proposed_level or None) if own else None,
                                "self_score": own.total_score if own else None,
                                "voted_level": lv.value if lv else None})

    quota = []
    try:
        from .rules.quota import quota_lines
    except ImportError:   # pragma: no cover
        quota_lines = None
    if quota_lines is not None and "quota" in s.rules.data:
        lines = (desk.quota() if s.meeting.kind == MeetingKind.SUPPLEMENTARY     # the year's (rating_year.py)
                 else quota_lines(counted, is_grassroots=s.cell.is_grassroots, quota=s.rules,
                                  raised=settings.quota_raised))
        for q in lines:
            quota.append({"group": q.group, "excellent": q.excellent, "good": q.good, "ratio": _num(q.ratio),
                          "limit": _num(q.limit), "allowed": q.allowed, "over": q.over, "advisory": q.advisory,
                          "text": q.text, "article": q.article})
    return {
        "meeting": {"id": s.meeting.id, "kind": s.meeting.kind.value, "rating_year": s.meeting.rating_year,
                    "main_meeting_id": s.meeting.main_meeting_id,
                    "state": s.meeting.state.value,
                    "date": s.meeting.meeting_date.isoformat() if s.meeting.meeting_date else None},
        "rule_set": s.rules.id,
        "rule_set_name": s.rules.name,
        "settings": {"cumulative": settings.cumulative, "excellent_two_thirds": settings.excellent_two_thirds,
                     "exclude_absent_approved": settings.exclude_absent_approved,
                     "quota_raised": settings.quota_raised},
        "base": opening.base_count,
        "opening": {"at": opening.at, "present": opening.present_in_base, "quorum_needed": opening.quorum_needed,
                    "quorum_met": opening.quorum_met},
        "votes": votes,
        "members": members,
        "collectives": collectives,
        "quota": quota,
    }


def results_text(data: dict[str, Any]) -> str:
    """A readable Vietnamese table of the same figures."""
    abbr = {lv.value: LEVEL_ABBREVIATIONS[lv] for lv in Level}
    lines = [f"Cuộc họp {data['meeting']['id']} — năm {data['meeting']['rating_year']} — {data['rule_set_name']}",
             f"Số đảng viên được tính (lúc khai mạc {data['opening']['at']}): {data['base']}; "
             f"có mặt {data['opening']['present']}", "", "BIỂU QUYẾT"]
    for i, v in enumerate(data["votes"], 1):
        lines.append(f"{i:>3}. [{v['taken_at'] or '--:--'}] {v['question']}")
        lines.append(f"     {v['summary']}")
        for p in v["problems"]:
            lines.append(f"     ! {p}")
    lines += ["", "XẾP LOẠI"]
    width = max([len(m["full_name"]) for m in data["members"]] + [10])
    lines.append(f"     {'Họ và tên':<{width}}  {'Tự xếp loại':<11}  {'Chi bộ đề xuất':<14}")
    for i, m in enumerate(data["members"], 1):
        lines.append(f"{i:>3}. {m['full_name']:<{width}}  {abbr.get(m['self_level'] or '', '—'):<11}  "
                     f"{abbr.get(m['voted_level'] or '', '—'):<14}")
        for f in m["findings"]:
            tag = "VƯỚNG" if f["kind"] == "finding" else "Lưu ý"
            lines.append(f"       {tag}: {f['message']} ({f['article']})")
            if f.get("justified"):
                lines.append(f"         Lý do chi bộ ghi: {f['justification']}")
    for c in data["collectives"]:
        lines.append(f"     {c['name']}: {abbr.get(c['voted_level'] or '', '—')}")
    if data["quota"]:
        lines += ["", "TỶ LỆ HTXSNV"]
        for q in data["quota"]:
            group = q["group"] or "Chi bộ"
            kind = "tham khảo" if q["advisory"] else "kiểm tra"
            lines.append(f"     {group}: {q['text']} ({kind})")
    return "\n".join(lines)
