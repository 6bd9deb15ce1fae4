"""Roster use cases as the window and the command line call them."""
import unicodedata
from datetime import date

import pytest

from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.model import Category, Member, Period, PeriodKind
from kiemdiem_desktop.services import CellFile


@pytest.fixture
def cf(tmp_path):
    f = CellFile.open(tmp_path / "chi-bo.kiemdiem", create=True)
    yield f
    f.close(backup=False)


def test_typed_decomposed_text_is_stored_nfc(cf):
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị Ánh  ")
    cf.add_member(Member(full_name=nfd, birth_date=date(1990, 2, 3), work_unit=unicodedata.normalize("NFD", "Phòng Tổ chức"))).result()
    m = cf.members()[0]
    assert m.full_name == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", m.full_name)
    assert m.work_unit == "Phòng Tổ chức"


def test_a_member_who_leaves_is_kept_with_history(cf):
    m = Member(full_name="Trần Văn Bình", birth_date=date(1975, 4, 30), admission_date=date(2000, 5, 19),
               official_date=date(2001, 5, 19),
               periods=[Period(PeriodKind.MEMBERSHIP, date(2010, 1, 1)),
                        Period(PeriodKind.SICK_LEAVE, date(2024, 1, 1), date(2024, 6, 30))])
    cf.add_member(m).result()
    cf.mark_left(m.id, date(2025, 10, 1), "Chuyển sinh hoạt về Chi bộ Sở Tài chính").result()
    entries = cf.roster(on=date(2025, 11, 1))
    assert [(e.member.full_name, e.category, e.left_on) for e in entries] == [
        ("Trần Văn Bình", Category.NOT_IN_CELL, date(2025, 10, 1))]
    assert cf.roster(on=date(2025, 11, 1), include_former=False) == []
    kept = cf.member(m.id)
    assert kept.periods_of(PeriodKind.SICK_LEAVE)[0].end == date(2024, 6, 30)
    assert kept.periods_of(PeriodKind.MEMBERSHIP)[0].note == "Chuyển sinh hoạt về Chi bộ Sở Tài chính"
    assert cf.roster(on=date(2025, 9, 30))[0].category == Category.OFFICIAL
    # left on 01/10: no longer in the cell on that day (the membership's last day is 30/09)
    assert cf.roster(on=date(2025, 10, 1))[0].category == Category.NOT_IN_CELL
    assert kept.periods_of(PeriodKind.MEMBERSHIP)[0].end == date(2025, 9, 30)
    with pytest.raises(UserError, match="đã không còn sinh hoạt"):
        cf.mark_left(m.id, date(2025, 12, 1))


@pytest.mark.parametrize("member, message, field", [
    (Member(full_name="  "), "Chưa nhập họ và tên", "full_name"),
    (Member(full_name="Lê Văn Cường", birth_date=date(2090, 1, 1)), "Ngày sinh của Lê Văn Cường ở sau hôm nay",
     "birth_date"),
    (Member(full_name="Lê Văn Cường", admission_date=date(2010, 1, 1), official_date=date(2009, 1, 1)),
     "Ngày chính thức của Lê Văn Cường ở trước ngày vào Đảng", "official_date"),
    (Member(full_name="Lê Văn Cường", birth_date=date(1990, 1, 1), admission_date=date(1989, 1, 1)),
     "Ngày vào Đảng của Lê Văn Cường ở trước ngày sinh", "admission_date"),
    (Member(full_name="Lê Văn Cường", periods=[Period(PeriodKind.SUSPENSION, date(2025, 5, 1), date(2025, 1, 1))]),
     "kết thúc trước khi bắt đầu", "periods"),
])
def test_impossible_members_are_refused_and_nothing_is_written(cf, member, message, field):
    with pytest.raises(UserError, match=message) as refused:
        cf.save_member(member)
    assert refused.value.field == field and refused.value.code.startswith("member.")   # the field, never the words
    assert cf.members() == []


def test_card_numbers_are_unique(cf):
    cf.add_member(Member(full_name="Phạm Thị Dung", card_number="01.000123")).result()
    with pytest.raises(UserError, match="Số thẻ đảng viên 01.000123 đã được ghi cho Phạm Thị Dung"):
        cf.add_member(Member(full_name="Phạm Văn Đông", card_number="01.000123")).result()
    assert [m.full_name for m in cf.members()] == ["Phạm Thị Dung"]
