"""Biên bản kiểm phiếu (DOMAIN.md §7): one per accepted ballot — the counting team elected by
show of hands (its head first), the base, those present, the papers issued, returned, valid and
invalid; per subject (the committee, each member, the cell) the votes for each level with the
percentage of the base and the level reached; the signatures of the whole team."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from ..model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from ..model.vote import BLANK as BLANK_ROW, MULTIPLE as MULTIPLE_ROW, Ballot, VoteKind
from ..rules.majority import LEVELS_TOP_DOWN
from ..voting import VotingDesk
from .base import (
    TEXT_WIDTH, HeaderInfo, Marking, build_pdf, date_words, grid, header_block, markup, p, styles, time_words, x,
)
from .common import BLANK, meeting_marking, pct

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


def counting_record_story(desk: VotingDesk, ballot: Ballot, *, locality: str = "") -> list:
    s, st = desk.s, styles()
    m, cell = s.meeting, s.cell
    votes = desk.ballot_votes(ballot.id)
    h = desk.headcount_at(ballot.taken_at or m.start_time)
    team = [desk.subject_name(mid) for mid in ballot.counting_team]
    day = m.started_at.date() if m.started_at else m.meeting_date
    when = date_words(day)
    number = ballot.document_number or ""

    story: list = [header_block(HeaderInfo(cell.higher_org, cell.name, number, locality or cell.locality, day,
                                           number_suffix="BBKP/CB")),
                   Spacer(1, 8 * mm), p("BIÊN BẢN KIỂM PHIẾU", st.title),
                   p(f"biểu quyết xếp loại chất lượng năm {m.rating_year}",
                     ParagraphStyle("kp_sub", parent=st.subtitle, spaceAfter=0)),
                   markup("-----", ParagraphStyle("kp_rule", parent=st.subtitle, spaceAfter=8, leading=14)),
                   p(f"Hồi {_time(ballot.taken_at)} {when}, tại {m.place or BLANK}, hội nghị kiểm điểm, đánh giá, "
                     f"xếp loại chất lượng năm {m.rating_year} của {cell.name} tiến hành bỏ phiếu biểu quyết "
                     f"xếp loại.")]

    # the team, elected by show of hands
    story.append(p("1. Tổ kiểm phiếu", st.heading))
    team_votes = [v for v in s.record.votes if v.kind == VoteKind.COUNTING_TEAM
                  and (v.step_id == ballot.step_id or v.ballot_id == ballot.id)]
    elected = "Hội nghị đã bầu Tổ kiểm phiếu bằng hình thức biểu quyết giơ tay"
    if team_votes:
        elected += f" ({_hands_result(desk, team_votes[-1])})"
    story.append(p(elected + ", gồm các đồng chí:", st.body))
    names = team or [BLANK * 4] * MIN_TEAM_LINES
    for i, name in enumerate(names):
        role = "Tổ trưởng" if i == 0 else "Thành viên"
        story.append(markup(f"{i + 1}. Đồng chí <b>{x(name)}</b>, {role.lower()}." if team else
                            f"{i + 1}. Đồng chí {x(name)}, {role.lower()}.", st.body_left))

    # figures
    story.append(p("2. Số đảng viên và số phiếu", st.heading))
    rows = [("Tổng số đảng viên được tính", f"{h.base_count} đồng chí"),
            ("Số đảng viên được tính có mặt", f"{h.present_in_base} đồng chí ({pct(h.present_in_base, h.base_count)})"),
            ("Số đảng viên có quyền biểu quyết có mặt", f"{len(h.voters)} đồng chí"),
            ("Số phiếu phát ra", f"{ballot.issued} phiếu"),
            ("Số phiếu thu vào", f"{ballot.returned} phiếu"),
            ("Số phiếu hợp lệ", f"{ballot.valid} phiếu"),
            ("Số phiếu không hợp lệ", f"{ballot.invalid} phiếu")]
    for label, value in rows:
        story.append(markup(f"- {x(label)}: <b>{x(value)}</b>.", st.body_left))
    story.append(p("Dòng không đánh dấu hoặc đánh dấu từ hai ô trở lên chỉ không hợp lệ đối với đồng chí ở "
                   "dòng đó (cột “Để trống” và cột “Đánh dấu từ hai ô”).", st.small))

    # results
    story.append(p("3. Kết quả kiểm phiếu", st.heading))
    cumulative = desk.settings.cumulative
    head_style = ParagraphStyle("kp_head", parent=st.cell_bold, fontSize=9.5, leading=11)
    num = ParagraphStyle("kp_num", parent=st.cell_center, fontSize=11, leading=13)
    name_style = ParagraphStyle("kp_name", parent=st.cell, fontSize=11.5, leading=13.5)
    head = [markup(f"<b>{t}</b>", head_style) for t in
            ("STT", "Họ và tên", *(LEVEL_ABBREVIATIONS[lv] for lv in LEVELS_TOP_DOWN), "Để trống", "Đánh dấu từ hai ô",
             "Mức đạt")]
    table = [head]
    for i, v in enumerate(votes, 1):
        r = desk.result(v)
        base = r.headcount.base_count
        cells = []
        for lv in LEVELS_TOP_DOWN:
            n = v.levels.get(lv.value, 0)
            cells.append(markup(f"{n}<br/>({x(pct(n, base))})", num))
        blank = v.levels.get(BLANK_ROW, 0)
        multiple = v.levels.get(MULTIPLE_ROW, 0)     # a row ticked twice, apart from a blank row
        reached = r.rating.reached if r.rating and r.quorum_met else None
        if not r.quorum_met:
            outcome = "<b>Chưa xếp loại</b><br/>(không đủ 2/3 có mặt)"
        elif reached is not None:
            count = next(c for c in r.rating.counts if c.level == reached)
            outcome = (f"<b>{LEVEL_ABBREVIATIONS[reached]}</b><br/>{count.votes}/{base} "
                       f"({x(pct(count.votes, base))})")
        else:
            outcome = "<b>Chưa đạt</b><br/>(không mức nào quá nửa)"
        table.append([p(str(i), num), p(desk.subject_name(v.subject), name_style), *cells,
                      p(str(blank), num), p(str(multiple), num), markup(outcome, num)])
    widths = [9 * mm, 33 * mm, 17 * mm, 17 * mm, 17 * mm, 17 * mm, 14 * mm, 16 * mm]
    widths.append(TEXT_WIDTH - sum(widths))
    story.append(p("Số phiếu cho từng mức (tỷ lệ so với tổng số đảng viên được tính):", st.body_left))
    story.append(grid(table, widths, align_center=range(0, 9)))
    story.append(Spacer(1, 2 * mm))
    how = ("phiếu cho mức cao hơn được cộng cho các mức thấp hơn; " if cumulative else "")
    story.append(p(f"Cách tính: {how}mức đạt là mức cao nhất được quá nửa tổng số đảng viên được tính tán thành. "
                   f"Cột “Mức đạt” ghi số phiếu tán thành mức đó trên tổng số đảng viên được tính.", st.small))
    story.append(p("Ký hiệu: " + "; ".join(f"{LEVEL_ABBREVIATIONS[lv]}: {LEVEL_LABELS[lv]}"
                                            for lv in LEVELS_TOP_DOWN) + ".", st.small))
    counted = ballot.counted_at or ""
    story.append(p(f"Việc kiểm phiếu kết thúc lúc {_time(counted)} cùng ngày. Tổ kiểm phiếu lập biên bản này "
                   f"và công bố kết quả trước hội nghị.", st.body))
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether(team_signatures(names if team else ["" for _ in names])))
    return story


def team_signatures(names: list[str]) -> Table:
    """The whole team, the head first: "TỔ TRƯỞNG" then "THÀNH VIÊN", three to a row."""
    st = styles()
    blocks = []
    for i, name in enumerate(names):
        title = "TỔ TRƯỞNG" if i == 0 else "THÀNH VIÊN"
        blocks.append([markup(f"<b>{title}</b>", st.signature), p("(Ký, ghi rõ họ tên)", ParagraphStyle(
            "sig_hint", parent=st.small, alignment=1, fontName=st.small.fontName + "-Italic")),
            Spacer(1, 20 * mm), markup(f"<b>{x(name)}</b>" if name else BLANK * 3, st.signature)])
    per_row = 3 if len(blocks) > 2 else max(len(blocks), 1)
    rows = [blocks[i:i + per_row] for i in range(0, len(blocks), per_row)]
    for r in rows:
        r += [""] * (per_row - len(r))
    t = Table(rows, colWidths=[TEXT_WIDTH / per_row] * per_row)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return t


def build_counting_record(desk: VotingDesk, ballot_id: str, target: str | Path, *,
                          marking: Marking | None = None, locality: str = "") -> Path:
    ballot = desk.record.ballots[ballot_id]
    return build_pdf(target, counting_record_story(desk, ballot, locality=locality),
                     title=f"Biên bản kiểm phiếu năm {desk.s.meeting.rating_year}",
                     marking=marking or meeting_marking(desk.s))


def build_counting_records(desk: VotingDesk, folder: str | Path, *, marking: Marking | None = None,
                           locality: str = "") -> list[Path]:
    """One record per accepted ballot: bien-ban-kiem-phieu.pdf, then bien-ban-kiem-phieu-2.pdf, …"""
    folder = Path(folder)
    out = []
    for i, b in enumerate(accepted_ballots(desk), 1):
        name = "bien-ban-kiem-phieu.pdf" if i == 1 else f"bien-ban-kiem-phieu-{i}.pdf"
        out.append(build_counting_record(desk, b.id, folder / name, marking=marking, locality=locality))
    return out
