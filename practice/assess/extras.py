"""The extras accepted self-test suggestions add to the routine, as the plan
carries them: one more hold or set on one side, or a form cue.

An extra follows the exercise's level now, never above it: the extra bridge
set is at level 4 or the person's level if lower, and only at a one-sided
level (it waits while the bridge is below level 3); a hold is one more of
the level's holds (the hamstring one 30 s, as the facts give it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from practice.assess.mappings import BRIDGE_LEVEL, HAMSTRING, ONE_SIDED_FROM, active
from practice.assess.protocol import TESTS
from practice.assess.records import CUE, HOLD, SET, Choice
from practice.catalog import Catalog, Dose, HoldDose, PyramidDose, RepsDose
from practice.day.plan import Extra

HOLD_SECONDS = {HAMSTRING: 30}
"""Extra holds whose length the facts fix; others are one of the level's holds."""
BRIDGE_CUE = "before each set: feet a little closer, squeeze the glutes, then lift (bridge test)"


def routine_extras(catalog: Catalog, choices: Iterable[Choice], levels: Mapping[str, int]) -> dict[str, tuple[Extra, ...]]:
    """Exercise id -> its extras in force (those whose last answer is yes)."""
    found: dict[str, list[Extra]] = {}
    for (exercise_id, side, kind), choice in sorted(active(choices).items(), key=lambda item: item[1].at):
        exercise = catalog.get(exercise_id)
        if exercise is None:
            continue
        test = TESTS[choice.test].name
        if kind == CUE:
            found.setdefault(exercise.id, []).append(Extra(side, None, BRIDGE_CUE))
            continue
        number = levels.get(exercise.id, exercise.start)
        if kind == SET:
            number = min(number, BRIDGE_LEVEL)
            if number < ONE_SIDED_FROM:
                continue
        dose = _one(exercise.level(number).dose, kind, HOLD_SECONDS.get(exercise.id))
        if dose is None:
            continue
        what = f"one more {'set' if kind == SET else 'hold'} on the {side}"
        found.setdefault(exercise.id, []).append(Extra(side, dose, f"{what}: {dose.describe()} ({test})"))
    return {key: tuple(extras) for key, extras in found.items()}


def _one(dose: Dose, kind: str, seconds: int | None) -> Dose | None:
    """One set, or one hold, of ``dose``, on one side."""
    if kind == SET:
        return dose._replace(sets=1, per_side=False) if isinstance(dose, RepsDose) else None
    if kind == HOLD and isinstance(dose, (HoldDose, PyramidDose)):
        early = isinstance(dose, HoldDose) and dose.may_end_early
        return HoldDose(seconds or dose.seconds, 1, may_end_early=early)
    return None
