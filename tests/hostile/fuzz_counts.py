"""How many hostile inputs each fuzz test tried in this run (printed at the end of the session)."""
from __future__ import annotations

from collections import Counter

tried: Counter = Counter()
