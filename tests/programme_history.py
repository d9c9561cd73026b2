"""Histories for the programme's tests, built through the store as the app
would leave them."""

from __future__ import annotations

from datetime import timedelta

from practice.daylog import DayRecord, Rating
from practice.journal.journal import Journal

MORNINGS = (2, 2, 3, 2, 2, 2)


def ready_to_step_up(journal: Journal, *exercise_ids: str, rating: Rating = Rating.EASY) -> None:
    """Six settled mornings (usual 2) and the exercises done and rated in the
    last two sessions, at their current levels and doses: a step up is due."""
    today = journal.today()
    levels = journal.levels()
    routine = journal.db.settings().routine
    doses = {}  # the person's own doses, as the days kept them
    for i in exercise_ids:
        exercise = journal.exercise(i)
        dose = routine.dose(exercise, exercise.level(levels[i]))
        if dose != exercise.level(levels[i]).dose:
            doses[i] = dose
    records = []
    for back, pain in zip(range(6, 0, -1), MORNINGS):
        day = today - timedelta(days=back)
        record = DayRecord(day, pain_24h=pain)
        if back in (3, 2):
            record = record._replace(
                ticks={i: None for i in exercise_ids}, plan=exercise_ids, levels={i: levels[i] for i in exercise_ids},
                ratings={i: rating for i in exercise_ids}, doses=doses,
            )
        records.append(record)
    records.append(DayRecord(today, pain_24h=2))
    with journal.db.transaction():
        journal.db.put(*records, at=None)
