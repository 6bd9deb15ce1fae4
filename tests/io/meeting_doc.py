"""A meeting written by hand in the kiemdiem-meeting format (version 1), for the import and
results tests. The figures are worked out by hand in tests/cli/test_meeting_cli.py.

The cell: 10 official members O1…O10, one official member A1 absent for the whole meeting
with a reason the chair approved, and one probationary member P1 (admitted 9 months
before the meeting: reviewed and rated, not counted, does not vote).
O9 is absent at the roll call and arrives at 08:30; O10 leaves at 10:00, before the
rating votes; O5–O8 leave at 11:00, before the last vote.
"""
import copy
import unicodedata


def uid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


MEETING = uid(900)
STEP_OPEN, STEP_REVIEW, STEP_VOTES = uid(801), uid(802), uid(803)
O = {i: uid(i) for i in range(1, 11)}        # O1 … O10
A1, P1 = uid(11), uid(12)
NAMES = {1: "Nguyễn Văn An", 2: "Trần Thị Bình", 3: "Lê Văn Cường", 4: "Phạm Thị Dung", 5: "Hoàng Văn Em",
         6: "Vũ Thị Giang", 7: "Đặng Văn Hải", 8: "Bùi Thị Hoa", 9: "Đỗ Văn Khoa", 10: "Ngô Văn Lâm"}


def _member(mid: str, name: str, n: int, *, official: bool = True) -> dict:
    m = {"id": mid, "full_name": name, "birth_date": f"{1970 + n}-0{1 + n % 9}-15",
         "card_number": f"01.{n:06d}" if official else "",
         "party_post": "party_secretary" if n == 1 else "member",
         "admission_date": f"{2000 + n}-05-19" if official else "2025-03-01",
         "official_date": f"{2001 + n}-05-19" if official else None,
         "periods": [{"kind": "membership", "start": "2015-01-01", "end": None}]}
    return m


def hand_document() -> dict:
    members = [_member(O[i], NAMES[i], i) for i in range(1, 11)]
    members.append(_member(A1, "Dương Thị Mai", 11))
    members.append(_member(P1, "Lý Văn Nam", 12, official=False))
    # Typed with decomposed accents (as Unikey may emit): stored NFC.
    members[2]["full_name"] = unicodedata.normalize("NFD", NAMES[3])

    def rating(vid: int, subject: str, at: str, levels: dict) -> dict:
        return {"id": uid(vid), "kind": "rating", "question": f"Xếp loại chất lượng năm 2025: {subject}",
                "method": "hands", "subject": subject, "step_id": STEP_VOTES, "taken_at": at, "levels": levels,
                "recorded": True}

    attendance = [{"member_id": O[i], "status": "present"} for i in range(1, 9)]
    attendance[4:8] = [{"member_id": O[i], "status": "present", "left_at": "11:00"} for i in range(5, 9)]
    attendance += [
        {"member_id": O[9], "status": "absent_no_reason", "arrived_at": "08:30"},
        {"member_id": O[10], "status": "present", "left_at": "10:00"},
        {"member_id": A1, "status": "absent_approved", "reason": "Đi công tác"},
        {"member_id": P1, "status": "present"},
    ]
    return {
        "format": "kiemdiem-meeting",
        "version": 1,
        "cell": {"name": "Chi bộ Phòng Thử nghiệm", "higher_org": "Đảng bộ Sở Khoa học", "code": "CB-TN",
                 "is_grassroots": False, "has_committee": False},
        "members": members,
        "meeting": {
            "id": MEETING, "kind": "main", "rating_year": 2025, "rule_set_id": "qd366-hd43", "state": "held",
            "date": "2025-12-10", "start_time": "08:00", "end_time": "11:30", "place": "Phòng họp số 2",
            "chair_id": O[1], "minute_taker_id": O[2],
            "steps": [
                {"id": STEP_OPEN, "kind": "opening", "title": "Khai mạc", "state": "done", "started_at": "08:00"},
                {"id": STEP_REVIEW, "kind": "member_review", "title": "Kiểm điểm đồng chí Lê Văn Cường",
                 "state": "done", "subject_member_id": O[3], "started_at": "09:00",
                 "conclusion": "Hội nghị ghi nhận."},
                {"id": STEP_VOTES, "kind": "rating_votes", "title": "Biểu quyết xếp loại", "state": "done",
                 "started_at": "10:30"},
            ],
            "attendance": attendance,
            "self_reviews": [
                {"member_id": O[1], "general_score": 28, "task_score": 64, "proposed_level": "EXCELLENT"},
                {"member_id": O[2], "general_score": 28, "task_score": 63, "proposed_level": "EXCELLENT"},
                {"member_id": O[3], "general_score": 25, "task_score": 55, "proposed_level": "GOOD",
                 "summary": unicodedata.normalize("NFD", "Hạn chế: chậm nộp báo cáo.")},
            ],
            "comments": [{"id": uid(701), "step_id": STEP_REVIEW, "speaker_member_id": O[1],
                          "speaker_name": NAMES[1], "text": "Đề nghị đồng chí khắc phục.", "spoken_at": "09:05"}],
            "votes": [
                {"id": uid(601), "kind": "agenda", "question": "Thông qua chương trình hội nghị", "method": "hands",
                 "step_id": STEP_OPEN, "taken_at": "08:05", "yes": 9, "no": 0, "abstain": 0, "recorded": True},
                rating(602, O[1], "10:30", {"EXCELLENT": 6, "GOOD": 3}),
                rating(603, O[2], "10:31", {"EXCELLENT": 2, "GOOD": 5, "COMPLETED": 2}),
                rating(604, O[3], "10:32", {"EXCELLENT": 1, "GOOD": 4, "COMPLETED": 4}),
                rating(605, P1, "10:33", {"GOOD": 6, "COMPLETED": 3}),
                {"id": uid(606), "kind": "other", "question": "Thông qua kiến nghị gửi Đảng ủy", "method": "hands",
                 "taken_at": "11:05", "yes": 5, "no": 0, "abstain": 0},
            ],
            "ratings": [{"subject": O[3], "accepted_general": 25, "accepted_task": 52,
                         "score_change_reason": "Một nhiệm vụ quý IV chậm tiến độ"}],
        },
    }


def variant(**changes) -> dict:
    d = copy.deepcopy(hand_document())
    for path, value in changes.items():
        node = d
        keys = path.split("__")
        for k in keys[:-1]:
            node = node[int(k)] if k.isdigit() else node[k]
        last = keys[-1]
        node[int(last) if last.isdigit() else last] = value
    return d
