"""Progress over a span of days: the heatmap's shading and the report's tallies.

The rules (also in the README):

* A day's **share** is the part of its plan that was ticked. Rest days and
  days with nothing planned have no share; a past day with no record has a
  share of 0 (missed); days after today, and days before the first one ever
  recorded, have none.
* **Adherence** over a span counts the days the streak rules count: rest
  days, days with nothing planned and days stopped for pain are left out,
  and today only once it is complete. An exercise's adherence is the days it
  was ticked over the days it was planned; a phase's sums its exercises.
* A **skip** is counted on the days it was planned and skipped.
* **Gated** exercises are those a flare day, or a morning with leg
  symptoms, left out, with the reason.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import NamedTuple

from practice.daylog import DayKind, DayRecord, Leg
from practice.day.plan import Plan
from practice.day.stats import DayState, counted, day_state

WEEKS = 53
"""The heatmap's width: a year of whole weeks, today's last."""


def calendar(today: date, weeks: int = WEEKS) -> list[date]:
    """Monday-first whole weeks ending with the week of ``today``."""
    first = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    return [first + timedelta(days=n) for n in range(weeks * 7)]


def share_done(record: DayRecord | None, day: date, today: date, since: date | None = None) -> float | None:
    """The share of the day's plan done (a skip because of pain counts, as
    on Today and for the streak); None for a day with nothing to do,
    after today, or before ``since`` (the first day ever recorded)."""
    if day > today or (since is not None and day < since):
        return None
    if record is None:
        return 0.0
    plan = record.plan
    if record.kind is DayKind.REST or not plan:
        return None
    return sum(1 for i in plan if i in record.ticks or i in record.pain_skips) / len(plan)


class Tally(NamedTuple):
    planned: int = 0
    done: int = 0
    skipped: int = 0

    def __add__(self, other: tuple[int, ...]) -> Tally:  # type: ignore[override]  # adds counts, where a tuple's + joins
        return Tally(*(a + b for a, b in zip(self, other)))

    @property
    def share(self) -> float | None:
        return self.done / self.planned if self.planned else None


class Span(NamedTuple):
    """What happened over a span of days."""

    first: date
    last: date
    counted_days: int
    """Days the adherence counts (see the module rules)."""
    complete_days: int
    exercises: dict[str, Tally]
    gated: dict[str, Counter[str]]
    """Exercise id -> gate reason -> days it was left out."""
    rest_days: list[date]
    flare_days: list[date]
    stopped: list[tuple[date, str | None]]
    notes: list[tuple[date, str]]


def span(
    records: Mapping[date, DayRecord],
    first: date,
    today: date,
    plan_of: Callable[[date, DayKind, bool], Plan],
    since: date | None,
) -> Span:
    """Tally ``first``..``today``, counting (as every figure does) only from
    ``since``, the first recorded day. ``records`` holds the stored days of
    the span; ``plan_of`` plans a day of a kind (with leg symptoms or not)
    that has no stored plan, or the gated exercises of a flare day or a
    morning with leg symptoms."""
    exercises: dict[str, Tally] = defaultdict(Tally)
    gated: dict[str, Counter[str]] = defaultdict(Counter)
    rest, flare, stopped, notes = [], [], [], []
    counted_days = complete = 0
    for day in counted(since, today, first):
        record = records.get(day)
        if record is not None:
            if record.kind is DayKind.REST:
                rest.append(day)
            elif record.kind is DayKind.FLARE:
                flare.append(day)
            leg = record.leg in (Leg.ONE, Leg.BOTH)
            if record.kind is DayKind.FLARE or (leg and record.kind is DayKind.NORMAL):
                for item in plan_of(day, record.kind, leg).items:
                    if item.gate is not None:
                        gated[item.exercise.id][item.gate.reason] += 1
            if record.stop is not None:
                stopped.append((day, record.stop.exercise))
            if record.note:
                notes.append((day, record.note))
        state = day_state(record.facts if record else None, day, today)
        if state in (DayState.COMPLETE, DayState.MISSED):
            counted_days += 1
            complete += state is DayState.COMPLETE
            plan = record.plan if record and record.plan is not None else plan_of(day, DayKind.NORMAL, False).due
            for exercise_id in plan:
                ticked = record is not None and exercise_id in record.ticks
                skipped = record is not None and not ticked and exercise_id in record.skips
                exercises[exercise_id] += (1, ticked, skipped)
    return Span(first, today, counted_days, complete, dict(exercises), dict(gated),
                rest, flare, stopped, notes)
