"""Another backtui database file (a sync conflict copy, a backup), read once
and held to the same checks as the store's own file, never written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from practice.store.schema import Damaged
from practice.store.storage import parse, read_regular


class Snapshot(Storage):
    def __init__(self, path: Path, now: Any = None) -> None:
        """Raises :class:`OSError` if the file cannot be read, :class:`Damaged`
        if it is not a backtui database of the right shape, and
        :class:`~practice.errors.StoreError` if a newer backtui wrote it."""
        self.path = Path(path)
        parsed = parse(read_regular(self.path), self.path)
        if parsed is None:
            raise Damaged(f"{self.path.name} does not read as a backtui database")
        self._data = parsed[0]

    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        raise RuntimeError("a snapshot is never written")
