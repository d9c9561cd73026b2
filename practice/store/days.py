"""How a day record is kept compact in the ``days`` table.

Exercise ids are stored as small numbers (the ``exercises`` table), and each
distinct plan (its exercise numbers, their levels and the day's volume) once,
in the ``plans`` table, shared by the days that had it. This keeps ten years
of daily practice near 1 MB.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple


from practice.catalog.dose import Dose, dose_data
from practice.validate.routine import dose_from

from practice.daylog import EMPTY, DayKind, DayRecord, Leg, Rating, Stop, Volume


class StoredPlan(NamedTuple):
    ids: tuple[str, ...]
    levels: Mapping[str, int]
    volume: Volume
    doses: Mapping[str, Dose]
    """Exercise id -> the dose kept for it, where it was not the level's."""


class Names(NamedTuple):
    """The interned tables, read: exercise numbers and plans."""

    exercises: dict[str, str]
    """Exercise number (as the string JSON keys hold) -> exercise id."""
    plans: dict[int, StoredPlan]

    @classmethod
    def read(cls, exercises: Mapping[str, Any], plans: Mapping[str, Any]) -> Names:
        """From the two tables as stored (document number -> document)."""
        names = {key: doc["id"] for key, doc in exercises.items()}
        stored = {}
        for key, doc in plans.items():
            ids = tuple(names[str(n)] for n in doc["ids"])
            levels = dict(zip(ids, doc["levels"])) if "levels" in doc else {}
            doses = {i: dose_from(d) for i, d in zip(ids, doc.get("doses", ())) if d}
            stored[int(key)] = StoredPlan(ids, levels, _VOLUMES[doc.get("volume", "full")], doses or EMPTY)
        return cls(names, stored)


class Interner:
    """Maps exercise ids and plans to small numbers, adding new ones as
    needed, over the ``exercises`` and ``plans`` tables as stored."""

    def __init__(self, exercises: dict[str, Any], plans: dict[str, Any]) -> None:
        self._ids = {doc["id"]: int(key) for key, doc in exercises.items()}
        self._plans = {_plan_key(doc): int(key) for key, doc in plans.items()}
        self.new_ids: dict[int, dict[str, Any] | None] = {}
        self.new_plans: dict[int, dict[str, Any] | None] = {}

    def exercise(self, exercise_id: str) -> int:
        number = self._ids.get(exercise_id)
        if number is None:
            number = self._ids[exercise_id] = max(self._ids.values(), default=0) + 1
            self.new_ids[number] = {"id": exercise_id}
        return number

    def plan(self, record: DayRecord) -> int:
        assert record.plan is not None
        return self.plan_of(plan_data(record))

    def plan_of(self, data: dict[str, Any]) -> int:
        """The number of a plan given in exercise ids (:func:`plan_data`)."""
        doc = {**data, "ids": [self.exercise(i) for i in data["ids"]]}
        key = _plan_key(doc)
        number = self._plans.get(key)
        if number is None:
            number = self._plans[key] = max(self._plans.values(), default=0) + 1
            self.new_plans[number] = doc
        return number


def plan_data(record: DayRecord) -> dict[str, Any]:
    """A day's plan as the ``plans`` table keeps it, in exercise ids."""
    assert record.plan is not None
    doc: dict[str, Any] = {"ids": list(record.plan)}
    if record.levels:
        doc["levels"] = [record.levels.get(i, 0) for i in record.plan]
    if record.volume is not Volume.FULL:
        doc["volume"] = record.volume.value
    if record.doses:
        doc["doses"] = [dose_data(record.doses[i]) if i in record.doses else 0 for i in record.plan]
    return doc


def _plan_key(doc: Any) -> tuple[tuple[str, ...], tuple[int, ...], str, str]:
    doses = json.dumps(doc["doses"], sort_keys=True) if "doses" in doc else ""
    return (tuple(doc["ids"]), tuple(doc.get("levels", ())), doc.get("volume", "full"), doses)


def encode(record: DayRecord, interner: Interner) -> dict[str, Any]:
    def by_number(values: Any) -> dict[str, Any]:
        return {str(interner.exercise(i)): v for i, v in values.items()}

    doc: dict[str, Any] = {"ticks": by_number(record.ticks)}
    if record.plan is not None:
        doc["plan"] = interner.plan(record)
    if record.kind is not DayKind.NORMAL:
        doc["kind"] = record.kind.value
    for field in ("pain_before", "pain_after", "pain_24h"):
        if getattr(record, field) is not None:
            doc[field] = getattr(record, field)
    if record.leg is not None:
        doc["leg"] = record.leg.value
    if record.fall:
        doc["fall"] = True
    if record.note:
        doc["note"] = record.note
    if record.skips:
        doc["skips"] = by_number(record.skips)
    if record.pain_skips:
        doc["pain_skips"] = sorted(interner.exercise(i) for i in record.pain_skips)
    if record.held:
        doc["held"] = by_number(record.held)
    if record.ratings:
        doc["ratings"] = {str(interner.exercise(i)): r.value for i, r in record.ratings.items()}
    if record.pain_during:
        doc["pain_during"] = by_number(record.pain_during)
    if record.stop is not None:
        stop = record.stop
        doc["stop"] = {"at": stop.at}
        if stop.exercise is not None:
            doc["stop"]["exercise"] = interner.exercise(stop.exercise)
    return doc


KINDS = {kind.value: kind for kind in DayKind}
_VOLUMES = {volume.value: volume for volume in Volume}
_RATINGS = {rating.value: rating for rating in Rating}
_LEGS = {leg.value: leg for leg in Leg}


def decode(day: date, doc: dict[str, Any], names: Names) -> DayRecord:
    exercises = names.exercises
    plan = None if "plan" not in doc else names.plans[doc["plan"]]
    stop, leg = doc.get("stop"), doc.get("leg")
    ratings = doc.get("ratings")
    return DayRecord(
        day=day,
        ticks=by_name(doc["ticks"], exercises),
        plan=None if plan is None else plan.ids,
        kind=KINDS[doc.get("kind", "normal")],
        pain_before=doc.get("pain_before"),
        pain_after=doc.get("pain_after"),
        note=doc.get("note", ""),
        skips=by_name(doc.get("skips"), exercises),
        held=by_name(doc.get("held"), exercises),
        stop=None if stop is None else Stop(stop["at"], exercises.get(str(stop.get("exercise")))),
        pain_24h=doc.get("pain_24h"),
        leg=None if leg is None else _LEGS[leg],
        fall=doc.get("fall", False),
        ratings=EMPTY if not ratings else {exercises[k]: _RATINGS[v] for k, v in ratings.items()},
        pain_during=by_name(doc.get("pain_during"), exercises),
        pain_skips=frozenset(exercises[str(n)] for n in doc.get("pain_skips", ())),
        levels=EMPTY if plan is None or not plan.levels else plan.levels,
        volume=Volume.FULL if plan is None else plan.volume,
        doses=EMPTY if plan is None else plan.doses,
    )


def by_name(interned: dict[str, Any] | None, names: dict[str, str]) -> Mapping[str, Any]:
    if not interned:
        return EMPTY
    return dict(zip(map(names.__getitem__, interned), interned.values()))
