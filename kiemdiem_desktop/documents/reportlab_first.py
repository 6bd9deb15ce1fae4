"""Imported before anything of reportlab.platypus: loads ``reportlab.platypus.paragraph`` with its
``uri_pat`` compiled on first use instead of at import.

That pattern (case-insensitive, with ranges up to U+FFFF) costs ~21 ms to compile, about a tenth of
the process that writes a 40-member minutes, and reportlab matches it only when it splits a long URI
across lines (``_uri_split_pairs``: hyphenation or ``uriWasteReduce``), which none of our documents
asks for. When it is used, the same pattern is compiled then and gives the same matches."""
from __future__ import annotations

import re
import sys
import threading

_URI_PAT_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class _PatternOnFirstUse:
    """Stands for ``re.compile(pattern, flags)``, compiled the first time an attribute is asked."""

    def __init__(self, pattern: str, flags: int):
        self._args = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def _import_paragraph() -> None:
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_ = re.compile
    here = threading.get_ident()

    def compile_lazily(pattern, flags=0):
        if (threading.get_ident() == here and isinstance(pattern, str) and pattern.startswith(_URI_PAT_START)
                and flags == re.I):
            return _PatternOnFirstUse(pattern, flags)
        return compile_(pattern, flags)

    re.compile = compile_lazily
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_


_import_paragraph()
