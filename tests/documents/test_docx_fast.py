"""The Word minutes, summary and chair's script with paragraphs and table rows built straight in XML (documents/docx_fast.py,
issue 15) are the very file python-docx's own calls make: every part of the package equal."""
import zipfile
from datetime import date

from lxml import etree

from kiemdiem_desktop.clock import NO_CLOCK
from kiemdiem_desktop.documents import docx_fast
from kiemdiem_desktop.documents.chair_script import build_chair_script_docx
from kiemdiem_desktop.documents.content import Cue, DocumentBlocks, Heading, Para, RichTable, TableBlock, Title
from kiemdiem_desktop.documents.minutes import build_minutes_docx
from kiemdiem_desktop.documents.summary import build_summary_docx
from kiemdiem_desktop.documents.render_docx import render_docx
from kiemdiem_desktop.documents.text import HeaderInfo, Marking
from kiemdiem_desktop.services.demo import create_demo
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk


def parts(path) -> dict[str, bytes]:
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith((".xml", ".rels")):
                data = etree.tostring(etree.fromstring(data), method="c14n")
            out[name] = data
    return out


def both_ways(make, tmp_path) -> tuple[dict, dict]:
    slow, fast = tmp_path / "python-docx.docx", tmp_path / "fast.docx"
    docx_fast.FAST = False
    try:
        make(slow)
    finally:
        docx_fast.FAST = True
    make(fast)
    return parts(slow), parts(fast)


def test_held_meeting_word_minutes_are_the_same_file(held, tmp_path):
    slow, fast = both_ways(lambda out: build_minutes_docx(held, out, locality="Hà Nội"), tmp_path)
    assert b"Xin ti\xe1\xba\xbfp thu" in slow["word/document.xml"]       # "Xin tiếp thu", the answers
    assert fast == slow


def test_demo_word_minutes_of_40_members_are_the_same_file(tmp_path):
    with create_demo(tmp_path / "demo.kiemdiem", members=40, finished=True) as cf:
        meeting = next(m for m in cf.meetings() if m.state.value == "locked")
        desk = VotingDesk(MeetingSession(cf, meeting.id, clock=NO_CLOCK))
        slow, fast = both_ways(lambda out: build_minutes_docx(desk, out), tmp_path)
    assert slow["word/document.xml"].count(b"<w:tr>") > 80
    assert fast == slow


def test_odd_text_is_written_as_python_docx_writes_it(tmp_path):
    doc = DocumentBlocks("Thử")
    doc.add(HeaderInfo("ĐẢNG BỘ SỞ", "CHI BỘ A", "01-BB/CB", "Hà Nội", date(2025, 12, 10)), Title("BIÊN BẢN", "thử"),
            Heading(""), Heading("Mục 1", level=2),
            Para([("  hai khoảng trắng đầu", ""), ("", "b"), ("dòng một\ndòng hai\tcột", "i"), ("a & b <c>", "bi")]),
            Para.of("", keep_with_next=True),
            TableBlock(["STT", "Họ và tên", "Ghi chú"], [["1", " Lê Văn A ", "x\ty"], ["2", "", "dòng\nhai"]],
                       [11, 40], bold_columns=(2,), left_columns=(1,), font_size=11.5))
    slow, fast = both_ways(lambda out: render_docx(doc, out, Marking(draft=True)), tmp_path)
    assert fast == slow


def test_demo_word_summary_and_chair_script_are_the_same_files(tmp_path):
    """The summary's 40-row table (RichTable) and the script's lines (Cue) built straight in XML."""
    with create_demo(tmp_path / "demo.kiemdiem", members=40, finished=True) as cf:
        meeting = next(m for m in cf.meetings() if m.state.value == "locked")
        desk = VotingDesk(MeetingSession(cf, meeting.id, clock=NO_CLOCK))
        summary = both_ways(lambda out: build_summary_docx(desk, out, locality="Hà Nội"), tmp_path)
        script = both_ways(lambda out: build_chair_script_docx(desk.s, out, locality="Hà Nội"), tmp_path)
    assert summary[0]["word/document.xml"].count(b"<w:tr>") > 40
    assert summary[1] == summary[0]
    assert "Chủ trì:".encode() in script[0]["word/document.xml"]
    assert script[1] == script[0]


def test_odd_rich_cells_and_cues_are_written_as_python_docx_writes_them(tmp_path):
    doc = DocumentBlocks("Thử")
    doc.add(Cue([("Chủ trì:", "b"), (" mời đồng chí  A\nphát biểu", ""), ("", "i")]),
            Cue([("Thư ký ghi ", ""), ("giờ", "bi"), ("", "")], aside=True),
            RichTable(["STT", "Họ và tên", "Ghi chú"],
                      [["1", [(" Lê Văn A ", "b"), ("\nnghỉ ốm", "i")], ""], ["2", "B", "x\ty"],
                       ["", "Tổng số", [("3", ""), ("", "b")]]],
                      [11, 60, 94], left_columns=(1, 2), font_size=11.5, total_rows=1, keep_together=True),
            RichTable(["A", "B"], [["1", "2"]], [80, 85]))
    slow, fast = both_ways(lambda out: render_docx(doc, out, Marking(draft=True)), tmp_path)
    assert fast == slow
