"""A day as the person sees it: its plan beside what was done; and what a
change to a day hands back. Plain values the rules, the journal and both
front ends name."""

from __future__ import annotations

from typing import NamedTuple

from practice.catalog import Exercise
from practice.day.length import DEFAULT_GET_READY, Length, length
from practice.day.plan import Plan, PlanItem
from practice.daylog import DayRecord


class DayView(NamedTuple):
    """A day's plan beside what was done."""

    plan: Plan
    record: DayRecord
    get_ready: int = DEFAULT_GET_READY
    """The person's get-ready countdown, part of how long the day takes."""

    @property
    def done(self) -> tuple[str, ...]:
        """Planned and ticked, or skipped because of pain (which counts as done)."""
        ticks, pain_skips = self.record.ticks, self.record.pain_skips
        return tuple(i for i in self.plan.due if i in ticks or i in pain_skips)

    @property
    def extra(self) -> tuple[str, ...]:
        """Ticked, though not among the day's due (a rest day's, one left
        out today): done, and counted as extra, never toward the day."""
        due = self.plan.due
        return tuple(i for i in self.record.ticks if i not in due)

    @property
    def todo(self) -> tuple[PlanItem, ...]:
        """Planned for the day, not gated, not ticked or skipped yet: the one
        rule for what is still to do, which Today, ``status``, ``remind`` and
        the guided session all count (a skip for any reason is not to do)."""
        ticks, skips = self.record.ticks, self.record.skips
        return tuple(
            item for item in self.plan.items
            if item.gate is None and item.exercise.id not in ticks and item.exercise.id not in skips
        )

    @property
    def left(self) -> Length:
        """How long the exercises still to do will take (nothing once the
        session was stopped for pain)."""
        # (a list, not a generator that length() would call back into this module for)
        return length([] if self.record.stop is not None else [item.timed for item in self.todo], self.get_ready)

    @property
    def complete(self) -> bool:
        return self.record.complete


class Edit(NamedTuple):
    view: DayView
    """The day after the change."""
    before: DayRecord

    @property
    def changed_ticks(self) -> bool:
        return self.before.ticks != self.view.record.ticks


class TickResult(NamedTuple):
    exercise: Exercise
    view: DayView
    changed: bool
    """False when the tick (or untick) was already so."""


class Switched(NamedTuple):
    exercise: Exercise
    changed: bool
    """False when the exercise already was in (or out of) the routine."""
