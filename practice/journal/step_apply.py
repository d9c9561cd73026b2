"""Saving a step the person said yes to, each in one save with its record
for the report: a dose within the level (kept as their own dose, so it shows
everywhere), a load, a level with the dose it starts at, or leaving an
exercise out for now with its flare-safe stand-in switched on. Also the
load typed by hand. Imports no UI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from practice import validate
from practice.catalog import Dose, Exercise
from practice.catalog.fit import dose_for, dose_problems, physio_problems
from practice.day.choices import OwnDose
from practice.errors import UsageError
from practice.programme.levels import current_levels
from practice.programme.log import Change, Decline, LevelChange, Load
from practice.validate.load import load as checked

if TYPE_CHECKING:
    from practice.journal.journal import Journal
    from practice.programme.rules import Suggestion

LOAD_BY_HAND = "load recorded by hand"


def current_load(journal: Journal, exercise_id: str) -> Load | None:
    """The load last recorded for the exercise."""
    return next((c.to_load for c in reversed(journal.db.programme().changes)
                 if c.exercise == exercise_id and c.to_load is not None), None)


def loads(journal: Journal) -> dict[str, Load]:
    """Every exercise's load recorded last."""
    return {c.exercise: c.to_load for c in journal.db.programme().changes if c.to_load is not None}


def take(journal: Journal, suggestion: Suggestion) -> LevelChange:
    """Inside a transaction: save ``suggestion`` (not one leaving the
    exercise out: :func:`leave_out`) with its dose or load."""
    exercise = journal.exercise(suggestion.exercise)
    today = journal.today()
    level = current_levels(journal.catalog, journal.db.programme().changes)[exercise.id]
    why = validate.text(suggestion.why, "why", validate.NOTE_LIMIT)
    if suggestion.change in (Change.DOSE, Change.LOAD) and suggestion.to != level:
        raise UsageError(f"{exercise.name} is at level {level} now: that suggestion no longer applies")
    before = journal.db.settings().routine.dose(exercise, exercise.level(level))
    record = LevelChange(today, exercise.id, level, suggestion.to, suggestion.change, why, before,
                         suggestion.dose, suggestion.load_before, suggestion.load)
    journal.db.add(record)
    if suggestion.change is not Change.LOAD and suggestion.dose is not None:
        _set_dose(journal, exercise, suggestion.to, suggestion.dose)
    journal.replan_today()  # today's plan follows
    return record


def _set_dose(journal: Journal, exercise: Exercise, level: int, dose: Dose) -> None:
    """Inside a transaction: ``dose`` becomes the person's own at ``level``
    (none where it is the level's own). A dose beyond the level's bounds can
    only come back from one a physiotherapist set (a step taken back, the
    return after a break): it is kept as theirs, within the hard limits."""
    at = exercise.level(level)
    if dose == at.dose:
        own = None
    elif dose_problems(exercise, at, dose) and not physio_problems(at, dose):
        own = OwnDose(level, dose, physio=True)
    else:
        own = OwnDose(level, dose_for(exercise, at, dose))
    settings = journal.db.settings()
    journal.db.put_settings(settings._replace(routine=settings.routine.with_dose(exercise.id, own)))


def leave_out(journal: Journal, suggestion: Suggestion) -> Exercise | None:
    """Inside a transaction: leave the exercise out for now (a change to
    level 0, its level kept), and switch its flare-safe stand-in on, at a
    flare-safe level, if it was off and the kit allows it. Returns the
    stand-in it switched on, if any."""
    exercise = journal.exercise(suggestion.exercise)
    today = journal.today()
    level = journal.levels()[exercise.id]
    journal.db.add(LevelChange(today, exercise.id, level, 0, Change.DOWN,
                               validate.text(suggestion.why, "why", validate.NOTE_LIMIT)))
    settings = journal.db.settings()
    routine = settings.routine.switched(exercise, False)
    stand_in = journal.catalog.get(exercise.instead or "")
    if stand_in is not None and not routine.is_on(stand_in):
        number = journal.levels()[stand_in.id]
        safe = stand_in.flare_level(number) or stand_in.flare_level(stand_in.top)
        if safe is not None and routine.has_kit(stand_in, safe):
            routine = routine.switched(stand_in, True)
            if safe.number != number:
                journal.db.add(LevelChange(today, stand_in.id, number, safe.number, Change.HAND,
                                           f"in place of {exercise.name}, left out for now"))
        else:
            stand_in = None
    else:
        stand_in = None
    journal.db.put_settings(settings._replace(routine=routine))
    journal.replan_today()
    return stand_in


def decline(journal: Journal, exercise_id: str, to: int, suggestion: Suggestion | None) -> None:
    """Keep a no, with its moment, and the dose or load a step within the
    level would have moved to (so a no to one step does not hold back another)."""
    dose = suggestion.dose if suggestion is not None and suggestion.change is Change.DOSE else None
    load = suggestion.load if suggestion is not None and suggestion.change is Change.LOAD else None
    with journal.db.transaction():
        journal.db.add(Decline(journal.today(), journal.exercise(exercise_id).id, to, journal.moment(), dose, load))


def in_its_place(journal: Journal, exercise_id: str) -> str:
    """" Sit-to-stand is in your routine in its place.": after leaving an
    exercise out, its stand-in, if it is on ("" if there is none)."""
    stand_in = journal.catalog.get(journal.exercise(exercise_id).instead or "")
    if stand_in is None or not journal.db.settings().routine.is_on(stand_in):
        return ""
    return f" {stand_in.name} is in your routine in its place."


def record_load(journal: Journal, exercise_id: str, value: object, unit: object = None) -> LevelChange:
    """The load the person uses now, typed by hand (kg or lb; by default the
    unit recorded last, else kg), for an exercise at a level that uses a weight."""
    exercise = journal.exercise(exercise_id)
    last = current_load(journal, exercise.id)
    load = checked(value, unit if unit is not None else last.unit if last is not None else "kg")
    with journal.db.transaction():
        level = exercise.level(journal.levels()[exercise.id])
        if not level.loaded:
            raise UsageError(f"{exercise.name} at level {level.number} ({level.name}) uses no added weight")
        before = current_load(journal, exercise.id)
        record = LevelChange(journal.today(), exercise.id, level.number, level.number, Change.HAND, LOAD_BY_HAND,
                             from_load=before, to_load=load)
        if load != before:
            journal.db.add(record)
    return record
