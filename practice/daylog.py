"""One day of practice: what was ticked and when, pain, a note, the day's kind,
and the plan the day was judged against."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple


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


DayFacts = tuple[DayKind, "tuple[str, ...] | None", Mapping[str, object]]
"""What streaks and the score need of a day: its kind, plan and ticks. The ids
may be in any one naming (the store hands over its interned ones)."""


class DayRecord(NamedTuple):
    day: date
    ticks: Mapping[str, int | None] = MappingProxyType({})
    """Exercise id -> when it was ticked (Unix seconds), ``None`` if not known."""
    plan: tuple[str, ...] | None = None
    """The ids due that day, frozen once the day is past; ``None`` if never planned."""
    kind: DayKind = DayKind.NORMAL
    pain_before: int | None = None
    pain_after: int | None = None
    note: str = ""

    @property
    def complete(self) -> bool:
        return plan_done(self.kind, self.plan, self.ticks)

    @property
    def facts(self) -> DayFacts:
        return (self.kind, self.plan, self.ticks)

    def with_tick(self, exercise_id: str, at: int | None) -> DayRecord:
        if exercise_id in self.ticks:
            return self
        return self._replace(ticks={**self.ticks, exercise_id: at})

    def without_tick(self, exercise_id: str) -> DayRecord:
        ticks = dict(self.ticks)
        ticks.pop(exercise_id, None)
        return self._replace(ticks=ticks)
