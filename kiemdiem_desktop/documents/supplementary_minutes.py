"""What the minutes of a supplementary session ("buổi kiểm điểm bổ sung") say of its place in the
rating year: the main meeting it completes, who it reviews and why, and that the collectives and
the members rated before are not rated again (DOMAIN.md §4, §7). From the stored meetings only."""
from __future__ import annotations

from ..model.meeting import MeetingKind
from ..rating_year import main_meeting, rated_here
from ..voting import VotingDesk
from .content import Para
from .common import date_vn


def supplementary_paragraphs(desk: VotingDesk) -> list[Para]:
    s = desk.s
    m = s.meeting
    if m.kind != MeetingKind.SUPPLEMENTARY:
        return []
    main = next((x for x in s.cf.meetings() if x.id == m.main_meeting_id), None) or main_meeting(s.cf, m.rating_year)
    names = ", ".join(x.full_name for x in rated_here(s))
    if main is not None:
        number = f", biên bản số {main.document_number}" if main.document_number else ""
        where = f"hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm {m.rating_year} của chi bộ " \
                f"(họp ngày {date_vn(main.meeting_date)}{number})"
    else:
        where = f"hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm {m.rating_year} của chi bộ"
    out = [Para.of(f"Buổi kiểm điểm bổ sung tiếp theo {where}, dành cho đảng viên chưa được kiểm điểm, "
                   f"xếp loại tại hội nghị đó: " + (f"đồng chí {names}." if names else "không còn đồng chí nào."))]
    collectives = "tập thể chi ủy và chi bộ" if s.cell.has_committee else "tập thể chi bộ"
    out.append(Para.of(f"Các đảng viên khác và {collectives} đã được đánh giá, xếp loại tại hội nghị nêu trên, "
                       "không xếp loại lại tại buổi này."))
    return out
