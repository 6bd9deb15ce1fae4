"""A supplementary session in its rating year: linked, reviewing only the unrated, and the year's
report (PDF, XLSX, the documents folder, the package) merging every meeting."""
from datetime import date

import pytest
from openpyxl import load_workbook

from kiemdiem_desktop.services.package import meeting_documents
from kiemdiem_desktop.documents.all_documents import build_documents
from kiemdiem_desktop.documents.summary import build_summary_pdf
from kiemdiem_desktop.documents.year_summary import build_year_summary
from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.meeting_results import meeting_results
from kiemdiem_desktop.model import Level, MeetingKind
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.rating_year import rating_year_view, still_unrated
from kiemdiem_desktop.session import prepare_meeting

from tests.documents.reading import assert_readable_pdf, whole_text
from tests.flow.conftest import NAMES
from tests.helpers import run_cli
from tests.year.conftest import ABSENT


def test_the_supplementary_session_rates_only_the_absent_member(year):
    cf, main, sup = year
    khanh = next(m.id for m in sup.s.member_list if m.full_name == ABSENT)
    assert sup.s.meeting.main_meeting_id == main.s.meeting_id
    kinds = [st.kind for st in sup.record.steps]
    assert StepKind.COLLECTIVE_REVIEW not in kinds and StepKind.CELL_RATING not in kinds
    assert [st.subject_member_id for st in sup.record.steps if st.kind == StepKind.MEMBER_REVIEW] == [khanh]
    assert {v.subject for v in sup.record.votes if v.kind.value == "rating"} == {khanh}
    # the meeting's own results list her alone, and no collective
    res = meeting_results(cf, sup.s.meeting_id)
    assert [m["full_name"] for m in res["members"]] == [ABSENT]
    assert res["members"][0]["voted_level"] == "EXCELLENT" and res["collectives"] == []
    assert res["meeting"]["main_meeting_id"] == main.s.meeting_id
    assert still_unrated(cf, 2025) == set()          # everyone of the year is rated now


def test_a_supplementary_session_needs_its_main_meeting_held(cell_file):
    with pytest.raises(UserError, match="Chưa có hội nghị kiểm điểm năm 2025"):
        prepare_meeting(cell_file, 2025, MeetingKind.SUPPLEMENTARY, meeting_date=date(2025, 12, 20))
    prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    with pytest.raises(UserError, match="Hội nghị kiểm điểm năm 2025 chưa họp xong"):
        prepare_meeting(cell_file, 2025, MeetingKind.SUPPLEMENTARY, meeting_date=date(2025, 12, 20))
    assert [m.kind for m in cell_file.meetings()] == [MeetingKind.MAIN]      # nothing written


def test_the_year_has_each_member_once_rated_where_reviewed(year):
    cf, main, sup = year
    y = rating_year_view(cf, 2025)
    names = [e.member.full_name for e in y.entries]
    assert sorted(names) == sorted(n for n, _ in NAMES) and len(names) == 12
    where = {e.member.full_name: e.desk.s.meeting.kind for e in y.entries}
    assert where[ABSENT] == MeetingKind.SUPPLEMENTARY
    assert {k for n, k in where.items() if n != ABSENT} == {MeetingKind.MAIN}
    assert all(e.rated for e in y.entries)


def test_the_year_report_pdf(year, tmp_path):
    cf, main, sup = year
    pdf, xlsx = build_year_summary(cf, 2025, tmp_path)
    text = assert_readable_pdf(pdf)
    assert "BÁO CÁO" in text and "-BC/CB" in text
    assert "tổng hợp kết quả kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm 2025" in text
    assert "hội nghị kiểm điểm ngày 10/12/2025; kiểm điểm bổ sung ngày 20/12/2025" in text
    assert "Hà Nội, ngày 20 tháng 12 năm 2025" in text          # made after the last meeting
    for name, _ in NAMES:
        assert text.count(name) == 1 or name == "Nguyễn Văn Hùng"   # the secretary signs too
    assert text.count("Nguyễn Văn Hùng") == 2
    assert "Kiểm điểm bổ sung ngày 20/12/2025" in text
    assert "kiểm điểm bổ sung" not in text.split("Kiểm điểm bổ sung ngày")[0].split("Ghi chú")[1]
    assert "Vắng (có lý do" not in text        # she was reviewed after all
    assert "HTXSNV 10/12" in text.replace("\n", " ")
    # 11 HTTNV at the main meeting, 1 HTXSNV at the supplementary session: the year's quota line
    assert "1 đảng viên HTXSNV / 11 đảng viên HTTNV" in text
    per_meeting = whole_text(build_summary_pdf(main, tmp_path / "main.pdf"))
    # the main meeting's own report still says she was absent there, to be reviewed later
    khanh_row = per_meeting.split(ABSENT)[1].split("Ngô Văn Long")[0]
    assert "kiểm điểm bổ sung" in khanh_row and "HTXSNV" not in khanh_row


def test_the_year_report_workbook(year, tmp_path):
    cf, main, sup = year
    _, xlsx = build_year_summary(cf, 2025, tmp_path)
    ws = load_workbook(xlsx).active
    header = [c.value for c in ws[5]]
    assert header[7] == "Chi bộ đề xuất" and header[11] == "Kiểm điểm tại"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=6, max_row=17)]
    by_name = {r[1]: r for r in rows}
    assert len(by_name) == 12
    assert by_name[ABSENT][7] == "HTXSNV" and by_name[ABSENT][11] == "Kiểm điểm bổ sung ngày 20/12/2025"
    assert by_name[ABSENT][8:10] == [10, 12] and by_name[ABSENT][10] == "=I{0}/J{0}".format(rows.index(by_name[ABSENT]) + 6)
    assert by_name["Lê Văn An"][11] == "Hội nghị ngày 10/12/2025"
    totals = {ws.cell(r, 2).value: ws.cell(r, 3).value for r in range(19, 27)}
    assert totals["Hoàn thành xuất sắc nhiệm vụ"] == '=COUNTIF(H6:H17,"HTXSNV")'
    assert totals["Tổng số"] == "=COUNTA(B6:B17)"


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path):
    from kiemdiem_desktop.documents.year_summary import _put
    from openpyxl import Workbook

    ws = Workbook().active
    _put(ws, 1, 1, "=HYPERLINK(\"http://x\")")
    _put(ws, 1, 2, "@Nguyễn")
    assert ws.cell(1, 1).data_type == "s" and ws.cell(1, 2).data_type == "s" and ws.cell(1, 1).quotePrefix
    path = tmp_path / "t.xlsx"
    ws.parent.save(path)
    again = load_workbook(path).active
    assert again.cell(1, 1).data_type == "s" and again.cell(1, 1).value.startswith("=HYPERLINK")


def test_documents_and_package_carry_the_year_report(year, tmp_path):
    cf, main, sup = year
    out = build_documents(sup, tmp_path / "bo-sung")
    names = {p.name for p in out}
    assert {"tong-hop-ket-qua-ca-nam.pdf", "tong-hop-ket-qua-ca-nam.xlsx", "tong-hop-ket-qua.pdf"} <= names
    from dataclasses import replace

    cf.save_cell(replace(cf.cell(), code="CB-VP")).result()     # a package names its cell by its code
    files, _, meeting = meeting_documents(cf, main.s.meeting_id)
    assert "tong-hop-ket-qua-ca-nam.pdf" in files and "tong-hop-ket-qua-ca-nam.xlsx" in files
    assert f"meeting-{sup.s.meeting_id}.json" in files
    files, _, meeting = meeting_documents(cf, sup.s.meeting_id)
    assert meeting["kind"] == "supplementary" and "tong-hop-ket-qua-ca-nam.pdf" in files
    (tmp_path / "y.pdf").write_bytes(files["tong-hop-ket-qua-ca-nam.pdf"])
    assert "Kiểm điểm bổ sung ngày 20/12/2025" in whole_text(tmp_path / "y.pdf")


def test_a_year_without_supplementary_session_has_no_year_report(held, tmp_path):
    names = {p.name for p in build_documents(held, tmp_path / "docs")}
    assert "tong-hop-ket-qua.pdf" in names and "tong-hop-ket-qua-ca-nam.pdf" not in names


def test_the_cli_documents_include_the_year_report(year, tmp_path):
    cf, main, sup = year
    path = cf.path
    cf.close(backup=False)
    r = run_cli("documents", "--db", str(path), "--meeting", main.s.meeting_id[:8], "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "tong-hop-ket-qua-ca-nam.pdf").exists()
    assert (tmp_path / "out" / "tong-hop-ket-qua-ca-nam.xlsx").exists()
    assert "tong-hop-ket-qua-ca-nam.pdf" in r.stdout.decode("utf-8")


def test_the_supplementary_minutes_say_what_the_session_completes(year, tmp_path):
    from kiemdiem_desktop.documents.minutes import build_minutes

    cf, main, sup = year
    text = assert_readable_pdf(build_minutes(sup, tmp_path / "bien-ban-bo-sung.pdf"))
    assert ("Buổi kiểm điểm bổ sung tiếp theo hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2025 của chi bộ "
            "(họp ngày 10/12/2025, biên bản số 05-BB/CB), dành cho đảng viên chưa được kiểm điểm, xếp loại tại "
            "hội nghị đó: đồng chí Hồ Thị Khánh.") in text
    assert "tập thể chi ủy và chi bộ đã được đánh giá, xếp loại tại hội nghị nêu trên, không xếp loại lại" in text
    assert "Kiểm điểm tập thể" not in text and "Tập thể chi ủy HTTNV" not in text
    # the quota line is the year's, not 1 HTXSNV against no HTTNV
    assert "1 đảng viên HTXSNV / 11 đảng viên HTTNV" in text
    assert "không có đảng viên HTTNV để tính tỷ lệ" not in text
    quota = meeting_results(cf, sup.s.meeting_id)["quota"]
    assert [(q["excellent"], q["good"]) for q in quota] == [(1, 11)]
    assert [(q["excellent"], q["good"]) for q in meeting_results(cf, main.s.meeting_id)["quota"]] == [(0, 11)]


def test_the_workbook_names_the_session_once_per_row(year, tmp_path):
    cf, main, sup = year
    _, xlsx = build_year_summary(cf, 2025, tmp_path)
    ws = load_workbook(xlsx).active
    khanh = next(r for r in ws.iter_rows(min_row=6, max_row=17, values_only=True) if r[1] == ABSENT)
    assert khanh[11] == "Kiểm điểm bổ sung ngày 20/12/2025" and khanh[12] is None
    assert khanh[6] == 91 and ws.cell(15, 7).number_format == "0"


def test_the_documents_window_lists_the_year_report(year, tmp_path):
    from kiemdiem_desktop.gui.documents.catalogue import BY_KEY

    cf, main, sup = year
    pdf = BY_KEY["year_summary_pdf"].build(sup, tmp_path / "a")
    assert [p.name for p in pdf] == ["tong-hop-ket-qua-ca-nam.pdf"]
    assert [p.name for p in BY_KEY["year_summary_xlsx"].build(main, tmp_path / "b")] == ["tong-hop-ket-qua-ca-nam.xlsx"]


def test_without_supplementary_session_the_window_says_why_there_is_no_year_report(held, tmp_path):
    from kiemdiem_desktop.gui.documents.catalogue import BY_KEY

    assert BY_KEY["year_summary_pdf"].build(held, tmp_path / "c") == []
    assert "chưa có buổi kiểm điểm bổ sung" in BY_KEY["year_summary_pdf"].note


def test_a_member_whose_vote_reached_no_level_is_reviewed_again_and_counted_once(cell_file):
    """At the main meeting Phạm Thị Bích's vote reaches no level (5/12 is not more than half):
    she is still unrated; the supplementary session reviews her with the absent member, and the
    year lists her once, rated there."""
    from kiemdiem_desktop.model.attendance import Presence
    from kiemdiem_desktop.model.vote import VoteKind, VoteMethod
    from kiemdiem_desktop.voting import VotingDesk

    t = {"t": "08:00"}
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    s.clock = lambda: t["t"]
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"], start_time="08:00")
    s.start()
    s.mark_all_present()
    s.set_attendance(who["Ngô Văn Long"], Presence.ABSENT_NO_REASON)
    desk = VotingDesk(s)
    while True:
        step = s.current
        if step.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW):
            s.set_step_text(step.id, "conclusion", "Kết luận")
        if s.flow.needs_handover(step):
            s.set_step_chair(step.id, who["Trần Thị Lan"])
        if step.kind in (StepKind.RATING_VOTES, StepKind.CELL_RATING):
            t["t"] = "10:00"
            votes = desk.new_rating_votes(VoteMethod.HANDS, step_id=step.id,
                                          subjects=[x for x in desk.rating_subjects()
                                                    if (x == "cell") == (step.kind == StepKind.CELL_RATING)])
            for v in votes:
                desk.set_levels(v.id, {"GOOD": 5 if v.subject == who["Phạm Thị Bích"] else 11})
                desk.record_result(v.id)
        if step.kind == StepKind.ADOPTION:
            v = desk.new_question(VoteKind.MINUTES, "Thông qua biên bản")
            desk.set_hands(v.id, 11)
            desk.record_result(v.id)
        if step.kind == StepKind.CLOSING:
            s.close_meeting("11:00")
        assert s.go_next().ok, s.check(step).missing
        if step.kind == StepKind.CLOSING:
            break
    s.flush()
    assert still_unrated(cell_file, 2025) & {who["Phạm Thị Bích"], who["Ngô Văn Long"], who["Lê Văn An"]} == \
        {who["Phạm Thị Bích"], who["Ngô Văn Long"]}
    sup = prepare_meeting(cell_file, 2025, MeetingKind.SUPPLEMENTARY, meeting_date=date(2025, 12, 20))
    on_agenda = [st.subject_member_id for st in sup.record.steps if st.kind == StepKind.MEMBER_REVIEW]
    assert on_agenda == [who["Phạm Thị Bích"], who["Ngô Văn Long"]]
    t2 = {"t": "14:00"}
    sup.clock = lambda: t2["t"]
    sup.start()
    sup.mark_all_present()
    d2 = VotingDesk(sup)
    for v in d2.new_rating_votes(VoteMethod.HANDS):
        d2.set_levels(v.id, {"GOOD": 12})
        d2.record_result(v.id)
    sup.flush()
    y = rating_year_view(cell_file, 2025)
    bich = [e for e in y.entries if e.member.id == who["Phạm Thị Bích"]]
    assert len(bich) == 1 and bich[0].rated and bich[0].supplementary
    assert len(y.entries) == 12 and all(e.rated for e in y.entries)


def test_an_old_supplementary_session_is_linked_to_its_main_meeting_on_upgrade(tmp_path):
    import shutil

    from kiemdiem_desktop.services import CellFile
    from tests.helpers import FIXTURES

    path = tmp_path / "cu.kiemdiem"
    shutil.copy(FIXTURES / "db" / "v7-supplementary-prepared.kiemdiem", path)
    cf = CellFile.open(path)
    try:
        by_kind = {m.kind: m for m in cf.meetings()}
        assert by_kind[MeetingKind.SUPPLEMENTARY].main_meeting_id == by_kind[MeetingKind.MAIN].id
        assert by_kind[MeetingKind.MAIN].main_meeting_id is None
        from kiemdiem_desktop.session import MeetingSession

        assert MeetingSession(cf, by_kind[MeetingKind.MAIN].id).record.collective_reviews == {}
    finally:
        cf.close(backup=False)
