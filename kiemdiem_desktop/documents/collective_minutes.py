"""What the minutes say of a collective's self-rating (Mẫu 01): who presented the collective's
report, its strengths, shortcomings and remedies, the self-score and the level it proposes for
itself. Read from the stored meeting (record.collective_reviews); used by documents/minutes.py."""
from __future__ import annotations

from ..model import Level
from ..model.levels import LEVEL_LABELS
from ..model.review import StepKind
from ..model.vote import CELL, COMMITTEE
from ..rules.findings import vn_number
from ..voting import VotingDesk
from .content import Para


def _n(value) -> str:
    return vn_number(value, decimals=2)


def collective_of_step(desk: VotingDesk, step) -> str | None:
    """The collective a step speaks of: the committee's review (the cell's where it has no
    committee), or the cell's own rating (when the cell has a committee)."""
    has_committee = desk.s.cell.has_committee
    if step.kind == StepKind.COLLECTIVE_REVIEW:
        return COMMITTEE if has_committee else CELL
    if step.kind == StepKind.CELL_RATING and has_committee:
        return CELL
    return None


def self_rating_sentence(desk: VotingDesk, subject: str) -> str:
    """"Tập thể chi ủy tự chấm 90/100 điểm (…); tự đề xuất mức “Hoàn thành tốt nhiệm vụ”." or ""."""
    r = desk.record.collective_reviews.get(subject)
    if r is None:
        return ""
    who = "Tập thể chi ủy" if subject == COMMITTEE else "Chi bộ"
    parts = []
    if r.total_score is not None:
        parts.append(f"tự chấm {_n(r.total_score)}/100 điểm (chung {_n(r.general_score)}/30; kết quả thực hiện "
                     f"nhiệm vụ {_n(r.task_score)}/70)")
    elif r.general_score is not None or r.task_score is not None:
        parts.append("tự chấm " + "; ".join(t for t in (
            f"chung {_n(r.general_score)}/30" if r.general_score is not None else "",
            f"kết quả thực hiện nhiệm vụ {_n(r.task_score)}/70" if r.task_score is not None else "") if t))
    elif r.grades:
        parts.append("tự đánh giá: " + "; ".join(f"{k}: {v}" for k, v in r.grades.items()))
    if r.proposed_level:
        parts.append(f"tự đề xuất mức “{LEVEL_LABELS[Level(r.proposed_level)]}”")
    return f"{who} {'; '.join(parts)}." if parts else ""


def presenter_of(desk: VotingDesk, step) -> str:
    """Who presented the collective's report at this step, as typed ("" when not typed)."""
    r = desk.record.collective_reviews.get(collective_of_step(desk, step) or "")
    return r.presenter if r else ""


def collective_paragraphs(desk: VotingDesk, step) -> list[Para]:
    """The Mẫu 01 content after the report's summary: strengths, shortcomings and causes, remedies,
    then the self-score and the proposed level; empty when nothing was typed."""
    subject = collective_of_step(desk, step)
    r = desk.record.collective_reviews.get(subject or "")
    if r is None:
        return []
    out: list[Para] = []
    if r.summary:
        out.append(Para.of(r.summary))
    for label, text in (("Ưu điểm, kết quả đạt được: ", r.strengths),
                        ("Hạn chế, khuyết điểm và nguyên nhân: ", r.shortcomings),
                        ("Phương hướng, biện pháp khắc phục: ", r.remedies)):
        if text:
            out.append(Para([(label, "i"), (text, "")]))
    sentence = self_rating_sentence(desk, subject)
    if sentence:
        out.append(Para.of(sentence))
    return out
