"""The reports read what the figures say (figures.MeetingFigures, the one computation), and the Word
version of each says word for word what its PDF says: the summary (BÁO CÁO), the year's report and
the chair's script. The workbook carries the same figures as the PDF's table."""
from __future__ import annotations

import re

import openpyxl
from docx import Document
from docx.oxml.ns import qn

from kiemdiem_desktop.documents.all_documents import build_documents
from kiemdiem_desktop.documents.chair_script import build_chair_script, build_chair_script_docx
from kiemdiem_desktop.documents.summary import build_summary_docx, build_summary_pdf, build_summary_xlsx
from kiemdiem_desktop.documents.year_summary import build_year_summary
from kiemdiem_desktop.figures import MeetingFigures
from kiemdiem_desktop.model.levels import LEVEL_ABBREVIATIONS, LEVEL_LABELS
from kiemdiem_desktop.rules.majority import LEVELS_TOP_DOWN

from tests.documents.reading import assert_readable_pdf, pages_text
from tests.year.conftest import ABSENT, year  # noqa: F401 (the fixture: a main meeting and a supplementary session)


def pdf_words(path) -> list[str]:
    """The words of the PDF as read, without the page numbers at the top of pages 2… and the
    DỰ THẢO / revision line at every foot (the Word file has them as fields, header and footer)."""
    out: list[str] = []
    for n, text in enumerate(pages_text(path), 1):
        words = text.split()
        if n > 1 and words and words[0] == str(n):
            words = words[1:]
        if words[-2:] == ["DỰ", "THẢO"]:
            words = words[:-2]
        out += words
    return out


def docx_words(path) -> list[str]:
    """The words of the Word body in reading order: paragraphs and table cells as they come, a
    line break a space."""
    parts: list[str] = []

    def walk(el):
        for child in el.iterchildren():
            if child.tag == qn("w:p"):
                parts.append("".join(" " if node.tag in (qn("w:br"), qn("w:tab")) else node.text or ""
                                     for node in child.iter(qn("w:t"), qn("w:br"), qn("w:tab"))))
            elif child.tag in (qn("w:tbl"), qn("w:tr"), qn("w:tc")):
                walk(child)

    walk(Document(str(path)).element.body)
    return " ".join(parts).split()


def assert_same_words(pdf, docx) -> None:
    a, b = pdf_words(pdf), docx_words(docx)
    if a != b:
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        raise AssertionError(f"{docx.name} differs from {pdf.name} at word {at}: "
                             f"PDF {' '.join(a[at - 5:at + 8])!r} / Word {' '.join(b[at - 5:at + 8])!r}")


# -- the summary -----------------------------------------------------------------------------------------
def test_summary_totals_are_the_figures_and_every_member_is_listed_once(held, tmp_path):
    figures = MeetingFigures(held)
    text = assert_readable_pdf(build_summary_pdf(held, tmp_path / "tong-hop.pdf"))
    secretary = "Nguyễn Văn Hùng"
    for m in held.s.member_list:
        assert text.count(m.full_name) == (2 if m.full_name == secretary else 1), m.full_name   # she signs too
    totals = figures.level_totals()
    members = [x for x in figures.members if x.member is not None]
    n = len(members)
    for lv in LEVELS_TOP_DOWN:
        share = f"{100 * totals[lv] / n:.1f}".replace(".", ",").replace(",0", "") + "%"
        assert f"{LEVEL_LABELS[lv]} {totals[lv]} {share}" in text, (lv, totals[lv])
    unrated = sum(1 for x in members if x.level is None)
    assert unrated == 1 and f"chưa biểu quyết) {unrated} 8,3%" in text
    assert f"Tổng số {n} 100%" in text
    # each member's row: what the cell voted with its votes against the base
    row_texts = text.split("Ghi chú", 1)[1].split("Tổng hợp theo mức")[0]
    for x in members:
        row = row_texts.split(x.member.full_name, 1)[1][:80]
        if x.level is not None:
            assert f"{LEVEL_ABBREVIATIONS[x.level]} {x.level_votes}/{x.level_base}" in row, (x.name, row)
    for q in figures.quota:
        assert q.text in text
    for c in figures.collectives:
        assert f"{LEVEL_LABELS[c.level]} ({c.level_votes}/{c.level_base} phiếu tán thành" in text, c.name


def test_summary_word_says_what_the_pdf_says_and_the_workbook_holds_the_same_figures(held, tmp_path):
    pdf = build_summary_pdf(held, tmp_path / "tong-hop.pdf")
    docx = build_summary_docx(held, tmp_path / "tong-hop.docx")
    assert_same_words(pdf, docx)
    doc = Document(str(docx))
    assert doc.paragraphs[0].text == "" and "ĐẢNG CỘNG SẢN VIỆT NAM" in doc.tables[0].rows[0].cells[1].text
    members, totals = doc.tables[1], doc.tables[2]
    assert [c.text for c in members.rows[0].cells][:2] == ["STT", "Họ và tên"]
    assert len(members.rows) == 1 + 12 and all(r.cells[1].text for r in members.rows[1:])
    assert [c.text for c in totals.rows[-1].cells] == ["Tổng số", "12", "100%"]
    assert all(r.bold for r in totals.rows[-1].cells[0].paragraphs[0].runs)
    # the workbook: the same member rows, levels, votes and bases as the PDF's table
    figures = MeetingFigures(held)
    ws = openpyxl.load_workbook(build_summary_xlsx(held, tmp_path / "tong-hop.xlsx")).active
    rows = {r[1]: r for r in ws.iter_rows(min_row=5, max_row=16, values_only=True)}
    for x in figures.members:
        r = rows[x.member.full_name]
        assert r[7] == (LEVEL_ABBREVIATIONS[x.level] if x.level else "") or (x.level is None and r[8] is None)
        if x.level is not None:
            assert (r[8], r[9]) == (x.level_votes, x.level_base)
        assert r[6] == x.accepted_score


# -- the year's report -------------------------------------------------------------------------------------
def test_year_report_each_member_once_totals_of_the_two_meetings_and_word_the_same(year, tmp_path):
    cf, main, sup = year
    pdf, xlsx, docx = build_year_summary(cf, 2025, tmp_path, word=True)
    assert docx.name == "tong-hop-ket-qua-ca-nam.docx"
    text = assert_readable_pdf(pdf)
    main_f, sup_f = MeetingFigures(main), MeetingFigures(sup)
    levels = {x.member.full_name: x.level for x in main_f.members if x.member is not None}
    levels.update({x.member.full_name: x.level for x in sup_f.members if x.member is not None and x.level})
    assert levels[ABSENT] is not None            # rated at the supplementary session
    for name in levels:
        assert text.count(name) == (2 if name == "Nguyễn Văn Hùng" else 1), name
    for lv in LEVELS_TOP_DOWN:
        count = sum(1 for v in levels.values() if v == lv)
        assert re.search(rf"{LEVEL_LABELS[lv]} {count} [\d,]+%", text), (lv, count)
    assert "Tổng số 12 100%" in text
    assert_same_words(pdf, docx)


# -- the chair's script ------------------------------------------------------------------------------------
def test_chair_script_word_says_what_the_pdf_says(held, tmp_path):
    pdf = build_chair_script(held.s, tmp_path / "kich-ban.pdf")
    docx = build_chair_script_docx(held.s, tmp_path / "kich-ban.docx")
    assert_same_words(pdf, docx)
    doc = Document(str(docx))
    said = [p for p in doc.paragraphs if p.text.startswith("Chủ trì:")]
    assert said and all(p.runs[0].bold and p.runs[0].text == "Chủ trì:" for p in said)
    asides = [p for p in doc.paragraphs if p.text.startswith("(Thư ký ghi")]
    assert asides and all(r.italic for p in asides for r in p.runs)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{st.position + 1}. {st.title}" for st in held.s.record.steps]


def test_the_documents_command_writes_the_word_versions(year, tmp_path):
    cf, main, sup = year
    names = [p.name for p in build_documents(sup, tmp_path / "docs")]
    for name in ("tong-hop-ket-qua.docx", "kich-ban-dieu-hanh.docx", "tong-hop-ket-qua-ca-nam.docx"):
        assert names.count(name) == 1, name


def test_the_documents_window_lists_and_builds_the_word_versions(year, tmp_path):
    from kiemdiem_desktop.gui.documents.catalogue import ALL_PATTERNS, BY_KEY

    cf, main, sup = year
    for key, name in (("summary_docx", "tong-hop-ket-qua.docx"), ("chair_script_docx", "kich-ban-dieu-hanh.docx"),
                      ("year_summary_docx", "tong-hop-ket-qua-ca-nam.docx")):
        assert BY_KEY[key].kind == "docx" and name in ALL_PATTERNS      # "save all" asks before replacing it
        [path] = BY_KEY[key].build(main, tmp_path / key)
        assert path.name == name and "ĐẢNG CỘNG SẢN VIỆT NAM" in " ".join(docx_words(path))
