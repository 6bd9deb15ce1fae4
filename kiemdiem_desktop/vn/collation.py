"""Vietnamese name order (DOMAIN.md §9).

Names are ordered by the given name (the last word), then by the other words in order
(family name, middle names). Each word is compared by its base letters in the Vietnamese
alphabet — a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y — first; tones only
break ties, in the order ngang, huyền, hỏi, ngã, sắc, nặng (the CLDR "vi" tone order).
Comparison ignores case; decomposed (NFD) and composed (NFC) input sort the same.
"""
from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache
from typing import Iterable, TypeVar

from .text import clean

__all__ = ["ALPHABET", "TONES", "letter_key", "word_key", "name_sort_key", "sort_members"]

# The Vietnamese alphabet with the foreign letters f j w z slotted in their Latin places.
ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
            "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_RANK = {letter: i for i, letter in enumerate(ALPHABET)}

# Combining tone marks in tone order: ngang (none) 0, huyền 1, hỏi 2, ngã 3, sắc 4, nặng 5.
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPE_MARKS = "\u0306\u0302\u031b"  # breve (ă), circumflex (â ê ô), horn (ơ ư)

_DIGIT, _LETTER, _OTHER = 0, 1, 2


@lru_cache(maxsize=2048)
def letter_key(ch: str) -> tuple[tuple[int, int], int]:
    """(primary, tone) of one character: primary orders digits, then letters, then others."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    tone = 0
    base = []
    for c in decomposed:
        if c in TONES:
            tone = TONES[c]
        else:
            base.append(c)
    base_ch = unicodedata.normalize("NFC", "".join(base))
    if base_ch in _RANK:
        return (_LETTER, _RANK[base_ch]), tone
    if len(base_ch) == 1 and base_ch.isdigit():
        return (_DIGIT, int(base_ch) if base_ch.isascii() else ord(base_ch)), tone
    # A foreign accented letter (ç, ö …): its base Latin letter, then after it.
    plain = "".join(c for c in base_ch if not unicodedata.combining(c))
    if plain in _RANK:
        return (_LETTER, _RANK[plain]), 100 + tone
    return (_OTHER, ord(base_ch[0]) if base_ch else 0), tone


@lru_cache(maxsize=16384)   # names share their words: Nguyễn, Văn, Thị…
def word_key(word: str) -> tuple:
    """Base letters first, then the tones of each letter as a tie-break."""
    # Compose first so that a letter and its combining marks are one character.
    keys = [letter_key(c) for c in unicodedata.normalize("NFC", word)]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys)


@lru_cache(maxsize=65536)
def name_sort_key(full_name: str) -> tuple:
    """Sort key of a full name: given name (last word) first, then the other words in order."""
    words = clean(full_name).split(" ")
    words = [w for w in words if w]
    if not words:
        return ()
    ordered = [words[-1]] + words[:-1]
    return tuple(word_key(w) for w in ordered)


M = TypeVar("M")


def sort_members(members: Iterable[M]) -> list[M]:
    """Members in Vietnamese name order; equal names by date of birth, then by id (stable)."""
    return sorted(members, key=lambda m: (name_sort_key(m.full_name),
                                          m.birth_date or date.max, m.id))
