"""Every exercise id a file names must be one this backtui knows: built in,
the person's own (deleted ones too), or one kept in ``old_ids``.

A file that names any other is damaged, even when it parses to the right
shape: one byte turning ``bird-dog`` into ``bird0dog`` would otherwise cut
that exercise's ticks loose without a word. An import may name ids this
backtui does not know (an exercise a later backtui has, one an older one
had); they are kept in ``old_ids``, so their days keep them, and they count
for nothing else. Older backtuis let them in without a word; the step to
version 5 keeps those there too, and says so.

Version 5 also adds what a merge needs to keep the later of two edits: every
table a save writes, and an order for the entries of the level changes,
declines and own exercises made before (their place, standing in for the
edit time they never kept).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from practice import validate
from practice.catalog import load_catalog
from practice.store import own, programme
from practice.store.assessments import CHOICES
from practice.store.lists import documents
from practice.store.schema import Damaged, EVERY_SAVE
from practice.words import count

OLD_IDS = "old_ids"
SHOWN = 5
"""Ids named in the upgrade's line at most."""


def referenced(tables: dict[str, Any]) -> Iterator[str]:
    """Every exercise id the tables name (days name theirs through ``exercises``)."""
    for doc in tables.get("exercises", {}).values():
        yield doc["id"]
    settings = tables.get("settings", {}).get("1", {})
    for field in ("enabled", "disabled", "order", "doses", "days"):
        yield from settings.get(field, ())
    for name in (programme.CHANGES, programme.DECLINES, CHOICES):
        for doc in tables.get(name, {}).values():
            yield doc["id"]


def known(tables: dict[str, Any]) -> set[str]:
    return {e.id for e in load_catalog().exercises} | {d["id"] for d in own.docs(tables)} | old_ids(tables)


def old_ids(tables: dict[str, Any]) -> set[str]:
    return {doc["id"] for doc in tables.get(OLD_IDS, {}).values()}


def keep_unknown(tables: dict[str, Any], ids: Iterable[str]) -> list[str]:
    """Add to ``old_ids`` (a new table in ``tables``) those of ``ids`` that
    are not known; returns them, sorted."""
    unknown = sorted(set(ids) - known(tables))
    if unknown:
        table = dict(tables.get(OLD_IDS, {}))
        start = max(map(int, table), default=0)
        table.update((str(start + n), {"id": i}) for n, i in enumerate(unknown, 1))
        tables[OLD_IDS] = table
    return unknown


def listed(ids: list[str]) -> str:
    """"a, b and 3 more"."""
    return ", ".join(ids[:SHOWN]) + (f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else "")


def check(tables: dict[str, Any]) -> None:
    """Raise :class:`Damaged` if the tables (of the right shape) name an exercise id not known."""
    for key, doc in documents(tables, OLD_IDS):
        if doc.keys() != {"id"} or not _is_slug(doc["id"], validate):
            raise Damaged(f"{OLD_IDS}/{key}: not an exercise id")
    unknown = set(referenced(tables)) - known(tables)
    if unknown:
        raise Damaged(f"names an exercise this backtui does not know: {min(unknown)!r}")


def _is_slug(value: Any, validate: Any) -> bool:
    return type(value) is str and len(value) <= validate.SLUG_LIMIT and validate.SLUG.fullmatch(value) is not None


def v6_to_v7(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Add the tables every save writes, order the entries made before, and
    keep the unknown ids an older backtui let in. What is not of the right
    shape is left for the shape check to name."""
    if not all(type(table) is dict for table in data.values()):
        return data
    for name in EVERY_SAVE:
        data.setdefault(name, {})
    # (a decline's "at" is the moment of the no, which the rules read: one
    # made before it was kept stays without it, and counts by its day)
    for name, field in ((programme.CHANGES, "at"), (own.OWN, "made")):
        table = data.get(name, {})
        keys = sorted((k for k in table if k.isascii() and k.isdigit()), key=int)
        for place, key in enumerate(keys, 1):
            if type(table[key]) is dict:
                table[key] = {**table[key], field: place}
    try:
        unknown = keep_unknown(data, (i for i in referenced(data) if isinstance(i, str)))
    except (TypeError, KeyError, AttributeError, ValueError):
        return data  # not of the right shape: the shape check says where
    if unknown:
        notes.append(f"upgraded the database for this backtui: kept {count(len(unknown), 'exercise id')} an older "
                     f"backtui let in that this one does not know ({listed(unknown)}); the days that name them "
                     "keep them (the old file is the newest backup)")
    return data
