"""Days are local calendar dates with a day-start hour; history never moves."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from support import FakeClock

from practice.clock import practice_day
from practice.journal.journal import Journal


def local(text: str, zone: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))


@pytest.mark.parametrize(
    "moment, expected",
    [
        ("2026-11-21T00:30", "2026-11-20"),  # after midnight, before 04:00: the day before
        ("2026-11-21T03:59", "2026-11-20"),
        ("2026-11-21T04:00", "2026-11-21"),
        ("2026-11-21T23:59", "2026-11-21"),
    ],
)
def test_day_start_hour(moment, expected):
    assert practice_day(local(moment, "Europe/Berlin")).isoformat() == expected


@pytest.mark.parametrize(
    "moment, zone, expected",
    [
        # Berlin springs forward 02:00 -> 03:00 on 29 March 2026.
        ("2026-03-29T01:59", "Europe/Berlin", "2026-03-28"),
        ("2026-03-29T03:30", "Europe/Berlin", "2026-03-28"),
        ("2026-03-29T04:00", "Europe/Berlin", "2026-03-29"),
        # Berlin falls back 03:00 -> 02:00 on 25 October 2026 (02:30 happens twice).
        ("2026-10-25T02:30", "Europe/Berlin", "2026-10-24"),
        ("2026-10-25T04:00", "Europe/Berlin", "2026-10-25"),
        # Sydney falls back 03:00 -> 02:00 on 5 April 2026.
        ("2026-04-05T02:30", "Australia/Sydney", "2026-04-04"),
        ("2026-04-05T04:00", "Australia/Sydney", "2026-04-05"),
    ],
)
def test_dst_changes_do_not_shift_days(moment, zone, expected):
    for fold in (0, 1):
        assert practice_day(local(moment, zone).replace(fold=fold)).isoformat() == expected


def daily_ticks(journal: Journal, clock: FakeClock, days: int) -> None:
    """Do the whole plan at 07:30 local time each day."""
    for _ in range(days):
        for exercise_id in journal.view().plan.due:
            journal.tick(exercise_id)
        clock.advance(days=1)


@pytest.mark.parametrize(
    "start, zone",
    [("2026-03-25T07:30", "Europe/Berlin"), ("2026-10-21T07:30", "Europe/Berlin"),
     ("2026-04-01T07:30", "Australia/Sydney")],
)
def test_streak_runs_straight_through_a_dst_change(data_dir, start, zone):
    clock = FakeClock(start, zone)
    journal = Journal(data_dir, clock)
    # Advancing by 24 real hours lands at 06:30 or 08:30 after the change: still one per day.
    daily_ticks(journal, clock, 10)
    assert sorted(journal.records()) == [
        date.fromisoformat(start[:10]) + timedelta(days=n) for n in range(10)
    ]
    stats = journal.stats()
    assert (stats.streak, stats.best_streak, stats.complete_days) == (10, 10, 10)


def test_moving_time_zone_mid_streak_keeps_history(data_dir):
    clock = FakeClock("2026-06-01T07:30", "Europe/Berlin")
    journal = Journal(data_dir, clock)
    daily_ticks(journal, clock, 5)
    before = journal.records()
    # Fly Berlin -> New York: it is 01:30 there, still 5 June by the day-start rule.
    clock.move_to("America/New_York")
    assert journal.records() == before
    assert journal.today() == date(2026, 6, 5) and journal.view().complete
    clock.advance(hours=8)  # the next morning session, 09:30 local on 6 June
    daily_ticks(journal, clock, 3)
    stats = journal.stats()
    assert stats.streak == 8 and stats.best_streak == 8
    after = journal.records()
    assert {d: after[d] for d in before} == before


@pytest.mark.parametrize(
    "zone, expected",
    [("Pacific/Kiritimati", "2026-11-22"), ("Etc/GMT+12", "2026-11-21")],  # UTC+14 and UTC-12
)
def test_extreme_offsets_use_the_local_date(data_dir, zone, expected):
    # 18:00 UTC is 08:00 on the 22nd at UTC+14 and 06:00 on the 21st at UTC-12.
    clock = FakeClock(datetime.fromisoformat("2026-11-21T18:00:00+00:00"), zone)
    journal = Journal(data_dir, clock)
    journal.tick("calf-foam-roll")
    assert [d.isoformat() for d in journal.records()] == [expected]


def test_a_clock_set_back_years_changes_no_history(data_dir):
    clock = FakeClock("2026-11-01T07:30")
    journal = Journal(data_dir, clock)
    daily_ticks(journal, clock, 6)
    before = journal.records()
    best = journal.stats().best_streak
    clock.set_wall("2019-02-03T07:30")
    journal.tick("calf-foam-roll")
    after = journal.records()
    assert {d: after[d] for d in before} == before
    stats = journal.stats()
    # Days after today count in no figure, and the stored ones are kept.
    assert best == 6 and (stats.best_streak, stats.complete_days, stats.streak) == (0, 0, 0)
    with pytest.raises(Exception, match="future"):
        journal.tick("side-plank", date(2026, 11, 2))
    journal.untick("calf-foam-roll", date(2026, 11, 2))  # a future day can be corrected
    assert "calf-foam-roll" not in journal.records()[date(2026, 11, 2)].ticks
    clock.set_wall("2026-11-07T07:30")  # set right again: they count, 2 November now undone
    assert (journal.stats().best_streak, journal.stats().complete_days) == (4, 5)


def test_changing_the_routine_never_changes_a_past_day(journal, clock):
    daily_ticks(journal, clock, 3)
    assert journal.stats().streak == 3
    journal.switch("side-plank", on=True)  # today gains an exercise
    assert "side-plank" in journal.view().plan.due
    stats = journal.stats()
    assert (stats.streak, stats.complete_days) == (3, 3)
    journal.switch("glute-bridge", on=False)
    assert journal.stats().complete_days == 3


def test_today_follows_the_routine_until_the_day_is_past(journal, clock):
    for exercise_id in journal.view().plan.due:
        journal.tick(exercise_id)
    assert journal.view().complete
    journal.switch("leg-swing-dynamic", on=True)  # off by default, daily
    assert not journal.view().complete  # today's plan grew
    journal.tick("leg-swing-dynamic")
    clock.advance(days=1)
    journal.switch("leg-swing-dynamic", on=False)
    yesterday = journal.view(journal.today() - timedelta(days=1))
    assert yesterday.complete and "leg-swing-dynamic" in yesterday.record.plan
    assert "leg-swing-dynamic" not in journal.view().plan.due


def test_untick_and_repeat_ticks(journal):
    first = journal.tick("calf-foam-roll")
    again = journal.tick("calf-foam-roll")
    assert first.changed and not again.changed
    assert again.view.record.ticks == first.view.record.ticks  # the first time is kept
    assert journal.untick("calf-foam-roll").changed
    assert not journal.untick("calf-foam-roll").changed
    assert journal.view().done == ()


def test_tick_time_is_recorded(journal, clock):
    journal.tick("calf-foam-roll")
    assert journal.view().record.ticks["calf-foam-roll"] == int(clock.now().timestamp())
