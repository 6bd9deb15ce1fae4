"""Citations as DOMAIN.md §7 writes them, from the rule sets' data."""
from datetime import date

from kiemdiem_desktop.rules.citation import article_citation, citation_date, citation_text, rule_verification
from kiemdiem_desktop.rules.ruleset import rule_set


def test_the_grounds_of_366_and_124():
    assert citation_text(rule_set("qd366-hd43")) == (
        "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị và "
        "Hướng dẫn số 43-HD/BTCTW, ngày 31/10/2025 của Ban Tổ chức Trung ương")
    assert citation_text(rule_set("qd124-hd25")) == (
        "Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị và "
        "Hướng dẫn số 25-HD/BTCTW, ngày 25/10/2023 của Ban Tổ chức Trung ương")


def test_leading_zeros_for_days_below_ten_and_january_february_only():
    assert [citation_date(d) for d in (date(2025, 8, 30), date(2023, 10, 4), date(2024, 2, 5), date(2024, 4, 5))] == [
        "30/8/2025", "04/10/2023", "05/02/2024", "05/4/2024"]


def test_an_article_in_full_and_the_verification_flags_for_the_window():
    r = rule_set("qd366-hd43")
    assert article_citation(r, "Quy định 366-QĐ/TW, Điều 11 khoản 1") == (
        "Điều 11 khoản 1 Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị")
    assert article_citation(r, "Quy định 366-QĐ/TW") == "Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị"
    assert article_citation(r, "Điều lệ Đảng, Điều 5") == "Điều lệ Đảng, Điều 5"
    flags = {x["id"]: x for x in rule_verification(r)}
    assert flags["366.ca-nhan.htxs.diem"]["verified"] is True
    assert flags["366.ca-nhan.khtn.diem"]["verified"] is False and flags["366.ca-nhan.khtn.diem"]["note"]
