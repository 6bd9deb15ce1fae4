"""The minutes of a held meeting: every name, comment and figure, in the Party layout."""
import unicodedata

from pypdf import PdfReader

from kiemdiem_desktop.documents.minutes import build_minutes
from tests.documents.conftest import LONG_COMMENT
from kiemdiem_desktop.services.demo import create_demo


def flat(path) -> str:
    return " ".join(" ".join((pg.extract_text() or "").split()) for pg in PdfReader(path).pages)


def test_minutes_of_a_12_member_meeting(held, tmp_path):
    out = tmp_path / "bien-ban.pdf"
    build_minutes(held, out, locality="Hà Nội")
    text = flat(out)
    assert unicodedata.is_normalized("NFC", text)
    for piece in ("BIÊN BẢN", "hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2025", "Số 05-BB/CB",
                  "Hà Nội, ngày 10 tháng 12 năm 2025", "Hồi 8 giờ 03 ngày 10 tháng 12 năm 2025",
                  "Chủ trì: đồng chí Nguyễn Văn Hùng", "Thư ký hội nghị: đồng chí Bùi Thị Giang",
                  "Trần Quốc Toản, Ủy viên Ban Thường vụ Đảng ủy Sở",
                  "Số đảng viên được tính (để tính tỷ lệ biểu quyết) khi khai mạc: 11 đồng chí",
                  "Có mặt khi khai mạc: 11 đồng chí; trong đó có mặt 11/11 đảng viên được tính",
                  "Hồ Thị Khánh Chính thức Vắng mặt có lý do được chủ trì chấp thuận (Đi công tác tại Đà Nẵng): sẽ "
                  "kiểm điểm tại buổi kiểm điểm bổ sung",
                  "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị; Hướng dẫn số 43-HD/BTCTW",
                  "tán thành 11/11", "Tổ kiểm phiếu gồm các đồng chí:", "phát ra: 11; thu vào: 11; hợp lệ: 11",
                  "Chi bộ đề xuất 1 Tập thể chi ủy 2/11 10/11 11/11 11/11 HTTNV",
                  "Nguyễn Văn Hùng HTTNV 89 2/11 10/11 11/11 11/11 HTTNV",
                  "Đồng chí Trần Thị Lan chủ trì phần này",
                  "Hội nghị kết thúc vào hồi 11 giờ 30 cùng ngày", "THƯ KÝ", "CHỦ TRÌ"):
        assert piece in text, piece
    assert " ".join(LONG_COMMENT.split()) in text and len(LONG_COMMENT) >= 600
    for m in held.s.member_list:
        assert m.full_name in text
    for c in held.s.record.comments:
        assert " ".join(c.text.split()) in text
    assert "DỰ THẢO" not in text and "Bản sửa đổi" not in text   # adopted by its vote, locked: revision 1
    assert ("nội dung: Thông qua biên bản hội nghị. Kết quả: có mặt 11/11 đảng viên được tính; tán thành 11/11"
            in text)


def test_minutes_before_the_adoption_vote_are_a_draft(tmp_path):
    from tests.documents.conftest import hold_meeting
    from tests.flow.conftest import twelve_member_cell

    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    desk = hold_meeting(cf, {"t": "08:00"}, adopt=False)
    out = tmp_path / "du-thao.pdf"
    build_minutes(desk, out, locality="Hà Nội")
    pages = [pg.extract_text() for pg in PdfReader(out).pages]
    assert all("DỰ THẢO" in t for t in pages)
    cf.close(backup=False)


def test_word_minutes_say_the_same(held, tmp_path):
    from docx import Document

    from kiemdiem_desktop.documents.minutes import build_minutes_docx

    pdf, docx = tmp_path / "bien-ban.pdf", tmp_path / "bien-ban.docx"
    build_minutes(held, pdf, locality="Hà Nội")
    build_minutes_docx(held, docx, locality="Hà Nội")
    doc = Document(docx)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    parts += [p.text for p in doc.sections[0].footer.paragraphs]
    words = " ".join(" ".join(parts).split())
    pdf_words = flat(pdf)
    for m in held.s.member_list:
        assert m.full_name in words
    for c in held.s.record.comments:
        assert " ".join(c.text.split()) in words
    for piece in ("BIÊN BẢN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 05-BB/CB", "Hà Nội, ngày 10 tháng 12 năm 2025",
                  "tán thành 11/11", "THƯ KÝ", "CHỦ TRÌ", "2/11", "10/11"):
        assert piece in words and piece in pdf_words, piece
    section = doc.sections[0]
    assert (round(section.left_margin.mm), round(section.right_margin.mm), round(section.top_margin.mm)) == (30, 15, 20)
    assert doc.styles["Normal"].font.name == "Times New Roman"


def test_minutes_of_a_500_member_meeting(tmp_path):
    from datetime import date

    from kiemdiem_desktop.services import CellFile
    from tests.documents.conftest import hold_generic_meeting

    cf = create_demo(tmp_path / "lon.kiemdiem", members=500)
    try:
        desk = hold_generic_meeting(cf, 2026, date(2026, 12, 10))
        out = tmp_path / "bien-ban-500.pdf"
        build_minutes(desk, out)
        reader = PdfReader(out)
        text = flat(out)
        reviewed = [st for st in desk.s.record.steps if st.subject_member_id]
        assert len(reviewed) > 400
        for st in reviewed:
            assert desk.s.flow.name(st.subject_member_id) in text
        for c in desk.s.record.comments:
            assert c.text in text
        base = desk.headcount_at("15:00").base_count
        assert "HTTNV" in text and f"{base - 1}/{base}" in text
        assert 60 < len(reader.pages) < 400
        assert all(round(float(pg.mediabox.width)) == 595 for pg in reader.pages)
    finally:
        cf.close(backup=False)
