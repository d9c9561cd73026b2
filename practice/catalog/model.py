"""The exercises of the routine, as immutable records."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple

from practice.catalog.dose import Dose
from practice.catalog.schedule import Schedule


class Phase(IntEnum):
    RELEASE = 1
    STRETCH = 2
    GLUTES = 3
    BACK = 4

    @property
    def title(self) -> str:
        return PHASE_TITLES[self]

    @property
    def label(self) -> str:
        """One word, for narrow tables."""
        return self.name.capitalize()


PHASE_TITLES = {
    Phase.RELEASE: "Trigger-point release",
    Phase.STRETCH: "Hamstring and psoas stretching",
    Phase.GLUTES: "Glute activation",
    Phase.BACK: "Back strengthening",
}

EQUIPMENT = ("none", "foam-roller", "ball", "step", "kettlebell", "gym")
HOME_EQUIPMENT = frozenset({"none", "foam-roller", "ball"})
"""Equipment a default routine may assume."""


class FlareGate(NamedTuple):
    """Why an exercise is left out on a flare day, and what to do instead."""

    reason: str
    alternative: str | None = None


DEFAULT_FLARE_GATE = FlareGate(
    "Flare day: today keeps to gentle release, static stretching and the draw-in."
)


class Exercise(NamedTuple):
    id: str
    name: str
    phase: Phase
    target: str
    equipment: str
    equipment_note: str
    dose: Dose
    schedule: Schedule
    cues: tuple[str, ...]
    caution: str
    gentle: bool
    """Safe on a flare day."""
    flare_gate: FlareGate
    sources: tuple[str, ...]

    @property
    def from_seeds(self) -> bool:
        return any(tag.startswith("SEED:") for tag in self.sources)

    @property
    def on_by_default(self) -> bool:
        """In a new routine: from the source articles, and needing no more than
        a foam roller or a ball."""
        return self.from_seeds and self.equipment in HOME_EQUIPMENT
