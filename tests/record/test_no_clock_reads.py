"""The figures and the rules never read the computer's clock: only clock.py does, and the
entry points hand a clock to the live meeting (DOMAIN.md §7)."""
import re

from tests.helpers import ROOT

PKG = ROOT / "kiemdiem_desktop"
FIGURE_CODE = [*sorted((PKG / "rules").glob("*.py")), *sorted((PKG / "model").glob("*.py")),
               *sorted((PKG / "flow").glob("*.py")),
               PKG / "figures.py", PKG / "meeting_results.py", PKG / "voting.py", PKG / "session.py",
               PKG / "io" / "meeting_json.py"]


def test_no_clock_is_read_in_the_figures_the_rules_or_the_meeting_file():
    found = []
    for path in FIGURE_CODE:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\b(datetime|date|time)\.(now|today|utcnow)\(|\btime\.time\(", line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []
