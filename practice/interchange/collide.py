"""Two different own exercises under one id.

backtui now gives each new own exercise a random part in its id, so two
machines never make the same one. Older backtuis made ``own-wall-sit`` from
the name alone: a "Wall sit" made on each machine shares the id. When the two
differ in what they are (their phase, or the kind of dose), they are two
exercises; a merge keeps both, the one that sorts later (by when it was made,
then by what it holds: the same choice on both machines) under a new id made
from what it holds. Its side's ticks, skips, settings and list entries follow
it, except those the other side holds the same (history both machines shared
before they parted, which cannot be told apart).
"""

from __future__ import annotations

import hashlib
from typing import Any

from practice.catalog import load_catalog
from practice.interchange.opened import ABSENT, Day, canonical
from practice.store import cells as stored
from practice.validate import SLUG_LIMIT

Renames = tuple[dict[str, str], dict[str, str]]
"""Ids moved aside on each side (this file's, the other's): old -> new."""


def _two(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["phase"] != b["phase"] or a["dose"]["kind"] != b["dose"]["kind"])


def _what(row: dict[str, Any]) -> str:
    return canonical({k: v for k, v in row.items() if k not in stored.OWN_KEYS})


def collisions(here: dict[str, dict[str, Any]], there: dict[str, dict[str, Any]]) -> Renames:
    renames: Renames = ({}, {})
    taken = here.keys() | there.keys() | {e.id for e in load_catalog().exercises}
    for exercise_id in sorted(here.keys() & there.keys()):
        a, b = here[exercise_id], there[exercise_id]
        if not _two(a, b):
            continue
        side, row = max(((0, a), (1, b)), key=lambda pair: (pair[1].get("made", 0), _what(pair[1])))
        other = there if side == 0 else here
        digest = hashlib.sha256(_what(row).encode()).hexdigest()
        base = exercise_id[: SLUG_LIMIT - 9].rstrip("-")
        new = next(new for new in (f"{base}-{digest[:n]}" for n in range(4, 9))
                   if new not in taken or (new in other and _what(other[new]) == _what(row)))  # moved there before
        taken.add(new)
        renames[side][exercise_id] = new
    return renames


def renamed_doc(doc: dict[str, Any], mapping: dict[str, str], others: list[dict[str, Any]] | None = None
                ) -> dict[str, Any]:
    """An own exercise (``others`` None) or a list entry under its new id;
    an entry the other side holds the same stays."""
    if doc.get("id") not in mapping or (others is not None and doc in others):
        return doc
    return {**doc, "id": mapping[doc["id"]]}


def renamed_day(day: Day | None, other: Day | None, mapping: dict[str, str]) -> Day | None:
    if day is None or not mapping:
        return day
    other = other or Day({}, {})

    def key(k: str) -> str:
        shared = other.cells.get(k, ABSENT) == day.cells.get(k, ABSENT) and other.edited.get(k) == day.edited.get(k)
        return k if k not in mapping or shared else mapping[k]

    cells = {key(k): v for k, v in day.cells.items()}
    stop = cells.get("stop")
    if stop is not None and stop.get("exercise") in mapping and stop != other.cells.get("stop"):
        cells["stop"] = {**stop, "exercise": mapping[stop["exercise"]]}
    plan = day.plan
    if plan is not None and plan != other.plan:
        plan = {**plan, "ids": [mapping.get(i, i) for i in plan["ids"]]}
    return Day(cells, {key(k): at for k, at in day.edited.items()}, plan)


def renamed_settings(cells: dict[str, Any], edited: dict[str, int], other: dict[str, Any], mapping: dict[str, str]
                     ) -> tuple[dict[str, Any], dict[str, int]]:
    if not mapping:
        return cells, edited

    def key(k: str) -> str:
        field, _, exercise_id = k.partition("/")
        if exercise_id not in mapping or other.get(k, ABSENT) == cells.get(k, ABSENT):
            return k
        return f"{field}/{mapping[exercise_id]}"

    moved = {key(k): v for k, v in cells.items()}
    if "order" in moved and moved["order"] != other.get("order"):
        moved["order"] = [mapping.get(i, i) for i in moved["order"]]
    return moved, {key(k): at for k, at in edited.items()}
