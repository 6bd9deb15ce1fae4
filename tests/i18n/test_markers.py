"""User-visible strings reach Qt's translation tools: lupdate extracts the core's markers."""
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from kiemdiem_desktop.i18n import install_translator, msg, translate
from kiemdiem_desktop.model import CATEGORY_LABELS, Category
from tests.helpers import ROOT

LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def test_lupdate_extracts_core_messages_and_labels(tmp_path):
    ts = tmp_path / "kiemdiem_en.ts"
    sources = [str(p) for p in (ROOT / "kiemdiem_desktop").rglob("*.py")]
    subprocess.run([str(LUPDATE), *sources, "-ts", str(ts)], check=True, capture_output=True)
    found = {(c.findtext("name"), m.findtext("source"))
             for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    assert ("core", "Chính thức") in found
    assert ("core", "Dự bị (chưa đủ 6 tháng)") in found
    assert any(ctx == "core" and src.startswith("Tệp dữ liệu {path} đang được mở") for ctx, src in found)


def test_core_messages_are_translated_at_display_time():
    table = {"Chính thức": "Full member", "Không tìm thấy tệp dữ liệu {path}.": "Data file {path} not found."}
    install_translator(lambda ctx, text: table.get(text, text))
    try:
        assert translate(CATEGORY_LABELS[Category.OFFICIAL]) == "Full member"
        assert str(msg("Không tìm thấy tệp dữ liệu {path}.", path="a.kiemdiem")) == "Data file a.kiemdiem not found."
    finally:
        install_translator(lambda ctx, text: text)
    assert str(msg("Không tìm thấy tệp dữ liệu {path}.", path="a.kiemdiem")) == "Không tìm thấy tệp dữ liệu a.kiemdiem."
