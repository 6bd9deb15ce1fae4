"""Qt's own dialogs in Vietnamese: our qtbase_vi.ts compiles to the committed .qm, and every
source string in it is one Qt really uses (a wrong one silently does nothing)."""
import glob
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "qtbase_vi.ts"
QM = ROOT / "resources" / "translations" / "qtbase_vi.qm"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def test_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path):
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease not installed")
    out = tmp_path / "qtbase_vi.qm"
    subprocess.run([str(LRELEASE), "-silent", str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run: pyside6-lrelease resources/translations/qtbase_vi.ts"


def _qm_messages(path: str) -> set[tuple[str, str]]:
    """(context, source) pairs of a .qm file (the messages block keeps both)."""
    data = Path(path).read_bytes()
    i, block = 16, b""
    while i < len(data):
        tag, length = data[i], struct.unpack(">I", data[i + 1:i + 5])[0]
        if tag == 0x69:
            block = data[i + 5:i + 5 + length]
        i += 5 + length
    found, j, cur = set(), 0, {}
    while j < len(block):
        tag = block[j]
        j += 1
        if tag == 1:                                   # end of a message
            found.add((cur.get(7, ""), cur.get(6, "")))
            cur = {}
            continue
        if tag == 5:
            j += 4
            continue
        length = struct.unpack(">I", block[j:j + 4])[0]
        j += 4
        if tag == 3 and length == 0xFFFFFFFF:
            continue
        if tag in (6, 7, 8):
            cur[tag] = block[j:j + length].decode("utf-8")
        j += length
    return found


def test_every_source_string_is_one_qt_uses():
    import PySide6

    shipped = glob.glob(str(Path(PySide6.__file__).parent / "Qt" / "translations" / "qtbase_*.qm"))
    if not shipped:
        pytest.skip("no Qt translations in this PySide6")
    known: set[tuple[str, str]] = set()
    for qm in shipped:
        known |= _qm_messages(qm)
    ours = {(c.findtext("name"), m.findtext("source"))
            for c in ET.parse(TS).getroot().iter("context") for m in c.iter("message")}
    assert len(ours) > 150
    assert sorted(ours - known) == []


def test_standard_texts_are_translated(app):
    from PySide6.QtCore import QCoreApplication

    t = QCoreApplication.translate
    assert t("QPlatformTheme", "Cancel") == "Hủy"
    assert t("QLineEdit", "&Paste") == "&Dán"
    assert t("QFileDialog", "File &name:") == "Tên &tệp:"
    assert t("QFileSystemModel", "Date Modified") == "Ngày sửa"
    # the file dialog's type column (Qt 6 asks QAbstractFileIconProvider, with a disambiguation)
    assert t("QAbstractFileIconProvider", "Folder", "All other platforms") == "Thư mục"
    assert t("QFileSystemModel", "Size") == "Cỡ"
