"""A history written as one letter a day, for the tests of what is kept
and worked out from it; and a count of whole reads of the database."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from support import FakeClock

from practice.daylog import DayKind, DayRecord, Stop
from practice.journal.journal import Journal
from practice.programme.log import Answers, QuestionSet
from practice.programme.screening import SETS
from practice.store.storage import SafeJSONStorage

KINDS = {"C": DayKind.NORMAL, "P": DayKind.NORMAL, "S": DayKind.NORMAL, "R": DayKind.REST, "F": DayKind.FLARE}

def build(data_dir: Path, clock: FakeClock, days: list[tuple[str, int | None]], answered: int | None,
          ticked_today: int) -> Journal:
    """One letter a day up to yesterday (C complete, P part done, M nothing
    recorded, R rest, F flare day done, S stopped for pain), with a morning
    score or not; the safety questions answered ``answered`` days ago (all
    no); today's first ``ticked_today`` exercises ticked."""
    journal = Journal(data_dir, clock)
    today = journal.today()
    records = []
    for back, (letter, morning) in zip(range(len(days), 0, -1), days):
        day = today - timedelta(days=back)
        if letter == "M" and morning is None:
            continue
        due = journal.plan(day, KINDS.get(letter, DayKind.NORMAL)).due
        done = due if letter in "CF" else due[: len(due) // 2] if letter in "PS" else ()
        at = int(datetime.combine(day, time(8)).timestamp())
        records.append(DayRecord(day, {i: at for i in done}, due, KINDS.get(letter, DayKind.NORMAL),
                                 stop=Stop(at) if letter == "S" else None, pain_24h=morning))
    with journal.db.transaction():
        journal.db.put(*records, at=None)
        if answered is not None:
            day = today - timedelta(days=answered)
            moment = int(datetime.combine(day, time(9)).timestamp())
            journal.db.add(Answers(moment, day, QuestionSet.FULL, SETS[QuestionSet.FULL], frozenset()))
    for exercise_id in journal.view().plan.due[:ticked_today]:
        journal.tick(exercise_id)
    return journal


class WholeReads:
    """Counts reads of the whole database file."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        load = SafeJSONStorage._load

        def counted(storage: SafeJSONStorage) -> bool:
            self.count += 1
            return load(storage)

        monkeypatch.setattr(SafeJSONStorage, "_load", counted)
