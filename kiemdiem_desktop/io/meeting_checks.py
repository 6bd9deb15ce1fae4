"""The checks the window applies to what is typed, applied to a meeting document before it is
imported or packaged: a document must not bring in what could never have been typed.

* every value within the limits of :mod:`.safe_json` (no NaN or infinity, no integer beyond
  2^53, no lone surrogate, no nesting beyond 64, no text over 1 MiB but an attachment);
* counts no larger than the people who could have given them: a show of hands with more votes
  than voters present at that moment (``VotingDesk.result``), a ballot with more papers issued
  than voters present, more returned than issued, valid + invalid other than returned, or a
  member's row not adding up to the papers returned (``rules.tally.check_ballot``), the two
  entries of a double count differing once the count was accepted (``compare_entries``);
* a counting team of people not in the room, an accepted score other than the self-score
  without a reason, a justification without text;
* short texts (names, codes, titles) of a sensible length.

Each problem names its path in the document ("meeting.ballots[0].returned"). The checks of a
vote's figures apply once the result was announced (``recorded``), the ballot accepted, or the
meeting held or adopted — as in the window, where figures being typed may not yet add up; a
count larger than the whole document's membership is refused in any state.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from ..model import Category, category_on
from ..model.vote import BLANK, MULTIPLE, VoteKind, VoteMethod
from . import safe_json
from .json_schema import SchemaError

# Texts that are shown in one line (a name, a code, a title): longer is not a name.
SHORT_TEXTS = {"full_name": 300, "name": 300, "code": 100, "higher_org": 300, "card_number": 60,
               "title": 500, "question": 2000, "speaker_name": 300, "place": 500, "document_number": 200}


def value_problems(data: Any) -> list[SchemaError]:
    """Values no JSON reader of ours accepts, wherever they are (see safe_json)."""
    return [SchemaError(p.path, p.message) for p in safe_json.check(data, long_strings=frozenset({"data_base64"}))]


def _short_texts(data: dict) -> list[SchemaError]:
    out: list[SchemaError] = []

    def look(obj: dict, path: str) -> None:
        for k, limit in SHORT_TEXTS.items():
            v = obj.get(k)
            if isinstance(v, str) and len(v) > limit:
                out.append(SchemaError(f"{path}.{k}" if path else k, f"dài {len(v)} ký tự, quá {limit}"))

    look(data.get("cell") or {}, "cell")
    for i, m in enumerate(data.get("members") or []):
        look(m, f"members[{i}]")
    mt = data.get("meeting") or {}
    look(mt, "meeting")
    for part in ("delegates", "steps", "comments", "votes"):
        for i, x in enumerate(mt.get(part) or []):
            look(x, f"meeting.{part}[{i}]")
    return out


def consistency_problems(parsed) -> list[SchemaError]:
    """``parsed``: io.meeting_json.Parsed of a document that passed the schema and references."""
    from ..rules.attendance import headcount
    from ..rules.majority import LEVELS_TOP_DOWN
    from ..rules.ruleset import rule_set, rule_set_for_year
    from ..rules.settings import MeetingSettings
    from ..rules.tally import MemberTally, PaperCounts, check_ballot, compare_entries

    rec = parsed.record
    m = rec.meeting
    problems: list[SchemaError] = []
    rules = rule_set(m.rule_set_id) if m.rule_set_id else rule_set_for_year(m.rating_year)
    day = m.meeting_date or date(m.rating_year, 12, 31)
    categories = {x.id: category_on(x, day) for x in parsed.members}
    categories = {k: c for k, c in categories.items() if c != Category.NOT_IN_CELL}
    exclude = MeetingSettings.of(rules, m.settings).exclude_absent_approved
    settled = m.state.value in ("held", "locked")
    everyone = len(parsed.members)
    names = {x.id: x.full_name for x in parsed.members}
    times = sorted({"00:00", "23:59"} | {a.arrived_at for a in rec.attendance.values() if a.arrived_at}
                   | {a.left_at for a in rec.attendance.values() if a.left_at})

    def voters_at(at: str) -> int:
        if at:
            return len(headcount(rules, categories, rec.attendance, at, exclude_absent_approved=exclude).voters)
        # no time written: the most voters present at any moment of the meeting
        return max(len(headcount(rules, categories, rec.attendance, t, exclude_absent_approved=exclude).voters)
                   for t in times)

    ballot_index = {b_id: i for i, b_id in enumerate(rec.ballots)}
    for i, v in enumerate(rec.votes):
        path = f"meeting.votes[{i}]"
        counts = [("yes", v.yes), ("no", v.no), ("abstain", v.abstain)]
        counts += [(f"levels.{k}", n) for k, n in v.levels.items()]
        counts += [(f"second_entry.{k}", n) for k, n in v.second_entry.items()]
        for k, n in counts:
            if n > everyone:
                problems.append(SchemaError(f"{path}.{k}", f"{n} phiếu, nhiều hơn số đảng viên trong tài liệu "
                                                           f"({everyone})"))
        if not (v.recorded or settled) or v.method != VoteMethod.HANDS:
            continue
        voters = voters_at(v.taken_at)
        if v.kind == VoteKind.RATING:
            total = sum(v.levels.get(lv.value, 0) for lv in LEVELS_TOP_DOWN)
            if total > voters:
                problems.append(SchemaError(f"{path}.levels", f"tổng số phiếu ({total}) nhiều hơn số người được "
                                                              f"biểu quyết có mặt ({voters})"))
        elif v.yes + v.no + v.abstain > voters:
            problems.append(SchemaError(path, f"tán thành + không tán thành + không biểu quyết = "
                                              f"{v.yes + v.no + v.abstain}, nhiều hơn số người được biểu quyết "
                                              f"có mặt ({voters})"))
    for b_id, b in rec.ballots.items():
        path = f"meeting.ballots[{ballot_index[b_id]}]"
        for k in ("issued", "returned", "valid", "invalid"):
            n = getattr(b, k)
            if n > everyone:
                problems.append(SchemaError(f"{path}.{k}", f"{n} phiếu, nhiều hơn số đảng viên trong tài liệu "
                                                           f"({everyone})"))
        votes = [v for v in rec.votes if v.ballot_id == b_id]
        if not (b.accepted or settled or any(v.recorded for v in votes)):
            if b.returned > b.issued:
                problems.append(SchemaError(f"{path}.returned", f"số phiếu thu vào ({b.returned}) nhiều hơn số "
                                                                f"phiếu phát ra ({b.issued})"))
            continue
        papers = PaperCounts(voters_at(b.taken_at), b.issued, b.returned, b.valid, b.invalid)

        def tally(v, entry: int) -> MemberTally:
            c = v.levels if entry == 1 else v.second_entry
            # as VotingDesk._tally: blank rows and rows ticked twice are both invalid for that member
            return MemberTally(names.get(v.subject or "", v.subject or ""),
                               {lv: c.get(lv.value, 0) for lv in LEVELS_TOP_DOWN},
                               c.get(BLANK, 0) + c.get(MULTIPLE, 0), c.get(MULTIPLE, 0))

        found = check_ballot(papers, [tally(v, 1) for v in votes])
        if b.double_entry and b.accepted:
            found += compare_entries({v.id: tally(v, 1) for v in votes}, {v.id: tally(v, 2) for v in votes})
        problems += [SchemaError(path, str(p).rstrip(".")) for p in found]
    # The counting team: members in the room when the papers were handed out (set_counting_team).
    for b_id, b in rec.ballots.items():
        if not b.taken_at:
            continue
        for j, member_id in enumerate(b.counting_team):
            a = rec.attendance.get(member_id)
            if not (a and a.in_room(b.taken_at)):
                problems.append(SchemaError(f"meeting.ballots[{ballot_index[b_id]}].counting_team[{j}]",
                                            f"{names.get(member_id, member_id)} không có mặt lúc {b.taken_at}: tổ "
                                            f"kiểm phiếu phải gồm người có mặt"))
    # A score accepted other than the self-score needs a reason (accept_score); a justification a text (justify).
    ratings = list(rec.proposals.values())
    for i, p in enumerate(ratings):
        r = rec.self_reviews.get(p.subject)
        changed = r is not None and (p.accepted_general, p.accepted_task) != (r.general_score, r.task_score) and \
            not (p.accepted_general is None and p.accepted_task is None)
        if changed and not p.score_change_reason:
            problems.append(SchemaError(f"meeting.ratings[{i}].score_change_reason",
                                        f"điểm chi bộ chấp nhận khác điểm tự chấm của "
                                        f"{names.get(p.subject, p.subject)}: cần ghi lý do"))
        for rule, reason in p.justifications.items():
            if not reason:
                problems.append(SchemaError(f"meeting.ratings[{i}].justifications.{rule}", "cần ghi lý do"))
    return problems


def document_problems(data: dict) -> list[SchemaError]:
    """What can be said of the raw document after the schema: the lengths of short texts."""
    return _short_texts(data)


__all__ = ["value_problems", "consistency_problems", "document_problems", "SHORT_TEXTS"]
