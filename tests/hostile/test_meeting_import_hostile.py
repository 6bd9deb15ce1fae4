"""`meeting import` refuses what the window would never let anyone type, and JSON that breaks
readers (issue 12, items 11 and 15): exit 2, a Vietnamese message naming the file and the path
inside it, nothing written (the data file not even created), never a traceback."""
import json

import pytest

from tests.helpers import run_cli
from tests.io.meeting_doc import O, P1, hand_document, uid, variant


def _refused(tmp_path, text: str, *, where: str, name: str = "hop-doc.json"):
    src = tmp_path / name
    src.write_text(text, encoding="utf-8", errors="surrogatepass")
    db = tmp_path / "chi-bo.kiemdiem"
    r = run_cli("meeting", "import", str(src), "--db", str(db))
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2, err
    assert "Traceback" not in err
    assert name in err and where in err, err
    assert "chưa ghi gì" in err
    assert not db.exists()                       # nothing written, not even an empty data file
    return err


def _doc(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False)


def test_more_votes_than_people_present_is_refused(tmp_path):
    # 999 for, 6 present: the window refuses to announce such a result; so does the import.
    d = variant(meeting__votes__0__yes=999)
    err = _refused(tmp_path, _doc(d), where="meeting.votes[0]")
    assert "999" in err


def test_hands_total_above_voters_present_at_that_time_is_refused(tmp_path):
    # 08:05: nine voters in the room (O9 not yet arrived); ten votes cannot have been given.
    d = variant(meeting__votes__0__yes=10)
    err = _refused(tmp_path, _doc(d), where="meeting.votes[0]")
    assert "(9)" in err


def test_rating_levels_above_voters_are_refused(tmp_path):
    d = variant(meeting__votes__1__levels={"EXCELLENT": 9, "GOOD": 3})
    _refused(tmp_path, _doc(d), where="meeting.votes[1].levels")


def _with_ballot(**ballot) -> dict:
    d = hand_document()
    b = {"id": uid(501), "layout": "common", "taken_at": "10:30", "issued": 9, "returned": 9, "valid": 9,
         "invalid": 0, "accepted": True, **ballot}
    d["meeting"]["ballots"] = [b]
    v = d["meeting"]["votes"][1]
    v.update(method="ballot", ballot_id=b["id"], levels={"EXCELLENT": 6, "GOOD": 3})
    return d


def test_a_consistent_ballot_is_imported(tmp_path):
    src = tmp_path / "hop.json"
    src.write_text(_doc(_with_ballot()), encoding="utf-8")
    r = run_cli("meeting", "import", str(src), "--db", str(tmp_path / "chi-bo.kiemdiem"))
    assert r.returncode == 0, r.stderr.decode()


def test_more_papers_returned_than_issued_is_refused(tmp_path):
    err = _refused(tmp_path, _doc(_with_ballot(issued=3, returned=50, valid=50)), where="meeting.ballots[0]")
    assert "Số phiếu thu vào (50) nhiều hơn số phiếu phát ra (3)" in err


def test_papers_returned_above_issued_refused_even_while_counting(tmp_path):
    d = _with_ballot(issued=3, returned=50, valid=50, accepted=False)
    d["meeting"]["state"] = "in_progress"
    for v in d["meeting"]["votes"]:
        v["recorded"] = False
    _refused(tmp_path, _doc(d), where="meeting.ballots[0].returned")


def test_a_member_row_not_adding_up_to_the_papers_returned_is_refused(tmp_path):
    d = _with_ballot()
    d["meeting"]["votes"][1]["levels"] = {"EXCELLENT": 2, "GOOD": 3}
    _refused(tmp_path, _doc(d), where="meeting.ballots[0]")


@pytest.mark.parametrize("text, where", [
    ('"general_score": NaN', "meeting.self_reviews[0].general_score"),
    ('"general_score": Infinity', "meeting.self_reviews[0].general_score"),
    ('"general_score": -Infinity', "meeting.self_reviews[0].general_score"),
    ('"general_score": 1e999', "meeting.self_reviews[0].general_score"),
])
def test_nan_and_infinite_scores_are_refused(tmp_path, text, where):
    raw = _doc(hand_document()).replace('"general_score": 28', text, 1)
    _refused(tmp_path, raw, where=where)


def test_a_count_of_two_to_the_63_is_refused_not_overflowed(tmp_path):
    raw = _doc(variant(meeting__votes__0__yes=12345)).replace("12345", str(2 ** 63))
    _refused(tmp_path, raw, where="meeting.votes[0].yes")


def test_a_number_of_ten_thousand_digits_is_refused(tmp_path):
    raw = _doc(variant(meeting__votes__0__yes=12345)).replace("12345", "9" * 10_000)
    _refused(tmp_path, raw, where="meeting.votes[0].yes")


def test_a_lone_surrogate_is_refused_with_its_path(tmp_path):
    raw = _doc(hand_document()).replace("Nguyễn Văn An", "Nguyễn \\ud800 An", 1)
    _refused(tmp_path, raw, where="members[0].full_name")


def test_nesting_5000_deep_is_refused(tmp_path):
    d = hand_document()
    d["meeting"]["settings"] = {"x": "@@"}
    raw = _doc(d).replace('"@@"', "[" * 5000 + "]" * 5000)
    err = _refused(tmp_path, raw, where="lồng nhau quá sâu")
    assert "RecursionError" not in err


def test_a_name_of_a_megabyte_is_refused(tmp_path):
    d = variant(members__0__full_name="A" * 2_000_000)
    _refused(tmp_path, _doc(d), where="members[0].full_name")


def test_a_400_character_name_is_refused(tmp_path):
    d = variant(members__0__full_name="Nguyễn " * 60)
    _refused(tmp_path, _doc(d), where="members[0].full_name")


def test_an_accepted_score_changed_without_a_reason_is_refused(tmp_path):
    d = variant(meeting__ratings__0__score_change_reason="")
    _refused(tmp_path, _doc(d), where="meeting.ratings[0].score_change_reason")


def test_a_counting_team_member_not_in_the_room_is_refused(tmp_path):
    # O10 left at 10:00; the papers were handed out at 10:30.
    _refused(tmp_path, _doc(_with_ballot(counting_team=[O[1], O[10]])), where="meeting.ballots[0].counting_team[1]")
