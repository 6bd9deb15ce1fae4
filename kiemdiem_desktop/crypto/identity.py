"""Who a package says it is from, made comparable and shown safely (issue 12, items 5 and 6).

A cell is known to the committee by its code. Codes are compared after NFKC (full-width
"ＣＢ-VP" is "CB-VP"), with every control, format and other invisible character removed
("CB-VP\\u200b"), every dash and minus sign read as "-" ("CB‐VP" with U+2010), the Cyrillic
and Greek capitals that look like Latin ones read as those ("СВ-VР"), case folded and spaces
collapsed (a code loses its spaces altogether). A package without a code (empty once normalised) names no cell: refused.

Names and other texts from a package are shown with every control and format character made
visible ("⟨U+000A⟩"), so a name cannot push the real fingerprint out of a dialog, forge a line
of a terminal, or send ANSI escapes to it.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# Default-ignorable characters that are not category Cf (the Cf ones are removed by category).
_IGNORABLE = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, *range(0x180B, 0x1810),
              *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)}
# Dash-like characters outside category Pd read as "-".
_DASHES = {0x2212, 0x2043, 0x02D7, 0x2796, 0xFE63, 0xFF0D, 0x10EAD, 0x1680}
# Cyrillic and Greek letters drawn like Latin ones (upper and lower case).
_CONFUSABLES = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p",
})


def _invisible(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Cs", "Co", "Cn") or ord(ch) in _IGNORABLE


def normalise_identity(text: str | None) -> str:
    """The form in which two cell codes (or names) are compared: "ＣＢ‐VP\\u200b" -> "cb-vp"."""
    if not isinstance(text, str):
        return ""
    s = unicodedata.normalize("NFKC", text)
    out = []
    for ch in s:
        if ch.isspace() or unicodedata.category(ch) in ("Zs", "Zl", "Zp"):
            out.append(" ")
        elif _invisible(ch):
            continue
        elif unicodedata.category(ch) == "Pd" or ord(ch) in _DASHES:
            out.append("-")
        else:
            out.append(ch)
    s = "".join(out).translate(_CONFUSABLES)
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join(s.split())


def normalise_code(text: str | None) -> str:
    """A cell code for comparison: as :func:`normalise_identity`, without any space ("CB - VP" is "cb-vp")."""
    return normalise_identity(text).replace(" ", "")


def normalise_name(text: str | None) -> str:
    """A cell's name for comparison: as a code, and without accents (đ read as d)."""
    return _normalise_name(text) if isinstance(text, str) else ""


@lru_cache(maxsize=4096)
def _normalise_name(text: str) -> str:
    """(Remembered: every first-seen package compares its name with each cell of the inbox.)"""
    s = unicodedata.normalize("NFD", normalise_identity(text))
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn").replace("đ", "d")
    return unicodedata.normalize("NFC", s)


def identity_problem(cell) -> str:
    """Why a package's cell cannot be told apart from another, or ""."""
    if not isinstance(cell, dict) or not normalise_code(cell.get("code")):
        return ("gói không ghi mã chi bộ (mã trống hoặc chỉ gồm ký tự vô hình): không xác định được chi bộ gửi; "
                "chi bộ cần ghi mã do cấp ủy cấp trên cấp rồi lập lại gói")
    return ""


def visible(text, *, keep_newlines: bool = False, limit: int = 300) -> str:
    """``text`` with every control, format and invisible character shown as ⟨U+XXXX⟩ (newlines too,
    unless ``keep_newlines``), cut at ``limit`` characters: safe in a dialog and a terminal."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    out = []
    for ch in text:
        if keep_newlines and ch in "\n\t":
            out.append(ch)
        elif _invisible(ch) or unicodedata.category(ch) in ("Zl", "Zp"):
            out.append(f"⟨U+{ord(ch):04X}⟩")
        else:
            out.append(ch)
    s = "".join(out)
    if limit and len(s) > limit:
        s = s[:limit] + "…"
    return unicodedata.normalize("NFC", s)


__all__ = ["normalise_identity", "normalise_code", "normalise_name", "identity_problem", "visible"]
