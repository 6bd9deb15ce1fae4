"""The collectives' self-rating (Mẫu 01) in the minutes: item 2 (the committee's report, its
presenter, strengths and shortcomings, self-score and proposed level) and item 5 (the cell's)."""
from docx import Document

from kiemdiem_desktop.documents.minutes import build_minutes, build_minutes_docx
from kiemdiem_desktop.model.vote import CELL, COMMITTEE
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk

from tests.documents.conftest import hold_meeting
from tests.documents.reading import assert_readable_pdf
from tests.flow.conftest import twelve_member_cell

STRENGTHS = "Lãnh đạo chi bộ hoàn thành 100% chỉ tiêu công tác năm 2025."
SHORTCOMINGS = "Sinh hoạt chuyên đề chưa đều; nguyên nhân: chưa phân công cụ thể."


def _meeting(tmp_path):
    cf = twelve_member_cell(tmp_path / "chi-bo.kiemdiem")
    desk = hold_meeting(cf, {"t": "08:00"}, adopt=False)
    s = desk.s
    s.set_collective_review(COMMITTEE, presenter="Nguyễn Văn Hùng", strengths=STRENGTHS, shortcomings=SHORTCOMINGS,
                            remedies="Phân công từng chi ủy viên phụ trách.", general_score=27, task_score=63,
                            proposed_level="GOOD")
    s.set_collective_review(CELL, general_score=27.5, task_score=62, proposed_level="GOOD").result()
    return cf, VotingDesk(MeetingSession(cf, s.meeting_id))


def test_the_minutes_print_the_collectives_self_rating(tmp_path):
    cf, desk = _meeting(tmp_path)
    try:
        text = assert_readable_pdf(build_minutes(desk, tmp_path / "bien-ban.pdf"))
        item2 = text.split("2. Kiểm điểm tập thể chi ủy")[1].split("3. ")[0]
        assert ("Đồng chí Nguyễn Văn Hùng, thay mặt chi ủy, trình bày báo cáo kiểm điểm tập thể chi ủy năm 2025."
                in item2)
        assert f"Ưu điểm, kết quả đạt được: {STRENGTHS}" in item2
        assert f"Hạn chế, khuyết điểm và nguyên nhân: {SHORTCOMINGS}" in item2
        assert ("Tập thể chi ủy tự chấm 90/100 điểm (chung 27/30; kết quả thực hiện nhiệm vụ 63/70); "
                "tự đề xuất mức “Hoàn thành tốt nhiệm vụ”.") in item2
        cell_item = text.split("Chi bộ tự đánh giá, đề xuất mức xếp loại chi bộ")[1]
        assert ("Chi bộ tự chấm 89,5/100 điểm (chung 27,5/30; kết quả thực hiện nhiệm vụ 62/70); "
                "tự đề xuất mức “Hoàn thành tốt nhiệm vụ”.") in cell_item
        # the results table: the collective's own level and score beside the vote
        assert "Tập thể chi ủy HTTNV 90" in text
        docx = build_minutes_docx(desk, tmp_path / "bien-ban.docx")
        paragraphs = [p.text for p in Document(docx).paragraphs]
        assert any(p.startswith("Đồng chí Nguyễn Văn Hùng, thay mặt chi ủy, trình bày báo cáo kiểm điểm tập thể chi ủy")
                   for p in paragraphs)
        assert f"Ưu điểm, kết quả đạt được: {STRENGTHS}" in paragraphs
    finally:
        cf.close(backup=False)


def test_nothing_typed_nothing_printed(held, tmp_path):
    text = assert_readable_pdf(build_minutes(held, tmp_path / "bien-ban.pdf"))
    assert "Tập thể chi ủy tự chấm" not in text and "Ưu điểm, kết quả đạt được" not in text
