"""Majority arithmetic (cumulative and per level) and the ballot checks (DOMAIN.md §5, §7)."""
from fractions import Fraction

from hypothesis import given, strategies as st

from kiemdiem_desktop.model.levels import Level
from kiemdiem_desktop.rules.majority import (
    LEVELS_TOP_DOWN, MAJORITY, TWO_THIRDS, CountingSettings, Threshold, rating_outcome,
)
from kiemdiem_desktop.rules.tally import (
    MemberTally, PaperCounts, check_ballot, check_member, check_papers, compare_entries, tally_papers,
)

E, G, C, N = Level.EXCELLENT, Level.GOOD, Level.COMPLETED, Level.NOT_COMPLETED


def test_more_than_half_of_the_base_not_of_those_present():
    # base 11, 8 present: 6 votes pass (6 > 5.5), 5 do not, whatever the presence
    assert MAJORITY.passes(6, 11) and not MAJORITY.passes(5, 11)
    assert MAJORITY.votes_needed(11) == 6 and MAJORITY.votes_needed(10) == 6
    assert TWO_THIRDS.votes_needed(9) == 6 and TWO_THIRDS.votes_needed(10) == 7


def test_cumulative_from_the_top():
    # base 10: HTXSNV 4, HTTNV 3 -> HTXSNV fails (4), HTTNV reached with 7 cumulative
    out = rating_outcome({E: 4, G: 3, C: 1}, 10)
    assert out.reached == G
    assert [(c.level, c.votes, c.passed) for c in out.counts] == [(E, 4, False), (G, 7, True), (C, 8, True),
                                                                   (N, 8, True)]
    per_level = rating_outcome({E: 4, G: 3, C: 1}, 10, CountingSettings(cumulative=False))
    assert per_level.reached is None
    assert per_level.next_vote_level(G) == C


def test_two_thirds_option_for_excellent():
    settings = CountingSettings(excellent_threshold=TWO_THIRDS)
    assert rating_outcome({E: 6, G: 3}, 10, settings).reached == G   # 6 < 7
    assert rating_outcome({E: 7, G: 2}, 10, settings).reached == E


def test_an_early_leaver_makes_a_level_fail():
    # base 9 (the leaver stays in it): 5 of the 8 still in the room vote HTTNV -> 5 > 4.5 passes;
    # a second leaver leaves only 4 such votes -> fails, although 4 of the 7 present is a majority of those present
    assert rating_outcome({G: 5, C: 3}, 9).reached == G
    assert rating_outcome({G: 4, C: 3}, 9).reached == C
    assert rating_outcome({G: 4}, 9).reached is None


counts = st.dictionaries(st.sampled_from(LEVELS_TOP_DOWN), st.integers(0, 60))


@given(counts, st.integers(1, 120))
def test_cumulative_reaches_at_least_what_per_level_reaches(votes, base):
    cum = rating_outcome(votes, base).reached
    per = rating_outcome(votes, base, CountingSettings(cumulative=False)).reached
    rank = {None: 99, **{lvl: i for i, lvl in enumerate(LEVELS_TOP_DOWN)}}
    assert rank[cum] <= rank[per]


@given(counts, st.integers(1, 120))
def test_reached_level_really_has_more_than_half_and_no_higher_one_does(votes, base):
    out = rating_outcome(votes, base)
    for i, row in enumerate(out.counts):
        assert row.votes == sum(votes.get(lvl, 0) for lvl in LEVELS_TOP_DOWN[: i + 1])
        assert row.passed == (2 * row.votes > base)
        assert row.passed == (row.votes >= row.needed)
    if out.reached is not None:
        idx = LEVELS_TOP_DOWN.index(out.reached)
        assert all(not r.passed for r in out.counts[:idx])


@given(st.integers(0, 500), st.integers(1, 500), st.integers(1, 5), st.integers(2, 6), st.booleans())
def test_votes_needed_is_the_smallest_passing_count(votes, base, num, den, strict):
    t = Threshold(Fraction(min(num, den), den), strict)
    need = t.votes_needed(base)
    assert t.passes(need, base)
    assert need == 0 or not t.passes(need - 1, base)
    assert t.passes(votes, base) == (votes >= need)


def test_paper_checks_name_the_exact_mismatch():
    ok = PaperCounts(voters_present=9, issued=9, returned=9, valid=8, invalid=1)
    assert check_papers(ok) == []
    bad = PaperCounts(voters_present=9, issued=10, returned=11, valid=8, invalid=1)
    texts = [str(m) for m in check_papers(bad)]
    assert "Số phiếu phát ra (10) nhiều hơn số đảng viên có quyền biểu quyết có mặt (9)." in texts
    assert "Số phiếu thu vào (11) nhiều hơn số phiếu phát ra (10)." in texts
    assert any("khác số phiếu thu vào (11)" in t for t in texts)


def test_member_tally_names_member_and_difference():
    t = MemberTally("Lê Văn An", {E: 2, G: 5, C: 1}, blank_or_invalid=0)
    [m] = check_member(t, 9)
    assert str(m) == ("Lê Văn An: HTXSNV 2 + HTTNV 5 + HTNV 1 + KHTNV 0 + trống/không hợp lệ 0 = 8, "
                      "khác số phiếu thu vào (9): thiếu 1 phiếu.")
    t.blank_or_invalid = 1
    assert check_member(t, 9) == []


@given(st.lists(st.dictionaries(st.sampled_from(["a", "b", "c"]), st.sampled_from([*LEVELS_TOP_DOWN, None]),
                                 min_size=3), max_size=40))
def test_paper_by_paper_tallies_always_add_up(papers):
    tallies = tally_papers(papers, {"a": "A", "b": "B", "c": "C"})
    n = len(papers)
    p = PaperCounts(voters_present=n, issued=n, returned=n, valid=n, invalid=0)
    assert check_ballot(p, list(tallies.values())) == []


def test_double_entry_lists_every_difference():
    one = {"a": MemberTally("Lê Văn An", {E: 2, G: 7}), "b": MemberTally("Trần Thị Bình", {G: 9})}
    two = {"a": MemberTally("Lê Văn An", {E: 3, G: 6}), "b": MemberTally("Trần Thị Bình", {G: 9})}
    texts = [str(d) for d in compare_entries(one, two)]
    assert texts == ["Lê Văn An, HTXSNV: lần nhập thứ nhất 2, lần thứ hai 3.",
                     "Lê Văn An, HTTNV: lần nhập thứ nhất 7, lần thứ hai 6."]
    assert compare_entries(one, one) == []
