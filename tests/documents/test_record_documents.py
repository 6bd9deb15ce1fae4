"""The record is the meeting, as a reader of the documents sees it (issues 10 and 16, the documents
side; issue 12 item 10): every member accounted for, actual times, every vote round against the
base, a vote below quorum deciding nothing, results wherever the votes were taken, the accepted
score with its reason, the HD 36 details, Word styles and fields, spreadsheet cells that are numbers,
formulas or plain text as they should be."""
from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date, datetime

import pytest
from docx import Document
from openpyxl import load_workbook

from kiemdiem_desktop.documents.all_documents import build_documents
from kiemdiem_desktop.documents.minutes import build_minutes, build_minutes_docx
from kiemdiem_desktop.documents.summary import build_summary_pdf, build_summary_xlsx
from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.model.vote import VoteKind, VoteMethod
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.services.demo import create_demo
from kiemdiem_desktop.session import MeetingSession, prepare_meeting
from kiemdiem_desktop.voting import VotingDesk
from tests.documents.reading import assert_readable_pdf, docx_text, pages_text, whole_text, words
from tests.flow.conftest import twelve_member_cell

E, G, C = "EXCELLENT", "GOOD", "COMPLETED"
FORBIDDEN = ("→", "—", "✓", "chưa đối chiếu", "nguồn thứ cấp")


def changed_score_note(self_score, accepted, reason) -> str:
    """The summary's note for a changed score: "Điểm chi bộ chấp nhận 81 (tự chấm 83): <lý do>"."""
    return f"Điểm chi bộ chấp nhận {accepted:g} (tự chấm {self_score:g}): {reason}"


# -- the finished demo meeting ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    cf = create_demo(folder / "mau.kiemdiem", members=12, finished=True)
    meeting = next(m for m in cf.meetings() if m.state.value == "locked")
    desk = VotingDesk(MeetingSession(cf, meeting.id))

    def minutes(d, path):
        build_minutes_docx(d, path.with_suffix(".docx"))
        return build_minutes(d, path)

    build_documents(desk, folder / "docs", minutes=minutes, locality="Hà Nội")
    yield desk, folder / "docs"
    cf.close(backup=False)


def test_demo_minutes_account_for_every_member_with_continuous_numbers(demo):
    desk, docs = demo
    text = assert_readable_pdf(docs / "bien-ban.pdf")
    s = desk.s
    cats = s.categories
    in_cell = [m for m in s.member_list if cats[m.id].value not in ("not_in_cell", "visiting")]
    # the roll call: every member of the cell, numbered 1..12 without a gap, with what happened to them
    roll = text.split("Điểm danh từng đảng viên:")[1].split("Căn cứ và cách tính")[0]
    for i, m in enumerate(in_cell, 1):
        assert re.search(rf"\b{i} {re.escape(m.full_name)}\b", roll), (i, m.full_name)
    assert f"Tổng số đảng viên của chi bộ: {len(in_cell)} đồng chí" in text
    assert "Có mặt khi khai mạc: 9 đồng chí" in text and "có mặt 9/12 đảng viên của chi bộ" in text
    approved = next(m for m in in_cell if (a := s.record.attendance.get(m.id)) and a.status == Presence.ABSENT_APPROVED
                    and cats[m.id].value == "official")
    exempt = next(m for m in in_cell if cats[m.id].value == "exempted")
    recent = next(m for m in in_cell if cats[m.id].value == "probationary_recent")
    row = roll.split(approved.full_name)[1][:200]
    assert "sẽ kiểm điểm tại buổi kiểm điểm bổ sung" in row
    row = roll.split(exempt.full_name)[1][:120]
    assert "miễn công tác và sinh hoạt đảng" in row and "không có lý do" not in row
    row = roll.split(recent.full_name)[1][:160]
    assert "chưa đủ 6 tháng" in row and "chưa kiểm điểm" in row
    # the content items are numbered without a gap, the absentee keeps an item naming the later session
    body = text.split("NỘI DUNG HỘI NGHỊ")[1]
    numbers = [int(n) for n in re.findall(r"(?<![\d/])(\d{1,2})\. (?:Khai mạc|Kiểm điểm|Biểu quyết|Chi bộ|Công bố|"
                                          r"Thông qua|Bế mạc)", body)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 15
    item = body.split(f"Kiểm điểm đồng chí {approved.full_name}")[1][:300]
    assert "sẽ kiểm điểm tại buổi kiểm điểm bổ sung" in item


def test_demo_minutes_print_the_actual_times_and_words_not_symbols(demo):
    desk, docs = demo
    text = whole_text(docs / "bien-ban.pdf")
    m = desk.s.meeting
    opened = m.started_at
    assert f"Hồi {opened.hour} giờ {opened.minute:02d}" in text
    adoption = next(v for v in desk.record.votes if v.kind == VoteKind.MINUTES)
    h, mm = adoption.taken_at.split(":")
    assert f"Biểu quyết giơ tay lúc {int(h)} giờ {mm}, nội dung: Thông qua biên bản hội nghị" in text
    h, mm = m.end_time.split(":")
    assert f"Hội nghị kết thúc vào hồi {int(h)} giờ {mm} cùng ngày" in text
    assert not re.search(r"\b\d{2}:\d{2}\b", text)          # times in prose: "8 giờ 05", never "08:05"
    for bad in FORBIDDEN:
        assert bad not in text, bad
    assert "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị" in text
    assert "Hướng dẫn số 43-HD/BTCTW, ngày 31/10/2025 của Ban Tổ chức Trung ương" in text
    # demo times make sense: every time printed is a real time, none after the closing
    close = int(h) * 60 + int(mm)
    for hh, mi in re.findall(r"(\d{1,2}) giờ (\d{2})", text):
        assert int(hh) < 24 and int(mi) < 60 and int(hh) * 60 + int(mi) <= close, (hh, mi)


def test_demo_minutes_results_with_findings_quota_and_the_accepted_score(demo):
    desk, docs = demo
    text = whole_text(docs / "bien-ban.pdf")
    assert "Kết quả biểu quyết xếp loại (số phiếu / số đảng viên được tính" in text
    assert "Đối chiếu với quy định:" in text and "Hội nghị vẫn đề xuất mức Hoàn thành nhiệm vụ, lý do:" in text
    assert re.search(r"Tỷ lệ Hoàn thành xuất sắc nhiệm vụ \(toàn chi bộ\): \d+ đảng viên HTXSNV / \d+ đảng viên HTTNV",
                     text)    # the one quota phrasing (rules/quota.py): members counted, issue 17 item 5
    changed = next(p for p in desk.record.proposals.values() if p.score_change_reason)
    name = desk.subject_name(changed.subject)
    review = desk.record.self_reviews[changed.subject]
    accepted = changed.accepted_general + changed.accepted_task
    line = (f"{name}: tự chấm {review.total_score:g} điểm, chi bộ chấp nhận {accepted:g} điểm; lý do: "
            f"{changed.score_change_reason}")
    assert line in text
    assert f"Chi bộ thống nhất chấm {accepted:g}/100 điểm" in text
    # the summary prints the same accepted score with its reason, and the leave of the year
    summary = whole_text(docs / "tong-hop-ket-qua.pdf")
    assert changed_score_note(review.total_score, accepted, changed.score_change_reason) in summary
    assert re.search(r"Nghỉ thai sản từ \d\d/\d\d/\d{4}", summary)


def test_demo_documents_have_no_symbol_placeholder_or_iso_time(demo):
    desk, docs = demo
    for pdf in docs.glob("*.pdf"):
        text = whole_text(pdf)
        for bad in FORBIDDEN:
            assert bad not in text, (pdf.name, bad)
        assert not re.search(r"\d{4}-\d\d-\d\dT", text), pdf.name
    text = docx_text(docs / "bien-ban.docx")
    for bad in FORBIDDEN:
        assert bad not in text, bad


def test_titles_have_the_short_line_and_the_report_and_counting_record_are_numbered(demo):
    desk, docs = demo
    for name, title in (("bien-ban.pdf", "BIÊN BẢN"), ("tong-hop-ket-qua.pdf", "BÁO CÁO"),
                        ("bien-ban-kiem-phieu.pdf", "BIÊN BẢN KIỂM PHIẾU"), ("kich-ban-dieu-hanh.pdf",
                                                                             "KỊCH BẢN ĐIỀU HÀNH")):
        lines = subprocess.run(["pdftotext", "-layout", "-l", "1", str(docs / name), "-"], capture_output=True,
                               text=True, check=True).stdout.splitlines()
        at = next(i for i, ln in enumerate(lines) if ln.strip() == title)
        assert lines[at + 2].strip() == "-----", (name, lines[at:at + 3])      # under the subject line
    summary = pages_text(docs / "tong-hop-ket-qua.pdf")[0]
    assert "Số -BC/CB" in summary and "BÁO CÁO kết quả kiểm điểm, đánh giá, xếp loại" in summary
    record = whole_text(docs / "bien-ban-kiem-phieu.pdf")
    assert "-BBKP/CB" in record and "Việc kiểm phiếu kết thúc lúc" in record
    script = whole_text(docs / "kich-ban-dieu-hanh.pdf")
    assert "(chính thức:" not in script and "Chi bộ hiện có 12 đảng viên, trong đó 8 đồng chí là đảng viên chính" \
        in script


def test_headings_are_never_alone_at_the_foot_of_a_page(demo):
    desk, docs = demo
    for n, ws in words(docs / "bien-ban.pdf").items():
        body = [w for w in ws if 56 < w[2] < 841.9 - 56.7]
        tail = " ".join(w[0] for w in body[-6:])
        for lead in ("NỘI DUNG HỘI NGHỊ", "Ý kiến phát biểu:", "Điểm danh từng đảng viên:", "Căn cứ và cách tính:",
                     "Đối chiếu với quy định:"):
            assert not tail.endswith(lead), (n, tail)


# -- Word -------------------------------------------------------------------------------------------------
def test_word_minutes_have_styles_language_page_fields_spacing_and_fitting_columns(demo):
    desk, docs = demo
    path = docs / "bien-ban.docx"
    doc = Document(path)
    used = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Body Text"} <= used and used != {"Normal"}
    assert doc.styles["Normal"].paragraph_format.line_spacing == pytest.approx(1.3)
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
        header = z.read("word/header1.xml").decode() if "word/header1.xml" in z.namelist() else ""
        headers = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
        document = z.read("word/document.xml").decode()
    defaults = styles.split("<w:docDefaults>")[1].split("</w:docDefaults>")[0]
    assert 'w:lang w:val="vi-VN"' in defaults and "en-US" not in styles
    assert styles.count('w:val="vi-VN"') >= 8                # in every style the blocks use
    assert "PAGE" in headers and "<w:titlePg" in document     # page numbers, none on the first page
    del header
    rating = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT" and len(t.columns) == 9)
    widths = [c.width.mm for c in rating.rows[1].cells]
    assert widths[1] > 34 and len({round(w) for w in widths}) > 2           # names fit, not nine equal columns
    assert docx_text(path).count("-----") == 1


def test_word_minutes_rendered_by_libreoffice_keep_the_pages_numbered(demo, tmp_path):
    import shutil

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is needed to see the Word output: apt-get install libreoffice-writer-nogui")
    desk, docs = demo
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docs / "bien-ban.docx")],
                   capture_output=True, check=True, timeout=180)
    pdf = tmp_path / "bien-ban.pdf"
    pages = words(pdf)
    assert len(pages) >= 3
    assert not [w for w in pages[1] if w[4] < 56.7 and w[0].isdigit()]       # no number on the first page
    for n in list(pages)[1:]:
        top = [w for w in pages[n] if w[4] < 56.7 and w[0].isdigit()]
        assert top and top[0][0] == str(n) and abs((top[0][1] + top[0][3]) / 2 - 297.6) < 8


# -- XLSX -------------------------------------------------------------------------------------------------
def test_xlsx_scores_are_numbers_totals_are_formulas_and_hostile_names_stay_text(tmp_path):
    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    try:
        hostile = ['=HYPERLINK("http://evil.example/","Bấm vào")', "=cmd|' /C calc'!A0", "+SUM(1,2)", "@A1"]
        members = cf.members()
        for m, name in zip(members[:4], hostile):
            m.full_name = name
            cf.save_member(m).result() if hasattr(cf, "save_member") else cf.update_member(m).result()
        desk = _quick_meeting(cf)
        out = build_summary_xlsx(desk, tmp_path / "th.xlsx")
        ws = load_workbook(out).active
        cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
        for name in hostile:
            assert name in cells and cells[name].data_type == "s", name
        header = next(r for r in ws.iter_rows() if r[0].value == "STT")[0].row
        scores = [ws.cell(r, 7) for r in range(header + 1, header + 12) if ws.cell(r, 7).value is not None]
        assert scores and all(isinstance(c.value, (int, float)) for c in scores)
        assert all(c.number_format in ("0", "0.0#") and "." not in c.number_format.rstrip("#").rstrip("0.")
                   for c in scores)
        assert any(c.number_format == "0" for c in scores)
        formulas = [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
        assert any("COUNTIF(" in c.value for c in formulas) and any("COUNTA(" in c.value for c in formulas)
    finally:
        cf.close(backup=False)


# -- meetings of our own: votes after each review, a re-vote, a vote below quorum -------------------------
def _quick_meeting(cf: CellFile, year: int = 2025) -> VotingDesk:
    clock = {"t": "08:00"}
    s = prepare_meeting(cf, year, meeting_date=date(year, 12, 10), place="Hội trường", document_number="07-BB/CB",
                        start_time="07:30")
    s.clock = lambda: clock["t"]
    ids = [m.id for m in s.member_list]
    s.update_meeting(chair_id=ids[0], minute_taker_id=ids[1])
    s.start()
    s.update_meeting(started_at=datetime(year, 12, 10, 8, 10))
    s.mark_all_present()
    d = VotingDesk(s)
    for mid in ids:
        s.set_self_review(mid, general_score=27, task_score=60, proposed_level=G)
    clock["t"] = "10:00"
    step = next(st for st in s.record.steps if st.kind == StepKind.RATING_VOTES)
    votes = d.new_rating_votes(VoteMethod.HANDS, step_id=step.id)
    for v in votes:
        d.set_levels(v.id, {G: 11, C: 1})
    s.flush()
    return d


def votes_after_each_review(cf: CellFile):
    """12 official members, opened at 08:10 (planned 07:30); Hồ Thị Khánh absent with an approved reason
    (base 11). The rating is voted by show of hands right after each review:
      Lê Văn An, 09:00: E 3, G 2 -> cumulative E 3, G 5: nothing above 5.5; re-vote at HTTNV 09:05: G 9 -> HTTNV
      Phạm Thị Bích, 09:30: E 8, G 3 -> HTXSNV; self 89, accepted 86 "Chậm báo cáo quý IV"
      Hoàng Văn Cường, 10:00: five members left at 09:50, present 6/11 < 8 -> G 6 decides nothing
    """
    clock = {"t": "08:10"}
    s = prepare_meeting(cf, 2025, meeting_date=date(2025, 12, 10), place="Hội trường", document_number="07-BB/CB",
                        start_time="07:30")
    s.clock = lambda: clock["t"]
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.start()
    s.update_meeting(started_at=datetime(2025, 12, 10, 8, 10))
    s.mark_all_present()
    s.set_attendance(who["Hồ Thị Khánh"], Presence.ABSENT_APPROVED, "Đi công tác")
    d = VotingDesk(s)
    for name in who:
        s.set_self_review(who[name], general_score=28, task_score=61, proposed_level=E)
    d.accept_score(who["Phạm Thị Bích"], 27, 59, "Chậm báo cáo quý IV").result()
    review = {st.subject_member_id: st for st in s.record.steps if st.kind == StepKind.MEMBER_REVIEW}

    def hands(name, counts, at):
        clock["t"] = at
        [v] = d.new_rating_votes(VoteMethod.HANDS, [who[name]], step_id=review[who[name]].id)
        d.set_levels(v.id, counts).result()
        return v

    first = hands("Lê Văn An", {E: 3, G: 2}, "09:00")
    clock["t"] = "09:05"
    again = d.revote_next_level(first.id)
    again.taken_at = "09:05"
    d.set_taken_at(again.id, "09:05").result()
    d.set_levels(again.id, {G: 9}).result()
    hands("Phạm Thị Bích", {E: 8, G: 3}, "09:30")
    for name in ("Đặng Văn Đức", "Đỗ Văn Hải", "Ngô Văn Long", "Dương Thị Mai", "Vũ Thị Dung"):
        s.leave(who[name], "09:50").result()
    hands("Hoàng Văn Cường", {G: 6}, "10:00")
    s.close_meeting("10:30")
    s.flush()
    return d, who


def test_votes_after_each_review_rounds_below_quorum_and_the_results_table(tmp_path):
    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    try:
        desk, who = votes_after_each_review(cf)
        out = tmp_path / "bien-ban.pdf"
        build_minutes(desk, out)
        text = assert_readable_pdf(out)
        # the actual opening, never the planned 7 giờ 30
        assert "Hồi 8 giờ 10 ngày 10 tháng 12 năm 2025" in text and "7 giờ 30" not in text
        # every round with its figures against the base, and why there was a second
        assert ("Biểu quyết giơ tay lúc 9 giờ 00, nội dung: Xếp loại chất lượng năm 2025: Lê Văn An. Kết quả: có mặt "
                "11/11 đảng viên được tính; số phiếu: HTXSNV 3/11, từ HTTNV trở lên 5/11, từ HTNV trở lên 5/11, từ KHTNV "
                "trở lên 5/11; không mức nào "
                "được quá nửa số đảng viên được tính tán thành.") in text
        assert re.search(r"lúc 9 giờ 05, nội dung: [^.]*biểu quyết lại [^.]*Hoàn thành tốt nhiệm vụ[^.]*\. Kết quả: "
                         r"có mặt 11/11 đảng viên được tính; số phiếu: HTXSNV 0/11, từ HTTNV trở lên 9/11", text)
        assert "Lần 1 (giơ tay, lúc 9 giờ 00)" in text
        assert re.search(r"hội nghị biểu quyết lại (ở|từ) mức Hoàn thành tốt nhiệm vụ", text)
        assert "Lần 2 (giơ tay, lúc 9 giờ 05)" in text
        # below quorum: marked, and it decides nothing
        assert ("Hoàng Văn Cường: biểu quyết lúc 10 giờ 00 không đủ 2/3 số đảng viên được tính có mặt (6/11), "
                "không có giá trị quyết định") in text
        assert "có mặt 6/11 đảng viên được tính, không đủ 2/3 (cần ít nhất 8 đồng chí)" in text
        # the votes sat in the reviews: the results table, the findings and the quota line are still there
        table = text.split("Kết quả biểu quyết xếp loại (")[1]
        assert re.search(r"Lê Văn An HTXSNV 89 0/11 9/11 9/11 9/11 HTTNV", table)
        assert re.search(r"Phạm Thị Bích HTXSNV 86\* 8/11 11/11 11/11 11/11 HTXSNV", table)
        assert re.search(r"Hoàng Văn Cường HTXSNV 89 0/11 6/11 6/11 6/11 chưa xếp loại \(không đủ 2/3\)", table)
        assert "Phạm Thị Bích: tự chấm 89 điểm, chi bộ chấp nhận 86 điểm; lý do: Chậm báo cáo quý IV." in text
        assert "Tỷ lệ Hoàn thành xuất sắc nhiệm vụ (toàn chi bộ):" in text
        # the summary: the below-quorum member is not rated, the accepted score carries its reason
        summary = tmp_path / "th.pdf"
        build_summary_pdf(desk, summary)
        st = whole_text(summary)
        assert "Chưa xếp loại (không đủ 2/3)" in st
        assert changed_score_note(89, 86, "Chậm báo cáo quý IV") in st
        # the Word file says the same
        docx = tmp_path / "bien-ban.docx"
        build_minutes_docx(desk, docx)
        wt = docx_text(docx)
        for piece in ("Lần 1 (giơ tay, lúc 9 giờ 00)", "không có giá trị quyết định", "Hồi 8 giờ 10",
                      "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị"):
            assert piece in wt, piece
    finally:
        cf.close(backup=False)


def test_revision_two_prints_its_foot_line_on_every_page_and_nothing_above_the_header(tmp_path):
    from tests.documents.conftest import hold_meeting

    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    try:
        desk = hold_meeting(cf, {"t": "08:00"})
        one = tmp_path / "lan-1.pdf"
        build_minutes(desk, one)
        assert "Bản sửa đổi" not in whole_text(one) and "Bản chính thức" not in whole_text(one)
        desk.s.reopen("Sửa lỗi chính tả phần kết luận").result()
        desk.s.lock()
        two = tmp_path / "lan-2.pdf"
        build_minutes(desk, two)
        docx = tmp_path / "lan-2.docx"
        build_minutes_docx(desk, docx)
        pages = words(two)
        today = date.today()        # the lock happens now; its day is printed from the history
        line = f"Bản sửa đổi lần 2, khóa ngày {today.day:02d}/{today.month:02d}/{today.year}"
        for n, ws in pages.items():
            foot = " ".join(w[0] for w in ws if w[2] > 841.9 - 56.7)
            assert foot == line, (n, foot)
            top = [w[0] for w in ws if w[4] < 56.7]
            assert all(t.isdigit() for t in top), (n, top)     # only the page number above the header
        assert pages[1][0][0] == "ĐẢNG"                        # the first word of page 1 is the Party header
        with zipfile.ZipFile(docx) as z:
            footers = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
        assert line in footers
    finally:
        cf.close(backup=False)


def test_every_word_file_of_the_meeting_is_in_vietnamese_for_the_spell_checker(demo):
    desk, docs = demo
    files = sorted(docs.glob("*.docx"))
    assert len(files) >= 5
    for path in files:
        with zipfile.ZipFile(path) as z:
            styles = z.read("word/styles.xml").decode()
        defaults = styles.split("<w:docDefaults>")[1].split("</w:docDefaults>")[0]
        assert 'w:lang w:val="vi-VN"' in defaults, path.name
        assert "en-US" not in styles, path.name


def test_minutes_under_124_cite_in_full_and_print_no_uncertainty(tmp_path):
    cf = twelve_member_cell(tmp_path / "c.kiemdiem")
    try:
        desk = _quick_meeting(cf, 2024)
        out = tmp_path / "bb-2024.pdf"
        build_minutes(desk, out)
        text = whole_text(out)
        assert "Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị" in text
        assert "Hướng dẫn số 25-HD/BTCTW, ngày 25/10/2023 của Ban Tổ chức Trung ương" in text
        assert "Hồi 8 giờ 10 ngày 10 tháng 12 năm 2024" in text and "7 giờ 30" not in text
        for bad in FORBIDDEN:
            assert bad not in text, bad
    finally:
        cf.close(backup=False)
