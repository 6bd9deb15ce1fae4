"""The clock, injected at the entry points (the window, the command line).

What the meeting did is recorded with the time it happened (opening, each vote, the
adoption, the closing): only the live meeting asks the clock, when it records. Every figure
and every document is a function of the stored meeting: they are computed with
:data:`NO_CLOCK`, which refuses to be read, so a figure that would depend on the hour it is
printed fails loudly instead of silently changing.

A clock is called like the older ``clock()`` callables (it returns "HH:MM"), and also gives
``now()`` (a naive local datetime, to the second) and ``today()``.
"""
from __future__ import annotations

from datetime import date, datetime


class Clock:
    def now(self) -> datetime:
        raise NotImplementedError

    def today(self) -> date:
        return self.now().date()

    def __call__(self) -> str:
        """The time of day, "HH:MM"."""
        return self.now().strftime("%H:%M")


class SystemClock(Clock):
    """The computer's clock: given by cli.py and the window, never read below them."""

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


class FixedClock(Clock):
    """A clock that says what it is told (tests, imports, replays)."""

    def __init__(self, when: datetime):
        self.when = when

    def now(self) -> datetime:
        return self.when

    def set(self, hhmm: str) -> None:
        h, m = (int(x) for x in hhmm.split(":"))
        self.when = self.when.replace(hour=h, minute=m, second=0)


class ClockNotAllowed(RuntimeError):
    pass


class _NoClock(Clock):
    """For figures and documents: reading it is a bug (a figure depending on the hour)."""

    def now(self) -> datetime:
        raise ClockNotAllowed("a figure or a document asked the clock: it must read the stored meeting only")


NO_CLOCK: Clock = _NoClock()
SYSTEM_CLOCK: Clock = SystemClock()


def now_of(clock, day: date | None = None) -> datetime:
    """``clock.now()`` for a Clock; for an older "HH:MM" callable, that time on ``day``."""
    if isinstance(clock, Clock):
        return clock.now()
    h, m = (int(x) for x in clock().split(":")[:2])
    return datetime.combine(day or SYSTEM_CLOCK.today(), datetime.min.time()).replace(hour=h, minute=m)
