"""Issue 13: the guide's pages come from one registry {StepKind: page} (gui/meeting/pages/); the
window shows, for each step of a real meeting, the page the registry names, with the keyboard in it."""
from PySide6.QtWidgets import QApplication

from kiemdiem_desktop.gui.meeting.pages import OTHER, PAGES, all_pages, page_for
from kiemdiem_desktop.model.review import StepKind


def test_every_step_kind_has_a_page():
    assert set(PAGES) == set(StepKind)
    names = [p.name for p in all_pages()]
    assert len(names) == len(set(names))               # a page serving two kinds is made once
    assert PAGES[StepKind.MEMBER_REVIEW] is PAGES[StepKind.COLLECTIVE_REVIEW]
    assert PAGES[StepKind.RATING_VOTES] is PAGES[StepKind.CELL_RATING]


def test_each_step_shows_its_registered_page(meeting_file, open_guide, qtbot):
    path, meeting_id = meeting_file
    w, cf = open_guide(path, meeting_id)
    s = w.session
    added = s.add_step("Đồng chí Bí thư Đảng ủy phát biểu chỉ đạo", after_step_id=s.record.steps[0].id)
    kinds = {st.kind for st in s.record.steps}
    assert kinds == set(StepKind)                        # the meeting has a step of every kind
    for page in all_pages():
        assert w.body.indexOf(getattr(w, page.name)) >= 0
    for step in s.record.steps:
        s.meeting.current_step_id = step.id            # shown only: nothing is written
        w.refresh()
        QApplication.processEvents()
        page = getattr(w, page_for(step.kind).name)
        assert w.body.currentWidget() is page, step.kind
        assert page.isVisible()
        focus = QApplication.focusWidget()
        assert focus is not None and page.isAncestorOf(focus), (step.kind, focus)
        if step.id == added.id:
            assert page is w.other and w.other.title.text() == "Đồng chí Bí thư Đảng ủy phát biểu chỉ đạo"
    # the roll call over any step, and back (F3)
    w.toggle_roll()
    assert w.body.currentWidget() is w.roll_page and w.roll_page.isAncestorOf(QApplication.focusWidget())
    w.toggle_roll()
    assert w.body.currentWidget() is getattr(w, page_for(s.current.kind).name)
    assert page_for(StepKind.OTHER) is OTHER
