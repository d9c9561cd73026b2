"""Stored documents as cells, each with the time it was last edited.

A merge of two machines' files (:mod:`practice.interchange.combine`) keeps,
for every cell, the later edit. A cell is the smallest thing a person edits
as one:

* in a **day**: each exercise's entry (its tick or skip, and the seconds
  held, the rating and the pain during it), keyed by the exercise, and each
  of the day's own fields (:data:`DAY_FIELDS`);
* in the **settings**: each field, except that the routine's on/off lists,
  own doses and own days have a cell per exercise (:data:`SETTINGS_FIELDS`);
* in an **own exercise**: each field.

Each document keeps the edit times of its cells under ``edited`` (Unix
seconds), including those of cells taken away (so that a removal can be the
later edit); a day left holding nothing keeps them in the ``cleared_days``
table. A cell whose time is not kept was either edited at its *implied* time
(an entry's tick time, a stop's time: the moment it was made), or written by
a backtui before version 5, which kept no edit times: then its time is 0.
The store stamps every change it saves (:func:`restamp`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

EDITED = "edited"
CLEARED = "cleared_days"
"""Days whose every cell was taken away, by day number: when each was."""

ENTRY_FIELDS = ("ticks", "skips", "held", "ratings", "pain_during")
"""A day's fields keyed by exercise: together, with ``pain_skips``, an exercise's entry."""
PAIN_SKIPS = "pain_skips"
DAY_CELLS = ("kind", "pain_before", "pain_after", "pain_24h", "leg", "fall", "note", "stop")
"""A day's own fields, each a cell."""
PLAN = "plan"
"""Worked out, not edited: a merge takes it with the day's kind."""
DAY_FIELDS = frozenset((*ENTRY_FIELDS, PAIN_SKIPS, *DAY_CELLS, PLAN, EDITED))
"""Every field a stored day may hold; any other is damage."""

WHOLE, BY_ID, SWITCH, EARLIEST = "whole", "by id", "switch", "earliest"
SETTINGS_FIELDS: Mapping[str, str] = {
    "enabled": SWITCH, "disabled": SWITCH, "kit": WHOLE, "doses": BY_ID, "days": BY_ID, "order": WHOLE,
    "day_start_hour": WHOLE, "safety_ack": EARLIEST, "theme": WHOLE, "rest_days": WHOLE, "get_ready": WHOLE,
    "paced": WHOLE, "sound": WHOLE, "speech": WHOLE, "figures": WHOLE, "retest_days": WHOLE, "hamstring_test": WHOLE,
    "triage": WHOLE,
}
"""How each settings field splits into cells: whole, one cell per exercise
id (``doses/glute-bridge``), one on/off cell per id shared by ``enabled``
and ``disabled`` (``on/bird-dog``), or the earliest of both sides (the
safety notice counts as accepted from the first acceptance)."""

KEPT_WITH_OWN = ("made", EDITED)
"""What the store keeps with an own exercise besides what it is: when it was
made (which orders them) and when each field was edited."""
OWN_KEYS = ("id", *KEPT_WITH_OWN)
"""What an own exercise's document holds besides its fields, each a cell."""

Cells = dict[str, Any]


def day_cells(doc: Mapping[str, Any]) -> Cells:
    """A day document's cells: entries by exercise (its number in the file,
    or its id once opened for a merge) and the day's own fields."""
    cells: Cells = {}
    for field in ENTRY_FIELDS:
        for key, value in doc.get(field, {}).items():
            cells.setdefault(key, {})[field] = value
    for key in doc.get(PAIN_SKIPS, ()):
        cells[str(key)][PAIN_SKIPS] = True
    for field in DAY_CELLS:
        if field in doc:
            cells[field] = doc[field]
    return cells


def day_doc(cells: Mapping[str, Any], number: Any = str) -> dict[str, Any]:
    """The day document of ``cells`` (without its plan and edit times);
    ``number`` turns an entry's key into what ``pain_skips`` holds."""
    doc: dict[str, Any] = {"ticks": {}}
    pain = []
    for key, value in cells.items():
        if key in DAY_CELLS:
            doc[key] = value
            continue
        for field, item in value.items():
            if field == PAIN_SKIPS:
                pain.append(number(key))
            else:
                doc.setdefault(field, {})[key] = item
    if pain:
        doc[PAIN_SKIPS] = sorted(pain)
    return doc


def implied(key: str, value: Any) -> int:
    """When a cell whose edit time is not kept was edited: a ticked entry
    when it was ticked, a stop when it was made; anything else at 0 (an
    older backtui's, or unknown)."""
    at: int = 0
    if key == "stop":
        at = value["at"]
    elif key not in DAY_CELLS and isinstance(value, dict) and value.get("ticks") is not None:
        at = value["ticks"]
    return at


def settings_cells(doc: Mapping[str, Any]) -> Cells:
    cells: Cells = {}
    for field, value in doc.items():
        rule = SETTINGS_FIELDS.get(field)
        if rule == SWITCH:
            cells.update((f"on/{i}", field == "enabled") for i in value)
        elif rule == BY_ID:
            cells.update((f"{field}/{i}", item) for i, item in value.items())
        elif rule is not None:
            cells[field] = value
    return cells


def settings_doc(cells: Mapping[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = {"enabled": [], "disabled": []}
    for key, value in cells.items():
        field, _, exercise_id = key.partition("/")
        if field == "on":
            doc["enabled" if value else "disabled"].append(exercise_id)
        elif exercise_id:
            doc.setdefault(field, {})[exercise_id] = value
        else:
            doc[field] = value
    doc["enabled"].sort()
    doc["disabled"].sort()
    for field in ("doses", "days"):
        if field in doc:
            doc[field] = dict(sorted(doc[field].items()))
    return doc


def own_cells(doc: Mapping[str, Any]) -> Cells:
    return {field: value for field, value in doc.items() if field not in OWN_KEYS}


def stamps(doc: Mapping[str, Any] | None) -> dict[str, int]:
    return dict(doc.get(EDITED, {})) if doc else {}


def restamp(before: Cells, after: Cells, kept: dict[str, int], at: int | None) -> dict[str, int]:
    """The edit times after a save that turned cells ``before`` into
    ``after`` at ``at`` (None: an undated write, as a bulk load of history,
    whose changed cells keep no time)."""
    edited = dict(kept)
    for key in _changed(before, after):
        if at is None or (key in after and implied(key, after[key]) == at):
            edited.pop(key, None)
        else:
            edited[key] = at
    return edited


def _changed(before: Cells, after: Cells) -> Iterable[str]:
    missing = object()
    return [key for key in before.keys() | after.keys() if before.get(key, missing) != after.get(key, missing)]
