"""The self-assessment tables: results, and answers to the routine
suggestions. Both are optional (a file without them holds none), appended
to and read whole; this module encodes, decodes and shape-checks them.

The shape check holds every loaded document to :func:`practice.validate.result`
and :func:`practice.validate.choice`, the checks a new one passes, so a
result that could not be entered cannot be loaded either.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

from practice import validate
from practice.assess.records import AssessLog, Choice, Result
from practice.store.lists import documents, in_order
from practice.store.schema import Damaged

RESULTS, CHOICES = "assessments", "assessment_choices"
T = TypeVar("T")
_OPTIONAL = ("side", "value", "version", "stopped")


def encode(item: Result | Choice) -> tuple[str, dict[str, Any]]:
    """The table an item goes in, and its document (absent fields left out)."""
    if isinstance(item, Result):
        doc: dict[str, Any] = {"at": item.at, "day": item.day.toordinal(), "test": item.test}
        doc.update((name, getattr(item, name)) for name in _OPTIONAL if getattr(item, name) is not None)
        if item.notes:
            doc["notes"] = list(item.notes)
        return RESULTS, doc
    return CHOICES, {"at": item.at, "day": item.day.toordinal(), "test": item.test, "id": item.exercise,
                     "side": item.side, "kind": item.kind, "basis": item.basis.toordinal(), "answer": item.answer}


def _result(doc: dict[str, Any]) -> Result:
    return Result(doc["at"], date.fromordinal(doc["day"]), doc["test"], doc.get("side"), doc.get("value"),
                  doc.get("version"), doc.get("stopped"), tuple(doc.get("notes", ())))


def _choice(doc: dict[str, Any]) -> Choice:
    return Choice(doc["at"], date.fromordinal(doc["day"]), doc["test"], doc["id"], doc["side"], doc["kind"],
                  date.fromordinal(doc["basis"]), doc["answer"])


def decode(tables: dict[str, Any]) -> AssessLog:
    return AssessLog(tuple(map(_result, in_order(tables, RESULTS))), tuple(map(_choice, in_order(tables, CHOICES))))


_LAST_DAY = validate.MAX_DAY - timedelta(days=1)
"""Loaded days may lie after today (a clock set back); they stay within the store's years."""
_FIELDS = {
    RESULTS: {"at", "day", "test", "notes", *_OPTIONAL},
    CHOICES: {"at", "day", "test", "id", "side", "kind", "basis", "answer"},
}


def check(tables: dict[str, Any]) -> None:
    """Raise :class:`Damaged` unless both tables have their shape."""
    _check(tables, RESULTS, _result, validate.result)
    _check(tables, CHOICES, _choice, validate.choice)


def _check(tables: dict[str, Any], name: str, build: Callable[[dict[str, Any]], T],
           checked: Callable[[T, date], object]) -> None:
    for key, doc in documents(tables, name):
        if not doc.keys() <= _FIELDS[name] or not all(
                type(doc.get(f)) is int for f in ("at", "day", *(("basis",) if name == CHOICES else ()))):
            raise Damaged(f"{name}/{key}: a field")
        if name == RESULTS and type(doc.get("notes", [])) is not list:
            raise Damaged(f"{name}/{key}: notes")
        try:
            if not validate.MIN_DAY.toordinal() <= doc["day"] <= _LAST_DAY.toordinal():
                raise validate.Invalid("day")
            checked(build(doc), _LAST_DAY)
        except (validate.Invalid, KeyError, ValueError, OverflowError, TypeError):
            raise Damaged(f"{name}/{key}: not a self-test {'result' if name == RESULTS else 'answer'}") from None
