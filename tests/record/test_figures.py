"""One figure, one function: the figures of meetings computed by hand, read from MeetingFigures,
from `meeting results --json` and from the documents — and they agree (DOMAIN.md §5, §7)."""
import json
import re

import pytest

from kiemdiem_desktop.figures import MeetingFigures, Outcome, RollStatus
from kiemdiem_desktop.meeting_results import results_of
from kiemdiem_desktop.model import Level

from tests.documents.reading import whole_text
from tests.helpers import run_cli
from tests.record.scenarios import late_and_early, quorum_and_revote

E, G, C, N = Level.EXCELLENT, Level.GOOD, Level.COMPLETED, Level.NOT_COMPLETED


def by_name(fig):
    return {f.name: f for f in fig.members}


def test_late_arrival_early_leaver_failed_vote_unrated_and_changed_score_by_hand(cell_file):
    s, desk, who, _ = late_and_early(cell_file)
    fig = MeetingFigures.of(cell_file, s.meeting_id)
    m = by_name(fig)
    assert (fig.base, fig.opening.present_in_base, fig.present_at_opening, fig.attended) == (11, 10, 10, 11)
    khanh = m["Hồ Thị Khánh"]
    assert khanh.level is G and (khanh.level_votes, khanh.level_base) == (7, 12)      # joined the base at 09:05
    assert (khanh.self_score, khanh.accepted_score, khanh.score_changed) == (83, 81, True)
    assert khanh.score_change_reason == "Chậm nộp báo cáo tổng kết quý IV"
    assert khanh.score_text == "81 (tự chấm 83; lý do: Chậm nộp báo cáo tổng kết quý IV)"
    assert "Đến dự lúc 09:05" in khanh.notes
    assert m["Hoàng Văn Cường"].level is C and m["Hoàng Văn Cường"].rounds[0].present == 10
    assert m["Vũ Thị Dung"].level is None and m["Vũ Thị Dung"].outcome is Outcome.NO_LEVEL
    assert m["Đặng Văn Đức"].level is None and m["Đặng Văn Đức"].outcome is Outcome.NOT_VOTED
    assert m["Dương Thị Mai"].outcome is Outcome.ABSENT and not m["Dương Thị Mai"].reviewed_here
    assert "Về sớm lúc 10:00" in m["Ngô Văn Long"].notes
    # the quota counts voted levels only: Đức's self-proposed HTXSNV is never counted
    [q] = fig.quota
    assert (q.excellent, q.good) == (1, 2)
    assert fig.level_totals() == {E: 1, G: 2, C: 1, N: 0}
    assert [r.number for r in fig.roll] == list(range(1, 13))


def test_a_vote_below_quorum_decides_nothing_and_rounds_are_kept_with_why(cell_file):
    s, desk, who, _ = quorum_and_revote(cell_file)
    fig = MeetingFigures.of(cell_file, s.meeting_id)
    an = by_name(fig)["Lê Văn An"]
    first, second = an.rounds
    assert (first.present, first.base, first.quorum_needed, first.quorum_met) == (7, 12, 8, False)
    assert first.counted_level is G and first.reached is None             # the counts alone would give HTTNV
    assert "không đủ 2/3" in first.summary and "không có giá trị" in first.summary
    assert second.number == 2 and second.quorum_met and second.reached is G
    assert second.why.startswith("lần biểu quyết lúc 11:05 không đủ 2/3 số đảng viên được tính có mặt (có mặt 7/12")
    assert second.offered == (E, G, C, N)
    cuong = by_name(fig)["Hoàng Văn Cường"]
    assert [r.reached for r in cuong.rounds] == [None, C]
    assert cuong.rounds[1].offered == (C, N)
    assert "không có mức nào được quá nửa" in cuong.rounds[1].why


def test_below_quorum_leaves_the_member_unrated_out_of_quota_and_the_guide_proposes_a_new_vote(cell_file):
    from kiemdiem_desktop.model.review import StepKind
    from tests.record.scenarios import hands, open_meeting

    s, desk, who, c = open_meeting(cell_file)
    s.mark_all_present().result()
    for name in ("Bùi Thị Giang", "Đỗ Văn Hải", "Hồ Thị Khánh", "Ngô Văn Long", "Dương Thị Mai"):
        s.leave(who[name], "09:00").result()
    s.set_self_review(who["Phạm Thị Bích"], general_score=29, task_score=65, proposed_level="EXCELLENT").result()
    s.set_self_review(who["Lê Văn An"], general_score=27, task_score=60, proposed_level="GOOD").result()
    step = next(st for st in s.record.steps if st.kind == StepKind.RATING_VOTES)
    hands(desk, who["Phạm Thị Bích"], {"EXCELLENT": 7}, "09:10", c, step.id)
    s.flush()
    fig = MeetingFigures.of(cell_file, s.meeting_id)
    bich = by_name(fig)["Phạm Thị Bích"]
    assert bich.level is None and bich.outcome is Outcome.BELOW_QUORUM
    assert fig.quota == [] and fig.level_totals()[E] == 0
    assert any("Phạm Thị Bích" in w and "biểu quyết lại" in w for w in fig.warnings)
    entry = next(e for e in fig.roll if e.member.full_name == "Phạm Thị Bích")
    assert entry.status is RollStatus.UNRATED and "không đủ 2/3" in entry.text
    s.go_to(step.id).result()
    check = s.check(step)
    assert any("Phạm Thị Bích" in str(w) and "đề nghị biểu quyết lại" in str(w) for w in check.warnings)


def _comparable(data: dict) -> dict:
    """The figures of a results JSON without the ids that differ between two files."""
    return {
        "base": data["base"], "opening": data["opening"], "membership": data["membership"],
        "members": [(m["full_name"], m["voted_level"], m["level_votes"], m["level_base"], m["outcome"],
                     m["score"], m["note"], [(f["rule"], f["message"]) for f in m["findings"]],
                     [(r["number"], r["at"], r["present"], r["quorum_met"], r["offered"], r["reached"], r["why"])
                      for r in m["rounds"]]) for m in data["members"]],
        "quota": data["quota"], "level_totals": data["level_totals"],
        "roll": [(e["number"], e["full_name"], e["status"], e["text"]) for e in data["roll"]],
        "votes": [(v["taken_at"], v["summary"]) for v in data["votes"]],
    }


def test_the_same_figures_wherever_the_votes_are_placed(tmp_path):
    from tests.flow.conftest import twelve_member_cell

    one = twelve_member_cell(tmp_path / "mot-buoc.kiemdiem")
    each = twelve_member_cell(tmp_path / "sau-tung-nguoi.kiemdiem")
    a, *_ = quorum_and_revote(one)
    b, *_ = quorum_and_revote(each, votes_after_each_review=True)
    assert {v.step_id for v in b.record.votes} != {v.step_id for v in a.record.votes}
    fa, fb = results_of(MeetingFigures.of(one, a.meeting_id)), results_of(MeetingFigures.of(each, b.meeting_id))
    assert _comparable(fa) == _comparable(fb)
    dung = next(m for m in fa["members"] if m["full_name"] == "Vũ Thị Dung")
    assert "Nghỉ ốm dài ngày từ 03/03/2025 đến 30/06/2025" in dung["note"]
    one.close(backup=False)
    each.close(backup=False)


def test_long_leave_in_the_year_is_a_warning_and_a_note(cell_file):
    s, desk, who, _ = quorum_and_revote(cell_file)
    fig = MeetingFigures.of(cell_file, s.meeting_id)
    dung = by_name(fig)["Vũ Thị Dung"]
    [w] = [f for f in dung.findings if f.rule == "366.ca-nhan.nghi-dai-ngay"]
    assert w.kind.value == "warning"
    assert "nghỉ ốm dài ngày từ 03/03/2025 đến 30/06/2025" in w.message
    assert "Nghỉ ốm dài ngày từ 03/03/2025 đến 30/06/2025" in dung.note


@pytest.mark.parametrize("scenario", [late_and_early, quorum_and_revote])
def test_results_json_and_the_documents_agree(cell_file, tmp_path, scenario):
    s, *_ = scenario(cell_file)
    cell_file.close(backup=False)
    db = str(cell_file.path)
    r = run_cli("meeting", "results", "--db", db, "--meeting", s.meeting_id, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    out = tmp_path / "docs"
    r = run_cli("documents", "--db", db, "--meeting", s.meeting_id, "--out", str(out))
    assert r.returncode == 0, r.stderr
    summary = whole_text(next(out.glob("tong-hop*.pdf")))
    minutes = whole_text(out / "bien-ban.pdf")
    for m in data["members"]:
        row = re.search(re.escape(m["full_name"]) + r" \d{4} (.*?)(?= \d+ [A-ZĐ][a-zà-ỹ]+ [A-ZĐ]| Tổng hợp theo mức)",
                        summary)
        assert row, m["full_name"]
        if m["voted_level"]:
            abbr = {"EXCELLENT": "HTXSNV", "GOOD": "HTTNV", "COMPLETED": "HTNV", "NOT_COMPLETED": "KHTNV"}
            assert f"{abbr[m['voted_level']]} {m['level_votes']}/{m['level_base']}" in row.group(1), row.group(1)
        if m["score"] is not None:
            assert re.search(rf"\b{int(m['score'])}\b", row.group(1)), (m["full_name"], row.group(1))
    totals = data["level_totals"]
    for label, level in (("Hoàn thành xuất sắc nhiệm vụ", "EXCELLENT"), ("Hoàn thành tốt nhiệm vụ", "GOOD"),
                         ("Hoàn thành nhiệm vụ", "COMPLETED"), ("Không hoàn thành nhiệm vụ", "NOT_COMPLETED")):
        assert f"{label} {totals[level]} " in summary.split("Tổng hợp theo mức xếp loại")[1]
    for q in data["quota"]:
        assert q["text"] in summary and q["text"] in minutes
