"""The bundled fonts read from the facts kept beside them (resources/fonts/*.ttf.facts, `make fonts`)
are the fonts reportlab's parser makes of the files: the same face, the same widths, the same
embedded subset; facts that are not those of the file are not used."""
import marshal
import shutil

import pytest

from kiemdiem_desktop import paths
from kiemdiem_desktop.documents import pdf_fonts

FONTS = sorted(paths.resource("fonts").glob("*.ttf"))


def parsed_face_state(face) -> dict:
    return {k: v for k, v in face.__dict__.items() if k not in ("_pos", "_pdfScale")}


def test_every_bundled_font_has_its_facts():
    assert len(FONTS) == 4
    for ttf in FONTS:
        assert (ttf.parent / (ttf.name + pdf_fonts.FACTS_SUFFIX)).is_file(), f"{ttf.name}: run `make fonts`"


@pytest.mark.parametrize("ttf", FONTS, ids=lambda p: p.name)
def test_kept_facts_are_those_of_a_fresh_parse(ttf):
    kept = marshal.loads((ttf.parent / (ttf.name + pdf_fonts.FACTS_SUFFIX)).read_bytes())
    assert kept == marshal.loads(pdf_fonts.facts_bytes(ttf)), f"{ttf.name}: facts out of date, run `make fonts`"


@pytest.mark.parametrize("ttf", FONTS, ids=lambda p: p.name)
def test_a_font_from_its_facts_is_the_parsed_font(ttf):
    kept = pdf_fonts.load_font("kept-" + ttf.stem, ttf)
    parsed = pdf_fonts.RememberingTTFont("parsed-" + ttf.stem, str(ttf))
    assert pdf_fonts._face_from_facts(ttf) is not None           # read from the facts, not parsed
    assert parsed_face_state(kept.face) == parsed_face_state(parsed.face)
    assert type(kept.face.name) is type(parsed.face.name) and kept.face.name.ustr == parsed.face.name.ustr
    assert [kept.face._pdfScale(v) for v in (0, 1, 123.4, -2048)] == [parsed.face._pdfScale(v)
                                                                       for v in (0, 1, 123.4, -2048)]
    assert set(kept.__dict__) == set(parsed.__dict__)
    assert (kept.shapable, kept._asciiReadable) == (parsed.shapable, parsed._asciiReadable)
    text = "Nguyễn Thị Hằng — ĐẢNG CỘNG SẢN VIỆT NAM, ngày 30 tháng 11 năm 2026"
    assert kept.stringWidth(text, 13) == parsed.stringWidth(text, 13)
    # the embedded subset of the same characters: the same bytes
    class Doc:
        pass
    a, b = Doc(), Doc()
    assert kept.splitString(text, a) == parsed.splitString(text, b)
    assert kept.face.makeSubset(kept.state[a].subsets[0]) == parsed.face.makeSubset(parsed.state[b].subsets[0])


def test_facts_of_other_bytes_are_not_used(tmp_path):
    regular, bold = (paths.resource("fonts") / f"LiberationSerif-{s}.ttf" for s in ("Regular", "Bold"))
    copy = tmp_path / "LiberationSerif-Regular.ttf"
    shutil.copy(bold, copy)                                     # Bold's bytes under Regular's name
    shutil.copy(regular.parent / (regular.name + pdf_fonts.FACTS_SUFFIX), tmp_path / (copy.name + ".facts"))
    assert pdf_fonts._face_from_facts(copy) is None
    font = pdf_fonts.load_font("other", copy)
    assert font.face.name.ustr == "LiberationSerif-Bold"       # parsed from the file itself
    (tmp_path / (copy.name + ".facts")).write_bytes(b"not marshal")
    assert pdf_fonts._face_from_facts(copy) is None
    (tmp_path / (copy.name + ".facts")).unlink()
    assert pdf_fonts.load_font("missing", copy).face.name.ustr == "LiberationSerif-Bold"
