"""Load and validate the exercise catalog shipped inside the package."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from practice.catalog.bounds import Bounds, problems, settable
from practice.catalog.fields import REQUIRED, CatalogError, Fields
from practice.catalog.forms import kit_forms, level_form
from practice.catalog.dose import Dose, HoldDose, PyramidDose, RepsDose, kind_of
from practice.catalog.model import (
    DEFAULT_FLARE_GATE,
    EQUIPMENT,
    Exercise,
    FlareGate,
    LegRule,
    Level,
    Phase,
)
from practice.catalog.schedule import Schedule
from practice.catalog.slug import SLUG

CATALOG_FILE = Path(__file__).with_name("exercises.json")
_SOURCE = re.compile(r"SEED:\d{3}|S\d+")


class Catalog:
    """The exercises in phase order, looked up by id; ``retired`` ones (a
    person's own exercises they deleted) are found by id, for their history,
    but are no longer among ``exercises``."""

    def __init__(self, exercises: tuple[Exercise, ...], retired: tuple[Exercise, ...] = ()) -> None:
        self.exercises = tuple(sorted(exercises, key=lambda e: e.phase))
        self.retired = retired
        self._by_id = {e.id: e for e in (*retired, *self.exercises)}

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]

    def get(self, exercise_id: str) -> Exercise | None:
        return self._by_id.get(exercise_id)


def parse_dose(data: Any, where: str) -> Dose:
    f = Fields(data, f"{where} dose")
    kind = f.text("kind")
    common = {"per_side": f.flag("per_side"), "side_word": f.value("side_word", str, "side")}
    if kind == "hold":
        dose: Dose = HoldDose(
            seconds=f.integer("seconds"),
            reps=f.integer("reps", 1),
            rest=f.integer("rest", 0, minimum=0),
            may_end_early=f.flag("may_end_early"),
            **common,
        )
    elif kind == "reps":
        dose = RepsDose(
            reps=f.integer("reps"),
            sets=f.integer("sets", 1),
            top_hold=f.integer("top_hold", 0, minimum=0),
            rest=f.integer("rest", 0, minimum=0),
            tempo=f.integer("tempo", 3),
            **common,
        )
    elif kind == "pyramid":
        ladder = f.value("ladder", list)
        if not ladder or not all(type(n) is int and n > 0 for n in ladder):
            raise CatalogError(f"{where} dose: 'ladder' must list positive whole numbers")
        dose = PyramidDose(
            seconds=f.integer("seconds"),
            ladder=tuple(ladder),
            rest=f.integer("rest", 0, minimum=0),
            **common,
        )
    else:
        raise CatalogError(f"{where} dose: kind {kind!r} is not hold, reps or pyramid")
    f.finish()
    return dose


def _schedule(text: str, where: str) -> Schedule:
    try:
        return Schedule.parse(text)
    except ValueError as exc:
        raise CatalogError(f"{where}: schedule {exc}") from None


def _equipment(f: Fields, key: str, default: Any = REQUIRED) -> Any:
    value = f.value(key, str, default)
    if value is not None and value not in EQUIPMENT:
        raise CatalogError(f"{f.where}: {key} must be one of {', '.join(EQUIPMENT)}")
    return value


def _kit_also(f: Fields) -> list[str]:
    kit: list[str] = f.value("kit_also", list, [])
    if not all(isinstance(k, str) and k in EQUIPMENT and k != "none" for k in kit):
        raise CatalogError(f"{f.where}: kit_also must list kit from {', '.join(EQUIPMENT[1:])}")
    return kit


def _level(data: Any, number: int, where: str) -> Level:
    f = Fields(data, f"{where} level {number}")
    schedule = f.value("schedule", str, None)
    equipment = _equipment(f, "equipment", None)
    level = Level(
        number=number,
        name=f.text("name"),
        dose=parse_dose(f.value("dose", Mapping), f.where),
        bounds=_bounds(f.value("bounds", Mapping, {}), f.where),
        how=f.text("how"),
        flare_safe=f.value("flare_safe", bool),
        schedule=None if schedule is None else _schedule(schedule, f.where),
        equipment=equipment,
        loaded=f.flag("loaded"),
        form=level_form(f, equipment),
        down_first=f.flag("down_first"),
    )
    f.finish()
    wrong = problems(level.dose, level.dose, level.bounds) or [
        f"'bounds' has {field!r}, which a {kind_of(level.dose)} dose does not have"
        for field in Bounds._fields if getattr(level.bounds, field) and field not in settable(kind_of(level.dose))
    ]
    if wrong:
        raise CatalogError(f"{f.where}: {wrong[0]}")
    return level


def _bounds(data: Mapping[str, Any], where: str) -> Bounds:
    f = Fields(data, f"{where} bounds")
    ranges = {}
    for field in Bounds._fields:
        pair = f.value(field, list, None)
        if pair is None:
            continue
        if len(pair) != 2 or not all(type(n) is int and n > 0 for n in pair) or pair[0] > pair[1]:
            raise CatalogError(f"{f.where}: {field!r} must be [least, most], whole numbers from 1")
        ranges[field] = (pair[0], pair[1])
    f.finish()
    return Bounds(**ranges)


def _exercise(data: Any, index: int) -> Exercise:
    raw_id = data.get("id") if isinstance(data, Mapping) else None
    where = f"catalog entry {raw_id!r}" if isinstance(raw_id, str) else f"catalog entry #{index + 1}"
    f = Fields(data, where)
    exercise_id = f.text("id")
    if not SLUG.fullmatch(exercise_id):
        raise CatalogError(f"{where}: id must be a lowercase slug")
    phase = f.integer("phase")
    if phase not in Phase._value2member_map_:
        raise CatalogError(f"{where}: phase must be 1, 2, 3, 4 or 5")
    sources = f.texts("sources")
    bad = next((s for s in sources if not _SOURCE.fullmatch(s)), None)
    if bad:
        raise CatalogError(f"{where}: source tag {bad!r} is not SEED:NNN or S<number>")
    gate = f.value("flare_gate", Mapping, None)
    flare_gate = DEFAULT_FLARE_GATE
    if gate is not None:
        g = Fields(gate, f"{where} flare_gate")
        flare_gate = FlareGate(g.text("reason"), g.value("alternative", str, None))
        g.finish()
    leg = f.value("leg_symptoms", Mapping, None)
    leg_rule = None
    if leg is not None:
        g = Fields(leg, f"{where} leg_symptoms")
        leg_rule = LegRule(g.text("reason"), g.value("level", int, None))
        g.finish()
    raw_levels = f.value("levels", list)
    if not 2 <= len(raw_levels) <= 5:
        raise CatalogError(f"{where}: 'levels' must hold 2 to 5 levels")
    levels = tuple(_level(item, n, where) for n, item in enumerate(raw_levels, start=1))
    standard, start = f.integer("standard"), f.integer("start")
    if standard > len(levels) or start > len(levels):
        raise CatalogError(f"{where}: 'standard' and 'start' must be levels of the ladder")
    if leg_rule is not None and leg_rule.level is not None and not 1 <= leg_rule.level <= len(levels):
        raise CatalogError(f"{where}: leg_symptoms 'level' must be a level of the ladder")
    equipment = _equipment(f, "equipment")
    kit_also = tuple(_kit_also(f))
    other_kit = {*kit_also, *(lv.equipment for lv in levels if lv.equipment)} - {equipment}
    exercise = Exercise(
        id=exercise_id,
        name=f.text("name"),
        phase=Phase(phase),
        target=f.text("target"),
        equipment=equipment,
        equipment_note=f.text("equipment_note"),
        schedule=_schedule(f.text("schedule"), where),
        cues=f.texts("cues"),
        caution=f.text("caution"),
        flare_gate=flare_gate,
        sources=sources,
        levels=levels,
        standard=standard,
        start=start,
        on_by_default=f.value("default", bool),
        kit_also=kit_also,
        leg_rule=leg_rule,
        instead=f.value("instead", str, None),
        forms=kit_forms(f, other_kit, levels),
    )
    f.finish()
    return exercise


def parse_catalog(data: Any) -> Catalog:
    """Validate decoded catalog JSON; raises :class:`CatalogError` naming the bad entry."""
    if not isinstance(data, Mapping) or not isinstance(data.get("exercises"), list):
        raise CatalogError("catalog: expected an object with an 'exercises' list")
    exercises = tuple(_exercise(item, i) for i, item in enumerate(data["exercises"]))
    seen: set[str] = set()
    for exercise in exercises:
        if exercise.id in seen:
            raise CatalogError(f"catalog entry {exercise.id!r}: duplicate id")
        seen.add(exercise.id)
    by_id = {e.id: e for e in exercises}
    for exercise in exercises:
        alternative = exercise.flare_gate.alternative
        if alternative is not None and alternative not in seen:
            raise CatalogError(
                f"catalog entry {exercise.id!r}: alternative {alternative!r} is not in the catalog"
            )
        instead = by_id.get(exercise.instead or "")
        if exercise.instead is not None and (
                instead is None or instead.id == exercise.id or instead.flare_level(instead.top) is None):
            raise CatalogError(f"catalog entry {exercise.id!r}: instead {exercise.instead!r} must be another "
                               "exercise of the catalog with a flare-safe level")
    return Catalog(exercises)


_cached: Catalog | None = None


def load_catalog() -> Catalog:
    """The catalog shipped with backtui, parsed once per process."""
    global _cached
    if _cached is None:
        text = CATALOG_FILE.read_text("utf-8")
        _cached = parse_catalog(json.loads(text))
    return _cached
