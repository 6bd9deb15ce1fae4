"""Meeting JSON version 2 (issue 16 item 6): which levels a re-vote offered and why, blank rows
and rows ticked twice apart, a member who leaves and comes back, a ballot's counting end time
and number, the place name; version 1 files still read; importing twice changes nothing."""
import copy

import pytest

from kiemdiem_desktop.figures import MeetingFigures
from kiemdiem_desktop.io import meeting_json as mj
from kiemdiem_desktop.meeting_results import results_of
from kiemdiem_desktop.services import CellFile

from tests.flow.conftest import cell_file  # noqa: F401  (the twelve-member cell)
from tests.io.meeting_doc import MEETING, O, STEP_VOTES, hand_document, uid

BALLOT = uid(950)


def v2_document() -> dict:
    d = copy.deepcopy(hand_document())
    d["version"] = 2
    d["cell"]["locality"] = "Thành phố Huế"
    mt = d["meeting"]
    # O10 left at 09:10, came back at 09:40, left again at 10:00
    o10 = next(a for a in mt["attendance"] if a["member_id"] == O[10])
    o10.update(left_at="10:00", intervals=[{"from": "", "to": "09:10"}, {"from": "09:40", "to": "10:00"}])
    mt["ballots"] = [{"id": BALLOT, "step_id": STEP_VOTES, "layout": "common", "taken_at": "10:40", "issued": 9,
                      "returned": 9, "valid": 9, "invalid": 0, "counting_team": [O[4], O[5]], "accepted": True,
                      "counted_at": "10:52", "document_number": "02-BBKP/CB"}]
    # O4 by ballot: one blank row and one row ticked twice, both invalid for O4 only
    mt["votes"].append({"id": uid(607), "kind": "rating", "question": "Xếp loại chất lượng năm 2025: O4",
                        "method": "ballot", "subject": O[4], "step_id": STEP_VOTES, "ballot_id": BALLOT,
                        "taken_at": "10:40", "levels": {"GOOD": 6, "COMPLETED": 1, "BLANK": 1, "MULTIPLE": 1},
                        "recorded": True})
    # O3 voted again from HTNV down
    mt["votes"].append({"id": uid(608), "kind": "rating", "question": "Xếp loại chất lượng năm 2025: O3 (lần 2)",
                        "method": "hands", "subject": O[3], "step_id": STEP_VOTES, "taken_at": "10:45",
                        "levels": {"COMPLETED": 8, "NOT_COMPLETED": 1}, "supersedes": uid(604),
                        "offered": ["COMPLETED", "NOT_COMPLETED"],
                        "revote_reason": "Lần trước không mức nào được quá nửa", "recorded": True})
    return d


def test_version_2_round_trip_keeps_everything_and_importing_twice_changes_nothing(tmp_path):
    doc = v2_document()
    with CellFile.open(tmp_path / "moi.kiemdiem", create=True) as cf:
        report = mj.import_meeting_report(cf, doc)
        assert report.meeting == "new"
        assert cf.cell().locality == "Thành phố Huế"            # the place name survives
        out = mj.export_meeting(cf, MEETING)
        assert out["version"] == 2 and out["cell"]["locality"] == "Thành phố Huế"
        mt = out["meeting"]
        o10 = next(a for a in mt["attendance"] if a["member_id"] == O[10])
        assert o10["intervals"] == [{"from": "", "to": "09:10"}, {"from": "09:40", "to": "10:00"}]
        [b] = mt["ballots"]
        assert (b["counted_at"], b["document_number"]) == ("10:52", "02-BBKP/CB")
        o4 = next(v for v in mt["votes"] if v["id"] == uid(607))
        assert o4["levels"] == {"GOOD": 6, "COMPLETED": 1, "BLANK": 1, "MULTIPLE": 1}
        again = next(v for v in mt["votes"] if v["id"] == uid(608))
        assert (again["offered"], again["revote_reason"]) == (["COMPLETED", "NOT_COMPLETED"],
                                                              "Lần trước không mức nào được quá nửa")
        assert mj.import_meeting_report(cf, out).meeting == "unchanged"
        assert mj.import_meeting_report(cf, doc).meeting == "unchanged"
        # the figures read them: O10 out of the room between 09:10 and 09:40, blank and double apart
        fig = MeetingFigures.of(cf, MEETING)
        s = fig.s.record.attendance[O[10]]
        assert [s.in_room(t) for t in ("09:00", "09:20", "09:45", "10:05")] == [True, False, True, False]
        o4f = fig.member(O[4])
        assert (o4f.rounds[0].blank, o4f.rounds[0].multiple) == (1, 1)
        o3f = fig.member(O[3])
        assert [r.number for r in o3f.rounds] == [1, 2] and o3f.rounds[1].why == "Lần trước không mức nào được quá nửa"
        assert [lv.value for lv in o3f.rounds[1].offered] == ["COMPLETED", "NOT_COMPLETED"]
        data = results_of(fig)
        assert next(m for m in data["members"] if m["id"] == O[3])["rounds"][1]["offered"] == ["COMPLETED",
                                                                                            "NOT_COMPLETED"]


def test_a_version_1_file_is_still_read_and_says_blank_for_both(tmp_path):
    doc = hand_document()
    assert doc["version"] == 1
    with CellFile.open(tmp_path / "cu.kiemdiem", create=True) as cf:
        mj.import_meeting(cf, doc)
        out = mj.export_meeting(cf, MEETING)
        assert out["version"] == 2 and out["cell"]["locality"] == ""
        assert mj.import_meeting_report(cf, doc).meeting == "unchanged"


@pytest.mark.parametrize("change, path", [
    (lambda d: d["meeting"]["votes"][1]["levels"].update(MULTIPLE=1), "meeting.votes[1].levels.MULTIPLE"),
    (lambda d: d["cell"].update(locality="Huế"), "cell.locality"),
    (lambda d: d["meeting"]["votes"][1].update(offered=["GOOD"]), "meeting.votes[1].offered"),
])
def test_what_version_2_added_is_refused_in_a_version_1_file(tmp_path, change, path):
    doc = hand_document()
    change(doc)
    with CellFile.open(tmp_path / "x.kiemdiem", create=True) as cf:
        with pytest.raises(mj.MeetingJsonError, match=path.replace("[", r"\[").replace("]", r"\]")):
            mj.import_meeting(cf, doc)


def test_intervals_out_of_order_are_refused_with_the_path(tmp_path):
    doc = v2_document()
    o10 = next(a for a in doc["meeting"]["attendance"] if a["member_id"] == O[10])
    o10["intervals"] = [{"from": "", "to": "09:40"}, {"from": "09:10", "to": "10:00"}]
    with CellFile.open(tmp_path / "x.kiemdiem", create=True) as cf:
        with pytest.raises(mj.MeetingJsonError, match=r"meeting.attendance\[\d+\].intervals\[1\]"):
            mj.import_meeting(cf, doc)


def test_a_member_who_leaves_and_comes_back_survives_export_and_import(cell_file, tmp_path):
    from tests.record.scenarios import hands, open_meeting

    s, desk, who, c = open_meeting(cell_file)
    s.mark_all_present().result()
    long_ = who["Ngô Văn Long"]
    s.leave(long_, "09:00").result()
    s.arrive(long_, "09:30").result()
    a = s.record.attendance[long_]
    assert a.stretches() == [("", "09:00"), ("09:30", "")] and a.in_room("09:45") and not a.in_room("09:15")
    hands(desk, who["Lê Văn An"], {"GOOD": 8}, "09:15", c)
    hands(desk, who["Phạm Thị Bích"], {"GOOD": 8}, "09:45", c)
    s.flush()
    before = results_of(MeetingFigures.of(cell_file, s.meeting_id))
    assert [v["present"] for v in before["votes"]] == [11, 12]
    doc = mj.export_meeting(cell_file, s.meeting_id)
    with CellFile.open(tmp_path / "khac.kiemdiem", create=True) as other:
        mj.import_meeting(other, doc)
        after = results_of(MeetingFigures.of(other, s.meeting_id))
        assert after["votes"] == before["votes"] and after["roll"] == before["roll"]
        assert other.cell().locality == "Hà Nội"
