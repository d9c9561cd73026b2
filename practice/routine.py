"""Which exercises a person does on a given day, in phase order."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from practice.catalog import Catalog, Exercise, FlareGate, Phase
from practice.daylog import DayKind


class RoutineSettings(NamedTuple):
    """The person's choices on top of the defaults."""

    enabled: frozenset[str] = frozenset()
    disabled: frozenset[str] = frozenset()

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
        return RoutineSettings(frozenset(enabled), frozenset(disabled))


class PlanItem(NamedTuple):
    exercise: Exercise
    gate: FlareGate | None = None
    """Set when the exercise is left out today, with the reason."""


class Plan(NamedTuple):
    day: date
    kind: DayKind
    items: tuple[PlanItem, ...]

    @property
    def due(self) -> tuple[str, ...]:
        """The ids to do today; this is what a complete day needs."""
        return tuple(item.exercise.id for item in self.items if item.gate is None)

    def phase_items(self, phase: Phase) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if item.exercise.phase == phase)

    def estimate_seconds(self) -> int:
        return sum(i.exercise.dose.estimate_seconds() for i in self.items if i.gate is None)


def plan_for(day: date, catalog: Catalog, settings: RoutineSettings, kind: DayKind) -> Plan:
    """Everything switched on and due on ``day``. A rest day has no plan; on a
    flare day everything but the gentle exercises is gated out, with a reason."""
    if kind is DayKind.REST:
        return Plan(day, kind, ())
    items = []
    for exercise in catalog.exercises:
        if not (settings.is_on(exercise) and exercise.schedule.is_due(day)):
            continue
        gate = exercise.flare_gate if kind is DayKind.FLARE and not exercise.gentle else None
        items.append(PlanItem(exercise, gate))
    return Plan(day, kind, tuple(items))
