"""reportlab imported with the regular expressions of its own modules compiled when first used.

Importing reportlab.platypus compiles some sixty patterns; a few are costly and never used here:
paragraph.py's URI pattern (case-insensitive over the whole Unicode range: 30–40 ms alone) and
textsplit's CJK pattern. A program start pays for them at every document (issue 15). During this
one import, a pattern compiled by a reportlab module is a stand-in that compiles itself at its first
use and then behaves as the compiled pattern (its methods are looked up once and kept). Every other
caller of re.compile gets the real thing; re.compile is restored right after the import."""
from __future__ import annotations

import re
import sys
import threading

_compile = re.compile
_lock = threading.Lock()


class LazyPattern:
    """A compiled pattern, compiled at its first use."""

    def __init__(self, pattern, flags=0):
        self._args = (pattern, flags)
        self._compiled = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = _compile(*self._args)
        return self._compiled

    def __getattr__(self, name):
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value            # the next lookup finds it without __getattr__
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r}, {self._args[1]!r})"


def _lazy_compile(pattern, flags=0):
    caller = sys._getframe(1).f_globals.get("__name__", "")
    if caller.startswith("reportlab.") and isinstance(pattern, (str, bytes)):
        return LazyPattern(pattern, flags)
    return _compile(pattern, flags)


def import_reportlab() -> None:
    """Import reportlab.platypus (once) with its module-level patterns compiled lazily."""
    if "reportlab.platypus" in sys.modules:
        return
    with _lock:
        re.compile = _lazy_compile
        try:
            import reportlab.platypus  # noqa: F401
        finally:
            re.compile = _compile


import_reportlab()
