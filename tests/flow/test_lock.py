"""Adopt and lock: the adoption vote locks the minutes; changing them needs "mở lại" with a
reason; every change after the lock is kept in an append-only history."""

import pytest

from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.model import MeetingState
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.session import MeetingSession

from tests.documents.conftest import hold_meeting


@pytest.fixture
def locked(cell_file):
    return hold_meeting(cell_file, {"t": "08:00"})


def test_the_adoption_vote_locks_revision_1_and_edits_are_refused(locked):
    s = locked.s
    assert (s.meeting.state, s.meeting.revision) == (MeetingState.LOCKED, 1)
    step = next(st for st in s.record.steps if st.kind == StepKind.MEMBER_REVIEW)
    with pytest.raises(UserError, match="Biên bản đã khóa"):
        s.set_step_text(step.id, "conclusion", "Sửa sau khi khóa")
    with pytest.raises(UserError, match="Biên bản đã khóa"):
        s.add_comment(step.id, s.speakers("lan")[0], "Ý kiến muộn")
    history = s.history()
    assert [(h["action"], h["revision"]) for h in history] == [("lock", 1)]
    assert "tán thành 11/11" in history[0]["detail"]


def test_reopen_needs_a_reason_changes_are_kept_and_the_next_lock_is_revision_2(locked):
    s = locked.s
    with pytest.raises(UserError, match="lý do"):
        s.reopen("  ")
    s.reopen("Sửa lỗi chính tả trong kết luận theo ý kiến của đồng chí Bí thư")
    step = next(st for st in s.record.steps if st.kind == StepKind.MEMBER_REVIEW)
    s.set_step_text(step.id, "conclusion", "Hội nghị ghi nhận, đề nghị phát huy các ưu điểm.")
    s.flush()
    assert s.lock() == 2
    history = s.history()
    assert [h["action"] for h in history] == ["lock", "reopen", "change", "lock"]
    change = history[2]
    assert change["what"] == "Nhập nội dung" and change["why"].startswith("Sửa lỗi chính tả")
    assert "phát huy các ưu điểm" in change["detail"]
    assert history[3]["revision"] == 2


def test_history_cannot_be_rewritten(locked, cell_file):
    locked.s.flush()
    with pytest.raises(Exception, match="append-only"):
        cell_file.db.write(lambda c: c.execute("DELETE FROM history")).result()
    with pytest.raises(Exception, match="append-only"):
        cell_file.db.write(lambda c: c.execute("UPDATE history SET why = 'khác'")).result()
    assert len(locked.s.history()) == 1


def test_the_closing_time_may_still_be_written_after_the_lock(locked):
    s = locked.s
    s.close_meeting("11:45").result()
    assert MeetingSession(s.cf, s.meeting_id).meeting.end_time == "11:45"


def test_a_refused_edit_leaves_nothing_behind_in_memory_or_on_disk(locked):
    s = locked.s
    place = s.meeting.place
    step = next(st for st in s.record.steps if st.kind == StepKind.MEMBER_REVIEW)
    conclusion = step.conclusion
    with pytest.raises(UserError):
        s.update_meeting(place="Nơi khác")
    with pytest.raises(UserError):
        s.set_step_text(step.id, "conclusion", "Sửa trộm")
    assert s.meeting.place == place and s.record.step(step.id).conclusion == conclusion
    s.reopen("Bổ sung ý kiến")
    s.lock()
    again = MeetingSession(s.cf, s.meeting_id)
    assert again.meeting.place == place and again.record.step(step.id).conclusion == conclusion
