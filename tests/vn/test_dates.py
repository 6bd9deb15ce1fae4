from datetime import date, datetime

import pytest

from kiemdiem_desktop.vn.dates import DateError, format_date, parse_date


def test_format_date():
    assert format_date(date(1975, 9, 2)) == "02/09/1975"
    assert format_date(None) == ""


@pytest.mark.parametrize("text", ["02/09/1975", "2/9/1975", "02-09-1975", "02.09.1975",
                                  "1975-09-02", " 2 / 9 / 1975 ", "02/09/1975 00:00:00",
                                  "1975-09-02 00:00:00", "1975-09-02T00:00:00"])
def test_parse_text(text):
    assert parse_date(text) == date(1975, 9, 2)


def test_day_comes_before_month():
    assert parse_date("03/04/1980") == date(1980, 4, 3)
    with pytest.raises(DateError) as e:
        parse_date("04/13/1980")        # an American date: there is no 13th month
    assert "04/13/1980" in str(e.value)


def test_excel_values():
    assert parse_date(datetime(1980, 4, 3, 0, 0)) == date(1980, 4, 3)
    assert parse_date(date(1980, 4, 3)) == date(1980, 4, 3)
    assert parse_date(29314) == date(1980, 4, 3)       # Excel serial number
    assert parse_date(29314.0) == date(1980, 4, 3)
    assert parse_date(None) is None and parse_date("  ") is None


@pytest.mark.parametrize("value", ["1975", 1975])
def test_bare_year_refused_in_vietnamese(value):
    with pytest.raises(ValueError) as e:
        parse_date(value)
    assert str(e.value) == "Chỉ có năm «1975», cần đủ ngày/tháng/năm"


def test_two_digit_year_refused():
    with pytest.raises(DateError) as e:
        parse_date("02/09/75")
    assert str(e.value) == "Ngày không hợp lệ: «02/09/75», năm phải đủ 4 chữ số (ví dụ 02/09/1975)"


def test_impossible_and_garbage():
    with pytest.raises(DateError) as e:
        parse_date("31/02/1980")
    assert str(e.value) == "Ngày không hợp lệ: «31/02/1980» (không có ngày 31 tháng 2 năm 1980)"
    with pytest.raises(DateError) as e:
        parse_date("mùng 2 tháng 9")
    assert str(e.value) == ("Ngày không hợp lệ: «mùng 2 tháng 9», cần dạng ngày/tháng/năm "
                            "(ví dụ 02/09/1975)")
    with pytest.raises(DateError):
        parse_date(True)
