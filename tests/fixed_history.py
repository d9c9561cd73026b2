"""Four fixed weeks of practice ending Saturday 21 November 2026, for the
report, progress-screen and rule tests. Each day is spelled out."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from practice.daylog import DayKind, DayRecord, Stop
from practice.journal import Journal

FIRST = date(2026, 10, 25)  # a Sunday; today (21 Nov) is day 27


def build(journal: Journal) -> None:
    records = []
    for n in range(27):  # every day before today
        day = FIRST + timedelta(days=n)
        at = int(datetime(day.year, day.month, day.day, 7, 30).timestamp())
        plan = journal.plan(day, DayKind.NORMAL).due
        record = DayRecord(day, {i: at + 60 * k for k, i in enumerate(plan)}, plan,
                           pain_before=6 - n // 6, pain_after=max(0, 4 - n // 6))
        if n == 3:  # a rest day
            record = DayRecord(day, plan=(), kind=DayKind.REST, note="Long drive, rested.")
        if n == 9:  # a flare day, its gentle plan done
            plan = journal.plan(day, DayKind.FLARE).due
            record = record._replace(kind=DayKind.FLARE, plan=plan, ticks={i: at for i in plan}, pain_before=8)
        if n == 12:  # the bridge skipped with a reason
            record = record._replace(ticks={i: t for i, t in record.ticks.items() if i != "glute-bridge"},
                                     skips={"glute-bridge": "hamstrings cramped"})
        if n == 20:  # stopped for pain during the bridge
            record = record._replace(ticks={}, stop=Stop(at, "glute-bridge"), note="Sharp twinge.")
        if n == 24:  # nothing recorded: a missed day
            continue
        records.append(record)
    with journal.db.transaction():
        journal.db.put(*records)
