"""Qt's enum values as the plain numbers Qt itself passes and stores, for the code that runs before
the window's first frame.

Naming ``PySide6.QtCore.Qt`` — even ``from PySide6.QtCore import Qt`` — builds PySide6's whole Qt
namespace: 93 Python enums with 1,195 members, about 12 ms, which a bare PySide6 window never pays.
So the start-up path (the main window, the roster) compares item roles with these numbers in
``data()``, sets enum-typed properties with ``setProperty`` and holds its header labels in a C++ model;
what needs a real enum (sorting by a header click) is set up right after the first frame
(``common.after_first_paint``). ``tests/gui/test_first_paint.py`` checks that each number is Qt's own
value and that the first frame is painted without the namespace."""

# Qt::ItemDataRole
DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
TEXT_ALIGNMENT_ROLE = 7
FOREGROUND_ROLE = 9

# Qt::AlignmentFlag: AlignHCenter | AlignVCenter
ALIGN_CENTER = 0x84

# Qt::ShortcutContext
APPLICATION_SHORTCUT = 2
WIDGET_WITH_CHILDREN_SHORTCUT = 3
