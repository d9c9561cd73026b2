"""How long a day takes, as the person will live it.

The mat exercises are played by the guided session, so their length is the
session's: each dose's own steps (holds, repetitions at their pace, rests,
switches of side, see :meth:`practice.catalog.dose.HoldDose.estimate_seconds`)
and what the session adds around them: the get-ready countdown before each
exercise, the question of how it went after it, a glimpse of what comes
next between two, and each phase's opening screen. The walk is not on the
mat: it is told apart ("and a 10 min walk"), not hidden in the mat's minutes.
The session (:mod:`practice.session.flow`) takes its stage lengths from here,
so the estimate and the session cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from practice.catalog import Dose, Phase
from practice.catalog.dose import CHANGEOVER_SECONDS
from practice.catalog.model import MAT_PHASES
from practice.words import mat_and_walk

DEFAULT_GET_READY = 10
"""The get-ready countdown unless the person chose another (0 to 30)."""
INTRO_SECONDS = 8
"""Each phase's opening screen (why it comes at this point)."""
RATE_SECONDS = 10
"""How was it? after each exercise, before it moves on by itself."""
NEXT_SECONDS = 4
"""What comes next, between two exercises."""


class Timed(NamedTuple):
    """What the length of one exercise on a day depends on."""

    phase: Phase
    dose: Dose
    extras: tuple[Dose, ...] = ()
    """One more hold or set on one side each (self-test suggestions)."""


class Length(NamedTuple):
    mat: int
    """Seconds of the guided session on the mat."""
    walk: int
    """Seconds of walking planned."""

    @property
    def seconds(self) -> int:
        return self.mat + self.walk

    def words(self) -> str:
        """"about 21 min", "about 21 min + a 10 min walk"."""
        return mat_and_walk(self.mat, self.walk)


def exercise_seconds(timed: Timed, get_ready: int = DEFAULT_GET_READY) -> int:
    """One exercise: on the mat, as the guided session plays it (get ready,
    its dose and any extra hold after a switch of sides, then how was it);
    the walk, its minutes."""
    if timed.phase not in MAT_PHASES:
        return timed.dose.estimate_seconds()
    extras = sum(CHANGEOVER_SECONDS + dose.estimate_seconds() for dose in timed.extras)
    return get_ready + timed.dose.estimate_seconds() + extras + RATE_SECONDS


def length(items: Iterable[Timed], get_ready: int = DEFAULT_GET_READY, phase: Phase | None = None) -> Length:
    """The guided session through ``items`` (in the order it plays them),
    and the walk beside it; ``phase``: the session is in this phase already
    (its opening was shown)."""
    mat, walk, count = 0, 0, 0
    last = phase
    for timed in items:
        if timed.phase not in MAT_PHASES:
            walk += timed.dose.estimate_seconds()
            continue
        if timed.phase != last:
            mat += INTRO_SECONDS  # a new phase opens (and has no "next up" before it)
        elif count:
            mat += NEXT_SECONDS  # "next up", between exercises of one phase
        count += 1
        last = timed.phase
        mat += exercise_seconds(timed, get_ready)
    return Length(mat, walk)
