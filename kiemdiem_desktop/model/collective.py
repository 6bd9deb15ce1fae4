"""The collectives' own self-rating (Mẫu 01): the committee's (chi ủy) and the cell's report,
self-score and self-proposed level, as the meeting recorded them (DOMAIN.md §2, §6)."""
from __future__ import annotations

from dataclasses import dataclass

from .review import SelfReview


@dataclass
class CollectiveReview(SelfReview):
    """A collective's self-review: ``member_id`` is the subject ("committee" or "cell").

    Scores (30 + 70 under Quy định 366) or criteria grades (Quy định 124) and the level the
    collective proposes for itself, with the Mẫu 01 content: who presented the report and a
    summary of its strengths, its shortcomings with their causes, and the remedies."""

    presenter: str = ""          # người trình bày báo cáo kiểm điểm
    strengths: str = ""          # ưu điểm, kết quả đạt được
    shortcomings: str = ""       # hạn chế, khuyết điểm và nguyên nhân
    remedies: str = ""           # phương hướng, biện pháp khắc phục

    @property
    def subject(self) -> str:
        return self.member_id

    @property
    def has_content(self) -> bool:
        return bool(self.presenter or self.strengths or self.shortcomings or self.remedies or self.summary
                    or self.proposed_level or self.general_score is not None or self.task_score is not None
                    or self.grades)


FIELDS = ("presenter", "summary", "strengths", "shortcomings", "remedies", "general_score", "task_score",
          "grades", "proposed_level")
