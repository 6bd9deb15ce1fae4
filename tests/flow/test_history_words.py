"""Issue 17 item 3, the core: a change while reopened is kept in words — the field, where, the
old and the new value, with names and level words, never an id or a code; moving between steps
is not a change; revisions() gives each revision's lock and the reason of its reopening."""
import json

import pytest

from kiemdiem_desktop.flow.history import detail_lines, revision_sentences, revisions
from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model.review import StepKind

from tests.documents.conftest import hold_meeting


@pytest.fixture
def locked(cell_file):
    return hold_meeting(cell_file, {"t": "08:00"})


def test_changes_while_reopened_read_as_words(locked):
    s = locked.s
    who = {m.full_name: m.id for m in s.members.values()}
    s.reopen("Ghi sai người chủ trì và điểm danh")
    s.update_meeting(place="Hội trường tầng 2").result()
    s.update_meeting(chair_id=who["Trần Thị Lan"]).result()
    s.set_attendance(who["Hồ Thị Khánh"], Presence.ABSENT_NO_REASON).result()
    review = next(st for st in s.record.steps if st.kind == StepKind.MEMBER_REVIEW)
    s.go_to(review.id).result()
    s.flush()
    changes = [h for h in s.history() if h["action"] == "change"]
    lines = [line for h in changes for line in detail_lines(h["detail"])]
    assert lines == [
        "Địa điểm: “Phòng họp tầng 3, Sở Nội vụ” thành “Hội trường tầng 2”",
        "Chủ trì: “Nguyễn Văn Hùng” thành “Trần Thị Lan”",
        "Điểm danh (đồng chí Hồ Thị Khánh): “Vắng có lý do (được chấp thuận)” thành “Vắng không lý do”",
        "Lý do vắng (đồng chí Hồ Thị Khánh): “Đi công tác tại Đà Nẵng” thành (trống)",
    ]
    assert len(changes) == 3                              # go_to wrote no history row
    assert all(h["why"] == "Ghi sai người chủ trì và điểm danh" for h in changes)
    data = json.loads(changes[1]["detail"])
    assert data["changes"][0][0] == "meeting"            # the row change itself is kept for anyone who checks
    assert s.lock() == 2
    revs = revisions(s.history())
    assert [(r.number, r.reason) for r in revs] == [(1, ""), (2, "Ghi sai người chủ trì và điểm danh")]
    assert revs[1].locked_on and revs[1].reopened_on
    [sentence] = revision_sentences(s.history())
    assert sentence.startswith(f"Biên bản đã được thông qua và khóa ngày {revs[0].locked_on} (bản chính thức lần 1); "
                               "được mở lại lúc ")
    assert sentence.endswith(f"lý do: Ghi sai người chủ trì và điểm danh; khóa lại ngày {revs[1].locked_on} thành "
                             "bản sửa đổi lần 2.")
