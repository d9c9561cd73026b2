"""Keeping the status cache beside the database current (see :mod:`practice.status.cache`).

A save makes it stale; the front end that holds the journal owns a keeper
and writes it when the moment suits: the CLI once a command that saved has
done its work, the app a moment after the last change (never between a key
and the repainted tick) and as it closes. Working it out reads the whole log,
some 20 ms on ten years of it, which is why a save does not do it on the spot.
"""

from __future__ import annotations

from typing import Any

from practice.errors import BacktuiError
from practice.journal.journal import Journal
from practice.status import cache
from practice.status.work import work_out

AHEAD = 1
"""Days after today whose status is worked out too, as they will be if
nothing is saved before them: tomorrow's first ``status`` reads it."""


class Keeper:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._written = 0
        """The store's count of saves when the cache was last written."""

    @property
    def due(self) -> bool:
        """A save has made the cache stale."""
        return self.journal.db.storage.saves != self._written

    def start(self) -> bool:
        """Let the journal answer from the recent part kept beside the
        database while it is the very file's (the whole log is read when
        something needs older days); True if it was."""
        storage = self.journal.db.storage
        kept = cache.read_recent(storage.data_dir, storage.path)
        if kept is not None:
            self.journal.use(*kept)
        return kept is not None

    def write(self) -> dict[str, Any]:
        """Work the status out from the log, keep it, and return it."""
        journal, storage = self.journal, self.journal.db.storage
        days = [work_out(journal), *(work_out(journal.later(days=n)) for n in range(1, AHEAD + 1))]
        self._written = storage.saves
        cache.write(storage.data_dir, journal.db.stamp, journal.db.settings().day_start_hour, days,
                    journal.clock.now())
        if journal.db.recent is None:  # (else the one kept still holds)
            part = journal.recent_part()
            if part is not None:
                cache.write_recent(storage.data_dir, *part)
        return days[0]

    def flush(self) -> None:
        """Write the cache if a save made it stale. Best effort, as it is a
        cache: if the log cannot be read now, the next ``status`` works it out."""
        if self.due:
            try:
                self.write()
            except BacktuiError:
                self._written = self.journal.db.storage.saves
