"""Opening the file for the window reads its first screen ahead (CellFile.read_ahead): the same
answers as reading when asked, and never an answer older than a write."""
from datetime import date

from kiemdiem_desktop.model import Cell, Member
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.services.demo import create_demo


def _names(entries):
    return [(e.member.full_name, e.category, e.leave, e.left_on) for e in entries]


def test_read_ahead_answers_as_a_fresh_read(tmp_path):
    path = tmp_path / "mau.kiemdiem"
    create_demo(path, members=20, finished=True).close(backup=False)
    ahead = CellFile.open_in_background(path).result()
    try:
        assert ahead._ahead is not None and set(ahead._ahead) >= {"roster", "cell", "meeting_under_way"}
        first = (ahead.meeting_under_way(), ahead.cell(), _names(ahead.roster()))
        assert ahead._ahead == {"writes": ahead.db.writes}                  # each handed out once
        again = (ahead.meeting_under_way(), ahead.cell(), _names(ahead.roster()))   # read when asked
        assert first == again
        assert first[0] is False and len(first[2]) == 20
    finally:
        ahead.close(backup=False)


def test_a_meeting_under_way_reads_the_meetings_ahead_instead_of_the_roster(tmp_path):
    path = tmp_path / "mau.kiemdiem"
    create_demo(path, members=12).close(backup=False)                       # its meeting being prepared
    ahead = CellFile.open_in_background(path).result()
    try:
        assert "roster" not in ahead._ahead
        assert ahead.meeting_under_way() is True
        meetings = ahead.meetings()
        assert [m.id for m in meetings] == [m.id for m in ahead.meetings()]
    finally:
        ahead.close(backup=False)


def test_nothing_read_ahead_is_given_after_a_write(tmp_path):
    path = tmp_path / "chi-bo.kiemdiem"
    CellFile.open(path, create=True).close(backup=False)
    cf = CellFile.open_in_background(path).result()
    try:
        cf.save_cell(Cell(name="Chi bộ Phòng Tổ chức")).result()
        cf.add_member(Member(full_name="Nguyễn Văn Hùng", birth_date=date(1975, 9, 2)),
                      joined_on=date(2015, 1, 1)).result()
        assert cf.cell().name == "Chi bộ Phòng Tổ chức"
        assert [e.member.full_name for e in cf.roster()] == ["Nguyễn Văn Hùng"]
    finally:
        cf.close(backup=False)
