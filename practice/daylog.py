"""One day of practice: what was ticked and when, pain, a note, the day's kind,
and the plan the day was judged against."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple
from datetime import date
from enum import Enum


class DayKind(str, Enum):
    NORMAL = "normal"
    REST = "rest"
    FLARE = "flare"


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
    def done(self) -> frozenset[str]:
        return frozenset(self.ticks)

    @property
    def complete(self) -> bool:
        """Every planned exercise ticked. A rest day is never complete: it is
        neither a success nor a miss."""
        if self.kind is DayKind.REST or not self.plan:
            return False
        return all(map(self.ticks.__contains__, self.plan))

    def with_tick(self, exercise_id: str, at: int | None) -> DayRecord:
        if exercise_id in self.ticks:
            return self
        return self._replace(ticks={**self.ticks, exercise_id: at})

    def without_tick(self, exercise_id: str) -> DayRecord:
        ticks = dict(self.ticks)
        ticks.pop(exercise_id, None)
        return self._replace(ticks=ticks)
