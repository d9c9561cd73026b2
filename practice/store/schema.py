"""The shape of the database file, its version, and how old files move forward.

A file carries its version in the ``meta`` table. Opening an older file runs
the migrations from its version up to :data:`VERSION`, one step at a time; a
file from a newer backtui is refused rather than rewritten.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

VERSION = 7
META_TABLE = "meta"
META_DOC = "1"
EVERY_SAVE = ("days", "exercises", "plans", "settings")
"""The tables every save writes (empty or not), besides ``meta``: a file
without one of them is damaged, never a history that is empty."""

Migration = Callable[[dict[str, Any], list[str]], dict[str, Any]]
"""A step from one version to the next; it may add a line to the notes
(what it changed, for the person)."""


def _v1_to_v2(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Version 2 adds optional fields (skips, held seconds, a stop, the safety
    acknowledgement and theme); version-1 files are valid as they are. The
    bump keeps an older backtui from rewriting days and dropping them."""
    return data


def _v2_to_v3(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    from practice.store.repair import v2_to_v3

    return v2_to_v3(data, notes)


def _v3_to_v4(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Version 4 adds optional tables (self-test results and answers, own
    exercises) and settings (kit, own doses and days, the re-test interval,
    questions owed); version-3 files are valid as they are. The bump keeps an
    older backtui from opening a file whose new parts it would drop."""
    return data


def _v4_to_v5(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Version 5 adds an optional field (a fall reported at a morning
    check-in) and keeps safety answers one question at a time. The questions
    owed are worked out from what they follow (a check-in, a stop), so the
    settings no longer keep them. The bump keeps an older backtui from
    dropping a reported fall."""
    for doc in data.get("settings", {}).values():
        if isinstance(doc, dict):
            doc.pop("owed", None)
    return data


def _v5_to_v6(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Version 6 adds optional fields: steps within a level (a change of kind
    "dose" with the doses before and after) and loads (a change of kind
    "load", or one by hand with a load), a declined suggestion's moment, dose
    or load, a dose a physiotherapist set beyond a level's bounds, and longer
    own holds (a walk); version-5 files are valid as they are. The bump keeps
    an older backtui from calling such a file damaged."""
    return data


def _v6_to_v7(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    from practice.store.known import v6_to_v7

    return v6_to_v7(data, notes)


MIGRATIONS: Mapping[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6,
                                       6: _v6_to_v7}
"""``MIGRATIONS[n]`` turns a version-n file into a version n+1 file."""


class Damaged(ValueError):
    """The file's contents are not a backtui database."""


class TooNew(ValueError):
    """The file was written by a newer backtui."""


def version_of(data: Any) -> int:
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise Damaged("not a table of tables")
    meta = data.get(META_TABLE, {}).get(META_DOC)
    version = meta.get("schema") if isinstance(meta, dict) else None
    if type(version) is not int or version < 1:
        raise Damaged("no schema version")
    return version


def stamp(data: dict[str, Any]) -> None:
    """Mark ``data`` as this version's, with every table a save writes."""
    for name in EVERY_SAVE:
        data.setdefault(name, {})
    data.setdefault(META_TABLE, {})[META_DOC] = {"schema": VERSION}


def upgrade(
    data: dict[str, Any], migrations: Mapping[int, Migration], target: int, notes: list[str] | None = None
) -> tuple[dict[str, Any], bool]:
    """Bring ``data`` to ``target``; returns the data and whether it changed.
    Migrations add what they repaired to ``notes``."""
    version = version_of(data)
    if version > target:
        raise TooNew(f"schema {version} is newer than this backtui understands ({target})")
    changed = False
    while version < target:
        data = migrations[version](data, [] if notes is None else notes)
        version += 1
        data[META_TABLE][META_DOC] = {"schema": version}
        changed = True
    return data, changed
