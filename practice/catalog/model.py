"""The exercises of the routine, as immutable records."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from types import MappingProxyType
from typing import NamedTuple

from practice.catalog.bounds import Bounds
from practice.catalog.dose import Dose
from practice.catalog.schedule import Schedule
from practice.daylog import EMPTY


class Phase(IntEnum):
    RELEASE = 1
    STRETCH = 2
    GLUTES = 3
    BACK = 4
    WALK = 5
    """Walking: any time of the day, not on the mat (the guided session
    leaves it for later)."""

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
    Phase.WALK: "Walking",
}
MAT_PHASES = (Phase.RELEASE, Phase.STRETCH, Phase.GLUTES, Phase.BACK)
"""The seeds' four phases, in their order: the session on the mat."""

EQUIPMENT = ("none", "foam-roller", "ball", "step", "kettlebell", "gym")
NO_POSE = "none"
BASE_POSES = ("back", "front", "side", "hands-knees", "kneeling", "sitting", "standing")
"""The base poses an own exercise may take (lying on the back, lying face
down, lying on the side, on hands and knees, kneeling, sitting, standing);
``practice/catalog/figures.json`` draws each and gives its words."""
WORKING_LIMBS = ("leg", "arm")
"""What an own exercise's figure may mark as working (or :data:`NO_POSE`: nothing)."""


class PoseChoice(NamedTuple):
    """How an own exercise's figure shows it: a base pose and the limb that works."""

    pose: str
    """One of :data:`BASE_POSES`."""
    works: str = NO_POSE
    """One of :data:`WORKING_LIMBS`, or :data:`NO_POSE`: nothing marked."""


class FlareGate(NamedTuple):
    """Why an exercise is left out on a flare day, and what to do instead."""

    reason: str
    alternative: str | None = None

    @property
    def words(self) -> str:
        """The reason as the day's plan shows it."""
        return f"Left out today. {self.reason}"


class LegRule(NamedTuple):
    """What a morning with leg symptoms does to an exercise that loads the
    nerves of the leg (progression-facts 7a, exercise-facts section 1):
    leave it out (no ``level``), or keep it at ``level`` at most."""

    reason: str
    level: int | None = None

    @property
    def gate(self) -> FlareGate:
        return FlareGate(f"Leg symptoms this morning: {self.reason}")


DEFAULT_FLARE_GATE = FlareGate(
    "On a gentle day only exercises with a flare-safe level stay, at that level."
)


class Form(NamedTuple):
    """How an exercise is named and done with other kit than its own (a
    ball for a roller), or at a level that changes it (a stretch against a
    wall instead of on a step): each part given replaces the exercise's."""

    name: str | None = None
    cues: tuple[str, ...] = ()
    how: Mapping[int, str] = MappingProxyType({})
    """Level number -> how that level is done in this form."""


NO_FORM = Form()


class Level(NamedTuple):
    """One rung of an exercise's ladder, from easiest (1) to hardest."""

    number: int
    name: str
    dose: Dose
    how: str
    """How this level is done, in one line."""
    flare_safe: bool
    """May be done on a flare day (and in see-a-GP mode)."""
    schedule: Schedule | None = None
    """The level's own days, where they differ from the exercise's."""
    equipment: str | None = None
    """The level's own kit, where it differs from the exercise's."""
    loaded: bool = False
    """Uses added weight."""
    bounds: Bounds = Bounds()
    """How far a person may change the dose (:mod:`practice.catalog.bounds`)."""
    form: Form = NO_FORM
    """Its own name and cues, where its own kit changes the exercise."""
    down_first: bool = False
    """A repetition starts at the top (standing, or the trunk in line on a
    bench): paced, each goes down first, then up."""


class Exercise(NamedTuple):
    id: str
    name: str
    phase: Phase
    target: str
    equipment: str
    equipment_note: str
    schedule: Schedule
    cues: tuple[str, ...]
    caution: str
    flare_gate: FlareGate
    """Why it is left out on a flare day when none of its levels is flare-safe."""
    sources: tuple[str, ...]
    levels: tuple[Level, ...]
    standard: int
    """The level whose dose the facts file gives (the ★ level)."""
    start: int
    """The level a new routine starts at."""
    on_by_default: bool
    """In a new routine."""
    kit_also: tuple[str, ...] = ()
    """Other kit it can be done with, instead of ``equipment``."""
    own: bool = False
    """The person's own exercise, not one of backtui's."""
    leg_rule: LegRule | None = None
    """Left out or eased on a morning with leg symptoms."""
    instead: str | None = None
    """The matching flare-safe exercise that takes its place when it is
    left out for now at level 1 (progression-facts 8e); None: nothing does."""
    own_pose: PoseChoice | None = None
    """An own exercise's figure; None: it has none (and built-in exercises
    have theirs in ``figures.json``)."""
    forms: Mapping[str, Form] = EMPTY
    """Kit -> how it is named and done with that kit instead of ``equipment``."""

    @property
    def from_seeds(self) -> bool:
        return any(tag.startswith("SEED:") for tag in self.sources)

    def kit(self, level: Level) -> tuple[str, ...]:
        """The kit ``level`` can be done with: any one of these ("none": no kit)."""
        return (level.equipment,) if level.equipment else (self.equipment, *self.kit_also)

    @property
    def top(self) -> int:
        return len(self.levels)

    def level(self, number: int) -> Level:
        """The level ``number``, kept within the ladder."""
        return self.levels[min(max(number, 1), self.top) - 1]

    def flare_level(self, number: int) -> Level | None:
        """The highest flare-safe level at or below ``number``; None if none is."""
        return next((lv for lv in reversed(self.levels[: max(number, 1)]) if lv.flare_safe), None)
