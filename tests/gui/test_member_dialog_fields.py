"""Issue 13: the member dialog highlights the field a refusal concerns, chosen by the error's
field (UserError.field), and the message names it."""
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from kiemdiem_desktop.gui.common import style_property
from kiemdiem_desktop.gui.member_dialog import MemberDialog
from kiemdiem_desktop.model import Member, Period, PeriodKind
from kiemdiem_desktop.services import validate_member
from kiemdiem_desktop.i18n import UserError


def later() -> date:
    """A birth date after today, read when the test runs (a run may cross midnight)."""
    return date.today() + timedelta(days=40)


def open_dialog(qtbot, cf, member=None) -> MemberDialog:
    dlg = MemberDialog(cf, member)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def highlighted(widget) -> bool:
    return style_property(widget, "invalid") is True


def fill(dlg, **texts) -> None:
    for name, text in texts.items():
        getattr(dlg, name).setText(text)


# field -> (what is typed, the words of the message that name the field, the tab it is on)
CASES = {
    "full_name": ({"full_name": "   "}, "họ và tên", 0),
    "birth_date": ({"birth_date": "later"}, "Ngày sinh", 0),
    "official_date": ({"admission_date": "19/05/2012", "official_date": "19/05/2011"}, "Ngày chính thức", 0),
    "admission_date": ({"birth_date": "02/09/1990", "admission_date": "01/01/1985", "official_date": ""},
                       "Ngày vào Đảng", 0),
    "card_number": ({"card_number": "01.000002"}, "Số thẻ đảng viên 01.000002", 0),   # Trần Thị Ánh's
    "declared_on": ({"declared_on": "32/13/2020"}, "Ngày ghi loại đảng viên", 0),      # read by the dialog
}


@pytest.mark.parametrize("field", list(CASES))
def test_each_invalid_field_is_highlighted_and_named(qtbot, cell, field):
    typed, words, tab = CASES[field]
    dlg = open_dialog(qtbot, cell)
    fill(dlg, full_name="Đỗ Thị Dung", birth_date="05/03/1980", admission_date="19/05/2012")
    fill(dlg, **{k: later().strftime("%d/%m/%Y") if v == "later" else v for k, v in typed.items()})
    dlg.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    widget = getattr(dlg, field)
    assert dlg.isVisible() and dlg.error_label.isVisible()
    assert words in dlg.error_label.text()
    assert highlighted(widget)
    others = [w for n in CASES if (w := getattr(dlg, n)) is not widget]
    assert not any(highlighted(w) for w in others)
    assert dlg.tabs.currentIndex() == tab and dlg.focusWidget() is widget
    assert len(cell.members()) == 4


def test_a_period_ending_before_it_starts_highlights_the_periods_table(qtbot, cell):
    hung = next(m for m in cell.members() if m.full_name == "Nguyễn Văn Hùng")
    dlg = open_dialog(qtbot, cell, hung)
    dlg._add_period_row(Period(PeriodKind.SICK_LEAVE, date(2024, 3, 1), date(2024, 2, 1)))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "Khoảng thời gian “Nghỉ ốm" in dlg.error_label.text() and "kết thúc trước khi bắt đầu" in dlg.error_label.text()
    assert highlighted(dlg.periods) and not highlighted(dlg.full_name)
    assert dlg.tabs.currentIndex() == 1 and dlg.focusWidget() is dlg.periods
    # put right, the highlight goes and the member is saved
    dlg.periods.item(dlg.periods.rowCount() - 1, 2).setText("01/04/2024")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible() and not highlighted(dlg.periods)


def test_an_unreadable_date_in_the_table_highlights_the_table(qtbot, cell):
    dlg = open_dialog(qtbot, cell)
    fill(dlg, full_name="Đỗ Thị Dung")
    dlg.periods.item(0, 1).setText("31/02/2020")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "Khoảng thời gian dòng 1" in dlg.error_label.text() and "31/02/2020" in dlg.error_label.text()
    assert highlighted(dlg.periods) and dlg.tabs.currentIndex() == 1


def test_the_highlight_moves_with_the_refusal(qtbot, cell):
    dlg = open_dialog(qtbot, cell)
    fill(dlg, full_name="  ", card_number="01.000002")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert highlighted(dlg.full_name)
    fill(dlg, full_name="Đỗ Thị Dung")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert highlighted(dlg.card_number) and not highlighted(dlg.full_name)
    assert "Trần Thị Ánh" in dlg.error_label.text()


@pytest.mark.parametrize("member, field", [
    (Member(full_name=""), "full_name"),
    (Member(full_name="A", birth_date=date.today() + timedelta(days=400)), "birth_date"),
    (Member(full_name="A", admission_date=date(2012, 5, 19), official_date=date(2011, 5, 19)), "official_date"),
    (Member(full_name="A", birth_date=date(1990, 1, 1), admission_date=date(1985, 1, 1)), "admission_date"),
    (Member(full_name="A", periods=[Period(PeriodKind.MEMBERSHIP, date(2020, 1, 1), date(2019, 1, 1))]), "periods"),
    (Member(full_name="A", periods=[Period(PeriodKind.MEMBERSHIP, date(2020, 1, 1), date(2021, 1, 1)),
                                    Period(PeriodKind.SICK_LEAVE, date(2020, 12, 1))]), "periods"),
])
def test_every_refusal_of_a_member_carries_its_field(member, field):
    with pytest.raises(UserError) as caught:
        validate_member(member)
    assert caught.value.field == field and caught.value.code.startswith("member.")


def test_a_card_number_taken_carries_its_field(cell):
    m = Member(full_name="Đỗ Thị Dung", card_number="01.000002")
    with pytest.raises(UserError) as caught:
        cell.add_member(m).result()
    assert caught.value.field == "card_number" and "Trần Thị Ánh" in str(caught.value)
