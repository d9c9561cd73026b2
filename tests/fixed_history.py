"""Four fixed weeks of practice ending Saturday 21 November 2026, for the
report, progress-screen and rule tests. Each day is spelled out."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from practice.daylog import DayKind, DayRecord, Leg, Rating, Stop
from practice.journal.journal import Journal
from practice.programme.log import Answers, Change, LevelChange, QuestionSet
from practice.programme.screening import SETS

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
        journal.db.put(*records, at=None)


def _at(day: date, hour: int, minute: int) -> int:
    return int(datetime(day.year, day.month, day.day, hour, minute).timestamp())


def build_programme(journal: Journal) -> None:
    """What the programme adds to :func:`build`'s four weeks: a morning
    check-in on every recorded day, ratings and pain during exercises, a skip
    for pain, level changes and the safety answers. Call it after ``build``."""
    records = journal.db.records()
    for n in range(27):
        day = FIRST + timedelta(days=n)
        record = records.get(day)
        if record is None:  # the missed day: no check-in either
            continue
        pain_24h = 5 - n // 7  # 5, 4, 3, 2 by week: the first fortnight averages 4.7, the last week 2
        if n == 9:  # the flare day began with a bad morning
            pain_24h = 7
        records[day] = record._replace(pain_24h=pain_24h, leg=Leg.NONE)

    def day(n: int) -> date:
        return FIRST + timedelta(days=n)

    def rate(n: int, exercise_id: str, rating: Rating, pain: int | None = None) -> None:
        record = records[day(n)]
        ratings = {**record.ratings, exercise_id: rating}
        during = record.pain_during if pain is None else {**record.pain_during, exercise_id: pain}
        records[day(n)] = record._replace(ratings=ratings, pain_during=during)

    rate(10, "glute-bridge", Rating.EASY)
    rate(11, "glute-bridge", Rating.EASY, pain=1)
    rate(15, "glute-bridge", Rating.HARD, pain=3)
    rate(15, "bird-dog", Rating.EASY)
    rate(16, "bird-dog", Rating.EASY)
    rate(19, "bird-dog", Rating.JUST_RIGHT, pain=2)
    rate(20, "glute-bridge", Rating.PAINFUL, pain=6)  # the session stopped during it
    # Day 22: the psoas stretch hurt (6/10) and was skipped for pain, which counts as done.
    rate(22, "psoas-kneeling-stretch", Rating.PAINFUL, pain=6)
    records[day(22)] = records[day(22)].with_skip("psoas-kneeling-stretch", "pain 6/10", pain=True)
    with journal.db.transaction():
        journal.db.put(*records.values(), at=None)
        journal.db.add(Answers(_at(day(0), 7, 20), day(0), QuestionSet.FULL, SETS[QuestionSet.FULL], frozenset()))
        journal.db.add(LevelChange(day(13), "glute-bridge", 1, 2, Change.UP, "easy in 2 sessions in a row"))
        journal.db.add(LevelChange(day(17), "bird-dog", 1, 2, Change.UP, "easy in 2 sessions in a row"))
        # A morning of 7 and a session stopped for pain each ask the emergency questions again.
        journal.db.add(Answers(_at(day(9), 7, 25), day(9), QuestionSet.EMERGENCY, SETS[QuestionSet.EMERGENCY],
                               frozenset()))
        journal.db.add(Answers(_at(day(20), 7, 45), day(20), QuestionSet.EMERGENCY,
                               SETS[QuestionSet.EMERGENCY], frozenset()))
        journal.db.add(LevelChange(day(21), "glute-bridge", 2, 1, Change.DOWN, "stopped for pain"))


def build_assessments(journal: Journal) -> None:
    """Two self-assessments on top of :func:`build_programme`: a baseline on
    day 4 and a re-test on day 18 (a fortnight later, clear of the flare on
    day 9), with a stop for pain, and an extra the person accepted."""
    from practice.assess.records import HOLD, YES, Choice, Result

    def day(n: int) -> date:
        return FIRST + timedelta(days=n)

    def result(n: int, minute: int, test: str, value, side=None, version=None, stopped=None, notes=()):
        return Result(_at(day(n), 8, minute), day(n), test, side, value, version, stopped, notes)

    with journal.db.transaction():
        for item in (
            result(4, 0, "sit-and-reach", -8),
            result(4, 2, "thomas", "fail", "left", notes=("thigh-up",)),
            result(4, 3, "thomas", "pass", "right"),
            result(4, 5, "bridge-hold", 45, version="double"),
            result(4, 9, "side-bridge", 20, "left", "knees"),
            result(4, 15, "side-bridge", 32, "right", "knees"),
            result(18, 0, "sit-and-reach", -6),
            result(18, 2, "thomas", "fail", "left", notes=("thigh-up",)),
            result(18, 3, "thomas", "pass", "right"),
            result(18, 5, "bridge-hold", 62, version="double"),
            result(18, 8, "bridge-hold", 24, "left", "single"),
            result(18, 10, "bridge-hold", 35, "right", "single"),
            result(18, 12, "side-bridge", None, "left", "knees", stopped="pain"),
            Choice(_at(day(5), 7, 0), day(5), "thomas", "psoas-kneeling-stretch", "left", HOLD, day(4), YES),
        ):
            journal.db.add(item)
        journal.db.put_settings(journal.db.settings()._replace(hamstring_test="sit-and-reach"))
