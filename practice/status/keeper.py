"""Keeping the status cache beside the database current (see :mod:`practice.status.cache`).

Every save marks it due; the front end that holds the journal owns a keeper
and writes it when the moment suits: the CLI once a command that saved has done its work, the app a moment
after the last change (never between a key and the repainted tick) and as it
closes. Working it out reads the whole log, some 20 ms on ten years of it,
which is why a save does not do it on the spot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from practice.errors import BacktuiError
from practice.journal.journal import Journal
from practice.status import cache
from practice.status.work import work_out


class Keeper:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.due = False
        """A save has made the summary stale."""
        self.on_due: Callable[[], None] | None = None
        """Called after each save (the app schedules its deferred write)."""
        journal.db.storage.on_save = self._saved

    def _saved(self) -> None:
        self.due = True
        if self.on_due is not None:
            self.on_due()

    def write(self) -> dict[str, Any]:
        """Work the status out from the log, keep it, and return it."""
        data = work_out(self.journal)
        journal, storage = self.journal, self.journal.db.storage
        self.due = False
        cache.write(storage.data_dir, storage.stamp, journal.db.settings().day_start_hour, data,
                      journal.clock.now())
        return data

    def flush(self) -> None:
        """Write the summary if a save made it stale. Best effort, as the
        summary is a cache: if the log cannot be read now, the next
        ``status`` works it out."""
        if self.due:
            try:
                self.write()
            except BacktuiError:
                self.due = False
