"""The routine's fields in the settings document: the kit, the person's own
doses and days, and their order within phases, each optional (a file without
them is a routine of defaults). Encoded, decoded and shape-checked here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from practice import validate
from practice.catalog import Schedule
from practice.catalog.dose import dose_data
from practice.day.choices import OwnDose, RoutineSettings
from practice.validate.routine import days, dose_from, kit


def encode(routine: RoutineSettings) -> dict[str, Any]:
    doc: dict[str, Any] = {"enabled": sorted(routine.enabled), "disabled": sorted(routine.disabled)}
    if routine.kit is not None:
        doc["kit"] = sorted(routine.kit)
    if routine.doses:
        doc["doses"] = {i: {"level": own.level, **({"physio": True} if own.physio else {}), **dose_data(own.dose)}
                        for i, own in sorted(routine.doses.items())}
    if routine.days:
        doc["days"] = {i: days.text for i, days in sorted(routine.days.items())}
    if routine.order:
        doc["order"] = list(routine.order)
    return doc


def decode(doc: Mapping[str, Any]) -> RoutineSettings:
    kit = doc.get("kit")
    return RoutineSettings(
        enabled=frozenset(doc.get("enabled", ())),
        disabled=frozenset(doc.get("disabled", ())),
        kit=None if kit is None else frozenset(kit),
        doses={i: _own_dose(d) for i, d in doc.get("doses", {}).items()},
        days={i: Schedule.parse(text) for i, text in doc.get("days", {}).items()},
        order=tuple(doc.get("order", ())),
    )


def _own_dose(data: dict[str, Any]) -> OwnDose:
    physio = data.get("physio", False)
    if type(physio) is not bool:
        raise validate.Invalid("physio: expected true or false")
    return OwnDose(data["level"], dose_from({k: v for k, v in data.items() if k not in ("level", "physio")}), physio)


def fits(check: Callable[[Any], Any]) -> Callable[[Any], bool]:
    def fits(value: Any) -> bool:
        try:
            check(value)
        except (validate.Invalid, KeyError, TypeError, AttributeError):
            return False
        return True

    return fits


def _by_id(value: Any, each: Callable[[Any], Any]) -> None:
    if type(value) is not dict or len(value) > validate.MAX_IDS:
        raise validate.Invalid("not an object")
    for key, item in value.items():
        validate.exercise_id(key, "id")
        each(item)


def _dose(value: Any) -> None:
    if type(value) is not dict:
        raise validate.Invalid("not a dose")
    validate.level(value["level"], "level")
    _own_dose(value)


def _days(value: Any) -> None:
    days(value)


def _kit(value: Any) -> None:
    if type(value) is not list:
        raise validate.Invalid("not a list")
    kit(value)


FIELDS: dict[str, Callable[[Any], bool]] = {
    "kit": fits(_kit),
    "doses": fits(lambda v: _by_id(v, _dose)),
    "days": fits(lambda v: _by_id(v, _days)),
    "order": fits(lambda v: validate.ids(v, "order")),
}
"""The shape check of each routine field of the settings document."""
