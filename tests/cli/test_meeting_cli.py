"""`kiemdiem meeting export | import | results` and `demo --finished` (shared/CLI.md)."""
import json

import pytest

from tests.helpers import run_cli
from tests.io.meeting_doc import A1, MEETING, O, P1, hand_document, variant


def _json(result):
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))


def _write(tmp_path, name, doc) -> str:
    p = tmp_path / name
    p.write_text(doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return str(p)


def test_results_of_a_hand_written_meeting_match_the_hand_computation(tmp_path):
    db = str(tmp_path / "chi-bo.kiemdiem")
    src = _write(tmp_path, "hop.json", hand_document())
    r = run_cli("meeting", "import", src, "--db", db)
    assert r.returncode == 0, r.stderr.decode()
    res = _json(run_cli("meeting", "results", "--db", db, "--meeting", MEETING[:30], "--json"))
    assert {"rule_set", "base", "votes", "members", "quota"} <= set(res)
    assert res["rule_set"] == "qd366-hd43"

    # The base, set at the opening (08:00): the 11 official members O1…O10 and A1, minus A1
    # (absent the whole meeting, reason approved by the chair: QĐ 24 point 9.3.2, by analogy).
    # O9 (absent at the roll call, no approved reason) and O10 (leaves at 10:00) stay in it.
    # P1 is probationary: never in the base, never votes (Điều lệ Điều 5).
    #   base = 11 - 1 = 10;  quorum 2/3 × 10 = 6.67 → 7 present;  majority: more than 10/2 → 6 votes.
    assert res["base"] == 10
    votes = res["votes"]
    assert [v["base"] for v in votes] == [10] * 6

    # Vote 1, 08:05, the agenda by show of hands: in the room O1…O8 and O10 (O9 not yet) → 9 ≥ 7.
    # 9 for → 9 ≥ 6: passed.
    v = votes[0]
    assert (v["question"], v["present"], v["quorum_met"], v["yes"], v["needed"], v["passed"]) == \
        ("Thông qua chương trình hội nghị", 9, True, 9, 6, True)

    # Votes 2–5 from 10:30: O9 arrived at 08:30, O10 left at 10:00 → present O1…O9 = 9 ≥ 7.
    # Counting cumulative from the top (a vote for a higher level also counts for every lower one).
    for v in votes[1:5]:
        assert (v["present"], v["voters"], v["quorum_met"]) == (9, 9, True)

    def cumulative(v):
        return [(c["level"], c["votes"], c["needed"], c["passed"]) for c in v["counts"]]

    # O1: HTXSNV 6, HTTNV 3 → HTXSNV 6 ≥ 6 passes → HTXSNV.
    assert cumulative(votes[1]) == [("EXCELLENT", 6, 6, True), ("GOOD", 9, 6, True),
                                    ("COMPLETED", 9, 6, True), ("NOT_COMPLETED", 9, 6, True)]
    assert votes[1]["reached"] == "EXCELLENT"
    # O2: HTXSNV 2, HTTNV 5, HTNV 2 → HTXSNV 2 fails; HTTNV 2 + 5 = 7 ≥ 6 → HTTNV.
    assert cumulative(votes[2])[:2] == [("EXCELLENT", 2, 6, False), ("GOOD", 7, 6, True)]
    assert votes[2]["reached"] == "GOOD"
    # O3: HTXSNV 1, HTTNV 4, HTNV 4 → HTTNV 1 + 4 = 5: more than half of the 9 present, but the
    # majority is of the base, where the early leaver O10 still counts: 5 is not more than 10/2.
    # HTNV 5 + 4 = 9 ≥ 6 → HTNV. Without O10's leaving, his vote could have made HTTNV pass.
    assert cumulative(votes[3])[:3] == [("EXCELLENT", 1, 6, False), ("GOOD", 5, 6, False),
                                        ("COMPLETED", 9, 6, True)]
    assert votes[3]["reached"] == "COMPLETED"
    # P1 (probationary: rated here, does not vote): HTTNV 6, HTNV 3 → HTTNV 6 ≥ 6 → HTTNV.
    assert votes[4]["reached"] == "GOOD" and votes[4]["levels"] == {"GOOD": 6, "COMPLETED": 3}

    # Vote 6, 11:05: O5–O8 left at 11:00 → present O1–O4, O9 = 5 < 7: below quorum, marked.
    # 5 for → 5 < 6: not passed.
    v = votes[5]
    assert (v["present"], v["quorum_met"], v["yes"], v["passed"]) == (5, False, 5, False)

    members = {m["id"]: m for m in res["members"]}
    assert {m: members[m]["voted_level"] for m in (O[1], O[2], O[3], P1)} == \
        {O[1]: "EXCELLENT", O[2]: "GOOD", O[3]: "COMPLETED", P1: "GOOD"}
    assert members[O[2]]["self_level"] == "EXCELLENT"           # proposed and voted kept apart
    assert members[O[3]]["full_name"] == "Lê Văn Cường"          # typed decomposed, stored NFC
    assert members[O[3]]["accepted_score"] == 77 and members[O[3]]["self_score"] == 80
    assert members[A1]["voted_level"] is None                    # absent: the supplementary session
    assert all(isinstance(m["findings"], list) and {"id", "full_name", "self_level", "voted_level"} <= set(m)
               for m in res["members"])
    # O1 is checked at HTXSNV: the task figures were not entered → warnings, never a blocking finding.
    assert {f["kind"] for f in members[O[1]]["findings"]} == {"warning"}
    assert all({"rule", "kind", "article", "message"} <= set(f) for f in members[O[1]]["findings"])

    # Quota: 1 HTXSNV (O1) / 2 HTTNV (O2, P1) = 50% > 20%; at most 20% × 2 = 0.4 → 0 HTXSNV.
    [q] = res["quota"]
    assert (q["group"], q["excellent"], q["good"], q["ratio"], q["limit"], q["allowed"], q["over"]) == \
        ("", 1, 2, 0.5, 0.2, 0, True)
    assert q["advisory"] is True                                 # a cell under a committee

    text = run_cli("meeting", "results", "--db", db, "--meeting", MEETING[:8]).stdout.decode("utf-8")
    assert "Số đảng viên được tính" in text and "không đủ 2/3" in text and "Lê Văn Cường" in text


def test_export_import_round_trip_and_import_twice_from_the_command_line(tmp_path):
    one, two = str(tmp_path / "mot.kiemdiem"), str(tmp_path / "hai.kiemdiem")
    assert run_cli("meeting", "import", _write(tmp_path, "hop.json", hand_document()), "--db", one).returncode == 0
    out1, out2 = tmp_path / "ra-1.json", tmp_path / "ra-2.json"
    r = run_cli("meeting", "export", "--db", one, "--meeting", MEETING[:9], "--out", str(out1))
    assert r.returncode == 0, r.stderr.decode()
    r = run_cli("meeting", "import", str(out1), "--db", two)
    assert r.returncode == 0 and "đã nhập" in r.stdout.decode()
    r = run_cli("meeting", "import", str(out1), "--db", two)
    assert r.returncode == 0 and "không thay đổi gì" in r.stdout.decode() and "0 mới" in r.stdout.decode()
    assert run_cli("meeting", "export", "--db", two, "--meeting", MEETING, "--out", str(out2)).returncode == 0
    assert out1.read_bytes() == out2.read_bytes()
    assert _json(run_cli("meeting", "results", "--db", one, "--meeting", MEETING, "--json")) == \
        _json(run_cli("meeting", "results", "--db", two, "--meeting", MEETING, "--json"))
    assert len(_json(run_cli("roster", "list", "--db", two, "--json"))) == 12


@pytest.mark.parametrize("content, words", [
    ("{ \"format\": \"kiemdiem-meeting\", ", "không phải JSON hợp lệ (dòng 1"),
    (variant(version=3), "version: phiên bản 3 không đọc được"),
    (variant(meeting__votes__3__levels__GOOD=-1), "meeting.votes[3].levels.GOOD: cần số nguyên không âm"),
    (variant(meeting__chair_id="00000000-0000-4000-8000-000000000555"),
     "meeting.chair_id: không có đảng viên có mã “00000000-0000-4000-8000-000000000555”"),
    (variant(meeting__votes__0__kind=None), "meeting.votes[0].kind: giá trị None không hợp lệ"),
    ("missing", "meeting.votes[1].method: thiếu (trường bắt buộc)"),
])
def test_bad_input_exit_2_names_the_path_and_writes_nothing(tmp_path, content, words):
    if content == "missing":
        content = hand_document()
        del content["meeting"]["votes"][1]["method"]
    src = _write(tmp_path, "sai.json", content)
    db = tmp_path / "moi.kiemdiem"
    r = run_cli("meeting", "import", src, "--db", str(db))
    assert r.returncode == 2
    err = r.stderr.decode("utf-8")
    assert words in err and "sai.json" in err and "chưa ghi gì" in err, err
    assert not db.exists()                                     # not even an empty data file
    # Into an existing file: its bytes are untouched.
    good = tmp_path / "co.kiemdiem"
    assert run_cli("meeting", "import", _write(tmp_path, "dung.json", hand_document()), "--db", str(good)).returncode == 0
    before = good.read_bytes()
    assert run_cli("meeting", "import", src, "--db", str(good)).returncode == 2
    assert good.read_bytes() == before


def test_unknown_meeting_prefix_is_refused(tmp_path):
    db = str(tmp_path / "a.kiemdiem")
    run_cli("meeting", "import", _write(tmp_path, "hop.json", hand_document()), "--db", db)
    r = run_cli("meeting", "results", "--db", db, "--meeting", "ffff", "--json")
    assert r.returncode == 2 and "ffff" in r.stderr.decode()


def test_demo_finished_is_held_with_a_justified_finding_a_warning_and_a_quota_line_over_20(tmp_path):
    db = str(tmp_path / "mau.kiemdiem")
    r = run_cli("demo", "--db", db, "--finished")
    assert r.returncode == 0, r.stderr.decode()
    [meeting] = _json(run_cli("meeting", "list", "--db", db, "--json"))
    assert meeting["state"] == "locked"            # held, adopted by its vote and locked (CLI.md)
    res = _json(run_cli("meeting", "results", "--db", db, "--meeting", meeting["id"], "--json"))
    findings = [f for m in res["members"] for f in m["findings"]]
    blocking = [f for f in findings if f["kind"] == "finding"]
    assert blocking and all(f["justified"] and f["justification"] for f in blocking)
    assert any(f["rule"] == "366.ca-nhan.khtn.ky-luat" and f["article"] for f in blocking)
    assert any(f["kind"] == "warning" for f in findings)
    assert any(q["over"] and q["ratio"] > 0.2 and q["limit"] == 0.2 for q in res["quota"])
    votes = res["votes"]
    assert any(v["method"] == "hands" for v in votes) and any(v["method"] == "ballot" for v in votes)
    assert all(v["quorum_met"] for v in votes)
    # The early leaver stays in the base: the ballot's base is larger than those present.
    ballot = next(v for v in votes if v["method"] == "ballot")
    assert ballot["present"] < ballot["base"]
    # A late arrival and an early leave, comments for every member reviewed: in the export.
    out = tmp_path / "hop.json"
    assert run_cli("meeting", "export", "--db", db, "--meeting", meeting["id"], "--out", str(out)).returncode == 0
    doc = json.loads(out.read_text(encoding="utf-8"))["meeting"]
    assert any(a["arrived_at"] for a in doc["attendance"]) and any(a["left_at"] for a in doc["attendance"])
    reviewed = [s for s in doc["steps"] if s["kind"] == "member_review"]
    absent = {a["member_id"] for a in doc["attendance"] if a["status"] == "absent_approved"}
    commented = {c["step_id"] for c in doc["comments"]}
    assert all(s["id"] in commented for s in reviewed if s["subject_member_id"] not in absent)
    assert doc["ballots"][0]["accepted"] and doc["end_time"] == "11:30"
    assert doc["revision"] == 1 and [h["action"] for h in doc["history"]][:1] == ["lock"]
    assert any(v["kind"] == "minutes" and v["recorded"] for v in doc["votes"])
    # A locked meeting exported and imported elsewhere, twice: identical, still locked.
    other = str(tmp_path / "khac.kiemdiem")
    assert run_cli("meeting", "import", str(out), "--db", other).returncode == 0
    assert "không thay đổi gì" in run_cli("meeting", "import", str(out), "--db", other).stdout.decode()
    again = tmp_path / "lai.json"
    assert run_cli("meeting", "export", "--db", other, "--meeting", meeting["id"], "--out", str(again)).returncode == 0
    assert again.read_bytes() == out.read_bytes()
