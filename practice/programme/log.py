"""What the programme keeps beyond the day log: level changes, declined
suggestions, screening answers and clearances. Plain values; the store keeps
them in tables of their own."""

from __future__ import annotations

from datetime import date
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from practice.catalog import Dose


class Change(str, Enum):
    UP = "up"
    DOWN = "down"
    HAND = "hand"
    """Chosen by hand (any level, any time)."""
    BREAK = "break"
    """One level lower for the first session after a break."""
    DOSE = "dose"
    """A step within the level (``before`` and ``after`` are the level)."""
    LOAD = "load"
    """A load step at a level that uses a weight."""


UNITS = ("kg", "lb")


class Load(NamedTuple):
    """The weight used at a level that uses one, in tenths of its unit."""

    tenths: int
    unit: str
    """"kg" or "lb", the person's choice."""

    @classmethod
    def of(cls, amount: Fraction | int | float, unit: str) -> Load:
        return cls(int(Fraction(amount) * 10 + Fraction(1, 2)), unit)

    @property
    def exact(self) -> Fraction:
        return Fraction(self.tenths, 10)

    @property
    def number(self) -> int | float:
        """As JSON keeps it: a whole number where it is one."""
        return self.tenths // 10 if self.tenths % 10 == 0 else self.tenths / 10

    def describe(self) -> str:
        return f"{self.number} {self.unit}"


class LevelChange(NamedTuple):
    day: date
    exercise: str
    before: int
    after: int
    change: Change
    why: str
    from_dose: Dose | None = None
    """The dose before the change, where the change moved a dose."""
    to_dose: Dose | None = None
    """The dose from the change on (None: the level's own)."""
    from_load: Load | None = None
    to_load: Load | None = None
    """The load from the change on, where it set one."""


class Decline(NamedTuple):
    """A suggestion the person said no to; it is not offered again until more
    sessions qualify for it."""

    day: date
    exercise: str
    to: int
    """The level it would have moved to (0: left out for now)."""
    at: int | None = None
    """When (Unix seconds): sessions after it count, the same day's too."""
    dose: Dose | None = None
    """The dose a step within the level would have moved to."""
    load: Load | None = None
    """The load a load step would have moved to."""


class QuestionSet(str, Enum):
    FULL = "full"
    """Every emergency and see-a-GP question (first use, every 30 days)."""
    EMERGENCY = "emergency"
    """The emergency questions and the two that can be urgent (asked again
    after high pain, a stop, a worsening trend or new leg symptoms)."""


class Answers(NamedTuple):
    at: int
    """When (Unix seconds)."""
    day: date
    questions: QuestionSet
    asked: tuple[str, ...]
    yes: frozenset[str]


class Clearance(NamedTuple):
    """The person says a clinician has seen them (or that a "yes" was a
    mistake, confirmed twice): the mode it ends stops."""

    at: int
    day: date
    mode: str
    """"emergency" or "see-gp"."""
    how: str
    """"seen" or "mistake"."""


class ProgrammeLog(NamedTuple):
    changes: tuple[LevelChange, ...] = ()
    declines: tuple[Decline, ...] = ()
    answers: tuple[Answers, ...] = ()
    clearances: tuple[Clearance, ...] = ()
