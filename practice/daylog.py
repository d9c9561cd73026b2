"""One day of practice: what was ticked, skipped and held, how each exercise
went, pain (the morning check-in, before and after the session, during an
exercise), a note, the day's kind, whether the session was stopped, and the
plan the day was judged against, with its levels and volume."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, Never, TypeVar

if TYPE_CHECKING:
    from practice.catalog.dose import Dose

EMPTY: Mapping[str, Never] = MappingProxyType({})
"""The empty mapping every record and setting shares (it fits a mapping of any values)."""
V = TypeVar("V")


class DayKind(str, Enum):
    NORMAL = "normal"
    REST = "rest"
    FLARE = "flare"


class Volume(str, Enum):
    """How much of each dose a day's plan holds."""

    FULL = "full"
    REDUCED = "reduced"
    """About two thirds of the sets: the morning after a bad night, or the
    first session after a flare."""
    HALF = "half"
    """About half the sets: a flare day."""


class Leg(str, Enum):
    """Pain, tingling or numbness in a leg, from the morning check-in."""

    NONE = "none"
    ONE = "one"
    BOTH = "both"


class Rating(str, Enum):
    """How an exercise went, in one key."""

    EASY = "easy"
    JUST_RIGHT = "just-right"
    HARD = "hard"
    PAINFUL = "painful"


def plan_done(
    kind: DayKind, plan: tuple[str, ...] | None, ticks: Mapping[str, object], pain_skips: frozenset[str] = frozenset()
) -> bool:
    """Every planned exercise ticked, or skipped because of pain. A rest day
    is never complete (it is neither a success nor a miss), and neither is a
    day with no plan."""
    if kind is DayKind.REST or not plan:
        return False
    if pain_skips:
        return all(i in ticks or i in pain_skips for i in plan)
    return all(map(ticks.__contains__, plan))


DayFacts = tuple[DayKind, "tuple[str, ...] | None", Mapping[str, object], bool, frozenset[str]]
"""What streaks and the score need of a day: its kind, plan, ticks, whether
the session was stopped for pain, and what was skipped because of pain. The
ids may be in any one naming (the store hands over its interned ones)."""


class Stop(NamedTuple):
    """The session was stopped for sharp or spreading pain."""

    at: int
    """When (Unix seconds)."""
    exercise: str | None = None
    """The exercise it happened during, if any."""


class Mark(NamedTuple):
    """One exercise's entry in a day: ticked (and when, and how long it was
    held), skipped (and why, and whether because of pain), how it went, and
    any pain reported during it."""

    ticked: bool = False
    at: int | None = None
    held: int | None = None
    skipped: str | None = None
    pain_skip: bool = False
    rating: Rating | None = None
    pain_during: int | None = None


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
    pain_24h: int | None = None
    """The morning check-in: average low-back pain over the last 24 hours."""
    leg: Leg | None = None
    """The morning check-in: leg symptoms today."""
    fall: bool = False
    """The morning check-in: a fall or injury since the last one."""
    ratings: Mapping[str, Rating] = EMPTY
    pain_during: Mapping[str, int] = EMPTY
    """Exercise id -> pain (0-10) reported during it."""
    pain_skips: frozenset[str] = frozenset()
    """The skips that were because of pain (a subset of ``skips``)."""
    levels: Mapping[str, int] = EMPTY
    """Exercise id -> the level it was planned at, frozen with the plan."""
    volume: Volume = Volume.FULL
    """How much of each dose the plan held, frozen with the plan."""
    doses: Mapping[str, Dose] = EMPTY
    """Exercise id -> the person's own dose (or an own exercise's) the plan
    held, before the volume, frozen with the plan."""

    @property
    def complete(self) -> bool:
        return plan_done(self.kind, self.plan, self.ticks, self.pain_skips)

    @property
    def empty(self) -> bool:
        """Holds nothing the person recorded: no tick, skip, pain, note,
        rating or stop, and an ordinary kind (a plan alone is not a record;
        such a day is not kept)."""
        return (
            not (self.ticks or self.skips or self.held or self.note or self.stop or self.ratings or self.pain_during)
            and self.pain_before is None
            and self.pain_after is None
            and self.pain_24h is None
            and self.leg is None
            and not self.fall
            and self.kind is DayKind.NORMAL
        )

    @property
    def facts(self) -> DayFacts:
        return (self.kind, self.plan, self.ticks, self.stop is not None, self.pain_skips)

    def mark(self, exercise_id: str) -> Mark:
        return Mark(
            ticked=exercise_id in self.ticks,
            at=self.ticks.get(exercise_id),
            held=self.held.get(exercise_id),
            skipped=self.skips.get(exercise_id),
            pain_skip=exercise_id in self.pain_skips,
            rating=self.ratings.get(exercise_id),
            pain_during=self.pain_during.get(exercise_id),
        )

    def with_mark(self, exercise_id: str, mark: Mark) -> DayRecord:
        """The record with one exercise's entry set to ``mark``, and only that."""
        pain_skips = self.pain_skips | {exercise_id} if mark.pain_skip else self.pain_skips - {exercise_id}
        return self._replace(
            ticks=_put(self.ticks, exercise_id, mark.at) if mark.ticked else _drop(self.ticks, exercise_id),
            held=_set(self.held, exercise_id, mark.held),
            skips=_set(self.skips, exercise_id, mark.skipped),
            pain_skips=pain_skips if pain_skips != self.pain_skips else self.pain_skips,
            ratings=_set(self.ratings, exercise_id, mark.rating),
            pain_during=_set(self.pain_during, exercise_id, mark.pain_during),
        )

    def with_tick(self, exercise_id: str, at: int | None, held: int | None = None) -> DayRecord:
        """Ticked (which clears a skip); an existing tick keeps its time."""
        if exercise_id in self.ticks and held is None:
            return self
        at = self.ticks.get(exercise_id, at)
        return self.with_mark(exercise_id, self.mark(exercise_id)._replace(
            ticked=True, at=at, held=held, skipped=None, pain_skip=False))

    def with_done(self, exercise_id: str, at: int | None, held: int | None = None,
                  rating: Rating | None = None) -> DayRecord:
        """Ticked (:meth:`with_tick`) and rated ``rating`` (None: not rated)."""
        return self.with_tick(exercise_id, at, held).with_rating(exercise_id, rating)

    def without_tick(self, exercise_id: str) -> DayRecord:
        return self.with_mark(exercise_id, self.mark(exercise_id)._replace(ticked=False, at=None, held=None))

    def with_skip(self, exercise_id: str, reason: str, pain: bool = False) -> DayRecord:
        """Skipped (not done today), which clears a tick; ``pain``: because of pain."""
        return self.with_mark(exercise_id, self.mark(exercise_id)._replace(
            ticked=False, at=None, held=None, skipped=reason, pain_skip=pain))

    def without_skip(self, exercise_id: str) -> DayRecord:
        return self.with_mark(exercise_id, self.mark(exercise_id)._replace(skipped=None, pain_skip=False))

    def with_rating(self, exercise_id: str, rating: Rating | None) -> DayRecord:
        return self.with_mark(exercise_id, self.mark(exercise_id)._replace(rating=rating))


def _set(mapping: Mapping[str, V], key: str, value: V | None) -> Mapping[str, V]:
    """``key`` set to ``value``, or taken out for None."""
    return _drop(mapping, key) if value is None else _put(mapping, key, value)


def _put(mapping: Mapping[str, V], key: str, value: V) -> Mapping[str, V]:
    if key in mapping and mapping[key] == value:
        return mapping
    return {**mapping, key: value}


def _drop(mapping: Mapping[str, V], key: str) -> Mapping[str, V]:
    if key not in mapping:
        return mapping
    return {k: v for k, v in mapping.items() if k != key}
