"""Issue 13: the static dialogs are Qt Designer forms (ui/*.ui) compiled by pyside6-uic into
kiemdiem_desktop/gui/forms/ui_*.py. A compiled form out of date with its .ui fails here (run
`make forms`); the forms load only when their dialog opens, never at start-up."""
import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("compile_forms", ROOT / "ui" / "compile.py")
compile_forms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compile_forms)

FORMS = compile_forms.forms()
DIALOGS = {"backup_dialog", "member_dialog", "import_dialog", "key_chooser", "key_dialog", "keys_dialog",
           "sign_dialog", "package_dialog", "prepare_dialog"}


def without_version(text: str) -> list[str]:
    return [line for line in text.splitlines() if compile_forms.VERSION_LINE not in line]


def test_every_static_dialog_has_a_form_and_every_form_a_compiled_module():
    assert {ui.stem for ui in FORMS} >= DIALOGS
    compiled = {p.name for p in compile_forms.FORMS_DIR.glob("ui_*.py")}
    assert compiled == {compile_forms.module_name(ui) for ui in FORMS}


@pytest.mark.parametrize("ui", FORMS, ids=[ui.stem for ui in FORMS])
def test_the_compiled_form_is_up_to_date_with_its_ui(ui, tmp_path):
    fresh = compile_forms.compile_form(ui, tmp_path).read_text(encoding="utf-8")
    committed = (compile_forms.FORMS_DIR / compile_forms.module_name(ui)).read_text(encoding="utf-8")
    assert committed.startswith("# GENERATED FILE")
    assert without_version(committed) == without_version(fresh), \
        f"{compile_forms.module_name(ui)} is out of date with ui/{ui.name}: run `make forms`"


@pytest.mark.parametrize("ui", FORMS, ids=[ui.stem for ui in FORMS])
def test_no_widget_of_a_form_hides_a_method_of_its_dialog(ui):
    """The dialogs inherit their form (setupUi(self)): a widget named "layout" or "close" would
    replace QDialog.layout() or close() on the dialog."""
    tree = ast.parse((compile_forms.FORMS_DIR / compile_forms.module_name(ui)).read_text(encoding="utf-8"))
    names = {t.attr for node in ast.walk(tree) if isinstance(node, ast.Assign) for t in node.targets
             if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"}
    assert not names & set(dir(QDialog))


def test_no_form_loads_at_start_up(tmp_path):
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from kiemdiem_desktop.gui.app import setup_application\n"
        "setup_application(app)\n"
        "from kiemdiem_desktop.gui.main_window import MainWindow\n"
        "from kiemdiem_desktop.services.demo import create_demo\n"
        f"w = MainWindow(create_demo({str(tmp_path / 'demo.kiemdiem')!r}))\n"
        "w.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if '.gui.forms' in m or m.endswith(('_dialog', '.keys', '.send', '.prepare'))))\n"
        "w.backup_dialog(); print(sorted(m for m in sys.modules if '.gui.forms.' in m))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIEMDIEM_DATA_DIR=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr
    at_start, after = out.stdout.splitlines()[-2:]
    assert at_start == "[]"
    assert after == "['kiemdiem_desktop.gui.forms.ui_backup_dialog']"


def test_qt_translation_tools_see_the_vietnamese_text_of_the_forms(tmp_path):
    """`make translations` reads the forms' text from ui/*.ui (the compiled modules hold it escaped)."""
    import xml.etree.ElementTree as ET

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    ts = tmp_path / "forms.ts"
    subprocess.run([str(lupdate), *map(str, FORMS), "-ts", str(ts)], check=True, capture_output=True)
    found = {(c.findtext("name"), m.findtext("source"))
             for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    assert ("MemberDialog", "&Họ và tên:") in found
    assert ("PrepareDialog", "T&hư ký hội nghị:") in found
    assert ("KeysDialog", "Tạo &khóa mới cho chi bộ") in found
    assert ("ImportDialog", "&Bỏ qua các dòng lỗi") in found
