"""Exercises that are off until a condition is met (progression-facts 7d and
8c P6). When it is met, the exercise is offered; it is never switched on
silently, and it cannot be switched on by hand before.

* ``prone-erector-isometric``: morning pain 2 or less on 5 of the last 7
  mornings, no flare day and no step-down in the last 7 days, and the bird
  dog at level 3 gone well in 2 sessions (seed 004: not while you have back pain).
* ``back-hyperextension``: the bird dog at level 3 gone well in 2 sessions,
  and no current pain.
* ``kettlebell-swing``: the hip hinge (stiff-legged deadlift) at level 2
  gone well in 2 sessions, no current pain, and lessons from a qualified
  coach first.

A session **went well** when it was completed in full on an ordinary day,
was not rated hard or painful, and pain during it stayed at 3 or below (7d,
8c). "No current pain" is read cautiously: at least 3 morning check-ins in
the last 7 days, all 1 or below.

**Closing again**: once a gated exercise is on, it is left out of the plan
(Today says why) from a day the back is sore (a morning 2 or more above
usual, or of 5 or more, or a flare day) until its whole gate is met again
after that day: the sessions it needs are earned afresh (only sessions after
the sore day count), and its pain part holds over a whole week after it
(read cautiously: the gate's 7 mornings all come after the sore one), both
by the same day. A sore day more than :data:`HOLD_LOOKBACK` days ago no
longer holds it back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from practice.catalog import Catalog
from practice.daylog import DayKind, DayRecord
from practice.programme import pain
from practice.programme.levels import is_step_down, sessions
from practice.programme.log import LevelChange

WEEK = 7
SORE = 5
"""A morning at or above this closes an open gate again."""
HOLD_LOOKBACK = 120
"""Days back a sore day can hold a gated exercise out."""


class Offer(NamedTuple):
    exercise: str
    why: str


class GateInputs(NamedTuple):
    catalog: Catalog
    records: Mapping[date, DayRecord]
    mornings: pain.Scores
    changes: Sequence[LevelChange]
    today: date
    after: date | None = None
    """Count only sessions after this day (a gate met again after a sore day)."""


def _week(today: date) -> list[date]:
    return [today - timedelta(days=n) for n in range(WEEK)]


def _went_well_at(inputs: GateInputs, exercise_id: str, level: int) -> int:
    """Sessions of the exercise at ``level`` or above that went well."""
    exercise = inputs.catalog.get(exercise_id)
    if exercise is None:
        return 0
    return sum(1 for s in sessions(exercise, inputs.records, inputs.today)
               if s.went_well and (s.level or 0) >= level and (inputs.after is None or s.day > inputs.after))


def _no_current_pain(inputs: GateInputs) -> bool:
    week = [inputs.mornings[d] for d in _week(inputs.today) if d in inputs.mornings]
    return len(week) >= 3 and max(week) <= 1


def _settled(inputs: GateInputs) -> bool:
    low = sum(1 for d in _week(inputs.today) if inputs.mornings.get(d, 11) <= 2)
    flare = any(inputs.records.get(d) and inputs.records[d].kind is DayKind.FLARE for d in _week(inputs.today))
    down = any(is_step_down(c) and c.day >= inputs.today - timedelta(days=WEEK - 1) for c in inputs.changes)
    return low >= 5 and not flare and not down


class Gate(NamedTuple):
    calm: Callable[[GateInputs], bool]
    """The pain part, on ``inputs.today``."""
    earned: Callable[[GateInputs], bool]
    """The sessions part."""
    opens: str
    """Why it is offered now."""
    waits: str
    """Why it is not offered yet."""
    again: str
    """What meeting it again after a sore day asks, in words."""


NO_PAIN_WORDS = "a week with no pain (at least 3 morning check-ins, all 1 or below)"
BIRD_AGAIN = "the bird dog at level 3 going well twice more"
GATES: dict[str, Gate] = {
    "prone-erector-isometric": Gate(
        _settled, lambda i: _went_well_at(i, "bird-dog", 3) >= 2,
        "Your mornings have been at 2 or below, with no flare or step down this week, and the bird dog at level "
        "3 went well twice: the prone back-extensor hold can join, gently, 3 times a week.",
        "it waits until your pain has settled (mornings at 2 or below on 5 of 7 days, no flare or step down for a "
        "week) and the bird dog at level 3 has gone well twice",
        f"mornings at 2 or below on 5 of 7 days, with no flare or step down for a week, and {BIRD_AGAIN}"),
    "back-hyperextension": Gate(
        _no_current_pain, lambda i: _went_well_at(i, "bird-dog", 3) >= 2,
        "No pain this week and the bird dog at level 3 went well twice: back extensions can join, starting on the "
        "floor.",
        "it waits until you have had no pain for a week and the bird dog at level 3 has gone well twice",
        f"{NO_PAIN_WORDS}, and {BIRD_AGAIN}"),
    "kettlebell-swing": Gate(
        _no_current_pain, lambda i: _went_well_at(i, "hamstring-dynamic-stiff-leg-deadlift", 2) >= 2,
        "No pain this week and the hip hinge went well twice: kettlebell work can join, once a qualified coach has "
        "shown you the swing.",
        "it waits until you have had no pain for a week and the hip hinge has gone well twice (and learn the swing "
        "from a qualified coach first)",
        f"{NO_PAIN_WORDS}, and the hip hinge at level 2 going well twice more"),
}


def _met(inputs: GateInputs, exercise_id: str) -> bool:
    gate = GATES[exercise_id]
    return gate.calm(inputs) and gate.earned(inputs)


def offers(inputs: GateInputs, off: frozenset[str], declined: frozenset[str]) -> list[Offer]:
    """Gated exercises that are off, whose gate is now met, and not said no to."""
    return [Offer(exercise_id, gate.opens) for exercise_id, gate in GATES.items()
            if exercise_id in off and exercise_id not in declined and _met(inputs, exercise_id)]


def closed(inputs: GateInputs, exercise_id: str) -> str | None:
    """Why a gated exercise cannot be switched on yet; None if it can."""
    if exercise_id not in GATES or _met(inputs, exercise_id):
        return None
    return GATES[exercise_id].waits


def sore_day(inputs: GateInputs) -> date | None:
    """The latest day in the last :data:`HOLD_LOOKBACK` the back was sore (a
    flare day, a morning 2 or more above usual, or one of :data:`SORE` or
    more); None if there was none. Needs only the mornings and flare days."""
    flare = frozenset(d for d, r in inputs.records.items() if r.kind is DayKind.FLARE)
    days = [inputs.today - timedelta(days=n) for n in range(HOLD_LOOKBACK)]
    up = pain.ups(inputs.mornings, days, flare)
    return next((d for d in days if d in flare or d in up or inputs.mornings.get(d, 0) >= SORE), None)


def held(inputs: GateInputs, exercise_id: str) -> str | None:
    """Why a gated exercise that is on is left out today (its back was sore
    and its whole gate has not been met since); None if it is not. The
    records must hold the sessions after the sore day."""
    gate = GATES.get(exercise_id)
    if gate is None:
        return None
    sore = sore_day(inputs)
    if sore is None:
        return None
    since = inputs._replace(after=sore)
    days = [sore + timedelta(days=n) for n in range(WEEK, (inputs.today - sore).days + 1)]
    if any(gate.calm(since._replace(today=d)) and gate.earned(since._replace(today=d)) for d in days):
        return None
    return f"Your back was sore on {sore:%a %-d %b}: it rests until its gate is met again ({gate.again})."
