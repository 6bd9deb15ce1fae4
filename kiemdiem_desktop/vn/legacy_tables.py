"""Mapping tables of the legacy Vietnamese encodings TCVN3 (ABC) and VNI-Windows.

Sources checked against (2025):
- TCVN3: GNU libc ``iconv`` "TCVN5712-1" (the full VN1 repertoire; ``tests/vn`` compares
  every byte of this table with it when the system ``iconv`` has that charset), and the
  tables of the open-source converters duydev/vietnamese-conversion (``src/charsets.ts``),
  khiemdoan/VBKey (``mdlCodeTable.bas``) and hdbd789/clinic (``Converter.cs``), which agree
  on the lower-case letters and the seven capitals below. One of the JavaScript tables
  found on the way maps 0xD0 to "đ": wrong, 0xD0 is "é" (libc agrees).
- VNI-Windows: duydev/vietnamese-conversion (``src/charsets.ts``, all 134 letters) and
  khiemdoan/VBKey (``VNI_WINDOWS_TABLE``), which agree with each other.

TCVN3 as used with the ABC fonts (".VnTime"): one byte per precomposed lower-case letter;
only Ă Â Ê Ô Ơ Ư Đ have capital codes of their own (0xA1–0xA7). Capitals with tones were
shown with the capital fonts (".VnTimeH") which draw the lower-case codes as capitals, so
the file holds the lower-case codes: see ``legacy.legacy_to_unicode`` for the repair.
Bytes 0xB0–0xB4 are the combining tone marks of TCVN 5712. The free upper-half positions
that TCVN 5712 VN1 fills with capitals are mapped as libc maps them; the C0 control and
0x80–0x9F positions of VN1 are deliberately not mapped (in a cp1252 view they are curly
quotes and dashes, far likelier than the rare VN1 capitals).

VNI-Windows: a base letter followed by one or two mark bytes (seen through cp1252 as
Latin-1 letters); a few letters have a single code (đ ơ ư, the i with tones, ỵ).
"""
from __future__ import annotations

# --- TCVN3 ------------------------------------------------------------------------------
# (unicode letter, byte) for the letters that ABC keyboards produce.
TCVN3_LETTERS: dict[str, int] = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}
# Combining tone marks (TCVN 5712): grave, hook, tilde, acute, dot below.
TCVN3_MARKS: dict[int, str] = {0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303",
                               0xB3: "\u0301", 0xB4: "\u0323"}
# Free positions of the upper half that TCVN 5712 VN1 uses for capitals (as libc maps them).
TCVN3_VN1_CAPITALS: dict[int, str] = {
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}

# byte → text, for the whole upper half that is mapped.
TCVN3_DECODE: dict[int, str] = {b: u for u, b in TCVN3_LETTERS.items()}
TCVN3_DECODE.update(TCVN3_MARKS)
TCVN3_DECODE.update(TCVN3_VN1_CAPITALS)

# --- VNI-Windows ------------------------------------------------------------------------
# Mark bytes (as Latin-1 characters), lower-case form; the capital form is the upper case.
_VNI_TONE = {"huyen": "ø", "sac": "ù", "hoi": "û", "nga": "õ", "nang": "ï"}
_VNI_CIRC_TONE = {"": "â", "huyen": "à", "sac": "á", "hoi": "å", "nga": "ã", "nang": "ä"}
_VNI_BREVE_TONE = {"": "ê", "huyen": "è", "sac": "é", "hoi": "ú", "nga": "ü", "nang": "ë"}
_TONE_OF = {"": "", "huyen": "\u0300", "sac": "\u0301", "hoi": "\u0309", "nga": "\u0303",
            "nang": "\u0323"}


def _build_vni() -> dict[str, str]:
    import unicodedata

    def nfc(s: str) -> str:
        return unicodedata.normalize("NFC", s)

    table: dict[str, str] = {}   # unicode letter (lower case) → VNI text (lower case)
    for base in "aeouy":
        for tone, mark in _VNI_TONE.items():
            table[nfc(base + _TONE_OF[tone])] = base + mark
    for base in "aeo":
        for tone, mark in _VNI_CIRC_TONE.items():
            table[nfc(base + "\u0302" + _TONE_OF[tone])] = base + mark
    for tone, mark in _VNI_BREVE_TONE.items():
        table[nfc("a\u0306" + _TONE_OF[tone])] = "a" + mark
    # ơ and ư have one code each; their tones follow as for a plain vowel.
    for base, code in (("o\u031b", "ô"), ("u\u031b", "ö")):
        table[nfc(base)] = code
        for tone, mark in _VNI_TONE.items():
            table[nfc(base + _TONE_OF[tone])] = code + mark
    # i with tones, ỵ and đ have single codes.
    table.update({"ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ"})
    # Capitals: the capital base letter with the capital marks.
    for lower, code in list(table.items()):
        table[lower.upper()] = code.upper()
    return table


VNI_ENCODE: dict[str, str] = _build_vni()     # 134 letters
VNI_DECODE: dict[str, str] = {v: k for k, v in VNI_ENCODE.items()}
