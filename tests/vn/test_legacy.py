import codecs
import shutil
import subprocess
import unicodedata

import pytest

from kiemdiem_desktop.vn.legacy import (
    decode_bytes, guess_column_encoding, guess_file_encoding, is_vietnamese_syllable,
    legacy_to_unicode, unicode_to_legacy, vietnamese_score,
)
from kiemdiem_desktop.vn.legacy_tables import TCVN3_DECODE, VNI_ENCODE

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
# Every vowel with every tone, and đ: 12 × 6 + 1 = 73 lower-case letters.
LOWER = "".join(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES) + "đ"
UPPER = LOWER.upper()
PANGRAM = "Những người thợ xẻ gỗ đã uống rượu, khuya ấy Quý Hoàng Yến phải ngẫm nghĩ về mưa bão."

ROSTER = """STT,Họ và tên,Ngày sinh,Giới tính,Chức vụ đảng,Đơn vị công tác
1,Nguyễn Văn Hùng,02/09/1975,Nam,Bí thư,Phòng Tổ chức cán bộ
2,Trần Thị Ánh Tuyết,15/03/1982,Nữ,Phó Bí thư,Văn phòng Ủy ban
3,Phạm Ngọc Hưởng,01/01/1990,Nam,Chi ủy viên,Phòng Kế hoạch tài chính
4,Lê Thị Thu Hường,20/11/1988,Nữ,Đảng viên,Trường Tiểu học xã Đông Phương
5,Đỗ Quang Nghĩa,07/07/1979,Nam,Đảng viên,Trạm Y tế xã
6,Vũ Đức Thắng,30/04/1985,Nam,Đảng viên,Ban Chỉ huy quân sự
"""


def test_tables_are_complete():
    assert len(LOWER) == 73 and len(set(LOWER)) == 73
    special = {c for c in LOWER + UPPER if not c.isascii()}
    assert len(special) == 134 and special == set(VNI_ENCODE)   # all 134 letters
    tcvn_letters = {u for u in TCVN3_DECODE.values() if len(u) == 1 and u.isalpha()}
    assert {c for c in LOWER if not c.isascii()} <= tcvn_letters
    assert set("ĂÂÊÔƠƯĐ") <= tcvn_letters


@pytest.mark.parametrize("text", [LOWER, PANGRAM.lower(), "Ăn Âm Êm Ô Ơ Ư Đ"])
def test_tcvn3_round_trip(text):
    encoded = unicode_to_legacy(text, "tcvn3")
    assert all(ord(c) < 256 for c in encoded)
    assert legacy_to_unicode(encoded, "tcvn3") == text
    assert decode_bytes(encoded.encode("latin-1"), "tcvn3") == text


@pytest.mark.parametrize("text", [LOWER, UPPER, PANGRAM, PANGRAM.upper()])
def test_vni_round_trip(text):
    encoded = unicode_to_legacy(text, "vni")
    assert all(ord(c) < 256 for c in encoded)
    assert legacy_to_unicode(encoded, "vni") == text
    assert decode_bytes(encoded.encode("cp1252"), "vni") == text


def test_known_legacy_spellings():
    assert legacy_to_unicode("Hµ Néi, ViÖt Nam", "tcvn3") == "Hà Nội, Việt Nam"
    assert legacy_to_unicode("§¶ng Céng s¶n ViÖt Nam", "tcvn3") == "Đảng Cộng sản Việt Nam"
    assert legacy_to_unicode("Nguyeãn Vaên Huøng", "vni") == "Nguyễn Văn Hùng"
    assert legacy_to_unicode("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "vni") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    # A mark typed in the other case than its letter: the letter decides.
    assert legacy_to_unicode("NguyEãn", "vni") == "NguyỄn"


def test_tcvn3_capital_font_words_become_capitals():
    # ".VnTimeH" shows lower-case codes as capitals: a word of capitals is made upper case.
    assert legacy_to_unicode("NGUYÔN V¡N HïNG", "tcvn3") == "NGUYỄN VĂN HÙNG"
    # A single capital is title case, not a capital-font word.
    assert legacy_to_unicode("Hµ", "tcvn3") == "Hà"


def test_cp1258_decoding_composes():
    data = unicode_to_legacy(PANGRAM, "cp1258").encode("cp1258")
    assert "\u0303".encode("cp1258") in data        # Windows-1258 keeps tones apart
    assert decode_bytes(data, "cp1258") == PANGRAM


@pytest.mark.skipif(shutil.which("iconv") is None, reason="no iconv")
def test_tcvn3_table_agrees_with_libc_iconv():
    ok = subprocess.run(["iconv", "-l"], capture_output=True, text=True).stdout
    if "TCVN5712-1" not in ok:
        pytest.skip("iconv without TCVN5712-1")
    data = bytes(range(0xA0, 0x100))
    libc = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data,
                          capture_output=True, check=True).stdout.decode()
    libc = unicodedata.normalize("NFD", libc)
    mine = unicodedata.normalize("NFD", "".join(TCVN3_DECODE.get(b, chr(b)) for b in data))
    assert mine == libc


@pytest.mark.parametrize("word", ["Nguyễn", "người", "khuya", "quyết", "giường", "ngoằn",
                                  "thuở", "Văn", "Chi", "ạ", "Yến", "oẳn", "NGHIÊNG", "hoạch"])
def test_valid_syllables(word):
    assert is_vietnamese_syllable(word)
    assert is_vietnamese_syllable(unicodedata.normalize("NFD", word))


@pytest.mark.parametrize("word", ["Nguyen", "Hµ", "Néi", "Huøng", "Phat", "ánhh", "xyz",
                                  "hoàá", "Stephen", "aă"])
def test_invalid_syllables(word):
    assert not is_vietnamese_syllable(word)


def test_vietnamese_score():
    assert vietnamese_score("Nguyễn Văn Hùng sinh năm 1975") == 1.0    # "1975" not counted
    assert vietnamese_score("NguyÔn V¨n Hïng") == pytest.approx(0.0)
    assert vietnamese_score("Stephen Smith") == 0.0
    assert vietnamese_score("") == 0.0


def _file(encoding: str) -> bytes:
    if encoding in ("tcvn3", "vni"):
        return unicode_to_legacy(ROSTER, encoding).encode("latin-1")
    if encoding == "cp1258":
        return unicode_to_legacy(ROSTER, "cp1258").encode("cp1258")
    return ROSTER.encode(encoding)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_guess_legacy_file(encoding):
    data = _file(encoding)
    guess = guess_file_encoding(data)
    assert guess.encoding == encoding
    assert guess.scores[encoding] > 0.9 and max(
        s for e, s in guess.scores.items() if e != encoding) < 0.6
    assert "Đoán bảng mã" in guess.reason
    line = decode_bytes(data, guess.encoding).splitlines()[2]
    # TCVN3 has no capitals with tones: "Ánh" comes back as "ánh" (the import repairs names).
    expected = "2,Trần Thị ánh Tuyết" if encoding == "tcvn3" else "2,Trần Thị Ánh Tuyết"
    assert line.startswith(expected)


def test_guess_unicode_files():
    assert guess_file_encoding(ROSTER.encode("utf-8")).encoding == "utf-8"
    g = guess_file_encoding(codecs.BOM_UTF8 + ROSTER.encode("utf-8"))
    assert (g.encoding, g.reason) == ("utf-8", "Tệp có dấu BOM của UTF-8")
    g = guess_file_encoding(ROSTER.encode("utf-16"))
    assert g.encoding == "utf-16"
    assert decode_bytes(ROSTER.encode("utf-16"), "utf-16") == ROSTER
    g = guess_file_encoding(ROSTER.encode("utf-16-le"))
    assert g.encoding == "utf-16-le" and decode_bytes(ROSTER.encode("utf-16-le"), g.encoding) == ROSTER
    g = guess_file_encoding(b"Ho va ten,Ngay sinh\nNguyen Van A,01/01/1980\n")
    assert g.encoding == "utf-8" and "ASCII" in g.reason


def test_guess_column_encoding():
    names = ["Nguyễn Văn Hùng", "Trần Thị Ánh Tuyết", "Phạm Ngọc Hưởng", "Lê Thị Thu Hường",
             "Vũ Đức Thắng", "Hà Văn Tú", "Hoàng Thị Yến"]
    assert guess_column_encoding(names) == "unicode"
    assert guess_column_encoding([unicode_to_legacy(n, "tcvn3") for n in names]) == "tcvn3"
    assert guess_column_encoding([unicode_to_legacy(n, "vni") for n in names]) == "vni"
    assert guess_column_encoding(["Nguyen Van A", "", "Tran B"]) == "unicode"
    assert guess_column_encoding([]) == "unicode"
