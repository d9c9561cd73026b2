"""Histories for the programme's tests, built through the store as the app
would leave them."""

from __future__ import annotations

from datetime import timedelta

from practice.daylog import DayRecord, Rating
from practice.journal import Journal

MORNINGS = (2, 2, 3, 2, 2, 2)


def ready_to_step_up(journal: Journal, exercise_id: str, rating: Rating = Rating.EASY) -> None:
    """Six settled mornings (usual 2) and the exercise done and rated in the
    last two sessions, at its current level: a step up is due."""
    today = journal.today()
    level = journal.levels()[exercise_id]
    records = []
    for back, pain in zip(range(6, 0, -1), MORNINGS):
        day = today - timedelta(days=back)
        record = DayRecord(day, pain_24h=pain)
        if back in (3, 2):
            record = record._replace(
                ticks={exercise_id: None}, plan=(exercise_id,), levels={exercise_id: level},
                ratings={exercise_id: rating},
            )
        records.append(record)
    records.append(DayRecord(today, pain_24h=2))
    with journal.db.transaction():
        journal.db.put(*records)
