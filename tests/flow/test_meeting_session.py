"""The meeting guide's core: agenda, attendance, reviews, chair handover, resume, undo."""
import unicodedata
from datetime import date

import pytest

from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.model import MeetingState
from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model.review import StepKind, StepState
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.model.vote import VoteKind, VoteMethod
from kiemdiem_desktop.session import MeetingSession, prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

from tests.flow.conftest import Clock


def ids(session):
    return {m.full_name: m.id for m in session.members.values()}


def test_agenda_follows_the_rule_set_and_reviews_leaders_first(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    kinds = [st.kind for st in s.record.steps]
    assert kinds[:2] == [StepKind.OPENING, StepKind.COLLECTIVE_REVIEW]
    assert kinds[-5:] == [StepKind.RATING_VOTES, StepKind.CELL_RATING, StepKind.RESULTS, StepKind.ADOPTION,
                          StepKind.CLOSING]
    reviews = [st.title.removeprefix("Kiểm điểm đồng chí ") for st in s.record.steps if st.kind == StepKind.MEMBER_REVIEW]
    assert reviews[:3] == ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn An"]
    assert reviews[3:] == ["Phạm Thị Bích", "Hoàng Văn Cường", "Vũ Thị Dung", "Đặng Văn Đức", "Bùi Thị Giang",
                           "Đỗ Văn Hải", "Hồ Thị Khánh", "Ngô Văn Long", "Dương Thị Mai"]
    assert s.rules.id == "qd366-hd43"
    assert prepare_meeting(cell_file, 2024).rules.id == "qd124-hd25"


def test_agenda_can_be_edited(cell_file):
    s = prepare_meeting(cell_file, 2025)
    closing = s.record.steps[-1]
    extra = s.add_step("Phổ biến kế hoạch năm 2026", after_step_id=s.record.steps[-2].id)
    s.rename_step(extra.id, "Phổ biến kế hoạch công tác năm 2026")
    s.move_step(extra.id, -1)
    s.remove_step(s.record.steps[1].id)
    again = MeetingSession(cell_file, s.meeting_id)
    titles = [st.title for st in again.record.steps]
    assert titles[-3:] == ["Phổ biến kế hoạch công tác năm 2026", "Thông qua biên bản", "Bế mạc"]
    assert "Kiểm điểm tập thể chi ủy" not in titles
    assert [st.position for st in again.record.steps] == list(range(len(titles)))
    assert again.record.steps[-1].id == closing.id


def test_a_whole_meeting_with_late_arrival_early_leave_and_chair_handover(cell_file):
    clock = Clock("07:55")
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10), place="Phòng họp tầng 3")
    s.clock = clock
    who = ids(s)
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.add_delegate("Trần Quốc Toản", "Ủy viên Ban Thường vụ Đảng ủy")
    s.start()
    assert s.meeting.state == MeetingState.IN_PROGRESS
    # Opening: the roll call
    assert not s.check().ok
    s.mark_all_present()
    s.set_attendance(who["Hồ Thị Khánh"], Presence.ABSENT_APPROVED, "Đi công tác")
    s.set_attendance(who["Ngô Văn Long"], Presence.ABSENT_NO_REASON)
    h = s.headcount("08:00")
    assert (h.base_count, h.present_in_base, h.quorum_met) == (11, 10, True)
    assert s.go_next().ok
    # Collective review
    clock.t = "08:20"
    col = s.current
    assert col.kind == StepKind.COLLECTIVE_REVIEW
    s.set_step_text(col.id, "report", "Đồng chí Bí thư trình bày báo cáo kiểm điểm của chi ủy.")
    sp = s.speakers("toan")[0]
    s.add_comment(col.id, sp, "Chi ủy cần sâu sát hơn trong công tác phát triển đảng viên.")
    assert not s.go_next().ok  # no conclusion yet
    s.set_step_text(col.id, "conclusion", "Chi ủy tiếp thu ý kiến.")
    assert s.go_next().ok
    # The chair's own review: the step needs another chair
    chair_step = s.current
    assert chair_step.subject_member_id == who["Nguyễn Văn Hùng"]
    result = s.check()
    assert any("chọn người khác chủ trì" in str(m) for m in result.missing)
    s.set_step_chair(chair_step.id, who["Trần Thị Lan"])
    assert s.flow.chair_of(chair_step) == who["Trần Thị Lan"]
    assert [p.name for p in s.speakers("hvc")] == ["Hoàng Văn Cường"]
    s.add_comment(chair_step.id, s.speakers("cuong")[0],
                  "Đồng chí cần dành thời gian hơn cho sinh hoạt chi bộ.")
    s.set_step_text(chair_step.id, "answer", "Tôi xin tiếp thu.")
    s.set_step_text(chair_step.id, "conclusion", "Đồng chí Hùng hoàn thành tốt nhiệm vụ.")
    assert s.go_next().ok
    # Early leave, late arrival of the approved absentee
    s.leave(who["Đỗ Văn Hải"], "09:40")
    s.arrive(who["Hồ Thị Khánh"], "10:15")
    assert s.headcount("10:00").base_count == 11 and s.headcount("10:20").base_count == 12
    assert s.headcount("10:00").present_in_base == 9          # Hải left, stays in the base
    assert s.headcount("10:20").present_in_base == 10
    assert [p.name for p in s.speakers("hai", at="10:20")] == []   # gone
    # Close mid-meeting and reopen: back at the same step with everything there
    current_id = s.current.id
    path = cell_file.path
    cell_file.close(backup=False)
    cf2 = CellFile.open(path)
    again = MeetingSession(cf2, s.meeting_id, clock=clock)
    assert again.current.id == current_id
    assert again.record.step(chair_step.id).chair_id == who["Trần Thị Lan"]
    assert [c.text for c in again.record.comments_of(col.id)] == [
        "Chi ủy cần sâu sát hơn trong công tác phát triển đảng viên."]
    assert again.record.attendance[who["Đỗ Văn Hải"]].left_at == "09:40"
    assert again.meeting.delegates[0].name == "Trần Quốc Toản"
    cf2.close(backup=False)


def test_absent_member_is_left_for_the_supplementary_session(cell_file):
    s = prepare_meeting(cell_file, 2025)
    who = ids(s)
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.start()
    s.mark_all_present()
    s.set_attendance(who["Dương Thị Mai"], Presence.ABSENT_APPROVED, "Ốm")
    step = next(st for st in s.record.steps if st.subject_member_id == who["Dương Thị Mai"])
    result = s.flow.check(step, "09:00")
    assert result.ok and "buổi kiểm điểm bổ sung" in str(result.warnings[0])


def test_decomposed_typing_and_telex_corrections_are_stored_nfc(cell_file):
    s = prepare_meeting(cell_file, 2025)
    step = s.record.steps[1]
    typed = ""
    for ch in unicodedata.normalize("NFD", "Đồng chí ca"):
        typed += ch
        s.set_step_text(step.id, "conclusion", typed)
    typed = typed[:-1]                                    # the input method's backspace…
    typed += unicodedata.normalize("NFD", "ầ")            # …then its replacement, decomposed
    s.set_step_text(step.id, "conclusion", typed)
    typed += "n phát huy"
    s.set_step_text(step.id, "conclusion", typed).result()
    stored = MeetingSession(cell_file, s.meeting_id).record.step(step.id).conclusion
    assert stored == "Đồng chí cần phát huy"
    assert unicodedata.is_normalized("NFC", stored)


def test_undo_redo_persisted_and_typing_is_one_undo(cell_file):
    s = prepare_meeting(cell_file, 2025)
    who = ids(s)
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.start()
    s.mark_all_present()
    step = s.record.steps[1]
    for text in ("C", "Ch", "Chi", "Chi ủy"):
        s.set_step_text(step.id, "conclusion", text)
    c = s.add_comment(step.id, s.speakers("lan")[0], "Ý kiến thứ nhất")
    assert s.undo_redo_labels()[0] == "Ghi ý kiến"
    assert s.undo() == "Ghi ý kiến"
    assert s.record.comments_of(step.id) == []
    assert s.undo() == "Nhập nội dung"
    assert s.record.step(step.id).conclusion == ""
    # Redo survives a restart
    path = cell_file.path
    cell_file.close(backup=False)
    cf2 = CellFile.open(path)
    s2 = MeetingSession(cf2, s.meeting_id)
    assert s2.redo() == "Nhập nội dung"
    assert s2.record.step(step.id).conclusion == "Chi ủy"
    assert s2.redo() == "Ghi ý kiến"
    assert [x.id for x in s2.record.comments_of(step.id)] == [c.id]
    cf2.close(backup=False)


def test_undo_never_crosses_a_barrier(cell_file):
    from kiemdiem_desktop.store import changes

    s = prepare_meeting(cell_file, 2025)
    step = s.record.steps[1]
    s.set_step_text(step.id, "report", "Trước biểu quyết")
    s.db.write(changes.barrier, s.meeting_id, "Biểu quyết").result()
    assert s.undo() is None
    assert s.record.step(step.id).report == "Trước biểu quyết"


def test_a_locked_meeting_refuses_edits(cell_file):
    s = prepare_meeting(cell_file, 2025)
    s.meeting.state = MeetingState.LOCKED
    cell_file.save_meeting(s.meeting).result()          # as the adoption vote leaves it
    with pytest.raises(UserError, match="Biên bản đã khóa"):
        s.set_step_text(s.record.steps[0].id, "notes", "x")


def test_supplementary_session_reviews_only_those_still_unreviewed(cell_file):
    from kiemdiem_desktop.model import MeetingKind

    clock = Clock("08:00")
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    s.clock = clock
    who = ids(s)
    s.update_meeting(chair_id=who["Trần Thị Lan"], minute_taker_id=who["Bùi Thị Giang"])
    s.start()
    s.mark_all_present()
    s.set_attendance(who["Dương Thị Mai"], Presence.ABSENT_APPROVED, "Ốm")
    s.set_attendance(who["Ngô Văn Long"], Presence.ABSENT_NO_REASON)
    desk = VotingDesk(s)
    while s.current.state.value != "done" or s.current.kind != StepKind.CLOSING:
        step = s.current
        if step.kind == StepKind.ADOPTION and s.adoption_vote() is None:
            v = desk.new_question(VoteKind.MINUTES, "Thông qua biên bản")
            desk.set_hands(v.id, 9)
            desk.record_result(v.id)
        if s.flow.needs_handover(step):
            s.set_step_chair(step.id, who["Nguyễn Văn Hùng"])
        if step.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW):
            s.set_step_text(step.id, "conclusion", "Kết luận")
        if step.kind == StepKind.RATING_VOTES:       # everyone present is rated here
            voters = len(desk.headcount_at(clock()).voters)
            for v in desk.new_rating_votes(VoteMethod.HANDS):
                desk.set_levels(v.id, {"GOOD": voters})
                desk.record_result(v.id)
        if step.kind == StepKind.CLOSING:
            s.close_meeting("11:00")
        assert s.go_next().ok
    sup = prepare_meeting(cell_file, 2025, MeetingKind.SUPPLEMENTARY, meeting_date=date(2025, 12, 20))
    reviewed = [st.title for st in sup.record.steps if st.kind == StepKind.MEMBER_REVIEW]
    assert reviewed == ["Kiểm điểm đồng chí Ngô Văn Long", "Kiểm điểm đồng chí Dương Thị Mai"]
    # linked to its main meeting; neither collective is reviewed or rated again
    assert sup.meeting.main_meeting_id == s.meeting_id
    assert not [st for st in sup.record.steps if st.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.CELL_RATING)]
    assert VotingDesk(sup).rating_subjects() == [who["Ngô Văn Long"], who["Dương Thị Mai"]]


def test_looking_at_a_step_does_not_start_it_typing_does(cell_file):
    clock = Clock("08:00")
    s = prepare_meeting(cell_file, 2025)
    s.clock = clock
    who = ids(s)
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.start()
    later = s.record.steps[5]
    s.go_to(later.id)
    assert later.state == StepState.NOT_STARTED and later.started_at == ""
    clock.t = "09:10"
    s.set_step_text(later.id, "answer", "Tiếp thu")
    assert (later.state, later.started_at) == (StepState.IN_PROGRESS, "09:10")
    s.flush()
    assert MeetingSession(cell_file, s.meeting_id).record.step(later.id).started_at == "09:10"


def test_times_can_be_corrected_and_written_comments_deleted(cell_file):
    from kiemdiem_desktop.model.review import WrittenSource

    s = prepare_meeting(cell_file, 2025)
    who = ids(s)
    s.set_attendance(who["Lê Văn An"], Presence.ABSENT_APPROVED, "Họp")
    s.arrive(who["Lê Văn An"], "09:00")
    s.set_times(who["Lê Văn An"], arrived_at="")
    with pytest.raises(UserError, match="Giờ về"):
        s.set_times(who["Lê Văn An"], arrived_at="10:00", left_at="09:00")
    w = s.add_written_comment(who["Lê Văn An"], WrittenSource.RESIDENCE, "Gương mẫu ở nơi cư trú")
    s.delete_written_comment(w.id)
    s.flush()
    again = MeetingSession(cell_file, s.meeting_id)
    assert again.record.attendance[who["Lê Văn An"]].arrived_at == ""
    assert again.record.written == []


def test_typing_that_starts_a_step_is_one_undo_and_redo_restores_both(cell_file):
    s = prepare_meeting(cell_file, 2025)
    who = ids(s)
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    s.start()
    step = s.record.steps[3]
    for text in ("Đ", "Đồ", "Đồng ý"):
        s.set_step_text(step.id, "answer", text)
    assert s.undo() == "Nhập nội dung"
    assert (s.record.step(step.id).answer, s.record.step(step.id).state) == ("", StepState.NOT_STARTED)
    s.redo()
    assert (s.record.step(step.id).answer, s.record.step(step.id).state) == ("Đồng ý", StepState.IN_PROGRESS)
