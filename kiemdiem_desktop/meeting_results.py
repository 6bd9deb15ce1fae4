"""The results of a meeting as data: every vote against its base, each member's levels with
the findings of the rule set, and the quota lines (`kiemdiem meeting results`, CLI.md).

Nothing here is stored or computed: it prints :class:`~kiemdiem_desktop.figures.MeetingFigures`,
the one computation that the window, the minutes, the counting record, the summary and the
package read too. No clock is read: the figures are a function of the stored meeting.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from .figures import MeetingFigures, Round, SubjectFigures
from .model import Level
from .model.levels import LEVEL_ABBREVIATIONS
from .rules.findings import vn_number
from .rules.majority import MAJORITY
from .services import CellFile
from .session import MeetingSession


def _num(x: Fraction | None) -> float | None:
    return None if x is None else round(float(x), 4)


def opening_time(s: MeetingSession) -> str:
    """The base is set at the opening (see VotingDesk.opening_time)."""
    from .voting import VotingDesk

    return VotingDesk(s).opening_time()


def _vote_json(fig: MeetingFigures, r) -> dict[str, Any]:
    desk, v, h = fig.desk, r.vote, r.headcount
    out: dict[str, Any] = {
        "id": v.id, "question": v.question, "kind": v.kind.value, "method": v.method.value,
        "subject": v.subject, "subject_name": desk.subject_name(v.subject) if v.subject else None,
        "taken_at": desk.vote_time(v), "base": h.base_count, "present": h.present_in_base,
        "present_total": len(h.present), "voters": len(h.voters), "quorum_needed": h.quorum_needed,
        "quorum_met": h.quorum_met, "decides": h.quorum_met, "ballot_id": v.ballot_id, "supersedes": v.supersedes,
        "recorded": v.recorded, "offered": list(v.offered) or [lv.value for lv in Level],
        "revote_reason": v.revote_reason,
    }
    if r.rating is not None:
        out["levels"] = {k: v.levels[k] for k in ("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED", "BLANK",
                                                  "MULTIPLE") if k in v.levels}
        out["counts"] = [{"level": c.level.value, "votes": c.votes, "needed": c.needed, "passed": c.passed}
                         for c in r.rating.counts]
        out["reached"] = r.rating.reached.value if r.rating.reached else None
        out["counted_level"] = r.counted_level.value if r.counted_level else None
    else:
        out.update(yes=v.yes, no=v.no, abstain=v.abstain, needed=MAJORITY.votes_needed(h.base_count))
    out["passed"] = r.passed
    out["summary"] = r.summary()
    out["problems"] = [str(p) for p in r.problems]
    return out


def _round_json(r: Round) -> dict[str, Any]:
    return {"vote": r.vote.id, "number": r.number, "at": r.at, "base": r.base, "present": r.present,
            "quorum_met": r.quorum_met, "offered": [lv.value for lv in r.offered], "counts": dict(r.counts),
            "blank": r.blank, "multiple": r.multiple, "reached": r.reached.value if r.reached else None,
            "why": r.why}


def _findings_json(f: SubjectFigures) -> list[dict]:
    return [{"rule": x.rule, "kind": x.kind.value, "article": x.article, "message": x.message,
             "caps_at": x.caps_at or None, "justified": x.rule in f.justifications,
             "justification": f.justifications.get(x.rule)} for x in f.findings]


def _member_json(fig: MeetingFigures, f: SubjectFigures, roll: dict) -> dict[str, Any]:
    a = fig.s.record.attendance.get(f.subject)
    entry = roll.get(f.subject)
    return {
        "id": f.subject, "full_name": f.name, "category": f.category.value if f.category else None,
        "attendance": a.status.value if a else None,
        "roll_status": entry.status.value if entry else None,
        "self_level": f.self_level.value if f.self_level else None,
        "self_score": f.self_score,
        "accepted_score": f.accepted_score if f.score_changed else (
            None if f.subject not in fig.s.record.proposals or f.accepted_score is None
            or fig.s.record.proposals[f.subject].accepted_general is None else f.accepted_score),
        "score": f.accepted_score,
        "score_changed": f.score_changed,
        "score_change_reason": f.score_change_reason,
        "voted_level": f.level.value if f.level else None,
        "level_votes": f.level_votes, "level_base": f.level_base,
        "outcome": f.outcome.value, "outcome_text": f.outcome_text,
        "vote": f.rounds[-1].vote.id if f.rounds else None,
        "rounds": [_round_json(r) for r in f.rounds],
        "highest_allowed": f.highest_allowed.value if f.highest_allowed else None,
        "findings": _findings_json(f),
        "note": f.note,
        "decisions": [{"kind": d.kind.value, "level": d.level, "decided_on": d.decided_on.isoformat(),
                       "reference": d.reference} for d in f.decisions],
    }


def results_of(fig: MeetingFigures) -> dict[str, Any]:
    s, settings, t = fig.s, fig.desk.settings, fig.times
    roll = {e.member.id: e for e in fig.roll}
    return {
        "meeting": {"id": s.meeting.id, "kind": s.meeting.kind.value, "rating_year": s.meeting.rating_year,
                    "main_meeting_id": s.meeting.main_meeting_id, "state": s.meeting.state.value,
                    "date": s.meeting.meeting_date.isoformat() if s.meeting.meeting_date else None,
                    "place": s.meeting.place},
        "times": {"planned_date": t.planned_date.isoformat() if t.planned_date else None,
                  "planned_start": t.planned_start, "opened_on": t.opened_on.isoformat() if t.opened_on else None,
                  "opened_at": t.opened_at, "adopted_at": t.adopted_at, "closed_at": t.closed_at},
        "rule_set": s.rules.id,
        "rule_set_name": s.rules.name,
        "citation": fig.citation,
        "settings": {"cumulative": settings.cumulative, "excellent_two_thirds": settings.excellent_two_thirds,
                     "exclude_absent_approved": settings.exclude_absent_approved,
                     "quota_raised": settings.quota_raised},
        "base": fig.base,
        "opening": {"at": fig.opening.at, "present": fig.opening.present_in_base,
                    "quorum_needed": fig.opening.quorum_needed, "quorum_met": fig.opening.quorum_met},
        "membership": {"cell": fig.cell_size, "present_at_opening": fig.present_at_opening,
                       "attended": fig.attended},
        "votes": [_vote_json(fig, r) for r in fig.votes],
        "members": [_member_json(fig, f, roll) for f in fig.members],
        "collectives": [{"subject": c.subject, "name": c.name, "voted_level": c.level.value if c.level else None,
                         "self_level": c.self_level.value if c.self_level else None, "score": c.accepted_score,
                         "outcome": c.outcome.value, "rounds": [_round_json(r) for r in c.rounds],
                         "findings": _findings_json(c)}
                        for c in fig.collectives if c.rounds or c.self_level],
        "quota": [{"group": q.group, "excellent": q.excellent, "good": q.good, "ratio": _num(q.ratio),
                   "limit": _num(q.limit), "allowed": q.allowed, "over": q.over, "advisory": q.advisory,
                   "text": q.text, "article": q.article} for q in fig.quota],
        "level_totals": {lv.value: n for lv, n in fig.level_totals().items()},
        "unrated": [{"id": f.subject, "full_name": f.name, "outcome": f.outcome.value, "reason": f.outcome_text}
                    for f in fig.unrated],
        "roll": [{"number": e.number, "id": e.member.id, "full_name": e.member.full_name,
                  "category": e.category.value, "status": e.status.value, "reason": e.reason, "text": e.text,
                  "present_at_opening": e.present_at_opening, "attended": e.ever_present} for e in fig.roll],
        "warnings": list(fig.warnings),
    }


def meeting_results(cf: CellFile, meeting_id: str) -> dict[str, Any]:
    return results_of(MeetingFigures.of(cf, meeting_id))


def results_text(data: dict[str, Any]) -> str:
    """A readable Vietnamese table of the same figures."""
    abbr = {lv.value: LEVEL_ABBREVIATIONS[lv] for lv in Level}
    lines = [f"Cuộc họp {data['meeting']['id']} — năm {data['meeting']['rating_year']} — {data['rule_set_name']}",
             f"Số đảng viên được tính (lúc khai mạc {data['opening']['at']}): {data['base']}; "
             f"có mặt {data['opening']['present']}", "", "BIỂU QUYẾT"]
    for i, v in enumerate(data["votes"], 1):
        lines.append(f"{i:>3}. [{v['taken_at'] or '--:--'}] {v['question']}")
        if v.get("revote_reason"):
            lines.append(f"     Lý do biểu quyết lại: {v['revote_reason']}")
        lines.append(f"     {v['summary']}")
        for p in v["problems"]:
            lines.append(f"     ! {p}")
    lines += ["", "XẾP LOẠI"]
    width = max([len(m["full_name"]) for m in data["members"]] + [10])
    lines.append(f"     {'Họ và tên':<{width}}  {'Tự xếp loại':<11}  {'Chi bộ đề xuất':<14}")
    for i, m in enumerate(data["members"], 1):
        lines.append(f"{i:>3}. {m['full_name']:<{width}}  {abbr.get(m['self_level'] or '', '—'):<11}  "
                     f"{abbr.get(m['voted_level'] or '', '—'):<14}")
        if m["score_changed"]:
            lines.append(f"       Điểm chi bộ chấp nhận {vn_number(m['score'])} (tự chấm {vn_number(m['self_score'])}): "
                         f"{m['score_change_reason']}")
        if not m["voted_level"]:
            lines.append(f"       {m['outcome_text']}")
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
    if data["warnings"]:
        lines += ["", "LƯU Ý"] + [f"     {w}" for w in data["warnings"]]
    return "\n".join(lines)
