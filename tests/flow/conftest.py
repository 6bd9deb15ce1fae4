from datetime import date

import pytest

from kiemdiem_desktop.model import Cell, Gender, Member, PartyPost, Period, PeriodKind
from kiemdiem_desktop.services import CellFile

NAMES = [("Nguyễn Văn Hùng", PartyPost.SECRETARY), ("Trần Thị Lan", PartyPost.DEPUTY),
         ("Lê Văn An", PartyPost.COMMITTEE), ("Phạm Thị Bích", PartyPost.MEMBER),
         ("Hoàng Văn Cường", PartyPost.MEMBER), ("Vũ Thị Dung", PartyPost.MEMBER),
         ("Đặng Văn Đức", PartyPost.MEMBER), ("Bùi Thị Giang", PartyPost.MEMBER),
         ("Đỗ Văn Hải", PartyPost.MEMBER), ("Hồ Thị Khánh", PartyPost.MEMBER),
         ("Ngô Văn Long", PartyPost.MEMBER), ("Dương Thị Mai", PartyPost.MEMBER)]


def twelve_members() -> list[Member]:
    return [Member(full_name=n, party_post=post, birth_date=date(1970 + i, 1 + i % 12, 5),
                   gender=Gender.FEMALE if " Thị " in n else Gender.MALE,
                   admission_date=date(2000 + i, 3, 1), official_date=date(2001 + i, 3, 1),
                   card_number=f"01.{i:06d}", periods=[Period(PeriodKind.MEMBERSHIP, date(2015, 1, 1))])
            for i, (n, post) in enumerate(NAMES)]


def twelve_member_cell(path) -> CellFile:
    """A new data file: Chi bộ Văn phòng with its committee and the twelve members above."""
    cf = CellFile.open(path, create=True)
    cf.save_cell(Cell(name="Chi bộ Văn phòng", higher_org="Đảng bộ Sở Nội vụ", has_committee=True,
                      locality="Hà Nội")).result()
    for m in twelve_members():
        cf.add_member(m).result()
    return cf


@pytest.fixture
def cell_file(tmp_path):
    cf = twelve_member_cell(tmp_path / "chi-bo.kiemdiem")
    yield cf
    cf.close(backup=False)


class Clock:
    def __init__(self, t="08:00"):
        self.t = t

    def __call__(self):
        return self.t
