"""One day of practice: what was ticked, skipped and held, pain, a note, the
day's kind, whether the session was stopped, and the plan the day was judged
against."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple

EMPTY: Mapping = MappingProxyType({})


class DayKind(str, Enum):
    NORMAL = "normal"
    REST = "rest"
    FLARE = "flare"


def plan_done(kind: DayKind, plan: tuple[str, ...] | None, ticks: Mapping[str, object]) -> bool:
    """Every planned exercise ticked. A rest day is never complete (it is
    neither a success nor a miss), and neither is a day with no plan."""
    if kind is DayKind.REST or not plan:
        return False
    return all(map(ticks.__contains__, plan))


DayFacts = tuple[DayKind, "tuple[str, ...] | None", Mapping[str, object], bool]
"""What streaks and the score need of a day: its kind, plan, ticks and whether
the session was stopped for pain. The ids may be in any one naming (the store
hands over its interned ones)."""


class Stop(NamedTuple):
    """The session was stopped for sharp or spreading pain."""

    at: int
    """When (Unix seconds)."""
    exercise: str | None = None
    """The exercise it happened during, if any."""


class Mark(NamedTuple):
    """One exercise's entry in a day: ticked (and when, and how long it was
    held), skipped (and why), or neither."""

    ticked: bool = False
    at: int | None = None
    held: int | None = None
    skipped: str | None = None


class DayRecord(NamedTuple):
    day: date
    ticks: Mapping[str, int | None] = EMPTY
    """Exercise id -> when it was ticked (Unix seconds), ``None`` if not known."""
    plan: tuple[str, ...] | None = None
    """The ids due that day, frozen once the day is past; ``None`` if never planned."""
    kind: DayKind = DayKind.NORMAL
    pain_before: int | None = None
    pain_after: int | None = None
    note: str = ""
    skips: Mapping[str, str] = EMPTY
    """Exercise id -> the reason it was skipped ("" if none was given)."""
    held: Mapping[str, int] = EMPTY
    """Exercise id -> seconds actually held, when a timer ran it."""
    stop: Stop | None = None

    @property
    def complete(self) -> bool:
        return plan_done(self.kind, self.plan, self.ticks)

    @property
    def empty(self) -> bool:
        """Holds nothing the person recorded: no tick, skip, pain, note or stop,
        and an ordinary kind (a plan alone is not a record; such a day is not kept)."""
        return (
            not (self.ticks or self.skips or self.held or self.note or self.stop)
            and self.pain_before is None
            and self.pain_after is None
            and self.kind is DayKind.NORMAL
        )

    @property
    def facts(self) -> DayFacts:
        return (self.kind, self.plan, self.ticks, self.stop is not None)

    def mark(self, exercise_id: str) -> Mark:
        return Mark(
            ticked=exercise_id in self.ticks,
            at=self.ticks.get(exercise_id),
            held=self.held.get(exercise_id),
            skipped=self.skips.get(exercise_id),
        )

    def with_mark(self, exercise_id: str, mark: Mark) -> DayRecord:
        """The record with one exercise's entry set to ``mark``, and only that."""
        return self._replace(
            ticks=_put(self.ticks, exercise_id, mark.at, mark.ticked),
            held=_put(self.held, exercise_id, mark.held, mark.held is not None),
            skips=_put(self.skips, exercise_id, mark.skipped, mark.skipped is not None),
        )

    def with_tick(self, exercise_id: str, at: int | None, held: int | None = None) -> DayRecord:
        """Ticked (which clears a skip); an existing tick keeps its time."""
        if exercise_id in self.ticks and held is None:
            return self
        at = self.ticks.get(exercise_id, at)
        return self.with_mark(exercise_id, Mark(True, at, held))

    def without_tick(self, exercise_id: str) -> DayRecord:
        return self.with_mark(exercise_id, self.mark(exercise_id)._replace(ticked=False, at=None, held=None))

    def with_skip(self, exercise_id: str, reason: str) -> DayRecord:
        """Skipped (not done today), which clears a tick."""
        return self.with_mark(exercise_id, Mark(skipped=reason))


def _put(mapping: Mapping, key: str, value: object, present: bool) -> Mapping:
    if present:
        if key in mapping and mapping[key] == value:
            return mapping
        return {**mapping, key: value}
    if key not in mapping:
        return mapping
    return {k: v for k, v in mapping.items() if k != key}
