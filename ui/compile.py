"""`make forms`: compile every Qt Designer form ui/<name>.ui with the venv's pyside6-uic into
kiemdiem_desktop/gui/forms/ui_<name>.py (the .ui files are the source; they are not shipped).

    .venv/bin/python ui/compile.py [OUT_DIR]

tests/gui/test_forms.py compiles them again into a temporary folder and fails when a committed
module differs (only the line naming uic's version is ignored)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
FORMS_DIR = UI_DIR.parent / "kiemdiem_desktop" / "gui" / "forms"
HEADER = ("# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/{ui} with pyside6-uic.\n"
          "# Do not edit: change the form in Qt Designer (pyside6-designer ui/{ui}), then run `make forms`.\n")
VERSION_LINE = "Created by: Qt User Interface Compiler version"


def uic() -> str:
    beside = Path(sys.executable).parent / "pyside6-uic"
    found = str(beside) if beside.exists() else shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found: run `make .venv/.installed` first")
    return found


def forms() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def module_name(ui: Path) -> str:
    return f"ui_{ui.stem}.py"


def compile_form(ui: Path, out_dir: Path) -> Path:
    # run from ui/ so that the header names the form by its file name alone, wherever the tree is
    done = subprocess.run([uic(), "--generator", "python", ui.name], cwd=ui.parent, capture_output=True,
                          text=True, encoding="utf-8")
    if done.returncode != 0:
        raise SystemExit(f"pyside6-uic failed on {ui}:\n{done.stderr}")
    out = out_dir / module_name(ui)
    out.write_text(HEADER.format(ui=ui.name) + done.stdout, encoding="utf-8")
    return out


def main(argv: list[str]) -> None:
    out_dir = Path(argv[0]) if argv else FORMS_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    for ui in forms():
        print(f"  {ui.relative_to(UI_DIR.parent)} -> {compile_form(ui, out_dir)}")


if __name__ == "__main__":
    main(sys.argv[1:])
