"""Leaving an exercise out for now (progression-facts 8e), never for good.

At level 1 a painful session leads to the offer of leaving the exercise out;
saying yes keeps a change to "level 0" (its level stays 1), and the matching
flare-safe exercise of the catalog (``instead``) takes its place. From 7
days on, once 7 days in a row have had no morning, and no pain during an
exercise, of 6 or more, it is offered back at level 1; a no to that offer
waits another 7 days. A gated exercise comes back only through its gate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from practice.catalog import Catalog
from practice.daylog import DayRecord
from practice.programme import pain
from practice.programme.gates import GATES, Offer
from practice.programme.log import Decline, LevelChange

CLEAR_DAYS = 7


def left_out(changes: Sequence[LevelChange], exercise_id: str) -> LevelChange | None:
    """The exercise's last change, if it left the exercise out for now."""
    last = max(((n, c) for n, c in enumerate(changes) if c.exercise == exercise_id),
               key=lambda pair: (pair[1].day, pair[0]), default=None)
    return last[1] if last is not None and last[1].after == 0 else None


def comebacks(catalog: Catalog, on: frozenset[str], changes: Sequence[LevelChange], declines: Sequence[Decline],
              records: Mapping[date, DayRecord], mornings: pain.Scores, today: date) -> list[Offer]:
    """Exercises left out for now that may come back today."""
    window = [today - timedelta(days=n) for n in range(CLEAR_DAYS)]
    if any(mornings.get(d, 0) >= pain.RED for d in window) or any(
            max(records[d].pain_during.values(), default=0) >= pain.RED for d in window if d in records):
        return []
    found = []
    for exercise in catalog.exercises:
        out = None if exercise.id in on or exercise.id in GATES else left_out(changes, exercise.id)
        if out is None or (today - out.day).days < CLEAR_DAYS:
            continue
        said_no = [d.day for d in declines if d.exercise == exercise.id and d.to == 1 and d.day >= out.day]
        if said_no and (today - max(said_no)).days < CLEAR_DAYS:
            continue
        found.append(Offer(exercise.id, f"Left out for now since {out.day:%a %-d %b}, and 7 days without pain of 6 or "
                                        f"more: {exercise.name} can come back at level 1."))
    return found
