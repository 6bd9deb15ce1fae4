"""The line a cell's documents print beside a member (or the cell) when the competent level decided
another level than the one the cell voted: "Cấp ủy cấp trên quyết định: HTTNV (Thông báo số
15-TB/ĐU, ngày 20/12/2026; lý do: …)". The vote stays as it was; this only says what came after."""
from __future__ import annotations

from ..model.levels import LEVEL_ABBREVIATIONS, Level
from ..model.rating import DecisionKind


def higher_decision_note(desk, subject: str) -> str:
    """"" when there is no decision, or the last one keeps the voted level."""
    decided = [d for d in desk.record.decisions if d.subject == subject and d.kind == DecisionKind.DECIDED]
    if not decided:
        return ""
    d = decided[-1]
    voted = desk.voted_level(subject)
    if voted is not None and voted.value == d.level:
        return ""
    where = "; ".join(x for x in (f"Thông báo số {d.reference}" if d.reference else "",
                                  f"ngày {d.decided_on:%d/%m/%Y}" if d.decided_on else "",
                                  f"lý do: {d.reason}" if d.reason else "") if x)
    return f"Cấp ủy cấp trên quyết định: {LEVEL_ABBREVIATIONS[Level(d.level)]}" + (f" ({where})" if where else "")
