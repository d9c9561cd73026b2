"""The programme's tables: level changes (and steps of a dose or a load
within a level), declined suggestions, screening answers and clearances.
Each is a short list of small documents (exercise ids kept as text),
appended to and read whole; this module encodes, decodes and shape-checks
them. A change or a decline keeps a dose or a load only where it has one."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from practice import validate
from practice.programme.log import (
    Answers,
    Change,
    Clearance,
    Decline,
    LevelChange,
    Load,
    ProgrammeLog,
    QuestionSet,
)
from practice.catalog.dose import dose_data
from practice.programme.screening import WORDING
from practice.store.lists import documents, in_order
from practice.store.routine_fields import fits
from practice.store.schema import Damaged
from practice.validate.load import data, load_data
from practice.validate.routine import dose_from

CHANGES, DECLINES, ANSWERS, CLEARANCES = "level_changes", "declines", "answers", "clearances"
MAX_LEVEL = 5
MODES, HOWS = ("emergency", "see-gp"), ("seen", "mistake")


def extras(**values: Any) -> dict[str, Any]:
    """The optional fields that are set, as data."""
    found: dict[str, Any] = {}
    for name, value in values.items():
        if value is not None:
            found[name] = value if type(value) is int else data(value) if isinstance(value, Load) else dose_data(value)
    return found


def encode(item: LevelChange | Decline | Answers | Clearance) -> tuple[str, dict[str, Any]]:
    """The table an item goes in, and its document."""
    if isinstance(item, LevelChange):
        return CHANGES, {"day": item.day.toordinal(), "id": item.exercise, "from": item.before,
                         "to": item.after, "change": item.change.value, "why": item.why,
                         **extras(from_dose=item.from_dose, to_dose=item.to_dose, from_load=item.from_load,
                                   to_load=item.to_load)}
    if isinstance(item, Decline):
        return DECLINES, {"day": item.day.toordinal(), "id": item.exercise, "to": item.to,
                          **extras(at=item.at, dose=item.dose, load=item.load)}
    if isinstance(item, Answers):
        return ANSWERS, {"at": item.at, "day": item.day.toordinal(), "set": item.questions.value,
                         "asked": list(item.asked), "yes": sorted(item.yes)}
    return CLEARANCES, {"at": item.at, "day": item.day.toordinal(), "mode": item.mode, "how": item.how}


def _dose(value: Any) -> Any:
    return None if value is None else dose_from(value)


def _load(value: Any) -> Load | None:
    return None if value is None else load_data(value)


def decode(tables: dict[str, dict[str, Any]]) -> ProgrammeLog:
    day = date.fromordinal
    return ProgrammeLog(
        changes=tuple(LevelChange(day(d["day"]), d["id"], d["from"], d["to"], Change(d["change"]), d["why"],
                                  _dose(d.get("from_dose")), _dose(d.get("to_dose")), _load(d.get("from_load")),
                                  _load(d.get("to_load")))
                      for d in in_order(tables, CHANGES)),
        declines=tuple(Decline(day(d["day"]), d["id"], d["to"], d.get("at"), _dose(d.get("dose")), _load(d.get("load")))
                       for d in in_order(tables, DECLINES)),
        answers=tuple(Answers(d["at"], day(d["day"]), QuestionSet(d["set"]), tuple(d["asked"]), frozenset(d["yes"]))
                      for d in in_order(tables, ANSWERS)),
        clearances=tuple(Clearance(d["at"], day(d["day"]), d["mode"], d["how"]) for d in in_order(tables, CLEARANCES)),
    )


def _is_day(value: Any) -> bool:
    return type(value) is int and validate.MIN_DAY.toordinal() <= value < validate.MAX_DAY.toordinal()


def _is_moment(value: Any) -> bool:
    return type(value) is int and validate.MIN_MOMENT <= value < validate.MAX_MOMENT


def _is_id(value: Any) -> bool:
    return type(value) is str and len(value) <= validate.SLUG_LIMIT and validate.SLUG.fullmatch(value) is not None


def _is_level(value: Any, low: int = 1) -> bool:
    return type(value) is int and low <= value <= MAX_LEVEL


def _is_questions(value: Any) -> bool:
    return type(value) is list and all(type(q) is str and q in WORDING for q in value)


_FIELDS: dict[str, dict[str, Callable[[Any], bool]]] = {
    CHANGES: {"day": _is_day, "id": _is_id, "from": lambda v: _is_level(v, 0), "to": lambda v: _is_level(v, 0),
              "change": lambda v: type(v) is str and v in {c.value for c in Change},
              "why": lambda v: type(v) is str and validate.text_problem(v, validate.NOTE_LIMIT) is None},
    DECLINES: {"day": _is_day, "id": _is_id, "to": lambda v: _is_level(v, 0)},
    ANSWERS: {"at": _is_moment, "day": _is_day, "set": lambda v: type(v) is str and v in {s.value for s in QuestionSet},
              "asked": _is_questions, "yes": _is_questions},
    CLEARANCES: {"at": _is_moment, "day": _is_day, "mode": lambda v: type(v) is str and v in MODES,
                 "how": lambda v: type(v) is str and v in HOWS},
}


_OPTIONAL: dict[str, dict[str, Callable[[Any], bool]]] = {
    CHANGES: {"from_dose": fits(_dose), "to_dose": fits(_dose), "from_load": fits(_load), "to_load": fits(_load)},
    DECLINES: {"at": _is_moment, "dose": fits(_dose), "load": fits(_load)},
}


def check(tables: dict[str, Any]) -> None:
    """Raise :class:`Damaged` unless every programme table has its shape
    (level changes and declines made since version 5 also keep when: ``at``)."""
    for name, fields in _FIELDS.items():
        optional = _OPTIONAL.get(name, {})
        for key, doc in documents(tables, name):
            for field, ok in fields.items():
                if field not in doc or not ok(doc[field]):
                    raise Damaged(f"{name}/{key}: {field}")
            for field, ok in optional.items():
                if field in doc and not ok(doc[field]):
                    raise Damaged(f"{name}/{key}: {field}")
            if "at" in doc and not _is_moment(doc["at"]):
                raise Damaged(f"{name}/{key}: at")
