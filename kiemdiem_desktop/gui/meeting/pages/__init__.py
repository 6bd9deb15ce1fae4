"""The guide's step pages, one module each, and the one registry that says which page shows which
step kind (after Picard's options pages: a page is a widget class; the registry names it).

A page is a QWidget made with the guide window (``make(window)``) that has
  ``show_step(step)``   fill it for the step (called each time the step is shown),
  ``focus_step(step)``  put the keyboard where the secretary starts on it,
and may have ``refresh_votes()`` (redraw after an edit elsewhere changed the counts).
The window keeps each page as an attribute named by ``Page.name`` (``guide.opening``…); a page
that serves several kinds is made once. A kind missing here shows the OTHER page.

To add a step kind: a module here with its page class, and one line in PAGES."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QWidget

from ....model.review import StepKind
from ..ratings import RatingStepPage
from ..review import ReviewPanel
from .adoption import AdoptionPage
from .closing import ClosingPage
from .opening import OpeningPage
from .other import OtherPage
from .results import ResultsPage
from .roll import RollPage


@dataclass(frozen=True)
class Page:
    name: str                                   # the guide window's attribute
    make: Callable[[object], QWidget]           # window -> the page, wired to it


def _review(window) -> ReviewPanel:
    page = ReviewPanel(window.session)
    page.changed.connect(window.review_changed)
    return page


def _ratings(window) -> RatingStepPage:
    page = RatingStepPage(window)
    page.changed.connect(window.votes_changed)
    return page


OPENING = Page("opening", OpeningPage)
REVIEW = Page("review", _review)
RATINGS = Page("ratings", _ratings)
RESULTS = Page("results_page", ResultsPage)
ADOPTION = Page("adoption", AdoptionPage)
CLOSING = Page("closing", ClosingPage)
OTHER = Page("other", OtherPage)

PAGES: dict[StepKind, Page] = {
    StepKind.OPENING: OPENING,
    StepKind.COLLECTIVE_REVIEW: REVIEW,
    StepKind.MEMBER_REVIEW: REVIEW,
    StepKind.RATING_VOTES: RATINGS,
    StepKind.CELL_RATING: RATINGS,
    StepKind.RESULTS: RESULTS,
    StepKind.ADOPTION: ADOPTION,
    StepKind.CLOSING: CLOSING,
    StepKind.OTHER: OTHER,
}

# not a step: the roll call (F3) shown over any step
ROLL = Page("roll_page", RollPage)


def page_for(kind: StepKind) -> Page:
    return PAGES.get(kind, OTHER)


def all_pages() -> list[Page]:
    """Each page once, in the registry's order, then the roll call."""
    seen: dict[str, Page] = {}
    for page in PAGES.values():
        seen.setdefault(page.name, page)
    return [*seen.values(), ROLL]


__all__ = ["PAGES", "Page", "AdoptionPage", "ClosingPage", "OpeningPage", "OtherPage", "ResultsPage", "RollPage",
           "all_pages", "page_for"]
