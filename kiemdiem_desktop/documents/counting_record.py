"""Biên bản kiểm phiếu (DOMAIN.md §7): one per accepted ballot — the counting team elected by
show of hands (its head first), the base, those present, the papers issued, returned, valid and
invalid; per subject (the committee, each member, the cell) the votes for each level with the
percentage of the base and the level reached; the signatures of the whole team."""
from __future__ import annotations

from pathlib import Path

from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.vote import BLANK as BLANK_ROW, MULTIPLE as MULTIPLE_ROW, Ballot, VoteKind
from ..rules.majority import LEVELS_TOP_DOWN
from ..voting import VotingDesk
from .common import BLANK, meeting_marking, pct
from .content import DocumentBlocks, Gap, Heading, Note, Para, SignatureGrid, TableBlock, Title
from .render import write_docx, write_pdf
from .text import HeaderInfo, Marking, date_words, time_words

MIN_TEAM_LINES = 3   # an empty team leaves three lines to fill by hand


def accepted_ballots(desk: VotingDesk) -> list[Ballot]:
    """The accepted ballots in the order they were taken."""
    return sorted((b for b in desk.record.ballots.values() if b.accepted), key=lambda b: b.taken_at or "")


_time = time_words


def _hands_result(desk: VotingDesk, vote) -> str:
    r = desk.result(vote)
    h = r.headcount
    verdict = "thông qua" if r.passed and r.quorum_met else "không thông qua"
    return (f"có mặt {h.present_in_base}/{h.base_count} đảng viên được tính; tán thành {vote.yes}/{h.base_count}, "
            f"không tán thành {vote.no}, không biểu quyết {vote.abstain}; {verdict}")


def counting_record_blocks(desk: VotingDesk, ballot: Ballot, *, locality: str = "") -> DocumentBlocks:
    s = desk.s
    m, cell = s.meeting, s.cell
    votes = desk.ballot_votes(ballot.id)
    h = desk.headcount_at(ballot.taken_at or m.start_time)
    team = [desk.subject_name(mid) for mid in ballot.counting_team]
    day = m.started_at.date() if m.started_at else m.meeting_date
    when = date_words(day)
    number = ballot.document_number or ""

    doc = DocumentBlocks(f"Biên bản kiểm phiếu năm {m.rating_year}")
    doc.add(HeaderInfo(cell.higher_org, cell.name, number, locality or cell.locality, day, number_suffix="BBKP/CB"),
            Title("BIÊN BẢN KIỂM PHIẾU", f"biểu quyết xếp loại chất lượng năm {m.rating_year}"),
            Para.of(f"Hồi {_time(ballot.taken_at)} {when}, tại {m.place or BLANK}, hội nghị kiểm điểm, đánh giá, "
                    f"xếp loại chất lượng năm {m.rating_year} của {cell.name} tiến hành bỏ phiếu biểu quyết "
                    f"xếp loại."))

    # the team, elected by show of hands
    doc.add(Heading("1. Tổ kiểm phiếu"))
    team_votes = [v for v in s.record.votes if v.kind == VoteKind.COUNTING_TEAM
                  and (v.step_id == ballot.step_id or v.ballot_id == ballot.id)]
    elected = "Hội nghị đã bầu Tổ kiểm phiếu bằng hình thức biểu quyết giơ tay"
    if team_votes:
        elected += f" ({_hands_result(desk, team_votes[-1])})"
    doc.add(Para.of(elected + ", gồm các đồng chí:"))
    names = team or [BLANK * 4] * MIN_TEAM_LINES
    for i, name in enumerate(names):
        role = "tổ trưởng" if i == 0 else "thành viên"
        doc.add(Para([(f"{i + 1}. Đồng chí ", ""), (name, "b" if team else ""), (f", {role}.", "")], indent=False))

    # figures
    doc.add(Heading("2. Số đảng viên và số phiếu"))
    rows = [("Tổng số đảng viên được tính", f"{h.base_count} đồng chí"),
            ("Số đảng viên được tính có mặt", f"{h.present_in_base} đồng chí ({pct(h.present_in_base, h.base_count)})"),
            ("Số đảng viên có quyền biểu quyết có mặt", f"{len(h.voters)} đồng chí"),
            ("Số phiếu phát ra", f"{ballot.issued} phiếu"),
            ("Số phiếu thu vào", f"{ballot.returned} phiếu"),
            ("Số phiếu hợp lệ", f"{ballot.valid} phiếu"),
            ("Số phiếu không hợp lệ", f"{ballot.invalid} phiếu")]
    for label, value in rows:
        doc.add(Para([(f"- {label}: ", ""), (value, "b"), (".", "")], indent=False))
    doc.add(Note.of("Dòng không đánh dấu hoặc đánh dấu từ hai ô trở lên chỉ không hợp lệ đối với đồng chí ở "
                    "dòng đó (cột “Để trống” và cột “Đánh dấu từ hai ô”)."))

    # results
    doc.add(Heading("3. Kết quả kiểm phiếu"))
    table = []
    for i, v in enumerate(votes, 1):
        r = desk.result(v)
        base = r.headcount.base_count
        cells = [f"{v.levels.get(lv.value, 0)}\n({pct(v.levels.get(lv.value, 0), base)})" for lv in LEVELS_TOP_DOWN]
        blank = v.levels.get(BLANK_ROW, 0)
        multiple = v.levels.get(MULTIPLE_ROW, 0)     # a row ticked twice, apart from a blank row
        reached = r.rating.reached if r.rating and r.quorum_met else None
        if not r.quorum_met:
            outcome = "Chưa xếp loại\n(không đủ 2/3 có mặt)"
        elif reached is not None:
            count = next(c for c in r.rating.counts if c.level == reached)
            outcome = f"{LEVEL_ABBREVIATIONS[reached]}\n{count.votes}/{base} ({pct(count.votes, base)})"
        else:
            outcome = "Chưa đạt\n(không mức nào quá nửa)"
        table.append([str(i), desk.subject_name(v.subject), *cells, str(blank), str(multiple), outcome])
    doc.add(Para.of("Số phiếu cho từng mức (tỷ lệ so với tổng số đảng viên được tính):", indent=False,
                    keep_with_next=True),
            TableBlock(["STT", "Họ và tên", *(LEVEL_ABBREVIATIONS[lv] for lv in LEVELS_TOP_DOWN), "Để trống",
                        "Đánh dấu từ hai ô", "Mức đạt"], table, [9, 33, 17, 17, 17, 17, 14, 16],
                       bold_columns=(8,), font_size=10.5),
            Gap(2))
    how = ("phiếu cho mức cao hơn được cộng cho các mức thấp hơn; " if desk.settings.cumulative else "")
    doc.add(Note.of(f"Cách tính: {how}mức đạt là mức cao nhất được quá nửa tổng số đảng viên được tính tán thành. "
                    f"Cột “Mức đạt” ghi số phiếu tán thành mức đó trên tổng số đảng viên được tính."),
            Note.of("Ký hiệu: " + "; ".join(f"{LEVEL_ABBREVIATIONS[lv]}: {LEVEL_LABELS[lv]}"
                                            for lv in LEVELS_TOP_DOWN) + "."))
    doc.add(Para.of(f"Việc kiểm phiếu kết thúc lúc {_time(ballot.counted_at or '')} cùng ngày. Tổ kiểm phiếu lập "
                    f"biên bản này và công bố kết quả trước hội nghị."),
            # the whole team signs, the head first
            SignatureGrid([("TỔ TRƯỞNG" if i == 0 else "THÀNH VIÊN", name if team else "")
                           for i, name in enumerate(names)]))
    return doc


def build_counting_record(desk: VotingDesk, ballot_id: str, target: str | Path, *,
                          marking: Marking | None = None, locality: str = "") -> Path:
    blocks = counting_record_blocks(desk, desk.record.ballots[ballot_id], locality=locality)
    return write_pdf(blocks, target, marking or meeting_marking(desk.s))


def build_counting_record_docx(desk: VotingDesk, ballot_id: str, target: str | Path, *,
                               marking: Marking | None = None, locality: str = "") -> Path:
    """The same record in Word (the PDF stays the record)."""
    blocks = counting_record_blocks(desk, desk.record.ballots[ballot_id], locality=locality)
    return write_docx(blocks, target, marking or meeting_marking(desk.s))


def build_counting_records(desk: VotingDesk, folder: str | Path, *, marking: Marking | None = None,
                           locality: str = "", docx: bool = False) -> list[Path]:
    """One record per accepted ballot: bien-ban-kiem-phieu.pdf, then bien-ban-kiem-phieu-2.pdf, …
    (with ``docx``, the Word files of the same names: bien-ban-kiem-phieu.docx, …)."""
    folder = Path(folder)
    build, suffix = (build_counting_record_docx, ".docx") if docx else (build_counting_record, ".pdf")
    out = []
    for i, b in enumerate(accepted_ballots(desk), 1):
        name = f"bien-ban-kiem-phieu{suffix}" if i == 1 else f"bien-ban-kiem-phieu-{i}{suffix}"
        out.append(build(desk, b.id, folder / name, marking=marking, locality=locality))
    return out
