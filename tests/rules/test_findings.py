"""Findings and warnings of DOMAIN.md §2 under both rule sets, and every predicate on its own.

Each table row names the article it checks, as the rule set names it (the file's "sources"
note says which article numbers were not checked against the original text).
"""
from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from kiemdiem_desktop.model import Category, DisciplineForm, DisciplineRecord, Level, Member, Period, PeriodKind
from kiemdiem_desktop.model.rating import FindingKind, RatingFacts, RatingProposal
from kiemdiem_desktop.model.review import SelfReview
from kiemdiem_desktop.rules import predicates as P
from kiemdiem_desktop.rules.context import RatingContext
from kiemdiem_desktop.rules.findings import blocking, findings_for, highest_allowed, vn_number
from kiemdiem_desktop.rules.predicates import CollectiveContext, PredicateResult
from kiemdiem_desktop.rules.ruleset import rule_set, rule_set_for_year

R366 = rule_set("qd366-hd43")
R124 = rule_set("qd124-hd25")
EX, GO, CO, NC = Level.EXCELLENT, Level.GOOD, Level.COMPLETED, Level.NOT_COMPLETED
KT, CC = DisciplineForm.REPRIMAND, DisciplineForm.WARNING
TASK = "Kết quả thực hiện chức trách, nhiệm vụ được giao"
CRITERIA = ["Tư tưởng chính trị", "Phẩm chất đạo đức, lối sống", "Ý thức tổ chức kỷ luật", TASK]


def ctx(year: int = 2025, *, general=28.0, task=67.0, grades=None, discipline=(), leave=(), periods=(),
        category=Category.OFFICIAL, accepted=None, day=None, admitted=None, **facts) -> RatingContext:
    """A member who meets every condition of HTXSNV, changed by the arguments."""
    base = dict(tasks_on_time_pct=100.0, tasks_exceeded_pct=60.0, tasks_late_pct=0.0, tasks_not_done_pct=0.0,
                previous_shortcomings_fixed=True)
    base.update(facts)
    m = Member("Nguyễn Văn An", discipline=list(discipline), periods=list(periods), admission_date=admitted)
    if grades is None:
        grades = {c: "Xuất sắc" for c in CRITERIA} if year < 2025 else {}
    review = SelfReview(m.id, general_score=general, task_score=task, grades=grades)
    proposal = None
    if accepted is not None:
        proposal = RatingProposal(m.id, accepted_general=accepted[0], accepted_task=accepted[1], score_change_reason="x")
    return RatingContext(m, category, year, RatingFacts(m.id, **base), review, proposal, tuple(leave), day=day)


def disc(form=KT, on=date(2025, 5, 12), **kw) -> DisciplineRecord:
    return DisciplineRecord(form, on, **kw)


def ids(findings, kind=FindingKind.FINDING):
    return [f.rule for f in findings if f.kind is kind]


# ---- Quy định 366: individuals --------------------------------------------------------------

A1 = "Quy định 366-QĐ/TW, Điều 11 khoản 1"
A2 = "Quy định 366-QĐ/TW, Điều 11"
A4 = "Quy định 366-QĐ/TW, Điều 11"


@pytest.mark.parametrize("article, context, level, rule, highest, message", [
    # HTXSNV: ≥ 90 points
    (A1, ctx(general=27.5, task=62.0), EX, "366.ca-nhan.htxs.diem", GO,
     "Tổng điểm 89,5 < 90: chưa đủ điều kiện Hoàn thành xuất sắc nhiệm vụ"),
    # the score accepted by the cell, not the self-score, is what counts
    (A1, ctx(accepted=(27.5, 60.0)), EX, "366.ca-nhan.htxs.diem", GO, "Tổng điểm 87,5 < 90"),
    # HTXSNV: ≥ 30% of tasks exceeded
    (A1, ctx(tasks_exceeded_pct=25.0), EX, "366.ca-nhan.htxs.vuot-muc", GO,
     "Nhiệm vụ hoàn thành vượt mức yêu cầu 25% < 30%: chưa đủ điều kiện Hoàn thành xuất sắc nhiệm vụ"),
    # HTXSNV: shortcomings of the previous review fixed
    (A1, ctx(previous_shortcomings_fixed=False), EX, "366.ca-nhan.htxs.khac-phuc", GO,
     "Chưa khắc phục hết các hạn chế, khuyết điểm đã chỉ ra kỳ trước"),
    # HTTNV: 70 to < 90
    (A2, ctx(general=25.0, task=44.0), GO, "366.ca-nhan.httn.diem", CO,
     "Tổng điểm 69 < 70: chưa đủ điều kiện Hoàn thành tốt nhiệm vụ"),
    # HTTNV: 100% of tasks on time
    (A2, ctx(tasks_on_time_pct=95.0), GO, "366.ca-nhan.httn.dung-han", CO,
     "Nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng 95% < 100%: chưa đủ điều kiện Hoàn thành tốt nhiệm vụ"),
    # KHTNV: < 50 points
    (A4, ctx(general=20.0, task=29.5), CO, "366.ca-nhan.khtn.diem", NC,
     "Tổng điểm 49,5 < 50: xếp loại Không hoàn thành nhiệm vụ"),
    # KHTNV: more than 50% of the year's tasks not completed
    (A4, ctx(tasks_not_done_pct=55.0, tasks_on_time_pct=45.0), CO, "366.ca-nhan.khtn.nhiem-vu", NC,
     "Nhiệm vụ trong năm chưa hoàn thành 55% > 50%: xếp loại Không hoàn thành nhiệm vụ"),
    # KHTNV: degradation concluded by the competent level
    (A4, ctx(degradation_concluded=True), GO, "366.ca-nhan.khtn.suy-thoai", NC, "“tự diễn biến”, “tự chuyển hóa”"),
    # KHTNV: breach of the things members may not do / of the duty to set an example
    (A4, ctx(prohibitions_breached=True), CO, "366.ca-nhan.khtn.dieu-cam", NC,
     "Vi phạm những điều đảng viên không được làm: xếp loại Không hoàn thành nhiệm vụ"),
    (A4, ctx(example_duty_breached=True), CO, "366.ca-nhan.khtn.neu-guong", NC, "Vi phạm trách nhiệm nêu gương"),
    # KHTNV: disciplined at khiển trách or higher for a violation linked to duties, in the rating year
    (A4, ctx(discipline=[disc(KT, duty_linked=True)]), EX, "366.ca-nhan.khtn.ky-luat", NC,
     "Bị kỷ luật khiển trách (quyết định ngày 12/05/2025) do vi phạm liên quan đến thực thi công vụ"),
    (A4, ctx(discipline=[disc(CC, duty_linked=True)]), CO, "366.ca-nhan.khtn.ky-luat", NC, "Bị kỷ luật cảnh cáo"),
], ids=lambda v: v if isinstance(v, str) and v.startswith("366.") else None)
def test_366_member_rules(article, context, level, rule, highest, message):
    found = findings_for(R366, context, level)
    blocking_found = [f for f in found if f.rule == rule]
    assert blocking_found, [f.rule for f in found]
    f = blocking_found[0]
    assert f.kind is FindingKind.FINDING
    assert f.article.startswith(article)
    assert message in f.message
    assert unicodedata.is_normalized("NFC", f.message)
    assert f.caps_at == highest.value
    assert highest_allowed(R366, context) == highest


def test_366_a_member_meeting_every_condition_has_nothing_to_justify():
    c = ctx()
    assert findings_for(R366, c, EX) == []
    assert highest_allowed(R366, c) is EX


def test_366_89_5_points_all_on_time_proposed_excellent_gets_one_finding_and_good_is_allowed():
    c = ctx(general=27.5, task=62.0)
    found = findings_for(R366, c, EX)
    assert [(f.rule, f.message, f.article) for f in found] == [
        ("366.ca-nhan.htxs.diem", "Tổng điểm 89,5 < 90: chưa đủ điều kiện Hoàn thành xuất sắc nhiệm vụ", A1)]
    assert findings_for(R366, c, GO) == []          # proposing the allowed level: nothing to justify
    assert highest_allowed(R366, c) is GO


def test_366_of_the_score_bands_only_the_lowest_that_applies_is_shown():
    found = findings_for(R366, ctx(general=15.0, task=30.0), EX)
    assert ids(found) == ["366.ca-nhan.khtn.diem"]
    assert found[0].message == "Tổng điểm 45 < 50: xếp loại Không hoàn thành nhiệm vụ"


def test_366_rating_not_completed_raises_no_finding():
    c = ctx(general=10.0, task=20.0, degradation_concluded=True)
    assert blocking(findings_for(R366, c, NC)) == []
    assert highest_allowed(R366, c) is NC


def test_366_reprimand_not_linked_to_duty_is_for_the_competent_level_to_judge():
    c = ctx(discipline=[disc(KT, duty_linked=False)])
    found = findings_for(R366, c, EX)
    assert blocking(found) == []
    [w] = [f for f in found if f.rule == "366.ca-nhan.ky-luat.xem-xet"]
    assert w.kind is FindingKind.WARNING
    assert w.message == ("Bị kỷ luật khiển trách (quyết định ngày 12/05/2025) nhưng không thuộc các trường hợp xếp loại "
                         "Không hoàn thành nhiệm vụ của quy định: cấp có thẩm quyền xem xét, quyết định")
    assert w.article == "Quy định 366-QĐ/TW"
    assert highest_allowed(R366, c) is EX


def test_366_discipline_decided_in_another_year_does_not_count():
    c = ctx(discipline=[disc(KT, on=date(2024, 11, 3), duty_linked=True)])
    assert findings_for(R366, c, EX) == []


def test_366_discipline_covered_by_the_khtnv_rule_gets_no_second_warning():
    found = findings_for(R366, ctx(discipline=[disc(KT, duty_linked=True)]), EX)
    assert "366.ca-nhan.ky-luat.xem-xet" not in [f.rule for f in found]


def test_366_self_remedied_is_a_warning_beside_the_finding():
    c = ctx(discipline=[disc(KT, duty_linked=True, self_detected_remedied=True)], admitted_and_remedied=True)
    found = findings_for(R366, c, GO)
    assert ids(found) == ["366.ca-nhan.khtn.ky-luat"]
    assert "cấp có thẩm quyền có thể xem xét" in next(f.message for f in found if f.rule == "366.ca-nhan.ky-luat.tu-khac-phuc")


def test_366_htnv_conditions_that_the_khtnv_list_does_not_cover_are_warnings():
    c = ctx(general=25.0, task=35.0, tasks_on_time_pct=70.0, tasks_late_pct=30.0)
    found = findings_for(R366, c, CO)
    assert blocking(found) == []
    [w] = [f for f in found if f.rule == "366.ca-nhan.htnv.tre-han"]
    assert w.message.startswith("Nhiệm vụ chậm tiến độ 30% > 20%: chưa đủ điều kiện Hoàn thành nhiệm vụ")
    assert highest_allowed(R366, c) is CO


def test_366_missing_inputs_give_no_finding_only_a_note_of_what_was_not_entered():
    m = Member("Trần Thị Bình")
    c = RatingContext(m, Category.OFFICIAL, 2025, RatingFacts(m.id))
    found = findings_for(R366, c, EX)
    assert blocking(found) == []
    assert highest_allowed(R366, c) is EX
    notes = [f.message for f in found]
    assert "Chưa nhập tổng điểm: chương trình chưa kiểm tra được điều kiện này của mức Hoàn thành xuất sắc nhiệm vụ." in notes
    assert any(n.startswith("Chưa nhập tỷ lệ nhiệm vụ hoàn thành vượt mức") for n in notes)
    assert len(notes) == len(set(notes))
    assert all(f.article for f in found)
    assert findings_for(R366, c, EX, report_missing=False) == []


def test_366_sick_leave_and_probation_are_warnings():
    leave = Period(PeriodKind.MATERNITY_LEAVE, date(2025, 2, 1), date(2025, 7, 31))
    found = findings_for(R366, ctx(periods=[leave], category=Category.PROBATIONARY), EX)
    assert blocking(found) == []
    by_rule = {f.rule: f for f in found}
    assert by_rule["366.ca-nhan.nghi-dai-ngay"].message.startswith(
        "Trong năm đánh giá, đồng chí nghỉ thai sản từ 01/02/2025 đến 31/07/2025 (từ 3 tháng trở lên): "
        "đánh giá, xếp loại theo thời gian công tác")
    assert by_rule["366.ca-nhan.du-bi"].article.startswith("Điều lệ Đảng, Điều 5")


@pytest.mark.parametrize("rules", [R366, R124], ids=["366", "124"])
def test_long_leave_anywhere_in_the_year_warns_even_when_it_does_not_cover_the_meeting_day(rules):
    year = 2025 if rules is R366 else 2024
    sick = Period(PeriodKind.SICK_LEAVE, date(year, 3, 10), date(year, 6, 30))          # 3 months and 3 weeks
    c = ctx(year, periods=[sick], day=date(year, 12, 10))
    assert c.leave == ()                                                               # not on the meeting day
    [w] = [f for f in findings_for(rules, c, GO) if "nghi-dai-ngay" in f.rule]
    assert w.kind is FindingKind.WARNING
    assert f"nghỉ ốm dài ngày từ 10/03/{year} đến 30/06/{year}" in w.message
    short = Period(PeriodKind.SICK_LEAVE, date(year, 3, 10), date(year, 5, 20))         # under 3 months
    assert not [f for f in findings_for(rules, ctx(year, periods=[short]), GO) if "nghi-dai-ngay" in f.rule]
    from_last_year = Period(PeriodKind.MATERNITY_LEAVE, date(year - 1, 10, 1), date(year, 3, 31))
    assert [f for f in findings_for(rules, ctx(year, periods=[from_last_year]), GO) if "nghi-dai-ngay" in f.rule]
    other_year = Period(PeriodKind.MATERNITY_LEAVE, date(year - 1, 1, 1), date(year - 1, 6, 30))
    assert not [f for f in findings_for(rules, ctx(year, periods=[other_year]), GO) if "nghi-dai-ngay" in f.rule]


def test_366_self_detected_and_remedied_on_the_discipline_record_has_its_effect():
    """The record alone (no separate fact typed) brings the 366 warning naming the decision."""
    c = ctx(discipline=[disc(KT, duty_linked=True, self_detected_remedied=True)])
    found = findings_for(R366, c, GO)
    assert ids(found) == ["366.ca-nhan.khtn.ky-luat"]
    [w] = [f for f in found if f.rule == "366.ca-nhan.ky-luat.tu-khac-phuc"]
    assert w.message == ("Đảng viên đã tự nhận, tự phát hiện và khắc phục xong hậu quả của khuyết điểm, vi phạm "
                         "(kỷ luật khiển trách, quyết định ngày 12/05/2025): cấp có thẩm quyền có thể xem xét khi "
                         "quyết định mức xếp loại")
    plain = findings_for(R366, ctx(discipline=[disc(KT, duty_linked=True)]), GO)
    assert "366.ca-nhan.ky-luat.tu-khac-phuc" not in [f.rule for f in plain]


@pytest.mark.parametrize("rules", [R366, R124], ids=["366", "124"])
def test_a_probationary_member_past_twelve_months_is_flagged(rules):
    year = 2025 if rules is R366 else 2024
    late = ctx(year, category=Category.PROBATIONARY, admitted=date(year - 1, 9, 2), day=date(year, 12, 10))
    [w] = [f for f in findings_for(rules, late, GO) if f.rule.endswith("du-bi.qua-han")]
    assert w.kind is FindingKind.WARNING
    assert w.message.startswith(f"Đảng viên dự bị vào Đảng ngày 02/09/{year - 1}: đã hết 12 tháng dự bị "
                                f"(từ ngày 02/09/{year})")
    in_time = ctx(year, category=Category.PROBATIONARY, admitted=date(year, 3, 2), day=date(year, 12, 10))
    assert not [f for f in findings_for(rules, in_time, GO) if f.rule.endswith("du-bi.qua-han")]


@pytest.mark.parametrize("rules", [R366, R124], ids=["366", "124"])
def test_a_member_without_admission_date_is_named_not_silently_left_out(rules):
    year = 2025 if rules is R366 else 2024
    found = findings_for(rules, ctx(year, category=Category.UNKNOWN), GO)
    [w] = [f for f in found if f.rule.endswith("chua-ro-loai")]
    assert w.kind is FindingKind.WARNING
    assert "Chưa có ngày vào Đảng của đồng chí Nguyễn Văn An" in w.message
    assert "chưa tính vào số đảng viên được tính" in w.message


# ---- Quy định 366: leaders -----------------------------------------------------------------

@pytest.mark.parametrize("facts, level, rule, highest, message", [
    (dict(unit_completion_pct=65.0), GO, "366.lanh-dao.khtn.don-vi", NC,
     "Địa phương, cơ quan, đơn vị do đồng chí lãnh đạo, quản lý hoàn thành 65% nhiệm vụ (< 70%): xếp loại Không hoàn thành nhiệm vụ"),
    (dict(unit_completion_pct=90.0), GO, "366.lanh-dao.httn.don-vi", CO, "hoàn thành 90% nhiệm vụ (< 100%)"),
    (dict(units_not_completed_pct=60.0), CO, "366.lanh-dao.khtn.don-vi-truc-thuoc", NC,
     "60% đơn vị thuộc phạm vi phụ trách xếp loại Không hoàn thành nhiệm vụ (> 50%)"),
    (dict(low_confidence_pct=52.5), CO, "366.lanh-dao.khtn.tin-nhiem", NC, "52,5% phiếu tín nhiệm thấp (> 50%)"),
    (dict(corruption_in_remit=True), EX, "366.lanh-dao.khtn.tham-nhung", NC, "tham nhũng, lãng phí, tiêu cực"),
])
def test_366_leader_rules(facts, level, rule, highest, message):
    c = ctx(is_leader=True, **facts)
    found = findings_for(R366, c, level)
    assert rule in ids(found)
    f = next(f for f in found if f.rule == rule)
    assert message in f.message
    assert f.article.startswith("Quy định 366-QĐ/TW")
    assert highest_allowed(R366, c) is highest
    # the same figures for a member without a leadership post: the leaders' rules do not apply
    assert rule not in ids(findings_for(R366, ctx(**facts), level))


def test_366_leader_with_unit_not_entered_gets_no_finding():
    assert blocking(findings_for(R366, ctx(is_leader=True), EX)) == []


# ---- Quy định 366: collectives -------------------------------------------------------------

def collective(subject="committee", *, members=(), year=2025, general=28.0, task=65.0, **kw):
    facts = dict(tasks_on_time_pct=100.0, tasks_exceeded_pct=35.0, tasks_late_pct=0.0, tasks_not_done_pct=0.0,
                 previous_shortcomings_fixed=True, unit_completion_pct=100.0)
    flags = {k: kw.pop(k) for k in list(kw) if k in P.COLLECTIVE_FLAGS}
    facts.update(kw)
    stand_in = Member("Chi ủy Chi bộ Phòng Tổ chức")
    return CollectiveContext(stand_in, Category.OFFICIAL, year, RatingFacts(subject, **facts),
                             SelfReview(subject, general_score=general, task_score=task), subject=subject,
                             members=tuple(members), **flags)


def test_366_collective_meeting_every_condition():
    assert blocking(findings_for(R366, collective(personnel_wrongdoing=False, disunity=False,
                                                 member_degradation_concluded=False), EX)) == []


@pytest.mark.parametrize("c, level, rule, highest, message", [
    (collective(members=[Member("Lê Văn Cường", discipline=[disc(KT, duty_linked=False)])]), EX,
     "366.tap-the.htxs.ky-luat", GO,
     "Thành viên tập thể lãnh đạo Lê Văn Cường bị kỷ luật khiển trách (quyết định ngày 12/05/2025): tập thể chưa đủ điều kiện"),
    (collective(members=[Member("Lê Văn Cường", discipline=[disc(CC, duty_linked=True)])]), GO,
     "366.tap-the.khtn.ky-luat", NC, "do vi phạm liên quan đến thực thi công vụ: tập thể xếp loại Không hoàn thành nhiệm vụ"),
    (collective(unit_completion_pct=65.0), GO, "366.tap-the.khtn.don-vi", NC,
     "Đơn vị hoàn thành 65% nhiệm vụ theo kế hoạch (< 70%)"),
    (collective(personnel_wrongdoing=True), GO, "366.tap-the.khtn.can-bo", NC, "sai phạm trong công tác cán bộ"),
    (collective(disunity=True), GO, "366.tap-the.khtn.doan-ket", NC, "Mất đoàn kết"),
    (collective(member_degradation_concluded=True), GO, "366.tap-the.khtn.suy-thoai", NC, "suy thoái"),
    (collective(general=26.0, task=60.0), EX, "366.tap-the.htxs.diem", GO, "Tổng điểm 86 < 90"),
    (collective("collective", tasks_exceeded_pct=20.0), EX, "366.tap-the.htxs.vuot-muc", GO, "20% < 30%"),
])
def test_366_collective_rules(c, level, rule, highest, message):
    found = findings_for(R366, c, level)
    assert rule in ids(found), [f.rule for f in found]
    assert message in next(f.message for f in found if f.rule == rule)
    assert highest_allowed(R366, c) is highest


def test_member_rules_do_not_apply_to_collectives_and_back():
    assert not any(f.rule.startswith("366.ca-nhan") for f in findings_for(R366, collective(general=10.0, task=10.0), EX))
    assert not any(f.rule.startswith("366.tap-the") for f in findings_for(R366, ctx(general=10.0, task=10.0), EX))


# ---- Quy định 124 (from secondary sources) -------------------------------------------------

B = "Quy định 124-QĐ/TW, Điều 12"


def grades(**changed):
    g = {c: "Xuất sắc" for c in CRITERIA}
    names = {"chinh_tri": CRITERIA[0], "dao_duc": CRITERIA[1], "ky_luat": CRITERIA[2], "ket_qua": CRITERIA[3]}
    g.update({names[k]: v for k, v in changed.items()})
    return g


@pytest.mark.parametrize("context, level, rule, highest, message", [
    # HTXSNV: every criterion Tốt or better
    (ctx(2024, grades=grades(dao_duc="Trung bình")), EX, "124.ca-nhan.htxs.tieu-chi", GO,
     "Tiêu chí “Phẩm chất đạo đức, lối sống” đạt mức Trung bình: Hoàn thành xuất sắc nhiệm vụ cần mọi tiêu chí từ mức Tốt trở lên"),
    # HTXSNV: task results Xuất sắc
    (ctx(2024, grades=grades(ket_qua="Tốt")), EX, "124.ca-nhan.htxs.ket-qua", GO,
     "Kết quả thực hiện chức trách, nhiệm vụ được giao đạt mức Tốt: Hoàn thành xuất sắc nhiệm vụ cần mức Xuất sắc"),
    # HTXSNV: ≥ 50% exceeded
    (ctx(2024, tasks_exceeded_pct=40.0), EX, "124.ca-nhan.htxs.vuot-muc", GO, "Nhiệm vụ hoàn thành vượt mức 40% < 50%"),
    # HTTNV: task results Tốt or better; 100% on time
    (ctx(2024, grades=grades(ket_qua="Trung bình")), GO, "124.ca-nhan.httn.ket-qua", CO,
     "đạt mức Trung bình: Hoàn thành tốt nhiệm vụ cần từ mức Tốt trở lên"),
    (ctx(2024, tasks_on_time_pct=90.0), GO, "124.ca-nhan.httn.dung-han", CO, "Nhiệm vụ hoàn thành đúng tiến độ 90% < 100%"),
    # KHTNV: any criterion Kém
    (ctx(2024, grades=grades(ky_luat="Kém")), CO, "124.ca-nhan.khtn.kem", NC,
     "Tiêu chí “Ý thức tổ chức kỷ luật” xếp mức Kém: xếp loại Không hoàn thành nhiệm vụ"),
    # KHTNV: any discipline in the year (duty-linked or not)
    (ctx(2024, discipline=[disc(KT, on=date(2024, 3, 1), duty_linked=False)]), CO, "124.ca-nhan.khtn.ky-luat", NC,
     "Bị kỷ luật khiển trách (quyết định ngày 01/03/2024) trong năm đánh giá"),
    # KHTNV: degradation, breaches
    (ctx(2024, degradation_concluded=True), CO, "124.ca-nhan.khtn.suy-thoai", NC, "suy thoái"),
    (ctx(2024, prohibitions_breached=True), CO, "124.ca-nhan.khtn.dieu-cam", NC, "những điều đảng viên không được làm"),
    (ctx(2024, example_duty_breached=True), CO, "124.ca-nhan.khtn.neu-guong", NC, "nêu gương"),
    # leaders whose unit completed < 50% of its targets
    (ctx(2024, is_leader=True, unit_completion_pct=45.0), CO, "124.lanh-dao.khtn.don-vi", NC,
     "hoàn thành 45% chỉ tiêu, nhiệm vụ (< 50%): xếp loại Không hoàn thành nhiệm vụ"),
])
def test_124_member_rules(context, level, rule, highest, message):
    found = findings_for(R124, context, level)
    assert rule in ids(found), [f.rule for f in found]
    f = next(f for f in found if f.rule == rule)
    assert f.article == B
    assert message in f.message
    assert highest_allowed(R124, context) is highest


def test_124_a_member_meeting_every_condition():
    assert findings_for(R124, ctx(2024), EX) == []


def test_124_discipline_self_detected_and_remedied_is_no_khtnv_but_the_competent_level_weighs_it():
    c = ctx(2024, discipline=[disc(KT, on=date(2024, 3, 1), self_detected_remedied=True)])
    found = findings_for(R124, c, GO)
    assert blocking(found) == []
    assert highest_allowed(R124, c) is EX
    [w] = [f for f in found if f.rule == "124.ca-nhan.ky-luat.xem-xet"]
    assert "tự phát hiện và khắc phục xong hậu quả" in w.message
    assert w.article.startswith("Hướng dẫn 21-HD/BTCTW (2019)")


@pytest.mark.parametrize("record", [
    disc(KT, on=date(2024, 3, 1), violation_date=date(2022, 6, 1)),   # violation of an earlier year
    disc(KT, on=date(2024, 3, 1), previous_unit=True),                # violation at the previous unit
])
def test_124_exceptions_are_decided_case_by_case(record):
    found = findings_for(R124, ctx(2024, discipline=[record]), GO)
    assert blocking(found) == []
    assert "124.ca-nhan.ky-luat.xem-xet" in [f.rule for f in found]


def test_124_a_task_result_graded_kem_shows_the_lowest_cap_of_each_family():
    found = findings_for(R124, ctx(2024, grades=grades(ket_qua="Kém")), EX)
    assert ids(found) == ["124.ca-nhan.htxs.tieu-chi", "124.ca-nhan.httn.ket-qua", "124.ca-nhan.khtn.kem"]
    assert highest_allowed(R124, ctx(2024, grades=grades(ket_qua="Kém"))) is NC


def test_124_missing_grades_give_no_finding():
    c = ctx(2024, grades={})
    assert blocking(findings_for(R124, c, EX)) == []
    assert highest_allowed(R124, c) is EX
    assert any(f.message.startswith("Chưa nhập mức đánh giá các tiêu chí") for f in findings_for(R124, c, EX))


def test_124_collectives_get_warnings_only():
    c = collective("committee", year=2024, tasks_on_time_pct=80.0,
                   members=[Member("Lê Văn Cường", discipline=[disc(CC, on=date(2024, 2, 2), duty_linked=True)])])
    found = findings_for(R124, c, EX)
    assert blocking(found) == []
    assert highest_allowed(R124, c) is EX
    assert {"124.tap-the.tieu-chi", "124.tap-the.htxs.ky-luat", "124.tap-the.httn.dung-han"} <= {f.rule for f in found}


def test_the_rule_set_follows_the_rating_year():
    assert rule_set_for_year(2024) is R124 and rule_set_for_year(2025) is R366


# ---- every predicate on its own ------------------------------------------------------------

def test_score_below_uses_the_accepted_score_and_is_unknown_without_one():
    assert P.score_below(ctx(general=27.5, task=62.0), 90) == PredicateResult(True, {"score": 89.5, "points": 90})
    assert P.score_below(ctx(general=30.0, task=60.0), 90).holds is False            # 90 is enough
    assert P.score_below(ctx(general=20.0, task=50.0, accepted=(28.0, 65.0)), 90).holds is False
    assert P.score_below(ctx(general=None), 90) is None


@pytest.mark.parametrize("fn, field, value, pct, holds", [
    (P.tasks_on_time_below, "tasks_on_time_pct", 99.9, 100, True),
    (P.tasks_on_time_below, "tasks_on_time_pct", 100.0, 100, False),
    (P.tasks_exceeded_below, "tasks_exceeded_pct", 30.0, 30, False),
    (P.tasks_exceeded_below, "tasks_exceeded_pct", 29.0, 30, True),
    (P.tasks_late_above, "tasks_late_pct", 20.0, 20, False),
    (P.tasks_late_above, "tasks_late_pct", 20.5, 20, True),
    (P.tasks_not_done_above, "tasks_not_done_pct", 50.0, 50, False),
    (P.tasks_not_done_above, "tasks_not_done_pct", 51.0, 50, True),
    (P.unit_completion_below, "unit_completion_pct", 69.0, 70, True),
    (P.unit_completion_below, "unit_completion_pct", 70.0, 70, False),
    (P.units_not_completed_above, "units_not_completed_pct", 50.0, 50, False),
    (P.units_not_completed_above, "units_not_completed_pct", 60.0, 50, True),
])
def test_percentage_predicates(fn, field, value, pct, holds):
    assert fn(ctx(**{field: value}), pct).holds is holds
    assert fn(ctx(**{field: None}), pct) is None


def test_low_confidence_only_for_leaders():
    assert P.low_confidence_above(ctx(is_leader=True, low_confidence_pct=51.0), 50).holds is True
    assert P.low_confidence_above(ctx(is_leader=True, low_confidence_pct=50.0), 50).holds is False
    assert P.low_confidence_above(ctx(is_leader=False, low_confidence_pct=80.0), 50) is None
    assert P.low_confidence_above(ctx(is_leader=True), 50) is None


def test_previous_shortcomings_not_fixed():
    assert P.previous_shortcomings_not_fixed(ctx(previous_shortcomings_fixed=False)).holds is True
    assert P.previous_shortcomings_not_fixed(ctx(previous_shortcomings_fixed=True)).holds is False
    assert P.previous_shortcomings_not_fixed(ctx(previous_shortcomings_fixed=None)) is None


def test_flag():
    for name in ("degradation_concluded", "prohibitions_breached", "example_duty_breached", "corruption_in_remit"):
        assert P.flag(ctx(**{name: True}), name).holds is True
        assert P.flag(ctx(), name).holds is False
    assert P.flag(ctx(), "disunity") is None                       # not a collective: unknown
    assert P.flag(collective(disunity=True), "disunity").holds is True
    assert P.flag(collective(), "disunity") is None                # not entered
    with pytest.raises(ValueError):
        P.flag(ctx(), "anything")


def test_disciplined_in_year_filters():
    year = lambda *recs, **kw: P.disciplined_in_year(ctx(discipline=list(recs)), **kw).holds
    assert year(disc(KT, duty_linked=True), duty_linked=True)
    assert not year(disc(KT, duty_linked=False), duty_linked=True)
    assert year(disc(KT, duty_linked=False))                                   # duty_linked None: any
    assert not year(disc(KT), min_form="canh_cao")
    assert year(disc(DisciplineForm.EXPULSION), min_form="canh_cao")
    assert not year(disc(KT, self_detected_remedied=True), unless_self_remedied=True)
    assert year(disc(KT, self_detected_remedied=True))
    assert not year(disc(KT, previous_unit=True), exclude_previous_unit=True)
    assert not year(disc(KT, violation_date=date(2023, 1, 1)), exclude_earlier_violation=True)
    assert year(disc(KT, violation_date=date(2025, 1, 1)), exclude_earlier_violation=True)
    assert not year(disc(KT, on=date(2024, 12, 31)))                           # decided the year before
    r = P.disciplined_in_year(ctx(discipline=[disc(KT, on=date(2025, 2, 1)), disc(CC, on=date(2025, 9, 30))]))
    assert r.figures == {"form": "cảnh cáo", "date": "30/09/2025", "count": 2}


def test_discipline_unclassified_is_what_no_covering_rule_catches():
    c = ctx(discipline=[disc(KT, duty_linked=False)])
    assert P.discipline_unclassified(c, covering=[{"duty_linked": True}]).holds is True
    assert P.discipline_unclassified(c, covering=[{"duty_linked": None}]).holds is False
    assert P.discipline_unclassified(ctx(), covering=[]).holds is False


def test_collective_member_disciplined():
    m = Member("Lê Văn Cường", discipline=[disc(KT, duty_linked=False)])
    assert P.collective_member_disciplined(collective(members=[m])).holds is True
    assert P.collective_member_disciplined(collective(members=[m]), duty_linked=True).holds is False
    assert P.collective_member_disciplined(collective(members=[m], year=2026)).holds is False
    assert P.collective_member_disciplined(ctx()) is None


def test_grade_predicates():
    g = grades(dao_duc="Tốt", ket_qua="Trung bình")
    c = ctx(2024, grades=g)
    assert P.grade_below(c, "*", "Tốt").figures == {"criterion": TASK, "grade": "Trung bình", "required": "Tốt"}
    assert P.grade_below(c, "*", "Trung bình").holds is False
    assert P.grade_below(c, CRITERIA[1], "Xuất sắc").holds is True
    assert P.grade_below(c, CRITERIA[0], "Xuất sắc").holds is False
    assert P.grade_below(ctx(2024, grades={}), "*", "Tốt") is None
    assert P.grade_below(ctx(2024, grades={CRITERIA[0]: "Tốt"}), TASK, "Tốt") is None    # that criterion not graded
    assert P.any_grade_is(ctx(2024, grades=grades(chinh_tri="Kém")), "Kém").figures == {"criterion": CRITERIA[0], "grade": "Kém"}
    assert P.any_grade_is(c, "Kém").holds is False
    assert P.any_grade_is(ctx(2024, grades={}), "Kém") is None
    with pytest.raises(ValueError):
        P.grade_below(c, "*", "Giỏi")


def test_on_leave_and_probationary_and_always():
    assert P.on_leave(ctx(leave=[PeriodKind.SICK_LEAVE]), ["sick_leave", "maternity_leave"]).figures == {
        "leave": "nghỉ ốm dài ngày"}
    assert P.on_leave(ctx(leave=[PeriodKind.INSPECTION]), ["sick_leave"]).holds is False
    assert P.probationary(ctx(category=Category.PROBATIONARY)).holds is True
    assert P.probationary(ctx()).holds is False
    assert P.always(ctx()).holds is True


@pytest.mark.parametrize("x, text", [(87.5, "87,5"), (90.0, "90"), (90, "90"), (52.25, "52,25"), (0.0, "0"),
                                     (33.333, "33,33"), ("Tốt", "Tốt")])
def test_numbers_in_messages_use_a_decimal_comma(x, text):
    assert vn_number(x) == text
