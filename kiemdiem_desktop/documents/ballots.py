"""Phiếu biểu quyết xếp loại (DOMAIN.md §7): (a) the common paper — one table listing every
subject to rate (the committee, each member, the cell) with the four levels to tick; a row with
no tick or two ticks is invalid for that member only; (b) the one-member paper, four to an A4
page with cut lines. No voter's name appears anywhere: the vote is secret.

Content only (content.py blocks); render_pdf.py draws them (the one-member papers' shared part
once, as a form reused on every paper)."""
from __future__ import annotations

from pathlib import Path

from ..model import PartyPost
from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.vote import CELL, COMMITTEE
from ..rules.majority import LEVELS_TOP_DOWN
from ..voting import VotingDesk
from .common import post_of
from .content import BallotPaper, CutSheet, DocumentBlocks, Gap, Note, Para, TickTable, Title
from .render import write_docx, write_pdf
from .text import HeaderInfo, Marking

PER_PAGE = 4                         # one-member papers on an A4 page
BLANK_FORM = Marking(draft=False, revision=0)   # a paper handed out: no DỰ THẢO, no revision
INVALID_ROW_NOTE = ("Dòng không đánh dấu hoặc đánh dấu từ hai ô trở lên chỉ không hợp lệ đối với đồng chí ở "
                    "dòng đó; các dòng khác vẫn hợp lệ.")
PAPER_NOTE = ("Đánh dấu (X) vào một ô. Phiếu không đánh dấu hoặc đánh dấu từ hai ô trở lên không hợp lệ. "
              "Không ghi tên người biểu quyết.")


def ballot_subjects(session) -> list[tuple[str, str, str]]:
    """(subject, name, post) in the order of the vote: the committee, its members, the others, the cell."""
    desk = VotingDesk(session)
    out = []
    for subj in desk.rating_subjects():
        if subj in (COMMITTEE, CELL):
            out.append((subj, desk.subject_name(subj), ""))
        else:
            m = session.members[subj]
            out.append((subj, m.full_name, post_of(m) if m.party_post != PartyPost.MEMBER or m.government_post
                        else ""))
    return out


def _legend() -> str:
    return "; ".join(f"{LEVEL_ABBREVIATIONS[lv]}: {LEVEL_LABELS[lv]}" for lv in LEVELS_TOP_DOWN) + "."


# -- (a) the common paper ---------------------------------------------------------------------------------
def common_ballot_blocks(session, *, locality: str = "") -> DocumentBlocks:
    m, cell = session.meeting, session.cell
    doc = DocumentBlocks(f"Phiếu biểu quyết xếp loại chất lượng năm {m.rating_year}")
    doc.add(HeaderInfo(cell.higher_org, cell.name, None, locality or cell.locality, m.meeting_date),
            Title("PHIẾU BIỂU QUYẾT", f"xếp loại chất lượng năm {m.rating_year}"),
            Para([("Cách đánh dấu:", "b"), (" mỗi dòng đánh dấu (X) vào ", ""), ("một", "b"),
                  (" ô ứng với mức xếp loại đồng chí đề xuất. " + INVALID_ROW_NOTE, "")]),
            # the legend above the table, where the voter reads it before ticking (and never alone
            # on a last page under a long table)
            Note.of("Ký hiệu: " + _legend() + "\nPhiếu không ghi tên người biểu quyết."),
            Gap(2),
            TickTable(["STT", "Họ và tên", "Chức vụ"],
                      [[str(i), name, post] for i, (_s, name, post) in enumerate(ballot_subjects(session), 1)],
                      [LEVEL_ABBREVIATIONS[lv] for lv in LEVELS_TOP_DOWN], [10, 48, 33], small_columns=(2,)))
    return doc


def build_common_ballot(session, target: str | Path, *, locality: str = "") -> Path:
    """The paper handed out at the meeting: no DỰ THẢO, no revision — a blank form."""
    return write_pdf(common_ballot_blocks(session, locality=locality), target, BLANK_FORM)


def build_common_ballot_docx(session, target: str | Path, *, locality: str = "") -> Path:
    """The same paper in Word, for a secretary who adds a line by hand before printing."""
    return write_docx(common_ballot_blocks(session, locality=locality), target, BLANK_FORM)


# -- (b) one member per paper, four to a page -------------------------------------------------------------
def single_ballot_blocks(session, *, copies: int = PER_PAGE) -> DocumentBlocks:
    """``copies`` papers for each subject, four to a page with dashed cut lines. With the
    default (4) each page holds one subject's papers: photocopy each page as needed."""
    cell, year = session.cell, session.meeting.rating_year
    title = f"PHIẾU BIỂU QUYẾT XẾP LOẠI CHẤT LƯỢNG NĂM {year}"
    choices = tuple(LEVEL_LABELS[lv] for lv in LEVELS_TOP_DOWN)
    papers = []
    for _s, name, post in ballot_subjects(session):
        subject = (("Xếp loại đối với: ", ""), (name, "b")) + (((f", {post}", ""),) if post else ())
        paper = BallotPaper(cell.higher_org, cell.name, title, subject, choices, PAPER_NOTE)
        papers += [paper] * max(copies, 1)
    doc = DocumentBlocks(f"Phiếu biểu quyết xếp loại từng đồng chí năm {year}")
    doc.add(CutSheet(papers, PER_PAGE))
    return doc


def build_single_ballots(session, target: str | Path, *, copies: int = PER_PAGE) -> Path:
    return write_pdf(single_ballot_blocks(session, copies=copies), target, BLANK_FORM)
