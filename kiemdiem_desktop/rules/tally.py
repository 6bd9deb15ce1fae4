"""Checks of the figures typed from the ballots, naming the exact mismatch (DOMAIN.md §7)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..i18n import QT_TRANSLATE_NOOP, UserMessage, msg, translate
from ..model.levels import LEVEL_ABBREVIATIONS, Level


@dataclass
class PaperCounts:
    """The papers of one ballot: issued, returned, valid and invalid (whole papers)."""

    voters_present: int
    issued: int
    returned: int
    valid: int
    invalid: int


@dataclass
class MemberTally:
    """For one member on the common paper: votes per level, and rows left blank or invalid."""

    name: str
    votes: dict[Level, int] = field(default_factory=dict)
    blank_or_invalid: int = 0      # every row invalid for this member (blank + ticked twice)
    multiple: int = 0              # of which: ticked twice or more (counted apart on the record)

    def total(self) -> int:
        return sum(self.votes.values()) + self.blank_or_invalid


def check_papers(p: PaperCounts) -> list[UserMessage]:
    problems: list[UserMessage] = []
    if p.issued > p.voters_present:
        problems.append(msg(QT_TRANSLATE_NOOP(
            "core", "Số phiếu phát ra ({issued}) nhiều hơn số đảng viên có quyền biểu quyết có mặt ({present})."),
            issued=p.issued, present=p.voters_present))
    if p.returned > p.issued:
        problems.append(msg(QT_TRANSLATE_NOOP(
            "core", "Số phiếu thu vào ({returned}) nhiều hơn số phiếu phát ra ({issued})."),
            returned=p.returned, issued=p.issued))
    if p.valid + p.invalid != p.returned:
        problems.append(msg(QT_TRANSLATE_NOOP(
            "core", "Phiếu hợp lệ ({valid}) + phiếu không hợp lệ ({invalid}) = {total}, "
                    "khác số phiếu thu vào ({returned})."),
            valid=p.valid, invalid=p.invalid, total=p.valid + p.invalid, returned=p.returned))
    for name, value in (("issued", p.issued), ("returned", p.returned), ("valid", p.valid), ("invalid", p.invalid)):
        if value < 0:
            problems.append(msg(QT_TRANSLATE_NOOP("core", "Số phiếu không được âm ({field})."), field=name))
    return problems


def check_member(t: MemberTally, returned: int) -> list[UserMessage]:
    """Per member: the level counts plus blank or invalid rows equal the papers returned."""
    if t.total() == returned:
        return []
    detail = " + ".join(f"{LEVEL_ABBREVIATIONS[level]} {t.votes.get(level, 0)}" for level in Level)
    return [msg(QT_TRANSLATE_NOOP(
        "core", "{name}: {detail} + trống/không hợp lệ {blank} = {total}, khác số phiếu thu vào ({returned}): "
                "{direction} {diff} phiếu."),
        name=t.name, detail=detail, blank=t.blank_or_invalid, total=t.total(), returned=returned,
        direction="thừa" if t.total() > returned else "thiếu", diff=abs(t.total() - returned))]


def check_ballot(p: PaperCounts, tallies: list[MemberTally]) -> list[UserMessage]:
    problems = check_papers(p)
    for t in tallies:
        problems += check_member(t, p.returned)
    return problems


def second_entry_pending(second: Mapping[str, MemberTally], returned: int) -> list[UserMessage]:
    """The blind second entry until it is complete (every row adds up to the papers returned):
    how far it is, and the rows typed past the papers returned — its own figures only, never
    anything of the first entry. Empty once it is complete."""
    rows = list(second.values())
    done = sum(1 for t in rows if t.total() == returned)
    if returned > 0 and done == len(rows):
        return []
    out = [msg(QT_TRANSLATE_NOOP(
        "core", "Lần nhập thứ hai chưa xong: {done}/{n} dòng đã đủ {returned} phiếu thu vào. Chỗ khác với lần "
                "nhập thứ nhất chỉ hiện khi nhập xong lần hai."), done=done, n=len(rows), returned=returned)]
    for t in rows:
        if t.total() > returned:
            out.append(msg(QT_TRANSLATE_NOOP(
                "core", "{name}: lần nhập thứ hai cộng được {total} phiếu, nhiều hơn số phiếu thu vào ({returned})."),
                name=t.name, total=t.total(), returned=returned))
    return out


def compare_entries(first: Mapping[str, MemberTally], second: Mapping[str, MemberTally],
                    returned: int | None = None) -> list[UserMessage]:
    """Double entry: where two people's counts of the same papers differ. With ``returned``,
    the second entry is blind: nothing of the first is compared (or shown) until the second
    adds up to the papers returned on every row (``second_entry_pending``)."""
    if returned is not None:
        pending = second_entry_pending(second, returned)
        if pending:
            return pending
    diffs: list[UserMessage] = []
    for key in sorted(set(first) | set(second)):
        a, b = first.get(key), second.get(key)
        if a is None or b is None:
            diffs.append(msg(QT_TRANSLATE_NOOP("core", "{name}: chỉ một người nhập."), name=(a or b).name))
            continue
        for level in Level:
            if a.votes.get(level, 0) != b.votes.get(level, 0):
                diffs.append(msg(QT_TRANSLATE_NOOP(
                    "core", "{name}, {level}: lần nhập thứ nhất {one}, lần thứ hai {two}."),
                    name=a.name, level=LEVEL_ABBREVIATIONS[level], one=a.votes.get(level, 0), two=b.votes.get(level, 0)))
        if a.blank_or_invalid != b.blank_or_invalid:
            diffs.append(msg(QT_TRANSLATE_NOOP(
                "core", "{name}, trống/không hợp lệ: lần nhập thứ nhất {one}, lần thứ hai {two}."),
                name=a.name, one=a.blank_or_invalid, two=b.blank_or_invalid))
    return diffs


MULTIPLE_MARK = "MULTIPLE"


def tally_papers(papers: list[Mapping[str, Level | str | None]], names: Mapping[str, str]) -> dict[str, MemberTally]:
    """Paper-by-paper mode: each paper maps member id -> the level ticked (None: a blank row;
    "MULTIPLE": two ticks or more). Both are invalid for that member only; counted apart."""
    tallies = {mid: MemberTally(name) for mid, name in names.items()}
    for paper in papers:
        for mid, t in tallies.items():
            level = paper.get(mid)
            if level is None or level == MULTIPLE_MARK:
                t.blank_or_invalid += 1
                t.multiple += level == MULTIPLE_MARK
            else:
                t.votes[level] = t.votes.get(level, 0) + 1
    return tallies


def level_count_headings(cumulative: bool, short: bool = False) -> list[str]:
    """The headings of the four level columns of a results table (screens and documents share
    them). Counted cumulatively from the top, a column holds the votes for its level and every
    level above it: "Từ HTNV trở lên", never a bare "HTNV" a clerk reads as votes for HTNV alone."""
    if not cumulative:
        return [LEVEL_ABBREVIATIONS[level] for level in Level]
    return [LEVEL_ABBREVIATIONS[Level.EXCELLENT],
            translate(QT_TRANSLATE_NOOP("core", "Từ HTTNV trở lên")),
            translate(QT_TRANSLATE_NOOP("core", "Từ HTNV trở lên")),
            translate(QT_TRANSLATE_NOOP("core", "Từ KHTNV trở lên")) if short else
            translate(QT_TRANSLATE_NOOP("core", "Từ KHTNV trở lên (mọi phiếu hợp lệ)"))]


def level_counts_text(counts, base: int, cumulative: bool) -> str:
    """The four counts of a rating vote in one line, named as the table names them:
    "HTXSNV 3/11, từ HTTNV trở lên 10/11, từ HTNV trở lên 10/11, từ KHTNV trở lên 10/11"
    (``counts``: the LevelCount of rules.majority, top level first)."""
    heads = level_count_headings(cumulative, short=True)
    heads = [h if i == 0 else h[:1].lower() + h[1:] for i, h in enumerate(heads)]
    return ", ".join(f"{h} {c.votes}/{base}" for h, c in zip(heads, counts))
