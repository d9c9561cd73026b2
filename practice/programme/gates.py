"""Exercises that are off until a condition is met (progression-facts 7d and
8c P6). When it is met, the exercise is offered; it is never switched on
silently, and it cannot be switched on by hand before.

* ``prone-erector-isometric``: morning pain 2 or less on 5 of the last 7
  mornings, no flare day and no step-down in the last 7 days, and the bird
  dog done at level 3 in 2 sessions (seed 004: not while you have back pain).
* ``back-hyperextension``: the bird dog done at level 3 in 2 sessions, and no
  current pain.
* ``kettlebell-swing``: the hip hinge (stiff-legged deadlift) done at level 2
  in 2 sessions, no current pain, and lessons from a qualified coach first.

"No current pain" is read cautiously: at least 3 morning check-ins in the
last 7 days, all 1 or below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from practice.catalog import Catalog
from practice.daylog import DayKind, DayRecord
from practice.programme import pain
from practice.programme.levels import is_step_down, sessions
from practice.programme.records import LevelChange

WEEK = 7


class Offer(NamedTuple):
    exercise: str
    why: str


class GateInputs(NamedTuple):
    catalog: Catalog
    records: Mapping[date, DayRecord]
    mornings: pain.Scores
    changes: Sequence[LevelChange]
    today: date


def _week(today: date) -> list[date]:
    return [today - timedelta(days=n) for n in range(WEEK)]


def _done_at(inputs: GateInputs, exercise_id: str, level: int) -> int:
    exercise = inputs.catalog.get(exercise_id)
    if exercise is None:
        return 0
    return sum(1 for s in sessions(exercise, inputs.records, inputs.today)
               if s.done and (s.level or 0) >= level)


def _no_current_pain(inputs: GateInputs) -> bool:
    week = [inputs.mornings[d] for d in _week(inputs.today) if d in inputs.mornings]
    return len(week) >= 3 and max(week) <= 1


def _prone(inputs: GateInputs) -> str | None:
    low = sum(1 for d in _week(inputs.today) if inputs.mornings.get(d, 11) <= 2)
    flare = any(inputs.records.get(d) and inputs.records[d].kind is DayKind.FLARE for d in _week(inputs.today))
    down = any(is_step_down(c) and c.day >= inputs.today - timedelta(days=WEEK - 1) for c in inputs.changes)
    if low >= 5 and not flare and not down and _done_at(inputs, "bird-dog", 3) >= 2:
        return ("Your mornings have been at 2 or below, with no flare or step down this week, and the bird dog "
                "at level 3 went well twice: the prone back-extensor hold can join, gently, 3 times a week.")
    return None


def _hyperextension(inputs: GateInputs) -> str | None:
    if _no_current_pain(inputs) and _done_at(inputs, "bird-dog", 3) >= 2:
        return ("No pain this week and the bird dog at level 3 done twice: back extensions can join, "
                "starting on the floor.")
    return None


def _swing(inputs: GateInputs) -> str | None:
    if _no_current_pain(inputs) and _done_at(inputs, "hamstring-dynamic-stiff-leg-deadlift", 2) >= 2:
        return ("No pain this week and the hip hinge done well twice: kettlebell work can join, once a "
                "qualified coach has shown you the swing.")
    return None


GATES: dict[str, Callable[[GateInputs], str | None]] = {
    "prone-erector-isometric": _prone,
    "back-hyperextension": _hyperextension,
    "kettlebell-swing": _swing,
}
CLOSED = {
    "prone-erector-isometric": "it waits until your pain has settled (mornings at 2 or below on 5 of 7 days, "
                               "no flare or step down for a week) and the bird dog at level 3 has gone well twice",
    "back-hyperextension": "it waits until you have had no pain for a week and the bird dog at level 3 has "
                           "gone well twice",
    "kettlebell-swing": "it waits until you have had no pain for a week and the hip hinge has gone well twice "
                        "(and learn the swing from a qualified coach first)",
}


def offers(inputs: GateInputs, off: frozenset[str], declined: frozenset[str]) -> list[Offer]:
    """Gated exercises that are off, whose gate is now met, and not said no to."""
    found = []
    for exercise_id, gate in GATES.items():
        if exercise_id in off and exercise_id not in declined:
            why = gate(inputs)
            if why is not None:
                found.append(Offer(exercise_id, why))
    return found


def closed(inputs: GateInputs, exercise_id: str) -> str | None:
    """Why a gated exercise cannot be switched on yet; None if it can."""
    gate = GATES.get(exercise_id)
    if gate is None or gate(inputs) is not None:
        return None
    return CLOSED[exercise_id]
