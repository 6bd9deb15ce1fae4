"""Vietnamese text: normalisation, diacritic-insensitive folding and matching (DOMAIN.md §9).

Everything that comes in — typing, pasting, imports — goes through :func:`clean` so that
the program stores and prints NFC (Unikey/EVKey can emit decomposed text).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["nfc", "clean", "fold", "initials", "matches"]

# Zero-width and invisible format characters that creep in when pasting from Word/web pages.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"\s+")


def nfc(s: str) -> str:
    """Unicode NFC (composed) form."""
    return unicodedata.normalize("NFC", s)


def clean(s: str | None) -> str:
    """NFC, no zero-width characters, trimmed, inner whitespace runs collapsed to one space."""
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).translate(_ZERO_WIDTH)
    return _SPACES.sub(" ", s).strip()


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base.lower()


def fold(s: str | None) -> str:
    """Lower case without any diacritics, đ → d: for diacritic-insensitive search.

    "Nguyễn Văn Đức" → "nguyen van duc". Whitespace is cleaned as by :func:`clean`.
    """
    s = clean(s)
    if s.isascii():
        return s.lower()
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFC", s))


def initials(s: str | None) -> str:
    """Folded first letters of each word: "Nguyễn Văn Hùng" → "nvh"."""
    return "".join(w[0] for w in fold(s).split(" ") if w)


def matches(query: str | None, text: str | None) -> bool:
    """Does a search query match a text (a name)?

    True when the folded query is a substring of the folded text ("hung", "Hùng",
    "van hung" all match "Nguyễn Văn Hùng"), or when the query is one word of at least
    two letters that begins the text's initials ("nvh", "nv"). An empty query matches all.
    """
    q = fold(query)
    if not q:
        return True
    t = fold(text)
    if q in t:
        return True
    return len(q) >= 2 and " " not in q and q.isalpha() and initials(t).startswith(q)
