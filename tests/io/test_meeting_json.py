"""The meeting JSON format (kiemdiem-meeting v1): export, import, round trip, refusals."""
import json
import sqlite3
import unicodedata
from datetime import date

import pytest

from kiemdiem_desktop.io import meeting_json as mj
from kiemdiem_desktop.io.json_schema import Validator
from kiemdiem_desktop.model import Cell
from kiemdiem_desktop.model.attendance import Presence
from kiemdiem_desktop.model.rating import DecisionKind
from kiemdiem_desktop.model.review import WrittenSource
from kiemdiem_desktop.model.vote import VoteKind, VoteMethod
from kiemdiem_desktop.model import Level
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import prepare_meeting
from kiemdiem_desktop.voting import VotingDesk

from tests.flow.conftest import Clock, twelve_members
from tests.io.meeting_doc import MEETING, hand_document, variant

TABLES = ("cell", "member", "member_period", "discipline", "meeting", "delegate", "agenda_step", "attendance",
          "self_review", "written_comment", "comment", "ballot", "vote", "vote_level", "rating", "level_decision",
          "command_log")


def counts(where) -> dict:
    """Rows per table, of an open CellFile or of a closed file."""
    def read(conn):
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    if isinstance(where, CellFile):
        return where.db.read(read)
    conn = sqlite3.connect(where)
    try:
        return read(conn)
    finally:
        conn.close()


def dump(cf: CellFile) -> dict:
    """Every row of every table, without the creation stamps (as sorted lists)."""
    def read(conn):
        out = {}
        for t in TABLES:
            cur = conn.execute(f"SELECT * FROM {t}")
            names = [d[0] for d in cur.description]
            out[t] = sorted(repr({k: v for k, v in zip(names, r) if k not in ("created_at", "updated_at")})
                            for r in cur)
        return out
    return cf.db.read(read)


@pytest.fixture
def held(tmp_path):
    """A meeting held through the session: every kind of record the format carries."""
    cf = CellFile.open(tmp_path / "nguon.kiemdiem", create=True)
    cf.save_cell(Cell(name="Chi bộ Văn phòng", higher_org="Đảng bộ Sở Nội vụ", has_committee=True)).result()
    for m in twelve_members():
        cf.add_member(m).result()
    s = prepare_meeting(cf, 2025, meeting_date=date(2025, 12, 10), place="Phòng họp tầng 3")
    s.clock = Clock("08:00")
    who = {m.full_name: m.id for m in s.members.values()}
    s.update_meeting(chair_id=who["Nguyễn Văn Hùng"], minute_taker_id=who["Bùi Thị Giang"], start_time="08:00")
    d = s.add_delegate("Trần Quốc Toản", "Ủy viên Ban Thường vụ")
    s.set_self_review(who["Lê Văn An"], summary="Tự kiểm điểm\nnhiều dòng", general_score=27, task_score=60,
                      proposed_level="GOOD")
    pdf = tmp_path / "ban-kiem-diem.pdf"
    pdf.write_bytes(b"%PDF-1.4 \x00\x01 scanned")
    s.attach_self_review_file(who["Lê Văn An"], pdf).result()
    s.add_written_comment(who["Trần Thị Lan"], WrittenSource.RESIDENCE, "Gương mẫu nơi cư trú.")
    s.start()
    s.mark_all_present()
    s.set_attendance(who["Hồ Thị Khánh"], Presence.ABSENT_APPROVED, "Đi công tác")
    s.set_attendance(who["Đỗ Văn Hải"], Presence.ABSENT_NO_REASON)
    s.arrive(who["Đỗ Văn Hải"], "08:20")
    desk = VotingDesk(s)
    agenda = desk.new_question(VoteKind.AGENDA, "Thông qua chương trình")
    desk.set_hands(agenda.id, 10, 0, 0)
    desk.record_result(agenda.id)
    step = s.current
    s.add_comment(step.id, s.speakers("toan")[0], "Ý kiến của đại biểu.")
    s.set_step_text(step.id, "conclusion", "Kết luận.")
    s.leave(who["Ngô Văn Long"], "10:00")
    s.clock.t = "10:30"
    votes = desk.new_rating_votes(VoteMethod.BALLOT, [who["Lê Văn An"], who["Trần Thị Lan"]])
    desk.set_counting_team(votes[0].ballot_id, [who["Lê Văn An"], who["Phạm Thị Bích"]])
    desk.set_papers(votes[0].ballot_id, 10, 10, 10, 0, double_entry=True)
    for v in votes:
        desk.set_levels(v.id, {"EXCELLENT": 2, "GOOD": 7, "BLANK": 1})
        desk.set_levels(v.id, {"EXCELLENT": 2, "GOOD": 7, "BLANK": 1}, entry=2)
    desk.accept_ballot(votes[0].ballot_id)
    desk.accept_score(who["Lê Văn An"], 26, 60, "Điều chỉnh điểm chung")
    desk.set_facts(who["Lê Văn An"], tasks_on_time_pct=100.0, note="Đúng hạn")
    desk.justify(who["Lê Văn An"], "366.ca-nhan.htxs.diem", "Lý do")
    desk.record_decision(who["Lê Văn An"], DecisionKind.DECIDED, Level.GOOD, date(2026, 1, 15), "12-QĐ/ĐU")
    s.flush()
    s.who, s.delegate = who, d
    yield cf, s
    cf.close(backup=False)


def test_export_is_valid_against_the_schema_and_holds_the_whole_meeting(held):
    cf, s = held
    data = mj.export_meeting(cf, s.meeting_id)
    assert Validator(json.loads(mj.schema_path().read_text(encoding="utf-8"))).errors(data) == []
    assert (data["format"], data["version"]) == ("kiemdiem-meeting", 2)
    assert set(data) >= {"cell", "members", "meeting"}
    m = data["meeting"]
    assert {"steps", "attendance", "self_reviews", "written_comments", "comments", "votes", "ballots", "ratings",
            "decisions", "delegates", "settings"} <= set(m)
    assert len(data["members"]) == 12 and all("periods" in x and "discipline" in x for x in data["members"])
    assert m["date"] == "2025-12-10"
    ballot = m["ballots"][0]
    assert (ballot["issued"], ballot["accepted"], len(ballot["counting_team"])) == (10, True, 2)
    rated = [v for v in m["votes"] if v["kind"] == "rating"]
    assert rated[0]["levels"] == {"EXCELLENT": 2, "GOOD": 7, "BLANK": 1} == rated[0]["second_entry"]
    att = next(r for r in m["self_reviews"] if r["attachment"])["attachment"]
    assert att["name"] == "ban-kiem-diem.pdf" and att["size"] == 19 and "data_base64" not in att
    assert "data_base64" in next(r for r in mj.export_meeting(cf, s.meeting_id, attachments=True)["meeting"]
                                 ["self_reviews"] if r["attachment"])["attachment"]
    assert m["decisions"][0]["reference"] == "12-QĐ/ĐU"
    assert m["ratings"][0]["justifications"] == {"366.ca-nhan.htxs.diem": "Lý do"}
    assert "paper" not in json.dumps(data)     # never a ballot paper


@pytest.mark.parametrize("attachments", [False, True])
def test_round_trip_export_import_export_gives_the_same_json(held, tmp_path, attachments):
    cf, s = held
    first = mj.export_meeting(cf, s.meeting_id, attachments=attachments)
    out = tmp_path / "cuoc-hop.json"
    mj.write_meeting_file(cf, s.meeting_id, out, attachments=attachments)
    assert json.loads(out.read_text(encoding="utf-8")) == first
    with CellFile.open(tmp_path / "moi.kiemdiem", create=True) as fresh:
        report = mj.import_meeting_file(fresh, out)
        assert report.meeting == "new" and len(report.members_added) == 12
        second = mj.export_meeting(fresh, s.meeting_id, attachments=attachments)
    if not attachments:   # named only: the bytes stay behind, so the fresh file has no attachment
        for r in first["meeting"]["self_reviews"]:
            r["attachment"] = None
    assert second == first


def test_importing_twice_changes_nothing(held, tmp_path):
    cf, s = held
    data = mj.export_meeting(cf, s.meeting_id, attachments=True)
    path = tmp_path / "dich.kiemdiem"
    with CellFile.open(path, create=True) as target:
        assert mj.import_meeting(target, data) == s.meeting_id
        rows_once, json_once = dump(target), mj.export_meeting(target, s.meeting_id, attachments=True)
        counts_once = counts(target)
        report = mj.import_meeting_report(target, data)
        assert report.meeting == "unchanged" and report.members_added == [] and len(report.members_kept) == 12
        assert dump(target) == rows_once and counts(target) == counts_once
        assert mj.export_meeting(target, s.meeting_id, attachments=True) == json_once
    assert counts(path)["member"] == 12 and counts(path)["meeting"] == 1


def test_a_changed_document_replaces_the_meeting_and_never_duplicates_members(held, tmp_path):
    cf, s = held
    data = mj.export_meeting(cf, s.meeting_id)
    with CellFile.open(tmp_path / "dich.kiemdiem", create=True) as target:
        mj.import_meeting(target, data)
        before = counts(target)
        data["meeting"]["place"] = "Hội trường lớn"
        data["meeting"]["comments"] = []
        assert mj.import_meeting_report(target, data).meeting == "replaced"
        after = counts(target)
        assert after["member"] == before["member"] == 12
        assert after["comment"] == before["comment"] - 1
        assert target.meetings()[0].place == "Hội trường lớn"


def test_members_are_matched_by_uuid_and_the_files_own_data_is_kept(held, tmp_path):
    cf, s = held
    data = mj.export_meeting(cf, s.meeting_id)
    data["members"][0]["work_unit"] = "Phòng khác"
    # The source file itself: every member exists; one differs, kept as the file has it.
    report = mj.import_meeting_report(cf, data)
    assert report.members_added == [] and report.members_different == [data["members"][0]["id"]]
    assert cf.member(data["members"][0]["id"]).work_unit == ""


def test_text_is_stored_nfc(tmp_path):
    with CellFile.open(tmp_path / "a.kiemdiem", create=True) as cf:
        mj.import_meeting(cf, hand_document())
        names = [m.full_name for m in cf.members()]
        assert "Lê Văn Cường" in names and all(unicodedata.is_normalized("NFC", n) for n in names)
        text = json.dumps(mj.export_meeting(cf, MEETING), ensure_ascii=False)
        assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("doc, path, words", [
    (variant(version=3), "version", "phiên bản 1 và 2"),
    (variant(format="khac"), "format", "kiemdiem-meeting"),
    (variant(meeting__votes__3__levels__GOOD=-4), "meeting.votes[3].levels.GOOD", "cần số nguyên không âm"),
    (variant(meeting__votes__1__levels__GOOD="3"), "meeting.votes[1].levels.GOOD", "cần số nguyên không âm"),
    (variant(meeting__votes__0__yes=2.5), "meeting.votes[0].yes", "cần số nguyên không âm"),
    (variant(meeting__votes__2__levels__MAYBE=1), "meeting.votes[2].levels.MAYBE", "tên trường không hợp lệ"),
    (variant(meeting__attendance__0__member_id="00000000-0000-4000-8000-000000000999"),
     "meeting.attendance[0].member_id", "không có đảng viên"),
    (variant(meeting__votes__4__subject="00000000-0000-4000-8000-000000000998"), "meeting.votes[4].subject",
     "không có đối tượng"),
    (variant(meeting__attendance__2__status="tre"), "meeting.attendance[2].status", "absent_approved"),
    (variant(meeting__date="10/12/2025"), "meeting.date", "YYYY-MM-DD"),
    (variant(meeting__steps__0__started_at="8h"), "meeting.steps[0].started_at", "HH:MM"),
    (variant(meeting__rule_set_id="qd999"), "meeting.rule_set_id", "qd999"),
    (variant(members__1__id="O2"), "members[1].id", "UUID"),
    (variant(meeting__comments__0__step_id="00000000-0000-4000-8000-000000000997"), "meeting.comments[0].step_id",
     "không có bước"),
])
def test_bad_documents_are_refused_with_the_path_and_nothing_written(tmp_path, doc, path, words):
    with CellFile.open(tmp_path / "a.kiemdiem", create=True) as cf:
        before = dump(cf)
        with pytest.raises(mj.MeetingJsonError) as err:
            mj.import_meeting(cf, doc)
        message = str(err.value)
        assert f"\n{path}: " in message and words in message, message
        assert "chưa ghi gì" in message
        assert dump(cf) == before


def test_a_missing_required_field_is_named(tmp_path):
    doc = hand_document()
    del doc["meeting"]["votes"][2]["question"]
    del doc["members"][4]["full_name"]
    with CellFile.open(tmp_path / "a.kiemdiem", create=True) as cf:
        with pytest.raises(mj.MeetingJsonError) as err:
            mj.import_meeting(cf, doc)
    lines = str(err.value).splitlines()
    assert "members[4].full_name: thiếu (trường bắt buộc)" in lines
    assert "meeting.votes[2].question: thiếu (trường bắt buộc)" in lines


def test_a_conflict_found_while_writing_rolls_everything_back(tmp_path):
    from kiemdiem_desktop.model import Member

    with CellFile.open(tmp_path / "a.kiemdiem", create=True) as cf:
        cf.add_member(Member(full_name="Người Khác", card_number="01.000005")).result()   # O5's card
        before = dump(cf)
        with pytest.raises(mj.MeetingJsonError, match=r"members\[4\]\.card_number: .*Người Khác"):
            mj.import_meeting(cf, hand_document())
        assert dump(cf) == before


def test_a_locked_meeting_is_not_overwritten_by_different_content(tmp_path):
    doc = variant(meeting__state="locked")
    with CellFile.open(tmp_path / "a.kiemdiem", create=True) as cf:
        mj.import_meeting(cf, doc)
        assert mj.import_meeting_report(cf, doc).meeting == "unchanged"
        doc["meeting"]["place"] = "Nơi khác"
        with pytest.raises(mj.MeetingJsonError, match="đã khóa"):
            mj.import_meeting(cf, doc)
