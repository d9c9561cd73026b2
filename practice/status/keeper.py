"""Keeping the summary beside the database current (see :mod:`practice.status.cache`).

Every save marks it due; whoever holds the journal writes it when the moment
suits: the CLI once a command that saved has done its work, the app a moment
after the last change (never between a key and the repainted tick) and as it
closes. Working it out reads the whole log, some 20 ms on ten years of it,
which is why a save does not do it on the spot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from practice.status import cache as summary
from practice.errors import BacktuiError
from practice.programme import pain

if TYPE_CHECKING:
    from practice.journal.journal import Journal


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
        summary.write(storage.data_dir, storage.stamp, journal.db.settings().day_start_hour, data,
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


def work_out(journal: Journal) -> dict[str, Any]:
    """Today's status from the log: what ``backtui status --json`` prints."""
    from practice.cli.views import status_json
    from practice.journal.coach import Coach

    coach = Coach(journal)
    inputs = coach.inputs()
    data = status_json(inputs.view, journal.stats())
    data["mode"] = coach.mode(inputs).value
    advice = coach.advice(inputs)
    data["suggestions"] = [
        {"id": s.exercise, "change": s.direction, "to_level": s.to,
         "to_dose": None if s.dose is None else s.dose.describe(),
         **({"to_load": s.load.describe()} if s.load is not None else {}), "why": s.why}
        for s in advice.suggestions
    ]
    data["waiting"] = [{"id": w.exercise, "to_level": w.to, "why": w.why} for w in advice.waits]
    data["offers"] = [{"id": o.exercise, "why": o.why} for o in coach.offers(inputs)]
    due = coach.screening_due(inputs)
    data["screening_due"] = None if due is None else due.why
    data["screening_owed"] = 0 if due is None else len(due.questions)
    data["not_easing"] = pain.NOT_EASING_WORDS if pain.not_easing(inputs.mornings, inputs.today) else None
    return data
