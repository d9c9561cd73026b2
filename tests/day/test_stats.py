"""Streaks, totals, adherence and habit strength: examples and properties."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from practice.catalog import Phase
from practice.daylog import DayKind, DayRecord
from practice.day.stats import DAILY_MULTIPLIER, carry, carry_until, compute

TODAY = date(2026, 11, 21)
PLAN = ("a", "b")


def history_from(pattern: str, today: date = TODAY) -> dict[date, DayRecord]:
    """One letter a day, the last one today: C complete, P partly done,
    M missed (nothing recorded), R rest, F flare day done in full."""
    start = today - timedelta(days=len(pattern) - 1)
    records = {}
    for offset, letter in enumerate(pattern):
        day = start + timedelta(days=offset)
        if letter == "C":
            records[day] = DayRecord(day, {"a": 1, "b": 2}, PLAN)
        elif letter == "P":
            records[day] = DayRecord(day, {"a": 1}, PLAN)
        elif letter == "R":
            records[day] = DayRecord(day, {}, (), DayKind.REST)
        elif letter == "F":
            records[day] = DayRecord(day, {"a": 1}, ("a",), DayKind.FLARE)
    return records


def stats_of(pattern: str):
    history = history_from(pattern)
    return compute(
        {day.toordinal(): record.facts for day, record in history.items()}, history, TODAY,
        phase_of=lambda i: Phase.RELEASE if i == "a" else Phase.BACK,
        plan_if_missing=lambda day: PLAN,
    )


# Examples -------------------------------------------------------------------


def test_streak_counts_back_from_today():
    assert stats_of("MCCC").streak == 3


def test_an_unfinished_today_does_not_break_the_streak():
    assert stats_of("CCCP").streak == 3
    assert stats_of("CCCM").streak == 3


def test_a_missed_or_partial_day_breaks_it():
    assert stats_of("CCMCC").streak == 2
    assert stats_of("CCPCC").streak == 2
    assert stats_of("CCCMM").streak == 0


def test_rest_days_neither_break_nor_extend():
    assert stats_of("CCRC").streak == 3
    assert stats_of("CCRRRC").best_streak == 3
    assert stats_of("RRR").streak == 0


def test_a_completed_flare_day_keeps_the_streak():
    assert stats_of("CFC").streak == 3


def test_best_streak_and_total():
    s = stats_of("CCCCMCCPC")
    assert (s.best_streak, s.streak, s.complete_days) == (4, 1, 7)


def test_strength_follows_loop_habit_tracker():
    m = 0.5 ** (1 / 13)
    assert math.isclose(DAILY_MULTIPLIER, m)
    expected = 0.0
    for v in (1, 1, 0, 1):
        expected = expected * m + v * (1 - m)
    assert math.isclose(stats_of("CCMC").strength, expected)


def test_strength_ignores_rest_days_and_open_today():
    assert math.isclose(stats_of("CCRC").strength, stats_of("CCC").strength)
    assert math.isclose(stats_of("CCCP").strength, stats_of("CCC").strength)


def test_adherence_per_phase_over_windows():
    # Yesterday back: P (a only), C, C, M, C; today (open) is left out, and so
    # is everything before the first record.
    s = stats_of("MCMCCPP")
    assert s.adherence[Phase.RELEASE][7] == 4 / 5
    assert s.adherence[Phase.BACK][7] == 3 / 5
    assert s.adherence[Phase.GLUTES][7] is None


def test_the_thirty_day_window_reaches_thirty_days_back_and_no_further():
    s = stats_of("P" + "C" * 30 + "P")  # a part-done day 31 days ago, then 30 complete days; today open
    assert s.adherence[Phase.BACK][30] == 1
    assert s.adherence[Phase.BACK][7] == 1


def test_adherence_counts_today_once_complete():
    assert stats_of("PC").adherence[Phase.BACK][7] == 1 / 2
    assert stats_of("PP").adherence[Phase.BACK][7] == 0 / 1


# Properties -----------------------------------------------------------------

patterns = st.text(alphabet="CPMRF", min_size=1, max_size=60)


def reference(pattern: str) -> tuple[int, int]:
    """Streaks by a different route: drop rest days and an open today, then read runs."""
    days = pattern
    if days[-1] not in "CF":  # today open (or rest) takes no part
        days = days[:-1]
    kept = days.replace("R", "")
    runs = [len(r) for r in kept.replace("P", "M").split("M")]
    current = runs[-1] if kept else 0
    return current, max(runs, default=0)


@given(patterns)
def test_streaks_match_a_reference_model(pattern):
    s = stats_of(pattern)
    assert (s.streak, s.best_streak) == reference(pattern)


@given(patterns)
def test_current_never_exceeds_best(pattern):
    s = stats_of(pattern)
    assert 0 <= s.streak <= s.best_streak <= s.complete_days


@given(patterns, st.integers(min_value=0, max_value=60))
def test_a_rest_day_inserted_anywhere_changes_nothing(pattern, where):
    where = min(where, len(pattern) - 1)  # never replaces today
    before, after = stats_of(pattern), stats_of(pattern[:where] + "R" + pattern[where:])
    assert (before.streak, before.best_streak) == (after.streak, after.best_streak)
    assert math.isclose(before.strength, after.strength)


@given(patterns)
def test_strength_stays_between_zero_and_one(pattern):
    assert 0.0 <= stats_of(pattern).strength < 1.0


@pytest.mark.slow
@given(st.integers(min_value=1, max_value=400))
def test_strength_of_n_complete_days_has_a_closed_form(n):
    assert math.isclose(stats_of("C" * n).strength, 1 - DAILY_MULTIPLIER**n)


@given(patterns, st.integers(min_value=0, max_value=59))
def test_completing_a_missed_day_never_lowers_strength(pattern, where):
    where = min(where, len(pattern) - 1)
    if pattern[where] != "M":
        return
    better = pattern[:where] + "C" + pattern[where + 1 :]
    assert stats_of(better).strength >= stats_of(pattern).strength


# Carried figures --------------------------------------------------------------


@given(st.text(alphabet="CPMRF", min_size=31, max_size=150), st.data(), st.integers(min_value=0, max_value=3))
def test_figures_carried_from_before_give_what_counting_every_day_gives(pattern, data, later):
    """What a new day's status does: the figures of the days before its
    adherence windows, counted on an earlier day, then only the days since;
    the same streak, best, total, strength (to the bit) and adherence as
    counting every day afresh, whatever the screening's free days."""
    today = TODAY + timedelta(days=later)  # the carry was counted ``later`` days before
    history = history_from(pattern, TODAY)
    days = {day.toordinal(): record.facts for day, record in history.items()}
    start = TODAY.toordinal() - len(pattern) + 1
    until = data.draw(st.integers(min_value=start - 3, max_value=carry_until(TODAY)), "until")
    free_days = data.draw(st.sets(st.integers(min_value=start - 3, max_value=TODAY.toordinal() + 3)), "free")

    def figures(before):
        kept = {n: f for n, f in days.items() if before is None or n >= before.until}
        return compute(kept, history, today, phase_of=lambda i: Phase.RELEASE if i == "a" else Phase.BACK,
                       plan_if_missing=lambda day: PLAN, free=free_days, before=before)

    assert figures(carry(days, until, free_days)) == figures(None)


def test_carried_figures_must_end_before_the_adherence_windows():
    with pytest.raises(ValueError):
        compute({}, {}, TODAY, phase_of=lambda i: None, plan_if_missing=lambda day: (),
                before=carry({}, carry_until(TODAY) + 1))
