"""Legacy Vietnamese encodings: decoding, a syllable validator and encoding detection.

Old rosters may be UTF-8 (with or without BOM), UTF-16, Windows-1258, TCVN3 (ABC fonts,
".VnTime") or VNI-Windows. A legacy-font column may also sit inside a Unicode file (an
XLSX cell formatted with ".VnTime" holds the TCVN3 bytes as Latin-1 characters). DOMAIN.md
§9: detect per column by how many valid Vietnamese syllables each candidate decoding
gives, show the choice, let the user override. The tables live in ``legacy_tables``.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..i18n import QT_TRANSLATE_NOOP, msg
from .legacy_tables import TCVN3_DECODE, TCVN3_LETTERS, VNI_DECODE, VNI_ENCODE

__all__ = [
    "FILE_ENCODINGS", "COLUMN_ENCODINGS", "ENCODING_LABELS", "EncodingGuess",
    "legacy_to_unicode", "unicode_to_legacy", "decode_bytes", "is_vietnamese_syllable",
    "vietnamese_score", "guess_file_encoding", "guess_column_encoding",
]

FILE_ENCODINGS = ("utf-8", "utf-16", "cp1258", "tcvn3", "vni")
COLUMN_ENCODINGS = ("unicode", "tcvn3", "vni")
ENCODING_LABELS = {
    "utf-8": "UTF-8 (Unicode)", "utf-16": "UTF-16 (Unicode)", "utf-16-le": "UTF-16 (Unicode)",
    "utf-16-be": "UTF-16 (Unicode)", "cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC, .VnTime)",
    "vni": "VNI-Windows", "unicode": "Unicode",
}

# --- decoding ---------------------------------------------------------------------------
_TCVN3_TRANSLATE = {b: u for b, u in TCVN3_DECODE.items()}
_WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"'/\\\-–—_|*+=<>]+")


def _vni_decode_table() -> dict[str, str]:
    table = dict(VNI_DECODE)
    # Tolerate a mark byte typed in the other case than its base letter: the base decides.
    for code, letter in VNI_DECODE.items():
        if len(code) == 2:
            base, mark = code
            variant = base + mark.swapcase()
            if variant not in table:
                table[variant] = letter
    return table


_VNI_TABLE = _vni_decode_table()
_VNI_PATTERN = re.compile("|".join(
    re.escape(k) for k in sorted(_VNI_TABLE, key=len, reverse=True)))


def _repair_vntimeh(text: str) -> str:
    """Upper-case words written with a ".VnTimeH" capital font.

    Those fonts draw the lower-case TCVN3 codes as capitals, so "NGUYỄN" is stored as
    "NGUY" + the code of "ễ". A word whose plain letters are all capitals (two or more of
    them) and that holds a lower-case letter from the table is turned to upper case. A word
    with a single plain capital ("Hà") is left as it is: it is far likelier title case.
    """
    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        if any(c.islower() and c.isascii() for c in w):
            return w
        if sum(1 for c in w if c.isupper()) >= 2 and any(c.islower() for c in w):
            return w.upper()
        return w
    return _WORD.sub(fix, text)


def legacy_to_unicode(s: str, encoding: str) -> str:
    """Decode legacy text seen as Latin-1/cp1252 characters ("Hµ Néi" → "Hà Nội").

    ``encoding`` is "tcvn3" or "vni" ("unicode" returns the text in NFC). Characters the
    table does not know pass through unchanged. The result is NFC.
    """
    if encoding == "tcvn3":
        out = unicodedata.normalize("NFC", s.translate(_TCVN3_TRANSLATE))
        return _repair_vntimeh(out)
    if encoding == "vni":
        out = _VNI_PATTERN.sub(lambda m: _VNI_TABLE[m.group(0)], s)
        return unicodedata.normalize("NFC", out)
    if encoding in ("unicode", "utf-8", "utf-16"):
        return unicodedata.normalize("NFC", s)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


_TCVN3_ENCODE = {ord(u.upper()): chr(b) for u, b in TCVN3_LETTERS.items() if u.islower()}
_TCVN3_ENCODE.update({ord(u): chr(b) for u, b in TCVN3_LETTERS.items()})


def unicode_to_legacy(s: str, encoding: str) -> str:
    """The inverse of :func:`legacy_to_unicode`, for tests and for making sample files.

    TCVN3 has no codes for capitals with tones: they are written with the lower-case code
    (as a ".VnTimeH" font would show them). "cp1258" gives the Windows-1258 spelling (base
    letters with combining tone marks), to be encoded with Python's "cp1258" codec.
    """
    s = unicodedata.normalize("NFC", s)
    if encoding == "tcvn3":
        return s.translate(_TCVN3_ENCODE)
    if encoding == "vni":
        return "".join(VNI_ENCODE.get(c, c) for c in s)
    if encoding == "cp1258":
        return "".join(_cp1258_char(c) for c in s)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def _cp1258_char(c: str) -> str:
    """Windows-1258 spelling of one letter: precomposed when it has a code, else base + tone."""
    try:
        c.encode("cp1258")
        return c
    except UnicodeEncodeError:
        pass
    parts = unicodedata.normalize("NFD", c)
    tones = "".join(x for x in parts if x in _TONE_MARKS)
    base = unicodedata.normalize("NFC", "".join(x for x in parts if x not in _TONE_MARKS))
    return base + tones


def decode_bytes(data: bytes, encoding: str) -> str:
    """Bytes of a file in one of :data:`FILE_ENCODINGS` → NFC Unicode text.

    Raises ``UnicodeDecodeError`` when the bytes are not valid in that encoding.
    """
    enc = encoding.lower().replace("_", "-")
    if enc in ("utf-8", "utf8", "utf-8-sig"):
        text = data.decode("utf-8-sig")
    elif enc in ("utf-16", "utf16"):
        if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            text = data.decode("utf-16")
        else:
            text = data.decode(_utf16_without_bom(data) or "utf-16-le")
    elif enc in ("utf-16-le", "utf-16-be"):
        text = data.decode(enc)
        text = text[1:] if text.startswith("\ufeff") else text
    elif enc in ("cp1258", "windows-1258"):
        text = data.decode("cp1258")
    elif enc in ("tcvn3", "vni"):
        return legacy_to_unicode(data.decode("latin-1"), enc)
    else:
        raise ValueError(f"unknown encoding {encoding!r}")
    return unicodedata.normalize("NFC", text)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


# --- syllables --------------------------------------------------------------------------
_TONE_MARKS = {"\u0300": "huyen", "\u0309": "hoi", "\u0303": "nga", "\u0301": "sac",
               "\u0323": "nang"}
_SHAPE_MARKS = "\u0302\u0306\u031b"
_VOWEL_BASES = set("aeiouy")
_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Vowel nuclei standing alone (open syllables) and those that take a final consonant.
_OPEN = ("a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua ui uy ưa ưi "
         "ưu ươu iêu yêu uôi ươi oai oay oao oeo uây uya uyu uê uơ").split()
_CLOSED = "a ă â e ê i o ô ơ u ư y iê yê uô ươ oa oă oe uâ uê uy uyê oo".split()
_CODAS = "ch|nh|ng|c|m|n|p|t"
_SYLLABLE = re.compile(
    rf"(?:{_ONSETS})?(?:(?:{'|'.join(sorted(_OPEN, key=len, reverse=True))})"
    rf"|(?:{'|'.join(sorted(_CLOSED, key=len, reverse=True))})(?P<coda>{_CODAS}))")
_VIET_LETTERS = set(unicodedata.normalize("NFC", c) for c in
                    "ăâđêôơư" + "".join(VNI_ENCODE) + "".join(TCVN3_LETTERS))
_VIET_LETTERS = {c for c in _VIET_LETTERS if not c.isascii()}


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(token: str) -> bool:
    """Is the token one valid Vietnamese syllable (any case, NFC or NFD)?

    Onset + (w glide) + vowel nucleus + coda, at most one tone mark, on a vowel; the stop
    finals c, ch, p, t take only the sắc or nặng tone. Plain ASCII syllables ("Van") count.
    """
    t = unicodedata.normalize("NFD", token.lower())
    tone = None
    prev_base = ""
    rest = []
    for c in t:
        if c in _TONE_MARKS:
            if tone is not None or prev_base not in _VOWEL_BASES:
                return False
            tone = _TONE_MARKS[c]
            continue
        if unicodedata.combining(c):
            if c not in _SHAPE_MARKS or not prev_base:
                return False
        else:
            prev_base = c
        rest.append(c)
    toneless = unicodedata.normalize("NFC", "".join(rest))
    m = _SYLLABLE.fullmatch(toneless)
    if m is None:
        return False
    if m.group("coda") in ("c", "ch", "p", "t") and tone not in ("sac", "nang"):
        return False
    return True


def _score(text: str) -> tuple[float, int, int]:
    """(share of valid syllables, number of valid non-ASCII syllables, number counted)."""
    valid = valid_non_ascii = counted = 0
    for tok in _WORD.findall(text):
        if not any(c.isalpha() for c in tok) or any(c in "0123456789" for c in tok):
            continue
        counted += 1
        if is_vietnamese_syllable(tok):
            valid += 1
            if not tok.isascii():
                valid_non_ascii += 1
    return (valid / counted if counted else 0.0), valid_non_ascii, counted


def vietnamese_score(text: str) -> float:
    """Share of word tokens (with letters, without digits) that are Vietnamese syllables."""
    return _score(unicodedata.normalize("NFC", text))[0]


# --- detection --------------------------------------------------------------------------
@dataclass
class EncodingGuess:
    encoding: str                                  # one of FILE_ENCODINGS (or utf-16-le/-be)
    scores: dict[str, float] = field(default_factory=dict)
    reason: str = ""                               # Vietnamese, to show beside the choice


_SAMPLE = 256 * 1024


def _has_vietnamese_letters(text: str) -> bool:
    return any(c in _VIET_LETTERS for c in text) or any(c in _TONE_MARKS for c in text)


def _pct(x: float) -> str:
    return f"{round(x * 100)}%"


def guess_file_encoding(data: bytes) -> EncodingGuess:
    """Guess the encoding of a text file: BOM, then strict UTF-8, then syllable scores."""
    if data.startswith(codecs.BOM_UTF8):
        return EncodingGuess("utf-8", {}, str(msg(QT_TRANSLATE_NOOP(
            "core", "Tệp có dấu BOM của UTF-8"))))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return EncodingGuess("utf-16", {}, str(msg(QT_TRANSLATE_NOOP(
            "core", "Tệp có dấu BOM của UTF-16"))))
    utf16 = _utf16_without_bom(data)
    if utf16:
        return EncodingGuess(utf16, {}, str(msg(QT_TRANSLATE_NOOP(
            "core", "Tệp có dạng UTF-16 (mỗi chữ hai byte), không có dấu BOM"))))
    sample = data[:_SAMPLE]
    candidates: dict[str, str] = {}
    try:
        # A cut in the middle of a multi-byte sequence at the end of the sample is fine.
        text = codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(data) <= _SAMPLE)
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if text.isascii():
            return EncodingGuess("utf-8", {}, str(msg(QT_TRANSLATE_NOOP(
                "core", "Tệp chỉ có chữ không dấu (ASCII), đọc như UTF-8"))))
        text = unicodedata.normalize("NFC", text)
        if _has_vietnamese_letters(text):
            return EncodingGuess("utf-8", {"utf-8": vietnamese_score(text)}, str(msg(
                QT_TRANSLATE_NOOP("core", "Tệp là UTF-8 hợp lệ và có chữ tiếng Việt"))))
        candidates["utf-8"] = text
    for enc in ("cp1258", "tcvn3", "vni"):
        try:
            candidates[enc] = decode_bytes(sample, enc)
        except UnicodeDecodeError:
            continue
    results = {enc: _score(t) for enc, t in candidates.items()}
    order = list(candidates)
    best = max(order, key=lambda e: (results[e][0], results[e][1], -order.index(e)))
    scores = {e: round(r[0], 4) for e, r in results.items()}
    others = ", ".join(f"{ENCODING_LABELS[e]}: {_pct(s)}" for e, s in scores.items() if e != best)
    reason = str(msg(QT_TRANSLATE_NOOP(
        "core", "Đoán bảng mã {encoding}: {share} số từ là âm tiết tiếng Việt ({others})"),
        encoding=ENCODING_LABELS[best], share=_pct(scores[best]), others=others))
    return EncodingGuess(best, scores, reason)


def _looks_legacy(value: str) -> bool:
    return any("\u0080" <= c <= "\u00ff" for c in value)


def column_scores(values: Iterable[str], limit: int = 400) -> dict[str, float]:
    """Syllable scores of a column's text under each of :data:`COLUMN_ENCODINGS`."""
    return {enc: r[0] for enc, r in _column_results(values, limit).items()}


def _column_results(values: Iterable[str], limit: int) -> dict[str, tuple[float, int, int]]:
    sample = []
    for v in values:
        if isinstance(v, str) and v and _looks_legacy(v):
            sample.append(v)
            if len(sample) >= limit:
                break
    if not sample:
        return {}
    joined = "\n".join(sample)
    return {enc: _score(legacy_to_unicode(joined, enc)) for enc in COLUMN_ENCODINGS}


def guess_column_encoding(values: list[str], limit: int = 400) -> str:
    """"unicode", "tcvn3" or "vni" for a column of already decoded text.

    Only values with Latin-1 letters (where legacy fonts leave their traces) are looked at;
    a legacy reading must give strictly more valid syllables than the text as it is.
    """
    results = _column_results(values, limit)
    if not results:
        return "unicode"
    best = "unicode"
    for enc in ("tcvn3", "vni"):
        if (results[enc][0], results[enc][1]) > (results[best][0], results[best][1]):
            best = enc
    return best
