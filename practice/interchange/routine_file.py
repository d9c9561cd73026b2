"""The routine file: a whole routine (kit, every exercise on or off with its
level, the person's own doses and days, the order, their own exercises) as
small JSON a physiotherapist can write by hand. Reading it checks every value
by :mod:`practice.validate` and lists every problem, one line each.

::

    {
      "backtui_routine": 1,
      "kit": ["step"],
      "exercises": [
        {"id": "psoas-kneeling-stretch", "on": true, "level": 2, "dose": {"seconds": 45}},
        {"id": "glute-bridge", "on": true, "level": 1, "days": "mon,wed,fri"},
        {"id": "own-wall-sit", "on": true, "name": "Wall sit", "phase": "glutes",
         "dose": {"kind": "hold", "seconds": 30, "reps": 3}, "days": "daily", "kit": "none",
         "cues": ["Slide down the wall until your knees are bent a little."],
         "caution": "Stop if your knees hurt."}
      ]
    }

A built-in exercise the file leaves out is off; an own exercise it leaves out
is deleted (the days it was done keep it). Within each phase, exercises come
in the file's order; the phases keep theirs. A dose beyond its level's bounds
is taken as set by a physiotherapist, if it is within the hard limits
(:data:`~practice.catalog.bounds.PHYSIO_LIMITS`); loading the file then asks
for a yes once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NamedTuple

from practice.catalog import Catalog, Dose, Exercise, Schedule
from practice.catalog.bounds import FIELDS
from practice.catalog.dose import dose_data, kind_of
from practice.catalog.fit import days_for, dose_for, physio_problems
from practice.day.choices import RoutineSettings
from practice.journal.editor import changed_dose
from practice.journal.own_catalog import OwnExercise, from_data
from practice.validate import Invalid
from practice.validate import routine as check

FORMAT = 1
MARK = "backtui_routine"
ENTRY_FIELDS = ("id", "on", "level", "dose", "days")
MAX_ENTRIES = 200


class Entry(NamedTuple):
    exercise: Exercise
    on: bool
    level: int
    dose: Dose | None
    """The person's own dose at ``level``; None: the level's."""
    days: Schedule | None
    """The person's own days; None: the plan's."""
    physio: bool = False
    """The dose goes beyond the level's bounds: a physiotherapist set it."""


class RoutineFile(NamedTuple):
    kit: frozenset[str] | None
    entries: list[Entry]

    @property
    def own(self) -> list[OwnExercise]:
        return [OwnExercise.of(e.exercise) for e in self.entries if e.exercise.own]


def document(catalog: Catalog, routine: RoutineSettings, levels: Mapping[str, int]) -> dict[str, Any]:
    """The routine as the file holds it."""
    entries = []
    for exercise in routine.ordered(catalog.exercises):
        level = exercise.level(levels[exercise.id])
        entry: dict[str, Any] = {"id": exercise.id, "on": routine.is_on(exercise)}
        if exercise.own:
            entry.update({k: v for k, v in OwnExercise.of(exercise).data().items() if k != "id"})
        else:
            entry["level"] = level.number
            dose = routine.dose(exercise, level)
            level_dose = dose_data(level.dose)
            changed = {k: v for k, v in dose_data(dose).items() if level_dose.get(k) != v}
            if changed:
                entry["dose"] = changed
            if exercise.id in routine.days:
                entry["days"] = routine.schedule(exercise, level).text
        entries.append(entry)
    doc: dict[str, Any] = {MARK: FORMAT}
    if routine.kit is not None:
        doc["kit"] = sorted(routine.kit)
    doc["exercises"] = entries
    return doc


def text(doc: dict[str, Any]) -> str:
    """One exercise a line, so a person can read and edit it."""
    lines = [json.dumps(e, ensure_ascii=False) for e in doc["exercises"]]
    head = {k: v for k, v in doc.items() if k != "exercises"}
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    body = ",\n    ".join(lines)
    return f'{opening}, "exercises": [\n    {body}\n]}}\n'


def parse(raw: str, catalog: Catalog, levels: Mapping[str, int]) -> tuple[RoutineFile | None, list[str]]:
    """The file's routine, or None and every problem found, a line each."""
    try:
        doc = json.loads(raw)
    except RecursionError:
        return None, ["not valid JSON (nested too deeply)"]
    except ValueError as exc:
        return None, [f"not valid JSON ({exc})"]
    if not isinstance(doc, dict) or doc.get(MARK) != FORMAT:
        return None, [f"not a backtui routine file: it needs \"{MARK}\": {FORMAT} at the top"]
    problems = [f"unknown field {k[:30]!r} (the file holds {MARK}, kit and exercises)"
                for k in doc if k not in (MARK, "kit", "exercises")]
    kit = None
    if "kit" in doc:
        try:
            kit = check.kit(doc["kit"] if isinstance(doc["kit"], list) else [doc["kit"]])
        except Invalid as exc:
            problems.append(str(exc))
    items = doc.get("exercises")
    if not isinstance(items, list) or len(items) > MAX_ENTRIES:
        return None, [*problems, f"exercises: expected a list of at most {MAX_ENTRIES} exercises"]
    entries, seen = [], set()
    own_catalog = Catalog(tuple(e for e in catalog.exercises if not e.own), catalog.retired)
    for n, item in enumerate(items):
        where = f"exercises[{n}]"
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            where += f" ({item['id'][:40]})"
        try:
            entry = _entry(item, where, catalog, own_catalog, levels)
        except Invalid as exc:
            problems.append(str(exc))
            continue
        if entry.exercise.id in seen:
            problems.append(f"{where}: this exercise is listed twice")
        seen.add(entry.exercise.id)
        entries.append(entry)
    if len([e for e in entries if e.exercise.own]) > check.MAX_OWN:
        problems.append(f"exercises: at most {check.MAX_OWN} of your own")
    return (None, problems) if problems else (RoutineFile(kit, entries), [])


def _entry(item: Any, where: str, catalog: Catalog, own_catalog: Catalog, levels: Mapping[str, int]) -> Entry:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise Invalid(f"{where}: expected an object with an \"id\"")
    on = item.get("on", True)
    if type(on) is not bool:
        raise Invalid(f"{where} on: expected true or false")
    if item["id"].startswith(check.OWN_PREFIX):
        data = check.own_exercise(item, own_catalog, where)
        return Entry(from_data(data).exercise(), on, 1, None, None)
    exercise = catalog.get(item["id"])
    if exercise is None or exercise.own:
        raise Invalid(f"{where}: no built-in exercise has this id ('backtui routine --all' lists them; "
                      f"ids of your own start with {check.OWN_PREFIX!r})")
    extra = sorted(set(item) - set(ENTRY_FIELDS))
    if extra:
        raise Invalid(f"{where}: unknown field {extra[0][:30]!r} (a built-in exercise takes {', '.join(ENTRY_FIELDS)})")
    number = item.get("level", levels.get(exercise.id, exercise.start))
    if type(number) is not int or not 1 <= number <= exercise.top:
        raise Invalid(f"{where} level: {exercise.name} has levels 1 to {exercise.top}")
    level = exercise.level(number)
    dose, physio = None, False
    if "dose" in item:
        given = _dose(item["dose"], level.dose, f"{where} dose")
        try:
            dose = dose_for(exercise, level, given, f"{where} dose")
        except Invalid as exc:
            beyond = physio_problems(level, given)
            if beyond:
                raise Invalid(f"{exc}; beyond even the limits of a physiotherapist's dose: {'; '.join(beyond)}") from None
            dose, physio = given, True
        dose = None if dose == level.dose else dose
    days = None
    if "days" in item:
        days = days_for(exercise, level, check.days(item["days"], f"{where} days"), f"{where} days")
    return Entry(exercise, on, number, dose, days, physio)


def _dose(value: Any, base: Dose, where: str) -> Dose:
    """A dose written as the fields that differ from the level's (a "kind",
    if given, must be the level's)."""
    if not isinstance(value, dict):
        raise Invalid(f"{where}: expected an object such as {{\"seconds\": 45}}")
    kind = kind_of(base)
    if value.get("kind", kind) != kind:
        raise Invalid(f"{where}: this level's dose is a {kind} dose ({base.describe()})")
    fields = {k: v for k, v in value.items() if k != "kind"}
    wrong = next((k for k, v in fields.items() if k not in FIELDS[kind]), None)
    if wrong is not None:
        raise Invalid(f"{where}: a {kind} dose has {', '.join(FIELDS[kind])}, not {wrong[:30]!r}")
    for name, number in fields.items():
        listed = isinstance(number, list)
        numbers = number if listed else [number]
        if not numbers or not all(type(n) is int for n in numbers) or listed != (name == "ladder"):
            raise Invalid(f"{where} {name}: expected whole numbers" + (", as a list" if name == "ladder" else ""))
    return changed_dose(base, fields)
