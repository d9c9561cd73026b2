"""What the self-assessments keep: each result, and each answer to a routine
suggestion. Plain values; the store keeps them in two tables of their own."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

Value = int | str | None
"""Seconds, cm or degrees (whole numbers); a leg-raise band or pass/fail
(text); None for a test that was stopped."""


class Result(NamedTuple):
    at: int
    """When it was recorded (Unix seconds)."""
    day: date
    test: str
    side: str | None
    value: Value
    version: str | None = None
    """The bridge's "double" or "single", the side bridge's "knees" or "full"."""
    stopped: str | None = None
    """Why the test stopped without a result (a :class:`~practice.assess.protocol.Stop`)."""
    notes: tuple[str, ...] = ()
    """The Thomas test's "thigh-up" and "knee-straighter"."""


SET, HOLD, CUE, ON = "set", "hold", "cue", "on"
"""An extra's kind: one more set, one more hold, a form cue shown on Today,
or an exercise switched on."""
KINDS = (SET, HOLD, CUE, ON)
YES, NO, END = "yes", "no", "end"
ANSWERS = (YES, NO, END)


class Choice(NamedTuple):
    """An answer to a suggestion: yes (the extra is added), no (remembered:
    not offered again for the same results), or end (an extra taken away)."""

    at: int
    day: date
    test: str
    exercise: str
    side: str | None
    kind: str
    basis: date
    """The day of the results the suggestion came from."""
    answer: str

    @property
    def extra(self) -> tuple[str, str | None, str]:
        """Which extra it is about: the exercise, the side and the kind."""
        return self.exercise, self.side, self.kind


class AssessLog(NamedTuple):
    results: tuple[Result, ...] = ()
    choices: tuple[Choice, ...] = ()
