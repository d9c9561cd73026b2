"""What a level takes from a person: their own dose within the level's
bounds (or, set by a physiotherapist, within the hard limits), and their own
days within the rules for strength work. Plain rules over the catalog."""

from __future__ import annotations

from practice.catalog.bounds import OWN_BOUNDS, PHYSIO_LIMITS, field_problems, problems
from practice.catalog.dose import Dose, kind_of
from practice.catalog.model import Exercise, Level
from practice.catalog.schedule import Schedule
from practice.errors import Invalid

MOST_DAYS_FOR_STRENGTH = 3


def days_for(exercise: Exercise, level: Level, schedule: Schedule, field: str = "days") -> Schedule:
    """A person's days for an exercise at ``level``."""
    planned = level.schedule or exercise.schedule
    if exercise.own or planned.per_week == 7:
        return schedule
    if schedule.per_week > MOST_DAYS_FOR_STRENGTH or schedule.back_to_back:
        raise Invalid(f"{field}: {exercise.name} at level {level.number} is planned {planned.describe()}; "
                      f"choose at most {MOST_DAYS_FOR_STRENGTH} days a week with a day between them, "
                      f"not {schedule.describe()}")
    return schedule

def dose_for(exercise: Exercise, level: Level, dose: Dose, field: str = "dose") -> Dose:
    """A person's dose for an exercise at ``level``: within its bounds; a
    refusal says which level nearest to it takes the dose, if one does."""
    found = dose_problems(exercise, level, dose)
    if found:
        other = nearest_level(exercise, level, dose)
        hint = f"; level {other.number} ({other.name}) takes it" if other is not None else ""
        raise Invalid(f"{field}: {'; '.join(found)} (level {level.number} of {exercise.name}){hint}")
    return dose

def nearest_level(exercise: Exercise, level: Level, dose: Dose) -> Level | None:
    """The level nearest to ``level`` whose bounds take ``dose`` (the lower
    of two as near), or None."""
    if exercise.own:
        return None
    others = sorted((lv for lv in exercise.levels if lv.number != level.number),
                    key=lambda lv: (abs(lv.number - level.number), lv.number))
    return next((lv for lv in others if kind_of(lv.dose) == kind_of(dose) and lv.dose.per_side == dose.per_side
                 and not problems(dose, lv.dose, lv.bounds)), None)

def dose_problems(exercise: Exercise, level: Level, dose: Dose) -> list[str]:
    return [problem for _, problem in dose_field_problems(exercise, level, dose)]

def dose_field_problems(exercise: Exercise, level: Level, dose: Dose) -> list[tuple[str, str]]:
    """:func:`dose_problems`, each with the field it is about
    (:func:`~practice.catalog.bounds.field_problems`)."""
    if exercise.own:
        return own_dose_field_problems(dose)
    return field_problems(dose, level.dose, level.bounds)

def physio_problems(level: Level, dose: Dose) -> list[str]:
    """Why a dose a physiotherapist set is beyond the hard limits (rest still
    only grows; the kind stays the level's); [] if it is within them."""
    return problems(dose, level.dose, PHYSIO_LIMITS[kind_of(level.dose)])

def own_dose_problems(dose: Dose) -> list[str]:
    return [problem for _, problem in own_dose_field_problems(dose)]

def own_dose_field_problems(dose: Dose) -> list[tuple[str, str]]:
    """Why an own exercise's dose is outside :data:`OWN_BOUNDS`, by field."""
    return field_problems(dose, dose._replace(rest=0), OWN_BOUNDS[kind_of(dose)], own=True)
