"""The Word forms through the content model: a form kind rendered once with placeholders and filled
per member is the very document python-docx writes for that member; names with XML's special
characters and decomposed diacritics come out escaped and NFC; the same blocks make a PDF."""
from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from docx import Document

from kiemdiem_desktop.documents import forms
from kiemdiem_desktop.documents.all_documents import build_documents
from kiemdiem_desktop.documents.content import CheckBoxes, Columns, FillLines, Line
from kiemdiem_desktop.documents.docx_fill import DocxTemplate
from kiemdiem_desktop.documents.render import docx_bytes, write_pdf
from kiemdiem_desktop.session import prepare_meeting

from tests.documents.reading import assert_readable_pdf, docx_text, pages_text
from tests.flow.conftest import twelve_member_cell


@pytest.fixture
def session(tmp_path):
    cf = twelve_member_cell(tmp_path / "f.kiemdiem")
    yield prepare_meeting(cf, 2025, meeting_date=date(2025, 12, 10))
    cf.close(backup=False)


def parts(data: bytes) -> dict[str, bytes]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        return {n: z.read(n) for n in z.namelist()}


@pytest.mark.parametrize("form", ["2A", "2B", "2C"])
def test_a_filled_template_is_the_document_rendered_for_the_member(session, form):
    template = DocxTemplate(docx_bytes(forms.self_review_blocks(session, forms.MemberFields.placeholders(), form),
                                       forms.NO_MARKING))
    for m in session.member_list[:4]:
        who = forms.MemberFields.of(m)
        direct = parts(docx_bytes(forms.self_review_blocks(session, who, form), forms.NO_MARKING))
        filled = parts(template.fill(who.values()))
        assert filled == direct, m.full_name


def test_special_characters_escaped_and_nfc_in_the_filled_form(session, tmp_path):
    m = session.member_list[5]
    who = replace(forms.MemberFields.of(m), full_name=unicodedata.normalize("NFD", "Lê <Văn> & \"Tú\"\x01"),
                  work_unit="Phòng A & B", government_post="[[KD:birth_date]]")
    template = DocxTemplate(docx_bytes(forms.self_review_blocks(session, forms.MemberFields.placeholders(), "2B"),
                                       forms.NO_MARKING))
    path = tmp_path / "mau.docx"
    path.write_bytes(template.fill(who.values()))
    text = docx_text(path)
    assert "Họ và tên: Lê <Văn> & \"Tú\" Ngày sinh:" in text
    assert "Đơn vị công tác: Phòng A & B." in text
    assert "Chức vụ chính quyền, đoàn thể: [[KD:birth_date]]." in text    # a value is never filled in turn
    assert text.count("[[KD:") == 1 and unicodedata.is_normalized("NFC", text)
    doc = Document(str(path))
    assert doc.core_properties.title == "Mẫu 2B — Lê <Văn> & \"Tú\" — năm 2025"
    assert text.endswith("NGƯỜI TỰ KIỂM ĐIỂM (Ký, ghi rõ họ tên) Lê <Văn> & \"Tú\"")


def test_build_forms_fills_every_member_and_reports_each_file(session, tmp_path):
    seen = []
    paths = forms.build_forms(session, tmp_path / "out", progress=seen.append)
    assert seen == paths and len(paths) == 13
    for (m, form, name), path in zip(forms.form_names(session), paths):
        assert path.name == name
        text = docx_text(path)
        assert f"Họ và tên: {m.full_name} Ngày sinh: {m.birth_date:%d/%m/%Y}" in text
        assert text.rstrip().endswith(m.full_name)          # signed by the member
        assert "[[KD:" not in text
        assert Document(str(path)).core_properties.title == f"Mẫu {form} — {m.full_name} — năm 2025"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)   # no temporary file


def test_the_form_blocks_render_to_pdf_too(session, tmp_path):
    m = session.member_list[0]
    blocks = forms.self_review_blocks(session, forms.MemberFields.of(m), "2A")
    kinds = {type(b) for b in blocks.blocks}
    assert {Line, FillLines, CheckBoxes, Columns} <= kinds
    pdf = write_pdf(blocks, tmp_path / "mau-2a.pdf", forms.NO_MARKING)
    text = assert_readable_pdf(pdf)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and f"Họ và tên: {m.full_name}" in text
    assert "□ Hoàn thành xuất sắc nhiệm vụ" in text and "NGƯỜI TỰ KIỂM ĐIỂM" in text
    assert pages_text(pdf)[-1].strip().endswith(m.full_name)
    pdf01 = write_pdf(forms.collective_report_blocks(session), tmp_path / "mau-01.pdf", forms.NO_MARKING)
    assert "T/M CHI ỦY" in assert_readable_pdf(pdf01)


def test_build_documents_reports_each_file_against_the_planned_total(held, tmp_path):
    def minutes(desk, target):
        target.with_suffix(".docx").write_bytes(b"PK placeholder")
        target.write_bytes(b"%PDF-1.4 placeholder")
        return target

    calls = []
    paths = build_documents(held, tmp_path / "out", minutes=minutes, minutes_files=2,
                            progress=lambda done, total, path: calls.append((done, total, path.name)))
    totals = {t for _, t, _ in calls}
    assert totals == {len(paths) + 1}                         # the minutes' .docx counted in the plan
    assert [d for d, _, _ in calls] == [2] + list(range(3, len(paths) + 2))   # rising to the end
    assert calls[-1] == (len(paths) + 1, len(paths) + 1, "mau-01.docx")
    assert [n for _, _, n in calls] == [p.name for p in paths]


def test_the_signatures_take_the_last_line_before_them_to_their_page(session, tmp_path):
    path = forms.build_collective_report(session, tmp_path / "mau-01.docx")
    body = Document(str(path)).element.body
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    last_table = [el for el in body if el.tag == W + "tbl"][-1]
    empty, boxed = last_table.getprevious(), last_table.getprevious().getprevious()
    def text(el) -> str:
        return "".join(t.text or "" for t in el.iter(W + "t"))
    assert text(empty) == "" and text(boxed) == "□ Không hoàn thành nhiệm vụ"
    assert empty.find(f"{W}pPr/{W}keepNext") is not None and boxed.find(f"{W}pPr/{W}keepNext") is not None
    assert last_table.find(f"{W}tr/{W}trPr/{W}cantSplit") is not None
