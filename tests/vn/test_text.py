import unicodedata

import pytest

from kiemdiem_desktop.vn.text import clean, fold, initials, matches, nfc


def test_nfc_composes_decomposed_input():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert nfd != "Nguyễn Thị Ánh"
    assert nfc(nfd) == "Nguyễn Thị Ánh"


def test_clean_trims_collapses_and_drops_zero_width():
    assert clean("  Nguyễn\u200b  Văn\t\tHùng \n") == "Nguyễn Văn Hùng"
    assert clean(unicodedata.normalize("NFD", " Lê  Thị Đào ")) == "Lê Thị Đào"
    assert clean(None) == "" and clean("   ") == ""


@pytest.mark.parametrize("text, folded", [
    ("Nguyễn Văn Hùng", "nguyen van hung"),
    ("ĐẶNG THỊ ĐÀO", "dang thi dao"),
    ("Phạm Ngọc Hưởng", "pham ngoc huong"),
    (unicodedata.normalize("NFD", "Đỗ Quang Nghĩa"), "do quang nghia"),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_initials():
    assert initials("Nguyễn Văn Hùng") == "nvh"
    assert initials("  Đặng   Thị Ánh ") == "dta"
    assert initials("") == ""


@pytest.mark.parametrize("query", ["hung", "Hùng", "HÙNG", "van hung", "Văn Hùng", "nguyen",
                                   "nvh", "nv", "NVH", "", "  ", "guyễn v"])
def test_matches_name(query):
    assert matches(query, "Nguyễn Văn Hùng")


@pytest.mark.parametrize("query", ["hong", "nvt", "x", "vh x", "hùng nguyễn"])
def test_does_not_match(query):
    assert not matches(query, "Nguyễn Văn Hùng")


def test_matches_d_with_stroke():
    assert matches("dao", "Lê Thị Đào") and matches("đào", "Le Thi Dao") and matches("ltd", "Lê Thị Đào")
