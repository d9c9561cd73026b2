"""Steps a body can take (progression-facts section 7 and 8f): the next dose
within a level, the dose a new level starts at, a step down within a level,
and a load step.

* **Within a level first, one thing at a time**: the repetitions (or, for a
  hold, the number of holds) up to the top of the level's range, then the
  sets, then the hold time. McGill's exercises (the bird dog, the side plank,
  the curl-up) never hold longer: a pyramid adds repetitions to its steps
  towards his shape with its first step at the top of the range (each step
  2 fewer: 5-3-1, 6-4-2, 8-6-4). When no step is left, the dose is at the top of
  the level's range, and the next step is the next level.
* **No step raises the work of a session by more than half** (work: the
  seconds of holding or of repetitions with their top holds,
  :meth:`~practice.catalog.dose.HoldDose.work`). A bigger step is cut short;
  adding a set takes fewer repetitions in each set so that the total rises by
  no more than half; where the level's range has no such number, the level's
  sets stay as they are. A level step lands on the new level's dose, or on
  less of it (hold time, then sets, then repetitions or holds, down to the
  bottom of its range) where that would be more than half as much again.
* **A step down** ("hard" twice in a row, 8e) drops a set, or else the top
  repetitions (about a fifth), a hold, or one repetition from each step of a
  pyramid; never below the bottom of the level's range.
* **Load** (8f, [S86] 2-10%, about 5% for a sensitive back [S91]): about 5%
  more, rounded to the smallest step of the kit (0.5 kg, 1 lb), at least one
  such step and at least 2%; where one step is more than 10% of the load,
  none is suggested.
"""

from __future__ import annotations

from fractions import Fraction

from practice.catalog import Dose, Exercise, HoldDose, Level, PyramidDose, RepsDose
from practice.catalog.bounds import problems, span
from practice.catalog.dose import changed, kind_of
from practice.programme.log import Load

MAX_RISE = Fraction(3, 2)
"""A step raises the work of a session by at most half."""
ORDER = {"reps": ("reps", "sets"), "hold": ("reps", "seconds"), "pyramid": ("ladder",)}
"""What grows within a level, first to last, by kind of dose (a pyramid's
holds never grow: McGill)."""
LANDING = {"reps": ("sets", "reps"), "hold": ("seconds", "reps"), "pyramid": ("ladder", "seconds")}
"""What a level step takes off first where the new level's dose is too big a step."""
PYRAMID_GAP = 2
"""Repetitions between the steps of McGill's pyramids (5-3-1, 6-4-2, 8-6-4)."""
DOWN_SHARE = Fraction(1, 5)
"""How many of the top repetitions a step down drops."""
LOAD_STEP = Fraction(1, 20)
LOAD_LEAST, LOAD_MOST = Fraction(1, 50), Fraction(1, 10)
INCREMENT = {"kg": Fraction(1, 2), "lb": Fraction(1)}
"""The smallest change of load a kit allows (fractional plates, or the next dumbbell)."""


def brief(dose: Dose) -> str:
    """"10 x 1", "30 s x 2", "8 s x 5-3-1": a dose in a few characters, for
    saying what a step changes."""
    if isinstance(dose, RepsDose):
        return f"{dose.reps} x {dose.sets}"
    if isinstance(dose, HoldDose) and dose.seconds >= 300 and dose.reps == 1:
        return f"{dose.seconds / 60:g} min"  # a walk
    if isinstance(dose, HoldDose):
        return f"{dose.seconds} s x {dose.reps}"
    return f"{dose.seconds} s x {'-'.join(map(str, dose.ladder))}"


def fits(level: Level, dose: Dose) -> bool:
    """``dose`` is within the bounds of ``level``."""
    return not problems(dose, level.dose, level.bounds)


def mcgill(exercise: Exercise) -> bool:
    """One of McGill's exercises (its ladder has a pyramid): it grows by
    repetitions, never by longer holds (progression-facts 7)."""
    return any(kind_of(level.dose) == "pyramid" for level in exercise.levels)


def up(level: Level, dose: Dose, longer: bool = True) -> Dose | None:
    """The next step within ``level`` from ``dose``; None at the top of the
    level's range (or for a dose beyond its bounds, which a physiotherapist
    set). ``longer``: the hold time may grow (not for McGill's exercises)."""
    if not fits(level, dose):
        return None
    limit = dose.work() * MAX_RISE
    for field in ORDER[kind_of(dose)]:
        if field == "seconds" and not longer:
            continue
        step = _ladder_up(level, dose, limit) if isinstance(dose, PyramidDose) else _raised(level, dose, field, limit)
        if step is not None:
            return step
    return None


def _raised(level: Level, dose: Dose, field: str, limit: Fraction) -> Dose | None:
    """``field`` raised as far as the range and the limit allow; a set added
    with fewer repetitions in each when a whole set is too big a step."""
    high = span(level.dose, level.bounds, field)[1]
    value: int = getattr(dose, field)
    best = None
    for v in range(value + 1, high + 1):
        candidate = changed(dose, field, v)
        if candidate.work() > limit:
            break
        if fits(level, candidate):
            best = candidate
    if best is None and field == "sets" and isinstance(dose, RepsDose) and value < high:
        reps = span(level.dose, level.bounds, "reps")[0]
        split = [dose._replace(sets=value + 1, reps=r) for r in range(dose.reps - 1, reps - 1, -1)]
        return next((c for c in split if c.work() <= limit and c.work() > dose.work() and fits(level, c)), None)
    return best


def _ladder_up(level: Level, dose: PyramidDose, limit: Fraction) -> Dose | None:
    """Each step of the pyramid one or more repetitions up, towards McGill's
    pyramid with its first step at the top of the range (each step 2 fewer
    than the one before: 5-3-1, 6-4-2, 8-6-4); a step already above it stays."""
    high = span(level.dose, level.bounds, "ladder")[1]
    aim = [max(v, high - PYRAMID_GAP * n, 1) for n, v in enumerate(dose.ladder)]
    best = None
    for k in range(1, high - dose.ladder[0] + 1):
        candidate = dose._replace(ladder=tuple(min(v + k, t) for v, t in zip(dose.ladder, aim)))
        if candidate.work() > limit:
            break
        if candidate.ladder != dose.ladder and fits(level, candidate):
            best = candidate
    return best


def landing(level: Level, work: int) -> Dose:
    """The dose a step up to ``level`` starts at, from a dose of ``work``
    seconds: the level's own, or less of it where that would be more than
    half as much again: what grows last within a level goes first (hold time,
    then sets, then repetitions; a pyramid's steps, then its hold time)."""
    dose = level.dose
    limit = work * MAX_RISE
    for field in LANDING[kind_of(dose)]:
        low = span(level.dose, level.bounds, field)[0]
        while dose.work() > limit:
            lower = _lowered(dose, field, low)
            if lower is None or not fits(level, lower):
                break
            dose = lower
    return dose


def _lowered(dose: Dose, field: str, low: int) -> Dose | None:
    """``field`` one lower, not below ``low``; None if it cannot go lower."""
    if field == "ladder" and isinstance(dose, PyramidDose):
        steps = tuple(max(low, v - 1) for v in dose.ladder)
        return None if steps == dose.ladder else dose._replace(ladder=steps)
    value: int = getattr(dose, field)
    return None if value <= low else changed(dose, field, value - 1)


def down(level: Level, dose: Dose) -> Dose | None:
    """A step down within ``level``: a set fewer, or else the top repetitions
    (a hold fewer, or a shorter hold; a pyramid one lower at each step);
    None when nothing can drop within the level's range."""
    if isinstance(dose, RepsDose):
        tries = [("sets", 1), ("reps", max(1, round(dose.reps * DOWN_SHARE)))]
    elif isinstance(dose, HoldDose):
        tries = [("reps", 1), ("seconds", max(1, round(dose.seconds * DOWN_SHARE)))]
    else:
        tries = [("ladder", 1), ("seconds", 1)]
    for field, by in tries:
        low = span(level.dose, level.bounds, field)[0]
        if field == "ladder":
            candidate = _lowered(dose, field, low)
        else:
            value: int = getattr(dose, field)
            candidate = changed(dose, field, max(low, value - by)) if value > low else None
        if candidate is not None and fits(level, candidate):
            return candidate
    return None


def load_up(load: Load) -> Load | None:
    """About 5% more, in the kit's smallest steps; None when one such step
    is more than 10% of the load."""
    amount, step = load.exact, INCREMENT[load.unit]
    target = amount * (1 + LOAD_STEP)
    steps = max(amount / step + 1, Fraction(_nearest(target / step)), Fraction(_up(amount * (1 + LOAD_LEAST) / step)))
    new = _up(steps) * step
    if new > amount * (1 + LOAD_MOST):
        return None
    return Load.of(new, load.unit)


def _nearest(value: Fraction) -> int:
    return int(value + Fraction(1, 2))


def _up(value: Fraction) -> int:
    whole = int(value)
    return whole if whole == value else whole + 1
