import unicodedata
from datetime import date

import pytest

from kiemdiem_desktop.model import Member
from kiemdiem_desktop.vn.collation import name_sort_key, sort_members

# (earlier, later) in Vietnamese name order.
PAIRS = [
    ("Lê Văn An", "Nguyễn Thị Ánh"),         # An before Anh: the given name first
    ("Trần Văn Bình", "Phạm Thị Chi"),       # b before c, the family name does not matter
    ("Nguyễn Văn Dũng", "Lê Thị Đào"),       # d before đ
    ("Lê Thị Đào", "Trần Văn Em"),           # đ before e
    ("Nguyễn Văn Ém", "Hà Thị Ê"),           # e before ê: the base letter decides before the tone
    ("Bùi Văn Hà", "Lê Thị Hạ"),             # huyền before nặng
    ("Vũ Ngọc Anh", "Vũ Ngọc Ánh"),          # same letters: the tone breaks the tie
    ("Lê Văn Ăn", "Lê Văn Ân"),              # ă before â
    ("Lê Văn On", "Lê Văn Ôn"),              # o before ô
    ("Lê Văn Ôn", "Lê Văn Ơn"),              # ô before ơ
    ("Đỗ Thị Uyên", "Đỗ Thị Ưng"),           # u before ư
    ("Lê Văn Hùng", "Nguyễn Văn Hùng"),      # same given name: the family name next
    ("Nguyễn Anh Tuấn", "Nguyễn Văn Tuấn"),  # then the middle names
    ("Nguyễn Tuấn", "Nguyễn Anh Tuấn"),      # no middle name before a middle name
    ("Phan Văn Xuân", "Trần Thị Yến"),       # x before y
    ("Hoàng Thị Ý", "Lê Văn Zô"),            # z (foreign) after y
    ("Nguyễn Văn 2", "Nguyễn Văn A"),        # digits before letters
    ("Trần Thị Gấm", "Lê Văn Giang"),        # "gâ" < "gi": â before i
]


def test_an_before_anh_and_tone_tie_break_after_letters():
    names = ["Nguyễn Thị Ánh", "Lê Văn An", "Trần Văn Anh", "Lê Văn Ân", "Lê Văn Ăn"]
    ordered = sorted(names, key=name_sort_key)
    assert ordered == ["Lê Văn An", "Trần Văn Anh", "Nguyễn Thị Ánh", "Lê Văn Ăn", "Lê Văn Ân"]


@pytest.mark.parametrize("earlier, later", PAIRS)
def test_pairs(earlier, later):
    assert name_sort_key(earlier) < name_sort_key(later)
    assert sorted([later, earlier], key=name_sort_key) == [earlier, later]


def test_tone_order_ngang_huyen_hoi_nga_sac_nang():
    tones = ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
    shuffled = ["Mạ", "Má", "Ma", "Mã", "Mà", "Mả"]
    assert sorted(shuffled, key=name_sort_key) == tones


def test_tone_is_only_a_tie_break():
    # "Mạnh" has a heavier tone than "Mai", but the letters decide first: i < n.
    assert sorted(["Lê Văn Mạnh", "Trần Thị Mai"], key=name_sort_key) == ["Trần Thị Mai", "Lê Văn Mạnh"]
    # "Hà" vs "Hai": the shorter "Ha" letters come first, whatever the tone.
    assert sorted(["Lê Thị Hai", "Lê Thị Hạ"], key=name_sort_key) == ["Lê Thị Hạ", "Lê Thị Hai"]


def test_on_before_on_circumflex_before_on_horn():
    assert sorted(["Ơn", "On", "Ôn"], key=name_sort_key) == ["On", "Ôn", "Ơn"]


def test_given_name_first_then_family_then_middle():
    names = ["Trần Văn Bình", "Nguyễn Thị Bình", "Nguyễn Văn Bình", "Lê An"]
    assert sorted(names, key=name_sort_key) == [
        "Lê An", "Nguyễn Thị Bình", "Nguyễn Văn Bình", "Trần Văn Bình"]


def test_nfd_sorts_as_nfc_and_case_is_ignored():
    for name in ["Nguyễn Thị Ánh", "Đặng Văn Ượng", "Lê Thị Ỷ"]:
        assert name_sort_key(unicodedata.normalize("NFD", name)) == name_sort_key(name)
        assert name_sort_key(name.upper()) == name_sort_key(name)
    assert name_sort_key("  Lê   Văn  An ") == name_sort_key("Lê Văn An")


def test_sort_members_ties_by_birth_date_then_id():
    a = Member("Nguyễn Văn An", birth_date=date(1980, 1, 1), id="b")
    b = Member("Nguyễn Văn An", birth_date=date(1975, 5, 5), id="c")
    c = Member("Nguyễn Văn An", birth_date=date(1975, 5, 5), id="a")
    d = Member("Lê Thị Ánh", birth_date=date(1970, 1, 1), id="z")
    e = Member("Trần Bình", birth_date=None, id="y")
    assert [m.id for m in sort_members([e, d, a, b, c])] == ["a", "c", "b", "z", "y"]
