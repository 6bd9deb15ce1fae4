"""The order of business, generated from the rule set (DOMAIN.md §6)."""
from __future__ import annotations

from ..model import Category, Member, PartyPost
from ..model.review import AgendaStep, StepKind
from ..rules.attendance import eligibility
from ..rules.ruleset import RuleSet
from ..vn.collation import sort_members

_POST_ORDER = {PartyPost.SECRETARY: 0, PartyPost.DEPUTY: 1, PartyPost.COMMITTEE: 2, PartyPost.MEMBER: 3}


def review_order(members: list[Member]) -> list[Member]:
    """Bí thư, phó bí thư, chi ủy viên, then the other members, each group in name order."""
    ordered = sort_members(members)
    return sorted(ordered, key=lambda m: _POST_ORDER[m.party_post])


def reviewed_members(rules: RuleSet, members: list[Member], categories: dict[str, Category]) -> list[Member]:
    return review_order([m for m in members if eligibility(rules, categories[m.id]).reviewed])


def member_review_title(m: Member) -> str:
    return f"Kiểm điểm đồng chí {m.full_name}"


# A supplementary session reviews and rates absent members only: no collective review, no cell rating.
SUPPLEMENTARY_SKIPS = ("collective_review", "cell_rating")


def member_vote_title(m: Member) -> str:
    return f"Biểu quyết xếp loại đồng chí {m.full_name}"


def votes_after_each_review(steps: list[AgendaStep]) -> bool:
    """Whether an agenda takes the rating votes right after each member's review (a rating step
    of its own per member) rather than in one rating step after the reviews (the default)."""
    return any(s.kind == StepKind.RATING_VOTES and s.subject_member_id for s in steps)


def build_agenda(rules: RuleSet, members: list[Member], categories: dict[str, Category],
                 has_committee: bool, *, supplementary: bool = False,
                 votes_after_each: bool = False) -> list[AgendaStep]:
    """The rule set's order of business. ``votes_after_each``: "Biểu quyết xếp loại sau khi kiểm
    điểm từng đồng chí" — each member review is followed by that member's rating vote, and the
    common rating step is left out; otherwise one rating step after all the reviews."""
    steps: list[AgendaStep] = []
    for item in rules.agenda:
        if supplementary and item.kind in SUPPLEMENTARY_SKIPS:
            continue
        if votes_after_each and item.kind == "rating_votes":
            continue
        if supplementary and item.kind == "rating_votes":
            steps.append(AgendaStep(StepKind.RATING_VOTES, "Biểu quyết xếp loại đảng viên được kiểm điểm bổ sung"))
            continue
        if item.kind == "member_reviews":
            for m in reviewed_members(rules, members, categories):
                steps.append(AgendaStep(StepKind.MEMBER_REVIEW, member_review_title(m), subject_member_id=m.id))
                if votes_after_each:
                    steps.append(AgendaStep(StepKind.RATING_VOTES, member_vote_title(m), subject_member_id=m.id))
            continue
        title = item.title
        if item.kind == "collective_review" and not has_committee:
            title = "Kiểm điểm tập thể chi bộ"
        steps.append(AgendaStep(StepKind(item.kind), title))
    for i, s in enumerate(steps):
        s.position = i
    return steps
