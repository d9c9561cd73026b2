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
* A day with nothing recorded is a missed day.
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
from collections.abc import Callable, Mapping
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


def day_state(facts: DayFacts | None, day: date, today: date) -> DayState:
    if facts is not None:
        kind, plan, ticks, stopped = facts
        if kind is DayKind.REST or plan == ():
            return DayState.FREE
        if plan_done(kind, plan, ticks):
            return DayState.COMPLETE
        if stopped:
            return DayState.FREE
    return DayState.OPEN if day == today else DayState.MISSED


class Stats(NamedTuple):
    streak: int
    best_streak: int
    complete_days: int
    strength: float
    adherence: Mapping[Phase, Mapping[int, float | None]]
    """phase -> window length in days -> share done (None: nothing planned)."""


def compute(
    days: Mapping[date, DayFacts],
    recent: Mapping[date, DayRecord],
    today: date,
    phase_of: Callable[[str], Phase | None],
    plan_if_missing: Callable[[date], tuple[str, ...]],
) -> Stats:
    """``days`` covers every stored day; ``recent`` holds the stored
    records of the last :data:`RECENT_DAYS` days. Both must reflect today's
    live plan."""
    states = _states(days, today)
    return Stats(
        streak=current_streak(states, today),
        best_streak=best_streak(states),
        complete_days=sum(1 for s in states.values() if s is DayState.COMPLETE),
        strength=strength(states),
        adherence=_adherence(recent, states, today, phase_of, plan_if_missing),
    )


def recent_days(today: date) -> list[date]:
    """The days the adherence windows can reach: today and the 30 before it."""
    return [today - timedelta(days=n) for n in range(RECENT_DAYS)]


def _states(days: Mapping[date, DayFacts], today: date) -> dict[date, DayState]:
    """Every day from the first record to the later of today and the last record."""
    if not days:
        return {}
    day, last = min(days), max(max(days), today)
    states = {}
    while day <= last:
        states[day] = day_state(days.get(day), day, today)
        day += ONE_DAY
    return states


def current_streak(states: Mapping[date, DayState], today: date) -> int:
    streak, day = 0, today
    while day in states:
        state = states[day]
        if state is DayState.MISSED:
            break
        if state is DayState.COMPLETE:
            streak += 1
        day -= ONE_DAY
    return streak


def best_streak(states: Mapping[date, DayState]) -> int:
    best = run = 0
    for state in states.values():
        if state is DayState.COMPLETE:
            run += 1
            best = max(best, run)
        elif state is DayState.MISSED:
            run = 0
    return best


def strength(states: Mapping[date, DayState], multiplier: float = DAILY_MULTIPLIER) -> float:
    score = 0.0
    for state in states.values():
        if state is DayState.COMPLETE:
            score = score * multiplier + (1 - multiplier)
        elif state is DayState.MISSED:
            score *= multiplier
    return score


def _adherence(
    history: Mapping[date, DayRecord],
    states: Mapping[date, DayState],
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
