"""Child process for the power-cut test of the meeting guide: plays a scripted meeting,
printing each entry once it is committed ("ack …"), resuming wherever the file is."""
import sys
from datetime import date

from kiemdiem_desktop.model import MeetingState
from kiemdiem_desktop.model.review import StepKind
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.model.vote import VoteKind
from kiemdiem_desktop.session import MeetingSession, prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

sys.path.insert(0, sys.argv[2])
from tests.flow.conftest import twelve_members  # noqa: E402

path = sys.argv[1]
cf = CellFile.open(path, create=True)
if not cf.members():
    for m in twelve_members():
        cf.add_member(m).result()
meetings = [m for m in cf.meetings() if m.state not in (MeetingState.HELD, MeetingState.LOCKED)]
if meetings:
    s = MeetingSession(cf, meetings[0].id)
else:
    s = prepare_meeting(cf, 2025, meeting_date=date(2025, 12, 10))
    names = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=names["Nguyễn Văn Hùng"], minute_taker_id=names["Bùi Thị Giang"])
    s.start()
    s.mark_all_present()
    s.flush()
print("open", s.meeting_id, flush=True)
n = 0
while not (s.meeting.state == MeetingState.LOCKED and s.meeting.end_time and s.current.kind == StepKind.CLOSING
           and s.current.state.value == "done"):
    step = s.current
    if step.kind in (StepKind.COLLECTIVE_REVIEW, StepKind.MEMBER_REVIEW):
        if s.flow.needs_handover(step):
            s.set_step_chair(step.id, next(m for m in s.members if m != step.subject_member_id))
        if len(s.record.comments_of(step.id)) < 3:
            c = s.add_comment(step.id, s.speakers()[n % 5], f"Ý kiến số {n} về nội dung kiểm điểm")
            s.flush()
            print("ack comment", c.id, flush=True)
            n += 1
            continue
        text = f"Kết luận bước {step.position}"
        for i in range(1, len(text) + 1):     # typed letter by letter
            s.set_step_text(step.id, "conclusion", text[:i])
        s.flush()
        print("ack text", step.id, flush=True)
    if step.kind == StepKind.ADOPTION and s.meeting.state != MeetingState.LOCKED:
        desk = VotingDesk(s)
        v = s.adoption_vote() or desk.new_question(VoteKind.MINUTES, "Thông qua biên bản hội nghị")
        desk.set_hands(v.id, 10)                 # a kill may have come after the question was put
        desk.record_result(v.id)                 # adopted and locked in one transaction
        print("ack locked", flush=True)
    if step.kind == StepKind.CLOSING:
        s.close_meeting("11:30")
    result = s.go_next()
    assert result.ok, [str(m) for m in result.missing]
    s.flush()
    print("ack step", s.meeting.current_step_id, s.meeting.state.value, flush=True)
print("finished", flush=True)
