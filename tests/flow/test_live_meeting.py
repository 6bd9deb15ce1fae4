"""One live meeting object per open file, one user action = one undo, a failed write recovered."""
from datetime import date

from kiemdiem_desktop.model.vote import VoteMethod
from kiemdiem_desktop.session import MeetingSession, live_session, prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

from tests.flow.conftest import Clock


def test_every_window_gets_the_same_meeting_object(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    assert live_session(cell_file, s.meeting_id) is s
    clock = Clock("09:00")
    assert live_session(cell_file, s.meeting_id, clock=clock).clock is clock
    # the lost edit of issue 11: the place set in one window, the number in another
    live_session(cell_file, s.meeting_id).update_meeting(place="Hội trường B").result()
    live_session(cell_file, s.meeting_id).update_meeting(document_number="07-BB/CB").result()
    fresh = MeetingSession(cell_file, s.meeting_id)
    assert (fresh.meeting.place, fresh.meeting.document_number) == ("Hội trường B", "07-BB/CB")


def test_one_user_action_is_one_undo_named_after_it(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10))
    s.clock = Clock("08:00")
    s.mark_all_present().result()
    s.start().result()
    desk = VotingDesk(s)
    before = len(s.record.votes)
    with s.action("Bắt đầu biểu quyết"):
        desk.new_rating_votes(VoteMethod.HANDS)
    s.flush()
    assert len(s.record.votes) - before == len(desk.rating_subjects()) > 5
    assert s.undo_redo_labels()[0] == "Bắt đầu biểu quyết"
    assert s.undo() == "Bắt đầu biểu quyết"
    assert len(s.record.votes) == before          # one Ctrl+Z took every question back
    assert s.undo_redo_labels()[1] == "Bắt đầu biểu quyết"
    assert s.redo() == "Bắt đầu biểu quyết"
    assert len(s.record.votes) - before == len(desk.rating_subjects())


def test_a_failed_write_is_recovered_from_the_file(cell_file):
    s = prepare_meeting(cell_file, 2025, meeting_date=date(2025, 12, 10), place="Phòng họp tầng 3")
    # the disk refuses the next write of the meeting row (as a full or read-only disk would)
    cell_file.db.call(lambda conn: conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE ON meeting BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"))
    future = s.update_meeting(place="Hội trường B")
    assert s.meeting.place == "Hội trường B"          # the screen shows the edit at once…
    assert future.exception() is not None
    assert s.write_error is not None
    assert s.recover() is True                          # …and after the failure, what the file holds
    assert s.meeting.place == "Phòng họp tầng 3"
    assert s.write_error is None and s.recover() is False
