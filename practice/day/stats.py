"""Streaks, totals, per-phase adherence and habit strength.

The rules (also in the README):

* A day is **complete** when every exercise its plan held was ticked. A past
  day is judged against the plan it had then, so changing the routine never
  rewrites history.
* **Rest days** (and days with nothing planned) neither break nor extend a
  streak. Nor does a day whose session was **stopped for pain**: stopping
  is the right thing to do and must never cost a streak.
* **Today is open** until it is complete: an unfinished today does not break
  the streak, and it is left out of the score and the adherence windows.
* A day with nothing recorded is a missed day. Days are counted from the
  first recorded day to today: days before it, and days after today (a
  clock set back can leave some), count in no figure.
* The **current streak** counts complete days back from today; the **best
  streak** is the longest such run ever.
* **Habit strength** follows Loop Habit Tracker: each day from the first
  recorded one, ``score = score * m + v * (1 - m)`` with
  ``m = 0.5 ** (sqrt(f) / 13)``, ``f = 1`` for a daily habit, ``v = 1`` for a
  complete day and 0 for a missed one; rest days leave the score as it is.
* **Per-phase adherence** over the last 7 and 30 days is the share of planned
  exercises of that phase that were ticked, from the first recorded day on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from practice.catalog import Phase
from practice.daylog import DayFacts, DayKind, DayRecord, plan_done

WINDOWS = (7, 30)
RECENT_DAYS = max(WINDOWS) + 1
DAILY_MULTIPLIER = 0.5 ** (math.sqrt(1.0) / 13.0)
ONE_DAY = timedelta(days=1)


class DayState(Enum):
    COMPLETE = "complete"
    FREE = "free"  # rest day, nothing planned, or stopped for pain
    OPEN = "open"  # today, not complete yet
    MISSED = "missed"


def _recorded_state(facts: DayFacts | None) -> DayState | None:
    """A day's state from what was recorded; None if that makes it neither
    complete nor free (it is then open if it is today, missed if past). An
    exercise skipped because of pain counts as done; a day whose plan was all
    skipped for pain counts like a day stopped for pain."""
    if facts is None:
        return None
    kind, plan, ticks, stopped, pain_skips = facts
    if kind is DayKind.REST or plan == ():
        return DayState.FREE
    if plan is not None and plan_done(kind, plan, ticks, pain_skips):
        return DayState.COMPLETE if not pain_skips.issuperset(plan) else DayState.FREE
    return DayState.FREE if stopped else None


def day_state(facts: DayFacts | None, day: date, today: date) -> DayState:
    return _recorded_state(facts) or (DayState.OPEN if day == today else DayState.MISSED)


class Timeline(NamedTuple):
    """The state of every counted day, from the first recorded day to today."""

    first: int
    """The ordinal of the first counted day."""
    states: list[DayState]

    def get(self, day: date) -> DayState | None:
        index = day.toordinal() - self.first
        return self.states[index] if 0 <= index < len(self.states) else None


class Carry(NamedTuple):
    """The figures of the counted days before ``until`` (a day's ordinal):
    what a later day's figures go on from, so that a new day adds one day
    instead of counting ten years again. Past days' states never change
    while the log stays the same (:func:`carry`)."""

    until: int
    first: int | None
    """The first counted day's ordinal; None if no day before ``until`` is recorded."""
    run: int
    """Complete days since the last missed one: the streak so far."""
    best: int
    complete: int
    score: float
    """Habit strength so far."""


NO_DAYS = Carry(0, None, 0, 0, 0, 0.0)


class Stats(NamedTuple):
    streak: int
    best_streak: int
    complete_days: int
    strength: float
    adherence: Mapping[Phase, Mapping[int, float | None]]
    """phase -> window length in days -> share done (None: nothing planned)."""


def compute(
    days: Mapping[int, DayFacts],
    recent: Mapping[date, DayRecord],
    today: date,
    phase_of: Callable[[str], Phase | None],
    plan_if_missing: Callable[[date], tuple[str, ...]],
    free: Collection[int] = frozenset(),
    before: Carry | None = None,
) -> Stats:
    """``days`` covers every stored day, by ordinal (from ``before.until``
    on, given the figures of the days before it); ``recent`` holds the
    stored records of the last :data:`RECENT_DAYS` days. Both must reflect
    today's live plan. ``free`` days (ordinals) are never missed: the safety
    screening asked for no session, or for only one the person chose."""
    if before is not None and before.until > carry_until(today):
        raise ValueError("the carried figures reach into the adherence windows")
    timeline = _timeline(days, today, free, before)
    tally = fold(timeline.states, before or NO_DAYS)
    return Stats(
        streak=tally.run,
        best_streak=tally.best,
        complete_days=tally.complete,
        strength=tally.score,
        adherence=_adherence(recent, timeline, today, phase_of, plan_if_missing),
    )


def carry_until(today: date) -> int:
    """Where the carried figures for ``today`` end at the latest: where its adherence windows begin."""
    return today.toordinal() - RECENT_DAYS + 1


def carry(days: Mapping[int, DayFacts], until: int, free: Collection[int] = frozenset()) -> Carry:
    """The figures of every stored day before ``until`` (``days`` holds them,
    by ordinal): past days, so ``free`` (the screening's days) need only be
    right for them, and the states are those any later today sees."""
    first = min((n for n in days if n < until), default=None)
    if first is None:
        return NO_DAYS._replace(until=until)
    get, missed, spared = days.get, DayState.MISSED, DayState.FREE
    states = [_recorded_state(get(n)) or (spared if n in free else missed) for n in range(first, until)]
    return fold(states, NO_DAYS._replace(first=first))._replace(until=until)


def fold(states: Iterable[DayState], start: Carry, multiplier: float = DAILY_MULTIPLIER) -> Carry:
    """The figures after ``states`` (days in order), going on from ``start``:
    the streak counts complete days back from the last one (a missed day
    ends it; free and open days neither end nor extend it), and habit
    strength follows Loop Habit Tracker (free and open days leave it)."""
    run, best, complete, score = start.run, start.best, start.complete, start.score
    for state in states:
        if state is DayState.COMPLETE:
            run += 1
            complete += 1
            best = max(best, run)
            score = score * multiplier + (1 - multiplier)
        elif state is DayState.MISSED:
            run = 0
            score *= multiplier
    return start._replace(run=run, best=best, complete=complete, score=score)


def recent_days(today: date) -> list[date]:
    """The days the adherence windows can reach: today and the 30 before it."""
    return [today - timedelta(days=n) for n in range(RECENT_DAYS)]


def counted(since: date | None, today: date, start: date | None = None) -> Iterator[date]:
    """The days every figure counts, in order: from the first recorded day
    (``since``), or from ``start`` if that is later, to today."""
    if since is None:
        return iter(())
    first = max(since, start) if start is not None else since
    return map(date.fromordinal, range(first.toordinal(), today.toordinal() + 1))


def _timeline(days: Mapping[int, DayFacts], today: date, free: Collection[int], before: Carry | None) -> Timeline:
    """Every counted day's state (from ``before.until`` on, if given). Days
    are ordinals here: a ten-year log is 3,650 of them."""
    end = today.toordinal()
    if before is not None and before.first is not None:
        first = before.until
    else:
        since = before.until if before is not None else -1
        first = min((n for n in days if since <= n <= end), default=end + 1)
    get, missed, spared = days.get, DayState.MISSED, DayState.FREE
    states = [_recorded_state(get(n)) or (spared if n in free else missed) for n in range(first, end)]
    if first <= end:
        states.append(_recorded_state(get(end)) or (spared if end in free else DayState.OPEN))
    return Timeline(first, states)


def _adherence(
    history: Mapping[date, DayRecord],
    states: Timeline,
    today: date,
    phase_of: Callable[[str], Phase | None],
    plan_if_missing: Callable[[date], tuple[str, ...]],
) -> dict[Phase, dict[int, float | None]]:
    result: dict[Phase, dict[int, float | None]] = {p: {} for p in Phase}
    end = today if states.get(today) is DayState.COMPLETE else today - ONE_DAY
    for window in WINDOWS:
        planned = {p: 0 for p in Phase}
        done = {p: 0 for p in Phase}
        for offset in range(window):
            day = end - timedelta(days=offset)
            state = states.get(day)
            if state is None or state is DayState.FREE:
                continue
            record = history.get(day)
            plan = record.plan if record and record.plan is not None else plan_if_missing(day)
            ticked = record.ticks if record else {}
            for exercise_id in plan:
                phase = phase_of(exercise_id)
                if phase is not None:
                    planned[phase] += 1
                    done[phase] += exercise_id in ticked
        for phase in Phase:
            result[phase][window] = done[phase] / planned[phase] if planned[phase] else None
    return result
