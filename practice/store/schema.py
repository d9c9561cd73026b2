"""The database file's version and the tables every save writes, and how a
file is brought forward step by step (the steps are in
:mod:`practice.store.migrate`).

A file carries its version in the ``meta`` table. Opening an older file runs
the migrations from its version up to :data:`VERSION`, one step at a time; a
file from a newer backtui is refused rather than rewritten.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

VERSION = 8
META_TABLE = "meta"
META_DOC = "1"
EVERY_SAVE = ("days", "exercises", "plans", "settings")
"""The tables every save writes (empty or not), besides ``meta``: a file
without one of them is damaged, never a history that is empty."""

Migration = Callable[[dict[str, Any], list[str]], dict[str, Any]]
"""A step from one version to the next; it may add a line to the notes
(what it changed, for the person)."""


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
