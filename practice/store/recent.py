"""The database's recent part: what a start reads before the whole log.

Today's screen and status read every table but the days whole, and of the
days only the last few weeks; the rules also read every morning check-in's
score and when the log began. :class:`Recent` holds just that, taken from
the whole file at one moment (its stamp: every save makes a new file). The
status cache keeps it beside the database (:mod:`practice.status.cache`), so
that the app draws its first frame without parsing ten years of days; the
:class:`~practice.store.database.Database` answers from it only what it
holds, and only while the file is still the one it was taken from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from practice.store.shape import DAYS, check

Stamp = tuple[int, int, int, int]
MORNING = "pain_24h"


class Recent(NamedTuple):
    stamp: Stamp
    """The identity of the file it was taken from (device, inode, size, mtime)."""
    since: int
    """Every stored day from this ordinal on is here, and only those."""
    tables: dict[str, Any]
    """The database's tables, the days only from ``since`` on."""
    mornings: dict[int, int]
    """Every stored day's morning check-in score, by the day's ordinal."""
    first: int | None
    """The first stored day's ordinal (None: no day is stored)."""

    def holds(self, since: int | None) -> bool:
        """Holds every day a read needs: those from ``since`` on (None: all)."""
        return since is not None and since >= self.since

    def data(self) -> dict[str, Any]:
        """As JSON keeps it (:func:`from_data` reads it back)."""
        return {"stamp": list(self.stamp), "since": self.since, "tables": self.tables,
                "mornings": {str(k): v for k, v in self.mornings.items()}, "first": self.first}


def take(tables: Mapping[str, Any], stamp: Stamp, since: int) -> Recent:
    """The recent part of the whole database ``tables``, as read at ``stamp``."""
    days: dict[str, dict[str, Any]] = tables.get(DAYS, {})
    part = {**tables, DAYS: {key: doc for key, doc in days.items() if int(key) >= since}}
    mornings = {int(key): doc[MORNING] for key, doc in days.items() if MORNING in doc}
    return Recent(stamp, since, part, mornings, min(map(int, days), default=None))


def from_data(data: Any) -> Recent:
    """A recent part as :meth:`Recent.data` wrote it, checked as strictly as
    the database itself is on load; ValueError if it is anything else."""
    if type(data) is not dict or data.keys() != {"stamp", "since", "tables", "mornings", "first"}:
        raise ValueError("not a recent part")
    stamp, since, tables, mornings, first = (data[k] for k in ("stamp", "since", "tables", "mornings", "first"))
    if not (type(stamp) is list and len(stamp) == 4 and all(type(n) is int for n in stamp)):
        raise ValueError("stamp")
    if type(since) is not int or not (first is None or type(first) is int) or type(tables) is not dict:
        raise ValueError("since, first or tables")
    check(tables)  # Damaged is a ValueError
    if any(int(key) < since for key in tables[DAYS]):
        raise ValueError("a day before since")
    if type(mornings) is not dict or not all(
            key.isdigit() and key.isascii() and len(key) <= 9 and type(v) is int and 0 <= v <= 10
            for key, v in mornings.items()):
        raise ValueError("mornings")
    held = {int(key): v for key, v in mornings.items()}
    for key, doc in tables[DAYS].items():
        if held.get(int(key)) != doc.get(MORNING):
            raise ValueError("mornings do not match the days")
    known = [*held, *map(int, tables[DAYS])]
    if (first is None and known) or (first is not None and min(known, default=first) < first):
        raise ValueError("first")
    return Recent((stamp[0], stamp[1], stamp[2], stamp[3]), since, tables, held, first)
