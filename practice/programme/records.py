"""What the programme keeps beyond the day log: level changes, declined
suggestions, screening answers and clearances. Plain values; the store keeps
them in tables of their own."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import NamedTuple


class Change(str, Enum):
    UP = "up"
    DOWN = "down"
    HAND = "hand"
    """Chosen by hand (any level, any time)."""
    BREAK = "break"
    """One level lower for the first session after a break."""


class LevelChange(NamedTuple):
    day: date
    exercise: str
    before: int
    after: int
    change: Change
    why: str


class Decline(NamedTuple):
    """A suggestion the person said no to; it is not offered again until more
    sessions qualify for it."""

    day: date
    exercise: str
    to: int
    """The level it would have moved to (0: left out for now)."""


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
