"""The document base as a reader of the printed page sees it: fonts, diacritics, page numbers."""
import subprocess
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from kiemdiem_desktop.documents.attendance_sheet import build_attendance_sheet
from kiemdiem_desktop.documents.base import Marking
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import prepare_meeting
from kiemdiem_desktop.services.demo import create_demo


@pytest.fixture(params=[12, 500], ids=["12 members", "500 members"])
def session(request, tmp_path):
    cf = create_demo(tmp_path / "d.kiemdiem", members=request.param)
    s = prepare_meeting(cf, 2026, meeting_date=date(2026, 12, 10))
    yield s
    cf.close(backup=False)


def text_of(path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def top_margin_words(path) -> dict[int, list[tuple[str, float]]]:
    """Words drawn in the top margin (20 mm) of each page, with their centre x."""
    import re

    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages: dict[int, list[tuple[str, float]]] = {}
    for n, page in enumerate(html.split("<page ")[1:], 1):
        pages[n] = [(w, (float(a) + float(c)) / 2) for a, b, c, d, w in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)
            if float(d) < 56.7]
    return pages


def foot_words(path) -> dict[int, list[tuple[str, float]]]:
    """Words drawn in the bottom margin (20 mm) of each page, with their centre x."""
    import re

    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages: dict[int, list[tuple[str, float]]] = {}
    for n, page in enumerate(html.split("<page ")[1:], 1):
        pages[n] = [(w, (float(a) + float(c)) / 2) for a, b, c, d, w in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)
            if float(b) > 841.9 - 56.7]
    return pages


def test_attendance_sheet_every_name_fonts_embedded_numbers_from_page_two(session, tmp_path):
    out = tmp_path / "ds.pdf"
    build_attendance_sheet(session, out)
    pages = text_of(out)
    whole = " ".join(pages)
    for m in session.attendees():
        assert m.full_name in whole
    assert unicodedata.is_normalized("NFC", whole)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pages[0] and "DANH SÁCH ĐẢNG VIÊN DỰ HỘI NGHỊ" in pages[0]
    assert all("DỰ THẢO" in t for t in pages)
    top = top_margin_words(out)
    assert top[1] == []           # no number on the first page, nothing above the Party header
    foot = foot_words(out)
    assert all([w for w, _ in foot[n]] == ["DỰ", "THẢO"] for n in foot)   # the draft mark at every foot
    for page, words in list(top.items())[1:]:
        numbers = [(w, xc) for w, xc in words if w.isdigit()]
        assert numbers and numbers[0][0] == str(page) and abs(numbers[0][1] - 297.6) < 6   # centred
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    for line in fonts.splitlines()[2:]:
        if "LiberationSerif" in line:
            assert " yes yes " in line         # embedded and subset
    assert "LiberationSerif" in fonts
    reader = PdfReader(out)
    assert all(round(float(pg.mediabox.width)) == 595 and round(float(pg.mediabox.height)) == 842
               for pg in reader.pages)


def test_nothing_is_drawn_outside_the_page(tmp_path, session):
    out = tmp_path / "ds.pdf"
    build_attendance_sheet(session, out, Marking(draft=False, revision=2, locked_on=date(2026, 12, 12)))
    bbox = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    import re

    for x_min, y_min, x_max, y_max in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', bbox):
        assert 0 <= float(x_min) and float(x_max) <= 595.3 and 0 <= float(y_min) and float(y_max) <= 841.9
    foot = foot_words(out)
    assert all(" ".join(w for w, _ in foot[n]) == "Bản sửa đổi lần 2, khóa ngày 12/12/2026" for n in foot)


def test_revision_one_carries_no_marking_and_the_date_line_follows_hd36(tmp_path, session):
    from kiemdiem_desktop.documents.base import date_words, time_words, vietnamese_date_line

    out = tmp_path / "ds.pdf"
    build_attendance_sheet(session, out, Marking(draft=False, revision=1))
    text = " ".join(text_of(out))
    assert "lần 1" not in text and "Bản chính thức" not in text and "DỰ THẢO" not in text
    assert all(words == [] for words in foot_words(out).values())
    # HD 36-HD/VPTW: a 0 before a day below 10 and before the months 1 and 2 only
    assert vietnamese_date_line("Hà Nội", date(2026, 2, 5)) == "Hà Nội, ngày 05 tháng 02 năm 2026"
    assert date_words(date(2018, 4, 3)) == "ngày 03 tháng 4 năm 2018"
    assert date_words(date(2025, 12, 10)) == "ngày 10 tháng 12 năm 2025"
    assert time_words("08:05") == "8 giờ 05" and time_words("14:30") == "14 giờ 30"
