"""The meeting's other documents read as their reader would (DOMAIN.md §7): the counting record,
the ballots, the summary (PDF and XLSX), the chair's script, the Word forms, the whole set."""
from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

import openpyxl
import pytest
from docx import Document
from docx.shared import Mm, Pt
from pypdf import PdfReader

from kiemdiem_desktop.documents.all_documents import build_documents
from kiemdiem_desktop.documents.ballots import (
    PER_PAGE, ballot_subjects, build_common_ballot, build_single_ballots,
)
from kiemdiem_desktop.documents.chair_script import build_chair_script
from kiemdiem_desktop.documents.counting_record import accepted_ballots, build_counting_records
from kiemdiem_desktop.documents.forms import build_forms, form_for
from kiemdiem_desktop.documents.summary import build_summary_pdf, build_summary_xlsx
from kiemdiem_desktop.model import PartyPost
from kiemdiem_desktop.model.levels import LEVEL_LABELS
from kiemdiem_desktop.model.vote import CELL
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import prepare_meeting

from tests.documents.reading import A4_H, assert_readable_pdf, docx_text, pages_text, words
from tests.flow.conftest import twelve_member_cell
from kiemdiem_desktop.services.demo import create_demo

LEVELS = list(LEVEL_LABELS.values())


def with_team(desk, names=("Lê Văn An", "Phạm Thị Bích", "Vũ Thị Dung")):
    """The counting team the fixture's meeting elected (tests/documents/conftest.py hold_meeting)."""
    who = {m.full_name: m.id for m in desk.s.members.values()}
    ballot = accepted_ballots(desk)[0]
    assert ballot.counting_team == [who[n] for n in names]
    return ballot


@pytest.fixture
def prepared(tmp_path):
    """A meeting prepared but not started: no roll call yet."""
    cf = twelve_member_cell(tmp_path / "p.kiemdiem")
    s = prepare_meeting(cf, 2025, meeting_date=date(2025, 12, 10), place="Phòng họp tầng 3")
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"], start_time="08:00")
    s.flush()
    yield s
    cf.close(backup=False)


# -- counting record -------------------------------------------------------------------------------------
def test_counting_record_every_subject_figures_percentages_and_the_team_signing_head_first(held, tmp_path):
    with_team(held)
    [path] = build_counting_records(held, tmp_path)
    assert path.name == "bien-ban-kiem-phieu.pdf"
    text = assert_readable_pdf(path)
    assert "BIÊN BẢN KIỂM PHIẾU" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    ballot = accepted_ballots(held)[0]
    for subject in (v.subject for v in held.ballot_votes(ballot.id)):
        assert held.subject_name(subject) in text
    assert "Tập thể chi ủy" in text and "Chi bộ Văn phòng" in text
    for figure in ("Tổng số đảng viên được tính: 11 đồng chí", "Số phiếu phát ra: 11 phiếu",
                   "Số phiếu thu vào: 11 phiếu", "Số phiếu hợp lệ: 11 phiếu", "Số phiếu không hợp lệ: 0 phiếu"):
        assert figure in text
    # 2 HTXSNV, 8 HTTNV, 1 HTNV of a base of 11; HTTNV reached with 10/11 counted from the top
    assert text.count("(18,2%)") == 13 and text.count("(72,7%)") == 13 and text.count("(9,1%)") == 13
    assert text.count("10/11 (90,9%)") == 13
    assert "biểu quyết giơ tay" in text
    # the team: named with their roles, and signing, the head first
    assert "Lê Văn An, tổ trưởng" in text and "Phạm Thị Bích, thành viên" in text
    tail = text[text.rindex("TỔ TRƯỞNG"):]
    assert tail.count("THÀNH VIÊN") == 2
    assert tail.index("Lê Văn An") < tail.index("Phạm Thị Bích") < tail.index("Vũ Thị Dung")


def test_counting_record_without_a_team_leaves_lines_to_fill(held, tmp_path):
    accepted_ballots(held)[0].counting_team = []      # as if the team was not recorded
    [path] = build_counting_records(held, tmp_path)
    text = assert_readable_pdf(path)
    assert re.search(r"1\. Đồng chí …+, tổ trưởng\. 2\. Đồng chí …+, thành viên\. 3\. Đồng chí …+, thành viên", text)
    assert "TỔ TRƯỞNG" in text and text.count("THÀNH VIÊN") == 2


# -- ballots ---------------------------------------------------------------------------------------------
def test_common_ballot_lists_every_subject_once_and_names_no_voter(held, tmp_path):
    path = build_common_ballot(held.s, tmp_path / "phieu.pdf")
    text = assert_readable_pdf(path)
    subjects = ballot_subjects(held.s)
    assert [s for s, _n, _p in subjects] == held.rating_subjects()
    for _s, name, _p in subjects:
        assert name in text
    for abbr in ("HTXSNV", "HTTNV", "HTNV", "KHTNV"):
        assert abbr in text
    assert "không hợp lệ đối với đồng chí ở dòng đó" in text
    # no voter: every member appears once, as a subject, and nobody is named anywhere else
    for m in held.s.member_list:
        assert text.count(m.full_name) == (1 if m.id in held.rating_subjects() else 0), m.full_name
    assert "DỰ THẢO" not in text and "người bỏ phiếu" not in text.lower()


def test_one_member_papers_four_to_a_page_nothing_across_a_cut_line(held, tmp_path):
    subjects = ballot_subjects(held.s)
    path = build_single_ballots(held.s, tmp_path / "rieng.pdf", copies=1)
    assert_readable_pdf(path)
    assert len(PdfReader(str(path)).pages) == math.ceil(len(subjects) / PER_PAGE)
    quarter = A4_H / PER_PAGE
    for n, page_words in words(path).items():
        for w, _x0, y0, _x1, y1 in page_words:
            assert int(y0 // quarter) == int(min(y1, A4_H - 0.01) // quarter), f"p.{n}: {w!r} crosses a cut line"
        titles = [y0 for w, _x0, y0, _x1, _y1 in page_words if w == "PHIẾU"]
        expected = min(PER_PAGE, len(subjects) - (n - 1) * PER_PAGE)
        assert sorted({int(y // quarter) for y in titles}) == list(range(expected))
    texts = pages_text(path)
    for i, (_s, name, _p) in enumerate(subjects):
        assert name in texts[i // PER_PAGE]
    # default: four copies of one subject's paper per page
    path4 = build_single_ballots(held.s, tmp_path / "rieng4.pdf")
    texts4 = pages_text(path4)
    assert len(texts4) == len(subjects)
    assert texts4[1].count("Nguyễn Văn Hùng") == 4


# -- summary ---------------------------------------------------------------------------------------------
def test_summary_pdf_every_member_totals_quota_and_the_collectives(held, tmp_path):
    path = build_summary_pdf(held, tmp_path / "tong-hop.pdf")
    text = assert_readable_pdf(path)
    for m in held.s.member_list:
        assert m.full_name in text
    assert "BÁO CÁO kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm 2025" in text
    assert "Số -BC/CB" in text
    for label in LEVELS:
        assert label in text
    assert "Tổng số 12 100%" in text
    assert "Hoàn thành tốt nhiệm vụ 11 91,7%" in text
    [q] = held.quota()
    assert q.text in text
    assert re.search(r"Vắng[^;]{0,60}có lý do[^;]{0,60}Đi công tác tại Đà Nẵng\)?[,;] kiểm điểm bổ sung", text)
    assert "Tập thể chi ủy: Hoàn thành tốt nhiệm vụ (10/11 phiếu tán thành, 90,9%)" in text
    assert "Chi bộ Văn phòng (tập thể chi bộ): Hoàn thành tốt nhiệm vụ" in text
    assert "10/11" in text and "BÍ THƯ" in text


def test_summary_xlsx_numbers_are_numbers_header_frozen_widths_set(held, tmp_path):
    path = build_summary_xlsx(held, tmp_path / "tong-hop.xlsx")
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[4]]
    assert header[:3] == ["STT", "Họ và tên", "Năm sinh"] and "Ghi chú" in header
    assert ws.freeze_panes == "A5"
    assert ws.column_dimensions["B"].width == 28 and ws.column_dimensions["L"].width == 40
    rows = {r[1]: r for r in ws.iter_rows(min_row=5, max_row=16, values_only=True)}
    assert set(rows) == {m.full_name for m in held.s.member_list}
    hung = rows["Nguyễn Văn Hùng"]
    assert hung[0] == 1 and hung[2] == 1970 and isinstance(hung[2], int)
    assert hung[6] == 89 and isinstance(hung[6], (int, float))
    assert hung[7] == "HTTNV" and hung[8] == 10 and hung[9] == 11 and re.fullmatch(r"=I\d+/J\d+", hung[10])
    assert rows["Hồ Thị Khánh"][7] is None and "kiểm điểm bổ sung" in rows["Hồ Thị Khánh"][11]
    everything = [r for r in ws.iter_rows(values_only=True)]
    totals = {r[1]: r for r in everything if r[1] in LEVELS + ["Tổng số"]}
    # totals are formulas over the table (the sheet counts what it shows)
    assert totals["Hoàn thành tốt nhiệm vụ"][2] == '=COUNTIF(H5:H16,"HTTNV")'
    assert totals["Hoàn thành tốt nhiệm vụ"][3].startswith("=IF(")
    assert totals["Tổng số"][2] == "=COUNTA(B5:B16)"
    assert sum(1 for r in rows.values() if r[7] == "HTTNV") == 11
    [quota] = [r for r in everything if r[1] == "Toàn chi bộ"]
    assert quota[2:4] == (0, 11) and quota[4].startswith("=IF(") and quota[5:7] == (0.2, 2)
    assert any(r[1] == "Tập thể chi ủy" and r[2] == "HTTNV" and r[3] == 10 and r[4] == 11 for r in everything)
    for r in everything:
        for v in r:
            assert not (isinstance(v, str) and v.replace(",", "").replace(".", "").isdigit()), f"number as text: {v!r}"
            assert not (isinstance(v, str) and v.endswith(".") and v[:-1].isdigit())
            if isinstance(v, str):
                assert unicodedata.is_normalized("NFC", v)


# -- chair's script --------------------------------------------------------------------------------------
def test_chair_script_names_the_chair_and_has_every_step(held, tmp_path):
    with_team(held)
    path = build_chair_script(held.s, tmp_path / "kich-ban.pdf")
    text = assert_readable_pdf(path)
    assert "KỊCH BẢN ĐIỀU HÀNH" in text
    assert "Chủ trì: đồng chí Nguyễn Văn Hùng" in text and "thư ký: đồng chí Bùi Thị Giang" in text
    last = -1
    for step in held.s.record.steps:
        heading = f"{step.position + 1}. {step.title}"
        assert heading in text, heading
        assert text.index(heading) > last
        last = text.index(heading)
    assert "Hôm nay, ngày 10 tháng 12 năm 2025, tại Phòng họp tầng 3, Sở Nội vụ, Chi bộ Văn phòng tổ chức" in text
    assert "Số đảng viên được tính để biểu quyết là 11 đồng chí; hôm nay có mặt 11 đồng chí" in text
    assert "Tổ kiểm phiếu gồm 03 đồng chí: đồng chí Lê Văn An làm tổ trưởng" in text
    assert "tức ít nhất 6 phiếu" in text
    assert "đọc dự thảo biên bản" in text and "thông qua biên bản" in text and "bế mạc" in text
    assert "Người điều hành: đồng chí Trần Thị Lan" in text        # the chair's own review is handed over
    assert "Đồng chí Hồ Thị Khánh vắng mặt" in text


def test_chair_script_before_the_meeting_leaves_blanks(prepared, tmp_path):
    text = assert_readable_pdf(build_chair_script(prepared, tmp_path / "kich-ban.pdf"))
    assert "Chi bộ hiện có 12 đảng viên, trong đó 12 đồng chí là đảng viên chính thức." in text
    assert "Số đảng viên được tính để biểu quyết là …… đồng chí; hôm nay có mặt …… đồng chí" in text
    assert "Tổ kiểm phiếu gồm 03 đồng chí: đồng chí …… làm tổ trưởng" in text
    assert "Nguyễn Văn Hùng" in text and "Bùi Thị Giang" in text


# -- Word forms ------------------------------------------------------------------------------------------
SECTIONS = ["A. NỘI DUNG KIỂM ĐIỂM", "I. Ưu điểm, kết quả đạt được", "II. Hạn chế, khuyết điểm và nguyên nhân",
            "III. Kết quả khắc phục", "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
            "V. Làm rõ trách nhiệm", "VI. Phương hướng, biện pháp khắc phục", "B. TỰ ĐÁNH GIÁ, XẾP LOẠI",
            "Đề xuất mức xếp loại"]


def test_forms_prefilled_with_identity_and_every_section(prepared, tmp_path):
    s = prepared
    bich = next(m for m in s.member_list if m.full_name == "Phạm Thị Bích")
    paths = build_forms(s, tmp_path, outside_system=[bich.id])
    names = [p.name for p in paths]
    assert names[0] == "mau-2a-nguyen-van-hung.docx" and names[-1] == "mau-01.docx"
    assert "mau-2c-pham-thi-bich.docx" in names and "mau-2b-duong-thi-mai.docx" in names
    assert all(n.isascii() for n in names)
    assert len(paths) == 13
    for m in s.member_list:
        form = form_for(m, m.id == bich.id)
        assert form == ("2A" if m.party_post != PartyPost.MEMBER else "2C" if m.id == bich.id else "2B")
        [path] = [p for p in paths if p.name.startswith(f"mau-{form.lower()}-") and _slug_matches(p.name, m.full_name)]
        text = docx_text(path)
        assert unicodedata.is_normalized("NFC", text)
        assert f"Mẫu {form}" in text
        assert "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN – Năm 2025" in text
        assert f"Họ và tên: {m.full_name}" in text
        assert f"Ngày sinh: {m.birth_date:%d/%m/%Y}" in text
        assert "Chi bộ Văn phòng" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CHI BỘ VĂN PHÒNG" in text
        for section in SECTIONS:
            assert section in text, (path.name, section)
        assert "/30 điểm" in text and "/70 điểm" in text and "/100 điểm" in text
        for label in LEVELS:
            assert f"□ {label}" in text
        assert ("tỷ lệ hoàn thành nhiệm vụ của đơn vị" in text) == (form == "2A")
        assert ("Đơn vị công tác" in text) == (form != "2C")
    doc = Document(str(paths[0]))
    sec = doc.sections[0]
    def mm(length) -> float:
        return round(length / Mm(1), 1)      # Word keeps twips: compare to a tenth of a millimetre

    assert (mm(sec.page_width), mm(sec.page_height)) == (210, 297)
    assert [mm(sec.top_margin), mm(sec.bottom_margin), mm(sec.left_margin), mm(sec.right_margin)] == [20, 20, 30, 15]
    assert doc.styles["Normal"].font.name == "Times New Roman" and doc.styles["Normal"].font.size == Pt(14)
    header = doc.tables[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header.rows[0].cells[1].text
    borders = header._tbl.tblPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblBorders")
    assert borders is not None and all(
        b.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "nil" for b in borders)
    collective = docx_text(paths[-1])
    assert "Mẫu 01" in collective and "TẬP THỂ CHI ỦY – Năm 2025" in collective
    for section in SECTIONS:
        assert section in collective
    assert "T/M CHI ỦY" in collective and "Nguyễn Văn Hùng" in collective


def _slug_matches(file_name: str, full_name: str) -> bool:
    from kiemdiem_desktop.documents.common import slug

    return file_name.split("-", 2)[2] == f"{slug(full_name)}.docx"


def test_forms_under_124_grade_the_four_criteria(tmp_path):
    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    try:
        s = prepare_meeting(cf, 2024, meeting_date=date(2024, 12, 10))
        assert s.rules.scoring_kind == "grades"
        paths = build_forms(s, tmp_path / "f")
        text = docx_text(paths[3])
        assert "Năm 2024" in text and "/30" not in text
        for criterion in ("Tư tưởng chính trị", "Phẩm chất đạo đức, lối sống", "Ý thức tổ chức kỷ luật"):
            assert criterion in text
        assert "Xuất sắc Tốt Trung bình Kém" in text and "□" in text
    finally:
        cf.close(backup=False)


# -- the whole set ---------------------------------------------------------------------------------------
def test_build_documents_writes_every_file_with_plain_names_and_the_minutes_through_the_callable(held, tmp_path):
    with_team(held)
    called = []

    def minutes(desk, target):
        called.append(target)
        target.write_bytes(b"%PDF-1.4 placeholder")
        return target

    folder = tmp_path / "out"
    paths = build_documents(held, folder, minutes=minutes)
    names = [p.name for p in paths]
    assert names[0] == "bien-ban.pdf" and called == [folder / "bien-ban.pdf"]
    for expected in ("bien-ban-kiem-phieu.pdf", "phieu-bieu-quyet-chung.pdf", "phieu-bieu-quyet-rieng.pdf",
                     "tong-hop-ket-qua.pdf", "tong-hop-ket-qua.xlsx", "danh-sach-dang-vien-du-hop.pdf",
                     "kich-ban-dieu-hanh.pdf", "mau-2a-nguyen-van-hung.docx", "mau-2b-duong-thi-mai.docx",
                     "mau-01.docx"):
        assert expected in names, expected
    assert all(n.isascii() and " " not in n for n in names)
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)      # no temporary file left
    for p in paths[1:]:
        if p.suffix == ".pdf":
            assert_readable_pdf(p)
    assert build_documents(held, tmp_path / "no-minutes")[0].name == "bien-ban-kiem-phieu.pdf"


def test_five_hundred_members_common_ballot_and_summary_flow_across_pages(tmp_path):
    cf = create_demo(tmp_path / "d.kiemdiem", members=500)
    try:
        s = prepare_meeting(cf, 2026, meeting_date=date(2026, 12, 10))
        ballot = build_common_ballot(s, tmp_path / "phieu.pdf")
        text = assert_readable_pdf(ballot)
        pages = pages_text(ballot)
        assert len(pages) > 10 and all("HTXSNV" in t for t in pages)     # the header row repeats
        from kiemdiem_desktop.voting import VotingDesk

        desk = VotingDesk(s)
        summary = build_summary_pdf(desk, tmp_path / "tong-hop.pdf")
        stext = assert_readable_pdf(summary)
        for m in s.member_list[:: 37]:
            if m.id in desk.rating_subjects():
                assert m.full_name in text and m.full_name in stext
        assert all("Họ và tên" in t for t in pages_text(summary)[:-2])
        assert CELL in desk.rating_subjects()
    finally:
        cf.close(backup=False)
