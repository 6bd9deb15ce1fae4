"""The shared office store: two staff members (two connections) deciding at once lose nothing and
overwrite nothing; two opening packages at once record each exactly once. On SQLite the data file is
one laptop's: a second program opening it is told the file is in use."""
from __future__ import annotations

import threading
from datetime import date

import pytest

from kiemdiem_desktop.committee.year import CommitteeOffice
from kiemdiem_desktop.store.committee_store import ConflictError
from kiemdiem_desktop.store.errors import FileLockedError


def _both(fn_a, fn_b):
    """Run two calls at the same moment in two threads; their results or exceptions."""
    barrier = threading.Barrier(2)
    out: list = [None, None]

    def run(i, fn):
        barrier.wait()
        try:
            out[i] = fn()
        except Exception as err:  # noqa: BLE001 - returned for the test to look at
            out[i] = err

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate((fn_a, fn_b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return out


def test_two_staff_open_packages_at_once_into_postgresql(year, postgres_server, tmp_path):
    url = postgres_server()
    key = year.key("capuy-mh")
    packages = sorted(year.packages.glob("*.p7m"))
    with CommitteeOffice(url) as a, CommitteeOffice(url) as b:
        ra, rb = _both(lambda: a.open_packages(packages, key, out=None, trust=True),
                       lambda: b.open_packages(list(reversed(packages)), key, out=None, trust=True))
        assert all(r.ok for r in ra + rb), [r.message for r in ra + rb]
        inbox = a.register.inbox(2026)
        assert sorted(r["file_name"] for r in inbox) == ["cb01.p7m", "cb02.p7m", "cb03.p7m"]
        assert all(r["state"] == "verified" for r in inbox)
        assert [c.status for c in a.view(2026).cells] == ["verified"] * 3
        assert a.summary(2026)["members"]["total"] == b.summary(2026)["members"]["total"] > 30


def test_two_staff_deciding_the_same_member_at_once_one_is_told_nothing_is_lost(year, postgres_server):
    url = postgres_server()
    with CommitteeOffice(url) as setup:
        setup.open_packages(sorted(year.packages.glob("*.p7m")), year.key("capuy-mh"), out=None, trust=True)
    with CommitteeOffice(url) as a, CommitteeOffice(url) as b:
        seen_a, seen_b = a.view(2026), b.view(2026)           # both screens show no decision yet
        m = next(x for x in seen_a.members() if x.voted_level == "EXCELLENT")
        assert m.decision is None and seen_b.member(m.id).decision is None
        day = date(2026, 12, 20)
        ra, rb = _both(
            lambda: a.decide_member(2026, m.id, "GOOD", reason="Vượt tỷ lệ", decided_on=day, decided_by="Lan",
                                    expected=None, view=seen_a),
            lambda: b.decide_member(2026, m.id, "COMPLETED", reason="Còn hạn chế", decided_on=day, decided_by="Hùng",
                                    expected=None, view=seen_b))
        winners = [r for r in (ra, rb) if not isinstance(r, Exception)]
        losers = [r for r in (ra, rb) if isinstance(r, Exception)]
        assert len(winners) == 1 and len(losers) == 1 and isinstance(losers[0], ConflictError), (ra, rb)
        assert "vừa được người khác quyết định" in str(losers[0])
        history = a.history(2026, m.id)
        assert [(h.level, h.decided_by) for h in history] == [(winners[0].level, winners[0].decided_by)]
        # the loser looks again and decides over what is now there: kept as history, nothing erased
        fresh = b.view(2026).member(m.id)
        assert fresh.decision.id == winners[0].id
        b.decide_member(2026, m.id, "COMPLETED", reason="Còn hạn chế", decided_on=day, expected=fresh.decision.id)
        history = a.history(2026, m.id)
        assert [h.level for h in history] == [winners[0].level, "COMPLETED"]
        assert history[0].replaced_by == history[1].id and history[1].replaced_by is None
        # two members decided at once by two staff: both kept
        x, y = [mm for mm in a.view(2026).members() if mm.voted_level == "GOOD"][:2]
        ra, rb = _both(lambda: a.decide_member(2026, x.id, "COMPLETED", reason="a", decided_on=day),
                       lambda: b.decide_member(2026, y.id, "COMPLETED", reason="b", decided_on=day))
        assert not isinstance(ra, Exception) and not isinstance(rb, Exception)
        assert a.summary(2026)["decided"] == 3 == b.summary(2026)["decided"]


def test_the_sqlite_file_is_held_by_one_program(tmp_path):
    path = tmp_path / "cap-uy.kiemdiem"
    with CommitteeOffice(path):
        with pytest.raises(FileLockedError) as err:
            CommitteeOffice(path)
    assert "đang được mở" in str(err.value)
