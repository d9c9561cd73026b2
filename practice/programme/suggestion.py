"""What the rules of :mod:`practice.programme.rules` hand out: a suggestion
(a step of a level, a dose within one, or a load), a step up that waits for
kit or a load, and the state of an exercise they are worked out from."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from practice.catalog import Dose, Exercise
from practice.programme import steps
from practice.programme.levels import Session
from practice.programme.log import Change, LevelChange, Load


class Suggestion(NamedTuple):
    exercise: str
    change: Change
    """UP or DOWN a level (BREAK: down for one session after a break), a
    DOSE step within the level, or a LOAD step."""
    to: int
    """The level it would move to (0 leaves the exercise out for now); the
    level it stays at for a dose or load step."""
    why: str
    dose: Dose | None = None
    """The dose from then on (None when it leaves the exercise out)."""
    before: Dose | None = None
    """The dose now."""
    load: Load | None = None
    """A load step's new load."""
    load_before: Load | None = None
    easy: bool = False
    """Earned by two sessions rated easy (it comes before those rated just right)."""

    @property
    def direction(self) -> str:
        """"dose" or "load" within the level; "up" or "down" a level."""
        if self.change in (Change.DOSE, Change.LOAD):
            return str(self.change.value)  # a str already; mypy reads a narrowed member's value as Any
        return "up" if self.to > 0 and self.change is Change.UP else "down"

    def target(self, exercise: Exercise) -> str:
        """Where it leads, in words: "10 x 1 -> 12 x 1, still level 1",
        "level 2 (3 s hold) at 12 x 1", "leave it out for now"."""
        if self.to == 0:
            return "leave it out for now"
        if self.change is Change.LOAD and self.load is not None and self.load_before is not None:
            return f"{self.load_before.describe()} -> {self.load.describe()}, still level {self.to}"
        if self.change is Change.DOSE and self.dose is not None and self.before is not None:
            return f"{steps.brief(self.before)} -> {steps.brief(self.dose)}, still level {self.to}"
        at = f" at {steps.brief(self.dose)}" if self.dose is not None else ""
        return f"level {self.to} ({exercise.level(self.to).name}){at}"

    @property
    def rises(self) -> bool:
        """A step up (of a level, a dose or a load)."""
        if self.change is Change.DOSE:
            return self.dose is not None and self.before is not None and self.dose.work() > self.before.work()
        if self.change is Change.LOAD:
            return self.load is not None and self.load_before is not None and self.load.exact > self.load_before.exact
        return self.change is Change.UP


class Wait(NamedTuple):
    """A step up earned, but not offered: the next level needs kit the
    person does not have, or a load step needs the load they use."""

    exercise: str
    to: int
    why: str


class State(NamedTuple):
    """An exercise as the rules see it today."""

    exercise: Exercise
    level: int
    dose: Dose
    load: Load | None
    history: list[Session]
    since: list[Session]
    """The sessions since its last change."""
    last: LevelChange | None
    """Its last change."""


def day_words(day: date) -> str:
    return f"{day:%a %-d %b}"
