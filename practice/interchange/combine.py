"""Merging two machines' databases so that nothing either side said is lost.

Every part is merged by a rule (:data:`RULES`, one for each table):

* **Cells** (:mod:`practice.store.cells`): each day's entries and fields,
  each setting, each field of an own exercise keep the **later edit**, by
  the cell's own edit time. At the same time (values an older backtui wrote
  keep none: 0) a value beats none, then a fixed order of the values, so both
  machines keep the same one. The safety notice counts as accepted from the
  first acceptance. A day's plan, which is worked out rather than edited,
  comes with its kind (from the side that touched the day last).
* **Lists** (level changes, declines, screening answers, clearances,
  self-test results and answers to suggestions): every entry of both sides,
  once, in the order of their days and times.
* **Own exercises** are matched by id; two different exercises that older
  backtuis gave one id (a different phase or kind of dose) are both kept,
  one under a new id (:mod:`practice.interchange.collide`).

Where the two sides held different values, the value kept and the one not
kept are a :class:`~practice.interchange.differences.Difference`: settings
and own exercises always hold a value; a day's cell counts when both sides
hold it (or took it away). The result depends only on the two files, not on
which one is stored: merging A into B gives what merging B into A gives.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from practice.interchange.collide import Renames, collisions, renamed_day, renamed_doc, renamed_settings
from practice.interchange.differences import Difference
from practice.interchange.opened import ABSENT, Cell, Day, Side, canonical, day_document, stamps_in
from practice.store import cells as stored
from practice.store.assessments import CHOICES, RESULTS
from practice.store.days import Interner
from practice.store.known import OLD_IDS
from practice.store.lists import in_order
from practice.store.own import OWN
from practice.store.programme import ANSWERS, CHANGES, CLEARANCES, DECLINES

OURS, NUMBERS, CELLS, OWN_RULE, LIST, IDS = "this file's", "numbers", "cells", "own", "list", "ids"
RULES: Mapping[str, str] = {
    "meta": OURS, "exercises": NUMBERS, "plans": NUMBERS, "days": CELLS, stored.CLEARED: CELLS,
    "settings": CELLS, OWN: OWN_RULE, OLD_IDS: IDS,
    CHANGES: LIST, DECLINES: LIST, ANSWERS: LIST, CLEARANCES: LIST, RESULTS: LIST, CHOICES: LIST,
}
"""How each table merges; a table without a rule is never merged (the merge
is refused rather than drop it)."""
STAMPED = frozenset({CHANGES, DECLINES})
"""Lists whose ``at`` the store adds: the same entry made on both sides is one."""


class Unmergeable(ValueError):
    """The files hold something this backtui cannot merge."""


class Outcome(NamedTuple):
    tables: dict[str, Any]
    """The merged database, in the stored file's numbers."""
    differences: list[Difference]
    changed_days: int
    new_ticks: int
    new_entries: int
    renamed: list[tuple[str, str, str]]
    """Own exercises moved to a new id: (old, new, "here" or "there")."""
    changed: bool
    """Anything to save (a table holds anything new)."""
    new_results: tuple[dict[str, Any], ...] = ()
    """The self-test results only the other side had (also in ``new_entries``)."""


def combine(ours_tables: dict[str, Any], theirs_tables: dict[str, Any]) -> Outcome:
    """``theirs`` merged into ``ours`` (both of the right shape, this version's)."""
    unknown = sorted((ours_tables.keys() | theirs_tables.keys()) - RULES.keys())
    if unknown:
        raise Unmergeable(f"it holds a table this backtui cannot merge ({unknown[0][:30]!r})")
    ours, theirs = Side(ours_tables), Side(theirs_tables)
    found: list[Difference] = []
    renames = collisions(ours.own(), theirs.own())
    tables = dict(ours_tables)
    own = _own(ours, theirs, renames, found)
    if own is not None:
        tables[OWN] = own
    days, new_ticks = _days(ours, theirs, renames, found, tables)
    settings = _settings(ours, theirs, renames, found)
    if settings is not None:
        tables["settings"] = {"1": settings}
    new_entries = 0
    for name, rule in RULES.items():
        if rule in (LIST, IDS):
            merged = _list(name, ours, theirs, renames)
            if merged is not None:
                new_entries += (len(merged) - len(ours_tables.get(name, {}))) * (rule == LIST)
                tables[name] = merged
    renamed = [(old, new, "here") for old, new in renames[0].items()]
    renamed += [(old, new, "there") for old, new in renames[1].items()]
    changed = any(tables[name] is not ours_tables.get(name) for name in tables)
    known = list(ours_tables.get(RESULTS, {}).values())
    new_results = tuple(doc for doc in tables.get(RESULTS, {}).values() if doc not in known)
    return Outcome(tables, found, days, new_ticks, new_entries, renamed, changed, new_results)


def pick(here: Cell, there: Cell, found: list[Difference], where: tuple[str, ...],
         meaning: Callable[[Any], Any] = lambda v: v, always: bool = False) -> Cell:
    """The later edit of one cell; a difference is noted where both sides
    knew the cell (``always``: where they differ at all)."""
    kept = max(here, there, key=Cell.rank)
    if (always or (here.known and there.known)) and meaning(here.value) != meaning(there.value):
        found.append(Difference(where, here.value, there.value, kept is here, here.stamp != there.stamp))
    return kept


def _entry_meaning(value: Any) -> Any:
    """What an exercise's entry says, without when it was ticked (a tick on
    both sides is not a difference, whatever the time)."""
    return {**value, "ticks": True} if isinstance(value, dict) and "ticks" in value else value


def _earliest_tick(here: Cell, there: Cell, kept: Cell) -> Cell:
    """An exercise ticked on both sides stays ticked at the earlier time
    known, whichever side's entry is kept."""
    if not all(isinstance(c.value, dict) and "ticks" in c.value for c in (here, there, kept)):
        return kept
    times = [at for at in (here.value["ticks"], there.value["ticks"]) if at is not None]
    return Cell(kept.stamp, {**kept.value, "ticks": min(times, default=None)})


def merge_day(day: str, here: Day | None, there: Day | None, found: list[Difference]) -> Day:
    """One day from both sides."""
    here, there = here or Day({}, {}), there or Day({}, {})
    cells: dict[str, Any] = {}
    edited: dict[str, int] = {}
    for key in sorted(here.cells.keys() | there.cells.keys() | here.edited.keys() | there.edited.keys()):
        meaning = (lambda v: v) if key in stored.DAY_CELLS else _entry_meaning
        a, b = here.cell(key), there.cell(key)
        kept = _earliest_tick(a, b, pick(a, b, found, ("day", day, key), meaning))
        if kept.value is not ABSENT:
            cells[key] = kept.value
        if kept.stamp:
            edited[key] = kept.stamp
    kind = cells.get("kind", "normal")
    planned = [side for side in (here, there) if side.plan is not None]
    planned = [side for side in planned if side.kind == kind] or planned
    plan = max(planned, key=lambda side: (side.latest, canonical(side.plan))).plan if planned else None
    return Day(cells, stamps_in(edited, cells), plan)


def _days(ours: Side, theirs: Side, renames: Renames, found: list[Difference],
          tables: dict[str, Any]) -> tuple[int, int]:
    """Merge every day into ``tables``; how many changed, and the new ticks."""
    quick = ours.numbers_agree(theirs) and not any(renames)
    keys = theirs.days.keys() | theirs.cleared.keys()
    if any(renames):
        keys |= ours.days.keys() | ours.cleared.keys()
    interner = Interner(ours.exercises, ours.plans)
    days, cleared = dict(ours.days), dict(ours.cleared)
    changed = new_ticks = 0
    for key in sorted(keys, key=int):
        if quick and ours.raw_day(key) == theirs.raw_day(key):
            continue
        here_raw, there_raw = ours.day(key), theirs.day(key)
        here = renamed_day(here_raw, there_raw, renames[0])
        there = renamed_day(there_raw, here_raw, renames[1])
        merged = merge_day(key, here, there, found)
        if merged == here_raw:
            continue
        changed += merged.cells != (here_raw.cells if here_raw else {})  # a new plan alone is no change
        ticked = {i for i, v in (here_raw.cells if here_raw else {}).items() if isinstance(v, dict) and "ticks" in v}
        new_ticks += sum(1 for i, v in merged.cells.items() if isinstance(v, dict) and "ticks" in v and i not in ticked)
        doc = day_document(merged, interner)
        days.pop(key, None)
        cleared.pop(key, None)
        if merged.cells:
            days[key] = doc
        elif doc[stored.EDITED]:
            cleared[key] = doc
    if days != ours.days or cleared != ours.cleared:
        tables["days"], tables[stored.CLEARED] = days, cleared
        for name, mine, new in (("exercises", ours.exercises, interner.new_ids),
                                ("plans", ours.plans, interner.new_plans)):
            tables[name] = {**mine, **{str(n): doc for n, doc in new.items()}}
    return changed, new_ticks


def _settings(ours: Side, theirs: Side, renames: Renames, found: list[Difference]) -> dict[str, Any] | None:
    """The merged settings document; None if it is ours as it is."""
    (here, here_at), (there, there_at) = ours.settings(), theirs.settings()
    if not there:
        return None
    here, here_at = renamed_settings(here, here_at, there, renames[0])
    there, there_at = renamed_settings(there, there_at, here, renames[1])
    cells: dict[str, Any] = {}
    edited: dict[str, int] = {}
    for key in sorted(here.keys() | there.keys() | here_at.keys() | there_at.keys()):
        field = key.partition("/")[0]
        if field != "on" and stored.SETTINGS_FIELDS[field] == stored.EARLIEST:
            present = [v for v in (here.get(key), there.get(key)) if v is not None]
            if present:
                cells[key] = min(present)
            if max(here_at.get(key, 0), there_at.get(key, 0)):
                edited[key] = max(here_at.get(key, 0), there_at.get(key, 0))
            continue
        kept = pick(Cell(here_at.get(key, 0), here.get(key, ABSENT)),
                    Cell(there_at.get(key, 0), there.get(key, ABSENT)), found, ("settings", key), always=True)
        if kept.value is not ABSENT:
            cells[key] = kept.value
        if kept.stamp:
            edited[key] = kept.stamp
    doc = stored.settings_doc(cells)
    if edited:
        doc[stored.EDITED] = stamps_in(edited, {})
    return None if doc == ours.settings_doc() else doc


def _own(ours: Side, theirs: Side, renames: Renames, found: list[Difference]) -> dict[str, Any] | None:
    """The merged own exercises, in the order they were made; None if ours as they are."""
    here = {renames[0].get(i, i): renamed_doc(doc, renames[0]) for i, doc in ours.own().items()}
    there = {renames[1].get(i, i): renamed_doc(doc, renames[1]) for i, doc in theirs.own().items()}
    rows: list[dict[str, Any]] = []
    for exercise_id in sorted(here.keys() | there.keys()):
        a, b = here.get(exercise_id), there.get(exercise_id)
        rows.append(_own_row(exercise_id, a, b, found) if a and b else a or b or {})
    rows.sort(key=lambda row: (row.get("made", 0), row["id"]))
    if rows == list(ours.own().values()):
        return None
    return {str(n): row for n, row in enumerate(rows, 1)}


def _own_row(exercise_id: str, a: dict[str, Any], b: dict[str, Any], found: list[Difference]) -> dict[str, Any]:
    made_a, made_b = a.get("made", 0), b.get("made", 0)
    fields: dict[str, Any] = {}
    edited: dict[str, int] = {}
    for field in [*stored.own_cells(a), *(f for f in stored.own_cells(b) if f not in a)]:
        kept = pick(Cell(stored.stamps(a).get(field, made_a), a.get(field, ABSENT)),
                    Cell(stored.stamps(b).get(field, made_b), b.get(field, ABSENT)),
                    found, ("own", exercise_id, field), always=True)
        if kept.value is not ABSENT:
            fields[field] = kept.value
        edited[field] = kept.stamp
    made = min(made_a, made_b)
    row = {"id": exercise_id, **fields, "made": made}
    edited = {field: at for field, at in edited.items() if at != made}
    if edited:
        row[stored.EDITED] = edited
    return row


def _list(name: str, ours: Side, theirs: Side, renames: Renames) -> dict[str, Any] | None:
    """Every entry of both sides once, by day and time; None if ours as they are."""
    stored_here = in_order(ours.tables, name)
    stored_there = in_order(theirs.tables, name)
    here = [renamed_doc(doc, renames[0], stored_there) for doc in stored_here]
    there = [renamed_doc(doc, renames[1], stored_here) for doc in stored_there]
    merged: dict[str, dict[str, Any]] = {}
    for doc in (*here, *there):
        identity = canonical({k: v for k, v in doc.items() if k != "at"} if name in STAMPED else doc)
        if identity not in merged or doc.get("at", 0) < merged[identity].get("at", 0):
            merged[identity] = doc
    if RULES[name] == IDS:
        entries = sorted(merged.values(), key=lambda doc: doc["id"])
    else:
        entries = [merged[i] for i in sorted(
            merged, key=lambda i: (merged[i].get("day", 0), merged[i].get("at", 0), i))]
    if entries == stored_here:
        return None
    return {str(n): doc for n, doc in enumerate(entries, 1)}
