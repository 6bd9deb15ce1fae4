"""Vietnamese text (DOMAIN.md §9): NFC cleaning, search folding, name order, dates, legacy encodings."""
from .collation import name_sort_key, sort_members
from .dates import DateError, format_date, parse_date
from .text import clean, fold, initials, matches, nfc

__all__ = ["name_sort_key", "sort_members", "DateError", "format_date", "parse_date", "clean",
           "fold", "initials", "matches", "nfc"]
