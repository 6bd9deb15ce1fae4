"""The minutes laid out without reportlab's paragraph parser for plain table cells and paragraphs
(documents/pdf_fast.py, issue 15) are the same document: the same words at the same places on the
same pages as when every cell and paragraph goes through the parser."""
import re
import subprocess
from contextlib import contextmanager

import pytest

from kiemdiem_desktop.clock import NO_CLOCK
from kiemdiem_desktop.documents import pdf_fast
from kiemdiem_desktop.documents.base import markup, styles
from kiemdiem_desktop.documents.minutes import build_minutes
from kiemdiem_desktop.documents.render_pdf import _runs_markup
from kiemdiem_desktop.services.demo import create_demo
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def words(pdf) -> list[tuple]:
    """Every word with its page and box, as pdftotext finds them."""
    out, page = [], 0
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for line in html.splitlines():
        if line.lstrip().startswith("<page"):
            page += 1
        m = WORD.search(line)
        if m:
            out.append((page, m.group(5), *(float(v) for v in m.groups()[:4])))
    return out


def same_places(a: list[tuple], b: list[tuple]) -> bool:
    """The same words on the same pages, every box within 0.01 pt."""
    return len(a) == len(b) and all(x[:2] == y[:2] and max(abs(p - q) for p, q in zip(x[2:], y[2:])) < 0.01
                                    for x, y in zip(a, b))


@contextmanager
def switched_off(switch: str):
    """pdf_fast.FAST or pdf_fast.EXACT off for the block (reportlab's own paths), then on again."""
    setattr(pdf_fast, switch, False)
    try:
        yield
    finally:
        setattr(pdf_fast, switch, True)


@contextmanager
def invariant_pdfs():
    """reportlab's invariant switch on for the block: no dates, a fixed document ID."""
    from reportlab import rl_config

    rl_config.invariant = 1
    try:
        yield
    finally:
        rl_config.invariant = 0


def both_ways(desk, tmp_path) -> tuple[list, list]:
    slow, fast = tmp_path / "parser.pdf", tmp_path / "fast.pdf"
    with switched_off("FAST"):
        build_minutes(desk, slow)
    build_minutes(desk, fast)
    return words(slow), words(fast)


def same_bytes(desk, tmp_path) -> tuple[bytes, bytes]:
    """The minutes made with reportlab's own line breaker for several runs, frame and canvas, and with
    the fast ones (pdf_fast.EXACT), reportlab's invariant switch on (no dates, a fixed document ID)."""
    slow, fast = tmp_path / "reportlab.pdf", tmp_path / "fast.pdf"
    with invariant_pdfs():
        with switched_off("EXACT"):
            build_minutes(desk, slow)
        build_minutes(desk, fast)
    return slow.read_bytes(), fast.read_bytes()


def test_held_meeting_minutes_are_the_same_without_the_parser(held, tmp_path):
    slow, fast = both_ways(held, tmp_path)
    assert len(slow) > 1000
    assert same_places(fast, slow)


def test_demo_minutes_of_40_members_are_the_same_without_the_parser(tmp_path):
    with create_demo(tmp_path / "demo.kiemdiem", members=40, finished=True) as cf:
        meeting = next(m for m in cf.meetings() if m.state.value == "locked")
        desk = VotingDesk(MeetingSession(cf, meeting.id, clock=NO_CLOCK))
        slow, fast = both_ways(desk, tmp_path)
        slow_pdf, fast_pdf = same_bytes(desk, tmp_path)
    assert len({w[0] for w in slow}) > 10          # pages: the tables split across pages alike
    assert same_places(fast, slow)
    assert fast_pdf == slow_pdf                    # the whole file, byte for byte


def test_held_meeting_minutes_are_byte_for_byte_those_of_reportlab_alone(held, tmp_path):
    slow, fast = same_bytes(held, tmp_path)
    assert len(slow) > 20_000 and b"/Subtype /TrueType" in slow
    assert fast == slow


@pytest.mark.parametrize("runs", [
    [("- Đồng chí ", ""), ("Nguyễn Văn A & B", "b"), (" (lúc 8 giờ)", ""), (": ý kiến  góp ý", "i"), (" z", "")],
    [("   + Đồng chí Lê Thị Hoa, Ủy viên.", "")],
    [(" a ", "b"), ("  b  ", "")],
    [("a", "b"), ("b", "b")],
    [("x <y> & z", "")],
    [("", ""), ("a", "")],
    [("a  ", ""), ("", ""), ("  b", "")],
    [("a", "bi"), (" ", ""), ("c", "i")],
    [("&", "")],
    [("  ", "")],
    [(" ", "b")],
])
def test_fragments_are_those_of_the_parser(runs):
    style = styles().body
    parsed = markup(_runs_markup(runs), style).frags
    built = pdf_fast.fast_frags(runs, style)
    assert [f.__dict__ for f in built] == [f.__dict__ for f in parsed]


@pytest.mark.parametrize("runs", [[("dòng một\ndòng hai", "")], [("a\u00a0b", "")], [("", "b")], [("a\tb", "")]])
def test_what_only_the_parser_handles_goes_to_the_parser(runs):
    assert pdf_fast.fast_frags(runs, styles().body) is None


def test_a_cell_breaks_into_the_lines_of_its_paragraph():
    st = styles()
    text = ("Có mặt; về sớm lúc 10 giờ 15 (đi công tác); đảng viên dự bị, kiểm điểm, xếp loại, không biểu quyết; "
            "kiểm điểm tại hội nghị.")
    for width in (60, 90, 120, 200, 400):
        para = markup(text, st.cell)
        para.wrap(width, 1000)
        lines = [" ".join(words) for _, words in para.blPara.lines]
        got = pdf_fast.plain_cell(text, st.cell.fontName, st.cell.fontSize, width)
        if got is not None:                 # None: a line fits only with its spaces shrunk
            assert got.split("\n") == lines, width
    assert pdf_fast.plain_cell("Nguyễn" * 20, st.cell.fontName, 12, 50) is None   # a word wider than the cell


def _state(x):
    """A broken-lines structure as plain data: lists keep their class (_HSFrag and the like)."""
    if isinstance(x, list):
        return [type(x).__name__] + [_state(i) for i in x]
    if isinstance(x, tuple):
        return tuple(_state(i) for i in x)
    if hasattr(x, "__dict__"):
        return {k: _state(v) for k, v in x.__dict__.items()}
    return x


def test_paragraphs_of_several_runs_break_as_reportlab_breaks_them(held):
    """Every paragraph of the minutes, at several widths (a first line narrower than the others
    too): the fast breakers' lines, the fragments left on the paragraph (a split reads them) and
    the widest line are reportlab's own, attribute by attribute."""
    import copy

    from reportlab.platypus.paragraph import Paragraph

    from kiemdiem_desktop.documents.minutes import MinutesWriter
    from kiemdiem_desktop.documents.render_pdf import to_flowables

    story = [f for f in to_flowables(MinutesWriter(held).build()) if isinstance(f, pdf_fast._Paragraph)]
    checked = mixed = 0
    for para in story:
        for width in (440, 300, 121.5, [380.2, 425.2]):
            fast, slow = copy.deepcopy(para), copy.deepcopy(para)
            several = len(fast.frags) > 1
            got = pdf_fast._mixed_lines(fast, width) if several else pdf_fast._simple_lines(fast, width)
            if got is None:
                continue
            want = Paragraph.breakLines(slow, width)
            assert _state(got) == _state(want), (para.text, width)
            assert _state(fast.frags) == _state(slow.frags), para.text
            assert fast._width_max == slow._width_max
            checked += 1
            mixed += several
    assert mixed > 100 and checked > 400


@pytest.mark.parametrize("runs", [
    [("- Đồng chí ", ""), ("Nguyễn Văn A", "b"), (": " + "rất dài " * 40, "")],
    [("Biểu quyết giơ tay lúc 8 giờ 05", "i"), (", nội dung: thông qua. Kết quả: tán thành 7/7.", "")],
    [("a", "b"), ("b", ""), ("c", "i"), (" d e ", "b"), ("f", "")],
    [("Kết luận của chủ trì: ", "b"), ("Ng" + "uyễn" * 30 + " x", "")],     # a word wider than the line
])
def test_made_up_runs_break_as_reportlab_breaks_them(runs):
    import copy

    from reportlab.platypus.paragraph import Paragraph

    para = pdf_fast.fast_paragraph(runs, styles().body)
    for width in (440, 200, 61.3, [100, 150]):
        fast, slow = copy.deepcopy(para), copy.deepcopy(para)
        got = pdf_fast._mixed_lines(fast, width)
        want = Paragraph.breakLines(slow, width)
        if got is None:                      # only for what reportlab splits its own way
            assert slow._splitLongWordCount
            continue
        assert _state(got) == _state(want), width
        assert _state(fast.frags) == _state(slow.frags)


def test_a_frame_copies_as_deepcopy_copies_it():
    import copy

    from kiemdiem_desktop.documents.base import _Frame

    frame = _Frame(10, 20, 300, 400, id="body")
    frame._frameBGs = []
    twin = copy.deepcopy(frame)
    assert twin.__dict__ == frame.__dict__ and type(twin) is _Frame
    twin._frameBGs.append(1)                      # its own list, as deepcopy would give
    assert frame._frameBGs == []
    frame.add_generated_content(object())         # anything else: copy.deepcopy itself
    twin = copy.deepcopy(frame)
    assert twin._generated_content[0] is not frame._generated_content[0]


@pytest.mark.parametrize("runs", [
    [("- Đồng chí ", ""), ("Nguyễn Văn A", "b"), (" (lúc 8 giờ)", ""), (": ý kiến", "")],
    [("a ", "b"), (" b", ""), ("  ", "i"), ("c", "")],
    [("   ", "b"), ("x", "")],
    [("a", "b"), ("b", "i"), ("c", "")],
    [("tail ", "i"), ("next", "b"), (" ", ""), ("end ", "")],
])
def test_fragment_words_are_reportlabs(runs):
    import copy

    from reportlab.platypus.paragraph import _getFragWords

    frags = pdf_fast.fast_frags(runs, styles().body)
    mine, theirs = copy.deepcopy(frags), copy.deepcopy(frags)
    assert _state(pdf_fast._frag_words(mine)) == _state(_getFragWords(theirs))
    assert _state(mine) == _state(theirs)              # the fragments marked alike (_fkind)


def with_and_without_parser(folder, build, *args) -> tuple:
    """``build(*args, target)`` into ``folder`` once with every fast path off (reportlab's parser and
    its own calls) and once with them on, reportlab's invariant switch on (no dates, a fixed ID)."""
    slow, fast = folder / "parser.pdf", folder / "fast.pdf"
    with invariant_pdfs():
        with switched_off("FAST"):
            build(*args, slow)
        build(*args, fast)
    return slow, fast


def test_chair_script_lines_are_those_of_the_parser(tmp_path):
    """The chair's script (hundreds of spoken lines and asides in brackets) is the same file, byte for
    byte, with its lines made without reportlab's parser as with it."""
    from kiemdiem_desktop.documents.chair_script import build_chair_script

    with create_demo(tmp_path / "demo.kiemdiem", members=40, finished=True) as cf:
        meeting = next(m for m in cf.meetings() if m.state.value == "locked")
        session = MeetingSession(cf, meeting.id, clock=NO_CLOCK)
        slow, fast = with_and_without_parser(tmp_path, build_chair_script, session)
    assert len(words(slow)) > 2000 and any(w[1].startswith("(") for w in words(slow))
    assert fast.read_bytes() == slow.read_bytes()


def test_a_cell_of_several_given_lines_breaks_as_its_paragraph():
    """Cells such as the counting record's "12\\n(30,0%)": each given line laid out as the Paragraph's
    <br/> lays it out."""
    from kiemdiem_desktop.documents.base import x

    st = styles()
    checked = 0
    for text in ("12\n(30,0%)", "Chưa xếp loại\n(không đủ 2/3 có mặt)", "a\n\nb c d e f g h",
                 "Hoàn thành tốt nhiệm vụ, đã được biểu quyết\nbằng phiếu kín tại hội nghị chi bộ"):
        for width in (40, 60, 90, 200):
            para = markup(x(text), st.cell)
            para.wrap(width, 1000)
            lines = [" ".join(w.strip() for w in _line_words(line)) for line in para.blPara.lines]
            got = pdf_fast.plain_cell(text, st.cell.fontName, st.cell.fontSize, width)
            if got is not None:
                assert got.split("\n") == lines, (text, width)
                checked += 1
    assert checked >= 12


def _line_words(line):
    """A broken line's text pieces, from reportlab's one-font tuples or its fragment lines (kind 1)."""
    if isinstance(line, tuple):
        return line[1]
    return [f.text for f in line.words if f.text.strip()]


def test_counting_record_cells_are_where_their_paragraphs_put_them(tmp_path):
    from kiemdiem_desktop.documents.counting_record import build_counting_records

    with create_demo(tmp_path / "demo.kiemdiem", members=40, finished=True) as cf:
        meeting = next(m for m in cf.meetings() if m.state.value == "locked")
        desk = VotingDesk(MeetingSession(cf, meeting.id, clock=NO_CLOCK))
        with switched_off("FAST"):
            slow = build_counting_records(desk, tmp_path / "slow")
        fast = build_counting_records(desk, tmp_path / "fast")
    slow_words, fast_words = words(list(slow)[0]), words(list(fast)[0])
    assert any(w[1].startswith("(") and w[1].endswith("%)") for w in fast_words)
    assert same_places(fast_words, slow_words)


def test_summary_table_cells_are_those_of_the_parser(tmp_path):
    """The report's member table (bold totals, italic notes, names) is the same file, byte for byte,
    with its cells made without reportlab's parser as with it."""
    from kiemdiem_desktop.documents.summary import build_summary_pdf

    with create_demo(tmp_path / "demo.kiemdiem", members=40, finished=True) as cf:
        meeting = next(m for m in cf.meetings() if m.state.value == "locked")
        desk = VotingDesk(MeetingSession(cf, meeting.id, clock=NO_CLOCK))
        slow, fast = with_and_without_parser(tmp_path, build_summary_pdf, desk)
    assert len(words(slow)) > 500
    assert fast.read_bytes() == slow.read_bytes()
