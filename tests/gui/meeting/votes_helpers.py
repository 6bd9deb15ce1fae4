"""Shared steps of the vote screen tests: a started meeting with Hồ Thị Khánh absent with an
approved reason (out of the base) and Ngô Văn Long absent without one (in the base): 11 counted,
10 present, 10 voters — the figures of the brief's example."""
from kiemdiem_desktop.model.attendance import Presence

from tests.gui.meeting.test_guide_meeting import focus


def start(w, clock):
    s = w.session
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"])
    w.start_meeting()
    w.opening.attendance.mark_all_present()
    s.set_attendance(who["Hồ Thị Khánh"], Presence.ABSENT_APPROVED, "Đi công tác")
    s.set_attendance(who["Ngô Văn Long"], Presence.ABSENT_NO_REASON)
    clock.t = "08:00"
    w.refresh()
    return who


def go_to_step(w, kind):
    step = next(st for st in w.session.record.steps if st.kind == kind)
    w.go_to(step.id)
    assert w.session.current.kind == kind
    return step


def type_into(qtbot, edit, text):
    focus(qtbot, edit)
    edit.selectAll()
    qtbot.keyClicks(edit, text)
