"""Dates the Vietnamese way: dd/mm/yyyy, never mm/dd."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..i18n import QT_TRANSLATE_NOOP, UserMessage, msg

__all__ = ["DateError", "format_date", "parse_date"]

_EXCEL_EPOCH = date(1899, 12, 30)   # Excel's 1900 date system, after its 1900-02-29 bug
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d+)$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY_TIME = re.compile(r"^(.+?)\s+\d{1,2}:\d{2}(?::\d{2})?$")
_YEAR = re.compile(r"^\d{4}$")


class DateError(ValueError):
    """A date that cannot be read; ``str()`` is the Vietnamese reason, ``message`` the template."""

    def __init__(self, message: UserMessage):
        self.message = message
        super().__init__(str(message))


def format_date(d: date | None) -> str:
    """dd/mm/yyyy, or "" for no date."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def _bad(value: object) -> DateError:
    return DateError(msg(QT_TRANSLATE_NOOP(
        "core", "Ngày không hợp lệ: «{value}», cần dạng ngày/tháng/năm (ví dụ 02/09/1975)"),
        value=value))


def _make(y: int, m: int, d: int, original: object) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise DateError(msg(QT_TRANSLATE_NOOP(
            "core", "Ngày không hợp lệ: «{value}» (không có ngày {day} tháng {month} năm {year})"),
            value=original, day=d, month=m, year=y)) from None


def parse_date(value: object) -> date | None:
    """Read a date: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, Excel values.

    Excel cells may give a ``datetime``/``date`` or a serial number (days since
    30/12/1899). ``None`` and blank text give ``None``. A bare year ("1975"), a two-digit
    year or anything else raise :class:`DateError` (a ``ValueError``) whose text says,
    in Vietnamese, which value is wrong and what is expected. Day comes before month.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise _bad(value)
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):  # NaN / inf
            raise _bad(value)
        whole = int(value)
        if 1000 <= whole <= 2999 and whole == value:
            # A year alone, typed in a number cell ("Năm sinh": 1975): we need the full date.
            raise DateError(msg(QT_TRANSLATE_NOOP(
                "core", "Chỉ có năm «{value}», cần đủ ngày/tháng/năm"), value=whole))
        if not 1 <= whole <= 2958465:
            raise _bad(value)
        return _EXCEL_EPOCH + timedelta(days=whole)
    text = " ".join(str(value).split())
    if not text:
        return None
    m = _DMY_TIME.match(text)
    if m and not _YMD.match(text):
        text = m.group(1)
    m = _YMD.match(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), value)
    m = _DMY.match(text)
    if m:
        day, month, year = m.group(1), m.group(2), m.group(3)
        if len(year) != 4:
            raise DateError(msg(QT_TRANSLATE_NOOP(
                "core", "Ngày không hợp lệ: «{value}», năm phải đủ 4 chữ số (ví dụ 02/09/1975)"),
                value=value))
        return _make(int(year), int(month), int(day), value)
    if _YEAR.match(text):
        raise DateError(msg(QT_TRANSLATE_NOOP(
            "core", "Chỉ có năm «{value}», cần đủ ngày/tháng/năm"), value=text))
    raise _bad(value)
