"""Every style is in ui/style.qss (ARCHITECTURE.md): no setStyleSheet() in gui/ except the two
places that load that file into the application (gui/app.py at start, gui/main_window.py's
apply_zoom, which adds the zoom mark). A state a widget shows is a dynamic property the sheet
reads (QLabel[state="error"]), set by gui/common.py set_style_property."""
import ast

from tests.helpers import ROOT

GUI = ROOT / "kiemdiem_desktop" / "gui"
LOADERS = {("app.py", "setup_application"), ("main_window.py", "apply_zoom")}
# Files allowed to keep a literal style for now (the static dialogs' forms have landed: none). Only shrinks.
NOT_YET: set[str] = set()


def style_sheet_calls():
    """(file relative to gui/, enclosing function, line) of every ``….setStyleSheet(…)`` call."""
    out = []
    for path in sorted(GUI.rglob("*.py")):
        rel = path.relative_to(GUI).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node, func=""):
            for child in ast.iter_child_nodes(node):
                name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else func
                if (isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute)
                        and child.func.attr == "setStyleSheet"):
                    out.append((rel, func, child.lineno))
                visit(child, name)

        visit(tree)
    return out


def test_no_style_sheet_outside_ui_style_qss():
    calls = style_sheet_calls()
    assert {(f, fn) for f, fn, _ in calls} >= LOADERS          # the loaders are still seen
    stray = [c for c in calls if (c[0], c[1]) not in LOADERS and c[0] not in NOT_YET]
    assert stray == [], "setStyleSheet outside ui/style.qss (move the style there, select it by " \
                        "objectName or a dynamic property):\n" + "\n".join(f"gui/{f}:{n} in {fn}()" for f, fn, n in stray)
    still = {f for f, _, _ in calls if f in NOT_YET}
    assert still == NOT_YET, f"{NOT_YET - still} has no setStyleSheet any more: remove it from NOT_YET"


def test_no_style_strings_left_in_gui_code():
    """No Python string holding a style sheet rule (``QLabel#x { … }``) either."""
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        rel = path.relative_to(GUI).as_posix()
        if rel in NOT_YET:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if "{" in text and "}" in text and any(k in text for k in ("color:", "background:", "border:")) \
                        and "<" not in text:          # rich text with style="…" is not a style sheet
                    offenders.append(f"gui/{rel}:{node.lineno}")
    assert offenders == []
