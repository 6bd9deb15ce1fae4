"""The ballots, the counting record, the attendance sheet read as their reader reads them, from the
content model through each renderer (DOMAIN.md §7): the common ballot lists every subject once, the
one-member papers are four cut cells to a page, the counting record's figures are MeetingFigures',
no voter is named anywhere, and the Word copies say what the PDFs say."""
from __future__ import annotations

import math
import re
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from kiemdiem_desktop.documents.attendance_sheet import (
    attendance_blocks, build_attendance_sheet, build_attendance_sheet_docx,
)
from kiemdiem_desktop.documents.ballots import (
    BLANK_FORM, PER_PAGE, ballot_subjects, build_common_ballot, build_common_ballot_docx, build_single_ballots,
    single_ballot_blocks,
)
from kiemdiem_desktop.documents.common import pct
from kiemdiem_desktop.documents.content import TICK_BOX, CutSheet, TickTable
from kiemdiem_desktop.documents.counting_record import accepted_ballots, build_counting_records
from kiemdiem_desktop.figures import MeetingFigures
from kiemdiem_desktop.model.levels import LEVEL_ABBREVIATIONS
from kiemdiem_desktop.model.vote import BLANK, MULTIPLE
from kiemdiem_desktop.rules.majority import LEVELS_TOP_DOWN
from kiemdiem_desktop.services.demo import create_demo
from kiemdiem_desktop.session import prepare_meeting

from tests.documents.reading import A4_H, assert_readable_pdf, docx_text, pages_text, words


def _voters_named(text: str, desk, subjects: set[str]) -> list[str]:
    """Members named in ``text`` although they are not a subject of the vote (a voter's name)."""
    return [m.full_name for m in desk.s.member_list if m.id not in subjects and m.full_name in text]


# -- the common ballot -------------------------------------------------------------------------------------
def test_common_ballot_one_row_per_subject_with_four_squares_and_the_same_in_word(held, tmp_path):
    subjects = ballot_subjects(held.s)
    pdf = build_common_ballot(held.s, tmp_path / "phieu-bieu-quyet-chung.pdf")
    text = assert_readable_pdf(pdf)
    for i, (_s, name, _post) in enumerate(subjects, 1):
        assert text.count(name) == 1, name
        assert re.search(rf"\b{i} {re.escape(name)}\b", text), name       # numbered in the order of the vote
    assert _voters_named(text, held, {s for s, _n, _p in subjects}) == []
    # the squares are drawn (four per row), not typed: the PDF's text has no "□"
    assert TICK_BOX not in text
    page = PdfReader(str(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    squares = len(re.findall(r" re\b", page))
    assert squares >= 4 * min(len(subjects), 10)
    docx = build_common_ballot_docx(held.s, tmp_path / "phieu-bieu-quyet-chung.docx")
    wtext = docx_text(docx)
    for _s, name, _post in subjects:
        assert wtext.count(name) == 1, name
    assert wtext.count(TICK_BOX) == 4 * len(subjects)
    for abbr in ("HTXSNV", "HTTNV", "HTNV", "KHTNV"):
        assert abbr in wtext
    assert "Phiếu không ghi tên người biểu quyết." in wtext


# -- the one-member papers ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo500(tmp_path_factory):
    cf = create_demo(tmp_path_factory.mktemp("d500") / "d.kiemdiem", members=500)
    s = prepare_meeting(cf, 2026, meeting_date=date(2026, 12, 10))
    yield s
    cf.close(backup=False)


def test_five_hundred_members_one_member_papers_four_cut_cells_a_page_no_voter(demo500, tmp_path):
    s = demo500
    subjects = ballot_subjects(s)
    path = build_single_ballots(s, tmp_path / "phieu-bieu-quyet-rieng.pdf")
    # poppler reads 500 pages in a second (pypdf would take minutes); the fonts, NFC and the page
    # bounds are checked on the 12-member papers by the other tests
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    texts = [" ".join(t.split()) for t in out.split("\f")][:-1]
    assert len(texts) == len(subjects) > 490            # four copies of one subject's paper per page
    quarter = A4_H / PER_PAGE
    page_words = words(path)
    template = None
    for n, ((_subj, name, post), text) in enumerate(zip(subjects, texts), 1):
        who = "Xếp loại đối với: " + name + (f", {post}" if post else "")
        assert text.count(who) == 4, (n, who)
        # apart from the subject, every page says the same words: no voter's name, no page number
        rest = text.replace(who, "Xếp loại đối với: ?")
        template = template or rest
        assert rest == template, n
    for n in (1, 2, len(texts) // 2, len(texts)):
        # one paper in each quarter of the page, nothing across a cut line
        ws = page_words[n]
        assert sorted({int(y0 // quarter) for w, _x0, y0, _x1, _y1 in ws if w == "PHIẾU"}) == [0, 1, 2, 3]
        for w, _x0, y0, _x1, y1 in ws:
            assert int(y0 // quarter) == int(min(y1, A4_H - 0.01) // quarter), f"p.{n}: {w!r} crosses a cut line"
    assert template.count("PHIẾU BIỂU QUYẾT XẾP LOẠI CHẤT LƯỢNG NĂM 2026") == 4
    assert template.count("Không hoàn thành nhiệm vụ") == 4 and "Không ghi tên người biểu quyết." in template
    # three dashed cut lines on every page
    page = PdfReader(str(path)).pages[7].get_contents().get_data().decode("latin-1")
    assert page.count("[4 3] 0 d") == 1 and len(re.findall(r" l\b", page)) == PER_PAGE - 1


def test_one_member_papers_share_one_drawing_of_what_is_the_same_on_every_paper(held, tmp_path):
    """The header, title, squares and note are drawn once (two form XObjects) and placed on every
    paper; only the subject line is drawn per paper."""
    path = build_single_ballots(held.s, tmp_path / "rieng.pdf", copies=1)
    reader = PdfReader(str(path))
    n_subjects = len(ballot_subjects(held.s))
    assert len(reader.pages) == math.ceil(n_subjects / PER_PAGE)
    forms = set()
    for i, page in enumerate(reader.pages):
        xobjects = page["/Resources"].get_object().get("/XObject") or {}
        forms |= {xobjects.raw_get(k).idnum for k in xobjects}
        papers = min(PER_PAGE, n_subjects - i * PER_PAGE)
        assert page.get_contents().get_data().count(b" Do") == 2 * papers
    assert len(forms) == 2
    papers = single_ballot_blocks(held.s, copies=1).blocks[0]
    assert isinstance(papers, CutSheet) and len({p.same_form() for p in papers.papers}) == 1


def test_a_long_name_and_post_wrap_inside_their_paper(held, tmp_path):
    """A subject line too long for one line is laid out as a paragraph, still inside its quarter."""
    m = next(m for m in held.s.member_list if m.full_name == "Nguyễn Văn Hùng")
    m.government_post = "Phó Giám đốc Trung tâm Lưu trữ lịch sử và Công nghệ thông tin của Sở, kiêm Trưởng ban"
    path = build_single_ballots(held.s, tmp_path / "rieng.pdf", copies=1)
    assert_readable_pdf(path)
    quarter = A4_H / PER_PAGE
    for n, ws in words(path).items():
        for w, _x0, y0, _x1, y1 in ws:
            assert int(y0 // quarter) == int(min(y1, A4_H - 0.01) // quarter), f"p.{n}: {w!r} crosses a cut line"
    assert "kiêm Trưởng ban" in " ".join(pages_text(path))


# -- the counting record -----------------------------------------------------------------------------------
def test_counting_record_figures_are_meeting_figures_in_pdf_and_word(held, tmp_path):
    figures = MeetingFigures(held)
    ballot = accepted_ballots(held)[0]
    results = [r for r in figures.votes if r.vote.ballot_id == ballot.id and r.rating is not None]
    assert len(results) == len(held.ballot_votes(ballot.id)) > 10
    [pdf] = build_counting_records(held, tmp_path)
    [docx] = build_counting_records(held, tmp_path, docx=True)
    assert docx.name == "bien-ban-kiem-phieu.docx"
    text, wtext = assert_readable_pdf(pdf), docx_text(docx)
    h = results[0].headcount
    for t in (text, wtext):
        assert f"Tổng số đảng viên được tính: {h.base_count} đồng chí." in t
        assert f"Số đảng viên được tính có mặt: {h.present_in_base} đồng chí" in t
        assert f"Số phiếu phát ra: {ballot.issued} phiếu." in t and f"Số phiếu hợp lệ: {ballot.valid} phiếu." in t
    for i, r in enumerate(results, 1):
        base = r.headcount.base_count
        cells = [f"{r.vote.levels.get(lv.value, 0)} ({pct(r.vote.levels.get(lv.value, 0), base)})"
                 for lv in LEVELS_TOP_DOWN]
        reached = next(c for c in r.rating.counts if c.level == r.rating.reached)
        row = " ".join([str(i), held.subject_name(r.vote.subject), *cells, str(r.vote.levels.get(BLANK, 0)),
                        str(r.vote.levels.get(MULTIPLE, 0)), LEVEL_ABBREVIATIONS[r.rating.reached],
                        f"{reached.votes}/{base} ({pct(reached.votes, base)})"])
        assert row in text, row
        assert row in wtext, row
    # the counting team is named (they count, they do not vote on paper); nobody else who is not rated
    subjects = {r.vote.subject for r in results} | set(ballot.counting_team)
    assert _voters_named(text, held, subjects) == []


# -- the attendance sheet ----------------------------------------------------------------------------------
def test_attendance_sheet_pdf_and_word_list_every_attendee_once_with_room_to_sign(held, tmp_path):
    people = held.s.attendees()
    pdf = build_attendance_sheet(held.s, tmp_path / "ds.pdf")
    docx = build_attendance_sheet_docx(held.s, tmp_path / "ds.docx")
    text, wtext = assert_readable_pdf(pdf), docx_text(docx)
    for t in (text, wtext):
        for m in people:
            assert t.count(m.full_name) == 1, m.full_name
        assert f"Tổng số: {len(people)} đồng chí." in t and "Ký tên" in t
    from docx import Document

    table = Document(str(docx)).tables[1]
    assert len(table.rows) == len(people) + 1
    assert all(row.height is not None and row.height.mm >= 9 for row in list(table.rows)[1:])
    # the PDF's rows are as tall: room to sign (at least 9 mm from one name to the next)
    ys = sorted({round(y0, 1) for page in words(pdf).values() for w, _x0, y0, _x1, _y1 in page
                 if w in {m.full_name.split()[-1] for m in people}})
    gaps = [b - a for a, b in zip(ys, ys[1:]) if b - a > 1]
    assert gaps and min(gaps) >= 9 * 72 / 25.4 - 0.5
    assert len(attendance_blocks(held.s).blocks) == 5


# -- the Word renderer of the blocks no builder writes to Word today ---------------------------------------
def test_word_renders_the_handover_facts_and_the_cut_sheet_with_the_same_words(held, tmp_path):
    from docx import Document

    from kiemdiem_desktop.documents.content import DocumentBlocks, FactTable
    from kiemdiem_desktop.documents.render import write_docx

    doc = DocumentBlocks("Thử")
    doc.add(FactTable([("Tên tệp gói", "goi.p7m"), ("SHA-256 của tệp gói", "A8A9 F684 C3A1")]))
    doc.add(*single_ballot_blocks(held.s, copies=2).blocks)
    path = write_docx(doc, tmp_path / "thu.docx", BLANK_FORM)
    text = docx_text(path)
    assert "Tên tệp gói goi.p7m SHA-256 của tệp gói A8A9 F684 C3A1" in text
    subjects = ballot_subjects(held.s)
    for _s, name, post in subjects:
        assert text.count("Xếp loại đối với: " + name + (f", {post}" if post else "")) == 2
    assert text.count(TICK_BOX) == 4 * 2 * len(subjects)
    sheet = Document(str(path)).tables[1]
    assert len(sheet.rows) == 2 * len(subjects)
    assert {round(r.height.mm) for r in sheet.rows} == {63}          # four rows fill a page's 257 mm
