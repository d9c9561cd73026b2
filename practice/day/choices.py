"""The person's choices on top of the catalog's defaults, and how a plan
reads them: which exercises are on, the kit they have, their own doses and
days, and the order within each phase (the four phases keep theirs)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple, TypeVar

from practice.catalog.fit import days_for, dose_problems, physio_problems
from practice.errors import Invalid
from practice.catalog import Dose, Exercise, Level, Schedule
from practice.daylog import EMPTY

V = TypeVar("V")


class OwnDose(NamedTuple):
    """A dose the person chose for an exercise at one level."""

    level: int
    dose: Dose
    physio: bool = False
    """Set by their physiotherapist in a routine file: it may go beyond the
    level's bounds, within the hard limits, and is marked so."""


class RoutineSettings(NamedTuple):
    enabled: frozenset[str] = frozenset()
    disabled: frozenset[str] = frozenset()
    kit: frozenset[str] | None = None
    """The kit the person has; None until they say (then nothing is left out for kit)."""
    doses: Mapping[str, OwnDose] = EMPTY
    days: Mapping[str, Schedule] = EMPTY
    order: tuple[str, ...] = ()
    """Exercise ids in the order the person chose; the rest follow in catalog order."""

    def is_on(self, exercise: Exercise) -> bool:
        if exercise.id in self.enabled:
            return True
        return exercise.on_by_default and exercise.id not in self.disabled

    def switched(self, exercise: Exercise, on: bool) -> RoutineSettings:
        """Turn one exercise on or off, keeping only what differs from the default."""
        enabled, disabled = set(self.enabled), set(self.disabled)
        enabled.discard(exercise.id)
        disabled.discard(exercise.id)
        if on and not exercise.on_by_default:
            enabled.add(exercise.id)
        elif not on and exercise.on_by_default:
            disabled.add(exercise.id)
        return self._replace(enabled=frozenset(enabled), disabled=frozenset(disabled))

    def with_dose(self, exercise_id: str, own: OwnDose | None) -> RoutineSettings:
        """One exercise's own dose set; None removes it."""
        return self._replace(doses=_with(self.doses, exercise_id, own))

    def with_days(self, exercise_id: str, schedule: Schedule | None) -> RoutineSettings:
        """One exercise's own days set; None removes them."""
        return self._replace(days=_with(self.days, exercise_id, schedule))

    def has_kit(self, exercise: Exercise, level: Level) -> bool:
        """The person has what ``level`` needs (or has not said what they have)."""
        needs = exercise.kit(level)
        return self.kit is None or "none" in needs or not self.kit.isdisjoint(needs)

    def dose(self, exercise: Exercise, level: Level) -> Dose:
        """The dose of ``level``: the person's own, where they chose one for
        this level and it is still within its bounds (a physiotherapist's,
        within the hard limits), else the level's."""
        own = self.own_dose(exercise, level)
        return level.dose if own is None else own.dose

    def own_dose(self, exercise: Exercise, level: Level) -> OwnDose | None:
        """The person's own dose of ``level``, if it is in use (see :meth:`dose`)."""
        own = self.doses.get(exercise.id)
        if own is None or own.level != level.number:
            return None
        wrong = physio_problems(level, own.dose) if own.physio else dose_problems(exercise, level, own.dose)
        return None if wrong else own

    def schedule(self, exercise: Exercise, level: Level) -> Schedule:
        """The days of ``level``: the person's own where they fit it, else the plan's."""
        planned = level.schedule or exercise.schedule
        days = self.days.get(exercise.id)
        if days is None:
            return planned
        try:
            return days_for(exercise, level, days)
        except Invalid:
            return planned

    def ordered(self, exercises: Iterable[Exercise]) -> list[Exercise]:
        """In phase order, and within each phase in the person's order."""
        rank = {exercise_id: n for n, exercise_id in enumerate(self.order)}
        listed = list(exercises)
        last = len(rank)
        return sorted(listed, key=lambda e: (e.phase, rank.get(e.id, last)))

    def moved(self, exercise: Exercise, delta: int, phase_ids: list[str],
              among: list[str] | None = None) -> RoutineSettings:
        """``exercise`` moved ``delta`` places within its phase, whose ids in
        the current order are ``phase_ids``, counting places only among
        ``among`` (ids of the phase, ``exercise`` one of them; all of the
        phase by default): it goes just past the one it reaches."""
        among = phase_ids if among is None else among
        place = among.index(exercise.id)
        reached = among[max(0, min(len(among) - 1, place + delta))]
        if reached == exercise.id:
            return self
        ids = [i for i in phase_ids if i != exercise.id]
        ids.insert(ids.index(reached) + (1 if delta > 0 else 0), exercise.id)
        return self._replace(order=tuple(dict.fromkeys([*(i for i in self.order if i not in ids), *ids])))


def _with(mapping: Mapping[str, V], key: str, value: V | None) -> Mapping[str, V]:
    """``mapping`` with ``key`` set to ``value``, or without it for None."""
    values = {k: v for k, v in mapping.items() if k != key}
    if value is not None:
        values[key] = value
    return values or EMPTY
