"""A backtui database opened for a merge: each part as cells with their edit
times (:mod:`practice.store.cells`), in exercise ids rather than the numbers
one file gives them, and written back in the numbers of another.

Days are opened one at a time, when a merge needs them: a conflict copy
mostly holds the same days as the database, and those are passed over
without being opened.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NamedTuple

from practice.store import cells as stored
from practice.store.days import Interner
from practice.store.own import OWN


class Absent:
    """No value: a cell one side never held, or took away."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = Absent()


def canonical(value: Any) -> str:
    """The same text for equal values on any machine: the fixed order used
    where edit times cannot tell two values apart."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


class Cell(NamedTuple):
    stamp: int
    value: Any

    @property
    def known(self) -> bool:
        """Held, or taken away at a known time: an edit, not mere absence."""
        return self.value is not ABSENT or self.stamp > 0

    def rank(self) -> tuple[int, bool, str]:
        """The later edit ranks higher; at the same time a value beats none,
        then the fixed order of :func:`canonical`."""
        return self.stamp, self.value is not ABSENT, "" if self.value is ABSENT else canonical(self.value)


class Day(NamedTuple):
    """A day's cells (entries keyed by exercise id), the edit times kept
    for them, and its plan (in exercise ids, or None)."""

    cells: dict[str, Any]
    edited: dict[str, int]
    plan: dict[str, Any] | None = None

    def cell(self, key: str) -> Cell:
        value = self.cells.get(key, ABSENT)
        implied = 0 if value is ABSENT else stored.implied(key, value)
        return Cell(self.edited.get(key, implied), value)

    @property
    def kind(self) -> str:
        kind: str = self.cells.get("kind", "normal")
        return kind

    @property
    def latest(self) -> int:
        """The time of the day's last edit known."""
        return max((self.cell(key).stamp for key in self.cells.keys() | self.edited.keys()), default=0)


def stamps_in(stamps: Mapping[str, int], implied: Mapping[str, Any]) -> dict[str, int]:
    """The edit times a document keeps: those its cells do not imply."""
    return {key: at for key, at in sorted(stamps.items())
            if at and at != (stored.implied(key, implied[key]) if key in implied else 0)}


class Side:
    """One database, as stored, opened on demand."""

    def __init__(self, tables: dict[str, Any]) -> None:
        self.tables = tables
        self.exercises: dict[str, dict[str, Any]] = tables.get("exercises", {})
        self.plans: dict[str, dict[str, Any]] = tables.get("plans", {})
        self.names: dict[str, str] = {key: doc["id"] for key, doc in self.exercises.items()}
        self.days: dict[str, dict[str, Any]] = tables.get("days", {})
        self.cleared: dict[str, dict[str, Any]] = tables.get(stored.CLEARED, {})

    def numbers_agree(self, other: Side) -> bool:
        """Every exercise and plan ``other`` numbers, this side numbers alike
        (both files grew from one), so equal day documents are equal days."""
        pairs = ((self.exercises, other.exercises), (self.plans, other.plans))
        return all(mine.get(key) == doc for mine, theirs in pairs for key, doc in theirs.items())

    def raw_day(self, key: str) -> dict[str, Any] | None:
        return self.days.get(key) or self.cleared.get(key)

    def day(self, key: str) -> Day | None:
        doc = self.raw_day(key)
        if doc is None:
            return None
        name = self.names.__getitem__
        cells = {(key if key in stored.DAY_CELLS else name(key)): value
                 for key, value in stored.day_cells(doc).items()}
        stop = cells.get("stop")
        if stop is not None and "exercise" in stop:
            cells["stop"] = {**stop, "exercise": name(str(stop["exercise"]))}
        edited = {(key if key in stored.DAY_CELLS else name(key)): at for key, at in stored.stamps(doc).items()}
        plan = None
        if "plan" in doc:
            plan = dict(self.plans[str(doc["plan"])])
            plan["ids"] = [name(str(n)) for n in plan["ids"]]
        return Day(cells, stamps_in(edited, cells), plan)

    def settings_doc(self) -> dict[str, Any] | None:
        settings: dict[str, Any] | None = self.tables.get("settings", {}).get("1")
        return settings

    def settings(self) -> tuple[dict[str, Any], dict[str, int]]:
        doc = self.settings_doc() or {}
        return stored.settings_cells(doc), stored.stamps(doc)

    def own(self) -> dict[str, dict[str, Any]]:
        """Own exercises by id."""
        return {doc["id"]: doc for doc in self.tables.get(OWN, {}).values()}


def day_document(day: Day, interner: Interner) -> dict[str, Any]:
    """A merged day in the numbers of the file it goes into (``interner``'s)."""
    number = interner.exercise
    cells = {(key if key in stored.DAY_CELLS else str(number(key))): value for key, value in day.cells.items()}
    stop = cells.get("stop")
    if stop is not None and "exercise" in stop:
        cells["stop"] = {**stop, "exercise": number(stop["exercise"])}
    doc = stored.day_doc(cells, int)
    if day.plan is not None:
        doc["plan"] = interner.plan_of(day.plan)
    edited = stamps_in({(key if key in stored.DAY_CELLS else str(number(key))): at
                        for key, at in day.edited.items()}, cells)
    if not day.cells:
        return {stored.EDITED: edited}
    if edited:
        doc[stored.EDITED] = edited
    return doc
